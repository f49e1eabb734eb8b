import { DomainError } from '../domain-error.js';
import type { Kopecks } from '../money.js';

export const paymentOrderNotFound = (orderId: string): DomainError =>
  new DomainError('payment_order_not_found', `payment order ${orderId} does not exist`, 'Платёж не найден', {
    orderId,
  });

export const paymentOrderExists = (orderId: string): DomainError =>
  new DomainError(
    'payment_order_exists',
    `payment order ${orderId} was already registered with other details`,
    'Платёж с таким номером уже зарегистрирован с другими данными',
    { orderId },
  );

export const paymentAmountMismatch = (orderId: string, registered: Kopecks, reported: Kopecks): DomainError =>
  new DomainError(
    'payment_amount_mismatch',
    `payment order ${orderId}: the gateway reports ${reported} kopecks paid, ${registered} were registered`,
    'Сумма оплаты не совпадает с суммой зарегистрированного платежа',
    { orderId, registered, reported },
  );
