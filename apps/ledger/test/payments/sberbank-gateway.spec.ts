/** The Sberbank acquiring adapter against a fake Sberbank server on loopback, alone and inside the ledger. */
import { createHmac } from 'node:crypto';
import { callbackChecksum, hasValidChecksum } from '../../src/payments/gateway/callback-checksum.js';
import { GatewayError } from '../../src/payments/gateway/payment-gateway.js';
import { SberbankGateway } from '../../src/payments/gateway/sberbank-gateway.js';
import { enrol } from '../support/fixtures.js';
import { FakeSberbank } from './fake-sberbank.js';
import { sendCallback, startPaymentLedger, topUpEvents } from './payment-test-kit.js';

const CALLBACK_KEY = 'sberbank-callback-key-for-tests';

describe('Sberbank acquiring adapter', () => {
  let bank: FakeSberbank;
  let gateway: SberbankGateway;

  beforeAll(async () => {
    bank = await FakeSberbank.start();
    gateway = new SberbankGateway({
      apiUrl: bank.url,
      username: 'merchant-api',
      password: 'merchant-secret',
      callbackKey: CALLBACK_KEY,
    });
  });
  afterAll(() => bank.stop());
  afterEach(() => (bank.failWith = null));

  it('registers an order (register.do) and gets the form URL', async () => {
    const registered = await gateway.register({
      orderId: 'a'.repeat(32),
      amount: 50_000,
      returnUrl: 'http://cabinet.test/top-up/return?orderId=' + 'a'.repeat(32),
      description: 'Пополнение',
    });
    expect(registered.gatewayOrderId).toMatch(/^md-/);
    expect(registered.formUrl).toContain(`mdOrder=${registered.gatewayOrderId}`);
    expect(bank.requests.at(-1)).toEqual({
      method: 'register.do',
      params: expect.objectContaining({
        userName: 'merchant-api',
        password: 'merchant-secret',
        orderNumber: 'a'.repeat(32),
        amount: '50000',
        returnUrl: 'http://cabinet.test/top-up/return?orderId=' + 'a'.repeat(32),
        failUrl: 'http://cabinet.test/top-up/return?orderId=' + 'a'.repeat(32),
      }),
    });
  });

  it('reads the status (getOrderStatusExtended.do): registered, paid with its amount, declined, unknown', async () => {
    const { gatewayOrderId } = await gateway.register({
      orderId: 'b'.repeat(32),
      amount: 700,
      returnUrl: 'http://x/',
      description: 'd',
    });
    expect(await gateway.status(gatewayOrderId)).toEqual({ status: 'registered' });
    bank.orders.get(gatewayOrderId)!.orderStatus = 2;
    expect(await gateway.status(gatewayOrderId)).toEqual({
      status: 'paid',
      amount: 700,
      paidAt: new Date(1_765_000_000_000).toISOString(),
    });
    bank.orders.get(gatewayOrderId)!.orderStatus = 6;
    expect(await gateway.status(gatewayOrderId)).toEqual({ status: 'declined', reason: 'Отказ банка-эмитента' });
    expect(await gateway.status('md-unknown')).toEqual({ status: 'expired' });
  });

  it('a gateway outage answers 502 gateway_unavailable and records nothing', async () => {
    const ledger = await startPaymentLedger({ gateway });
    try {
      const admin = await ledger.h.key('admin');
      const [pupil] = await enrol(ledger.h, admin, '24', ['Недоступный Нил']);
      const count = await ledger.h.eventCount();
      bank.failWith = 503;
      const reply = await ledger.h.post('/api/payments', { accountNumber: pupil!.accountNumber, amount: 500 }, admin);
      expect(reply.status).toBe(502);
      expect(reply.body).toMatchObject({ code: 'gateway_unavailable', messageRu: expect.stringMatching(/банк/i) });
      expect(await ledger.h.eventCount()).toBe(count);
    } finally {
      await ledger.h.close();
    }
  });

  it('throws a GatewayError for refused credentials and outages', async () => {
    const wrong = new SberbankGateway({ apiUrl: bank.url, username: 'x', password: 'y', callbackKey: CALLBACK_KEY });
    await expect(
      wrong.register({ orderId: 'c'.repeat(32), amount: 1, returnUrl: 'http://x/', description: 'd' }),
    ).rejects.toThrow(GatewayError);
    bank.failWith = 502;
    await expect(gateway.status('md-1')).rejects.toThrow(GatewayError);
  });

  it('verifies the callback checksum: HMAC-SHA256 over the sorted parameters, uppercase hex', () => {
    const params = { mdOrder: 'md-1', orderNumber: 'a'.repeat(32), operation: 'deposited', status: '1' };
    // the documented layout, computed independently
    const expected = createHmac('sha256', CALLBACK_KEY)
      .update(`mdOrder;md-1;operation;deposited;orderNumber;${'a'.repeat(32)};status;1;`)
      .digest('hex')
      .toUpperCase();
    expect(callbackChecksum(params, CALLBACK_KEY)).toBe(expected);
    expect(hasValidChecksum({ ...params, checksum: expected, sign_alias: 'SHA-256' }, CALLBACK_KEY)).toBe(true);
    expect(gateway.verifyCallback({ ...params, checksum: expected })).toEqual({
      orderId: 'a'.repeat(32),
      gatewayOrderId: 'md-1',
      status: 'paid',
      amount: null,
    });
    expect(gateway.verifyCallback({ ...params, checksum: expected.toLowerCase() })).not.toBeNull();
    expect(gateway.verifyCallback({ ...params, status: '0', checksum: expected })).toBeNull();
    expect(gateway.verifyCallback({ ...params, checksum: 'F'.repeat(64) })).toBeNull();
    expect(gateway.verifyCallback(params)).toBeNull();
  });

  it('inside the ledger: order → the bank pays → a signed callback without amount → status checked → credited once', async () => {
    const ledger = await startPaymentLedger({ gateway });
    const { h } = ledger;
    try {
      const admin = await h.key('admin');
      const [pupil] = await enrol(h, admin, '24', ['Сбербанков Семён']);
      const created = await h.post('/api/payments', { accountNumber: pupil!.accountNumber, amount: 30_000 }, admin);
      expect(created.status).toBe(201);
      const { orderId, formUrl } = created.body;
      expect(formUrl).toContain(bank.url);
      const mdOrder = [...bank.orders.values()].find((order) => order.orderNumber === orderId)!.mdOrder;
      bank.orders.get(mdOrder)!.orderStatus = 2;
      const params = { mdOrder, orderNumber: orderId, operation: 'deposited', status: '1' };
      const signed = { ...params, checksum: callbackChecksum(params, CALLBACK_KEY) };
      const replies = await Promise.all(Array.from({ length: 3 }, () => sendCallback(h, signed, 'sberbank')));
      for (const reply of replies) expect(reply.body).toEqual({ orderId, orderStatus: 'paid' });
      expect(await topUpEvents(h, pupil!.accountNumber)).toHaveLength(1);
      expect((await sendCallback(h, { ...signed, checksum: 'A'.repeat(64) }, 'sberbank')).status).toBe(400);
      expect((await h.get(`/api/payments/${orderId}`, admin)).body).toMatchObject({
        orderStatus: 'paid',
        balance: 30_000,
      });
    } finally {
      await h.close();
    }
  });
});
