/**
 * A school's pupils with their balances and cards, by class then name, from the `accounts`
 * read model (what a meal coordinator looks at first). Open accounts unless asked otherwise.
 */
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SchoolAccounts } from '@meals/contracts';
import type { ReadModelStore } from '@meals/read-model-store';
import { schoolAccounts as readSchoolAccounts, TypedReadModels } from '@meals/read-models';
import { READ_MODELS } from '../infrastructure/tokens.js';
import { SchoolDirectory } from '../schools/school-directory.js';

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
