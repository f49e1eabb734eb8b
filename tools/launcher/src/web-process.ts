/**
 * Runs the built parents' cabinet (`apps/web/build`, adapter-node) as a supervised process
 * next to a running ledger, and waits until its sign-in page answers. The cabinet talks to
 * the ledger on loopback and is reached by browsers at `publicUrl` (SvelteKit's origin check
 * needs it as ORIGIN, or every form post is refused).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { waitUntilPageAnswers } from './page-answers.js';
import { SupervisedProcess } from './supervised-process.js';

export interface WebProcessOptions {
  repoRoot: string;
  dataDir: string;
  port: number;
  /** the ledger, e.g. http://127.0.0.1:3000 */
  ledgerUrl: string;
  /** where browsers reach the cabinet, e.g. http://localhost:3001 */
  publicUrl: string;
  say: (line: string) => void;
  onGiveUp?: (reason: string) => void;
  startTimeoutMs?: number;
}

export async function startWebProcess(options: WebProcessOptions): Promise<SupervisedProcess> {
  const main = join(options.repoRoot, 'apps', 'web', 'build', 'index.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: build the web app first (npm run web:build)`);
  let failStartup: (error: Error) => void = () => {};
  const startupFailed = new Promise<never>((_, reject) => (failStartup = reject));
  startupFailed.catch(() => {});
  const web = new SupervisedProcess({
    name: 'web',
    main,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(options.port),
      ORIGIN: options.publicUrl,
      LEDGER_URL: options.ledgerUrl,
    },
    logFile: join(options.dataDir, 'web.log'),
    say: options.say,
    ...(options.onGiveUp ? { onGiveUp: options.onGiveUp } : {}),
    onStartupExit: (reason) => failStartup(new Error(`${reason} (see web.log)`)),
  });
  web.start();
  try {
    await Promise.race([
      waitUntilPageAnswers(`http://127.0.0.1:${options.port}/login`, options.startTimeoutMs ?? 30_000),
      startupFailed,
    ]);
    web.markReady();
    return web;
  } catch (error) {
    await web.stop();
    throw error;
  }
}
