/**
 * Meal management's aggregates as the ledger loads and saves them (seed 004): meal types
 * `meal-type-<id>`, order settings `meal-settings-<departmentId>`, a school's meals
 * `school-meals-<schoolId>`. Few and small: all stay cached.
 */
import { CommandRunner } from '@meals/command-runner';
import {
  mealTypeDecider,
  orderSettingsDecider,
  schoolMealsDecider,
  type MealSettingsEvent,
  type MealTypeCommand,
  type MealTypeEvent,
  type MealTypeState,
  type OrderSettingsState,
  type SaveOrderSettings,
  type SchoolMealsCommand,
  type SchoolMealsEvent,
  type SchoolMealsState,
} from '@meals/domain';
import type { EventStore } from '@meals/event-store';
import { commandMetricsOf } from '../infrastructure/command-metrics.js';
import type { LedgerMetrics } from '../observability/metrics.js';

export class MealTypeAggregates extends CommandRunner<MealTypeCommand, MealTypeState, MealTypeEvent> {
  constructor(eventStore: EventStore, metrics: LedgerMetrics) {
    super(mealTypeDecider, eventStore, { cacheCapacity: 5_000, metrics: commandMetricsOf(metrics) });
  }
}

export class OrderSettingsAggregates extends CommandRunner<SaveOrderSettings, OrderSettingsState, MealSettingsEvent> {
  constructor(eventStore: EventStore, metrics: LedgerMetrics) {
    super(orderSettingsDecider, eventStore, { cacheCapacity: 1_000, metrics: commandMetricsOf(metrics) });
  }
}

export class SchoolMealsAggregates extends CommandRunner<SchoolMealsCommand, SchoolMealsState, SchoolMealsEvent> {
  constructor(eventStore: EventStore, metrics: LedgerMetrics) {
    super(schoolMealsDecider, eventStore, { cacheCapacity: 5_000, metrics: commandMetricsOf(metrics) });
  }
}
