/**
 * A serial cable in software: `socat` links two pseudo-terminals (raw, no echo). The agent
 * opens one end as its device, the test the other end through serialport, as a device
 * would. Links are unique per pair; stop() sends SIGTERM so socat removes them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SerialPort } from 'serialport';

export interface PtyPair {
  /** the end the agent opens */
  devicePath: string;
  /** the end the test talks through */
  testPath: string;
  stop(): Promise<void>;
}

let counter = 0;

export async function startPtyPair(dir: string, name: string): Promise<PtyPair> {
  counter += 1;
  const devicePath = join(dir, `${name}-${process.pid}-${counter}-agent`);
  const testPath = join(dir, `${name}-${process.pid}-${counter}-test`);
  return startPtyPairAt(devicePath, testPath);
}

/** the same link names again (a device plugged back in) */
export async function startPtyPairAt(devicePath: string, testPath: string): Promise<PtyPair> {
  const socat: ChildProcess = spawn(
    'socat',
    ['-d', '-d', `pty,raw,echo=0,link=${devicePath}`, `pty,raw,echo=0,link=${testPath}`],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  socat.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const deadline = Date.now() + 5_000;
  while (!(existsSync(devicePath) && existsSync(testPath) && log.includes('starting data transfer loop'))) {
    if (Date.now() > deadline || socat.exitCode !== null) throw new Error(`socat did not start: ${log}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return {
    devicePath,
    testPath,
    stop: async () => {
      if (socat.exitCode !== null || socat.signalCode !== null) return;
      const exited = new Promise((resolve) => socat.once('exit', resolve));
      socat.kill('SIGTERM');
      await exited;
    },
  };
}

/** The test's end of a pair, opened like a device's port; collects what arrives. */
export async function openTestEnd(path: string): Promise<{ port: SerialPort; received: () => Buffer; clear(): void; close(): Promise<void> }> {
  const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
  let chunks: Buffer[] = [];
  port.on('data', (chunk: Buffer) => chunks.push(chunk));
  port.on('error', () => {});
  return {
    port,
    received: () => Buffer.concat(chunks),
    clear: () => {
      chunks = [];
    },
    close: () => new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())),
  };
}

export function writeLine(port: SerialPort, text: string | Buffer): Promise<void> {
  return new Promise((resolve, reject) =>
    port.write(text, (error) => (error ? reject(error) : port.drain((drainError) => (drainError ? reject(drainError) : resolve())))),
  );
}

export async function waitUntil(condition: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
