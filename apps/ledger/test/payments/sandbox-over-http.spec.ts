/** The sandbox as a service runs it: the ledger listens, the card form posts over HTTP, the callback comes over HTTP. */
import { sendSandboxCallbacksTo } from '../../src/payments/payment-settings-from-config.js';
import { enrol, type Pupil } from '../support/fixtures.js';
import { startPaymentLedger, topUpEvents, WEB } from './payment-test-kit.js';

it('card form → 303 to the cabinet → the sandbox calls the ledger back over HTTP → credited', async () => {
  const ledger = await startPaymentLedger();
  const { h } = ledger;
  try {
    await h.app.listen(0, '127.0.0.1');
    const base = await h.app.getUrl();
    sendSandboxCallbacksTo(ledger.sandbox, base);
    const admin = await h.key('admin');
    const [pupil] = (await enrol(h, admin, '24', ['Сетевой Савва'])) as [Pupil];
    const { orderId } = (await h.post('/api/payments', { accountNumber: pupil.accountNumber, amount: 2_500 }, admin))
      .body as { orderId: string };

    const form = await fetch(`${base}/sandbox-gateway/pay/${orderId}`);
    expect(form.status).toBe(200);
    const paid = await fetch(`${base}/sandbox-gateway/pay/${orderId}`, {
      method: 'POST',
      body: new URLSearchParams({ cardNumber: '4111 1111 1111 1111' }),
      redirect: 'manual',
    });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`${WEB}/top-up/return?orderId=${orderId}`);

    for (let i = 0; i < 100 && (await topUpEvents(h, pupil.accountNumber)).length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await topUpEvents(h, pupil.accountNumber)).toHaveLength(1);
    expect((await h.get(`/api/payments/${orderId}`, admin)).body).toMatchObject({
      orderStatus: 'paid',
      balance: 2_500,
    });
  } finally {
    await h.close();
  }
});
