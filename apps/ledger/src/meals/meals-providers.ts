/** Meal management's controllers and providers (seed 004), for LedgerModule. */
import type { Provider } from '@nestjs/common';
import type { EventStore } from '@meals/event-store';
import { DAY_ORDERS_READER } from '../jobs/day-orders-reader.js';
import { ORDER_SETTINGS_READER } from '../jobs/order-settings-reader.js';
import type { LedgerMetrics } from '../observability/metrics.js';
import { ClassOrdersService } from './class-orders.service.js';
import { DaySyncReader } from './day-sync-reader.js';
import { DepartmentsController } from './departments.controller.js';
import { MealAccess } from './meal-access.js';
import { MealTypeAggregates, OrderSettingsAggregates, SchoolMealsAggregates } from './meal-aggregates.js';
import { MealTypesController } from './meal-types.controller.js';
import { MealTypesService } from './meal-types.service.js';
import { ReadModelDayOrders } from './read-model-day-orders.js';
import { SchoolMealsController } from './school-meals.controller.js';
import { SchoolMealsService } from './school-meals.service.js';

export const MEALS_CONTROLLERS = [DepartmentsController, MealTypesController, SchoolMealsController];

export function mealsProviders(eventStore: EventStore, metrics: LedgerMetrics): Provider[] {
  return [
    { provide: MealTypeAggregates, useFactory: () => new MealTypeAggregates(eventStore, metrics) },
    { provide: OrderSettingsAggregates, useFactory: () => new OrderSettingsAggregates(eventStore, metrics) },
    { provide: SchoolMealsAggregates, useFactory: () => new SchoolMealsAggregates(eventStore, metrics) },
    DaySyncReader,
    MealAccess,
    MealTypesService,
    SchoolMealsService,
    ClassOrdersService,
    ReadModelDayOrders,
    // the jobs slice reads the day orders and the sync settings through its ports
    { provide: DAY_ORDERS_READER, useExisting: ReadModelDayOrders },
    { provide: ORDER_SETTINGS_READER, useExisting: ReadModelDayOrders },
  ];
}
