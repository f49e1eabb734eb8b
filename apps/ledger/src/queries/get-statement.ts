/**
 * An account's statement for a period of business dates (municipality's time zone), see
 * accountStatement in @meals/read-models. Check items only when asked.
 */
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { accountNotFound } from '@meals/domain';
import type { ReadModelStore } from '@meals/read-model-store';
import { accountStatement, TypedReadModels } from '@meals/read-models';
import { z } from 'zod';
import { calendarDate } from '../http/common-schemas.js';
import { withValidPeriod } from '../http/period.js';
import { READ_MODELS } from '../infrastructure/tokens.js';

export const statementQuery = withValidPeriod(
  z.strictObject({
    from: calendarDate,
    to: calendarDate,
    details: z.enum(['true', 'false']).optional().meta({ description: 'include check items' }),
  }),
);
export type StatementQueryParams = z.infer<typeof statementQuery>;

const statementItem = z.object({ name: z.string(), qty: z.number().int(), price: z.number().int(), amount: z.number().int() });

export const statement = z
  .object({
    accountNumber: z.string(),
    fullName: z.string(),
    schoolId: z.string(),
    className: z.string(),
    from: z.string(),
    to: z.string(),
    openingBalance: z.number().int(),
    closingBalance: z.number().int(),
    totalDebit: z.number().int(),
    totalCredit: z.number().int(),
    lines: z.array(
      z.object({
        at: z.string(),
        date: z.string(),
        kind: z.string(),
        description: z.string(),
        debit: z.number().int(),
        credit: z.number().int(),
        checkNumber: z.string().nullable(),
        items: z.array(statementItem).optional(),
      }),
    ),
  })
  .meta({ id: 'Statement' });
export type Statement = z.infer<typeof statement>;

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
