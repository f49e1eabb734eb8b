import { rebuildReadModels, rebuildSqliteReadModelsFile, startProjections } from '@meals/projections';
import { type AccountDoc, collections, readModelsPosition, type StatementLineDoc } from '@meals/read-models';
import { appendHistory, generateLedgerHistory, type HistoryAppend } from '@meals/bench/ledger-history';
import { expectedBalances, lastPosition } from './support/expected-balances.js';
import { dumpReadModels, TempStores } from './support/temp-stores.js';

const HISTORY = { seed: 7, schools: 3, pupilsPerSchool: 25, days: 40, daysPerAppend: 3, lifecycle: true };

describe('replay determinism', () => {
  let stores: TempStores;
  beforeEach(() => (stores = new TempStores()));
  afterEach(() => stores.dispose());

  it('read models built live while events arrive equal a rebuild from zero, document for document', async () => {
    const eventStore = stores.eventStore();
    const live = await stores.readModels('live.db');
    const projections = await startProjections({ eventStore, readModels: live, batchSize: 37 });

    // appended in random-sized groups while the runner is projecting
    const appends: HistoryAppend[] = [...generateLedgerHistory(HISTORY)];
    let appended = 0;
    let seed = 3;
    while (appended < appends.length) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const size = 1 + (seed % 40);
      await appendHistory(eventStore, appends.slice(appended, appended + size), { concurrency: 8 });
      appended += size;
      if (seed % 3 === 0) await new Promise((resolve) => setTimeout(resolve, seed % 7));
    }
    const last = await lastPosition(eventStore);
    await projections.waitForPosition(last, 20_000);
    await projections.stop();

    const rebuilt = await stores.readModels('rebuilt.db');
    const result = await rebuildReadModels({ eventStore, readModels: rebuilt, pageSize: 500, commitSize: 700 });
    expect(result.position).toBe(last);

    const liveDump = await dumpReadModels(live);
    const rebuiltDump = await dumpReadModels(rebuilt);
    expect(rebuiltDump).toEqual(liveDump);

    // the embedded fast path too (the event store's replay thread, statement lines fed aside)
    await rebuildSqliteReadModelsFile({ eventStore, path: stores.path('fast.db'), pageSize: 300, commitSize: 900 });
    expect(await dumpReadModels(await stores.readModels('fast.db'))).toEqual(liveDump);

    // the history exercised every read model
    for (const docs of Object.values(liveDump)) expect(docs.length).toBeGreaterThan(0);
    const kinds = new Set((liveDump[collections.statementLines.name] as StatementLineDoc[]).map((line) => line.kind));
    expect([...kinds].sort()).toEqual([
      'correction',
      'meal_charge',
      'refund',
      'sale',
      'top_up',
      'transfer_in',
      'transfer_out',
    ]);

    const balances = await expectedBalances(eventStore);
    const accounts = liveDump[collections.accounts.name] as AccountDoc[];
    expect(accounts).toHaveLength(balances.size);
    for (const account of accounts) expect(account.balance).toBe(balances.get(account.accountNumber));
    expect(await readModelsPosition(live)).toBe(last);
  });

  it('gives identical read models whatever the batch size (live batches of 1 vs rebuild pages of 1000)', async () => {
    const eventStore = stores.eventStore();
    await appendHistory(eventStore, generateLedgerHistory({ ...HISTORY, pupilsPerSchool: 8, days: 15 }));
    const last = await lastPosition(eventStore);

    const one = await stores.readModels('one.db');
    const projections = await startProjections({ eventStore, readModels: one, batchSize: 1 });
    await projections.waitForPosition(last, 20_000);
    await projections.stop();

    const thousand = await stores.readModels('thousand.db');
    await rebuildReadModels({ eventStore, readModels: thousand, pageSize: 1000 });
    expect(await dumpReadModels(one)).toEqual(await dumpReadModels(thousand));
  });

  it('a rebuild that outgrows the documents it may remember reads them back and still equals the live read models', async () => {
    const eventStore = stores.eventStore();
    await appendHistory(eventStore, generateLedgerHistory({ ...HISTORY, pupilsPerSchool: 6, days: 12 }));
    const last = await lastPosition(eventStore);

    const live = await stores.readModels('live.db');
    const projections = await startProjections({ eventStore, readModels: live, batchSize: 50 });
    await projections.waitForPosition(last, 20_000);
    await projections.stop();

    const forgetful = await stores.readModels('forgetful.db');
    await rebuildReadModels({ eventStore, readModels: forgetful, pageSize: 40, commitSize: 40, cacheLimit: 10 });
    expect(await dumpReadModels(forgetful)).toEqual(await dumpReadModels(live));
  });
});
