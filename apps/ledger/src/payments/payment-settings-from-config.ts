/**
 * The online top-up of a running service: the configured gateway and the job. The
 * sandbox's callback key comes from SANDBOX_CALLBACK_KEY or, in the embedded profile, is
 * generated into `$DATA_DIR/sandbox-callback-key` like the token secret.
 */
import { ConfigError, type LedgerConfig } from '../config/ledger-config.js';
import { generatedSecret } from '../config/token-secret.js';
import type { PaymentGateway } from './gateway/payment-gateway.js';
import { SandboxGateway } from './gateway/sandbox-gateway.js';
import { SberbankGateway } from './gateway/sberbank-gateway.js';
import type { PaymentSettings } from './payment-settings.js';

const SANDBOX_KEY_FILE = 'sandbox-callback-key';
const RECONCILE_INTERVAL_MS = 60_000;

export function paymentSettingsFrom(config: LedgerConfig): PaymentSettings {
  const payments = config.payments;
  return {
    gateway: gatewayFrom(config),
    limits: payments.limits,
    webBaseUrl: config.webBaseUrl,
    runReconciler: true,
    reconcileAfterMs: payments.reconcileAfterMs,
    reconcileIntervalMs: RECONCILE_INTERVAL_MS,
  };
}

function gatewayFrom(config: LedgerConfig): PaymentGateway {
  const payments = config.payments;
  if (payments.gateway === 'sberbank' && payments.sberbank) return new SberbankGateway(payments.sberbank);
  return new SandboxGateway({
    callbackKey: payments.sandboxCallbackKey ?? embeddedSandboxKey(config),
    publicBaseUrl: payments.ledgerPublicUrl,
    callbackMode: payments.sandboxCallback,
  });
}

function embeddedSandboxKey(config: LedgerConfig): string {
  const embedded = config.eventStore.kind === 'sqlite' && config.readModelStore.kind === 'sqlite';
  if (!embedded) throw new ConfigError('SANDBOX_CALLBACK_KEY is required outside the embedded (SQLite) profile');
  return generatedSecret(config.dataDir, SANDBOX_KEY_FILE);
}

/** The sandbox calls the ledger back over HTTP at its own address, as a bank would. */
export function sendSandboxCallbacksTo(gateway: PaymentGateway, ledgerBaseUrl: string): void {
  if (!(gateway instanceof SandboxGateway)) return;
  gateway.sendCallbacksWith(async (params) => {
    await fetch(`${ledgerBaseUrl}/api/payments/callback/sandbox`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params),
      signal: AbortSignal.timeout(10_000),
    });
  });
}
