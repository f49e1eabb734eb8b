/**
 * Hostile uploads: files built to exhaust memory or time are refused with a 4xx, record
 * nothing, and never stall the API (they are parsed on a worker thread with a small heap).
 */
import ExcelJS from 'exceljs';
import { LedgerHarness, type RequestOptions } from './support/ledger-harness.js';
import { registerSchool } from './support/fixtures.js';
import { buildXlsx, buildZip, sheetXml, workbookEntries } from './support/xlsx-builder.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = ['school', 'class', 'full_name'];
const uint32 = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value);
  return bytes;
};

describe('pupil list uploads with limits', () => {
  let h: LedgerHarness;
  let admin: string;

  beforeAll(async () => {
    h = await LedgerHarness.start();
    admin = await h.key('admin');
    await registerSchool(h, admin, '31');
  });
  afterAll(() => h.close());

  const upload = (payload: Buffer, contentType = XLSX): Promise<{ status: number; body: any }> =>
    h.request('POST', '/api/schools/31/pupils/import', { token: admin, payload, contentType } satisfies RequestOptions);

  /** The refusal, with the log unchanged. */
  async function refused(payload: Buffer, contentType = XLSX) {
    const before = await h.headPosition();
    const reply = await upload(payload, contentType);
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
    expect(reply.body).toMatchObject({
      code: expect.any(String),
      message: expect.any(String),
      messageRu: expect.any(String),
    });
    expect(await h.headPosition()).toBe(before);
    return reply;
  }

  // ~64 MB of XML that deflates to a few hundred KB
  const bombXml = Buffer.from(`<sst>${'<si><t>x</t></si>'.repeat(4_000_000)}</sst>`);
  const sharedStringsBomb = (declaredSize?: number) =>
    buildXlsx(sheetXml([[1, HEADER]]), [{ name: 'xl/sharedStrings.xml', data: bombXml, declaredSize }]);

  it('reads an honest .xlsx written by hand (inline strings)', async () => {
    const reply = await upload(
      buildXlsx(
        sheetXml(
          [
            [1, HEADER],
            [2, ['31', '1А', 'Ручной Иван']],
            [4, ['31', '1А', 'Ручная Анна']],
          ],
          'A1:C4',
        ),
      ),
    );
    expect(reply.status).toBe(201);
    expect(reply.body.created).toBe(2);
  });

  it('refuses a shared-strings bomb by its declared size, before inflating it', async () => {
    const reply = await refused(sharedStringsBomb());
    expect(reply.status).toBe(413);
    expect(reply.body.code).toBe('upload_too_large');
  });

  it('refuses a shared-strings bomb that lies about its size, while inflating it', async () => {
    const reply = await refused(sharedStringsBomb(100));
    expect(reply.status).toBe(413);
    expect(reply.body.code).toBe('upload_too_large');
  });

  it('refuses a row far down the sheet', async () => {
    const reply = await refused(
      buildXlsx(
        sheetXml([
          [1, HEADER],
          [1_048_576, ['31', '1А', 'Далёкий Ряд']],
        ]),
      ),
    );
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: 'invalid_pupil_list', details: { line: 1_048_576 } });
  });

  it('reads a sheet that declares a huge dimension by its rows: nothing is sized by the declaration', async () => {
    const reply = await upload(
      buildXlsx(
        sheetXml(
          [
            [1, HEADER],
            [2, ['31', '1А', 'Мелкий Лист']],
          ],
          'A1:XFD1048576',
        ),
      ),
    );
    expect(reply.status).toBe(201);
    expect(reply.body.created).toBe(1);
  });

  it('refuses a zip listing too many entries, before inflating any', async () => {
    const padding = Array.from({ length: 200 }, (_, i) => ({ name: `docProps/pad${i}.xml`, data: '<x/>' }));
    const reply = await refused(buildXlsx(sheetXml([[1, HEADER]]), padding));
    expect(reply.status).toBe(413);
    expect(reply.body.code).toBe('upload_too_large');
  });

  it('refuses an encrypted part', async () => {
    const zip = buildXlsx(sheetXml([[1, HEADER]]));
    // set the "encrypted" flag of every entry, in its local and central headers
    for (const [signature, flagOffset] of [
      [0x04034b50, 6],
      [0x02014b50, 8],
    ] as const) {
      for (let at = zip.indexOf(uint32(signature)); at >= 0; at = zip.indexOf(uint32(signature), at + 4)) {
        zip.writeUInt16LE(zip.readUInt16LE(at + flagOffset) | 1, at + flagOffset);
      }
    }
    expect((await refused(zip)).body.code).toBe('invalid_pupil_list');
  });

  it('reads the first sheet in the workbook order, whatever its part is called', async () => {
    const sheet = sheetXml([
      [1, HEADER],
      [2, ['31', '2Б', 'Первый Лист']],
    ]);
    const other = sheetXml([
      [1, HEADER],
      [2, ['31', '2Б', 'Второй Лист']],
    ]);
    const reordered = buildZip([
      ...workbookEntries('/xl/worksheets/list.xml'),
      { name: 'xl/worksheets/sheet1.xml', data: other },
      { name: 'xl/worksheets/list.xml', data: sheet },
    ]);
    const reply = await upload(reordered);
    expect(reply.status).toBe(201);
    expect(reply.body.accounts.map((a: { fullName: string }) => a.fullName)).toEqual(['Первый Лист']);
  });

  it('refuses cells without references (Excel always writes them)', async () => {
    const unreferenced = sheetXml([[1, HEADER]]).replace(/ r="[A-Z]+1"/g, '');
    expect((await refused(buildXlsx(unreferenced))).body.code).toBe('invalid_pupil_list');
  });

  it('refuses too many rows and too many columns', async () => {
    const rows: [number, string[]][] = [[1, HEADER]];
    for (let r = 2; r <= 10_002; r++) rows.push([r, ['31', '1А', `Ученик ${r}`]]);
    expect((await refused(buildXlsx(sheetXml(rows)))).body.code).toBe('invalid_pupil_list');
    const wide = sheetXml([[1, HEADER]]).replace('</row>', '<c r="ZZ1" t="inlineStr"><is><t>x</t></is></c></row>');
    expect((await refused(buildXlsx(wide))).body).toMatchObject({ code: 'invalid_pupil_list', details: { line: 1 } });
  });

  it('refuses a truncated .xlsx', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('1').addRows([HEADER, ['31', '1А', 'Обрезанный Файл']]);
    const whole = Buffer.from(await workbook.xlsx.writeBuffer());
    for (const size of [whole.length - 30, Math.floor(whole.length / 2), 10]) {
      expect((await refused(whole.subarray(0, size))).body.code).toBe('invalid_pupil_list');
    }
  });

  it('refuses a CSV with a 10 MB line (413) and one with a 100 KB line (400 naming it)', async () => {
    const huge = Buffer.from(`school,class,full_name\n31,1А,${'Я'.repeat(5_000_000)}\n`);
    expect((await refused(huge, 'text/csv')).status).toBe(413);
    const long = Buffer.from(`school,class,full_name\n31,1А,Обычный Ученик\n31,1А,${'x'.repeat(100_000)}\n`);
    const reply = await refused(long, 'text/csv');
    expect(reply.body).toMatchObject({ code: 'invalid_pupil_list', details: { line: 3 } });
  });

  it('refuses a CSV with too many lines or columns, naming the line', async () => {
    const lines = ['school,class,full_name'];
    for (let i = 2; i <= 10_001; i++) lines.push(`31,1А,Ученик Номер${i}`);
    expect((await refused(Buffer.from(lines.join('\n')), 'text/csv')).body).toMatchObject({
      code: 'invalid_pupil_list',
      details: { line: 10_001 },
    });
    const wide = `school,class,full_name\n31,1А,Широкий Ряд${',x'.repeat(60)}\n`;
    expect((await refused(Buffer.from(wide), 'text/csv')).body).toMatchObject({
      code: 'invalid_pupil_list',
      details: { line: 2 },
    });
  });

  it('names the line of an unclosed quote, not the line where parsing stopped', async () => {
    const lines = ['school,class,full_name', '31,1А,Первый Ученик', '31,1А,"Кавычкин Без Конца'];
    for (let i = 4; i <= 10; i++) lines.push(`31,1А,Ученик Номер${i}`);
    const reply = await refused(Buffer.from(`${lines.join('\n')}\n`), 'text/csv');
    expect(reply.body).toMatchObject({ code: 'invalid_pupil_list', details: { line: 3 } });
    expect(reply.body.messageRu).toMatch(/^Строка 3: /);
  });

  it('keeps answering other requests while a hostile upload is parsed', async () => {
    const bomb = sharedStringsBomb(100);
    const uploads = [upload(bomb), upload(bomb), upload(bomb)];
    const health = await h.get('/api/health');
    expect(health.status).toBe(200);
    for (const reply of await Promise.all(uploads)) expect(reply.status).toBe(413);
  });
});
