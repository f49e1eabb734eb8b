/**
 * One sync of one school's orders for one day, as a job runs it (in the ledger or in a
 * separate worker process): read the day's orders, skip a version already delivered,
 * deliver with the delivery id of the version (the supplier keeps the first of each id),
 * then record the delivery on the sync stream (the decider records a version once). A
 * worker that dies anywhere in between leaves a job that runs again: the supplier and the
 * stream each end up with the version exactly once. A failure is recorded and rethrown,
 * so the queue retries it with backoff.
 */
import { systemContext } from '@meals/command-runner';
import { isVersionDelivered, mealDeliveryId, mealSyncId } from '@meals/domain';
import type { Logger } from 'pino';
import { SupplierDeliveryError, type MealSupplier } from '../suppliers/meal-supplier.js';
import type { DayOrdersReader } from './day-orders-reader.js';
import type { MealSyncs } from './meal-syncs.js';

export interface SchoolDay {
  schoolId: string;
  date: string;
  /** the order version known to exist (default 1): an older one read means the read model lags */
  minVersion?: number;
}

/** The order read model is behind the version the job was queued for: retried, not recorded. */
export class OrdersNotCaughtUp extends Error {
  override readonly name = 'OrdersNotCaughtUp';
}

export type SyncOutcome =
  | { result: 'delivered'; version: number; deliveryId: string }
  | { result: 'already_delivered'; version: number }
  | { result: 'no_orders'; version: 0 };

export interface SchoolDaySyncDeps {
  syncs: MealSyncs;
  reader: DayOrdersReader;
  supplier: MealSupplier;
  clock: () => Date;
  logger: Logger;
}

const PROCESS = 'meal-sync-job';

export class SchoolDaySync {
  constructor(private readonly deps: SchoolDaySyncDeps) {}

  /** `attempt` counts from 1; `jobId` becomes the events' causation id. */
  async run({ schoolId, date, minVersion = 1 }: SchoolDay, attempt: number, jobId: string): Promise<SyncOutcome> {
    const { syncs, reader, supplier, clock } = this.deps;
    const orders = await reader.readDayOrders(schoolId, date);
    if (orders.version < minVersion) {
      if (orders.version < 1 && minVersion <= 1) return { result: 'no_orders', version: 0 };
      throw new OrdersNotCaughtUp(
        `orders of ${schoolId} on ${date}: version ${orders.version}, expected ${minVersion}`,
      );
    }
    const id = mealSyncId(schoolId, date);
    // fresh from the stream: another worker may have delivered it a moment ago
    const { state } = await syncs.reload(id);
    if (isVersionDelivered(state, orders.version)) return { result: 'already_delivered', version: orders.version };
    const { version, lines } = orders;
    const deliveryId = mealDeliveryId(schoolId, date, version);
    const context = () => systemContext(PROCESS, { causationId: jobId }, clock());
    try {
      await supplier.deliver({ deliveryId, schoolId, date, version, lines, sentAt: clock().toISOString() });
    } catch (error) {
      const reason = error instanceof SupplierDeliveryError ? error.message : 'internal error';
      this.deps.logger.warn({ err: error, deliveryId, attempt }, 'meal delivery failed');
      await syncs
        .run(
          id,
          {
            type: 'RecordMealSyncFailure',
            schoolId,
            date,
            version,
            attempt,
            error: reason,
            failedAt: clock().toISOString(),
          },
          context(),
        )
        .catch((recordError: unknown) =>
          this.deps.logger.error({ err: recordError }, 'could not record a failed delivery'),
        );
      throw error;
    }
    await syncs.run(
      id,
      { type: 'RecordMealSyncDelivery', schoolId, date, version, deliveredAt: clock().toISOString() },
      context(),
    );
    return { result: 'delivered', version, deliveryId };
  }
}
