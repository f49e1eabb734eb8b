import type { Kopecks } from '../money.js';
import type { PaymentGatewayName } from '../events.js';

export type PaymentOrderStatus = 'none' | 'registered' | 'paid' | 'declined' | 'expired';

/** One online top-up order as its stream tells it. */
export interface PaymentOrderState {
  status: PaymentOrderStatus;
  orderId: string;
  accountNumber: string;
  amount: Kopecks;
  gateway: PaymentGatewayName | null;
  gatewayOrderId: string;
  registeredAt: string;
  paidAt: string | null;
}

export const initialPaymentOrderState: PaymentOrderState = Object.freeze({
  status: 'none',
  orderId: '',
  accountNumber: '',
  amount: 0,
  gateway: null,
  gatewayOrderId: '',
  registeredAt: '',
  paidAt: null,
});

/** Paid, declined and expired are final: later reports of the order change nothing. */
export const isFinalPaymentStatus = (status: PaymentOrderStatus): boolean =>
  status === 'paid' || status === 'declined' || status === 'expired';
