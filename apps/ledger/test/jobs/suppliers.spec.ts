/**
 * The supplier port's adapters: the HTTP one signs every delivery and takes only a 2xx;
 * the embedded sandbox keeps the first delivery per id and shows it on its page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@meals/launcher';
import { HttpMealSupplier } from '../../src/suppliers/http-meal-supplier.js';
import { SupplierDeliveryError, type MealDelivery } from '../../src/suppliers/meal-supplier.js';
import { SandboxMealSupplier } from '../../src/suppliers/sandbox-meal-supplier.js';
import { sandboxSupplierPage, shortName } from '../../src/suppliers/sandbox-supplier-page.js';
import { isSignedBody, signBody } from '../../src/suppliers/supplier-signature.js';
import { FakeSupplierServer } from './support/fake-supplier-server.js';
import { orderLine } from './support/fake-meals.js';

const SECRET = 'supplier-secret-supplier-secret-0123456789';
const delivery: MealDelivery = {
  deliveryId: '24-2026-12-07-v3',
  schoolId: '24',
  date: '2026-12-07',
  version: 3,
  lines: [orderLine('3Б', 'Иванова Мария Петровна')],
  sentAt: '2026-12-07T06:30:00.000Z',
};

/** exactly this reason (jest would compare the cause of an Error given as the expectation too) */
const supplierError = (message: string) => new RegExp(`^${message}$`);

describe('HTTP supplier', () => {
  let server: FakeSupplierServer;

  beforeEach(async () => {
    server = await new FakeSupplierServer(SECRET).start();
  });
  afterEach(() => server.stop());

  it('fails with SupplierDeliveryError', async () => {
    server.failNext = 1;
    const supplier = new HttpMealSupplier({ url: server.url, secret: SECRET, timeoutMs: 2_000 });
    await expect(supplier.deliver(delivery)).rejects.toBeInstanceOf(SupplierDeliveryError);
  });

  it('posts the delivery as JSON signed with HMAC-SHA256 of the body', async () => {
    await new HttpMealSupplier({ url: server.url, secret: SECRET, timeoutMs: 2_000 }).deliver(delivery);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ deliveryId: '24-2026-12-07-v3', signed: true });
    expect(server.deliveries.get('24-2026-12-07-v3')).toEqual(delivery);
  });

  it('a wrong secret is refused by the supplier and fails the delivery', async () => {
    const supplier = new HttpMealSupplier({ url: server.url, secret: `${SECRET}-wrong`, timeoutMs: 2_000 });
    await expect(supplier.deliver(delivery)).rejects.toThrow(supplierError('HTTP 401'));
    expect(server.deliveries.size).toBe(0);
  });

  it('a non-2xx answer, a timeout and an unreachable supplier each fail with a short reason', async () => {
    const supplier = new HttpMealSupplier({ url: server.url, secret: SECRET, timeoutMs: 300 });
    server.failNext = 1;
    await expect(supplier.deliver(delivery)).rejects.toThrow(supplierError('HTTP 503'));
    server.hold = true;
    await expect(supplier.deliver(delivery)).rejects.toThrow(supplierError('timeout after 300 ms'));
    const closedPort = await freePort(); // nothing listens there
    const gone = new HttpMealSupplier({ url: `http://127.0.0.1:${closedPort}/x`, secret: SECRET, timeoutMs: 1_000 });
    await expect(gone.deliver(delivery)).rejects.toThrow(/supplier unreachable \(ECONNREFUSED\)/);
  });

  it('signatures compare whole: another body or a truncated signature does not pass', () => {
    const body = JSON.stringify(delivery);
    const signature = signBody(body, SECRET);
    expect(isSignedBody(body, signature, SECRET)).toBe(true);
    expect(isSignedBody(`${body} `, signature, SECRET)).toBe(false);
    expect(isSignedBody(body, signature.slice(0, -1), SECRET)).toBe(false);
    expect(isSignedBody(body, undefined, SECRET)).toBe(false);
  });
});

describe('sandbox supplier', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-supplier-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the first delivery of an id in SQLite under the data directory, counting repeats', async () => {
    const first = new SandboxMealSupplier(dir);
    await first.deliver(delivery);
    await first.deliver({ ...delivery, lines: [] });
    await first.deliver({ ...delivery, deliveryId: '24-2026-12-07-v4', version: 4 });
    first.close();
    const reopened = new SandboxMealSupplier(dir);
    const received = reopened.received({ date: '2026-12-07', schoolId: '24' });
    expect(received.map((d) => [d.deliveryId, d.repeats, d.lines.length])).toEqual([
      ['24-2026-12-07-v4', 0, 1],
      ['24-2026-12-07-v3', 1, 1],
    ]);
    expect(reopened.received({ date: '2026-12-08' })).toEqual([]);
    reopened.close();
  });

  it('its page lists deliveries per school and day with their lines, pupils as surname and initials', () => {
    const page = sandboxSupplierPage([{ ...delivery, receivedAt: '2026-12-07T06:30:01.000Z', repeats: 1 }], {
      date: '2026-12-07',
    });
    expect(page).toContain('<html lang="ru">');
    expect(page).toContain('Школа № 24, 2026-12-07');
    expect(page).toContain('Версия 3');
    expect(page).toContain('Иванова М. П.');
    expect(page).not.toContain('Мария');
    expect(page).toContain('Обед (динамический)');
    expect(page).toContain('повторных доставок отброшено: 1');
    expect(shortName('  Петров   Иван ')).toBe('Петров И.');
    expect(sandboxSupplierPage([], {})).toContain('Поставщик пока ничего не получил.');
  });

  it('escapes what it shows', () => {
    const page = sandboxSupplierPage(
      [{ ...delivery, lines: [orderLine('<b>', '<script>x</script>')], receivedAt: 'now', repeats: 0 }],
      {},
    );
    expect(page).not.toContain('<script>x');
    expect(page).toContain('&lt;b&gt;');
  });
});
