/**
 * An online top-up order: registered once, then paid, declined or expired exactly once.
 * Gateways report outcomes late, twice and concurrently: a report after the order is final
 * changes nothing (a declined order never pays), and a payment must be of the registered amount.
 */
import type { PaymentEvent } from '../events.js';
import { requireAccountNumber, requireId, requireIsoInstant, requireReason } from '../validation.js';
import type { PaymentOrderCommand, RegisterPaymentOrder } from './payment-order-commands.js';
import { paymentAmountMismatch, paymentOrderExists, paymentOrderNotFound } from './payment-order-errors.js';
import { isFinalPaymentStatus, type PaymentOrderState } from './payment-order-state.js';
import { requireTopUpAmount, type TopUpLimits } from './top-up-limits.js';

export function decidePaymentOrder(
  command: PaymentOrderCommand,
  state: PaymentOrderState,
  limits?: TopUpLimits,
): PaymentEvent[] {
  if (command.type === 'RegisterPaymentOrder') return decideRegister(command, state, limits);
  if (state.status === 'none') throw paymentOrderNotFound(command.orderId);
  if (isFinalPaymentStatus(state.status)) return [];
  const { orderId, accountNumber } = state;
  switch (command.type) {
    case 'ConfirmPaymentOrderPaid': {
      if (command.amount !== state.amount) throw paymentAmountMismatch(orderId, state.amount, command.amount);
      const paidAt = requireIsoInstant(command.paidAt, 'paidAt');
      return [{ type: 'payment.order-paid.v1', data: { orderId, accountNumber, amount: state.amount, paidAt } }];
    }
    case 'DeclinePaymentOrder':
      return [
        { type: 'payment.order-declined.v1', data: { orderId, accountNumber, reason: requireReason(command.reason) } },
      ];
    case 'ExpirePaymentOrder':
      return [{ type: 'payment.order-expired.v1', data: { orderId, accountNumber } }];
  }
}

function decideRegister(command: RegisterPaymentOrder, state: PaymentOrderState, limits?: TopUpLimits): PaymentEvent[] {
  const orderId = requireId(command.orderId, 'orderId');
  const accountNumber = requireAccountNumber(command.accountNumber);
  const amount = requireTopUpAmount(command.amount, limits);
  const gatewayOrderId = requireId(command.gatewayOrderId, 'gatewayOrderId');
  const registeredAt = requireIsoInstant(command.registeredAt, 'registeredAt');
  if (state.status !== 'none') {
    const same = state.accountNumber === accountNumber && state.amount === amount && state.gateway === command.gateway;
    if (same) return [];
    throw paymentOrderExists(orderId);
  }
  return [
    {
      type: 'payment.order-registered.v1',
      data: { orderId, accountNumber, amount, gateway: command.gateway, gatewayOrderId, registeredAt },
    },
  ];
}
