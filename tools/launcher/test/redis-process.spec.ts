/**
 * The private redis-server of `npm start`: supervised (a killed server is restarted on the
 * same port), its snapshot under the data directory keeps what was queued across a stop.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { startRedisServer, type RedisServer } from '../src/index.js';

const waitUntil = async (what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
};

async function withClient<T>(url: string, use: (client: Redis) => Promise<T>): Promise<T> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    return await use(client);
  } finally {
    client.disconnect();
  }
}

describe('launcher: private redis-server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'launcher-redis-'));
  const lines: string[] = [];
  let server: RedisServer | null = null;

  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps its data in a snapshot under its directory across a stop and a start', async () => {
    server = await startRedisServer({ dir, persist: true, say: (line) => lines.push(line) });
    await withClient(server.url, (client) => client.set('queued', 'sync-24-2026-12-07'));
    const { port } = server;
    await server.stop();
    expect(existsSync(join(dir, 'queues.rdb'))).toBe(true);
    server = await startRedisServer({ dir, port, persist: true, say: (line) => lines.push(line) });
    expect(await withClient(server.url, (client) => client.get('queued'))).toBe('sync-24-2026-12-07');
  });

  it('is restarted on the same port when it dies', async () => {
    const running = server!;
    const pid = running.service.pid!;
    process.kill(pid, 'SIGKILL');
    await waitUntil('a new redis-server', () => running.service.pid !== pid && running.service.pid !== undefined);
    await waitUntil('PONG', () =>
      withClient(running.url, (client) => client.ping()).then(
        (answer) => answer === 'PONG',
        () => false,
      ),
    );
    expect(lines.some((line) => line.startsWith('redis exited (signal SIGKILL)'))).toBe(true);
  });
});
