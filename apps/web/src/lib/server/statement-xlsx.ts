/** The statement as an .xlsx workbook, laid out like the report page. */
import ExcelJS from 'exceljs';
import type { Statement } from '@meals/contracts';
import { formatDateRu } from '#lib/dates.ts';
import { formatKopecks } from '#lib/money.ts';
import { reportLines } from '#lib/statement-view.ts';

export async function statementWorkbook(statement: Statement, schoolName: string): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Отчёт');
  sheet.columns = [{ width: 12 }, { width: 60 }, { width: 16 }, { width: 16 }];
  sheet.addRow([
    `Отчёт по лицевому счёту за период с ${formatDateRu(statement.from)} по ${formatDateRu(statement.to)}`,
  ]);
  sheet.addRow([`${statement.fullName}, ${schoolName}, класс ${statement.className}`]);
  sheet.addRow(['Лицевой счёт', statement.accountNumber]);
  sheet.addRow(['Остаток на начало', formatKopecks(statement.openingBalance)]);
  sheet.addRow(['Остаток на конец', formatKopecks(statement.closingBalance)]);
  sheet.addRow([]);
  sheet.addRow(['Дата', 'Наименование', 'Списано', 'Зачислено']).font = { bold: true };
  for (const line of reportLines(statement)) {
    sheet.addRow([line.date, line.description, line.debit, line.credit]);
    for (const item of line.items) sheet.addRow(['', `  ${item.name} × ${item.qty}`, item.amount, '']);
  }
  sheet.addRow(['', 'Итого', formatKopecks(statement.totalDebit), formatKopecks(statement.totalCredit)]).font = {
    bold: true,
  };
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
