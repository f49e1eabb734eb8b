/** Schools: registration, pupil-list imports, day totals and the list of pupils. */
import { z } from 'zod';
import { commandResultFields } from './command-result.js';
import { normalizeClassName } from '@meals/domain';
import { accountProfile } from './accounts.js';
import { humanText } from './human-text.js';
import { withValidPeriod } from './period.js';
import { calendarDate, externalId, schoolId } from './primitives.js';

export const registerSchoolRequest = z
  .strictObject({
    schoolId,
    name: humanText({ max: 200, example: 'МБОУ СОШ №24' }),
    departmentId: externalId.meta({ example: 'uo-central' }),
  })
  .meta({ id: 'RegisterSchoolRequest' });
export type RegisterSchoolRequest = z.infer<typeof registerSchoolRequest>;

export const schoolResult = z
  .object({ ...commandResultFields, schoolId: z.string(), name: z.string(), departmentId: z.string() })
  .meta({ id: 'SchoolResult' });
export type SchoolResult = z.infer<typeof schoolResult>;

/** The pupil list's content types (the body is the file itself). */
export const PUPIL_LIST_CSV = 'text/csv';
export const PUPIL_LIST_XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const pupilImportResult = z
  .object({
    ...commandResultFields,
    created: z.number().int().meta({ description: 'pupils enrolled by this import' }),
    existing: z.number().int().meta({ description: 'pupils that were enrolled before' }),
    accounts: z.array(
      z.object({
        accountNumber: z.string(),
        fullName: z.string(),
        className: z.string(),
        cardUid: z.string(),
        created: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'PupilImportResult' });
export type PupilImportResult = z.infer<typeof pupilImportResult>;

export const dayTotalsQuery = withValidPeriod(z.strictObject({ from: calendarDate, to: calendarDate }));
export type DayTotalsQuery = z.infer<typeof dayTotalsQuery>;

const dayTotals = z.object({
  date: z.string(),
  salesCount: z.number().int(),
  salesTotal: z.number().int(),
  topUpsCount: z.number().int(),
  topUpsTotal: z.number().int(),
});

export const schoolDayTotals = z
  .object({
    schoolId: z.string(),
    from: z.string(),
    to: z.string(),
    days: z.array(dayTotals),
    total: dayTotals.omit({ date: true }),
  })
  .meta({ id: 'SchoolDayTotals' });
export type SchoolDayTotals = z.infer<typeof schoolDayTotals>;

export const schoolAccountsQuery = z.strictObject({
  className: z
    .string()
    .transform((raw, context) => {
      const normalized = normalizeClassName(raw);
      if (normalized === null) context.addIssue({ code: 'custom', message: 'not a class name, e.g. 3Б or 03Б' });
      return normalized ?? raw;
    })
    .optional()
    .meta({ description: 'only this class, e.g. 3Б', example: '03Б' }),
  status: z.enum(['open', 'closed']).default('open'),
});
/** As parsed (class name normalised, status defaulted). */
export type SchoolAccountsQuery = z.infer<typeof schoolAccountsQuery>;
/** As sent. */
export type SchoolAccountsQueryInput = z.input<typeof schoolAccountsQuery>;

export const schoolAccounts = z
  .object({
    schoolId: z.string(),
    className: z.string().nullable(),
    status: z.enum(['open', 'closed']),
    count: z.number().int(),
    totalBalance: z.number().int().meta({ description: 'kopecks' }),
    accounts: z.array(accountProfile),
  })
  .meta({ id: 'SchoolAccounts' });
export type SchoolAccounts = z.infer<typeof schoolAccounts>;
