/**
 * Online top-up through the embedded sandbox gateway, end to end over HTTP: order, card
 * form, callback, status check, return page; exactly one credit however the reports come.
 */
import fc from 'fast-check';
import { PaymentReconciler } from '../../src/payments/payment-reconciler.js';
import { PaymentAggregates } from '../../src/payments/payment-aggregates.js';
import { enrol, parentToken, type Pupil } from '../support/fixtures.js';
import type { LedgerHarness } from '../support/ledger-harness.js';
import {
  orderEvents,
  paidCallback,
  payByCard,
  sendCallback,
  signedSandboxCallback,
  startPaymentLedger,
  topUpEvents,
  WEB,
  type PaymentLedger,
} from './payment-test-kit.js';

describe('online top-up (sandbox gateway)', () => {
  let ledger: PaymentLedger;
  let h: LedgerHarness;
  let admin: string;
  let staff24: string;
  let pupils: Pupil[];
  let next = 0;
  const pupil = () => pupils[next++]!;

  beforeAll(async () => {
    ledger = await startPaymentLedger();
    h = ledger.h;
    admin = await h.key('admin');
    staff24 = await h.staff('school_staff', { schoolId: '24' });
    pupils = await enrol(
      h,
      admin,
      '24',
      Array.from({ length: 40 }, (_, i) => `Платёжный Павел ${i + 1}`),
    );
  });
  afterAll(() => h.close());

  const order = async (accountNumber: string, amount = 50_000, token = staff24) => {
    const reply = await h.post('/api/payments', { accountNumber, amount }, token);
    expect(reply.status).toBe(201);
    return reply.body as { orderId: string; formUrl: string; position: string };
  };
  const view = (orderId: string, token = staff24) => h.get(`/api/payments/${orderId}`, token);

  it("a parent pays onto the own account and follows the own order, never another account's", async () => {
    const own = pupil();
    const other = pupil();
    const parent = await parentToken(h, staff24, own.accountNumber);
    const { orderId } = await order(own.accountNumber, 30_000, parent);
    expect((await view(orderId, parent)).body).toMatchObject({ orderId, accountNumber: own.accountNumber });

    const foreign = await h.post('/api/payments', { accountNumber: other.accountNumber, amount: 30_000 }, parent);
    expect([foreign.status, foreign.body.code]).toEqual([403, 'forbidden_scope']);
    const { orderId: othersOrder } = await order(other.accountNumber);
    expect((await view(othersOrder, parent)).status).toBe(403);
  });

  it('order → card form → successful card → callback: the account is credited once, the browser returns to the cabinet', async () => {
    const { accountNumber } = pupil();
    const created = await h.post('/api/payments', { accountNumber, amount: 50_000 }, staff24);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'recorded',
      accountNumber,
      amount: 50_000,
      orderStatus: 'registered',
      orderId: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    const { orderId, formUrl } = created.body;
    expect(formUrl).toBe(`http://ledger.test/sandbox-gateway/pay/${orderId}`);

    const form = await h.get(`/sandbox-gateway/pay/${orderId}`);
    expect(form.status).toBe(200);
    expect(form.headers['content-type']).toContain('text/html');
    expect(form.text).toContain('<html lang="ru">');
    expect(form.text).toContain('<label for="cardNumber">Номер карты</label>');
    expect(form.text).toContain('500,00');

    const paid = await payByCard(h, orderId, '4111 1111 1111 1111');
    expect(paid.status).toBe(303);
    expect(paid.headers['location']).toBe(`${WEB}/top-up/return?orderId=${orderId}`);
    await Promise.all(ledger.delivered);

    const status = await view(orderId);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ orderId, accountNumber, amount: 50_000, orderStatus: 'paid', balance: 50_000 });
    expect(status.body.paidAt).toEqual(expect.any(String));
    expect(await topUpEvents(h, accountNumber)).toHaveLength(1);
    expect((await topUpEvents(h, accountNumber))[0]!.data).toMatchObject({
      channel: 'cabinet_card',
      paymentId: `cabinet-${orderId}`,
      amount: 50_000,
    });
    await h.settle();
    expect((await h.get(`/api/accounts/${accountNumber}`, staff24)).body.balance).toBe(50_000);
  });

  it('a declined card: the order ends declined, nothing is credited, a later paid report changes nothing', async () => {
    const { accountNumber } = pupil();
    const { orderId } = await order(accountNumber);
    expect((await payByCard(h, orderId, '4000 0000 0000 0002')).status).toBe(303);
    await Promise.all(ledger.delivered);
    expect((await view(orderId)).body).toMatchObject({ orderStatus: 'declined', balance: 0, paidAt: null });
    expect((await sendCallback(h, paidCallback(orderId, 50_000))).body).toMatchObject({ orderStatus: 'declined' });
    expect(await topUpEvents(h, accountNumber)).toHaveLength(0);
    expect(await orderEvents(h, orderId)).toEqual(['payment.order-registered.v1', 'payment.order-declined.v1']);
  });

  it('the same callback ×10 concurrently credits once', async () => {
    const { accountNumber } = pupil();
    const { orderId } = await order(accountNumber, 12_345);
    ledger.sandbox.pay(orderId, '4111111111111111', 'never');
    const replies = await Promise.all(Array.from({ length: 10 }, () => sendCallback(h, paidCallback(orderId, 12_345))));
    for (const reply of replies) expect(reply.body).toEqual({ orderId, orderStatus: 'paid' });
    expect(await topUpEvents(h, accountNumber)).toHaveLength(1);
    expect(await orderEvents(h, orderId)).toEqual(['payment.order-registered.v1', 'payment.order-paid.v1']);
    expect((await view(orderId)).body.balance).toBe(12_345);
  });

  it('property: callbacks, status checks and return pages in any order and overlap credit exactly once', async () => {
    const report = fc.constantFrom('callback', 'status', 'return', 'twice-callback');
    await fc.assert(
      fc.asyncProperty(fc.array(report, { minLength: 1, maxLength: 6 }), fc.boolean(), async (reports, overlap) => {
        const { accountNumber } = pupil();
        const { orderId } = await order(accountNumber, 10_000);
        ledger.sandbox.pay(orderId, '4111111111111111', 'never');
        const send = (kind: string): Promise<unknown> =>
          kind === 'callback'
            ? sendCallback(h, paidCallback(orderId, 10_000))
            : kind === 'twice-callback'
              ? Promise.all([send('callback'), send('callback')])
              : view(orderId); // the return page asks the same as a status check
        if (overlap) await Promise.all(reports.map(send));
        else for (const kind of reports) await send(kind);
        expect(await topUpEvents(h, accountNumber)).toHaveLength(1);
        expect((await view(orderId)).body).toMatchObject({ orderStatus: 'paid', balance: 10_000 });
      }),
      { numRuns: 12 },
    );
  });

  it('a forged callback is refused (400 invalid_signature), logged without secrets, and changes nothing', async () => {
    const { accountNumber } = pupil();
    const { orderId } = await order(accountNumber);
    const count = await h.eventCount();
    const forged = signedSandboxCallback(
      { mdOrder: orderId, orderNumber: orderId, operation: 'deposited', status: '1', amount: '50000' },
      'a-key-the-attacker-guessed-0123456789abcdef',
    );
    const unsigned = { mdOrder: orderId, orderNumber: orderId, operation: 'deposited', status: '1', amount: '50000' };
    const tampered = { ...paidCallback(orderId, 50_000), amount: '5000000' };
    for (const params of [forged, unsigned, tampered]) {
      const reply = await sendCallback(h, params);
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ code: 'invalid_signature', messageRu: expect.stringMatching(/подпис/) });
    }
    // a sandbox-signed callback on the Sberbank route is refused too
    expect((await sendCallback(h, paidCallback(orderId, 50_000), 'sberbank')).status).toBe(400);
    expect(await h.eventCount()).toBe(count);
    const refusals = ledger.logLines.filter((line) => line.includes('invalid signature'));
    expect(refusals.length).toBeGreaterThanOrEqual(4);
    for (const line of refusals) {
      expect(line).toContain(orderId);
      expect(line).not.toContain(forged.checksum);
      expect(line).not.toContain('sandbox-test-key');
    }
  });

  it('a callback of another amount than registered is refused and credits nothing', async () => {
    const { accountNumber } = pupil();
    const { orderId } = await order(accountNumber, 50_000);
    const reply = await sendCallback(h, paidCallback(orderId, 40_000));
    expect(reply.status).toBe(409);
    expect(reply.body.code).toBe('payment_amount_mismatch');
    expect(await topUpEvents(h, accountNumber)).toHaveLength(0);
  });

  it('amounts outside the allowed range and malformed orders get a clear 400 and change nothing', async () => {
    const { accountNumber } = pupil();
    const count = await h.eventCount();
    for (const amount of [0, 99, 1_500_001, -500]) {
      const reply = await h.post('/api/payments', { accountNumber, amount }, staff24);
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({
        code: 'top_up_amount_out_of_range',
        details: { minAmount: 100, maxAmount: 1_500_000 },
      });
      expect(reply.body.messageRu).toMatch(/^Сумма пополнения должна быть от 1,00 руб\. до 15\s000,00 руб\.$/);
    }
    for (const body of [
      { accountNumber, amount: 100.5 },
      { accountNumber, amount: '500' },
      { accountNumber },
      { accountNumber: '<script>', amount: 500 },
      { accountNumber, amount: 500, extra: 1 },
      [],
    ]) {
      // admin: a staff token would be refused by the scope check (403) before validation
      expect((await h.post('/api/payments', body, admin)).status).toBe(400);
    }
    expect((await h.get('/api/payments/not-an-order', staff24)).status).toBe(400);
    expect((await h.get(`/api/payments/${'0'.repeat(32)}`, staff24)).status).toBe(404);
    expect((await h.get(`/sandbox-gateway/pay/${'0'.repeat(32)}`)).status).toBe(404);
    expect(await h.eventCount()).toBe(count);
  });

  it('the card form refuses a malformed card number and keeps the order open', async () => {
    const { accountNumber } = pupil();
    const { orderId } = await order(accountNumber);
    const reply = await payByCard(h, orderId, '<b>1234</b>');
    expect(reply.status).toBe(400);
    expect(reply.text).toContain('role="alert"');
    expect(reply.text).not.toContain('<b>1234');
    expect((await view(orderId)).body.orderStatus).toBe('registered');
  });

  it('only staff of the account’s scope (or a parent of it) may pay and read; an auditor reads only', async () => {
    const { accountNumber } = pupil();
    const otherSchool = await h.staff('school_staff', { schoolId: '77' });
    const auditor = await h.staff('auditor');
    const till = await h.key('till', { schoolId: '24', tillId: '24-01' });
    expect((await h.post('/api/payments', { accountNumber, amount: 500 }, otherSchool)).status).toBe(403);
    expect((await h.post('/api/payments', { accountNumber, amount: 500 }, auditor)).status).toBe(403);
    expect((await h.post('/api/payments', { accountNumber, amount: 500 }, till)).status).toBe(403);
    expect((await h.post('/api/payments', { accountNumber, amount: 500 })).status).toBe(401);
    const { orderId } = await order(accountNumber, 500, admin);
    expect((await view(orderId, otherSchool)).status).toBe(403);
    expect((await view(orderId, auditor)).status).toBe(200);
    expect((await h.get(`/api/payments/${orderId}`)).status).toBe(401);
  });

  describe('reconciliation job', () => {
    const reconcile = () => h.app.get(PaymentReconciler).reconcileOnce();

    it('an order whose callback never came is checked with the gateway and ends paid, credited once', async () => {
      const { accountNumber } = pupil();
      const { orderId } = await order(accountNumber, 7_000);
      expect((await payByCard(h, orderId, '4111111111111111', 'never')).status).toBe(303);
      await reconcile();
      expect(await orderEvents(h, orderId)).toEqual(['payment.order-registered.v1', 'payment.order-paid.v1']);
      expect(await topUpEvents(h, accountNumber)).toHaveLength(1);
      await reconcile();
      expect(await topUpEvents(h, accountNumber)).toHaveLength(1);
    });

    it('a late callback after reconciliation changes nothing', async () => {
      const { accountNumber } = pupil();
      const { orderId } = await order(accountNumber, 9_000);
      ledger.sandbox.pay(orderId, '4111111111111111', 'never');
      await reconcile();
      expect((await sendCallback(h, paidCallback(orderId, 9_000))).body.orderStatus).toBe('paid');
      expect(await topUpEvents(h, accountNumber)).toHaveLength(1);
    });
  });
});

