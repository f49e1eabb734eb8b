/**
 * A private Debian `redis-server` (package `redis-server`) on a loopback port, run in the
 * foreground as a supervised process: restarted when it crashes, stopped (SIGTERM: Redis
 * saves its snapshot when persistence is on, then exits) with the rest. `npm start` runs one
 * under `$DATA_DIR/redis/` for the ledger's job queues; tests run a throw-away one.
 */
import { mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { freePort } from './ledger-processes.js';
import { SupervisedProcess } from './supervised-process.js';

export interface RedisServerOptions {
  /** working directory: the log, and the snapshot when `persist` is on */
  dir: string;
  /** default: a free port */
  port?: number;
  /**
   * Keep a small RDB snapshot in `dir` (saved every minute after a change and on stop), so
   * queued jobs and retries survive a restart. Off: nothing is written (tests).
   */
  persist: boolean;
  say?: (line: string) => void;
  onGiveUp?: (reason: string) => void;
  startTimeoutMs?: number;
}

export interface RedisServer {
  port: number;
  url: string;
  service: SupervisedProcess;
  stop(): Promise<void>;
}

export async function startRedisServer(options: RedisServerOptions): Promise<RedisServer> {
  mkdirSync(options.dir, { recursive: true });
  const port = options.port ?? (await freePort());
  const persistence = options.persist
    ? ['--save', '60 1', '--dbfilename', 'queues.rdb', '--appendonly', 'no']
    : ['--save', '', '--appendonly', 'no'];
  let failStartup: (error: Error) => void = () => {};
  const startupFailed = new Promise<never>((_, reject) => (failStartup = reject));
  startupFailed.catch(() => {});
  const service = new SupervisedProcess({
    name: 'redis',
    command: [
      'redis-server',
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--daemonize',
      'no',
      '--dir',
      options.dir,
      ...persistence,
    ],
    env: process.env,
    logFile: join(options.dir, 'redis.log'),
    say: options.say ?? (() => {}),
    ...(options.onGiveUp ? { onGiveUp: options.onGiveUp } : {}),
    onStartupExit: (reason) => failStartup(new Error(`${reason} (see ${join(options.dir, 'redis.log')})`)),
  });
  service.start(); // a missing redis-server (Debian package redis-server) fails the start below
  try {
    await Promise.race([answersPing(port, options.startTimeoutMs ?? 10_000), startupFailed]);
  } catch (error) {
    await service.stop();
    throw error;
  }
  service.markReady();
  return { port, url: `redis://127.0.0.1:${port}`, service, stop: () => service.stop() };
}

/** Until the server answers PING on the port (loading a snapshot answers -LOADING first). */
async function answersPing(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await ping(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`redis-server did not answer on port ${port} within ${timeoutMs / 1000} s`);
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let answer = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
    });
  });
}
