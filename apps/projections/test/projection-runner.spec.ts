import { randomUUID } from 'node:crypto';
import { accountStreamId, type LedgerEvent } from '@meals/domain';
import type { EventStore, EventToAppend, JsonObject } from '@meals/event-store';
import type { ReadModelStore } from '@meals/read-model-store';
import { startProjections, type ProjectionsHandle } from '@meals/projections';
import { collections, readModelsPosition } from '@meals/read-models';
import { TempStores } from './support/temp-stores.js';

const A = '0240000011';
const toAppend = (event: LedgerEvent): EventToAppend => ({
  id: randomUUID(),
  type: event.type,
  data: event.data as unknown as JsonObject,
  metadata: { occurredAt: '2025-09-01T08:00:00.000Z' },
});
const opened: LedgerEvent = {
  type: 'account.opened.v1',
  data: { accountNumber: A, schoolId: '24', className: '03Б', fullName: 'Иванова Алёна' },
};
const topUp = (amount: number): LedgerEvent => ({
  type: 'account.topped-up.v1',
  data: { accountNumber: A, paymentId: randomUUID(), channel: 'terminal', amount, paidAt: '2025-09-01T08:00:00.000Z' },
});

describe('ProjectionRunner', () => {
  let stores: TempStores;
  let eventStore: EventStore;
  let readModels: ReadModelStore;
  let projections: ProjectionsHandle | undefined;

  beforeEach(async () => {
    stores = new TempStores();
    eventStore = stores.eventStore();
    readModels = await stores.readModels();
  });
  afterEach(async () => {
    await projections?.stop();
    projections = undefined;
    await stores.dispose();
  });

  it('starts with no position on an empty log, then follows appends (read-your-write with waitForPosition)', async () => {
    projections = await startProjections({ eventStore, readModels });
    expect(projections.position()).toBeNull();
    const { position } = await eventStore.append(accountStreamId(A), [toAppend(opened), toAppend(topUp(5000))]);
    await projections.waitForPosition(position);
    expect((await readModels.get(collections.accounts.name, A))?.['balance']).toBe(5000);
    expect(projections.position()).toBe(position);

    // a single live event is committed without waiting for a full batch
    const next = await eventStore.append(accountStreamId(A), [toAppend(topUp(700))]);
    await projections.waitForPosition(next.position, 2000);
    expect((await readModels.get(collections.accounts.name, A))?.['balance']).toBe(5700);
    // a position already reached resolves at once
    await expect(projections.waitForPosition(1n, 0)).resolves.toBeUndefined();
  });

  it('waitForPosition rejects after its timeout when the position is not reached', async () => {
    projections = await startProjections({ eventStore, readModels });
    await expect(projections.waitForPosition(999n, 30)).rejects.toThrow(/did not reach position 999 within 30 ms/);
  });

  it('resumes from the stored checkpoint and rejects waiters when stopped', async () => {
    await eventStore.append(accountStreamId(A), [toAppend(opened), toAppend(topUp(100))]);
    projections = await startProjections({ eventStore, readModels, batchSize: 1 });
    await projections.waitForPosition(2n);
    const pending = projections.waitForPosition(50n, 10_000);
    await projections.stop();
    await expect(pending).rejects.toThrow(/stopped/);
    expect(await readModelsPosition(readModels)).toBe(2n);

    await eventStore.append(accountStreamId(A), [toAppend(topUp(1))]);
    projections = await startProjections({ eventStore, readModels });
    expect(projections.position()).toBe(2n);
    await projections.waitForPosition(3n);
    expect((await readModels.get(collections.accounts.name, A))?.['balance']).toBe(101);
  });

  it('resubscribes after the committed position when the subscription fails', async () => {
    const events = [toAppend(opened), ...[1, 2, 3, 4, 5, 6].map((n) => toAppend(topUp(n * 100)))];
    const { position: last } = await eventStore.append(accountStreamId(A), events);
    const subscribe = eventStore.subscribeToAll.bind(eventStore);
    const starts: (bigint | undefined)[] = [];
    eventStore.subscribeToAll = (options) => {
      starts.push(options?.after);
      const inner = subscribe(options);
      if (starts.length > 1) return inner;
      // the first subscription breaks after three events
      return {
        stop: () => inner.stop(),
        async *[Symbol.asyncIterator]() {
          let delivered = 0;
          for await (const item of inner) {
            if (item.kind === 'event' && delivered++ === 3) throw new Error('connection reset');
            yield item;
          }
        },
      };
    };
    const errors: string[] = [];
    projections = await startProjections({
      eventStore,
      readModels,
      batchSize: 2,
      logger: { info() {}, warn() {}, error: (_details, message) => errors.push(message) },
    });
    await projections.waitForPosition(last, 5_000);
    expect(errors).toContain('subscription failed; resubscribing');
    expect(starts).toEqual([undefined, 3n]);
    expect((await readModels.get(collections.accounts.name, A))?.['balance']).toBe(2100);
  });
});
