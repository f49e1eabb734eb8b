/** Meal management's controllers and providers (seed 004), for LedgerModule. */
import type { Provider } from '@nestjs/common';
import type { EventStore } from '@meals/event-store';
import type { LedgerMetrics } from '../observability/metrics.js';
import { DepartmentsController } from './departments.controller.js';

export const MEALS_CONTROLLERS = [DepartmentsController];

export function mealsProviders(_eventStore: EventStore, _metrics: LedgerMetrics): Provider[] {
  return [];
}