describe('reconciliation after a restart', () => {
  it('a paid order whose credit was lost (the process died between the appends) is credited after the restart', async () => {
    const first = await startPaymentLedger();
    const admin = await first.h.key('admin');
    const [pupil] = (await enrol(first.h, admin, '24', ['Упавший Ульян'])) as [Pupil];
    const { orderId } = (
      await first.h.post('/api/payments', { accountNumber: pupil.accountNumber, amount: 8_000 }, admin)
    ).body as { orderId: string };
    const { orderId: openOrder } = (
      await first.h.post('/api/payments', { accountNumber: pupil.accountNumber, amount: 3_000 }, admin)
    ).body as { orderId: string };
    await first.h.app.get(PaymentReconciler).reconcileOnce(); // a checkpoint exists before the crash
    // the paid event alone, as if the process died before the top-up
    await first.h.app
      .get(PaymentAggregates)
      .run(
        orderId,
        { type: 'ConfirmPaymentOrderPaid', orderId, amount: 8_000, paidAt: new Date().toISOString() },
        { actor: { kind: 'bank', id: 'test' }, source: 'bank', correlationId: 'c', causationId: 'c', now: new Date() },
      );
    await first.h.close(true);

    const second = await startPaymentLedger({ dir: first.h.dir });
    try {
      expect(await topUpEvents(second.h, pupil.accountNumber)).toHaveLength(0);
      await second.h.app.get(PaymentReconciler).reconcileOnce();
      expect(await topUpEvents(second.h, pupil.accountNumber)).toHaveLength(1);
      // the other order was open before the restart: found again, and the new sandbox never heard of it
      expect(await orderEvents(second.h, openOrder)).toEqual([
        'payment.order-registered.v1',
        'payment.order-expired.v1',
      ]);
    } finally {
      await second.h.close();
    }
  });
});

