/** The parent's low-balance alert: one mail each time the balance falls below the threshold. */
import { MAX_LOW_BALANCE_THRESHOLD } from '@meals/domain';
import { z } from 'zod';

export const lowBalanceAlertRequest = z
  .strictObject({
    threshold: z
      .number()
      .int()
      .min(0)
      .max(MAX_LOW_BALANCE_THRESHOLD)
      .meta({ description: 'kopecks; 0 turns the alert off. Needs a confirmed email.' }),
  })
  .meta({ id: 'LowBalanceAlertRequest' });
export type LowBalanceAlertRequest = z.infer<typeof lowBalanceAlertRequest>;

export const lowBalanceAlert = z
  .object({
    threshold: z.number().int().meta({ description: 'kopecks; 0 = off' }),
    thresholdText: z.string().meta({ example: '300,00 руб.' }),
    active: z.boolean().meta({ description: 'a threshold is set and the email is confirmed' }),
    armed: z.boolean().meta({ description: 'the next fall below the threshold mails (the balance is at or above it)' }),
  })
  .meta({ id: 'LowBalanceAlert' });
export type LowBalanceAlert = z.infer<typeof lowBalanceAlert>;
