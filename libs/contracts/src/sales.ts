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
