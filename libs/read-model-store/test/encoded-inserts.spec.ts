import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  encodedInsertsTransfer,
  InsertsEncoder,
  openSqliteBulkLoadThread,
  openSqliteReadModelStore,
} from '@meals/read-model-store/sqlite';

const doc = (id: string, name: string) => ({ _id: id, name, qty: 1 });

describe('inserts encoded where they are built', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'rms-encoded-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('the encoder packs UTF-8 documents end to end and starts over after take', () => {
    const encoder = new InsertsEncoder('lines');
    expect(encoder.take()).toBeNull();
    encoder.add('a', JSON.stringify(doc('a', 'Пицца 125 г')));
    encoder.add('b', JSON.stringify(doc('b', 'x'.repeat(600_000)))); // grows the scratch buffer
    const taken = encoder.take()!;
    const decoder = new TextDecoder();
    expect(taken.ids).toEqual(['a', 'b']);
    expect(JSON.parse(decoder.decode(taken.utf8.subarray(0, taken.ends[0])))).toEqual(doc('a', 'Пицца 125 г'));
    expect(JSON.parse(decoder.decode(taken.utf8.subarray(taken.ends[0], taken.ends[1]))).name).toHaveLength(600_000);
    expect(encoder.take()).toBeNull(); // nothing left after a take
    expect(() => encoder.add('c', JSON.stringify({ name: 'no id first', _id: 'c' }))).toThrow(/_id/);
    expect(() => encoder.add('c', JSON.stringify(doc('cc', 'other id')))).toThrow(/_id/);
  });

  it('a live store takes them as inserts of text documents', async () => {
    const store = await openSqliteReadModelStore({ path: join(dir, 'live.db') });
    await store.ensureCollections([{ name: 'lines', indexes: [['name']] }]);
    const encoder = new InsertsEncoder('lines');
    encoder.add('a', JSON.stringify(doc('a', 'Каша гречневая')));
    store.insertEncoded(encoder.take()!);
    expect(await store.find('lines', { where: { name: 'Каша гречневая' } })).toEqual([doc('a', 'Каша гречневая')]);
    encoder.add('a', JSON.stringify(doc('a', 'again')));
    expect(() => store.insertEncoded(encoder.take()!)).toThrow(/UNIQUE/);
    await store.close();
  });

  it('a bulk-load thread takes them from another thread on a feed; indexes and close wait for the feed to close', async () => {
    const path = join(dir, 'bulk.db');
    const bulk = await openSqliteBulkLoadThread({ path });
    await bulk.ensureCollections([{ name: 'lines', indexes: [] }]);
    const feed = await bulk.insertFeed();
    const producer = new Worker(
      `const { workerData } = require('node:worker_threads');
       import(workerData.lib).then(({ InsertsEncoder, encodedInsertsTransfer }) => {
         const encoder = new InsertsEncoder('lines');
         for (let batch = 0; batch < 5; batch++) {
           for (let i = 0; i < 100; i++) encoder.add('e' + batch + '-' + i, JSON.stringify({ _id: 'e' + batch + '-' + i, name: 'Сок ' + i }));
           const encoded = encoder.take();
           setTimeout(() => workerData.feed.postMessage(encoded, encodedInsertsTransfer(encoded)), 20 * batch);
         }
         setTimeout(() => workerData.feed.close(), 150);
       });`,
      { eval: true, workerData: { feed, lib: LIB_URL }, transferList: [feed] },
    );
    // asked for at once, answered only once the producer closed its feed
    await bulk.ensureCollections([{ name: 'lines', indexes: [['name']] }]);
    expect(await bulk.count('lines')).toBe(500);
    await bulk.close();
    await producer.terminate();

    const live = await openSqliteReadModelStore({ path });
    expect(await live.count('lines', { where: { name: 'Сок 7' } })).toBe(5);
    expect(await live.get('lines', 'e4-99')).toEqual({ _id: 'e4-99', name: 'Сок 99' });
    await live.close();
  });

  it('a feed insert that fails fails the next call', async () => {
    const bulk = await openSqliteBulkLoadThread({ path: join(dir, 'bulk.db') });
    await bulk.ensureCollections([{ name: 'lines', indexes: [] }]);
    const feed = await bulk.insertFeed();
    const encoder = new InsertsEncoder('undeclared');
    encoder.add('a', JSON.stringify(doc('a', 'x')));
    const encoded = encoder.take()!;
    feed.postMessage(encoded, encodedInsertsTransfer(encoded));
    feed.close();
    await expect(bulk.close()).rejects.toThrow(/undeclared/);
  });
});

/** the built package, as a thread without the test runner's module mapping imports it */
const LIB_URL = new URL('../dist/sqlite/index.js', import.meta.url).href;
