/**
 * A school's pupils with their balances and cards, by class then name, from the `accounts`
 * read model (what a meal coordinator looks at first). Open accounts unless asked otherwise.
 */
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SchoolAccounts } from '@meals/contracts';
import type { AccountDoc } from '@meals/projections';
import type { ReadModelStore, Scalar } from '@meals/read-model-store';
import { READ_MODELS } from '../infrastructure/tokens.js';
import { SchoolDirectory } from '../schools/school-directory.js';
import { toAccountProfile } from './get-account.js';

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
