import type { PaymentEvent } from '../events.js';
import type { PaymentOrderState } from './payment-order-state.js';

export function evolvePaymentOrder(state: PaymentOrderState, event: PaymentEvent): PaymentOrderState {
  switch (event.type) {
    case 'payment.order-registered.v1':
      return { ...state, status: 'registered', ...event.data, paidAt: null };
    case 'payment.order-paid.v1':
      return { ...state, status: 'paid', paidAt: event.data.paidAt };
    case 'payment.order-declined.v1':
      return { ...state, status: 'declined' };
    case 'payment.order-expired.v1':
      return { ...state, status: 'expired' };
  }
}
