import type { CheckItem } from '../events.js';
import type { Kopecks } from '../money.js';
import { normalizeFullName } from '../pupil-key.js';
import type { SaleItemInput } from './account-commands.js';
import { invalidItems } from './account-errors.js';

export const MAX_CHECK_ITEMS = 100;
export const MAX_ITEM_QTY = 1_000;
export const MAX_ITEM_PRICE: Kopecks = 10_000_000;
export const MAX_ITEM_NAME_LENGTH = 200;

function requireItem(item: SaleItemInput, index: number): CheckItem {
  const name = typeof item?.name === 'string' ? normalizeFullName(item.name) : '';
  if (name.length === 0 || name.length > MAX_ITEM_NAME_LENGTH) {
    throw invalidItems(
      `items[${index}].name must be 1..${MAX_ITEM_NAME_LENGTH} characters`,
      `Позиция ${index + 1}: нужно название (1–${MAX_ITEM_NAME_LENGTH} символов)`,
      {
        index,
        field: 'name',
      },
    );
  }
  const { qty, price } = item;
  if (!Number.isSafeInteger(qty) || qty < 1 || qty > MAX_ITEM_QTY) {
    throw invalidItems(
      `items[${index}].qty must be an integer 1..${MAX_ITEM_QTY}`,
      `Позиция ${index + 1}: количество — целое от 1 до ${MAX_ITEM_QTY}`,
      {
        index,
        field: 'qty',
      },
    );
  }
  if (!Number.isSafeInteger(price) || price < 0 || price > MAX_ITEM_PRICE) {
    throw invalidItems(
      `items[${index}].price must be an integer number of kopecks 0..${MAX_ITEM_PRICE}`,
      `Позиция ${index + 1}: цена — целое число копеек от 0 до ${MAX_ITEM_PRICE}`,
      { index, field: 'price' },
    );
  }
  return { name, qty, price, amount: qty * price };
}

/** The check's lines with their amounts, validated; the total is computed here, never taken from the till. */
export function checkLines(items: readonly SaleItemInput[]): { items: CheckItem[]; total: Kopecks } {
  if (!Array.isArray(items) || items.length < 1 || items.length > MAX_CHECK_ITEMS) {
    throw invalidItems(
      `a check must have 1..${MAX_CHECK_ITEMS} items`,
      `В чеке должно быть от 1 до ${MAX_CHECK_ITEMS} позиций`,
      { field: 'items' },
    );
  }
  const lines = items.map(requireItem);
  return { items: lines, total: lines.reduce((sum, line) => sum + line.amount, 0) };
}
