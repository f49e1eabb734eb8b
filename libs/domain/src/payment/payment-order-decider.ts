import { foldWith, type Decider } from '../decider.js';
import { PAYMENT_EVENT_TYPES } from '../event-catalogue.js';
import { paymentStreamId, type PaymentEvent } from '../events.js';
import type { PaymentOrderCommand } from './payment-order-commands.js';
import { initialPaymentOrderState, type PaymentOrderState } from './payment-order-state.js';
import { decidePaymentOrder } from './decide-payment-order.js';
import { evolvePaymentOrder } from './evolve-payment-order.js';
import { DEFAULT_TOP_UP_LIMITS, type TopUpLimits } from './top-up-limits.js';

export type PaymentOrderDecider = Decider<PaymentOrderCommand, PaymentOrderState, PaymentEvent>;

/** The payment order aggregate (stream `payment-<orderId>`) with the ledger's top-up limits. */
export const paymentOrderDeciderWith = (limits: TopUpLimits = DEFAULT_TOP_UP_LIMITS): PaymentOrderDecider => ({
  decide: (command, state) => decidePaymentOrder(command, state, limits),
  evolve: evolvePaymentOrder,
  fold: foldWith(evolvePaymentOrder),
  initialState: initialPaymentOrderState,
  streamId: paymentStreamId,
  eventTypes: PAYMENT_EVENT_TYPES,
});
