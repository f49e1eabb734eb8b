/**
 * An account's statement for a period of business dates (municipality's time zone), see
 * accountStatement in @meals/read-models. Check items only when asked.
 */
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { accountNotFound } from '@meals/domain';
import type { Statement } from '@meals/contracts';
import type { ReadModelStore } from '@meals/read-model-store';
import { accountStatement, TypedReadModels } from '@meals/read-models';
import { READ_MODELS } from '../infrastructure/tokens.js';

export class GetStatementQuery extends Query<Statement> {
  constructor(
    readonly accountNumber: string,
    readonly from: string,
    readonly to: string,
    readonly details: boolean,
  ) {
    super();
  }
}

@QueryHandler(GetStatementQuery)
export class GetStatementHandler implements IQueryHandler<GetStatementQuery> {
  private readonly readModels: TypedReadModels;

  constructor(@Inject(READ_MODELS) store: ReadModelStore) {
    this.readModels = new TypedReadModels(store);
  }

  async execute({ accountNumber, from, to, details }: GetStatementQuery): Promise<Statement> {
    const found = await accountStatement(this.readModels, { accountNumber, from, to, details });
    if (!found) throw accountNotFound(accountNumber);
    return found;
  }
}
