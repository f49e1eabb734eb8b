import { DEFAULT_ACCOUNT_POLICY } from '@meals/domain';
import { loadLedgerConfig } from '../src/config/ledger-config.js';

describe('configuration of date plausibility and the shared login limiter', () => {
  it('defaults to the domain limits (sales 7 days, payments 45 days, 5 minutes of skew) and no Redis', () => {
    const config = loadLedgerConfig({});
    expect(config.accountPolicy).toEqual(DEFAULT_ACCOUNT_POLICY);
    expect(config.accountPolicy.businessTimeLimits).toEqual({
      saleMaxAgeMs: 7 * 86_400_000,
      topUpMaxAgeMs: 45 * 86_400_000,
      clockSkewMs: 300_000,
    });
    expect(config.redisUrl).toBeUndefined();
  });

  it('reads SALE_MAX_AGE_DAYS, TOP_UP_MAX_AGE_DAYS, CLOCK_SKEW_SECONDS and REDIS_URL', () => {
    const config = loadLedgerConfig({
      SALE_MAX_AGE_DAYS: '70',
      TOP_UP_MAX_AGE_DAYS: '90',
      CLOCK_SKEW_SECONDS: '60',
      REDIS_URL: 'redis://127.0.0.1:6390',
    });
    expect(config.accountPolicy).toEqual({
      overdraftLimit: 0,
      offlineLimit: 30_000,
      businessTimeLimits: { saleMaxAgeMs: 70 * 86_400_000, topUpMaxAgeMs: 90 * 86_400_000, clockSkewMs: 60_000 },
    });
    expect(config.redisUrl).toBe('redis://127.0.0.1:6390');
  });

  it('reads TILL_OFFLINE_LIMIT_KOPECKS, how far offline checks may take a balance below zero', () => {
    expect(loadLedgerConfig({ TILL_OFFLINE_LIMIT_KOPECKS: '5000' }).accountPolicy.offlineLimit).toBe(5000);
    expect(loadLedgerConfig({ TILL_OFFLINE_LIMIT_KOPECKS: '0' }).accountPolicy.offlineLimit).toBe(0);
    expect(() => loadLedgerConfig({ TILL_OFFLINE_LIMIT_KOPECKS: '12.5' })).toThrow(/TILL_OFFLINE_LIMIT_KOPECKS/);
    expect(() => loadLedgerConfig({ TILL_OFFLINE_LIMIT_KOPECKS: '-1' })).toThrow(/TILL_OFFLINE_LIMIT_KOPECKS/);
  });

  it('refuses bad values, naming each', () => {
    expect(() =>
      loadLedgerConfig({ SALE_MAX_AGE_DAYS: '-1', CLOCK_SKEW_SECONDS: 'soon', REDIS_URL: 'http://x' }),
    ).toThrow(/SALE_MAX_AGE_DAYS: .*\n.*CLOCK_SKEW_SECONDS: .*\n.*REDIS_URL: /);
  });
});

describe("configuration of the cabinet's mail", () => {
  it('writes mail to the outbox and links to http://localhost:3001 by default', () => {
    const config = loadLedgerConfig({});
    expect(config.smtpUrl).toBeUndefined();
    expect(config.webBaseUrl).toBe('http://localhost:3001');
  });

  it('reads SMTP_URL, MAIL_FROM and WEB_BASE_URL (without its trailing slash)', () => {
    const config = loadLedgerConfig({
      SMTP_URL: 'smtps://user:pass@smtp.example.org:465',
      MAIL_FROM: 'Питание <no-reply@example.org>',
      WEB_BASE_URL: 'https://pitanie.example.org/',
    });
    expect(config.smtpUrl).toBe('smtps://user:pass@smtp.example.org:465');
    expect(config.mailFrom).toBe('Питание <no-reply@example.org>');
    expect(config.webBaseUrl).toBe('https://pitanie.example.org');
  });

  it('refuses URLs of the wrong kind', () => {
    expect(() => loadLedgerConfig({ SMTP_URL: 'http://x', WEB_BASE_URL: 'javascript:alert(1)' })).toThrow(
      /SMTP_URL: .*\n.*WEB_BASE_URL: /,
    );
  });
});
