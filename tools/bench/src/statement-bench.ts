/**
 * One account's statement over a school year (~700 lines with check items), read
 * `iterations` times one after another once the projections are idle; p95 computed
 * exactly from the sorted samples.
 * `prepareStatementHistory` builds that year through the API first (top-ups and checks
 * dated in the past) and waits until the projections show every line.
 */
import { checkTotal, randomCheckLines, seededRandom, type MealKind } from '@meals/demo-data';
import type { Kopecks } from '@meals/domain';
import { addDays, lastSchoolDays, monthsBefore, moscowDate, moscowInstant, sleep } from '@meals/demo';
import { LedgerClient } from '@meals/ledger-client';
import { elapsedMs, percentile, ratio, roundTo } from './percentile.js';
import { waitForProjectionsCaughtUp } from './projection-lag.js';
import { RawHttpConnection, type RawResponse } from './raw-http-connection.js';
import { measureRawStatement } from './statement-raw.js';

export interface StatementHistoryOptions {
  baseUrl: string;
  bankToken: string;
  /** till key of `schoolId` */
  tillToken: string;
  /** any principal that may read the account's statement */
  readerToken: string;
  schoolId: string;
  accountNumber: string;
  /** an activated card of the account */
  cardUid: string;
  now?: Date;
  /** school days of history (default 180, a school year) */
  schoolDays?: number;
  firstCheckSeq?: number;
  /** how long to wait for the projections (default 120 s) */
  catchUpTimeoutMs?: number;
}

export interface StatementHistory {
  from: string;
  to: string;
  /** statement lines the period holds */
  lines: number;
  nextCheckSeq: number;
}

const MEALS: readonly { meal: MealKind; from: number; to: number }[] = [
  { meal: 'breakfast', from: 8 * 60 + 20, to: 9 * 60 + 40 },
  { meal: 'lunch', from: 11 * 60 + 30, to: 13 * 60 + 30 },
  { meal: 'snack', from: 14 * 60, to: 15 * 60 + 40 },
];

export async function prepareStatementHistory(options: StatementHistoryOptions): Promise<StatementHistory> {
  const random = seededRandom(4242);
  const today = moscowDate(options.now ?? new Date());
  const days = lastSchoolDays(today, options.schoolDays ?? 180);
  const from = addDays(days[0]!, -1);
  const client = new LedgerClient({ baseUrl: options.baseUrl });
  const bank = client.withToken(options.bankToken);
  const till = client.withToken(options.tillToken);
  let seq = options.firstCheckSeq ?? 1;
  let balance: Kopecks = 0;
  let lines = 0;
  let payments = 0;

  const topUp = async (date: string, amount: Kopecks): Promise<void> => {
    const paymentId = `STMT-${options.accountNumber}-${++payments}`;
    const paidAt = moscowInstant(date, 20 * 60);
    await bank.recordTopUp({ paymentId, accountNumber: options.accountNumber, channel: 'bank_online', amount, paidAt });
    balance += amount;
    lines++;
  };

  await topUp(from, 200_000);
  for (const date of days) {
    for (const { meal, from: earliest, to: latest } of MEALS) {
      const items = randomCheckLines(random, meal);
      while (items.length > 0 && checkTotal(items) > balance) items.pop();
      if (items.length === 0) continue;
      const checkNumber = `${options.schoolId}-${String(seq++).padStart(6, '0')}`;
      const soldAt = moscowInstant(date, random.int(earliest, latest), random.int(0, 59));
      await till.recordSale({ checkNumber, cardUid: options.cardUid, items, soldAt });
      balance -= checkTotal(items);
      lines++;
    }
    if (random.chance(0.9)) await topUp(date, 100 * random.int(300, 600));
  }
  await waitForStatementLines(client.withToken(options.readerToken), options, from, today, lines);
  return { from, to: today, lines, nextCheckSeq: seq };
}

async function waitForStatementLines(
  reader: LedgerClient,
  options: StatementHistoryOptions,
  from: string,
  to: string,
  expected: number,
): Promise<void> {
  const deadline = Date.now() + (options.catchUpTimeoutMs ?? 120_000);
  let seen = -1;
  while (Date.now() < deadline) {
    seen = await reader.statement(options.accountNumber, { from, to }).then(
      (statement) => statement.lines.length,
      () => -1,
    );
    if (seen >= expected) return;
    await sleep(200);
  }
  throw new Error(
    `statement of ${options.accountNumber} shows ${seen} of ${expected} lines: projections did not catch up`,
  );
}

