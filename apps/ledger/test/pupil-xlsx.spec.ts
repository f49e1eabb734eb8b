/** Reading pupil lists from .xlsx in-thread: cell values as a list means them, line numbers kept. */
import ExcelJS from 'exceljs';
import { parsePupilXlsx } from '../src/schools/pupil-list.js';
import { buildXlsx, buildZip, sheetXml } from './support/xlsx-builder.js';

async function workbookOf(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Список');
  rows.forEach((cells, index) => (sheet.getRow(index + 1).values = cells));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('pupil list (XLSX)', () => {
  it('reads numbers, rich text and formula results as text, keeping the row numbers', async () => {
    const xlsx = await workbookOf([
      ['full_name', 'class', 'school'],
      [{ richText: [{ text: 'Петров ' }, { text: 'Пётр', font: { bold: true } }] }, '3А', 24],
      [],
      ['Сидорова Анна', { formula: '"3"&"Б"', result: '3Б' }, 24],
    ]);
    expect(await parsePupilXlsx(xlsx)).toEqual([
      { line: 2, school: '24', className: '3А', fullName: 'Петров Пётр' },
      { line: 4, school: '24', className: '3Б', fullName: 'Сидорова Анна' },
    ]);
  });

  it('reads a bare sheet part without shared strings, workbook or relations', async () => {
    const sheet = sheetXml([
      [1, ['school', 'class', 'full_name']],
      [3, ['24', '1А', 'Ручной Иван']],
    ]);
    const xlsx = buildZip([{ name: 'xl/worksheets/sheet2.xml', data: sheet }]);
    expect(await parsePupilXlsx(xlsx)).toEqual([{ line: 3, school: '24', className: '1А', fullName: 'Ручной Иван' }]);
  });

  it('refuses a sheet whose first row is not the header, naming line 1', async () => {
    const xlsx = buildXlsx(sheetXml([[2, ['school', 'class', 'full_name']]]));
    await expect(parsePupilXlsx(xlsx)).rejects.toMatchObject({ code: 'invalid_pupil_list', details: { line: 1 } });
  });

  it('refuses something that is not a zip with 400, in Russian too', async () => {
    await expect(parsePupilXlsx(Buffer.from('PK\u0003\u0004 broken'))).rejects.toMatchObject({
      statusCode: 400,
      code: 'invalid_pupil_list',
      messageRu: expect.stringMatching(/Excel/),
    });
  });
});
