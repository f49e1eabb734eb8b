import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IdempotencyConflictError, WrongExpectedRevisionError, type EventStore } from '../src/index.js';
import { openSqliteEventStore, SqliteEventStore } from '../src/sqlite/index.js';
import { createEventStore } from '../src/create-event-store.js';
import {
  describeEventStoreContract,
  eventsOf,
  expectStrictlyIncreasing,
  expectWrongRevision,
  newEvent,
  SubscriptionReader,
} from './event-store.contract.js';

let dir: string;
let fileCount = 0;
const newPath = (): string => join(dir, `events-${++fileCount}.db`);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sqlite-event-store-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describeEventStoreContract('SqliteEventStore', async () =>
  openSqliteEventStore({ path: newPath(), pollIntervalMs: 10 }),
);

describe('SqliteEventStore', () => {
  const open: EventStore[] = [];
  function openStore(path: string, pollIntervalMs = 10): SqliteEventStore {
    const store = openSqliteEventStore({ path, pollIntervalMs });
    open.push(store);
    return store;
  }
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
  });

  describe('group commit', () => {
    it('appends to one stream sent together see each other, in the order sent', async () => {
      const store = openStore(newPath());
      const [a, b, c] = [newEvent(), newEvent(), newEvent()];
      const outcomes = await Promise.allSettled([
        store.append('s', [a], { expectedRevision: 'no_stream' }),
        store.append('s', [b], { expectedRevision: 0n }),
        store.append('s', [c], { expectedRevision: 'no_stream' }),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
      expect((outcomes[2] as PromiseRejectedResult).reason).toMatchObject({ actual: 1n });
      expect((await store.readStream('s')).map((e) => e.id)).toEqual([a.id, b.id]);
    });

    it('a multi-event append failing on its second event leaves nothing behind, neighbours commit', async () => {
      const store = openStore(newPath());
      const taken = newEvent();
      await store.append('elsewhere', [taken]);
      const before = newEvent();
      const after = newEvent();
      const outcomes = await Promise.allSettled([
        store.append('a', [before]),
        store.append('d', [newEvent(), taken, newEvent()]),
        store.append('a', [after]),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(IdempotencyConflictError);
      expect(await store.readStream('d')).toEqual([]);
      expect((await store.readStream('a')).map((e) => e.revision)).toEqual([0n, 1n]);
    });

    it('appends sent on later turns, before the earlier ones are acknowledged, are written after them', async () => {
      const store = openStore(newPath());
      const events = Array.from({ length: 30 }, (_, n) => newEvent({ n }));
      const pending: Promise<unknown>[] = [];
      for (const [n, event] of events.entries()) {
        pending.push(store.append('turns', [event], { expectedRevision: n === 0 ? 'no_stream' : BigInt(n - 1) }));
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      const results = await Promise.all(pending);
      expect(results.at(-1)).toMatchObject({ nextRevision: 29n });
      expect((await store.readStream('turns')).map((e) => e.id)).toEqual(events.map((e) => e.id));
    });

    it('a retry sent together with its original is recognised', async () => {
      const store = openStore(newPath());
      const events = [newEvent(), newEvent()];
      const [first, retry] = await Promise.all([
        store.append('s', events, { expectedRevision: 'no_stream' }),
        store.append('s', events, { expectedRevision: 'no_stream' }),
      ]);
      expect(retry).toEqual(first);
      expect(await store.readStream('s')).toHaveLength(2);
    });

    it('a flood of appends is split into several transactions and keeps its order', async () => {
      const store = openStore(newPath());
      const events = Array.from({ length: 4500 }, (_, n) => newEvent({ n }));
      const results = await Promise.all(
        events.map((event, n) =>
          store.append('flood', [event], { expectedRevision: n === 0 ? 'no_stream' : BigInt(n - 1) }),
        ),
      );
      expect(results.at(-1)!.nextRevision).toBe(4499n);
      expect((await store.readStream('flood')).map((e) => e.id)).toEqual(events.map((e) => e.id));
    });

    it('a value JSON cannot encode fails that append only', async () => {
      const store = openStore(newPath());
      const bad = { ...newEvent(), data: { amount: 10n } as never };
      await expect(store.append('s', [bad])).rejects.toThrow(TypeError);
      await expect(store.append('s', [newEvent()])).resolves.toMatchObject({ nextRevision: 0n });
    });

    it('close() writes appends still queued', async () => {
      const path = newPath();
      const store = openSqliteEventStore({ path });
      const pending = store.append('s', [newEvent()]);
      await store.close();
      await expect(pending).resolves.toMatchObject({ nextRevision: 0n });
      await expect(store.append('s', [newEvent()])).rejects.toThrow(/closed/);
      expect(await openStore(path).readStream('s')).toHaveLength(1);
    });
  });

  describe('file', () => {
    it('survives closing and reopening, and continues revisions and positions', async () => {
      const path = newPath();
      const first = openSqliteEventStore({ path });
      const written = [newEvent(), newEvent()];
      const result = await first.append('account-1', written, { expectedRevision: 'no_stream' });
      await first.close();

      const reopened = openStore(path);
      const read = await reopened.readStream('account-1');
      expect(read.map((e) => e.id)).toEqual(written.map((e) => e.id));
      expect(read[1]!.position).toBe(result.position);
      await expectWrongRevision(reopened.append('account-1', [newEvent()], { expectedRevision: 'no_stream' }), {
        streamId: 'account-1',
        expected: 'no_stream',
        actual: 1n,
      });
      const next = await reopened.append('account-1', [newEvent()], { expectedRevision: 1n });
      expect(next.nextRevision).toBe(2n);
      expect(next.position > result.position).toBe(true);
    });

    it('is created by createEventStore', async () => {
      const path = newPath();
      const store = await createEventStore({ kind: 'sqlite', path });
      open.push(store);
      await store.append('s', [newEvent()]);
      expect(await store.readStream('s')).toHaveLength(1);
    });
  });

  describe('two store instances on one file', () => {
    it('each sees the revisions the other wrote', async () => {
      const path = newPath();
      const a = openStore(path);
      const b = openStore(path);
      await a.append('s', [newEvent()], { expectedRevision: 'no_stream' });
      await b.append('s', [newEvent()], { expectedRevision: 0n });
      await expectWrongRevision(a.append('s', [newEvent()], { expectedRevision: 0n }), {
        streamId: 's',
        expected: 0n,
        actual: 1n,
      });
      await expect(a.append('s', [newEvent()])).resolves.toMatchObject({ nextRevision: 2n });
      await expect(b.append('s', [newEvent()], { expectedRevision: 2n })).resolves.toMatchObject({ nextRevision: 3n });
    });

    it('writing concurrently never duplicates or skips a revision', async () => {
      const path = newPath();
      const stores = [openStore(path), openStore(path)];
      const written: string[] = [];
      await Promise.all(
        Array.from({ length: 8 }, async (_, writer) => {
          const store = stores[writer % 2]!;
          for (let i = 0; i < 15; i++) {
            const streamId = `shared-${i % 3}`;
            const event = newEvent();
            if (i % 2 === 0) {
              await store.append(streamId, [event]);
            } else {
              for (let attempt = 0; ; attempt++) {
                if (attempt > 100) throw new Error('no progress: revisions are not seen across instances');
                const last = (await store.readStream(streamId)).at(-1);
                try {
                  await store.append(streamId, [event], { expectedRevision: last ? last.revision : 'no_stream' });
                  break;
                } catch (error) {
                  if (!(error instanceof WrongExpectedRevisionError)) throw error;
                }
              }
            }
            written.push(event.id);
          }
        }),
      );
      const all = await stores[0]!.readAll({ maxCount: 10_000 });
      expect(all.map((e) => e.id).sort()).toEqual([...written].sort());
      expectStrictlyIncreasing(all.map((e) => e.position));
      for (const streamId of ['shared-0', 'shared-1', 'shared-2']) {
        const read = await stores[1]!.readStream(streamId);
        expect(read.map((e) => e.revision)).toEqual(read.map((_, i) => BigInt(i)));
      }
    });

    it("a live subscription of one instance receives the other's appends by polling", async () => {
      const path = newPath();
      const a = openStore(path, 20);
      const b = openStore(path, 20);
      const subscription = a.subscribeToAll();
      const reader = new SubscriptionReader(subscription);
      await reader.until((items) => items.some((i) => i.kind === 'caughtUp'));
      // the subscription is already waiting when the other instance appends
      const received = reader.until((all) => eventsOf(all).length >= 2, 5000);
      const fromB = [newEvent(), newEvent()];
      await b.append('from-b', fromB);
      const items = await received;
      expect(eventsOf(items).map((e) => e.id)).toEqual(fromB.map((e) => e.id));
      await subscription.stop();
    });
  });

  describe('subscription', () => {
    it('replays a log longer than one page in order, then reports caught up at the last position', async () => {
      const store = openStore(newPath());
      const ids: string[] = [];
      for (let batch = 0; batch < 12; batch++) {
        const events = Array.from({ length: 100 }, (_, n) => newEvent({ n }));
        await store.append(`s-${batch % 4}`, events);
        ids.push(...events.map((e) => e.id));
      }
      const subscription = store.subscribeToAll();
      const reader = new SubscriptionReader(subscription);
      const items = await reader.until((all) => all.some((i) => i.kind === 'caughtUp'));
      const events = eventsOf(items);
      expect(events.map((e) => e.id)).toEqual(ids);
      expectStrictlyIncreasing(events.map((e) => e.position));
      expect(items.at(-1)).toEqual({ kind: 'caughtUp', position: events.at(-1)!.position });
      await subscription.stop();
    });

    it('on an empty store reports caught up with no position, then delivers the first event', async () => {
      const store = openStore(newPath());
      const subscription = store.subscribeToAll();
      const reader = new SubscriptionReader(subscription);
      await expect(reader.next()).resolves.toEqual({ done: false, value: { kind: 'caughtUp', position: null } });
      const received = reader.until((all) => all.length >= 2);
      const event = newEvent();
      const { position } = await store.append('s', [event]);
      const items = await received;
      expect(items[0]).toMatchObject({ kind: 'event', event: { id: event.id, position } });
      expect(items[1]).toEqual({ kind: 'caughtUp', position });
      await subscription.stop();
    });

    it('close() ends open subscriptions', async () => {
      const store = openSqliteEventStore({ path: newPath() });
      const subscription = store.subscribeToAll();
      const reader = new SubscriptionReader(subscription);
      await reader.next();
      const waiting = reader.next();
      await store.close();
      await expect(waiting).resolves.toEqual({ done: true, value: undefined });
    });
  });
});
