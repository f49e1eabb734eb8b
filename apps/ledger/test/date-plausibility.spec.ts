/**
 * Sales and payments dated outside the configured window around the server's receive time
 * are refused with 400 implausible_date and change nothing, so a sale typed years back can
 * no longer open a statement below zero.
 */
import { DEFAULT_ACCOUNT_POLICY } from '@meals/domain';
import { LedgerHarness } from './support/ledger-harness.js';
import { activate, enrol, type Pupil } from './support/fixtures.js';

const NOW = new Date('2026-03-10T09:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const at = (offsetMs: number): string => new Date(NOW.getTime() + offsetMs).toISOString();

describe('date plausibility through the API (default limits)', () => {
  let h: LedgerHarness;
  let pupil: Pupil;
  let till: string;
  let bank: string;
  let auditor: string;

  beforeAll(async () => {
    h = await LedgerHarness.start({ clock: () => NOW, accountPolicy: DEFAULT_ACCOUNT_POLICY });
    [pupil] = (await enrol(h, await h.key('admin'), '24', ['Иванов Иван'])) as [Pupil];
    till = await h.key('till', { schoolId: '24', tillId: '24-01' });
    bank = await h.key('bank');
    auditor = await h.key('auditor');
    await activate(h, till, pupil.cardUid);
  });

  afterAll(() => h.close());

  const topUp = (paymentId: string, paidAt: string) =>
    h.post(
      '/api/top-ups',
      { paymentId, accountNumber: pupil.accountNumber, channel: 'bank_online', amount: 50000, paidAt },
      bank,
    );
  const sale = (checkNumber: string, soldAt: string) =>
    h.post(
      '/api/sales',
      { checkNumber, cardUid: pupil.cardUid, items: [{ name: 'Пицца 125 г', qty: 1, price: 3450 }], soldAt },
      till,
    );

  it('refuses a payment dated in the future or beyond 45 days, appending nothing', async () => {
    const before = await h.eventCount();
    for (const paidAt of [at(6 * 60 * 1000), at(-46 * DAY), '2019-03-10T09:00:00Z']) {
      const reply = await topUp(`late-${paidAt}`, paidAt);
      expect(reply.status).toBe(400);
      expect(reply.body.code).toBe('implausible_date');
      expect(reply.body.messageRu).toMatch(/paidAt/);
      expect(reply.body.details).toMatchObject({ field: 'paidAt' });
    }
    expect(await h.eventCount()).toBe(before);
    expect((await topUp('registry-44-days', at(-44 * DAY))).status).toBe(201);
  });

  it('refuses a sale older than 7 days or ahead of the clock skew, appending nothing', async () => {
    const before = await h.eventCount();
    for (const [checkNumber, soldAt] of [
      ['24-000001', at(-8 * DAY)],
      ['24-000002', at(10 * 60 * 1000)],
      ['24-000003', '2016-03-10T12:00:00+03:00'],
    ] as const) {
      const reply = await sale(checkNumber, soldAt);
      expect(reply.status).toBe(400);
      expect(reply.body.code).toBe('implausible_date');
      expect(reply.body.details).toMatchObject({ field: 'soldAt' });
    }
    expect(await h.eventCount()).toBe(before);
    expect((await sale('24-000004', at(-6 * DAY))).status).toBe(201);
  });

  it('a statement never opens below zero because of a refused back-dated sale', async () => {
    await h.settle();
    const from = new Date(NOW.getTime() - 30 * DAY).toISOString().slice(0, 10);
    const to = NOW.toISOString().slice(0, 10);
    const statement = await h.get(`/api/accounts/${pupil.accountNumber}/statement?from=${from}&to=${to}`, auditor);
    expect(statement.status).toBe(200);
    expect(statement.body.openingBalance).toBeGreaterThanOrEqual(0);
  });
});
