/** What the online top-up needs at run time (from PaymentsConfig in a service; from the test in tests). */
import { DEFAULT_TOP_UP_LIMITS, type TopUpLimits } from '@meals/domain';
import type { PaymentGateway } from './gateway/payment-gateway.js';
import { SandboxGateway } from './gateway/sandbox-gateway.js';
import { DEFAULT_WEB_BASE_URL } from '../infrastructure/tokens.js';

export const PAYMENT_SETTINGS = Symbol('PAYMENT_SETTINGS');

export interface PaymentSettings {
  gateway: PaymentGateway;
  limits: TopUpLimits;
  /** the cabinet: the gateway sends the browser to `<webBaseUrl>/top-up/return?orderId=…` */
  webBaseUrl: string;
  /** run the reconciliation job (on in the HTTP service) */
  runReconciler: boolean;
  /** an order still registered this long after registration is checked with the gateway */
  reconcileAfterMs: number;
  /** how often the job looks */
  reconcileIntervalMs: number;
}

/** Sandbox gateway, default limits, no job: what an app built without payment settings gets. */
export function defaultPaymentSettings(): PaymentSettings {
  return {
    gateway: new SandboxGateway({
      callbackKey: 'sandbox-callback-key-of-an-unconfigured-ledger',
      publicBaseUrl: 'http://localhost:3000',
      callbackMode: 'normal',
    }),
    limits: DEFAULT_TOP_UP_LIMITS,
    webBaseUrl: DEFAULT_WEB_BASE_URL,
    runReconciler: false,
    reconcileAfterMs: 20 * 60_000,
    reconcileIntervalMs: 60_000,
  };
}
