/**
 * Reads a school's pupil list: CSV (`,` or `;`, UTF-8 with or without BOM) or XLSX (first
 * sheet), with a header row naming the columns `school`, `class`, `full_name` (Russian
 * headers `школа`, `класс`, `фио` are accepted too). Every row keeps its line number in
 * the file so that errors can point to it. Empty lines are skipped.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { ApiError } from '../http/api-error.js';

export interface PupilListRow {
  /** 1-based line (CSV) or row (XLSX) in the file */
  line: number;
  school: string;
  className: string;
  fullName: string;
}

export const CSV_CONTENT_TYPE = 'text/csv';
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A whole school fits easily; the domain caps a list at 5 000 rows anyway. */
export const MAX_LIST_ROWS = 5_000;

const COLUMN_ALIASES: Record<string, 'school' | 'className' | 'fullName'> = {
  school: 'school',
  школа: 'school',
  class: 'className',
  класс: 'className',
  full_name: 'fullName',
  fullname: 'fullName',
  фио: 'fullName',
};

export const invalidList = (message: string, messageRu: string, line?: number) =>
  new ApiError(
    400,
    'invalid_pupil_list',
    line === undefined ? message : `Line ${line}: ${message}`,
    line === undefined ? messageRu : `Строка ${line}: ${messageRu}`,
    line === undefined ? undefined : { line },
  );

/** Column positions from the header row, or a 400 naming what is missing. */
function columnsOf(header: string[]): Record<'school' | 'className' | 'fullName', number> {
  const found: Partial<Record<'school' | 'className' | 'fullName', number>> = {};
  header.forEach((name, index) => {
    const column = COLUMN_ALIASES[name.trim().toLowerCase()];
    if (column && found[column] === undefined) found[column] = index;
  });
  if (found.school === undefined || found.className === undefined || found.fullName === undefined) {
    throw invalidList(
      'the header must name the columns school, class, full_name',
      'в первой строке должны быть заголовки столбцов school, class, full_name',
      1,
    );
  }
  return found as Record<'school' | 'className' | 'fullName', number>;
}

function toRow(cells: string[], line: number, columns: ReturnType<typeof columnsOf>): PupilListRow | null {
  const value = (index: number) => (cells[index] ?? '').trim();
  const row = { line, school: value(columns.school), className: value(columns.className), fullName: value(columns.fullName) };
  if (!row.school && !row.className && !row.fullName) return null;
  const missing = (['school', 'className', 'fullName'] as const).filter((field) => !row[field]);
  if (missing.length > 0) {
    throw invalidList(`empty column(s): ${missing.join(', ')}`, 'не заполнены школа, класс или ФИО', line);
  }
  return row;
}

function limitRows(rows: PupilListRow[]): PupilListRow[] {
  if (rows.length > MAX_LIST_ROWS) {
    throw invalidList(`a list may have at most ${MAX_LIST_ROWS} pupils`, `в списке не больше ${MAX_LIST_ROWS} учащихся`);
  }
  if (rows.length === 0) throw invalidList('the list has no pupils', 'в списке нет ни одного учащегося');
  return rows;
}

export function parsePupilCsv(body: Buffer): PupilListRow[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(body);
  } catch {
    throw invalidList('the file is not UTF-8 text', 'файл должен быть текстом в кодировке UTF-8');
  }
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, info: true, skip_empty_lines: true, relax_column_count: true, bom: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    throw invalidList(
      `malformed CSV: ${(error as Error).message}`,
      'файл CSV повреждён (проверьте кавычки и разделители)',
      typeof line === 'number' ? line : undefined,
    );
  }
  const [header, ...body_] = records;
  if (!header) throw invalidList('the file is empty', 'файл пустой');
  const columns = columnsOf(header.record);
  const rows: PupilListRow[] = [];
  for (const { record, info } of body_) {
    const row = toRow(record, info.lines, columns);
    if (row) rows.push(row);
    if (rows.length > MAX_LIST_ROWS) break;
  }
  return limitRows(rows);
}

export async function parsePupilXlsx(body: Buffer): Promise<PupilListRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    throw invalidList('not a readable .xlsx file', 'файл не является книгой Excel (.xlsx)');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalidList('the workbook has no sheet', 'в книге нет ни одного листа');
  const cellsOf = (rowNumber: number): string[] => {
    const row = sheet.getRow(rowNumber);
    const cells: string[] = [];
    for (let column = 1; column <= Math.max(row.cellCount, 3); column++) cells.push(row.getCell(column).text ?? '');
    return cells;
  };
  const columns = columnsOf(cellsOf(1));
  const rows: PupilListRow[] = [];
  for (let line = 2; line <= sheet.rowCount; line++) {
    const row = toRow(cellsOf(line), line, columns);
    if (row) rows.push(row);
    if (rows.length > MAX_LIST_ROWS) break;
  }
  return limitRows(rows);
}
