/**
 * Runs the compiled till agent (`apps/pos-agent/dist/main.js`) as a supervised process next
 * to a running ledger and waits until its screen answers. The till key goes to the child's
 * environment only (never to its command line, where `ps` would show it).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { waitUntilPageAnswers } from './page-answers.js';
import { SupervisedProcess, type RestartPolicy } from './supervised-process.js';

export interface TillProcessOptions {
  repoRoot: string;
  /** the till's own data goes to `<dataDir>/till` (or TILL_DATA_DIR in `env`), its log to `<dataDir>/till.log` */
  dataDir: string;
  port: number;
  /** the ledger, e.g. http://127.0.0.1:3000 */
  ledgerUrl: string;
  apiKey: string;
  schoolId: string;
  tillId: string;
  /** more environment: TILL_READER_PATH, TILL_PRINTER_PATH, TILL_OFFLINE_LIMIT_KOPECKS… */
  env?: NodeJS.ProcessEnv;
  say: (line: string) => void;
  onGiveUp?: (reason: string) => void;
  restartPolicy?: Partial<RestartPolicy>;
  startTimeoutMs?: number;
  /** the log file name under dataDir (default till.log) */
  logName?: string;
}

export async function startTillProcess(
  options: TillProcessOptions,
): Promise<{ url: string; service: SupervisedProcess }> {
  const main = join(options.repoRoot, 'apps', 'pos-agent', 'dist', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: build first (npx tsc -b tsconfig.build.json)`);
  let failStartup: (error: Error) => void = () => {};
  const startupFailed = new Promise<never>((_, reject) => (failStartup = reject));
  startupFailed.catch(() => {});
  const logName = options.logName ?? 'till.log';
  const till = new SupervisedProcess({
    name: 'till',
    main,
    env: {
      ...process.env,
      DATA_DIR: options.dataDir,
      ...options.env,
      LEDGER_URL: options.ledgerUrl,
      TILL_API_KEY: options.apiKey,
      TILL_SCHOOL_ID: options.schoolId,
      TILL_ID: options.tillId,
      TILL_PORT: String(options.port),
    },
    logFile: join(options.dataDir, logName),
    say: options.say,
    ...(options.restartPolicy ? { policy: options.restartPolicy } : {}),
    ...(options.onGiveUp ? { onGiveUp: options.onGiveUp } : {}),
    onStartupExit: (reason) => failStartup(new Error(`${reason} (see ${logName})`)),
  });
  const url = `http://127.0.0.1:${options.port}`;
  till.start();
  try {
    await Promise.race([waitUntilPageAnswers(`${url}/api/state`, options.startTimeoutMs ?? 30_000), startupFailed]);
    till.markReady();
    return { url, service: till };
  } catch (error) {
    await till.stop();
    throw error;
  }
}
