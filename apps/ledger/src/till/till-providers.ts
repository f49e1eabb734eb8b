/** The till's reads (card, «Детализация») and refused offline checks: controllers and providers, for LedgerModule. */
import type { Provider } from '@nestjs/common';
import type { EventStore } from '@meals/event-store';
import type { LedgerMetrics } from '../observability/metrics.js';
import { ReportTillRefusalHandler } from './report-till-refusal.js';
import { TillCardsController } from './till-cards.controller.js';
import { ListTillRefusalsHandler } from './list-till-refusals.js';
import { LookupCardHandler } from './lookup-card.js';
import { RecentOperationsHandler } from './recent-operations.js';
import { TillRefusalAggregates } from './till-refusal-aggregates.js';
import { TillRefusalsController } from './till-refusals.controller.js';

export const TILL_CONTROLLERS = [TillCardsController, TillRefusalsController];

export function tillProviders(eventStore: EventStore, metrics: LedgerMetrics): Provider[] {
  return [
    { provide: TillRefusalAggregates, useFactory: () => new TillRefusalAggregates(eventStore, metrics) },
    ReportTillRefusalHandler,
    LookupCardHandler,
    RecentOperationsHandler,
    ListTillRefusalsHandler,
  ];
}