const statementPath = (accountNumber: string, from: string, to: string, details: boolean): string =>
  `/api/accounts/${accountNumber}/statement?from=${from}&to=${to}${details ? '&details=true' : ''}`;

export interface StatementBenchOptions {
  baseUrl: string;
  /** any principal that may read the account's statement */
  token: string;
  accountNumber: string;
  iterations?: number;
  /** default: the year up to today (Moscow) */
  from?: string;
  to?: string;
  /** with check items (default true) */
  details?: boolean;
  /** requests before the measured ones (default 20) */
  warmup?: number;
  /** the system's read-model file: when given, the reference (statementRawP95Ms) is measured too */
  readModelsPath?: string;
}

/** The figures of `npm run bench` (bench-results.json keys). */
export interface StatementBenchResult {
  statementP95Ms: number;
  /** the same rows read straight from the store, in the same run (statement-raw.ts) */
  statementRawP95Ms?: number;
  /** statementP95Ms / statementRawP95Ms: the figure to hold across machines */
  statementToRawRatio?: number;
}

export interface StatementMeasurement extends StatementBenchResult {
  statementP50Ms: number;
  /** lines in the statement read */
  lines: number;
  iterations: number;
}

/** The bench's figure; the details (p50, lines read) go to `log` (stderr by default). */
export async function runStatementBench(
  options: StatementBenchOptions & { log?: (line: string) => void },
): Promise<StatementBenchResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const m = await measureStatement(options);
  log(
    `  statement: ${m.lines} lines read ${m.iterations} times, p50 ${m.statementP50Ms} ms, p95 ${m.statementP95Ms} ms`,
  );
  if (!options.readModelsPath) return { statementP95Ms: m.statementP95Ms };
  const raw = await measureRawStatement({
    readModelsPath: options.readModelsPath,
    accountNumber: options.accountNumber,
    iterations: m.iterations,
    warmup: options.warmup ?? 20,
  });
  log(
    `  statement rows from the store: ${raw.rows} rows, p50 ${raw.statementRawP50Ms} ms, p95 ${raw.statementRawP95Ms} ms`,
  );
  return {
    statementP95Ms: m.statementP95Ms,
    statementRawP95Ms: raw.statementRawP95Ms,
    statementToRawRatio: ratio(m.statementP95Ms, raw.statementRawP95Ms),
  };
}

export async function measureStatement(options: StatementBenchOptions): Promise<StatementMeasurement> {
  const iterations = options.iterations ?? 500;
  const to = options.to ?? moscowDate(new Date());
  const from = options.from ?? monthsBefore(to, 12);
  const basePath = new URL(options.baseUrl).pathname.replace(/\/+$/, '');
  const path = basePath + statementPath(options.accountNumber, from, to, options.details ?? true);
  await waitForProjectionsCaughtUp(options.baseUrl);
  const connection = await RawHttpConnection.open(options.baseUrl);
  const read = async (): Promise<RawResponse> => {
    const response = await connection.request('GET', path, { token: options.token });
    if (response.status !== 200) throw new Error(`statement: HTTP ${response.status} ${response.body.slice(0, 300)}`);
    return response;
  };
  try {
    for (let i = 0; i < (options.warmup ?? 20); i++) await read();
    const samples: number[] = [];
    let last: RawResponse | undefined;
    for (let i = 0; i < iterations; i++) {
      const started = process.hrtime.bigint();
      last = await read();
      // the response is complete here; parsing it is the caller's business, not the server's
      samples.push(elapsedMs(started, process.hrtime.bigint()));
    }
    const lines = last ? (JSON.parse(last.body) as { lines: unknown[] }).lines.length : 0;
    return {
      statementP95Ms: roundTo(percentile(samples, 95), 2),
      statementP50Ms: roundTo(percentile(samples, 50), 2),
      lines,
      iterations,
    };
  } finally {
    connection.close();
  }
}
