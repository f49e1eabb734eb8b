/**
 * Bad input never changes anything: every request below gets a 4xx in the API's error
 * shape (English and Russian message), and the event log stays exactly as it was.
 */
import ExcelJS from 'exceljs';
import { makeAccountNumber } from '@meals/domain';
import { LedgerHarness, type RequestOptions } from './support/ledger-harness.js';
import { activate, checkNo, enrol, sale, topUp, type Pupil } from './support/fixtures.js';

type Case = [
  name: string,
  method: 'GET' | 'POST',
  url: () => string,
  options: () => RequestOptions,
  status: number,
  code?: string,
];

describe('bad input', () => {
  let h: LedgerHarness;
  let admin: string;
  let bank: string;
  let till: string;
  let pupil: Pupil;

  beforeAll(async () => {
    h = await LedgerHarness.start();
    admin = await h.key('admin');
    bank = await h.key('bank');
    till = await h.key('till', { schoolId: '24', tillId: '24-01' });
    [pupil] = (await enrol(h, admin, '24', ['Проверкин Пётр'])) as [Pupil];
    await topUp(h, bank, pupil.accountNumber, 10_000);
    await activate(h, till, pupil.cardUid);
  });
  afterAll(() => h.close());

  const topUpBody = (patch: Record<string, unknown>) => ({
    paymentId: 'bad-1',
    accountNumber: pupil.accountNumber,
    channel: 'bank_online',
    amount: 1000,
    paidAt: '2024-01-18T09:30:00+03:00',
    ...patch,
  });
  const saleBody = (patch: Record<string, unknown>) => ({ ...sale(checkNo('24', 500), pupil.cardUid, 100), ...patch });
  const wrongCheckDigit = () => pupil.accountNumber.slice(0, 9) + String((Number(pupil.accountNumber[9]) + 1) % 10);
  const asBank = (body: unknown): RequestOptions => ({ token: bank, body });
  const asTill = (body: unknown): RequestOptions => ({ token: till, body });
  const csv = (text: string): RequestOptions => ({ token: admin, payload: Buffer.from(text), contentType: 'text/csv' });

  const cases: Case[] = [
    [
      'negative amount',
      'POST',
      () => '/api/top-ups',
      () => asBank(topUpBody({ amount: -100 })),
      400,
      'validation_failed',
    ],
    [
      'fractional amount',
      'POST',
      () => '/api/top-ups',
      () => asBank(topUpBody({ amount: 10.5 })),
      400,
      'validation_failed',
    ],
    [
      'amount as a string',
      'POST',
      () => '/api/top-ups',
      () => asBank(topUpBody({ amount: '1000' })),
      400,
      'validation_failed',
    ],
    ['zero amount', 'POST', () => '/api/top-ups', () => asBank(topUpBody({ amount: 0 })), 400, 'validation_failed'],
    [
      'absurd amount',
      'POST',
      () => '/api/top-ups',
      () => asBank(topUpBody({ amount: 2 ** 52 })),
      400,
      'invalid_amount',
    ],
    [
      'unknown channel',
      'POST',
      () => '/api/top-ups',
      () => asBank(topUpBody({ channel: 'bitcoin' })),
      400,
      'validation_failed',
    ],
    [
      'missing paymentId',
      'POST',
      () => '/api/top-ups',
      () => asBank(topUpBody({ paymentId: undefined })),
      400,
      'validation_failed',
    ],
    [
      'mistyped account number',
      'POST',
      () => '/api/top-ups',
      () => asBank(topUpBody({ accountNumber: wrongCheckDigit() })),
      400,
      'validation_failed',
    ],
    [
      'unknown account',
      'POST',
      () => '/api/top-ups',
      () => asBank(topUpBody({ accountNumber: makeAccountNumber('24', 999_999) })),
      404,
      'account_not_found',
    ],
    [
      'paidAt without offset',
      'POST',
      () => '/api/top-ups',
      () => asBank(topUpBody({ paidAt: '2024-01-18 09:30' })),
      400,
      'validation_failed',
    ],
    ['unknown field', 'POST', () => '/api/top-ups', () => asBank(topUpBody({ bonus: 1 })), 400, 'validation_failed'],
    ['body is an array', 'POST', () => '/api/top-ups', () => asBank([topUpBody({})]), 400, 'validation_failed'],
    [
      'body is not JSON',
      'POST',
      () => '/api/top-ups',
      () => ({ token: bank, payload: '{"paymentId": ', contentType: 'application/json' }),
      400,
      'invalid_body',
    ],
    [
      'body is XML',
      'POST',
      () => '/api/top-ups',
      () => ({ token: bank, payload: '<topup/>', contentType: 'application/xml' }),
      415,
      'unsupported_media_type',
    ],
    [
      'body over 1 MB',
      'POST',
      () => '/api/top-ups',
      () => ({
        token: bank,
        payload: JSON.stringify(topUpBody({ paymentId: 'x'.repeat(1_100_000) })),
        contentType: 'application/json',
      }),
      413,
      'payload_too_large',
    ],
    ['sale: no items', 'POST', () => '/api/sales', () => asTill(saleBody({ items: [] })), 400, 'validation_failed'],
    [
      'sale: zero quantity',
      'POST',
      () => '/api/sales',
      () => asTill(saleBody({ items: [{ name: 'Чай', qty: 0, price: 100 }] })),
      400,
      'validation_failed',
    ],
    [
      'sale: negative price',
      'POST',
      () => '/api/sales',
      () => asTill(saleBody({ items: [{ name: 'Чай', qty: 1, price: -100 }] })),
      400,
      'validation_failed',
    ],
    [
      'sale: malformed check number',
      'POST',
      () => '/api/sales',
      () => asTill(saleBody({ checkNumber: '24/1983' })),
      400,
      'validation_failed',
    ],
    [
      'sale: unknown card',
      'POST',
      () => '/api/sales',
      () => asTill(saleBody({ cardUid: 'NO-SUCH-CARD' })),
      404,
      'unknown_card',
    ],
    [
      'sale: missing soldAt',
      'POST',
      () => '/api/sales',
      () => asTill(saleBody({ soldAt: undefined })),
      400,
      'validation_failed',
    ],
    [
      'correction of zero',
      'POST',
      () => `/api/accounts/${pupil.accountNumber}/corrections`,
      () => ({ token: admin, body: { correctionId: 'z', amount: 0, reason: 'x' } }),
      400,
      'validation_failed',
    ],
    [
      'correction without reason',
      'POST',
      () => `/api/accounts/${pupil.accountNumber}/corrections`,
      () => ({ token: admin, body: { correctionId: 'z', amount: 5 } }),
      400,
      'validation_failed',
    ],
    [
      'block with unknown reason',
      'POST',
      () => `/api/accounts/${pupil.accountNumber}/cards/block`,
      () => ({ token: admin, body: { cardUid: pupil.cardUid, reason: 'eaten' } }),
      400,
      'validation_failed',
    ],
    [
      'close without settlement',
      'POST',
      () => `/api/accounts/${pupil.accountNumber}/close`,
      () => ({ token: admin, body: { reason: 'x' } }),
      400,
      'validation_failed',
    ],
    [
      'move to a bad class',
      'POST',
      () => `/api/accounts/${pupil.accountNumber}/move`,
      () => ({ token: admin, body: { toSchoolId: '24', toClassName: '15Ы' } }),
      400,
      'invalid_class_name',
    ],
    [
      'malformed account in the path',
      'GET',
      () => '/api/accounts/12ab',
      () => ({ token: admin }),
      400,
      'validation_failed',
    ],
    [
      'statement: from after to',
      'GET',
      () => `/api/accounts/${pupil.accountNumber}/statement?from=2024-02-01&to=2024-01-01`,
      () => ({ token: admin }),
      400,
      'validation_failed',
    ],
    [
      'statement: not a date',
      'GET',
      () => `/api/accounts/${pupil.accountNumber}/statement?from=2024-02-30&to=2024-03-01`,
      () => ({ token: admin }),
      400,
      'validation_failed',
    ],
    [
      'statement: over 400 days',
      'GET',
      () => `/api/accounts/${pupil.accountNumber}/statement?from=2023-01-01&to=2024-02-05`,
      () => ({ token: admin }),
      400,
      'validation_failed',
    ],
    [
      'statement: no period',
      'GET',
      () => `/api/accounts/${pupil.accountNumber}/statement`,
      () => ({ token: admin }),
      400,
      'validation_failed',
    ],
    [
      'school with leading zero',
      'POST',
      () => '/api/schools',
      () => ({ token: admin, body: { schoolId: '024', name: 'X', departmentId: 'uo-1' } }),
      400,
      'validation_failed',
    ],
    [
      'import: JSON instead of a file',
      'POST',
      () => '/api/schools/24/pupils/import',
      () => ({ token: admin, body: { rows: [] } }),
      415,
      'unsupported_media_type',
    ],
    ['import: empty file', 'POST', () => '/api/schools/24/pupils/import', () => csv(''), 400, 'invalid_pupil_list'],
    [
      'import: no header',
      'POST',
      () => '/api/schools/24/pupils/import',
      () => csv('24,1А,Иванов Иван\n'),
      400,
      'invalid_pupil_list',
    ],
    [
      'import: row of another school',
      'POST',
      () => '/api/schools/24/pupils/import',
      () => csv('school,class,full_name\n24,1А,Новый Ученик\n25,1А,Чужой Ученик\n'),
      400,
      'invalid_pupil_list',
    ],
    [
      'import: bad class on line 3',
      'POST',
      () => '/api/schools/24/pupils/import',
      () => csv('school,class,full_name\n24,1А,Новый Ученик\n24,1ZZ,Плохой Класс\n'),
      400,
      'invalid_class_name',
    ],
    [
      'import: a zero-width space in a name (the one text rule, also for lists)',
      'POST',
      () => '/api/schools/24/pupils/import',
      () => csv('school,class,full_name\n24,1А,Новый Ученик\n24,1А,Скрытый\u200bСимвол\n'),
      400,
      'invalid_name',
    ],
    [
      'import: a bidi override in a name',
      'POST',
      () => '/api/schools/24/pupils/import',
      () => csv('school,class,full_name\n24,1А,Иванов \u202eИван\n'),
      400,
      'invalid_name',
    ],
    [
      'import: unterminated quote',
      'POST',
      () => '/api/schools/24/pupils/import',
      () => csv('school,class,full_name\n24,1А,"Иванов\n'),
      400,
      'invalid_pupil_list',
    ],
    [
      'import: not UTF-8',
      'POST',
      () => '/api/schools/24/pupils/import',
      () => ({ ...csv(''), payload: Buffer.from([0x73, 0x63, 0x68, 0xff, 0xfe, 0x0a]) }),
      400,
      'invalid_pupil_list',
    ],
    [
      'import: broken xlsx',
      'POST',
      () => '/api/schools/24/pupils/import',
      () => ({
        token: admin,
        payload: Buffer.from('PK not really a zip'),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
      400,
      'invalid_pupil_list',
    ],
    [
      'import into an unknown school',
      'POST',
      () => '/api/schools/88/pupils/import',
      () => csv('school,class,full_name\n88,1А,Новый Ученик\n'),
      404,
      'school_not_found',
    ],
    ['unknown route', 'GET', () => '/api/nothing-here', () => ({ token: admin }), 404, 'not_found'],
  ];

  it.each(cases)('%s: 4xx, nothing recorded', async (_name, method, url, options, status, code) => {
    const before = await h.headPosition();
    const reply = await h.request(method, url(), options());
    expect(reply.status).toBe(status);
    expect(reply.body).toMatchObject({
      statusCode: status,
      code: expect.any(String),
      message: expect.any(String),
      messageRu: expect.any(String),
    });
    if (code) expect(reply.body.code).toBe(code);
    expect(await h.headPosition()).toBe(before);
  });

  it('names the file line of a bad row', async () => {
    const reply = await h.request(
      'POST',
      '/api/schools/24/pupils/import',
      csv('school,class,full_name\n\n24,1А,Новый Ученик\n24,1ZZ,Плохой Класс\n'),
    );
    expect(reply.status).toBe(400);
    expect(reply.body.details.line).toBe(4);
    expect(reply.body.message).toMatch(/^Line 4: /);
    expect(reply.body.messageRu).toMatch(/^Строка 4: /);
  });

  it('names the row of an XLSX list with an empty column', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('1');
    sheet.addRow(['school', 'class', 'full_name']);
    sheet.addRow(['24', '1А', 'Полный Ученик']);
    sheet.addRow(['24', '', 'Без Класса']);
    const reply = await h.request('POST', '/api/schools/24/pupils/import', {
      token: admin,
      payload: Buffer.from(await workbook.xlsx.writeBuffer()),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(reply.status).toBe(400);
    expect(reply.body.details).toEqual({ line: 3 });
  });

  it('lists every problem of a request with its path', async () => {
    const reply = await h.post('/api/top-ups', { accountNumber: 5, channel: 'x', amount: -1 }, bank);
    expect(reply.status).toBe(400);
    const paths = (reply.body.details.issues as { path: string }[]).map((issue) => issue.path).sort();
    expect(paths).toEqual(['accountNumber', 'amount', 'channel', 'paidAt', 'paymentId']);
  });
});