describe('sandbox callback modes and expiry', () => {
  it('late and twice callbacks credit once; an order never paid expires at reconciliation', async () => {
    const ledger = await startPaymentLedger({ callbackMode: 'late', sessionTimeoutMs: 0 });
    const { h } = ledger;
    try {
      const admin = await h.key('admin');
      const [late, twice, abandoned] = await enrol(h, admin, '31', [
        'Поздний Пётр',
        'Двойной Денис',
        'Забывчивый Захар',
      ]);
      const orderOf = async (p: Pupil) =>
        (await h.post('/api/payments', { accountNumber: p.accountNumber, amount: 1_000 }, admin)).body
          .orderId as string;
      const lateOrder = await orderOf(late!);
      const twiceOrder = await orderOf(twice!);
      const abandonedOrder = await orderOf(abandoned!);
      await payByCard(h, lateOrder, '4111111111111111');
      await payByCard(h, twiceOrder, '4111111111111111', 'twice');
      expect(ledger.delivered).toHaveLength(2);
      await new Promise((resolve) => setTimeout(resolve, 120));
      await Promise.all(ledger.delivered);
      expect(ledger.delivered).toHaveLength(3);
      expect(await topUpEvents(h, late!.accountNumber)).toHaveLength(1);
      expect(await topUpEvents(h, twice!.accountNumber)).toHaveLength(1);

      await h.app.get(PaymentReconciler).reconcileOnce();
      expect(await orderEvents(h, abandonedOrder)).toEqual(['payment.order-registered.v1', 'payment.order-expired.v1']);
      expect(await topUpEvents(h, abandoned!.accountNumber)).toHaveLength(0);
    } finally {
      await h.close();
    }
  });
});
