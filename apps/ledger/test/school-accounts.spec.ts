/** A school's pupils with balances: by class and name, filtered by class and status, in scope only. */
import { LedgerHarness } from './support/ledger-harness.js';
import { csvOf, importCsv, registerSchool, topUp } from './support/fixtures.js';

describe('GET /api/schools/:schoolId/accounts', () => {
  let h: LedgerHarness;
  let admin: string;
  let bank: string;

  beforeAll(async () => {
    h = await LedgerHarness.start();
    admin = await h.key('admin');
    bank = await h.key('bank');
    await registerSchool(h, admin, '50');
    await registerSchool(h, admin, '51');
    const csv = csvOf('50', [
      ['3б', 'Яковлева Яна'],
      ['3Б', 'Антонов Антон'],
      ['1А', 'Борисова Белла'],
      ['3Б', 'Закрытов Захар'],
    ]);
    expect((await importCsv(h, admin, '50', csv)).status).toBe(201);
    expect((await importCsv(h, admin, '51', csvOf('51', [['2В', 'Чужой Чарли']]))).status).toBe(201);
    const listed = await h.get('/api/schools/50/accounts', admin);
    const number = (name: string) =>
      listed.body.accounts.find((a: { fullName: string }) => a.fullName === name).accountNumber;
    expect((await topUp(h, bank, number('Антонов Антон'), 12_300)).status).toBe(201);
    expect((await topUp(h, bank, number('Яковлева Яна'), 700)).status).toBe(201);
    const close = await h.post(
      `/api/accounts/${number('Закрытов Захар')}/close`,
      { reason: 'Выбыл', settlement: { kind: 'refund' } },
      admin,
    );
    expect(close.status).toBe(201);
    await h.settle();
  });
  afterAll(() => h.close());

  it('lists the open accounts by class, then name, with balances and a total', async () => {
    const reply = await h.get('/api/schools/50/accounts', admin);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      schoolId: '50',
      className: null,
      status: 'open',
      count: 3,
      totalBalance: 13_000,
    });
    expect(
      reply.body.accounts.map((a: { className: string; fullName: string; balance: number }) => [
        a.className,
        a.fullName,
        a.balance,
      ]),
    ).toEqual([
      ['01А', 'Борисова Белла', 0],
      ['03Б', 'Антонов Антон', 12_300],
      ['03Б', 'Яковлева Яна', 700],
    ]);
    expect(reply.body.accounts[1]).toMatchObject({
      schoolId: '50',
      status: 'open',
      balanceText: '123,00 руб.',
      cardStatus: 'issued',
    });
  });

  it('filters by class, written as people write it', async () => {
    const reply = await h.get('/api/schools/50/accounts?className=3%D0%B1', admin);
    expect(reply.status).toBe(200);
    expect(reply.body.className).toBe('03Б');
    expect(reply.body.accounts.map((a: { fullName: string }) => a.fullName)).toEqual(['Антонов Антон', 'Яковлева Яна']);
  });

  it('lists closed accounts when asked', async () => {
    const reply = await h.get('/api/schools/50/accounts?status=closed', admin);
    expect(reply.body.accounts.map((a: { fullName: string }) => a.fullName)).toEqual(['Закрытов Захар']);
  });

  it('refuses bad input with 400 and an unknown school with 404', async () => {
    expect((await h.get('/api/schools/50/accounts?className=12Ж', admin)).status).toBe(400);
    expect((await h.get('/api/schools/50/accounts?status=all', admin)).status).toBe(400);
    expect((await h.get('/api/schools/50/accounts?page=2', admin)).status).toBe(400);
    expect((await h.get('/api/schools/99/accounts', admin)).status).toBe(404);
  });

  it('shows a school to its own staff and auditors only; tills and banks never', async () => {
    const staff50 = await h.staff('school_staff', { schoolId: '50' });
    expect((await h.get('/api/schools/50/accounts', staff50)).status).toBe(200);
    expect((await h.get('/api/schools/51/accounts', staff50)).status).toBe(403);
    expect((await h.get('/api/schools/50/accounts', await h.staff('auditor'))).status).toBe(200);
    expect(
      (await h.get('/api/schools/50/accounts', await h.key('till', { schoolId: '50', tillId: '50-01' }))).status,
    ).toBe(403);
    expect((await h.get('/api/schools/50/accounts', bank)).status).toBe(403);
    expect((await h.get('/api/schools/50/accounts')).status).toBe(401);
  });
});
