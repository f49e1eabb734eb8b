import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { EventToAppend, JsonObject } from '../src/index.js';
import {
  openSqliteEventStore,
  replayOnThread,
  SqliteReplayReader,
  type ReplayPage,
  type SqliteEventStore,
} from '../src/sqlite/index.js';
import type { PageSummary } from './fixtures/summarise-replay-page.js';

const event = (metadata: JsonObject, data: JsonObject = { n: 1 }): EventToAppend => ({
  id: randomUUID(),
  type: 'test.replayed.v1',
  data,
  metadata,
});

/** The replay pages as one list of events, columns turned back into rows. */
function rowsOf(pages: ReplayPage[]) {
  return pages.flatMap((page) =>
    page.ids.map((id, i) => ({
      position: page.positions[i],
      id,
      type: page.types[i],
      data: JSON.parse(page.data[i]!) as unknown,
      occurredAt: page.metadataField[i],
      recordedAt: page.recordedAt[i],
    })),
  );
}

describe('SQLite replay of the whole log', () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sqlite-replay-'));
    store = openSqliteEventStore({ path: join(dir, 'events.db') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function appendSamples(): Promise<void> {
    await store.append('a-1', [
      event({ occurredAt: '2025-09-01T08:00:00.000Z', actor: { occurredAt: 'nested, not this one' } }),
      event({ actor: 'no occurredAt' }, { items: [{ name: 'Пицца 125 г', qty: 1 }] }),
    ]);
    await store.append('b-1', [
      event({ occurredAt: 42 }),
      event({ occurredAt: { at: 'x' } }),
      event({ occurredAt: null }),
    ]);
    for (let i = 0; i < 4; i++)
      await store.append(`c-${i}`, [event({ occurredAt: `2025-09-0${i + 1}T10:00:00.000Z` })]);
  }

  it('reads every event in position order, as readAll does, with the metadata field only when it is a string', async () => {
    await appendSamples();
    const all = await store.readAll({ maxCount: 100 });
    const reader = new SqliteReplayReader({ path: store.path, metadataField: 'occurredAt' });
    const pages: ReplayPage[] = [];
    try {
      for (let after = -1n; ;) {
        const page = reader.readPage(after, 3);
        if (page.ids.length === 0) break;
        pages.push(page);
        after = page.positions[page.ids.length - 1]!;
      }
    } finally {
      reader.close();
    }
    expect(pages.map((page) => page.ids.length)).toEqual([3, 3, 3]);
    expect(rowsOf(pages)).toEqual(
      all.map((recorded) => ({
        position: recorded.position,
        id: recorded.id,
        type: recorded.type,
        data: recorded.data,
        occurredAt: typeof recorded.metadata['occurredAt'] === 'string' ? recorded.metadata['occurredAt'] : null,
        recordedAt: recorded.recordedAt.getTime(),
      })),
    );
  });

  it('refuses a metadata field that is not a plain name', () => {
    expect(() => new SqliteReplayReader({ path: store.path, metadataField: "x') --" })).toThrow(/metadata field/);
  });

  it('reads ahead on a thread: the same pages, and stopping early ends the thread', async () => {
    await appendSamples();
    const reader = new SqliteReplayReader({ path: store.path, metadataField: 'occurredAt' });
    const expected = reader.readPage(-1n, 100);
    reader.close();

    const pages: ReplayPage[] = [];
    for await (const page of replayOnThread({
      path: store.path,
      metadataField: 'occurredAt',
      pageSize: 2,
      readAhead: 2,
    })) {
      pages.push(page);
    }
    expect(pages.map((page) => page.ids.length)).toEqual([2, 2, 2, 2, 1]);
    expect(rowsOf(pages)).toEqual(rowsOf([expected]));

    const first: ReplayPage[] = [];
    for await (const page of replayOnThread({
      path: store.path,
      metadataField: 'occurredAt',
      pageSize: 2,
      readAhead: 3,
    })) {
      first.push(page);
      break;
    }
    expect(rowsOf(first)).toEqual(rowsOf([expected]).slice(0, 2));
  });

  it('passes each page through a transform on the replay thread, with its options', async () => {
    await appendSamples();
    const transform = {
      module: new URL('./fixtures/summarise-replay-page.ts', import.meta.url).href,
      options: { label: 'x' },
    };
    const pages: PageSummary[] = [];
    for await (const page of replayOnThread<PageSummary>({
      path: store.path,
      metadataField: 'occurredAt',
      pageSize: 4,
      readAhead: 1,
      transform,
    })) {
      pages.push(page);
    }
    expect(pages.map((page) => page.ids.length)).toEqual([4, 4, 1]);
    expect(new Set(pages.map((page) => page.label))).toEqual(new Set(['x']));
    expect(pages.every((page) => page.threadId !== threadId)).toBe(true);

    const broken = {
      module: new URL('./fixtures/summarise-replay-page.ts', import.meta.url).href.replace('summarise', 'missing'),
    };
    await expect(
      replayOnThread({
        path: store.path,
        metadataField: 'occurredAt',
        pageSize: 4,
        readAhead: 1,
        transform: broken,
      }).next(),
    ).rejects.toThrow();
  });

  it('an empty log is no page at all; a missing file fails the replay', async () => {
    const pages: ReplayPage[] = [];
    for await (const page of replayOnThread({
      path: store.path,
      metadataField: 'occurredAt',
      pageSize: 10,
      readAhead: 1,
    })) {
      pages.push(page);
    }
    expect(pages).toEqual([]);
    const missing = replayOnThread({
      path: join(dir, 'missing.db'),
      metadataField: 'occurredAt',
      pageSize: 10,
      readAhead: 1,
    });
    await expect(missing.next()).rejects.toThrow();
  });
});
