/**
 * The till bench, run briefly against the compiled ledger, projections and till agent with
 * socat pty pairs for its devices: it must sell through the reader and printer, cut the link,
 * and measure the delivery of the queue. Speed is not asserted here (that is `npm run bench`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRepoRoot } from '@meals/launcher';
import { startBenchSystem, type BenchSystem } from '../src/bench-system.js';
import { runTillBench } from '../src/till-bench.js';

let dataDir: string;
let system: BenchSystem | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'till-bench-'));
  system = await startBenchSystem({ dataDir, fixtures: { salesCards: 12, statementSchoolDays: 4 } });
}, 180_000);

afterAll(async () => {
  await system?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it('gives npm run bench its two till figures', async () => {
  const logged: string[] = [];
  const { cardUids, schoolId } = system!.salesBenchInput();
  const result = await runTillBench({
    repoRoot: findRepoRoot(),
    dataDir,
    baseUrl: system!.baseUrl,
    adminToken: system!.tokens.admin,
    tillToken: system!.tokens.tills[schoolId]!,
    schoolId,
    tillId: `${schoolId}-01`,
    cardUids,
    sales: 8,
    warmup: 2,
    offlineChecks: 60,
    log: (line) => logged.push(line),
  });
  expect(Object.keys(result).sort()).toEqual(['tillOfflineSyncPerSec', 'tillSaleP95Ms']);
  expect(result.tillSaleP95Ms).toBeGreaterThan(0);
  expect(result.tillOfflineSyncPerSec).toBeGreaterThan(0);
  expect(logged.join('\n')).toContain('queued checks delivered');
}, 180_000);
