/** The buffet assortment of a school: what its tills sell, managed by school staff. */
import { z } from 'zod';
import { MAX_BUFFET_CATEGORY_LENGTH, MAX_BUFFET_ITEM_NAME_LENGTH, MAX_BUFFET_ITEM_PRICE } from '@meals/domain';
import { commandResultFields } from './command-result.js';
import { humanText } from './human-text.js';
import { kopecks } from './primitives.js';

/** An item id: chosen by the caller when adding (else generated), then fixed. */
export const buffetItemId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'item id: 1-64 letters, digits, "_" or "-"')
  .meta({ description: 'id of the item within the school', example: 'pizza-125' });

const itemFields = {
  name: humanText({ max: MAX_BUFFET_ITEM_NAME_LENGTH, example: 'Пицца 125 г' }),
  price: kopecks.min(1).max(MAX_BUFFET_ITEM_PRICE).meta({ description: 'kopecks per piece', example: 3450 }),
  category: humanText({ max: MAX_BUFFET_CATEGORY_LENGTH, example: 'Выпечка' }),
};

export const addBuffetItemRequest = z
  .strictObject({
    itemId: buffetItemId
      .optional()
      .meta({ description: 'optional: a retry with the same id and content changes nothing; generated when left out' }),
    ...itemFields,
    active: z.boolean().default(true).meta({ description: 'offered at the tills (default true)' }),
    favourite: z.boolean().default(false).meta({ description: 'shown first on the till screen (default false)' }),
  })
  .meta({ id: 'AddBuffetItemRequest' });
export type AddBuffetItemRequest = z.input<typeof addBuffetItemRequest>;

/** The item's new content, all of it (PUT replaces). */
export const changeBuffetItemRequest = z
  .strictObject({ ...itemFields, active: z.boolean(), favourite: z.boolean() })
  .meta({ id: 'ChangeBuffetItemRequest' });
export type ChangeBuffetItemRequest = z.infer<typeof changeBuffetItemRequest>;

export const buffetItem = z
  .object({
    itemId: z.string(),
    name: z.string(),
    price: z.number().int().meta({ description: 'kopecks per piece' }),
    category: z.string(),
    active: z.boolean(),
    favourite: z.boolean(),
  })
  .meta({ id: 'BuffetItem' });
export type BuffetItem = z.infer<typeof buffetItem>;

export const buffetItemResult = z
  .object({ ...commandResultFields, schoolId: z.string(), item: buffetItem })
  .meta({ id: 'BuffetItemResult' });
export type BuffetItemResult = z.infer<typeof buffetItemResult>;

export const buffetAssortment = z
  .object({
    schoolId: z.string(),
    items: z.array(buffetItem).meta({ description: 'every item, inactive ones too; by category, then name' }),
  })
  .meta({ id: 'BuffetAssortment' });
export type BuffetAssortment = z.infer<typeof buffetAssortment>;
