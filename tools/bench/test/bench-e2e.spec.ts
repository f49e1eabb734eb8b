/**
 * The HTTP benches, run briefly against the compiled ledger and projections on a temp
 * data directory: they must prepare their data and measure without errors. Speed is
 * not asserted here (that is `npm run bench`). Needs the build.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBenchSystem, type BenchSystem } from '../src/bench-system.js';
import { measureHttpSales, runHttpSalesBench } from '../src/http-sales-bench.js';
import { measureStatement, runStatementBench } from '../src/statement-bench.js';

describe('HTTP benches against the real system', () => {
  let dataDir: string;
  let system: BenchSystem | undefined;
  const logged: string[] = [];
  const log = (line: string) => logged.push(line);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'demo-bench-'));
    system = await startBenchSystem({ dataDir, fixtures: { salesCards: 8, statementSchoolDays: 8 } });
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sells from concurrent keep-alive clients, every check recorded, continuing check numbers', async () => {
    const first = await measureHttpSales({
      ...system!.salesBenchInput(),
      connections: 4,
      durationMs: 400,
      warmupMs: 100,
    });
    expect(first.firstError).toBeNull();
    expect(first.errors).toBe(0);
    expect(first.sales).toBeGreaterThan(0);
    expect(first.httpSaleP99Ms).toBeGreaterThanOrEqual(first.httpSaleP50Ms);
    const again = await measureHttpSales({
      ...system!.salesBenchInput(),
      connections: 2,
      durationMs: 200,
      warmupMs: 0,
      firstCheckSeq: first.nextCheckSeq,
    });
    expect(again.errors).toBe(0);
    expect(again.nextCheckSeq).toBeGreaterThan(first.nextCheckSeq);
  }, 60_000);

  it('gives npm run bench exactly its two sales figures, details logged', async () => {
    const result = await runHttpSalesBench({
      ...system!.salesBenchInput(),
      connections: 2,
      durationMs: 200,
      warmupMs: 0,
      firstCheckSeq: 900_000,
      log,
    });
    expect(Object.keys(result).sort()).toEqual(['httpSaleP99Ms', 'httpSalesPerSec']);
    expect(result.httpSalesPerSec).toBeGreaterThan(0);
    expect(logged.join('\n')).toMatch(/recorded/);
    expect(logged.join('\n')).not.toMatch(/FAILED/);
  }, 60_000);

  it("reads the prepared account's whole statement with check items", async () => {
    const prepared = system!.fixtures!.statement;
    expect(prepared.lines).toBeGreaterThan(8 * 2);
    const measured = await measureStatement({ ...system!.statementBenchInput(), iterations: 30, warmup: 2 });
    expect(measured.lines).toBe(prepared.lines);
    expect(measured.iterations).toBe(30);
    const result = await runStatementBench({ ...system!.statementBenchInput(), iterations: 10, warmup: 0, log });
    expect(Object.keys(result)).toEqual(['statementP95Ms', 'statementRawP95Ms', 'statementToRawRatio']);
    expect(result.statementP95Ms).toBeGreaterThan(0);
    expect(result.statementRawP95Ms).toBeGreaterThan(0);
    expect(result.statementToRawRatio).toBeCloseTo(result.statementP95Ms / result.statementRawP95Ms!, 2);
    expect(logged.join('\n')).toMatch(new RegExp(`statement rows from the store: ${prepared.lines} rows`));
  }, 60_000);
});
