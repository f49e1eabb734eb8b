/** What the till screen may send: validated before anything happens. */
import { z } from 'zod';

const cardUid = z.string().regex(/^[0-9A-Za-z:_-]{1,64}$/, 'Неверный номер карты');

export const cardRequest = z.strictObject({ cardUid });

export const saleRequest = z.strictObject({
  cardUid,
  items: z
    .array(z.strictObject({ itemId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), qty: z.number().int().min(1).max(99) }))
    .min(1, 'Выберите хотя бы одно блюдо')
    .max(100),
});

export const reprintRequest = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_.-]{1,120}$/) });
