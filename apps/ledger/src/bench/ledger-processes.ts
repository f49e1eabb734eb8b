/**
 * Runs the compiled ledger and projections as child processes on one data directory
 * (embedded SQLite profile) and waits until the ledger answers /api/health. Their
 * output goes to `<dataDir>/ledger.log` and `<dataDir>/projections.log`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { waitForHealthy } from '@meals/ledger-client';

export interface LedgerProcessesOptions {
  dataDir: string;
  repoRoot?: string;
  /** more environment for both processes (DATA_DIR, LEDGER_HOST and LEDGER_PORT are set here) */
  env?: NodeJS.ProcessEnv;
  /** default: a free port */
  port?: number;
  /** how long to wait for /api/health (default 60 s) */
  startTimeoutMs?: number;
}

export interface LedgerProcesses {
  baseUrl: string;
  /** the environment both processes got, for the CLI on the same data */
  env: NodeJS.ProcessEnv;
  /** stops both processes (SIGTERM, then SIGKILL after 10 s) */
  stop(): Promise<void>;
}

/**
 * The workspace root: the nearest directory holding `apps/ledger/package.json` above the
 * working directory or, failing that, above the running script.
 */
export function findRepoRoot(): string {
  const starts = [process.cwd(), ...(process.argv[1] ? [dirname(process.argv[1])] : [])];
  for (const start of starts) {
    for (let dir = start; ; dir = dirname(dir)) {
      if (existsSync(join(dir, 'apps', 'ledger', 'package.json'))) return dir;
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error(`no workspace root (apps/ledger) above ${starts.join(' or ')}: pass repoRoot`);
}

const LOG_FILES = { ledger: 'ledger.log', projections: 'projections.log' } as const;

export async function startLedgerProcesses(options: LedgerProcessesOptions): Promise<LedgerProcesses> {
  const repoRoot = options.repoRoot ?? findRepoRoot();
  const mains = {
    ledger: join(repoRoot, 'apps', 'ledger', 'dist', 'main.js'),
    projections: join(repoRoot, 'apps', 'projections', 'dist', 'main.js'),
  };
  for (const file of Object.values(mains)) {
    if (!existsSync(file)) throw new Error(`${file} is missing: build first (npx tsc -b tsconfig.build.json)`);
  }
  mkdirSync(options.dataDir, { recursive: true });
  const port = options.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = {
    // The demo seeder and the statement bench write up to a school year of history through the
    // API: this ledger accepts sales and payments dated that far back (the defaults are 7/45 days).
    SALE_MAX_AGE_DAYS: '400',
    TOP_UP_MAX_AGE_DAYS: '400',
    ...process.env,
    LOG_LEVEL: 'warn',
    ...options.env,
    DATA_DIR: options.dataDir,
    LEDGER_HOST: '127.0.0.1',
    LEDGER_PORT: String(port),
  };
  const children: ChildProcess[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(children.map(stopChild));
  };
  try {
    children.push(startChild(mains.ledger, env, join(options.dataDir, LOG_FILES.ledger)));
    const projections = startChild(mains.projections, env, join(options.dataDir, LOG_FILES.projections));
    children.push(projections);
    lowerPriority(projections);
    const baseUrl = `http://127.0.0.1:${port}`;
    await Promise.race([
      waitForHealthy(baseUrl, options.startTimeoutMs ?? 60_000),
      ...children.map((child) => exitedEarly(child, options.dataDir)),
    ]);
    return { baseUrl, env, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function startChild(main: string, env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const log = openSync(logFile, 'a');
  try {
    return spawn(process.execPath, [main], { env, stdio: ['ignore', log, log] });
  } finally {
    closeSync(log); // the child has its own copy of the descriptor
  }
}

/**
 * Both processes share this machine's cores: a till waiting for its answer matters more
 * than the read models catching up a few milliseconds sooner, so the projections yield
 * the CPU to the ledger under load (they are idle otherwise).
 */
const PROJECTIONS_NICENESS = 10;

function lowerPriority(child: ChildProcess): void {
  try {
    if (child.pid !== undefined) setPriority(child.pid, PROJECTIONS_NICENESS);
  } catch {
    // not permitted here (some containers): they simply share the CPU evenly
  }
}

/** Rejects, with the end of the logs, if the child exits while we wait for the start. */
function exitedEarly(child: ChildProcess, dataDir: string): Promise<never> {
  return new Promise((_, reject) => {
    child.once('exit', (code, signal) => {
      const tails = Object.values(LOG_FILES).map((file) => `--- ${file}\n${readTail(join(dataDir, file))}`);
      reject(new Error(`${child.spawnargs.at(-1)} exited (${signal ?? code}) during start-up\n${tails.join('\n')}`));
    });
  });
}

function readTail(file: string): string {
  try {
    return readFileSync(file, 'utf8').slice(-3000);
  } catch {
    return '(no log)';
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}
