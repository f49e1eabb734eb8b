/**
 * A serial cable in software, for tests, benches and trying the till without hardware:
 * `socat` links two pseudo-terminals (raw, no echo). The till agent opens one end as its
 * card reader or printer; the other end is opened like a device's port (serialport on both
 * ends: a plain file stream on a pty fails with EIO later). Links are unique per cable and
 * stop() sends SIGTERM, so socat removes them (after SIGKILL a link would dangle).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SerialPort } from 'serialport';

export interface SerialCable {
  /** the end the agent opens as its device */
  devicePath: string;
  /** the end a test or bench talks through */
  otherPath: string;
  stop(): Promise<void>;
}

let cables = 0;

/** A new cable with links `<dir>/<name>-…-agent` and `…-other`. */
export function startSerialCable(dir: string, name: string): Promise<SerialCable> {
  cables += 1;
  const base = join(dir, `${name}-${process.pid}-${cables}`);
  return startSerialCableAt(`${base}-agent`, `${base}-other`);
}

/** A cable at given links: the same links again is a device plugged back in. */
export async function startSerialCableAt(devicePath: string, otherPath: string): Promise<SerialCable> {
  const socat = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${devicePath}`, `pty,raw,echo=0,link=${otherPath}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  socat.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const deadline = Date.now() + 5_000;
  while (!(existsSync(devicePath) && existsSync(otherPath) && log.includes('starting data transfer loop'))) {
    if (Date.now() > deadline || socat.exitCode !== null) {
      socat.kill('SIGTERM');
      throw new Error(`socat did not start (is it installed?): ${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return {
    devicePath,
    otherPath,
    stop: async () => {
      if (socat.exitCode !== null || socat.signalCode !== null) return;
      const exited = new Promise((resolve) => socat.once('exit', resolve));
      socat.kill('SIGTERM');
      await exited;
    },
  };
}

export interface SerialEnd {
  port: SerialPort;
  /** everything received since opening (or the last clear) */
  received(): Buffer;
  clear(): void;
  /** writes and waits until the bytes are handed to the pty */
  write(data: string | Buffer): Promise<void>;
  /** resolves when `pattern` has arrived (searching what was received since the last clear) */
  waitFor(pattern: Buffer, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function openSerialEnd(path: string): Promise<SerialEnd> {
  const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
  let chunks: Buffer[] = [];
  let size = 0;
  const waiters = new Set<() => void>();
  port.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    size += chunk.length;
    for (const wake of waiters) wake();
  });
  port.on('error', () => {});
  const received = () => (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
  return {
    port,
    received,
    clear: () => {
      chunks = [];
      size = 0;
    },
    write: (data) =>
      new Promise((resolve, reject) =>
        port.write(data, (error) =>
          error ? reject(error) : port.drain((drainError) => (drainError ? reject(drainError) : resolve())),
        ),
      ),
    waitFor: (pattern, timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!received().includes(pattern)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`${path}: ${pattern.toString('hex')} did not arrive within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () => new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())),
  };
}
