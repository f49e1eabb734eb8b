/**
 * Building blocks of the request schemas. They check shape and format; the domain's
 * deciders check the business rules.
 */
import { z } from 'zod';
import { isIsoInstant, isValidAccountNumber, isValidCheckNumber, isValidSchoolId } from '@meals/domain';
import { humanText } from './human-text.js';

export const accountNumber = z
  .string()
  .refine(isValidAccountNumber, {
    message: 'not a valid 10-digit account number (check digit mismatch or wrong length)',
  })
  .meta({ description: '10-digit account number with a check digit', example: '0242013138' });

export const schoolId = z
  .string()
  .refine(isValidSchoolId, { message: 'a school number of 1-3 digits without leading zeros' })
  .meta({ description: 'school number', example: '24' });

export const checkNumber = z
  .string()
  .refine(isValidCheckNumber, { message: 'must look like 24-001983 (<school>-<6 digits>)' })
  .meta({ description: 'check number `<school>-<6-digit sequence>`', example: '24-001983' });

export const isoInstant = z
  .string()
  .refine(isIsoInstant, { message: 'an ISO-8601 instant with an offset, e.g. 2024-01-18T09:30:00+03:00' })
  .meta({ description: 'ISO-8601 instant with an offset', example: '2024-01-18T09:30:00+03:00' });

export const cardUid = z
  .string()
  .regex(/^[0-9A-Za-z:_-]{1,64}$/, 'card uid: 1-64 letters, digits, ":", "_" or "-"')
  .meta({ description: 'card uid as read by the till', example: '04A1B2C3D4E5F6' });

/**
 * An id chosen by the caller (payment id, correction id): taken exactly as sent (ids are
 * compared, not read), so only printable characters, at most 128.
 */
export const externalId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[^\u0000-\u001f\u007f-\u009f]+$/, 'printable characters only');

/** Integer kopecks (1 rouble = 100). */
export const kopecks = z.number().int().meta({ description: 'integer kopecks (100 = 1 rouble)' });

/** Why staff did something (a correction, a closing): shown on statements and in audits. */
export const reason = humanText({ max: 500 });

/** `YYYY-MM-DD` that is a real calendar date. */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .refine(
    (value) => {
      // month 13 or day 32 make an invalid Date, whose toISOString throws
      const time = Date.parse(`${value}T00:00:00Z`);
      return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
    },
    { message: 'not a calendar date' },
  )
  .meta({ example: '2024-01-18' });
