/**
 * A throw-away Debian redis-server on a free local port (no persistence), for tests: the
 * launcher's startRedisServer (the one `npm start` uses) on a temp directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRedisServer, type RedisServer } from '@meals/launcher';

export interface TestRedis {
  port: number;
  url: string;
  /** stops the server and removes its directory (again: nothing) */
  stop(): Promise<void>;
  /** after stop(): an empty server on the same port again (clients reconnect by themselves) */
  restart(): Promise<void>;
}

export async function startTestRedis(): Promise<TestRedis> {
  let dir = '';
  let server: RedisServer | null = null;
  const start = async (port?: number) => {
    dir = mkdtempSync(join(tmpdir(), 'redis-test-'));
    server = await startRedisServer({ dir, persist: false, ...(port === undefined ? {} : { port }) });
    return server;
  };
  const { port, url } = await start();
  return {
    port,
    url,
    async stop() {
      if (!server) return;
      const stopping = server;
      server = null;
      await stopping.stop();
      rmSync(dir, { recursive: true, force: true });
    },
    async restart() {
      if (!server) await start(port);
    },
  };
}
