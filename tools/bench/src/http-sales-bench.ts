/**
 * Till sales over HTTP on loopback, end to end: `connections` clients, each on its own
 * kept-alive connection (raw-http-connection.ts says why not node:http), send one sale
 * after another (each with a fresh check number, on cards of funded accounts) for
 * `durationMs`; every request's latency is kept and the p99 is computed exactly from
 * the sorted samples.
 */
import type { CheckLine } from '@meals/demo-data';
import { elapsedMs, percentile, roundTo } from './percentile.js';
import { RawHttpConnection, type RawResponse } from './raw-http-connection.js';

/** The school whose till the bench sells at, unless told otherwise (see bench-fixtures). */
export const BENCH_SALES_SCHOOL_ID = '901';

/** A breakfast bun and tea: cheap, so a funded account lasts for thousands of checks. */
export const BENCH_CHECK_ITEMS: readonly CheckLine[] = [
  { name: 'Булочка ванильная с изюмом 110 г', qty: 1, price: 1650 },
  { name: 'Чай с сахаром 200 мл', qty: 1, price: 265 },
];

export interface HttpSalesBenchOptions {
  baseUrl: string;
  /** a till key of `schoolId` */
  tillToken: string;
  /** activated cards of funded accounts; each client sells on its own share of them */
  cardUids: readonly string[];
  connections?: number;
  durationMs?: number;
  /** measured before the run and then discarded: connections, JIT, caches (default 1,000) */
  warmupMs?: number;
  /** prefix of the check numbers: the till's school (default BENCH_SALES_SCHOOL_ID) */
  schoolId?: string;
  /** first check sequence number to use (default 1); see `nextCheckSeq` in the result */
  firstCheckSeq?: number;
}

/** The figures of `npm run bench` (bench-results.json keys). */
export interface HttpSalesBenchResult {
  httpSalesPerSec: number;
  httpSaleP99Ms: number;
}

export interface HttpSalesMeasurement extends HttpSalesBenchResult {
  httpSaleP50Ms: number;
  /** sales recorded during the measured run */
  sales: number;
  /** answers other than a recorded sale, and network errors */
  errors: number;
  firstError: string | null;
  connections: number;
  durationMs: number;
  /** the next unused check sequence number, for a later run on the same till */
  nextCheckSeq: number;
  /** CPU the load generator itself used, in % of one core: it shares the machine with the server */
  clientCpuPercent: number;
}

const MAX_CHECK_SEQ = 999_999;

/**
 * The bench's two figures; the details (p50, errors, the client's own CPU) go to `log`
 * (stderr by default). Only recorded sales count: errors are reported, never hidden.
 */
export async function runHttpSalesBench(
  options: HttpSalesBenchOptions & { log?: (line: string) => void },
): Promise<HttpSalesBenchResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const m = await measureHttpSales(options);
  log(
    `  http sales: ${m.sales} recorded in ${m.durationMs} ms over ${m.connections} connections, ` +
      `p50 ${m.httpSaleP50Ms} ms, p99 ${m.httpSaleP99Ms} ms; load generator used ${m.clientCpuPercent} % of a core`,
  );
  if (m.errors > 0) log(`  http sales: ${m.errors} requests FAILED, the first: ${m.firstError}`);
  return { httpSalesPerSec: m.httpSalesPerSec, httpSaleP99Ms: m.httpSaleP99Ms };
}

export async function measureHttpSales(options: HttpSalesBenchOptions): Promise<HttpSalesMeasurement> {
  const connections = options.connections ?? 64;
  const schoolId = options.schoolId ?? BENCH_SALES_SCHOOL_ID;
  if (options.cardUids.length === 0) throw new RangeError('need at least one card');
  const sockets = await Promise.all(Array.from({ length: connections }, () => RawHttpConnection.open(options.baseUrl)));
  const basePath = new URL(options.baseUrl).pathname.replace(/\/+$/, '');
  let nextSeq = options.firstCheckSeq ?? 1;
  const takeCheckNumber = (): string => {
    if (nextSeq > MAX_CHECK_SEQ) throw new RangeError(`school ${schoolId} ran out of check numbers`);
    return `${schoolId}-${String(nextSeq++).padStart(6, '0')}`;
  };

  const phase = async (durationMs: number) => {
    const latencies: number[] = [];
    let sales = 0;
    let errors = 0;
    let firstError: string | null = null;
    const deadline = process.hrtime.bigint() + BigInt(Math.round(durationMs * 1e6));
    const clientLoop = async (clientIndex: number): Promise<void> => {
      // clients sell on disjoint cards when there are enough, so they rarely contend for one account
      const own =
        options.cardUids.length >= connections
          ? options.cardUids.filter((_, i) => i % connections === clientIndex)
          : [options.cardUids[clientIndex % options.cardUids.length]!];
      for (let n = 0; process.hrtime.bigint() < deadline; n++) {
        const json = JSON.stringify({
          checkNumber: takeCheckNumber(),
          cardUid: own[n % own.length]!,
          items: BENCH_CHECK_ITEMS,
          soldAt: new Date().toISOString(),
        });
        const sent = process.hrtime.bigint();
        try {
          if (!sockets[clientIndex]!.isOpen) sockets[clientIndex] = await RawHttpConnection.open(options.baseUrl);
          const response = await sockets[clientIndex]!.request('POST', `${basePath}/api/sales`, {
            token: options.tillToken,
            json,
          });
          latencies.push(elapsedMs(sent, process.hrtime.bigint()));
          if (isRecordedSale(response)) sales++;
          else {
            errors++;
            firstError ??= `HTTP ${response.status} ${response.body.slice(0, 300)}`;
          }
        } catch (error) {
          errors++;
          firstError ??= (error as Error).message;
        }
      }
    };
    const started = process.hrtime.bigint();
    const cpuBefore = process.cpuUsage();
    await Promise.all(Array.from({ length: connections }, (_, i) => clientLoop(i)));
    const cpu = process.cpuUsage(cpuBefore);
    const elapsed = elapsedMs(started, process.hrtime.bigint());
    return { latencies, sales, errors, firstError, elapsed, clientCpuShare: (cpu.user + cpu.system) / 1000 / elapsed };
  };

  try {
    await phase(options.warmupMs ?? 1000);
    const run = await phase(options.durationMs ?? 10_000);
    if (run.latencies.length === 0) throw new Error('no sale completed during the run');
    return {
      httpSalesPerSec: Math.round(run.sales / (run.elapsed / 1000)),
      httpSaleP99Ms: roundTo(percentile(run.latencies, 99), 2),
      httpSaleP50Ms: roundTo(percentile(run.latencies, 50), 2),
      sales: run.sales,
      errors: run.errors,
      firstError: run.firstError,
      connections,
      durationMs: Math.round(run.elapsed),
      nextCheckSeq: nextSeq,
      clientCpuPercent: Math.round(run.clientCpuShare * 100),
    };
  } finally {
    for (const socket of sockets) socket.close();
  }
}

function isRecordedSale(response: RawResponse): boolean {
  if (response.status < 200 || response.status >= 300) return false;
  try {
    return (JSON.parse(response.body) as { status?: unknown }).status === 'recorded';
  } catch {
    return false;
  }
}
