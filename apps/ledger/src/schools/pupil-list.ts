/**
 * Reads a school's pupil list: CSV (`,` or `;`, UTF-8 with or without BOM) or XLSX (first
 * sheet), with a header row naming the columns `school`, `class`, `full_name` (Russian
 * headers `школа`, `класс`, `фио` are accepted too). Every row keeps its line number in
 * the file so that errors can point to it. Empty lines are skipped. Uploads are hostile
 * until read: sizes, rows, columns and line lengths have limits, checked before the
 * memory for them is spent. The API runs these parsers on a worker thread
 * (upload/parse-pupil-list.ts), never on the thread that serves tills.
 */
import { parse } from 'csv-parse/sync';
import { ApiError } from '../http/api-error.js';
import type { SheetLimits } from './upload/xlsx-sheet.js';

export interface PupilListRow {
  /** 1-based line (CSV) or row (XLSX) in the file */
  line: number;
  school: string;
  className: string;
  fullName: string;
}

/** A whole school fits easily; the domain caps a list at 5 000 rows anyway. */
export const MAX_LIST_ROWS = 5_000;
/** Lines of a file (empty ones included) and columns a list may use: room for blank lines and notes. */
export const MAX_FILE_LINES = 2 * MAX_LIST_ROWS;
export const MAX_COLUMNS = 50;
/** a CSV record (one pupil) longer than this is not a pupil */
export const MAX_CSV_LINE_BYTES = 4096;
/** An .xlsx of a whole school inflates to ~1 MB; no part of one may inflate beyond this. */
export const MAX_XLSX_PART_BYTES = 16 * 1024 * 1024;
const MAX_XLSX_ENTRIES = 200;

const XLSX_LIMITS: SheetLimits = {
  maxEntries: MAX_XLSX_ENTRIES,
  maxEntryBytes: MAX_XLSX_PART_BYTES,
  maxRows: MAX_FILE_LINES,
  maxColumns: MAX_COLUMNS,
};

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
export const uploadTooLarge = (message: string) =>
  new ApiError(
    413,
    'upload_too_large',
    `The file is too large or too complex: ${message}`,
    'Файл слишком большой или слишком сложный для списка учащихся',
  );

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
  const row = {
    line,
    school: value(columns.school),
    className: value(columns.className),
    fullName: value(columns.fullName),
  };
  if (!row.school && !row.className && !row.fullName) return null;
  const missing = (['school', 'className', 'fullName'] as const).filter((field) => !row[field]);
  if (missing.length > 0) {
    throw invalidList(`empty column(s): ${missing.join(', ')}`, 'не заполнены школа, класс или ФИО', line);
  }
  return row;
}

function limitRows(rows: PupilListRow[]): PupilListRow[] {
  if (rows.length > MAX_LIST_ROWS) {
    throw invalidList(
      `a list may have at most ${MAX_LIST_ROWS} pupils`,
      `в списке не больше ${MAX_LIST_ROWS} учащихся`,
    );
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
  /** the last line of the last record read whole: a broken record starts after it */
  let lastGoodLine = 0;
  try {
    records = parse(text, {
      delimiter,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      bom: true,
      trim: true,
      max_record_size: MAX_CSV_LINE_BYTES,
      on_record: (record: string[], context: { lines: number }) => {
        // with `info`, the record arrives here as { record, info }, whatever the types say
        const cells = Array.isArray(record) ? record : (record as { record: string[] }).record;
        if (context.lines > MAX_FILE_LINES) {
          throw invalidList(
            `a list may have at most ${MAX_FILE_LINES} lines`,
            `в файле не больше ${MAX_FILE_LINES} строк`,
            context.lines,
          );
        }
        if (cells.length > MAX_COLUMNS) {
          throw invalidList(`more than ${MAX_COLUMNS} columns`, `больше ${MAX_COLUMNS} столбцов`, context.lines);
        }
        lastGoodLine = context.lines;
        return record;
      },
    }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw invalidList(
      `malformed CSV: ${(error as Error).message}`,
      'файл CSV повреждён (проверьте кавычки и разделители)',
      firstLineOfRecordAfter(text, lastGoodLine),
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

/**
 * The parser reports the line where it gave up (an unclosed quote runs to the end of the
 * file); the record that is wrong starts on the first non-empty line after the last good one.
 */
function firstLineOfRecordAfter(text: string, lastGoodLine: number): number {
  const lines = text.split(/\r\n|\n|\r/);
  let index = lastGoodLine;
  while (index < lines.length - 1 && lines[index]!.trim() === '') index++;
  return index + 1;
}

export async function parsePupilXlsx(body: Buffer): Promise<PupilListRow[]> {
  // loaded on first use: exceljs takes ~0.2 s to load, which a CSV upload's worker need not pay
  const { readFirstSheet, SheetRefusal, ZipRefusal } = await import('./upload/xlsx-sheet.js');
  const rows: PupilListRow[] = [];
  let columns: ReturnType<typeof columnsOf> | undefined;
  try {
    for await (const { line, cells } of readFirstSheet(body, XLSX_LIMITS)) {
      if (!columns) {
        if (line !== 1) throw invalidList('the workbook has no header row', 'в первой строке листа нет заголовков', 1);
        columns = columnsOf(cells);
        continue;
      }
      const row = toRow(cells, line, columns);
      if (row) rows.push(row);
      if (rows.length > MAX_LIST_ROWS) break;
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (error instanceof ZipRefusal && error.kind === 'too_large') throw uploadTooLarge(error.message);
    if (error instanceof SheetRefusal)
      throw invalidList(error.message, 'лист слишком велик для списка учащихся или повреждён', error.line);
    throw invalidList('not a readable .xlsx file', 'файл не является книгой Excel (.xlsx)');
  }
  if (!columns) throw invalidList('the workbook has no header row', 'в первой строке листа нет заголовков', 1);
  return limitRows(rows);
}
