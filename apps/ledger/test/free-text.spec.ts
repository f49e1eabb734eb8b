/**
 * Free text (item names, school names, class names, reasons) follows one rule: hostile
 * text is refused with a 400 naming the field in English and Russian and changes nothing;
 * harmless variants are stored normalised; markup is stored as plain text.
 */
import { TEXT_ISSUES } from '@meals/contracts';
import { LedgerHarness, type RequestOptions } from './support/ledger-harness.js';
import { activate, checkNo, enrol, sale, topUp, type Pupil } from './support/fixtures.js';

const HOSTILE: [what: string, text: string][] = [
  ['a NUL', 'Чай\u0000'],
  ['a terminal escape', '\u001b[2JЧай'],
  ['a newline inside', 'Чай\nКофе'],
  ['a C1 control', 'Чай\u009b'],
  ['a zero-width space', 'Ч\u200bай'],
  ['a right-to-left override', 'Чай\u202eыннелоС'],
  ['a lone surrogate', 'Чай\ud800'],
  ['nothing but spaces', '   '],
  ['ten thousand characters', 'Я'.repeat(10_000)],
];

describe('free text in requests', () => {
  let h: LedgerHarness;
  let admin: string;
  let bank: string;
  let till: string;
  let pupil: Pupil;
  let checkSeq = 100;

  beforeAll(async () => {
    h = await LedgerHarness.start();
    admin = await h.key('admin');
    bank = await h.key('bank');
    till = await h.key('till', { schoolId: '24', tillId: '24-01' });
    [pupil] = (await enrol(h, admin, '24', ['Текстов Тимур'])) as [Pupil];
    await topUp(h, bank, pupil.accountNumber, 100_000);
    await activate(h, till, pupil.cardUid);
  });
  afterAll(() => h.close());

  const fields: [field: string, path: string, request: (text: string) => [url: string, options: RequestOptions]][] = [
    ['sale item name', 'items.0.name', (text) => ['/api/sales', { token: till, body: withItemName(text) }]],
    [
      'school name',
      'name',
      (text) => ['/api/schools', { token: admin, body: { schoolId: '77', name: text, departmentId: 'uo-1' } }],
    ],
    [
      'correction reason',
      'reason',
      (text) => [
        `/api/accounts/${pupil.accountNumber}/corrections`,
        { token: admin, body: { correctionId: 'c-text', amount: 100, reason: text } },
      ],
    ],
    [
      'closing reason',
      'reason',
      (text) => [
        `/api/accounts/${pupil.accountNumber}/close`,
        { token: admin, body: { reason: text, settlement: { kind: 'refund' } } },
      ],
    ],
    [
      'class name of a move',
      'toClassName',
      (text) => [
        `/api/accounts/${pupil.accountNumber}/move`,
        { token: admin, body: { toSchoolId: '24', toClassName: text } },
      ],
    ],
  ];
  const withItemName = (name: string) => ({
    ...sale(checkNo('24', ++checkSeq), pupil.cardUid, 100),
    items: [{ name, qty: 1, price: 100 }],
  });

  const cases = fields.flatMap(([field, path, request]) =>
    HOSTILE.map(([what, text]) => [field, what, path, request, text] as const),
  );

  it.each(cases)(
    '%s with %s: 400, says why in both languages, nothing recorded',
    async (_field, _what, path, request, text) => {
      const before = await h.headPosition();
      const [url, options] = request(text);
      const reply = await h.request('POST', url, options);
      expect(reply.status).toBe(400);
      expect(reply.body.code).toBe('validation_failed');
      expect(reply.body.message).toContain(path);
      expect(reply.body.messageRu).toContain(path);
      expect(reply.body.messageRu).toMatch(/не заполнено|управляющие или невидимые символы|не длиннее \d+ символов/);
      expect(await h.headPosition()).toBe(before);
    },
  );

  it('refuses a control character with the rule in the Russian message', async () => {
    const reply = await h.post('/api/sales', withItemName('Чай\u0007'), till);
    expect(reply.body.messageRu).toBe(
      `Неверные данные запроса (поля: items.0.name): items.0.name: ${TEXT_ISSUES.hidden.ru}`,
    );
  });

  it('stores harmless variants normalised and markup as plain text', async () => {
    const recorded = await h.post(
      '/api/sales',
      {
        ...withItemName('x'),
        items: [
          { name: '  Чаи\u0306 с лимоном \t', qty: 1, price: 100 },
          { name: '<b>Пицца</b><script>alert(1)</script>', qty: 1, price: 200 },
        ],
      },
      till,
    );
    expect(recorded.status).toBe(201);
    await h.settle();
    const statement = await h.get(
      `/api/accounts/${pupil.accountNumber}/statement?from=2024-01-01&to=2024-01-31&details=true`,
      admin,
    );
    const names = statement.body.lines.flatMap((line: { items?: { name: string }[] }) =>
      (line.items ?? []).map((item) => item.name),
    );
    expect(names).toEqual(expect.arrayContaining(['Чай с лимоном', '<b>Пицца</b><script>alert(1)</script>']));

    const moved = await h.post(
      `/api/accounts/${pupil.accountNumber}/move`,
      { toSchoolId: '24', toClassName: ' 04Б ' },
      admin,
    );
    expect(moved.status).toBe(201);
    expect(moved.body.className).toBe('04Б');
  });
});
