import { ConfigError, loadLedgerConfig } from '../../src/config/ledger-config.js';
import { jobsSettingsFrom } from '../../src/jobs/jobs-settings-from-config.js';
import { dailyAt } from '../../src/jobs/jobs-settings.js';
import { hourReached } from '../../src/jobs/price-confirm-hour.js';

describe('configuration of the background jobs', () => {
  it('defaults: the municipality zone is TIME_ZONE, sync at 09:30, prices due by 10, the sandbox supplier, no queues', () => {
    const settings = jobsSettingsFrom(loadLedgerConfig({ TIME_ZONE: 'Asia/Novosibirsk', DATA_DIR: '/tmp/x' }));
    expect(settings).toMatchObject({
      redisUrl: undefined,
      timeZone: 'Asia/Novosibirsk',
      orderSyncCutoff: '09:30',
      priceConfirmHour: 10,
      supplier: { http: null, dataDir: '/tmp/x' },
    });
    expect(jobsSettingsFrom(loadLedgerConfig({})).timeZone).toBe('Europe/Moscow');
  });

  it('reads MUNICIPALITY_TZ, ORDER_SYNC_CUTOFF, PRICE_CONFIRM_HOUR and the HTTP supplier', () => {
    const settings = jobsSettingsFrom(
      loadLedgerConfig({
        REDIS_URL: 'redis://127.0.0.1:6390',
        MUNICIPALITY_TZ: 'Asia/Yekaterinburg',
        ORDER_SYNC_CUTOFF: '08:45',
        PRICE_CONFIRM_HOUR: '9',
        SUPPLIER_URL: 'https://supplier.example/api/deliveries',
        SUPPLIER_SECRET: 's'.repeat(32),
        SUPPLIER_TIMEOUT_MS: '2500',
      }),
    );
    expect(settings).toMatchObject({
      redisUrl: 'redis://127.0.0.1:6390',
      timeZone: 'Asia/Yekaterinburg',
      orderSyncCutoff: '08:45',
      priceConfirmHour: 9,
      supplier: { http: { url: 'https://supplier.example/api/deliveries', secret: 's'.repeat(32), timeoutMs: 2500 } },
    });
    expect(dailyAt('08:45')).toBe('45 8 * * *');
  });

  it('refuses bad values, naming each, and a supplier URL without its secret', () => {
    const bad = () =>
      loadLedgerConfig({
        MUNICIPALITY_TZ: 'Mars/Olympus',
        ORDER_SYNC_CUTOFF: '9:30',
        PRICE_CONFIRM_HOUR: '24',
        SUPPLIER_SECRET: 'short',
      });
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow(/MUNICIPALITY_TZ[\s\S]*ORDER_SYNC_CUTOFF[\s\S]*PRICE_CONFIRM_HOUR[\s\S]*SUPPLIER_SECRET/);
    expect(() => loadLedgerConfig({ SUPPLIER_URL: 'https://supplier.example/x' })).toThrow(/SUPPLIER_SECRET/);
  });

  it('the confirmation hour passes in municipality time', () => {
    // 06:59 UTC is 09:59 in Moscow, 07:00 UTC is 10:00
    expect(hourReached(new Date('2024-01-18T06:59:00Z'), '2024-01-18', 10, 'Europe/Moscow')).toBe(false);
    expect(hourReached(new Date('2024-01-18T07:00:00Z'), '2024-01-18', 10, 'Europe/Moscow')).toBe(true);
    expect(hourReached(new Date('2024-01-18T07:00:00Z'), '2024-01-19', 10, 'Europe/Moscow')).toBe(false);
    expect(hourReached(new Date('2024-01-18T07:00:00Z'), '2024-01-17', 23, 'Europe/Moscow')).toBe(true);
  });
});
