import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { openSqliteReadModelStore, SqliteFileInUseError } from '@meals/read-model-store/sqlite';
import { rebuildSqliteReadModelsFile, startProjections } from '@meals/projections';
import { type AccountDoc, collections, readModelsPosition } from '@meals/read-models';
import { appendHistory, generateLedgerHistory } from '@meals/bench/ledger-history';
import { lastPosition } from './support/expected-balances.js';
import { dumpReadModels, TempStores } from './support/temp-stores.js';

describe('rebuilding the embedded read-model file', () => {
  let stores: TempStores;
  beforeEach(() => (stores = new TempStores()));
  afterEach(() => stores.dispose());

  it('builds a fresh file and swaps it in: same documents as the live projection, progress reported', async () => {
    const eventStore = stores.eventStore();
    await appendHistory(
      eventStore,
      generateLedgerHistory({ seed: 5, schools: 2, pupilsPerSchool: 10, days: 20, lifecycle: true }),
    );
    // metadata without occurredAt (the time the store recorded counts), and last an event
    // the read models ignore: the checkpoint still moves to it
    await eventStore.append('account-0990000015', [
      {
        id: randomUUID(),
        type: 'account.opened.v1',
        data: { accountNumber: '0990000015', schoolId: '99', className: '1А', fullName: 'Без Времени' },
        metadata: { occurredAt: 7 },
      },
    ]);
    await eventStore.append('other-1', [{ id: randomUUID(), type: 'other.thing.v1', data: {}, metadata: {} }]);
    const last = await lastPosition(eventStore);

    const live = await openSqliteReadModelStore({ path: stores.path('read-models.db') });
    const projections = await startProjections({ eventStore, readModels: live });
    await projections.waitForPosition(last, 20_000);
    await projections.stop();
    const liveDump = await dumpReadModels(live);
    // someone corrupts a read model; the rebuild must not carry it over
    await live.commit([{ op: 'put', collection: collections.accounts.name, id: 'bogus', doc: { balance: 1 } }]);
    await live.close();

    const progress: bigint[] = [];
    const result = await rebuildSqliteReadModelsFile({
      eventStore,
      path: stores.path('read-models.db'),
      pageSize: 50,
      commitSize: 150,
      onProgress: ({ position }) => progress.push(position),
    });
    expect(result.position).toBe(last);
    expect(progress.at(-1)).toBe(last);
    expect(progress.length).toBeGreaterThan(2);
    expect(existsSync(stores.path('read-models.db.rebuild'))).toBe(false);

    const rebuilt = await stores.readModels();
    expect(await dumpReadModels(rebuilt)).toEqual(liveDump);
    expect(await readModelsPosition(rebuilt)).toBe(last);
    expect((await rebuilt.get<AccountDoc>(collections.accounts.name, '0990000015'))?.openedAt).toMatch(
      /^\d{4}-\d\d-\d\dT/,
    );
  });

  it('uses the replay thread only as a capability: a store without it is read through readAll, same documents', async () => {
    const eventStore = stores.eventStore();
    await appendHistory(
      eventStore,
      generateLedgerHistory({ seed: 9, schools: 2, pupilsPerSchool: 6, days: 10, lifecycle: true }),
    );
    const last = await lastPosition(eventStore);
    let replayedOnThread = 0;
    const withCapability = {
      readAll: eventStore.readAll.bind(eventStore),
      replayOnThread<T>(options: Parameters<NonNullable<typeof eventStore.replayOnThread>>[0]): AsyncIterable<T> {
        replayedOnThread++;
        return eventStore.replayOnThread!<T>(options);
      },
    };
    await rebuildSqliteReadModelsFile({ eventStore: withCapability, path: stores.path('fast.db'), pageSize: 40 });
    expect(replayedOnThread).toBe(1);
    const withoutCapability = { readAll: eventStore.readAll.bind(eventStore) };
    const result = await rebuildSqliteReadModelsFile({
      eventStore: withoutCapability,
      path: stores.path('paged.db'),
      pageSize: 40,
    });
    expect(result.position).toBe(last);
    expect(await dumpReadModels(await stores.readModels('paged.db'))).toEqual(
      await dumpReadModels(await stores.readModels('fast.db')),
    );
  });

  it('refuses while another connection has the file open, leaving it untouched', async () => {
    const eventStore = stores.eventStore();
    const inUse = await stores.readModels();
    await inUse.ensureCollections([{ name: collections.accounts.name, indexes: [] }]);
    await inUse.commit([{ op: 'put', collection: collections.accounts.name, id: 'x', doc: { balance: 1 } }]);
    await expect(
      rebuildSqliteReadModelsFile({ eventStore, path: stores.path('read-models.db') }),
    ).rejects.toBeInstanceOf(SqliteFileInUseError);
    expect(await inUse.get(collections.accounts.name, 'x')).toEqual({ _id: 'x', balance: 1 });
  });

  // pages of 20 events: page 4 is one the replay thread prepares, page 5 one the main thread does
  it.each([4, 5])(
    'a log it cannot replay (page %i) fails the rebuild without hanging, keeping the old file',
    async (page) => {
      const eventStore = stores.eventStore();
      await appendHistory(eventStore, generateLedgerHistory({ seed: 6, schools: 1, pupilsPerSchool: 10, days: 20 }));
      const live = await stores.readModels();
      await live.ensureCollections([{ name: collections.accounts.name, indexes: [] }]);
      await live.commit([{ op: 'put', collection: collections.accounts.name, id: 'old', doc: { balance: 1 } }]);
      await live.close();
      const db = new Database(stores.path('events.db'));
      const broken = `UPDATE events SET data = '{broken' WHERE position = (SELECT min(position) FROM events) + ?`;
      db.prepare(broken).run(20 * page + 10);
      db.close();

      await expect(
        rebuildSqliteReadModelsFile({ eventStore, path: stores.path('read-models.db'), pageSize: 20, commitSize: 40 }),
      ).rejects.toThrow(/JSON/);
      expect(existsSync(stores.path('read-models.db.rebuild'))).toBe(false);
      const kept = await stores.readModels();
      expect(await kept.get(collections.accounts.name, 'old')).toEqual({ _id: 'old', balance: 1 });
    },
  );
});
