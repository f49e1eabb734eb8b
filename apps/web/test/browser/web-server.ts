/**
 * Runs the built cabinet (adapter-node output) on a free port against a given ledger URL,
 * the way `npm start` does (the launcher's supervised web process); its log goes to a temp
 * directory that stop() removes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRepoRoot, freePort, startWebProcess } from '@meals/launcher';

export { freePort };

export interface WebServer {
  url: string;
  stop(): Promise<void>;
}

export async function startWebServer(ledgerUrl: string, port?: number): Promise<WebServer> {
  port ??= await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'meals-web-'));
  const web = await startWebProcess({
    repoRoot: findRepoRoot(),
    dataDir,
    port,
    ledgerUrl,
    publicUrl: url,
    say: () => {},
  });
  return {
    url,
    stop: async () => {
      await web.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
