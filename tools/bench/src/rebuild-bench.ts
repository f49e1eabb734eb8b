import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteEventStore } from '@meals/event-store/sqlite';
import { rebuildSqliteReadModelsFile } from '@meals/projections';
import { appendHistory, generateLedgerHistory } from './ledger-history.js';
import { ratio } from './percentile.js';
import { scanLog, type TimedScan } from './scan-log.js';

export interface RebuildBenchOptions {
  /** a directory for the temporary event store and read-model files (removed afterwards) */
  dir: string;
  /** at least this many events are generated; default 1,000,000 */
  events?: number;
  /** where the details go (events, generation and rebuild times); default stderr */
  log?: (line: string) => void;
  /** time the rebuild in this process instead of a fresh one (tests, which run the sources) */
  inProcess?: boolean;
  /** rebuilds timed (each from zero, in a fresh process); the median counts; default 3 */
  runs?: number;
}

export interface TimedRebuild {
  events: number;
  durationMs: number;
}

export interface RebuildBenchResult {
  rebuildEventsPerSec: number;
  /** the reference measured in the same run: the same log read and parsed, nothing else */
  scanEventsPerSec: number;
  /** rebuildEventsPerSec / scanEventsPerSec: the figure to hold across machines */
  rebuildToScanRatio: number;
}

const SCHOOLS = 20;
const SCHOOL_DAYS = 170;
/** events one pupil makes over SCHOOL_DAYS (sales on ~92% of days, top-ups, card), with margin */
const EVENTS_PER_PUPIL = 175;

/**
 * `rebuildEventsPerSec`: a school year of a synthetic city (top-ups and checks with 1–5
 * items) is appended to a temp SQLite event store, many events per append, then the
 * read models are rebuilt from zero into a fresh file exactly as `projections:rebuild`
 * does: in a process of its own (store closed after the load and reopened there), timed up
 * to the swap. The median of `runs` rebuilds counts: on a VM the first process to touch
 * memory the generator just freed can pay seconds for it.
 * `scanEventsPerSec`, its reference: before each rebuild, the same log read as the rebuild
 * reads it and every event parsed (scan-log.ts), in a fresh process too; median as well.
 */
export async function runRebuildBench(options: RebuildBenchOptions): Promise<RebuildBenchResult> {
  const target = options.events ?? 1_000_000;
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const workDir = mkdtempSync(join(options.dir, 'rebuild-bench-'));
  try {
    const generateStarted = performance.now();
    // in a process of its own too: a generator's heap left in this one slows the rebuilds
    const events = options.inProcess
      ? await generateEvents(workDir, target)
      : ((await inFreshProcess(['generate', workDir, String(target)])) as number);
    log(`rebuild bench: ${events} events appended in ${((performance.now() - generateStarted) / 1000).toFixed(1)} s`);

    const rates: number[] = [];
    const scanRates: number[] = [];
    for (let run = 0; run < (options.runs ?? 3); run++) {
      const scan = options.inProcess
        ? await timeScan(workDir)
        : ((await inFreshProcess(['scan', workDir])) as TimedScan);
      scanRates.push(Math.round(scan.events / (scan.durationMs / 1000)));
      log(
        `rebuild bench: ${scan.events} events read and parsed in ${(scan.durationMs / 1000).toFixed(1)} s (${scanRates.at(-1)} events/s)`,
      );
      rmSync(join(workDir, 'read-models.db'), { force: true }); // each run builds from nothing
      // timed in a process of its own, as `projections:rebuild` runs (the store reopened there)
      const result = options.inProcess
        ? await timeRebuild(workDir)
        : ((await inFreshProcess(['rebuild', workDir])) as TimedRebuild);
      const rebuildSeconds = result.durationMs / 1000;
      rates.push(Math.round(result.events / rebuildSeconds));
      log(
        `rebuild bench: ${result.events} events replayed in ${rebuildSeconds.toFixed(1)} s (${rates.at(-1)} events/s)`,
      );
    }
    const rebuildEventsPerSec = median(rates);
    const scanEventsPerSec = median(scanRates);
    return { rebuildEventsPerSec, scanEventsPerSec, rebuildToScanRatio: ratio(rebuildEventsPerSec, scanEventsPerSec) };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** Appends at least `target` events of a synthetic school year to `<workDir>/events.db`; returns how many. */
export async function generateEvents(workDir: string, target: number): Promise<number> {
  const store = openSqliteEventStore({ path: join(workDir, 'events.db') });
  try {
    const pupilsPerSchool = Math.ceil((target * 1.1) / (SCHOOLS * EVENTS_PER_PUPIL));
    const history = generateLedgerHistory({
      seed: 2025,
      schools: SCHOOLS,
      pupilsPerSchool,
      days: SCHOOL_DAYS,
      daysPerAppend: 35,
    });
    const events = await appendHistory(store, history, { concurrency: 256, maxEvents: target });
    if (events < target) throw new Error(`generated only ${events} of ${target} events`);
    return events;
  } finally {
    await store.close();
  }
}

/** Rebuilds `<workDir>/read-models.db` from `<workDir>/events.db` as `projections:rebuild` does. */
export async function timeRebuild(workDir: string): Promise<TimedRebuild> {
  const eventStore = openSqliteEventStore({ path: join(workDir, 'events.db') });
  try {
    const { events, durationMs } = await rebuildSqliteReadModelsFile({
      eventStore,
      path: join(workDir, 'read-models.db'),
    });
    return { events, durationMs };
  } finally {
    await eventStore.close();
  }
}

/** Reads and parses `<workDir>/events.db` as the rebuild reads it (the rebuild's reference). */
export function timeScan(workDir: string): Promise<TimedScan> {
  return scanLog(join(workDir, 'events.db'));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}

/** A step of the bench in rebuild-bench-child.js; its result comes back over IPC. */
function inFreshProcess(args: string[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./rebuild-bench-child.js', import.meta.url)), args, { stdio: 'inherit' });
    let result: { value: unknown } | undefined;
    child.once('message', (message) => (result = { value: message }));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (result && code === 0) resolve(result.value);
      else reject(new Error(`the bench process (${args[0]}) exited (${signal ?? code}) without a result`));
    });
  });
}
