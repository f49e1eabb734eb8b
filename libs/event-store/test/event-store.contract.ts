import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import {
  IdempotencyConflictError,
  WrongExpectedRevisionError,
  type AllSubscription,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type RecordedEvent,
  type SubscriptionItem,
} from '../src/index.js';

export interface EventStoreContractOptions {
  /**
   * The store detects ids already stored in another stream and partially repeated appends
   * (SQLite). KurrentDB does not: see the note on KurrentDbEventStore.
   */
  strictIdempotency?: boolean;
  /** fast-check runs of the random-sequence property; default 25 */
  propertyRuns?: number;
}

/**
 * The behaviour every EventStore adapter must share. `openStore` gives a store for one test;
 * the suite closes it. Streams are named per test, and nothing assumes an empty log, so the
 * suite can run against a shared server.
 */
export function describeEventStoreContract(
  name: string,
  openStore: () => Promise<EventStore>,
  options: EventStoreContractOptions = {},
): void {
  const strictIdempotency = options.strictIdempotency ?? true;

  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    let tag: string;
    /** a stream name unique to this test */
    const stream = (label: string): string => `${label}-${tag}`;
    const ours = (event: RecordedEvent): boolean => event.streamId.endsWith(`-${tag}`);

    beforeEach(async () => {
      tag = randomUUID().slice(0, 8);
      store = await openStore();
    });
    afterEach(async () => {
      await store.close();
    });

    /** position of a fresh marker event: everything this test appends afterwards lies beyond it */
    async function headPosition(): Promise<bigint> {
      return (await store.append(stream('marker'), [newEvent()])).position;
    }

    describe('append and read', () => {
      it('appends to a new stream and reads it back in revision order', async () => {
        const events = [newEvent({ n: 1 }), newEvent({ n: 2 }), newEvent({ n: 3 })];
        const result = await store.append(stream('account'), events, { expectedRevision: 'no_stream' });

        const read = await store.readStream(stream('account'));
        expect(result.nextRevision).toBe(2n);
        expect(read.map((e) => e.id)).toEqual(events.map((e) => e.id));
        expect(read.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
        read.forEach((recorded, i) => {
          expect(recorded).toMatchObject({
            streamId: stream('account'),
            type: events[i]!.type,
            data: events[i]!.data,
            metadata: events[i]!.metadata,
          });
          expect(typeof recorded.position).toBe('bigint');
          expect(recorded.recordedAt).toBeInstanceOf(Date);
          expect(Number.isNaN(recorded.recordedAt.getTime())).toBe(false);
        });
        expectStrictlyIncreasing(read.map((e) => e.position));
        expect(read[2]!.position).toBe(result.position);
      });

      it('keeps nested JSON data and metadata intact', async () => {
        const event: EventToAppend = {
          id: randomUUID(),
          type: 'account.sale-recorded.v1',
          data: { items: [{ name: 'Пицца 125 г', qty: 1, price: 3450 }], total: 3450, note: null, paid: true },
          metadata: { actor: { kind: 'till', id: '24-01' }, correlationId: 'c-1' },
        };
        await store.append(stream('json'), [event]);
        const [read] = await store.readStream(stream('json'));
        expect(read!.data).toEqual(event.data);
        expect(read!.metadata).toEqual(event.metadata);
      });

      it('reads a stream that does not exist as empty', async () => {
        await expect(store.readStream(stream('missing'))).resolves.toEqual([]);
      });

      it('reads a stream from a revision, at most maxCount events', async () => {
        const events = Array.from({ length: 5 }, (_, n) => newEvent({ n }));
        await store.append(stream('account'), events);
        const read = await store.readStream(stream('account'), { fromRevision: 1n, maxCount: 3 });
        expect(read.map((e) => e.revision)).toEqual([1n, 2n, 3n]);
        expect(read.map((e) => e.id)).toEqual(events.slice(1, 4).map((e) => e.id));
      });

      it('rejects an append without events', async () => {
        await expect(store.append(stream('empty'), [])).rejects.toThrow();
      });

      it('positions of successive appends strictly increase and match the log', async () => {
        const results: AppendResult[] = [];
        for (let i = 0; i < 6; i++) results.push(await store.append(stream(`s${i % 2}`), [newEvent()]));
        expectStrictlyIncreasing(results.map((r) => r.position));
        const read = await store.readStream(stream('s0'));
        expect(read.map((e) => e.position)).toEqual([results[0]!.position, results[2]!.position, results[4]!.position]);
      });
    });

    describe('expected revision', () => {
      async function withTwoEvents(label: string): Promise<string> {
        await store.append(stream(label), [newEvent(), newEvent()]);
        return stream(label);
      }

      it('any: appends whatever the state', async () => {
        await expect(store.append(stream('a'), [newEvent()], { expectedRevision: 'any' })).resolves.toMatchObject({
          nextRevision: 0n,
        });
        await expect(store.append(stream('a'), [newEvent()], { expectedRevision: 'any' })).resolves.toMatchObject({
          nextRevision: 1n,
        });
        await expect(store.append(stream('a'), [newEvent()])).resolves.toMatchObject({ nextRevision: 2n });
      });

      it('no_stream: appends to a new stream, refuses an existing one', async () => {
        await expect(
          store.append(stream('new'), [newEvent()], { expectedRevision: 'no_stream' }),
        ).resolves.toMatchObject({ nextRevision: 0n });
        const existing = await withTwoEvents('existing');
        await expectWrongRevision(store.append(existing, [newEvent()], { expectedRevision: 'no_stream' }), {
          streamId: existing,
          expected: 'no_stream',
          actual: 1n,
        });
        expect(await store.readStream(existing)).toHaveLength(2);
      });

      it('stream_exists: appends to an existing stream, refuses a missing one', async () => {
        const existing = await withTwoEvents('existing');
        await expect(
          store.append(existing, [newEvent()], { expectedRevision: 'stream_exists' }),
        ).resolves.toMatchObject({
          nextRevision: 2n,
        });
        await expectWrongRevision(
          store.append(stream('missing'), [newEvent()], { expectedRevision: 'stream_exists' }),
          {
            streamId: stream('missing'),
            expected: 'stream_exists',
            actual: 'no_stream',
          },
        );
        expect(await store.readStream(stream('missing'))).toEqual([]);
      });

      it('exact revision: appends when it is the last revision', async () => {
        const existing = await withTwoEvents('existing');
        await expect(store.append(existing, [newEvent()], { expectedRevision: 1n })).resolves.toMatchObject({
          nextRevision: 2n,
        });
      });

      it('exact revision: refuses a stale or future revision and reports the actual one', async () => {
        const existing = await withTwoEvents('existing');
        await expectWrongRevision(store.append(existing, [newEvent()], { expectedRevision: 0n }), {
          streamId: existing,
          expected: 0n,
          actual: 1n,
        });
        await expectWrongRevision(store.append(existing, [newEvent()], { expectedRevision: 5n }), {
          streamId: existing,
          expected: 5n,
          actual: 1n,
        });
        expect(await store.readStream(existing)).toHaveLength(2);
      });

      it('exact revision: refuses a missing stream with actual no_stream', async () => {
        await expectWrongRevision(store.append(stream('missing'), [newEvent()], { expectedRevision: 0n }), {
          streamId: stream('missing'),
          expected: 0n,
          actual: 'no_stream',
        });
      });
    });

    describe('idempotency', () => {
      it('declares whether it detects ids stored in another stream', () => {
        expect(store.detectsIdsInOtherStreams).toBe(strictIdempotency);
      });

      it('a retry of the same append is a no-op returning the original result', async () => {
        const events = [newEvent(), newEvent()];
        const first = await store.append(stream('account'), events, { expectedRevision: 'no_stream' });
        const retry = await store.append(stream('account'), events, { expectedRevision: 'no_stream' });
        expect(retry).toEqual(first);
        expect(await store.readStream(stream('account'))).toHaveLength(2);
      });

      it('a retry with a now stale exact revision still returns the original result', async () => {
        await store.append(stream('account'), [newEvent()]);
        const events = [newEvent()];
        const first = await store.append(stream('account'), events, { expectedRevision: 0n });
        await store.append(stream('account'), [newEvent()], { expectedRevision: 1n });
        const retry = await store.append(stream('account'), events, { expectedRevision: 0n });
        expect(retry).toEqual(first);
        expect((await store.readStream(stream('account'))).map((e) => e.revision)).toEqual([0n, 1n, 2n]);
      });

      it('a retry with expected revision any appends nothing', async () => {
        const events = [newEvent()];
        const first = await store.append(stream('account'), events);
        const retry = await store.append(stream('account'), events);
        expect(retry).toEqual(first);
        expect(await store.readStream(stream('account'))).toHaveLength(1);
      });

      it('the same id twice in one append is refused', async () => {
        const event = newEvent();
        await expect(store.append(stream('account'), [event, event])).rejects.toBeInstanceOf(IdempotencyConflictError);
        expect(await store.readStream(stream('account'))).toEqual([]);
      });

      if (strictIdempotency) {
        it('an append repeating only some stored ids is a conflict and appends nothing', async () => {
          const [a, b] = [newEvent(), newEvent()];
          await store.append(stream('account'), [a]);
          const error = await store.append(stream('account'), [a, b]).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(IdempotencyConflictError);
          expect(error).toMatchObject({ streamId: stream('account'), eventId: a.id });
          const partialWithMatchingRevision = await store
            .append(stream('account'), [b, a], { expectedRevision: 0n })
            .catch((e: unknown) => e);
          expect(partialWithMatchingRevision).toBeInstanceOf(IdempotencyConflictError);
          expect((await store.readStream(stream('account'))).map((e) => e.id)).toEqual([a.id]);
        });

        it('an id stored in another stream is a conflict', async () => {
          const event = newEvent();
          await store.append(stream('first'), [event]);
          const error = await store.append(stream('second'), [event]).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(IdempotencyConflictError);
          expect(error).toMatchObject({ streamId: stream('second'), eventId: event.id });
          expect(await store.readStream(stream('second'))).toEqual([]);
        });

        it('stored ids in another order are a conflict', async () => {
          const [a, b] = [newEvent(), newEvent()];
          await store.append(stream('account'), [a, b]);
          await expect(store.append(stream('account'), [b, a])).rejects.toBeInstanceOf(IdempotencyConflictError);
        });
      }
    });

    describe('global log', () => {
      it('readAll pages through the log in commit order with strictly increasing positions', async () => {
        const base = await headPosition();
        const appended: string[] = [];
        for (let i = 0; i < 7; i++) {
          const events = i % 3 === 0 ? [newEvent(), newEvent()] : [newEvent()];
          await store.append(stream(`s${i % 3}`), events);
          appended.push(...events.map((e) => e.id));
        }

        const seen: RecordedEvent[] = [];
        let after = base;
        for (let pages = 0; pages < 1000; pages++) {
          const page = await store.readAll({ after, maxCount: 3 });
          expect(page.length).toBeLessThanOrEqual(3);
          if (page.length === 0) break;
          seen.push(...page);
          after = page[page.length - 1]!.position;
        }
        expectStrictlyIncreasing(seen.map((e) => e.position));
        expect(seen.every((e) => e.position > base)).toBe(true);
        expect(
          seen
            .filter(ours)
            .filter((e) => !e.streamId.startsWith('marker'))
            .map((e) => e.id),
        ).toEqual(appended);
      });

      it('readAll after the last position returns nothing new', async () => {
        const base = await headPosition();
        expect((await store.readAll({ after: base, maxCount: 10 })).filter(ours)).toEqual([]);
      });
    });

    describe('catch-up subscription', () => {
      it('replays from the start, reports caught up, then turns live until stopped', async () => {
        const before = [newEvent(), newEvent(), newEvent()];
        await store.append(stream('history'), before);
        const subscription = store.subscribeToAll();
        const reader = new SubscriptionReader(subscription);

        const replayed = await reader.until((items) => items.some((i) => i.kind === 'caughtUp'));
        const caughtUpAt = replayed.findIndex((i) => i.kind === 'caughtUp');
        const replayedEvents = eventsOf(replayed.slice(0, caughtUpAt)).filter(ours);
        expect(replayedEvents.map((e) => e.id)).toEqual(before.map((e) => e.id));
        const caughtUp = replayed[caughtUpAt] as Extract<SubscriptionItem, { kind: 'caughtUp' }>;
        expect(caughtUp.position).not.toBeNull();
        expect(caughtUp.position! >= replayedEvents[2]!.position).toBe(true);

        const receivedLive = reader.until((items) => eventsOf(items).filter(ours).length >= 2);
        const live = [newEvent(), newEvent()];
        await store.append(stream('live'), [live[0]!]);
        await store.append(stream('live'), [live[1]!]);
        const liveItems = await receivedLive;
        expect(
          eventsOf(liveItems)
            .filter(ours)
            .map((e) => e.id),
        ).toEqual(live.map((e) => e.id));

        await subscription.stop();
        await expect(reader.next()).resolves.toEqual({ done: true, value: undefined });
      });

      it('starts strictly after a checkpoint', async () => {
        const events = Array.from({ length: 5 }, (_, n) => newEvent({ n }));
        for (const event of events) await store.append(stream('account'), [event]);
        const [, second] = await store.readStream(stream('account'));

        const subscription = store.subscribeToAll({ after: second!.position });
        const reader = new SubscriptionReader(subscription);
        const items = await reader.until((all) => all.some((i) => i.kind === 'caughtUp'));
        await subscription.stop();

        const delivered = eventsOf(items);
        expect(delivered.every((e) => e.position > second!.position)).toBe(true);
        expect(delivered.filter(ours).map((e) => e.id)).toEqual(events.slice(2).map((e) => e.id));
      });

      it('reports caught up again after delivering a live burst', async () => {
        const subscription = store.subscribeToAll({ after: await headPosition() });
        const reader = new SubscriptionReader(subscription);
        await reader.until((items) => items.some((i) => i.kind === 'caughtUp'));
        const event = newEvent();
        const received = reader.until(
          (all) => eventsOf(all).some((e) => e.id === event.id) && all[all.length - 1]!.kind === 'caughtUp',
        );
        await store.append(stream('live'), [event]);
        const items = await received;
        expect(items[items.length - 1]).toEqual({ kind: 'caughtUp', position: expect.any(BigInt) as unknown });
        await subscription.stop();
      });

      it('stop() ends an iterator that is waiting for new events', async () => {
        const subscription = store.subscribeToAll({ after: await headPosition() });
        const delivered: SubscriptionItem[] = [];
        const consumed = (async () => {
          for await (const item of subscription) delivered.push(item);
        })();
        await waitFor(() => delivered.some((i) => i.kind === 'caughtUp'));
        await subscription.stop();
        await expect(withTimeout(consumed, 5000)).resolves.toBeUndefined();
      });

      it('breaking out of for-await stops the subscription', async () => {
        await store.append(stream('a'), [newEvent(), newEvent()]);
        const subscription = store.subscribeToAll();
        for await (const item of subscription) {
          if (item.kind === 'event') break;
        }
        await expect(subscription[Symbol.asyncIterator]().next()).resolves.toEqual({ done: true, value: undefined });
      });
    });

    describe('concurrency', () => {
      it('concurrent appends expecting the same revision: exactly one wins', async () => {
        await store.append(stream('account'), [newEvent()]);
        const attempts = await Promise.allSettled(
          Array.from({ length: 20 }, () => store.append(stream('account'), [newEvent()], { expectedRevision: 0n })),
        );
        const won = attempts.filter((a) => a.status === 'fulfilled');
        const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
        expect(won).toHaveLength(1);
        for (const { reason } of lost) {
          expect(reason).toBeInstanceOf(WrongExpectedRevisionError);
          expect((reason as WrongExpectedRevisionError).actual).toBe(1n);
        }
        expect(await store.readStream(stream('account'))).toHaveLength(2);
      });

      it('many writers retrying on conflicts: one winner per revision, no gaps, nothing lost', async () => {
        const writers = 8;
        const perWriter = 8;
        const written: string[] = [];
        await Promise.all(
          Array.from({ length: writers }, async () => {
            for (let i = 0; i < perWriter; i++) {
              const event = newEvent();
              for (let attempt = 0; ; attempt++) {
                if (attempt > 200) throw new Error('no progress');
                const last = (await store.readStream(stream('shared'))).at(-1);
                try {
                  await store.append(stream('shared'), [event], {
                    expectedRevision: last ? last.revision : 'no_stream',
                  });
                  written.push(event.id);
                  break;
                } catch (error) {
                  if (!(error instanceof WrongExpectedRevisionError)) throw error;
                }
              }
            }
          }),
        );
        const read = await store.readStream(stream('shared'));
        expect(read.map((e) => e.revision)).toEqual(Array.from({ length: writers * perWriter }, (_, i) => BigInt(i)));
        expect(new Set(read.map((e) => e.id))).toEqual(new Set(written));
      });

      it('an append that fails does not affect appends sent at the same time', async () => {
        await store.append(stream('b'), [newEvent()]);
        const good1 = newEvent();
        const good2 = [newEvent(), newEvent()];
        const bad = [newEvent(), newEvent()];
        const outcomes = await Promise.allSettled([
          store.append(stream('a'), [good1], { expectedRevision: 'no_stream' }),
          store.append(stream('b'), bad, { expectedRevision: 'no_stream' }),
          store.append(stream('c'), good2, { expectedRevision: 'no_stream' }),
        ]);
        expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
        expect((await store.readStream(stream('a'))).map((e) => e.id)).toEqual([good1.id]);
        expect(await store.readStream(stream('b'))).toHaveLength(1);
        expect((await store.readStream(stream('c'))).map((e) => e.id)).toEqual(good2.map((e) => e.id));
      });
    });

    describe('property: random append sequences read back exactly', () => {
      type Expectation = 'any' | 'no_stream' | 'stream_exists' | 'exact' | 'stale' | 'ahead';
      const commandArb = fc.record({
        stream: fc.nat(2),
        count: fc.integer({ min: 1, max: 3 }),
        expectation: fc.constantFrom<Expectation>('any', 'no_stream', 'stream_exists', 'exact', 'stale', 'ahead'),
        retry: fc.nat(9),
      });

      it('every outcome matches the model and the log holds exactly the accepted events', async () => {
        await fc.assert(
          fc.asyncProperty(fc.array(commandArb, { maxLength: 14 }), async (commands) => {
            const run = randomUUID().slice(0, 8);
            const name = (s: number): string => `prop${s}-${run}-${tag}`;
            const base = await headPosition();
            const model = new Map<number, string[]>();
            const accepted: Array<{
              s: number;
              events: EventToAppend[];
              expected: ExpectedRevision;
              result: AppendResult;
            }> = [];
            const globalOrder: string[] = [];

            for (const command of commands) {
              if (command.retry < 2 && accepted.length > 0) {
                const original = accepted[command.retry % accepted.length]!;
                const again = await store.append(name(original.s), original.events, {
                  expectedRevision: original.expected,
                });
                expect(again).toEqual(original.result);
                continue;
              }
              const ids = model.get(command.stream) ?? [];
              const current = BigInt(ids.length - 1);
              const expected = expectedFor(command.expectation, current);
              const events = Array.from({ length: command.count }, () => newEvent());
              const accepts =
                expected === 'any' ||
                (expected === 'no_stream' && current < 0n) ||
                (expected === 'stream_exists' && current >= 0n) ||
                expected === current;
              const outcome = await store.append(name(command.stream), events, { expectedRevision: expected }).then(
                (result) => ({ result }),
                (error: unknown) => ({ error }),
              );
              if (accepts) {
                if ('error' in outcome) throw outcome.error;
                expect(outcome.result.nextRevision).toBe(current + BigInt(events.length));
                model.set(command.stream, [...ids, ...events.map((e) => e.id)]);
                accepted.push({ s: command.stream, events, expected, result: outcome.result });
                globalOrder.push(...events.map((e) => e.id));
              } else {
                expect('error' in outcome && outcome.error).toBeInstanceOf(WrongExpectedRevisionError);
                expect('error' in outcome && outcome.error).toMatchObject({
                  actual: current < 0n ? 'no_stream' : current,
                });
              }
            }

            for (const s of [0, 1, 2]) {
              const read = await store.readStream(name(s));
              expect(read.map((e) => e.id)).toEqual(model.get(s) ?? []);
              expect(read.map((e) => e.revision)).toEqual(read.map((_, i) => BigInt(i)));
            }
            const logged = (await store.readAll({ after: base, maxCount: 1000 })).filter((e) =>
              e.streamId.includes(`-${run}-`),
            );
            expect(logged.map((e) => e.id)).toEqual(globalOrder);
          }),
          { numRuns: options.propertyRuns ?? 25 },
        );
      });

      function expectedFor(expectation: Expectation, current: bigint): ExpectedRevision {
        switch (expectation) {
          case 'exact':
            return current < 0n ? 'no_stream' : current;
          case 'stale':
            return current >= 1n ? current - 1n : current + 2n;
          case 'ahead':
            return current + 1n;
          default:
            return expectation;
        }
      }
    });
  });
}

