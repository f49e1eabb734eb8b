/** A till's sale (a check). */
import { z } from 'zod';
import { commandResultFields } from './command-result.js';
import { humanText } from './human-text.js';
import { cardUid, checkNumber, isoInstant, kopecks } from './primitives.js';

export const saleRequest = z
  .strictObject({
    checkNumber,
    cardUid,
    items: z
      .array(
        z.strictObject({
          name: humanText({ max: 200, example: 'Пицца 125 г' }),
          qty: z.number().int().min(1).max(1000).meta({ example: 1 }),
          price: kopecks.min(0).meta({ example: 3450 }),
        }),
      )
      .min(1)
      .max(100),
    soldAt: isoInstant,
    offline: z
      .boolean()
      .optional()
      .meta({
        description:
          'true for a check sold while the ledger was unreachable and sent later: it may take the balance below zero ' +
          'down to the offline limit (TILL_OFFLINE_LIMIT_KOPECKS); a retry may differ in this flag only',
      }),
  })
  .meta({ id: 'SaleRequest' });
export type SaleRequest = z.infer<typeof saleRequest>;

export const saleResult = z
  .object({
    ...commandResultFields,
    checkNumber: z.string(),
    accountNumber: z.string(),
    total: z.number().int(),
    balance: z.number().int(),
  })
  .meta({ id: 'SaleResult' });
export type SaleResult = z.infer<typeof saleResult>;
