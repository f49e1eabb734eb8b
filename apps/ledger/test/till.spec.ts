/**
 * The ledger side of the till (issue 9): buffet assortment, card lookup, «Детализация»,
 * temporary passwords, refused offline checks, offline sales and till keys, each rule
 * checked for every role and scope that may or may not use it.
 */
import { accountStreamId, buffetStreamId, tillRefusalsStreamId } from '@meals/domain';
import { runCli } from '../src/cli/run-cli.js';
import { activate, checkNo, enrol, parentToken, sale, topUp, type Pupil } from './support/fixtures.js';
import { LedgerHarness } from './support/ledger-harness.js';

const POSITION = expect.stringMatching(/^\d+$/);
const PIZZA = { itemId: 'pizza-125', name: 'Пицца 125 г', price: 3450, category: 'Выпечка' };

describe('the till and its school (issue 9)', () => {
  let h: LedgerHarness;
  let admin: string;
  let bank: string;
  let till24: string;
  let till25: string;
  let staff24: string;
  let staff25: string;
  let pupil: Pupil;
  let other: Pupil;
  let pupil25: Pupil;

  beforeAll(async () => {
    h = await LedgerHarness.start();
    admin = await h.key('admin');
    bank = await h.key('bank');
    till24 = await h.key('till', { schoolId: '24', tillId: '24-01' });
    till25 = await h.key('till', { schoolId: '25', tillId: '25-01' });
    staff24 = await h.key('school_staff', { schoolId: '24' });
    staff25 = await h.key('school_staff', { schoolId: '25' });
    [pupil, other] = (await enrol(h, admin, '24', ['Иванова Алёна Петровна', 'Петров Пётр Ильич'])) as [Pupil, Pupil];
    [pupil25] = (await enrol(h, admin, '25', ['Сидоров Семён Олегович'], '05А', 'uo-2')) as [Pupil];
  });
  afterAll(() => h.close());

  describe('buffet assortment', () => {
    const items = (schoolId: string) => `/api/schools/${schoolId}/buffet/items`;

    it('school staff add an item once; a retry is a duplicate; the till of the school reads it', async () => {
      const added = await h.post(items('24'), PIZZA, staff24);
      expect(added.status).toBe(201);
      expect(added.body).toEqual({
        status: 'recorded',
        position: POSITION,
        schoolId: '24',
        item: { ...PIZZA, active: true, favourite: false },
      });
      const again = await h.post(items('24'), PIZZA, staff24);
      expect(again.status).toBe(200);
      expect(again.body.status).toBe('duplicate');
      expect(await h.eventStore.readStream(buffetStreamId('24'))).toHaveLength(1);

      const read = await h.get('/api/schools/24/buffet', till24);
      expect(read.status).toBe(200);
      expect(read.body).toEqual({ schoolId: '24', items: [{ ...PIZZA, active: true, favourite: false }] });
    });

    it('the same item id with other content is a conflict; a new id is generated when left out', async () => {
      const clash = await h.post(items('24'), { ...PIZZA, price: 3500 }, staff24);
      expect(clash.status).toBe(409);
      expect(clash.body.code).toBe('buffet_item_exists');

      const tea = await h.post(
        items('24'),
        { name: 'Чай с сахаром', price: 500, category: 'Напитки', favourite: true },
        staff24,
      );
      expect(tea.status).toBe(201);
      expect(tea.body.item.itemId).toMatch(/^[0-9a-f-]{36}$/);
      expect(tea.body.item).toMatchObject({ favourite: true, active: true });
    });

    it('staff change an item by its whole content: price, on sale or not, favourite', async () => {
      const changed = await h.request('PUT', `${items('24')}/pizza-125`, {
        token: staff24,
        body: { name: 'Пицца 125 г', price: 3600, category: 'Выпечка', active: false, favourite: true },
      });
      expect(changed.status).toBe(201);
      expect(changed.body.item).toEqual({ ...PIZZA, price: 3600, active: false, favourite: true });
      const same = await h.request('PUT', `${items('24')}/pizza-125`, {
        token: staff24,
        body: { name: 'Пицца 125 г', price: 3600, category: 'Выпечка', active: false, favourite: true },
      });
      expect(same.status).toBe(200);
      expect(same.body.status).toBe('duplicate');

      const read = await h.get('/api/schools/24/buffet', staff24);
      expect(read.body.items.map((item: { itemId: string }) => item.itemId)).toContain('pizza-125');
      expect(read.body.items.find((item: { itemId: string }) => item.itemId === 'pizza-125')).toMatchObject({
        price: 3600,
        active: false,
      });

      const missing = await h.request('PUT', `${items('24')}/no-such-item`, {
        token: staff24,
        body: { name: 'Булка', price: 100, category: 'Выпечка', active: true, favourite: false },
      });
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('buffet_item_not_found');
    });

    it('refuses bad prices and names with a clear 400 and records nothing', async () => {
      const before = await h.eventCount();
      for (const bad of [
        { ...PIZZA, itemId: 'x1', price: 0 },
        { ...PIZZA, itemId: 'x2', price: 500_001 },
        { ...PIZZA, itemId: 'x3', price: 12.5 },
        { ...PIZZA, itemId: 'x4', price: '3450' },
        { ...PIZZA, itemId: 'x5', name: '  ' },
        { ...PIZZA, itemId: 'x6', category: 'a'.repeat(61) },
        { ...PIZZA, itemId: 'bad id!' },
        { ...PIZZA, itemId: 'x7', extra: true },
      ]) {
        const reply = await h.post(items('24'), bad, staff24);
        expect(reply.status).toBe(400);
        expect(reply.body.messageRu).toMatch(/[А-Яа-я]/);
      }
      expect(await h.eventCount()).toBe(before);
    });

    it('only staff in scope manage it; tills and readers of the school read it; nobody else', async () => {
      const parent = await parentToken(h, till24, pupil.accountNumber);
      const auditor = await h.key('auditor');
      const deptAdmin1 = await h.key('department_admin', { departmentId: 'uo-1' });
      const deptAdmin2 = await h.key('department_admin', { departmentId: 'uo-2' });
      const bun = (itemId: string) => ({ itemId, name: 'Булочка с маком', price: 1500, category: 'Выпечка' });

      for (const [token, status] of [
        [till24, 403],
        [parent, 403],
        [auditor, 403],
        [bank, 403],
        [staff25, 403],
        [deptAdmin2, 403],
        [deptAdmin1, 201],
        [admin, 200],
      ] as const) {
        const reply = await h.post(items('24'), bun('bun'), token);
        expect({ token: token.slice(0, 6), status: reply.status }).toEqual({ token: token.slice(0, 6), status });
      }
      const change = { name: 'Булочка с маком', price: 1600, category: 'Выпечка', active: true, favourite: false };
      expect((await h.request('PUT', `${items('24')}/bun`, { token: till24, body: change })).status).toBe(403);
      expect((await h.request('PUT', `${items('24')}/bun`, { token: parent, body: change })).status).toBe(403);
      expect((await h.request('PUT', `${items('24')}/bun`, { token: staff25, body: change })).status).toBe(403);

      for (const [token, status] of [
        [till24, 200],
        [staff24, 200],
        [auditor, 200],
        [deptAdmin1, 200],
        [till25, 403],
        [staff25, 403],
        [deptAdmin2, 403],
        [parent, 403],
        [bank, 403],
      ] as const) {
        expect((await h.get('/api/schools/24/buffet', token)).status).toBe(status);
      }
      expect((await h.get('/api/schools/24/buffet')).status).toBe(401);
    });

    it('keeps schools apart: school 25 has its own assortment; an unknown school is 404', async () => {
      await h.post(items('25'), { ...PIZZA, price: 4000 }, staff25);
      const read25 = await h.get('/api/schools/25/buffet', till25);
      expect(read25.body.items).toEqual([{ ...PIZZA, price: 4000, active: true, favourite: false }]);
      const read24 = await h.get('/api/schools/24/buffet', till24);
      expect(read24.body.items.find((item: { itemId: string }) => item.itemId === 'pizza-125').price).toBe(3600);

      const unknown = await h.get('/api/schools/99/buffet', admin);
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('school_not_found');
      expect((await h.post(items('99'), PIZZA, admin)).status).toBe(404);
    });
  });

  describe('card lookup and «Детализация»', () => {
    it('shows the till the pupil, balance and card status; issued, then active, then blocked with the reason', async () => {
      const issued = await h.get(`/api/cards/${other.cardUid}`, till24);
      expect(issued.status).toBe(200);
      expect(issued.body).toEqual({
        cardUid: other.cardUid,
        cardStatus: 'issued',
        blockReason: null,
        accountNumber: other.accountNumber,
        accountStatus: 'open',
        fullName: 'Петров Пётр Ильич',
        className: '03Б',
        schoolId: '24',
        schoolName: 'Школа №24',
        balance: 0,
        balanceText: expect.any(String),
        offlineLimit: 30_000,
      });
      await activate(h, till24, other.cardUid);
      await topUp(h, bank, other.accountNumber, 12_345);
      await h.settle();
      const active = await h.get(`/api/cards/${other.cardUid}`, till24);
      expect(active.body).toMatchObject({ cardStatus: 'active', blockReason: null, balance: 12_345 });

      const blocked = await h.post(
        `/api/accounts/${other.accountNumber}/cards/block`,
        { cardUid: other.cardUid, reason: 'lost' },
        staff24,
      );
      expect(blocked.status).toBe(201);
      await h.settle();
      const seen = await h.get(`/api/cards/${other.cardUid}`, till24);
      expect(seen.body).toMatchObject({ cardStatus: 'blocked', blockReason: 'lost' });
    });

    it('an unknown card is 404 unknown_card; a card of another school is 403; parents and banks may not look', async () => {
      const unknown = await h.get('/api/cards/DEADBEEF0000', till24);
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('unknown_card');
      expect((await h.get('/api/cards/DEADBEEF0000', admin)).body.code).toBe('unknown_card');

      expect((await h.get(`/api/cards/${pupil25.cardUid}`, till24)).status).toBe(403);
      expect((await h.get(`/api/cards/${pupil.cardUid}`, till25)).status).toBe(403);
      expect((await h.get(`/api/cards/${pupil.cardUid}`, staff25)).status).toBe(403);
      expect((await h.get(`/api/cards/${pupil.cardUid}`, staff24)).status).toBe(200);
      expect((await h.get(`/api/cards/${pupil.cardUid}`, bank)).status).toBe(403);
      const parent = await parentToken(h, staff24, pupil.accountNumber, 'parol-dlya-karty7');
      expect((await h.get(`/api/cards/${pupil.cardUid}`, parent)).status).toBe(403);
      expect((await h.get(`/api/cards/bad uid!`, till24)).status).toBe(400);
    });

    it('gives the last N statement lines, newest first, with the check items', async () => {
      await topUp(h, bank, pupil.accountNumber, 50_000);
      await activate(h, till24, pupil.cardUid);
      for (let seq = 101; seq <= 103; seq++) {
        const sold = await h.post(
          '/api/sales',
          sale(checkNo('24', seq), pupil.cardUid, 1000 * (seq - 100), `2024-01-18T12:0${seq - 100}:00+03:00`),
          till24,
        );
        expect(sold.status).toBe(201);
      }
      const recent = await h.get(`/api/cards/${pupil.cardUid}/recent-operations?limit=2`, till24);
      expect(recent.status).toBe(200);
      expect(recent.body).toMatchObject({
        accountNumber: pupil.accountNumber,
        fullName: 'Иванова Алёна Петровна',
        className: '03Б',
        schoolId: '24',
        balance: 50_000 - 6000,
      });
      expect(recent.body.lines).toEqual([
        expect.objectContaining({
          checkNumber: '24-000103',
          debit: 3000,
          items: [{ name: 'Пицца 125 г', qty: 1, price: 3000, amount: 3000 }],
        }),
        expect.objectContaining({ checkNumber: '24-000102', debit: 2000 }),
      ]);
      const all = await h.get(`/api/cards/${pupil.cardUid}/recent-operations`, till24);
      expect(all.body.lines.map((line: { kind: string }) => line.kind)).toEqual(['sale', 'sale', 'sale', 'top_up']);

      for (const bad of ['0', '51', 'x', '-1']) {
        expect((await h.get(`/api/cards/${pupil.cardUid}/recent-operations?limit=${bad}`, till24)).status).toBe(400);
      }
      expect((await h.get(`/api/cards/${pupil.cardUid}/recent-operations`, till25)).status).toBe(403);
      expect((await h.get('/api/cards/DEADBEEF0000/recent-operations', till24)).status).toBe(404);
    });
  });

  describe('temporary password at the till', () => {
    it('a till of the account’s school issues it; another school’s till may not', async () => {
      const issued = await h.post(`/api/accounts/${pupil.accountNumber}/temporary-password`, {}, till24);
      expect(issued.status).toBe(201);
      expect(issued.body).toMatchObject({ accountNumber: pupil.accountNumber, temporaryPassword: expect.any(String) });
      const refused = await h.post(`/api/accounts/${pupil.accountNumber}/temporary-password`, {}, till25);
      expect(refused.status).toBe(403);
    });
  });

  describe('offline checks', () => {
    let poor: Pupil;
    beforeAll(async () => {
      [poor] = (await enrol(h, admin, '24', ['Кузнецова Ольга Игоревна'])) as [Pupil];
      await activate(h, till24, poor.cardUid);
      await topUp(h, bank, poor.accountNumber, 5000);
    });

    it('an offline check may take the balance below zero down to the offline limit, an online one may not', async () => {
      const online = await h.post('/api/sales', sale(checkNo('24', 201), poor.cardUid, 6000), till24);
      expect(online.status).toBe(409);
      expect(online.body.code).toBe('insufficient_funds');

      const offline = await h.post(
        '/api/sales',
        { ...sale(checkNo('24', 202), poor.cardUid, 6000), offline: true },
        till24,
      );
      expect(offline.status).toBe(201);
      expect(offline.body.balance).toBe(-1000);
      const recorded = (await h.eventStore.readStream(accountStreamId(poor.accountNumber))).at(-1)!;
      expect(recorded.data).toMatchObject({ checkNumber: '24-000202', offline: true, total: 6000 });

      // down to −30 000 (TILL_OFFLINE_LIMIT_KOPECKS default) and no further
      const beyond = await h.post(
        '/api/sales',
        { ...sale(checkNo('24', 203), poor.cardUid, 29_001), offline: true },
        till24,
      );
      expect(beyond.status).toBe(409);
      expect(beyond.body.code).toBe('insufficient_funds');
      const edge = await h.post(
        '/api/sales',
        { ...sale(checkNo('24', 204), poor.cardUid, 29_000), offline: true },
        till24,
      );
      expect(edge.status).toBe(201);
      expect(edge.body.balance).toBe(-30_000);
    });

    it('a check the ledger recorded online is a duplicate when the till sends it again flagged offline', async () => {
      await topUp(h, bank, poor.accountNumber, 40_000);
      const online = await h.post('/api/sales', sale(checkNo('24', 205), poor.cardUid, 1000), till24);
      expect(online.status).toBe(201);
      const resent = await h.post(
        '/api/sales',
        { ...sale(checkNo('24', 205), poor.cardUid, 1000), offline: true },
        till24,
      );
      expect(resent.status).toBe(200);
      expect(resent.body).toMatchObject({ status: 'duplicate', balance: online.body.balance });
    });

    it('the till reports a refused offline check once; school staff and readers see it', async () => {
      const refusal = {
        checkNumber: checkNo('24', 203),
        cardUid: poor.cardUid,
        accountNumber: poor.accountNumber,
        items: [{ name: 'Пицца 125 г', qty: 1, price: 29_001 }],
        total: 29_001,
        soldAt: '2024-01-18T12:05:00+03:00',
        refusalCode: 'insufficient_funds',
        refusalMessage: 'Недостаточно средств на лицевом счёте',
      };
      const reported = await h.post('/api/schools/24/till-refusals', refusal, till24);
      expect(reported.status).toBe(201);
      expect(reported.body).toEqual({
        status: 'recorded',
        position: POSITION,
        schoolId: '24',
        checkNumber: '24-000203',
      });
      const again = await h.post('/api/schools/24/till-refusals', { ...refusal, refusalCode: 'card_blocked' }, till24);
      expect(again.status).toBe(200);
      expect(again.body.status).toBe('duplicate');
      expect(await h.eventStore.readStream(tillRefusalsStreamId('24'))).toHaveLength(1);

      await h.settle();
      const listed = await h.get('/api/schools/24/till-refusals', staff24);
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual({
        schoolId: '24',
        refusals: [
          {
            ...refusal,
            tillId: '24-01',
            items: [{ name: 'Пицца 125 г', qty: 1, price: 29_001, amount: 29_001 }],
            reportedAt: expect.any(String),
          },
        ],
      });
      expect((await h.get('/api/schools/24/till-refusals?limit=1', await h.key('auditor'))).status).toBe(200);
    });

    it('refusal reports: only a till of the school reports, only readers of the school read, bad input is 400', async () => {
      const refusal = {
        checkNumber: checkNo('24', 300),
        cardUid: 'UNKNOWN01',
        accountNumber: null,
        items: [{ name: 'Чай', qty: 2, price: 500 }],
        total: 1000,
        soldAt: '2024-01-18T12:05:00+03:00',
        refusalCode: 'unknown_card',
        refusalMessage: 'Карта не найдена',
      };
      const before = await h.eventCount();
      expect((await h.post('/api/schools/24/till-refusals', refusal, till25)).status).toBe(403);
      expect((await h.post('/api/schools/24/till-refusals', refusal, staff24)).status).toBe(403);
      expect((await h.post('/api/schools/24/till-refusals', refusal, admin)).status).toBe(403);
      const otherSchool = await h.post(
        '/api/schools/24/till-refusals',
        { ...refusal, checkNumber: checkNo('25', 1) },
        till24,
      );
      expect(otherSchool.status).toBe(400);
      expect(otherSchool.body.code).toBe('invalid_check_number');
      const wrongTotal = await h.post('/api/schools/24/till-refusals', { ...refusal, total: 999 }, till24);
      expect(wrongTotal.status).toBe(400);
      expect(wrongTotal.body.code).toBe('invalid_items');
      expect(
        (await h.post('/api/schools/24/till-refusals', { ...refusal, refusalCode: 'Bad Code' }, till24)).status,
      ).toBe(400);
      expect((await h.post('/api/schools/24/till-refusals', { ...refusal, refusalMessage: '' }, till24)).status).toBe(
        400,
      );
      expect(await h.eventCount()).toBe(before);
      expect((await h.post('/api/schools/24/till-refusals', refusal, till24)).status).toBe(201);

      expect((await h.get('/api/schools/24/till-refusals', till24)).status).toBe(403);
      expect((await h.get('/api/schools/24/till-refusals', staff25)).status).toBe(403);
      const parent = await parentToken(h, staff24, poor.accountNumber, 'parol-dlya-olgi7');
      expect((await h.get('/api/schools/24/till-refusals', parent)).status).toBe(403);
      expect((await h.get('/api/schools/24/till-refusals?limit=0', staff24)).status).toBe(400);
    });
  });

  describe('till keys', () => {
    it('sales and activations carry the key’s own till and school; the body cannot name another', async () => {
      const events = await h.eventStore.readStream(accountStreamId(pupil.accountNumber));
      const activated = events.find((event) => event.type === 'card.activated.v1')!;
      expect(activated.data).toMatchObject({ tillId: '24-01' });
      expect(activated.metadata).toMatchObject({
        actor: { kind: 'till', id: expect.stringMatching(/^key:test-till-/) },
      });
      const sold = events.find((event) => event.type === 'account.sale-debited.v1')!;
      expect(sold.data).toMatchObject({ tillId: '24-01', schoolId: '24' });

      const smuggled = await h.post(
        '/api/sales',
        { ...sale(checkNo('24', 401), pupil.cardUid, 100), tillId: '24-99', schoolId: '25' },
        till24,
      );
      expect(smuggled.status).toBe(400);
      // a till of school 25 cannot sell on a pupil of school 24, even with a check numbered for 24
      const foreign = await h.post('/api/sales', sale(checkNo('25', 402), pupil.cardUid, 100), till25);
      expect(foreign.status).toBe(403);
    });

    it('a key revoked from the CLI is refused at once; list-keys no longer shows it', async () => {
      const key = await h.key('till', { schoolId: '24', tillId: '24-07' });
      expect((await h.get('/api/schools/24/buffet', key)).status).toBe(200);
      const name = (await h.identity.list()).keys.find((k) => k.tillId === '24-07')!.name;

      const lines: string[] = [];
      const env = { DATA_DIR: h.dir };
      expect(await runCli(['revoke-key', '--name', name], (line) => lines.push(line), env)).toBe(0);
      expect(lines).toEqual([`revoked key ${name}; it is refused from now on`]);

      const refused = await h.get('/api/schools/24/buffet', key);
      expect(refused.status).toBe(401);
      expect((await h.post('/api/sales', sale(checkNo('24', 501), pupil.cardUid, 100), key)).status).toBe(401);

      const listed: string[] = [];
      expect(await runCli(['list-keys'], (line) => listed.push(line), env)).toBe(0);
      const keys = JSON.parse(listed.join('\n')) as { name: string }[];
      expect(keys.map((k) => k.name)).not.toContain(name);
      expect(keys.length).toBeGreaterThan(3);
      expect(listed.join('\n')).not.toContain(key);

      await expect(runCli(['revoke-key', '--name', name], () => {}, env)).rejects.toThrow(/no key named/);
      await expect(runCli(['revoke-key'], () => {}, env)).rejects.toThrow(/--name is required/);
    });
  });
});
