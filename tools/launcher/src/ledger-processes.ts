/**
 * Runs the compiled ledger and projections as supervised child processes on one data
 * directory (embedded SQLite profile) and waits until the ledger answers /api/health.
 * Their output goes to `<dataDir>/ledger.log` and `<dataDir>/projections.log`. Once
 * started, a service that crashes is restarted with backoff (see SupervisedProcess); a
 * service that exits during start-up fails the start with the end of the logs.
 */
import { type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setPriority } from 'node:os';
import { dirname, join } from 'node:path';
import { isLive, isReady, waitForHealth } from './health.js';
import { SupervisedProcess, type RestartPolicy } from './supervised-process.js';

export interface LedgerProcessesOptions {
  dataDir: string;
  repoRoot?: string;
  /** more environment for both processes (DATA_DIR, LEDGER_HOST and LEDGER_PORT are set here) */
  env?: NodeJS.ProcessEnv;
  /** default: a free port */
  port?: number;
  /** how long to wait for /api/health (default 60 s) */
  startTimeoutMs?: number;
  /**
   * 'ready' (default): health answers 200. 'live': it answers at all, `starting` included
   * (a launcher that prepares the system itself, e.g. seeds it, waits for this).
   */
  waitFor?: 'ready' | 'live';
  /** status lines for people: restarts, giving up (default: none) */
  say?: (line: string) => void;
  /** called when a service is given up after repeated quick crashes */
  onGiveUp?: (reason: string) => void;
  restartPolicy?: Partial<RestartPolicy>;
}

export interface LedgerProcesses {
  baseUrl: string;
  /** the environment both processes got, for the CLI on the same data */
  env: NodeJS.ProcessEnv;
  /** the supervised services, by name */
  services: { ledger: SupervisedProcess; projections: SupervisedProcess };
  /** resolves when health answers 200 (`ok` or `degraded`) */
  waitUntilReady(timeoutMs?: number): Promise<void>;
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
    ...process.env,
    LOG_LEVEL: 'warn',
    ...options.env,
    DATA_DIR: options.dataDir,
    LEDGER_HOST: '127.0.0.1',
    LEDGER_PORT: String(port),
  };
  let failStartup: (error: Error) => void = () => {};
  const startupFailed = new Promise<never>((_, reject) => (failStartup = reject));
  startupFailed.catch(() => {});
  const service = (name: keyof typeof mains, onStart?: (child: ChildProcess) => void) =>
    new SupervisedProcess({
      name,
      main: mains[name],
      env,
      logFile: join(options.dataDir, LOG_FILES[name]),
      say: options.say ?? (() => {}),
      ...(options.restartPolicy ? { policy: options.restartPolicy } : {}),
      ...(onStart ? { onStart } : {}),
      ...(options.onGiveUp ? { onGiveUp: options.onGiveUp } : {}),
      onStartupExit: (reason) => failStartup(new Error(`${reason}\n${logTails(options.dataDir)}`)),
    });
  const services = { ledger: service('ledger'), projections: service('projections', lowerPriority) };
  const stop = async (): Promise<void> => {
    await Promise.all(Object.values(services).map((each) => each.stop()));
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const startTimeoutMs = options.startTimeoutMs ?? 60_000;
  try {
    for (const each of Object.values(services)) each.start();
    await waitForHealth(baseUrl, options.waitFor === 'live' ? isLive : isReady, startTimeoutMs, startupFailed);
    for (const each of Object.values(services)) each.markReady();
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    baseUrl,
    env,
    services,
    waitUntilReady: async (timeoutMs = startTimeoutMs) => {
      await waitForHealth(baseUrl, isReady, timeoutMs);
    },
    stop,
  };
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

function logTails(dataDir: string): string {
  return Object.values(LOG_FILES)
    .map((file) => `--- ${file}\n${readTail(join(dataDir, file))}`)
    .join('\n');
}

function readTail(file: string): string {
  try {
    return readFileSync(file, 'utf8').slice(-3000);
  } catch {
    return '(no log)';
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port')),
      );
    });
  });
}