export function newEvent(data: EventToAppend['data'] = {}): EventToAppend {
  return {
    id: randomUUID(),
    type: 'test.something-happened.v1',
    data: { ...data, at: '2025-09-01T08:00:00.000Z' },
    metadata: { actor: 'contract-test', correlationId: randomUUID() },
  };
}

export function eventsOf(items: SubscriptionItem[]): RecordedEvent[] {
  return items.flatMap((item) => (item.kind === 'event' ? [item.event] : []));
}

export function expectStrictlyIncreasing(values: bigint[]): void {
  values.slice(1).forEach((value, i) => expect(value > values[i]!).toBe(true));
}

export async function expectWrongRevision(
  append: Promise<unknown>,
  expected: { streamId: string; expected: ExpectedRevision; actual: bigint | 'no_stream' },
): Promise<void> {
  const error = await append.then(
    () => new Error('append was accepted'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  expect(error).toMatchObject(expected);
}

/** Pulls items from a subscription with a time limit, keeping the iterator open between calls. */
export class SubscriptionReader {
  private readonly iterator: AsyncIterator<SubscriptionItem>;

  constructor(subscription: AllSubscription) {
    this.iterator = subscription[Symbol.asyncIterator]();
  }

  next(): Promise<IteratorResult<SubscriptionItem>> {
    return withTimeout(this.iterator.next(), 10_000);
  }

  /** items received until `done(items)` holds */
  async until(done: (items: SubscriptionItem[]) => boolean, timeoutMs = 10_000): Promise<SubscriptionItem[]> {
    const items: SubscriptionItem[] = [];
    const deadline = Date.now() + timeoutMs;
    while (!done(items)) {
      const result = await withTimeout(this.iterator.next(), Math.max(1, deadline - Date.now()));
      if (result.done) throw new Error(`subscription ended after ${items.length} items`);
      items.push(result.value);
    }
    return items;
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
