/** A ledger with the sandbox gateway whose callbacks reach it through inject, and helpers for orders. */
import { Writable } from 'node:stream';
import { accountStreamId, DEFAULT_TOP_UP_LIMITS, paymentStreamId } from '@meals/domain';
import pino from 'pino';
import { callbackChecksum } from '../../src/payments/gateway/callback-checksum.js';
import { SandboxGateway, type SandboxCallbackMode } from '../../src/payments/gateway/sandbox-gateway.js';
import type { PaymentGateway } from '../../src/payments/gateway/payment-gateway.js';
import type { PaymentSettings } from '../../src/payments/payment-settings.js';
import { LedgerHarness } from '../support/ledger-harness.js';

export const SANDBOX_KEY = 'sandbox-test-key-0123456789abcdef-0123456789';
export const WEB = 'http://cabinet.test';

export interface PaymentLedger {
  h: LedgerHarness;
  sandbox: SandboxGateway;
  logLines: string[];
  /** callbacks the sandbox sent, awaited by `callbacksDelivered` */
  delivered: Promise<unknown>[];
}

export async function startPaymentLedger(
  options: {
    callbackMode?: SandboxCallbackMode;
    gateway?: PaymentGateway;
    sessionTimeoutMs?: number;
    /** the files of an earlier ledger (a restart) */
    dir?: string;
  } = {},
): Promise<PaymentLedger> {
  const sandbox = new SandboxGateway({
    callbackKey: SANDBOX_KEY,
    publicBaseUrl: 'http://ledger.test',
    callbackMode: options.callbackMode ?? 'normal',
    lateCallbackMs: 50,
    sessionTimeoutMs: options.sessionTimeoutMs,
  });
  const logLines: string[] = [];
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString('utf8'));
        done();
      },
    }),
  );
  const payments: PaymentSettings = {
    gateway: options.gateway ?? sandbox,
    limits: DEFAULT_TOP_UP_LIMITS,
    webBaseUrl: WEB,
    runReconciler: false,
    reconcileAfterMs: 0,
    reconcileIntervalMs: 60_000,
  };
  const h = await LedgerHarness.start({ payments, logger, dir: options.dir });
  const delivered: Promise<unknown>[] = [];
  sandbox.sendCallbacksWith((params) => {
    const reply = h.request('POST', '/api/payments/callback/sandbox', {
      payload: new URLSearchParams(params).toString(),
      contentType: 'application/x-www-form-urlencoded',
    });
    delivered.push(reply);
    return reply.then(() => undefined);
  });
  return { h, sandbox, logLines, delivered };
}

export const signedSandboxCallback = (params: Record<string, string>, key = SANDBOX_KEY) => ({
  ...params,
  checksum: callbackChecksum(params, key),
});

export const paidCallback = (orderId: string, amount: number) =>
  signedSandboxCallback({
    mdOrder: orderId,
    orderNumber: orderId,
    operation: 'deposited',
    status: '1',
    amount: String(amount),
  });

export const sendCallback = (h: LedgerHarness, params: Record<string, string>, gateway = 'sandbox') =>
  h.request('POST', `/api/payments/callback/${gateway}`, {
    payload: new URLSearchParams(params).toString(),
    contentType: 'application/x-www-form-urlencoded',
  });

export const payByCard = (h: LedgerHarness, orderId: string, cardNumber: string, callback = '') =>
  h.request('POST', `/sandbox-gateway/pay/${orderId}`, {
    payload: new URLSearchParams({ cardNumber, callback }).toString(),
    contentType: 'application/x-www-form-urlencoded',
  });

export async function topUpEvents(h: LedgerHarness, accountNumber: string) {
  return (await h.eventStore.readStream(accountStreamId(accountNumber))).filter(
    (event) => event.type === 'account.topped-up.v1',
  );
}

export async function orderEvents(h: LedgerHarness, orderId: string) {
  return (await h.eventStore.readStream(paymentStreamId(orderId))).map((event) => event.type);
}
