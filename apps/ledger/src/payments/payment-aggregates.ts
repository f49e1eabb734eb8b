/** The payment order aggregate as the ledger loads and saves it: stream `payment-<orderId>`. */
import { CommandRunner } from '@meals/command-runner';
import {
  paymentOrderDeciderWith,
  type PaymentEvent,
  type PaymentOrderCommand,
  type PaymentOrderState,
  type TopUpLimits,
} from '@meals/domain';
import type { EventStore } from '@meals/event-store';
import { commandMetricsOf } from '../infrastructure/command-metrics.js';
import type { LedgerMetrics } from '../observability/metrics.js';

export class PaymentAggregates extends CommandRunner<PaymentOrderCommand, PaymentOrderState, PaymentEvent> {
  constructor(eventStore: EventStore, metrics: LedgerMetrics, limits: TopUpLimits) {
    super(paymentOrderDeciderWith(limits), eventStore, { cacheCapacity: 1_000, metrics: commandMetricsOf(metrics) });
  }
}
