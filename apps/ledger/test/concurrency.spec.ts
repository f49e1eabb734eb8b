/**
 * Money under concurrency: parallel sales never overspend, and retries sent at the same
 * moment are recorded once.
 */
import { accountStreamId } from '@meals/domain';
import { LedgerHarness } from './support/ledger-harness.js';
import { activate, checkNo, enrol, sale, topUp, type Pupil } from './support/fixtures.js';

describe('concurrency', () => {
  let h: LedgerHarness;
  let admin: string;
  let bank: string;
  let till: string;

  beforeAll(async () => {
    h = await LedgerHarness.start();
    admin = await h.key('admin');
    bank = await h.key('bank');
    till = await h.key('till', { schoolId: '24', tillId: '24-01' });
  });
  afterAll(() => h.close());

  const eventsOf = async (pupil: Pupil, type: string) =>
    (await h.eventStore.readStream(accountStreamId(pupil.accountNumber))).filter((event) => event.type === type);

  it('100 parallel sales on an account funded for exactly 50: 50 succeed, 50 get 409, balance 0', async () => {
    const [pupil] = (await enrol(h, admin, '24', ['Голодный Гоша'])) as [Pupil];
    await topUp(h, bank, pupil.accountNumber, 50 * 3_450);
    await activate(h, till, pupil.cardUid);

    const replies = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        h.post('/api/sales', sale(checkNo('24', 1_000 + i), pupil.cardUid, 3_450), till),
      ),
    );
    const recorded = replies.filter((reply) => reply.status === 201);
    const refused = replies.filter((reply) => reply.status === 409);
    expect(recorded).toHaveLength(50);
    expect(refused).toHaveLength(50);
    for (const reply of refused) expect(reply.body.code).toBe('insufficient_funds');
    // every answer carries the balance right after its own sale: 50 distinct values down to 0
    expect(recorded.map((reply) => reply.body.balance).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i * 3_450),
    );
    expect(await eventsOf(pupil, 'account.sale-debited.v1')).toHaveLength(50);

    await h.settle();
    expect((await h.get(`/api/accounts/${pupil.accountNumber}`, admin)).body.balance).toBe(0);
  });

  it('the same check sent 10 times at once debits once', async () => {
    const [pupil] = (await enrol(h, admin, '24', ['Торопливый Тимур'])) as [Pupil];
    await topUp(h, bank, pupil.accountNumber, 10_000);
    await activate(h, till, pupil.cardUid);
    const check = sale(checkNo('24', 2_000), pupil.cardUid, 700);
    const replies = await Promise.all(Array.from({ length: 10 }, () => h.post('/api/sales', check, till)));
    expect(replies.filter((reply) => reply.status === 201)).toHaveLength(1);
    expect(replies.filter((reply) => reply.status === 200)).toHaveLength(9);
    for (const reply of replies) expect(reply.body).toMatchObject({ total: 700, balance: 9_300 });
    expect(await eventsOf(pupil, 'account.sale-debited.v1')).toHaveLength(1);
  });

  it('the same bank payment delivered 10 times at once is credited once', async () => {
    const [pupil] = (await enrol(h, admin, '24', ['Богатый Борис'])) as [Pupil];
    const replies = await Promise.all(
      Array.from({ length: 10 }, () => topUp(h, bank, pupil.accountNumber, 12_345, 'burst-payment')),
    );
    expect(replies.filter((reply) => reply.status === 201)).toHaveLength(1);
    expect(replies.filter((reply) => reply.status === 200)).toHaveLength(9);
    for (const reply of replies) expect(reply.body.balance).toBe(12_345);
    expect(await eventsOf(pupil, 'account.topped-up.v1')).toHaveLength(1);
  });

  it('sales on many accounts at once all go through', async () => {
    const pupils = await enrol(
      h,
      admin,
      '24',
      Array.from({ length: 20 }, (_, i) => `Параллельный Ученик ${i}`),
    );
    await Promise.all(pupils.map((pupil) => topUp(h, bank, pupil.accountNumber, 1_000)));
    await Promise.all(pupils.map((pupil) => activate(h, till, pupil.cardUid)));
    const replies = await Promise.all(
      pupils.map((pupil, i) => h.post('/api/sales', sale(checkNo('24', 3_000 + i), pupil.cardUid, 400), till)),
    );
    expect(replies.map((reply) => reply.status)).toEqual(pupils.map(() => 201));
    expect(replies.map((reply) => reply.body.balance)).toEqual(pupils.map(() => 600));
  });

  it('a writer in another process (a stale cache) makes the ledger reload and retry, not fail', async () => {
    const [pupil] = (await enrol(h, admin, '24', ['Двойной Дмитрий'])) as [Pupil];
    await topUp(h, bank, pupil.accountNumber, 5_000);
    // Someone else appends to the stream behind the ledger's back.
    const stream = accountStreamId(pupil.accountNumber);
    const last = (await h.eventStore.readStream(stream)).at(-1)!;
    await h.eventStore.append(
      stream,
      [
        {
          id: crypto.randomUUID(),
          type: 'account.topped-up.v1',
          data: {
            accountNumber: pupil.accountNumber,
            paymentId: 'elsewhere',
            channel: 'atm',
            amount: 1_000,
            paidAt: '2024-01-18T09:00:00Z',
          },
          metadata: {},
        },
      ],
      { expectedRevision: last.revision },
    );
    const reply = await topUp(h, bank, pupil.accountNumber, 500);
    expect(reply.status).toBe(201);
    expect(reply.body.balance).toBe(6_500);
    expect(await h.metrics.conflictsRetried.get().then((metric) => metric.values[0]?.value)).toBeGreaterThanOrEqual(1);
  });
});
