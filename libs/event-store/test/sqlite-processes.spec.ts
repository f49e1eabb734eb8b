import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import type { RecordedEvent } from '../src/index.js';
import { openSqliteEventStore } from '../src/sqlite/index.js';
import { expectStrictlyIncreasing, waitFor } from './event-store.contract.js';

// The child processes run the compiled adapter (dist), so build it first.
const repoRoot = resolve(__dirname, '../../..');
const writerScript = resolve(__dirname, 'fixtures/append-writer.mjs');

let dir: string;
beforeAll(() => {
  const build = spawnSync(
    process.execPath,
    [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-b', 'libs/event-store'],
    {
      cwd: repoRoot,
      encoding: 'utf8',
    },
  );
  if (build.status !== 0) throw new Error(`tsc -b libs/event-store failed:\n${build.stdout}${build.stderr}`);
  dir = mkdtempSync(join(tmpdir(), 'sqlite-processes-'));
}, 120_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Writer {
  child: ChildProcessByStdio<null, Readable, Readable>;
  output: { text: string };
  exited: Promise<number | null>;
}

function startWriter(path: string, writers: number, streams: number, appendsPerWriter: number): Writer {
  const child = spawn(
    process.execPath,
    [writerScript, path, String(writers), String(streams), String(appendsPerWriter)],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output = { text: '' };
  let errors = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output.text += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  const exited = new Promise<number | null>((done) =>
    child.on('exit', (code) => {
      if (code !== 0 && code !== null) console.error(errors);
      done(code);
    }),
  );
  return { child, output, exited };
}

/** ids printed on complete lines: a line cut by the kill is not an acknowledgement */
function acknowledgedIds(output: string): string[] {
  const complete = output.slice(0, output.lastIndexOf('\n') + 1);
  return complete.split('\n').filter((line) => line.length > 0);
}

async function readWholeLog(path: string): Promise<RecordedEvent[]> {
  const store = openSqliteEventStore({ path });
  try {
    const events: RecordedEvent[] = [];
    for (;;) {
      const page = await store.readAll({ after: events.at(-1)?.position, maxCount: 1000 });
      if (page.length === 0) return events;
      events.push(...page);
    }
  } finally {
    await store.close();
  }
}

function expectGaplessStreams(events: RecordedEvent[]): void {
  const byStream = new Map<string, bigint[]>();
  for (const event of events) byStream.set(event.streamId, [...(byStream.get(event.streamId) ?? []), event.revision]);
  for (const revisions of byStream.values()) expect(revisions).toEqual(revisions.map((_, i) => BigInt(i)));
}

function expectEachStoredOnce(acknowledged: string[], events: RecordedEvent[]): void {
  const counts = new Map<string, number>();
  for (const event of events) counts.set(event.id, (counts.get(event.id) ?? 0) + 1);
  const missing = acknowledged.filter((id) => !counts.has(id));
  expect(missing).toEqual([]);
  expect([...counts.values()].every((count) => count === 1)).toBe(true);
}

it('kill -9 mid-load: every acknowledged append is stored exactly once, revisions stay gapless', async () => {
  const path = join(dir, 'crash.db');
  const writer = startWriter(path, 6, 4, 0);
  await waitFor(() => acknowledgedIds(writer.output.text).length >= 3000, 30_000);
  writer.child.kill('SIGKILL');
  expect(await writer.exited).toBeNull();

  const acknowledged = acknowledgedIds(writer.output.text);
  const events = await readWholeLog(path);
  expect(events.length).toBeGreaterThanOrEqual(acknowledged.length);
  expectEachStoredOnce(acknowledged, events);
  expectGaplessStreams(events);
  expectStrictlyIncreasing(events.map((e) => e.position));
}, 60_000);

it('two processes writing the same streams never duplicate or skip a revision', async () => {
  const path = join(dir, 'shared.db');
  const writers = [startWriter(path, 4, 3, 60), startWriter(path, 4, 3, 60)];
  expect(await Promise.all(writers.map((w) => w.exited))).toEqual([0, 0]);

  const acknowledged = writers.flatMap((w) => acknowledgedIds(w.output.text));
  const events = await readWholeLog(path);
  expect(events).toHaveLength(acknowledged.length);
  expectEachStoredOnce(acknowledged, events);
  expectGaplessStreams(events);
  expectStrictlyIncreasing(events.map((e) => e.position));
}, 60_000);
