/**
 * A school's pupils with their balances and cards, by class then name, from the `accounts`
 * read model (what a meal coordinator looks at first). Open accounts unless asked otherwise.
 */
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { normalizeClassName } from '@meals/domain';
import type { ReadModelStore } from '@meals/read-model-store';
import { schoolAccounts as readSchoolAccounts, TypedReadModels } from '@meals/read-models';
import { z } from 'zod';
import { READ_MODELS } from '../infrastructure/tokens.js';
import { SchoolDirectory } from '../schools/school-directory.js';
import { accountProfile } from './get-account.js';

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
export type SchoolAccountsQueryParams = z.infer<typeof schoolAccountsQuery>;

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

export class ListSchoolAccountsQuery extends Query<SchoolAccounts> {
  constructor(
    readonly schoolId: string,
    readonly className: string | null,
    readonly status: 'open' | 'closed',
  ) {
    super();
  }
}

@QueryHandler(ListSchoolAccountsQuery)
export class ListSchoolAccountsHandler implements IQueryHandler<ListSchoolAccountsQuery> {
  private readonly readModels: TypedReadModels;

  constructor(
    @Inject(READ_MODELS) store: ReadModelStore,
    private readonly schools: SchoolDirectory,
  ) {
    this.readModels = new TypedReadModels(store);
  }

  async execute({ schoolId, className, status }: ListSchoolAccountsQuery): Promise<SchoolAccounts> {
    await this.schools.assertRegistered(schoolId);
    return readSchoolAccounts(this.readModels, { schoolId, className, status });
  }
}
