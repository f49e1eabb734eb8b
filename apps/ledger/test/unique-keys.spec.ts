/**
 * A bank payment id, a check number and a correction id belong to one account forever:
 * reused on another account they are refused (409) and change nothing. Proven on the SQLite
 * store (which refuses an event id stored in another stream by itself) and on a store that,
 * like KurrentDB, deduplicates ids within a stream only (the ledger claims the keys).
 */
import { accountStreamId } from '@meals/domain';
import type { EventStore } from '@meals/event-store';
import { LedgerHarness } from './support/ledger-harness.js';
import { activate, checkNo, enrol, sale, topUp, type Pupil } from './support/fixtures.js';
import { idsUniquePerStreamOnly } from './support/ids-unique-per-stream-only.js';

const STORES: [name: string, wrap: ((store: EventStore) => EventStore) | undefined][] = [
  ['SQLite store', undefined],
  ['a store that deduplicates ids within a stream only (like KurrentDB)', idsUniquePerStreamOnly],
];

describe.each(STORES)('keys unique across accounts: %s', (_name, wrapEventStore) => {
  let h: LedgerHarness;
  let admin: string;
  let bank: string;
  let till: string;
  let staff: string;
  let school = 40;

  beforeAll(async () => {
    h = await LedgerHarness.start({ wrapEventStore });
    admin = await h.key('admin');
    bank = await h.key('bank');
    staff = await h.key('admin');
  });
  afterAll(() => h.close());

  /** two pupils of a fresh school, cards activated, each funded with 10,000 kopecks */
  async function twoPupils(): Promise<[Pupil, Pupil]> {
    const schoolId = String(school++);
    const pupils = (await enrol(h, admin, schoolId, ['Первый Пётр', 'Вторая Вера'])) as [Pupil, Pupil];
    till = await h.key('till', { schoolId, tillId: `${schoolId}-01` });
    for (const pupil of pupils) {
      expect((await topUp(h, bank, pupil.accountNumber, 10_000)).status).toBe(201);
      await activate(h, till, pupil.cardUid);
    }
    return pupils;
  }

  const balanceOf = async (pupil: Pupil): Promise<number> => {
    const events = await h.eventStore.readStream(accountStreamId(pupil.accountNumber));
    let balance = 0;
    for (const { type, data } of events) {
      if (type === 'account.topped-up.v1') balance += data['amount'] as number;
      if (type === 'account.sale-debited.v1') balance -= data['total'] as number;
      if (type === 'account.corrected.v1') balance += data['amount'] as number;
    }
    return balance;
  };

  it('a bank payment recorded on one account is refused on another, and a retry on the first is a duplicate', async () => {
    const [first, second] = await twoPupils();
    expect((await topUp(h, bank, first.accountNumber, 5_000, 'PAY-ONE-ACCOUNT')).status).toBe(201);
    const events = await h.eventCount();

    const elsewhere = await topUp(h, bank, second.accountNumber, 5_000, 'PAY-ONE-ACCOUNT');
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body.code).toBe('idempotency_conflict');
    expect(await balanceOf(second)).toBe(10_000);

    const retry = await topUp(h, bank, first.accountNumber, 5_000, 'PAY-ONE-ACCOUNT');
    expect(retry.status).toBe(200);
    expect(retry.body.balance).toBe(15_000);
    expect(await h.eventCount()).toBe(events);
  });

  it('a check recorded on one card is refused on another card', async () => {
    const [first, second] = await twoPupils();
    const check = checkNo(String(school - 1), 1);
    expect((await h.post('/api/sales', sale(check, first.cardUid, 700), till)).status).toBe(201);
    const events = await h.eventCount();

    const elsewhere = await h.post('/api/sales', sale(check, second.cardUid, 700), till);
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body.code).toBe('idempotency_conflict');
    expect(await balanceOf(second)).toBe(10_000);
    expect(await h.eventCount()).toBe(events);
  });

  it('a correction id used on one account is refused on another', async () => {
    const [first, second] = await twoPupils();
    const correction = { correctionId: 'CORR-ONE-ACCOUNT', amount: 300, reason: 'Возврат за обед' };
    expect((await h.post(`/api/accounts/${first.accountNumber}/corrections`, correction, staff)).status).toBe(201);
    const elsewhere = await h.post(`/api/accounts/${second.accountNumber}/corrections`, correction, staff);
    expect(elsewhere.status).toBe(409);
    expect(await balanceOf(second)).toBe(10_000);
  });

  it('a refused command claims nothing: the key stays free for the account it was meant for', async () => {
    const [first, second] = await twoPupils();
    const check = checkNo(String(school - 1), 2);
    const tooExpensive = await h.post('/api/sales', sale(check, first.cardUid, 50_000), till);
    expect(tooExpensive.status).toBe(409);
    expect(tooExpensive.body.code).toBe('insufficient_funds');
    expect((await h.post('/api/sales', sale(check, second.cardUid, 700), till)).status).toBe(201);

    const unknownAccount = await topUp(h, bank, '9999999999', 5_000, 'PAY-TYPO-FIRST');
    expect(unknownAccount.status).toBeGreaterThanOrEqual(400);
    expect(unknownAccount.status).toBeLessThan(500);
    expect((await topUp(h, bank, first.accountNumber, 5_000, 'PAY-TYPO-FIRST')).status).toBe(201);
  });

  it('one payment sent to two accounts 10 times each at once is credited exactly once', async () => {
    const [first, second] = await twoPupils();
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        topUp(h, bank, (i % 2 === 0 ? first : second).accountNumber, 2_500, 'PAY-RACE'),
      ),
    );
    expect(replies.filter((reply) => reply.status === 201)).toHaveLength(1);
    for (const reply of replies) expect([200, 201, 409]).toContain(reply.status);
    expect((await balanceOf(first)) + (await balanceOf(second))).toBe(22_500);
  });
});

describe('idsUniquePerStreamOnly (the test double above)', () => {
  it('really accepts an id already stored in another stream, which the SQLite store refuses', async () => {
    const h = await LedgerHarness.start({ wrapEventStore: idsUniquePerStreamOnly });
    try {
      const event = { id: crypto.randomUUID(), type: 'test.happened.v1', data: {}, metadata: {} };
      await h.eventStore.append('test-a', [event]);
      await expect(h.eventStore.append('test-b', [event])).resolves.toBeDefined();
      expect(h.eventStore.detectsIdsInOtherStreams).toBe(false);
    } finally {
      await h.close();
    }
  });
});
