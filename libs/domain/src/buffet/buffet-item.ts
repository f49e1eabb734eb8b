/** What a buffet item may say: checked here once for adding and changing alike. */
import type { BuffetItemContent } from '../buffet-events.js';
import { hasHiddenCharacters } from '../hidden-characters.js';
import type { Kopecks } from '../money.js';
import { normalizeFullName } from '../pupil-key.js';
import { invalidBuffetItem } from './buffet-errors.js';

/** 5 000 roubles: no canteen item costs more, so a higher price is a typo (an extra zero or two). */
export const MAX_BUFFET_ITEM_PRICE: Kopecks = 500_000;
export const MAX_BUFFET_ITEM_NAME_LENGTH = 200;
export const MAX_BUFFET_CATEGORY_LENGTH = 60;
export const MAX_BUFFET_ITEMS = 500;
const ITEM_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function requireBuffetItemId(value: unknown): string {
  if (typeof value !== 'string' || !ITEM_ID.test(value)) {
    throw invalidBuffetItem(
      'itemId',
      'itemId must be 1..64 letters, digits, "_" or "-"',
      'Идентификатор позиции: 1–64 латинских букв, цифр, «_» или «-»',
    );
  }
  return value;
}

function requireText(value: unknown, field: string, max: number, what: string): string {
  const text = typeof value === 'string' ? normalizeFullName(value) : '';
  if (text.length === 0 || text.length > max || hasHiddenCharacters(text)) {
    throw invalidBuffetItem(
      field,
      `${field} must be 1..${max} characters, none of them control or invisible`,
      `${what}: от 1 до ${max} символов без управляющих и невидимых`,
    );
  }
  return text;
}

/** The item's content normalised (whitespace collapsed), or an invalid_buffet_item refusal naming the field. */
export function requireBuffetItemContent(content: BuffetItemContent): BuffetItemContent {
  const name = requireText(content.name, 'name', MAX_BUFFET_ITEM_NAME_LENGTH, 'Название');
  const category = requireText(content.category, 'category', MAX_BUFFET_CATEGORY_LENGTH, 'Категория');
  const { price } = content;
  if (!Number.isSafeInteger(price) || price < 1 || price > MAX_BUFFET_ITEM_PRICE) {
    throw invalidBuffetItem(
      'price',
      `price must be an integer number of kopecks 1..${MAX_BUFFET_ITEM_PRICE}`,
      `Цена — целое число копеек от 1 до ${MAX_BUFFET_ITEM_PRICE}`,
    );
  }
  for (const flag of ['active', 'favourite'] as const) {
    if (typeof content[flag] !== 'boolean') {
      throw invalidBuffetItem(flag, `${flag} must be true or false`, `Поле ${flag}: да или нет`);
    }
  }
  return { name, price, category, active: content.active, favourite: content.favourite };
}

export const sameBuffetContent = (a: BuffetItemContent, b: BuffetItemContent): boolean =>
  a.name === b.name &&
  a.price === b.price &&
  a.category === b.category &&
  a.active === b.active &&
  a.favourite === b.favourite;
