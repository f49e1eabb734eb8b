/**
 * A school's pupils with their balances and cards, by class then name, from the `accounts`
 * read model (what a meal coordinator looks at first). Open accounts unless asked otherwise.
 */
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { normalizeClassName } from '@meals/domain';
import type { AccountDoc } from '@meals/projections';
import type { ReadModelStore, Scalar } from '@meals/read-model-store';
import { z } from 'zod';
import { READ_MODELS } from '../infrastructure/tokens.js';
import { SchoolDirectory } from '../schools/school-directory.js';
import { accountProfile, toAccountProfile } from './get-account.js';

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
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelStore,
    private readonly schools: SchoolDirectory,
  ) {}

  async execute({ schoolId, className, status }: ListSchoolAccountsQuery): Promise<SchoolAccounts> {
    await this.schools.assertRegistered(schoolId);
    const where: Record<string, Scalar> = { schoolId, status };
    if (className !== null) where['className'] = className;
    const docs = await this.readModels.find<AccountDoc>('accounts', {
      where,
      orderBy: [
        { field: 'className', direction: 'asc' },
        { field: 'fullName', direction: 'asc' },
      ],
    });
    const accounts = docs.map(toAccountProfile);
    return {
      schoolId,
      className,
      status,
      count: accounts.length,
      totalBalance: accounts.reduce((sum, account) => sum + account.balance, 0),
      accounts,
    };
  }
}
