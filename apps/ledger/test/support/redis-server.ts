/**
 * A throw-away Debian redis-server on a free local port (no persistence), for tests: the
 * launcher's startRedisServer (the one `npm start` uses) on a temp directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRedisServer } from '@meals/launcher';

export interface TestRedis {
  port: number;
  url: string;
  /** stops the server and removes its directory (again: nothing) */
  stop(): Promise<void>;
}

export async function startTestRedis(): Promise<TestRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'redis-test-'));
  const server = await startRedisServer({ dir, persist: false });
  let stopped = false;
  return {
    port: server.port,
    url: server.url,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
