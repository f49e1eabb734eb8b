/**
 * An account's statement for a period of business dates (municipality's time zone):
 * opening balance = everything before `from`, the period's lines in time order, closing
 * balance = opening + credits − debits of the period. Check items only when asked.
 */
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { accountNotFound } from '@meals/domain';
import type { Statement } from '@meals/contracts';
import type { AccountDoc, StatementLineDoc } from '@meals/projections';
import type { ReadModelStore } from '@meals/read-model-store';
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
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelStore) {}

  async execute({ accountNumber, from, to, details }: GetStatementQuery): Promise<Statement> {
    const account = await this.readModels.get<AccountDoc>('accounts', accountNumber);
    if (!account) throw accountNotFound(accountNumber);
    // The index orders by `at`; lines at the same instant (rare) are put in log order here,
    // which costs far less than asking the store to sort by a field outside the index.
    const all = await this.readModels.find<StatementLineDoc>('statement_lines', {
      where: { accountNumber },
      orderBy: [{ field: 'at', direction: 'asc' }],
    });
    all.sort(byTimeThenLogOrder);
    let openingBalance = 0;
    let totalDebit = 0;
    let totalCredit = 0;
    const lines: Statement['lines'] = [];
    for (const line of all) {
      if (line.date < from) {
        openingBalance += line.credit - line.debit;
      } else if (line.date <= to) {
        totalDebit += line.debit;
        totalCredit += line.credit;
        lines.push({
          at: line.at,
          date: line.date,
          kind: line.kind,
          description: line.description,
          debit: line.debit,
          credit: line.credit,
          checkNumber: line.checkNumber,
          ...(details ? { items: line.items } : {}),
        });
      }
    }
    return {
      accountNumber,
      fullName: account.fullName,
      schoolId: account.schoolId,
      className: account.className,
      from,
      to,
      openingBalance,
      closingBalance: openingBalance + totalCredit - totalDebit,
      totalDebit,
      totalCredit,
      lines,
    };
  }
}

const byTimeThenLogOrder = (a: StatementLineDoc, b: StatementLineDoc): number =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.position - b.position;
