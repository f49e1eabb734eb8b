/** Runs the built cabinet (adapter-node output) on a free port against a given ledger URL. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@meals/launcher';

export { freePort };

const BUILD_ENTRY = join(__dirname, '..', '..', 'build', 'index.js');

export interface WebServer {
  url: string;
  stop(): Promise<void>;
}

export async function startWebServer(ledgerUrl: string, port?: number): Promise<WebServer> {
  if (!existsSync(BUILD_ENTRY)) throw new Error(`${BUILD_ENTRY} is missing: run \`npm run build -w apps/web\` first`);
  port ??= await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [BUILD_ENTRY], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: url, LEDGER_URL: ledgerUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      await fetch(`${url}/login`);
      break;
    } catch {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`web server did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
