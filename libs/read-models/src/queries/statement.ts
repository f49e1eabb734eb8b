import { collections } from '../collections.js';
import type { StatementItem, StatementLineDoc } from '../documents.js';
import type { TypedReadModels } from '../typed-read-models.js';

export interface StatementLineView {
  at: string;
  date: string;
  kind: string;
  description: string;
  debit: number;
  credit: number;
  checkNumber: string | null;
  items?: StatementItem[];
}

export interface StatementView {
  accountNumber: string;
  fullName: string;
  schoolId: string;
  className: string;
  from: string;
  to: string;
  openingBalance: number;
  closingBalance: number;
  totalDebit: number;
  totalCredit: number;
  lines: StatementLineView[];
}

/**
 * An account's statement for a period of business dates: opening balance = everything
 * before `from`, the period's lines in time order, closing balance = opening + credits −
 * debits of the period. Check items only when `details`. Null when no such account.
 */
export async function accountStatement(
  readModels: TypedReadModels,
  { accountNumber, from, to, details }: { accountNumber: string; from: string; to: string; details: boolean },
): Promise<StatementView | null> {
  const account = await readModels.get(collections.accounts, accountNumber);
  if (!account) return null;
  // The index orders by `at`; lines at the same instant (rare) are put in log order here,
  // which costs far less than asking the store to sort by a field outside the index.
  const all = await readModels.find(collections.statementLines, {
    where: { accountNumber },
    orderBy: [{ field: 'at', direction: 'asc' }],
  });
  all.sort(byTimeThenLogOrder);
  let openingBalance = 0;
  let totalDebit = 0;
  let totalCredit = 0;
  const lines: StatementLineView[] = [];
  for (const line of all) {
    if (line.date < from) {
      openingBalance += line.credit - line.debit;
    } else if (line.date <= to) {
      totalDebit += line.debit;
      totalCredit += line.credit;
      lines.push(lineView(line, details));
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

/**
 * The account's last `limit` statement lines, newest first, with check items (the till's
 * «Детализация»). Null when no such account.
 */
export async function recentStatementLines(
  readModels: TypedReadModels,
  accountNumber: string,
  limit: number,
): Promise<StatementLineView[] | null> {
  const account = await readModels.get(collections.accounts, accountNumber);
  if (!account) return null;
  const newest = await readModels.find(collections.statementLines, {
    where: { accountNumber },
    orderBy: [{ field: 'at', direction: 'desc' }],
    limit,
  });
  return newest
    .sort(byTimeThenLogOrder)
    .reverse()
    .map((line) => lineView(line, true));
}

function lineView(line: StatementLineDoc, details: boolean): StatementLineView {
  return {
    at: line.at,
    date: line.date,
    kind: line.kind,
    description: line.description,
    debit: line.debit,
    credit: line.credit,
    checkNumber: line.checkNumber,
    ...(details ? { items: line.items } : {}),
  };
}

const byTimeThenLogOrder = (a: StatementLineDoc, b: StatementLineDoc): number =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.position - b.position;
