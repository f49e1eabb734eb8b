/**
 * The city's order day, run small against the compiled ledger, projections and a
 * throw-away redis-server: every pupil ordered and charged, every school's day synced.
 * Speed is not asserted here (that is `npm run bench`). Needs the build.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRedisServer, type RedisServer } from '@meals/launcher';
import { startBenchSystem, type BenchSystem } from '../src/bench-system.js';
import { runCityOrderBench } from '../src/city-order-bench.js';

describe("a city's day of meal orders against the real system", () => {
  let dataDir: string;
  let redis: RedisServer | undefined;
  let system: BenchSystem | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'city-bench-'));
    redis = await startRedisServer({ dir: join(dataDir, 'redis'), persist: false });
    system = await startBenchSystem({ dataDir, fixtures: false, env: { REDIS_URL: redis.url } });
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
    await redis?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('orders every pupil class by class, charges them and syncs every school, giving npm run bench its figures', async () => {
    const logged: string[] = [];
    const result = await runCityOrderBench({
      baseUrl: system!.baseUrl,
      adminToken: system!.tokens.admin,
      pupils: 120,
      classSize: 10,
      classesPerSchool: 5,
      sync: true,
      log: (line) => logged.push(line),
    });
    expect(Object.keys(result).sort()).toEqual(['cityOrderDaySeconds', 'cityOrdersPerSec', 'citySyncSeconds']);
    expect(result.cityOrderDaySeconds).toBeGreaterThan(0);
    expect(logged.join('\n')).toMatch(/120 pupils charged/);
    expect(logged.join('\n')).toMatch(/synced/);
  }, 120_000);
});
