/** Online top-up by card through an acquiring gateway (a parent's own account). */
import { z } from 'zod';
import { commandResultFields } from './command-result.js';
import { accountNumber, kopecks } from './primitives.js';

export const PAYMENT_ORDER_STATUSES = ['registered', 'paid', 'declined', 'expired'] as const;
export type PaymentOrderStatusText = (typeof PAYMENT_ORDER_STATUSES)[number];

/** The ledger's id of an order: 32 lowercase hex digits (fits Sberbank's orderNumber). */
export const paymentOrderId = z
  .string()
  .regex(/^[0-9a-f]{32}$/, 'an order id is 32 hex digits')
  .meta({ example: '3f2c9a0e5b7d4c1a8e6f0b2d4a6c8e1f' });

export const createPaymentRequest = z
  .strictObject({
    accountNumber,
    amount: kopecks.meta({ description: 'integer kopecks, 100..1 500 000 by default', example: 50000 }),
  })
  .meta({ id: 'CreatePaymentRequest' });
export type CreatePaymentRequest = z.infer<typeof createPaymentRequest>;

export const createPaymentResult = z
  .object({
    ...commandResultFields,
    orderId: paymentOrderId,
    accountNumber: z.string(),
    amount: z.number().int(),
    orderStatus: z.literal('registered'),
    formUrl: z.string().meta({ description: "the gateway's card form: send the browser there" }),
  })
  .meta({ id: 'CreatePaymentResult' });
export type CreatePaymentResult = z.infer<typeof createPaymentResult>;

export const paymentOrderParams = z.strictObject({ orderId: paymentOrderId });

export const paymentOrderView = z
  .object({
    orderId: paymentOrderId,
    accountNumber: z.string(),
    amount: z.number().int(),
    orderStatus: z.enum(PAYMENT_ORDER_STATUSES),
    paidAt: z.string().nullable(),
    balance: z.number().int().meta({ description: "the account's balance now, in kopecks" }),
  })
  .meta({ id: 'PaymentOrder' });
export type PaymentOrderView = z.infer<typeof paymentOrderView>;
