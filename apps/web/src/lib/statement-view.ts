/** What the report shows per line, shared by the page and the xlsx download. */
import type { Statement } from '@meals/contracts';
import { formatDateRu } from './dates.js';
import { formatKopecks } from './money.js';

export interface ReportLine {
  date: string;
  description: string;
  debit: string;
  credit: string;
  items: Array<{ name: string; qty: number; price: string; amount: string }>;
}

export function reportLines(statement: Statement): ReportLine[] {
  return statement.lines.map((line) => ({
    date: formatDateRu(line.date),
    description: checkDescription(line.checkNumber, line.description),
    debit: line.debit ? formatKopecks(line.debit) : '',
    credit: line.credit ? formatKopecks(line.credit) : '',
    items: (line.items ?? []).map((item) => ({
      name: item.name,
      qty: item.qty,
      price: formatKopecks(item.price),
      amount: formatKopecks(item.amount),
    })),
  }));
}

/** Spending per day of the period (kopecks), for the chart. */
export function dailySpending(statement: Statement): Array<{ date: string; debit: number }> {
  const byDate = new Map<string, number>();
  for (const line of statement.lines) if (line.debit) byDate.set(line.date, (byDate.get(line.date) ?? 0) + line.debit);
  return [...byDate].sort(([a], [b]) => a.localeCompare(b)).map(([date, debit]) => ({ date, debit }));
}

/** A check's line names its number once, whether or not the ledger's text already does. */
function checkDescription(checkNumber: string | null, description: string): string {
  if (!checkNumber || description.includes(checkNumber)) return description;
  return `Чек №${checkNumber}: ${description}`;
}
