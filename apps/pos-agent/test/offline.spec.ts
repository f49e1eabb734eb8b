/**
 * Offline selling against a fake ledger that goes down, answers slowly or fails: sales go on
 * within the last known balance and the offline limit, every check is delivered once and in
 * order when the link returns, and a check the ledger refuses later is reported, not dropped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeLedger } from './support/fake-ledger.js';
import { waitUntil } from './support/wait-until.js';
import { startTestTill, type TestTill } from './support/test-till.js';

let dir: string;
let ledger: FakeLedger;
let till: TestTill;

const ALENA = '04A1B2C3D4';
const PETR = '04F0F0F0F0';

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'till-offline-'));
  ledger = new FakeLedger([
    { cardUid: ALENA, accountNumber: '2400001', fullName: 'Иванова Алёна', className: '3Б', balance: 10_000 },
    { cardUid: PETR, accountNumber: '2400002', fullName: 'Петров Пётр', className: '5А', balance: 2_000 },
  ]);
  till = await startTestTill({ dataDir: join(dir, 'till'), ledger, saleWaitMs: 300, offlineLimitKopecks: 5_000 });
});

afterEach(async () => {
  await till?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const sell = (cardUid: string, items: { itemId: string; qty: number }[]) => till.post('/api/sale', { cardUid, items });

it('sells offline from the last known balance, shows it, and delivers every check once and in order when the link returns', async () => {
  await till.post('/api/card', { cardUid: ALENA });
  await till.post('/api/card', { cardUid: PETR });
  ledger.down = true;

  const card = await till.post('/api/card', { cardUid: ALENA });
  expect(card.body).toMatchObject({ ok: true, card: { source: 'cache', balance: 10_000 } });
  const first = await sell(ALENA, [{ itemId: 'pizza', qty: 2 }]); // 69,00
  expect(first.body).toMatchObject({ ok: true, offline: true, checkNumber: '24-000001' });
  expect(till.agent.state().link).toMatchObject({ online: false, queued: 1 });
  // 100,00 known − 69,00 queued = 31,00; the offline limit lets it go down to −50,00
  const second = await sell(ALENA, [{ itemId: 'pizza', qty: 2 }]); // 69,00 → −38,00
  expect(second.body).toMatchObject({ ok: true, offline: true, checkNumber: '24-000002' });
  const third = await sell(ALENA, [{ itemId: 'juice', qty: 1 }]); // 13,20 → −51,20: beyond the limit
  expect(third.body).toMatchObject({
    ok: false,
    code: 'insufficient_funds',
    message: 'Недостаточно средств на карте для этого заказа',
  });
  expect(JSON.stringify(third.body)).not.toMatch(/\d+,\d\d/); // short funds said without an amount
  const fourth = await sell(PETR, [{ itemId: 'tea', qty: 1 }]);
  expect(fourth.body).toMatchObject({ ok: true, offline: true, checkNumber: '24-000003' });

  ledger.down = false;
  await till.agent.delivery.drained(10_000);
  // each card's checks in numbering order (different cards' checks may overlap in flight)
  const numbersOf = (cardUid: string) =>
    ledger.saleCalls.filter((call) => call.cardUid === cardUid).map((call) => call.checkNumber);
  expect(numbersOf(ALENA)).toEqual(['24-000001', '24-000002']);
  expect(numbersOf(PETR)).toEqual(['24-000003']);
  expect(ledger.saleCalls.every((call) => call.offline === true)).toBe(true);
  expect(ledger.pupils.get(ALENA)!.balance).toBe(10_000 - 13_800);
  expect(ledger.pupils.get(PETR)!.balance).toBe(2_000 - 450);
  await waitUntil(() => till.agent.state().link.online, 5_000, 'online again');
  expect(till.agent.state().link.queued).toBe(0);
});

it('keeps a check the ledger refuses after the link returns and reports it to school staff', async () => {
  await till.post('/api/card', { cardUid: PETR });
  ledger.down = true;
  await till.post('/api/card', { cardUid: PETR }); // the next pupil's card: the till learns it is offline
  expect((await sell(PETR, [{ itemId: 'pizza', qty: 1 }])).body).toMatchObject({ ok: true, offline: true });
  // meanwhile the card was blocked at the office
  ledger.pupils.get(PETR)!.cardStatus = 'blocked';
  ledger.down = false;
  await till.agent.delivery.drained(10_000);
  expect(ledger.recorded.size).toBe(0);
  expect(ledger.refusals).toEqual([
    expect.objectContaining({
      checkNumber: '24-000001',
      cardUid: PETR,
      accountNumber: '2400002',
      total: 3450,
      refusalCode: 'card_blocked',
    }),
  ]);
  expect(till.agent.store.check('24-000001')).toMatchObject({ state: 'refused', refusalReported: true });
  expect(till.agent.state().link.refused).toBe(1);
});

it('completes the sale offline when the ledger is slow, and the late answer does not record it twice', async () => {
  await till.post('/api/card', { cardUid: ALENA });
  ledger.delayMs = 800; // longer than the sale waits (300 ms)
  const sale = await sell(ALENA, [{ itemId: 'tea', qty: 2 }]);
  expect(sale.body).toMatchObject({ ok: true, offline: true, checkNumber: '24-000001' });
  ledger.delayMs = 0;
  await till.agent.delivery.drained(10_000);
  expect(ledger.recorded.size).toBe(1);
  expect(ledger.pupils.get(ALENA)!.balance).toBe(10_000 - 900);
  expect(till.agent.store.check('24-000001')).toMatchObject({ state: 'delivered', balanceAfter: 9_100 });
});

it('keeps checks queued through 5xx answers and delivers them once the ledger recovers', async () => {
  await till.post('/api/card', { cardUid: ALENA });
  ledger.failWith5xx = true;
  expect((await sell(ALENA, [{ itemId: 'tea', qty: 1 }])).body).toMatchObject({ ok: true, offline: true });
  expect(till.agent.state().link.online).toBe(false);
  ledger.failWith5xx = false;
  await till.agent.delivery.drained(10_000);
  expect([...ledger.recorded.keys()]).toEqual(['24-000001']);
});

it('a revoked till key: the screen says so, sales are kept queued (not refused) until the key works again', async () => {
  await till.post('/api/card', { cardUid: ALENA });
  ledger.keyRevoked = true;
  const read = await till.post('/api/card', { cardUid: ALENA });
  expect(read.body).toMatchObject({ ok: true, card: { source: 'cache' } });
  expect(till.agent.state().notice?.text).toBe(
    'Ключ кассы не принят сервером (обратитесь к администратору): баланс по последним данным кассы',
  );
  expect(till.agent.state().link).toMatchObject({ online: false });
  expect((await sell(ALENA, [{ itemId: 'tea', qty: 1 }])).body).toMatchObject({ ok: true, offline: true });
  ledger.keyRevoked = false;
  await till.agent.delivery.drained(10_000);
  expect([...ledger.recorded.keys()]).toEqual(['24-000001']);
  expect(ledger.refusals).toEqual([]);
});

it('refuses a sale the ledger refuses while the cashier waits: no receipt, nothing queued, short funds without the amount', async () => {
  await till.post('/api/card', { cardUid: PETR });
  const sale = await sell(PETR, [{ itemId: 'pizza', qty: 1 }]); // 34,50 > 20,00 online: refused by the till already
  expect(sale.body).toMatchObject({ ok: false, code: 'insufficient_funds' });
  expect(ledger.saleCalls).toHaveLength(0);
  // the till thinks there is enough (stale), the ledger knows better
  ledger.pupils.get(PETR)!.balance = 100;
  const stale = await sell(PETR, [{ itemId: 'tea', qty: 1 }]);
  expect(stale.body).toMatchObject({
    ok: false,
    code: 'insufficient_funds',
    message: 'Недостаточно средств на карте для этого заказа',
  });
  expect(till.agent.store.pendingCount()).toBe(0);
  expect(till.agent.state().receipts).toEqual([]);
  // the declined check's number was given back: the next sale has it, the ledger sees no gap
  ledger.pupils.get(PETR)!.balance = 2_000;
  await till.post('/api/card', { cardUid: PETR });
  expect((await sell(PETR, [{ itemId: 'tea', qty: 1 }])).body).toMatchObject({ ok: true, checkNumber: '24-000001' });
});

it('rejects bad screen input with a clear 400 and changes nothing', async () => {
  for (const body of [
    {},
    { cardUid: '<script>', items: [{ itemId: 'tea', qty: 1 }] },
    { cardUid: ALENA, items: [] },
    { cardUid: ALENA, items: [{ itemId: 'tea', qty: -1 }] },
  ]) {
    const answer = await till.post('/api/sale', body);
    expect(answer.status).toBe(400);
    expect(answer.body.message).toEqual(expect.any(String));
  }
  const foreignHost = await new Promise<number>((resolve, reject) =>
    request(`${till.url}/api/state`, { headers: { host: 'evil.example' } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    })
      .on('error', reject)
      .end(),
  );
  expect(foreignHost).toBe(421);
  const form = await fetch(`${till.url}/api/sale`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'cardUid=x',
  });
  expect(form.status).toBe(415);
  expect(till.agent.store.pendingCount()).toBe(0);
});
