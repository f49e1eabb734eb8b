import type { Kopecks } from '../money.js';
import type { PaymentGatewayName } from '../events.js';

export interface RegisterPaymentOrder {
  type: 'RegisterPaymentOrder';
  orderId: string;
  accountNumber: string;
  amount: Kopecks;
  gateway: PaymentGatewayName;
  gatewayOrderId: string;
  registeredAt: string;
}

/** The gateway reports the order paid (callback, status check or return page; any number of times). */
export interface ConfirmPaymentOrderPaid {
  type: 'ConfirmPaymentOrderPaid';
  orderId: string;
  /** the amount the gateway says was paid */
  amount: Kopecks;
  paidAt: string;
}

export interface DeclinePaymentOrder {
  type: 'DeclinePaymentOrder';
  orderId: string;
  reason: string;
}

export interface ExpirePaymentOrder {
  type: 'ExpirePaymentOrder';
  orderId: string;
}

export type PaymentOrderCommand =
  RegisterPaymentOrder | ConfirmPaymentOrderPaid | DeclinePaymentOrder | ExpirePaymentOrder;
