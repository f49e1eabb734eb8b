/** Background jobs (BullMQ on Redis) and the supplier they deliver to: controllers and providers for LedgerModule. */
import type { Provider } from '@nestjs/common';
import type { EventStore } from '@meals/event-store';
import type { Logger } from 'pino';
import { commandMetricsOf } from '../infrastructure/command-metrics.js';
import { CLOCK, LOGGER, type Clock } from '../infrastructure/tokens.js';
import type { LedgerMetrics } from '../observability/metrics.js';
import { MEAL_SUPPLIER, type MealSupplier } from '../suppliers/meal-supplier.js';
import { SUPPLIER_CONTROLLERS, supplierProviders } from '../suppliers/supplier-providers.js';
import { AutoResyncHandler } from './auto-resync.handler.js';
import { DAY_ORDERS_READER, type DayOrdersReader } from './day-orders-reader.js';
import { defaultJobsSettings, JOBS_SETTINGS, type JobsSettings } from './jobs-settings.js';
import { MEAL_DAY_START, type MealDayStart } from './meal-day-start.js';
import { MealJobs } from './meal-jobs.js';
import { MealsDayStart } from './meals-day-start.js';
import { MealSyncs } from './meal-syncs.js';
import { ORDER_SETTINGS_READER, type OrderSettingsReader } from './order-settings-reader.js';
import { SchoolDaySync } from './school-day-sync.js';
import { SyncStatuses } from './sync-statuses.js';
import { SyncsController } from './syncs.controller.js';

export const JOBS_CONTROLLERS = [SyncsController, ...SUPPLIER_CONTROLLERS];

export interface JobsOptions {
  settings?: JobsSettings;
  /** a supplier of the test's own instead of the configured one */
  supplier?: MealSupplier;
  /** tests' fakes of what the meals slice binds (see the ports) */
  dayOrdersReader?: DayOrdersReader;
  orderSettings?: OrderSettingsReader;
  dayStart?: MealDayStart;
}

export function jobsProviders(eventStore: EventStore, metrics: LedgerMetrics, options: JobsOptions = {}): Provider[] {
  const settings = options.settings ?? defaultJobsSettings();
  return [
    { provide: JOBS_SETTINGS, useValue: settings },
    ...supplierProviders(settings.supplier, options.supplier),
    { provide: MealSyncs, useFactory: () => new MealSyncs(eventStore, commandMetricsOf(metrics)) },
    {
      provide: SchoolDaySync,
      inject: [MealSyncs, MEAL_SUPPLIER, CLOCK, LOGGER, DAY_ORDERS_READER],
      useFactory: (syncs: MealSyncs, supplier: MealSupplier, clock: Clock, logger: Logger, reader: DayOrdersReader) =>
        new SchoolDaySync({ syncs, supplier, clock, logger, reader }),
    },
    MealJobs,
    SyncStatuses,
    AutoResyncHandler,
    // the day-start job's side of meal management (over the meals slice's service) or a test's fake
    options.dayStart
      ? { provide: MEAL_DAY_START, useValue: options.dayStart }
      : { provide: MEAL_DAY_START, useClass: MealsDayStart },
    // the meals slice binds the readers; a test's fakes replace them (later bindings win)
    ...(options.dayOrdersReader ? [{ provide: DAY_ORDERS_READER, useValue: options.dayOrdersReader }] : []),
    ...(options.orderSettings ? [{ provide: ORDER_SETTINGS_READER, useValue: options.orderSettings }] : []),
  ];
}
