import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { EventStore, SubscribeToAllOptions } from '@meals/event-store';
import { checkpointList, type Change, type Checkpoint, type ReadModelStore } from '@meals/read-model-store';
import { rebuildReadModels, startProjections } from '@meals/projections';
import { accountsProjection, type AccountDoc, collections, readModelsPosition } from '@meals/read-models';
import { appendHistory, generateLedgerHistory, type HistoryAppend } from '@meals/bench/ledger-history';
import { expectedBalances, lastPosition } from './support/expected-balances.js';
import { dumpReadModels, TempStores } from './support/temp-stores.js';

const HISTORY = { seed: 11, schools: 2, pupilsPerSchool: 20, days: 30, daysPerAppend: 2, lifecycle: true };

/** Delegates to a real store; records checkpoints and can fail chosen commits. */
class RecordingStore implements ReadModelStore {
  readonly checkpoints: bigint[] = [];
  commits = 0;
  /** commit numbers (1-based) that fail before reaching the store */
  failBefore = new Set<number>();
  /** commit numbers that reach the store, then report a failure (a lost acknowledgement) */
  failAfter = new Set<number>();

  constructor(private readonly inner: ReadModelStore) {}

  ensureCollections = (...args: Parameters<ReadModelStore['ensureCollections']>) =>
    this.inner.ensureCollections(...args);
  get = ((...args: Parameters<ReadModelStore['get']>) => this.inner.get(...args)) as ReadModelStore['get'];
  getMany = ((...args: Parameters<ReadModelStore['getMany']>) =>
    this.inner.getMany(...args)) as ReadModelStore['getMany'];
  find = ((...args: Parameters<ReadModelStore['find']>) => this.inner.find(...args)) as ReadModelStore['find'];
  count = (...args: Parameters<ReadModelStore['count']>) => this.inner.count(...args);
  getCheckpoint = (name: string) => this.inner.getCheckpoint(name);
  clear = (...args: Parameters<ReadModelStore['clear']>) => this.inner.clear(...args);
  close = () => this.inner.close();

  async commit(changes: Change[], checkpoint?: Checkpoint | readonly Checkpoint[]): Promise<void> {
    this.commits++;
    if (this.failBefore.has(this.commits)) throw new Error(`commit ${this.commits} failed`);
    await this.inner.commit(changes, checkpoint);
    const moved = checkpointList(checkpoint).find(({ name }) => name === accountsProjection.name);
    if (moved) this.checkpoints.push(BigInt(moved.position));
    if (this.failAfter.has(this.commits)) throw new Error(`commit ${this.commits}: acknowledgement lost`);
  }
}

/** Remembers where each subscription started. */
function recordSubscriptions(eventStore: EventStore): (bigint | undefined)[] {
  const starts: (bigint | undefined)[] = [];
  const subscribe = eventStore.subscribeToAll.bind(eventStore);
  eventStore.subscribeToAll = (options?: SubscribeToAllOptions) => {
    starts.push(options?.after);
    return subscribe(options);
  };
  return starts;
}

async function expectConsistent(eventStore: EventStore, readModels: ReadModelStore, stores: TempStores): Promise<void> {
  const balances = await expectedBalances(eventStore);
  const accounts = await readModels.find<AccountDoc>(collections.accounts.name);
  expect(accounts).toHaveLength(balances.size);
  for (const account of accounts) expect(account.balance).toBe(balances.get(account.accountNumber));
  const rebuilt = await stores.readModels('rebuilt.db');
  await rebuildReadModels({ eventStore, readModels: rebuilt });
  expect(await dumpReadModels(readModels)).toEqual(await dumpReadModels(rebuilt));
}

const strictlyIncreasing = (positions: bigint[]): boolean =>
  positions.every((p, i) => i === 0 || p > positions[i - 1]!);

describe('crash safety', () => {
  let stores: TempStores;
  beforeEach(() => (stores = new TempStores()));
  afterEach(() => stores.dispose());

  it('a projections process killed with SIGKILL mid-way resumes from its checkpoint without applying any event twice', async () => {
    const eventStore = stores.eventStore();
    const appends: HistoryAppend[] = [...generateLedgerHistory(HISTORY)];
    const half = Math.floor(appends.length / 2);
    await appendHistory(eventStore, appends.slice(0, half));

    const child = spawn(
      process.execPath,
      [join(__dirname, 'support/projecting-child.cjs'), stores.path('events.db'), stores.path('read-models.db')],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    let reported = 0n;
    const target = (await lastPosition(eventStore)) / 3n;
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        for (const line of chunk.toString().trim().split('\n')) reported = BigInt(line);
        if (reported >= target) resolve();
      });
      child.on('exit', () => reject(new Error('projections child exited early')));
    });
    // keep appending while the child projects, then kill it in the middle of its work
    const rest = appendHistory(eventStore, appends.slice(half));
    await new Promise((resolve) => setTimeout(resolve, 30));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    await rest;

    const readModels = await stores.readModels();
    const checkpoint = (await readModelsPosition(readModels)) ?? 0n;
    expect(checkpoint).toBeGreaterThanOrEqual(target);
    const last = await lastPosition(eventStore);
    expect(checkpoint).toBeLessThan(last);

    const starts = recordSubscriptions(eventStore);
    const projections = await startProjections({ eventStore, readModels });
    await projections.waitForPosition(last, 20_000);
    await projections.stop();
    expect(starts[0]).toBe(checkpoint);

    await expectConsistent(eventStore, readModels, stores);
  });

  it('stopping mid-way and starting again continues exactly after the last committed batch', async () => {
    const eventStore = stores.eventStore();
    const appends: HistoryAppend[] = [...generateLedgerHistory(HISTORY)];
    const readModels = new RecordingStore(await stores.readModels());

    const first = await startProjections({ eventStore, readModels, batchSize: 5 });
    const appending = appendHistory(eventStore, appends, { concurrency: 4 });
    while ((first.position() ?? 0n) < 300n) await new Promise((resolve) => setTimeout(resolve, 1));
    await first.stop();
    const stoppedAt = first.position()!;
    expect(await readModelsPosition(readModels)).toBe(stoppedAt);
    await appending;
    expect(stoppedAt).toBeLessThan(await lastPosition(eventStore));

    const starts = recordSubscriptions(eventStore);
    const second = await startProjections({ eventStore, readModels, batchSize: 50 });
    await second.waitForPosition(await lastPosition(eventStore), 20_000);
    await second.stop();

    expect(starts).toEqual([stoppedAt]);
    expect(strictlyIncreasing(readModels.checkpoints)).toBe(true);
    await expectConsistent(eventStore, readModels, stores);
  });

  it('failed commits apply nothing and are retried; a commit whose acknowledgement is lost is not applied again', async () => {
    const eventStore = stores.eventStore();
    await appendHistory(eventStore, generateLedgerHistory({ ...HISTORY, pupilsPerSchool: 6, days: 10 }));
    const readModels = new RecordingStore(await stores.readModels());
    readModels.failBefore = new Set([3, 4]);
    readModels.failAfter = new Set([6, 9]);

    const projections = await startProjections({ eventStore, readModels, batchSize: 20 });
    await projections.waitForPosition(await lastPosition(eventStore), 20_000);
    await projections.stop();

    expect(readModels.commits).toBeGreaterThan(9);
    expect(strictlyIncreasing(readModels.checkpoints)).toBe(true);
    await expectConsistent(eventStore, readModels, stores);
  });
});
