/** The buffet assortment's controllers and providers, for LedgerModule. */
import type { Provider } from '@nestjs/common';
import type { EventStore } from '@meals/event-store';
import type { LedgerMetrics } from '../observability/metrics.js';
import { BuffetAggregates } from './buffet-aggregates.js';
import { AddBuffetItemHandler, ChangeBuffetItemHandler } from './buffet-item-commands.js';
import { BuffetController } from './buffet.controller.js';
import { GetBuffetAssortmentHandler } from './get-buffet-assortment.js';

export const BUFFET_CONTROLLERS = [BuffetController];

export function buffetProviders(eventStore: EventStore, metrics: LedgerMetrics): Provider[] {
  return [
    { provide: BuffetAggregates, useFactory: () => new BuffetAggregates(eventStore, metrics) },
    AddBuffetItemHandler,
    ChangeBuffetItemHandler,
    GetBuffetAssortmentHandler,
  ];
}
