/** The online top-up's environment: gateway choice, Sberbank credentials, limits, the embedded sandbox key. */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLedgerConfig } from '../../src/config/ledger-config.js';
import { SandboxGateway } from '../../src/payments/gateway/sandbox-gateway.js';
import { SberbankGateway } from '../../src/payments/gateway/sberbank-gateway.js';
import { paymentSettingsFrom } from '../../src/payments/payment-settings-from-config.js';

describe('payments configuration', () => {
  it('defaults to the sandbox, 1..15 000 roubles, the cabinet on localhost:3001, reconciliation after 20 minutes', () => {
    const config = loadLedgerConfig({ LEDGER_PORT: '3100' });
    expect(paymentSettingsFrom(config).webBaseUrl).toBe('http://localhost:3001');
    expect(config.payments).toMatchObject({
      gateway: 'sandbox',
      sberbank: undefined,
      sandboxCallback: 'normal',
      ledgerPublicUrl: 'http://localhost:3100',
      limits: { minAmount: 100, maxAmount: 1_500_000 },
      reconcileAfterMs: 20 * 60_000,
    });
  });

  it('PAYMENT_GATEWAY=sberbank needs all four Sberbank variables', () => {
    expect(() => loadLedgerConfig({ PAYMENT_GATEWAY: 'sberbank', SBERBANK_USERNAME: 'u' })).toThrow(
      /SBERBANK_API_URL, SBERBANK_USERNAME, SBERBANK_PASSWORD and SBERBANK_CALLBACK_KEY/,
    );
    const dir = mkdtempSync(join(tmpdir(), 'payments-config-'));
    try {
      const config = loadLedgerConfig({
        DATA_DIR: dir,
        PAYMENT_GATEWAY: 'sberbank',
        SBERBANK_API_URL: 'https://3dsec.sberbank.ru/payment/rest',
        SBERBANK_USERNAME: 'merchant-api',
        SBERBANK_PASSWORD: 'secret',
        SBERBANK_CALLBACK_KEY: 'key',
      });
      expect(paymentSettingsFrom(config).gateway).toBeInstanceOf(SberbankGateway);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses bad values', () => {
    expect(() => loadLedgerConfig({ PAYMENT_GATEWAY: 'paypal' })).toThrow(/PAYMENT_GATEWAY/);
    expect(() => loadLedgerConfig({ SANDBOX_CALLBACK: 'sometimes' })).toThrow(/SANDBOX_CALLBACK/);
    expect(() => loadLedgerConfig({ TOP_UP_MIN_AMOUNT: '5000', TOP_UP_MAX_AMOUNT: '100' })).toThrow(
      /TOP_UP_MIN_AMOUNT/,
    );
    expect(() => loadLedgerConfig({ WEB_BASE_URL: 'javascript:alert(1)' })).toThrow(/WEB_BASE_URL/);
  });

  it('the embedded sandbox key is generated once into DATA_DIR, owner-only, and kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'payments-config-'));
    try {
      const settings = paymentSettingsFrom(loadLedgerConfig({ DATA_DIR: dir, SANDBOX_CALLBACK: 'twice' }));
      expect(settings.gateway).toBeInstanceOf(SandboxGateway);
      const file = join(dir, 'sandbox-callback-key');
      const key = readFileSync(file, 'utf8').trim();
      expect(key.length).toBeGreaterThanOrEqual(32);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      paymentSettingsFrom(loadLedgerConfig({ DATA_DIR: dir }));
      expect(readFileSync(file, 'utf8').trim()).toBe(key);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
