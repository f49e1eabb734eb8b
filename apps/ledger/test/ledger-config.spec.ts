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
      businessTimeLimits: { saleMaxAgeMs: 70 * 86_400_000, topUpMaxAgeMs: 90 * 86_400_000, clockSkewMs: 60_000 },
    });
    expect(config.redisUrl).toBe('redis://127.0.0.1:6390');
  });

  it('refuses bad values, naming each', () => {
    expect(() =>
      loadLedgerConfig({ SALE_MAX_AGE_DAYS: '-1', CLOCK_SKEW_SECONDS: 'soon', REDIS_URL: 'http://x' }),
    ).toThrow(/SALE_MAX_AGE_DAYS: .*\n.*CLOCK_SKEW_SECONDS: .*\n.*REDIS_URL: /);
  });
});
