/**
 * The cell texts of an .xlsx workbook's first sheet, read from its XML parts with limits:
 * a row or column number beyond them (in a `<row r>`, a cell reference or the sheet's
 * `<dimension>`) is refused before anything is allocated for it. Only what a list needs is
 * understood: shared strings, inline strings, numbers and booleans as written.
 */
import { ZipEntries, ZipRefusal, type ZipLimits } from './zip-entries.js';

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

/** The rows of the workbook's first sheet, in order. Throws ZipRefusal or SheetRefusal. */
export function readFirstSheet(xlsx: Buffer, limits: SheetLimits): SheetRow[] {
  const zip = new ZipEntries(xlsx, limits);
  const sheetPath = firstSheetPath(zip);
  const sharedStrings = zip.has('xl/sharedStrings.xml')
    ? readSharedStrings(zip.read('xl/sharedStrings.xml').toString('utf8'))
    : [];
  return readRows(zip.read(sheetPath).toString('utf8'), sharedStrings, limits);
}

function firstSheetPath(zip: ZipEntries): string {
  if (zip.has('xl/workbook.xml') && zip.has('xl/_rels/workbook.xml.rels')) {
    const relationId = /<(?:\w+:)?sheet\b[^>]*\br:id="([^"]+)"/.exec(zip.read('xl/workbook.xml').toString('utf8'))?.[1];
    const rels = zip.read('xl/_rels/workbook.xml.rels').toString('utf8');
    for (const [relation] of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      if (attribute(relation, 'Id') !== relationId) continue;
      const target = attribute(relation, 'Target') ?? '';
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
      if (zip.has(path)) return path;
    }
  }
  const fallback = zip
    .names()
    .filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))
    .sort()[0];
  if (!fallback) throw new SheetRefusal('the workbook has no sheet');
  return fallback;
}

function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  for (const [, item] of xml.matchAll(/<si>([\s\S]*?)<\/si>/g)) strings.push(textRuns(item!));
  return strings;
}

/** The text of `<t>` runs, leaving out phonetic hints (`<rPh>`). */
function textRuns(xml: string): string {
  let text = '';
  for (const [, run] of xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g))
    text += decodeXml(run!);
  return text;
}

function readRows(xml: string, sharedStrings: string[], limits: SheetLimits): SheetRow[] {
  const dimension = attribute(/<dimension\b[^>]*>/.exec(xml)?.[0] ?? '', 'ref');
  if (dimension) {
    const last = parseReference(dimension.split(':').at(-1)!);
    if (last && (last.row > limits.maxRows || last.column > limits.maxColumns)) {
      throw new SheetRefusal(
        `the sheet declares the range ${dimension}, more than ${limits.maxRows} rows or ${limits.maxColumns} columns`,
      );
    }
  }
  const rows: SheetRow[] = [];
  let line = 0;
  for (const [, rowAttributes, rowBody] of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const declared = attribute(rowAttributes!, 'r');
    line = declared === undefined ? line + 1 : Number(declared);
    if (!Number.isInteger(line) || line <= 0) throw new SheetRefusal(`a row has the number ${declared}`);
    if (line > limits.maxRows)
      throw new SheetRefusal(`row ${line} is beyond the ${limits.maxRows} rows a list may use`, line);
    rows.push({ line, cells: readCells(rowBody ?? '', line, sharedStrings, limits) });
  }
  return rows;
}

function readCells(xml: string, line: number, sharedStrings: string[], limits: SheetLimits): string[] {
  const cells: string[] = [];
  let column = 0;
  for (const [, cellAttributes, cellBody] of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const reference = attribute(cellAttributes!, 'r');
    column = reference === undefined ? column + 1 : (parseReference(reference)?.column ?? column + 1);
    if (column > limits.maxColumns)
      throw new SheetRefusal(`column ${column} is beyond the ${limits.maxColumns} columns a list may use`, line);
    while (cells.length < column - 1) cells.push('');
    cells[column - 1] = cellText(attribute(cellAttributes!, 't'), cellBody ?? '', sharedStrings);
  }
  return cells;
}

function cellText(type: string | undefined, body: string, sharedStrings: string[]): string {
  if (type === 'inlineStr') return textRuns(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '');
  const value = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
  if (value === undefined) return '';
  if (type === 's') return sharedStrings[Number(value)] ?? '';
  if (type === 'b') return value === '1' ? 'TRUE' : 'FALSE';
  return decodeXml(value);
}

/** `B12` → column 2, row 12 (a reference without a row number has row 0). */
function parseReference(reference: string): { column: number; row: number } | null {
  const match = /^\$?([A-Z]{1,3})\$?(\d*)$/i.exec(reference.trim());
  if (!match) return null;
  let column = 0;
  for (const letter of match[1]!.toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { column, row: match[2] ? Number(match[2]) : 0 };
}

const attributePatterns = new Map<string, RegExp>();

function attribute(tag: string, name: string): string | undefined {
  let pattern = attributePatterns.get(name);
  if (!pattern) attributePatterns.set(name, (pattern = new RegExp(`(?:^|\\s)${name}="([^"]*)"`)));
  return pattern.exec(tag)?.[1];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (entity, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? entity;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

export { ZipRefusal };
