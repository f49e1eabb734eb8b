/** The online top-up's controllers and providers, for LedgerModule. */
import type { Provider } from '@nestjs/common';
import type { EventStore } from '@meals/event-store';
import type { LedgerMetrics } from '../observability/metrics.js';
import { OpenPaymentOrders } from './open-payment-orders.js';
import { PaymentAggregates } from './payment-aggregates.js';
import { PaymentOrders } from './payment-orders.js';
import { PaymentReconciler } from './payment-reconciler.js';
import { defaultPaymentSettings, PAYMENT_SETTINGS, type PaymentSettings } from './payment-settings.js';
import { PaymentsController } from './payments.controller.js';
import { SandboxGatewayController } from './sandbox-gateway.controller.js';

export const PAYMENT_CONTROLLERS = [PaymentsController, SandboxGatewayController];

export function paymentProviders(
  eventStore: EventStore,
  metrics: LedgerMetrics,
  settings: PaymentSettings = defaultPaymentSettings(),
): Provider[] {
  return [
    { provide: PAYMENT_SETTINGS, useValue: settings },
    { provide: PaymentAggregates, useFactory: () => new PaymentAggregates(eventStore, metrics, settings.limits) },
    OpenPaymentOrders,
    PaymentOrders,
    PaymentReconciler,
  ];
}
