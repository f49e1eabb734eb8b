/**
 * The cell texts of an .xlsx workbook's first sheet, read with exceljs's streaming reader.
 * The upload itself never reaches exceljs: its parts are inflated by ZipParts with limits,
 * and exceljs reads a small zip of just the parts a list needs (workbook, its relations,
 * shared strings, the first sheet), so it never writes temporary files or meets a bomb.
 * A row number or column beyond the limits is refused as soon as its row is read.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { ZipParts, ZipRefusal, type ZipLimits } from './zip-parts.js';

export interface SheetLimits extends ZipLimits {
  /** the highest row number a sheet may use */
  maxRows: number;
  /** the highest column number a sheet may use */
  maxColumns: number;
}

export interface SheetRow {
  /** 1-based row number in the sheet */
  line: number;
  cells: string[];
}

export class SheetRefusal extends Error {
  override name = 'SheetRefusal';

  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
/** the name exceljs recognises a worksheet by, whatever the upload called it */
const SHEET = 'xl/worksheets/sheet1.xml';
const NO_RELS = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
const NO_SHARED_STRINGS = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"></sst>';

/** What exceljs's reader keeps of workbook.xml and its relations (not in its typings). */
interface ParsedWorkbook {
  model?: { sheets?: { rId?: string }[] };
  workbookRels?: { Id?: string; Target?: string }[];
}

/** The rows of the workbook's first sheet, in order. Throws ZipRefusal or SheetRefusal. */
export async function* readFirstSheet(xlsx: Buffer, limits: SheetLimits): AsyncGenerator<SheetRow> {
  const zip = await ZipParts.open(xlsx, limits);
  let workbook: Buffer;
  try {
    const parts = new Map<string, Buffer | string>();
    for (const name of [WORKBOOK_RELS, WORKBOOK, SHARED_STRINGS])
      if (zip.has(name)) parts.set(name, await zip.read(name));
    parts.set(SHEET, await zip.read(await firstSheetPath(zip, parts)));
    // exceljs streams a sheet only once it has the relations and shared strings, else it spills to a temp file
    if (!parts.has(WORKBOOK_RELS)) parts.set(WORKBOOK_RELS, NO_RELS);
    if (!parts.has(SHARED_STRINGS)) parts.set(SHARED_STRINGS, NO_SHARED_STRINGS);
    workbook = await storedZip(parts, [WORKBOOK_RELS, WORKBOOK, SHARED_STRINGS, SHEET]);
  } finally {
    zip.close();
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([workbook]), {
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  for await (const sheet of reader) {
    for await (const row of sheet) yield sheetRow(row, limits);
    return;
  }
}

/** The first sheet in the workbook's order, or the lowest-numbered sheet part. */
async function firstSheetPath(zip: ZipParts, parts: Map<string, Buffer | string>): Promise<string> {
  const workbook = parts.get(WORKBOOK);
  const rels = parts.get(WORKBOOK_RELS);
  if (workbook && rels) {
    const parsed = await parseWorkbook(await storedZip(parts, [WORKBOOK_RELS, WORKBOOK]));
    const relationId = parsed.model?.sheets?.[0]?.rId;
    const target = parsed.workbookRels?.find((relation) => relation.Id === relationId)?.Target;
    if (target) {
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
      if (zip.has(path)) return path;
    }
  }
  const fallback = zip
    .names()
    .filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))
    .sort((a, b) => sheetNumber(a) - sheetNumber(b))[0];
  if (!fallback) throw new SheetRefusal('the workbook has no sheet');
  return fallback;
}

const sheetNumber = (path: string) => Number(/(\d+)\.xml$/.exec(path)![1]);

/** The sheet list and relations, as exceljs's reader understands them. */
async function parseWorkbook(zip: Buffer): Promise<ParsedWorkbook> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([zip]), { worksheets: 'ignore' });
  const events = reader.parse();
  while (!(await events.next()).done);
  return reader as unknown as ParsedWorkbook;
}

/** A zip of trusted parts, in the given order, stored uncompressed. */
function storedZip(parts: Map<string, Buffer | string>, order: string[]): Promise<Buffer> {
  const zip = new JSZip();
  for (const name of order) {
    const data = parts.get(name);
    if (data !== undefined) zip.file(name, data);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

function sheetRow(row: ExcelJS.Row, limits: SheetLimits): SheetRow {
  const line = row.number;
  if (!Number.isInteger(line) || line <= 0) throw new SheetRefusal('a row has no valid number');
  if (line > limits.maxRows)
    throw new SheetRefusal(`row ${line} is beyond the ${limits.maxRows} rows a list may use`, line);
  if (row.cellCount > limits.maxColumns) {
    throw new SheetRefusal(`column ${row.cellCount} is beyond the ${limits.maxColumns} columns a list may use`, line);
  }
  const cells: string[] = [];
  for (let column = 1; column <= row.cellCount; column++) cells.push(cellText(row.findCell(column)?.value));
  return { line, cells };
}

/** A cell's value as the text a list means by it (numbers and booleans as written). */
function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('result' in value) return value.result === undefined ? '' : cellText(value.result as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  if ('text' in value) return String(value.text);
  return '';
}

export { ZipRefusal };
