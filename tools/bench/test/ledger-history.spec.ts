import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { balanceChange, isValidAccountNumber, isValidCheckNumber, type LedgerEvent } from '@meals/domain';
import { runRebuildBench } from '../src/rebuild-bench.js';
import { generateLedgerHistory } from '../src/ledger-history.js';

const execFileAsync = promisify(execFile);

describe('synthetic ledger history (benchmarks and replay tests)', () => {
  it('is a valid ledger: no balance below zero, unique checks and event ids, sane sales', () => {
    const balances = new Map<string, number>();
    const checks = new Set<string>();
    const ids = new Set<string>();
    const types = new Set<string>();
    for (const { streamId, events } of generateLedgerHistory({
      seed: 7,
      schools: 3,
      pupilsPerSchool: 25,
      days: 40,
      lifecycle: true,
    })) {
      for (const appended of events) {
        expect(ids.has(appended.id)).toBe(false);
        ids.add(appended.id);
        const event = { type: appended.type, data: appended.data } as LedgerEvent;
        types.add(event.type);
        if (!streamId.startsWith('account-')) continue;
        const accountNumber = streamId.slice('account-'.length);
        expect(isValidAccountNumber(accountNumber)).toBe(true);
        const balance = (balances.get(accountNumber) ?? 0) + balanceChange(event);
        expect(balance).toBeGreaterThanOrEqual(0);
        balances.set(accountNumber, balance);
        if (event.type === 'account.sale-debited.v1') {
          const { items, total, checkNumber } = event.data;
          expect(items.length).toBeGreaterThanOrEqual(1);
          expect(items.length).toBeLessThanOrEqual(5);
          expect(total).toBe(items.reduce((sum, item) => sum + item.qty * item.price, 0));
          expect(isValidCheckNumber(checkNumber)).toBe(true);
          expect(checks.has(checkNumber)).toBe(false);
          checks.add(checkNumber);
        }
      }
    }
    // the 14 account and school types, and meal management's: a type (created, activated, first ordered), settings, charges and reversals
    expect(types.size).toBe(20);
  });

  it('is the same for the same seed', () => {
    const once = [...generateLedgerHistory({ seed: 9, schools: 1, pupilsPerSchool: 3, days: 5 })];
    const again = [...generateLedgerHistory({ seed: 9, schools: 1, pupilsPerSchool: 3, days: 5 })];
    expect(again).toEqual(once);
  });

  it('runRebuildBench generates, rebuilds three times and reports the median rate (speed is not asserted)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rebuild-bench-test-'));
    try {
      const lines: string[] = [];
      const result = await runRebuildBench({ dir, events: 3000, log: (line) => lines.push(line), inProcess: true });
      expect(result.rebuildEventsPerSec).toBeGreaterThan(0);
      expect(result.scanEventsPerSec).toBeGreaterThan(0);
      expect(result.rebuildToScanRatio).toBeCloseTo(result.rebuildEventsPerSec / result.scanEventsPerSec, 2);
      // three rebuilds from zero and three scans of the same log, the medians count
      expect(lines.filter((line) => /events replayed in/.test(line))).toHaveLength(3);
      expect(lines.filter((line) => /events read and parsed in/.test(line))).toHaveLength(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the built bench times the rebuild in a fresh process (as projections:rebuild runs)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rebuild-bench-fork-'));
    try {
      const bench = pathToFileURL(join(__dirname, '..', 'dist', 'rebuild-bench.js')).href;
      const script = `const { runRebuildBench } = await import(${JSON.stringify(bench)});
        const result = await runRebuildBench({ dir: ${JSON.stringify(dir)}, events: 2000, log: () => {} });
        process.stdout.write(JSON.stringify(result));`;
      const entry = join(dir, 'run-bench.mjs');
      writeFileSync(entry, script);
      const { stdout } = await execFileAsync(process.execPath, [entry]);
      const forked = JSON.parse(stdout);
      expect(forked.rebuildEventsPerSec).toBeGreaterThan(0);
      expect(forked.scanEventsPerSec).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
