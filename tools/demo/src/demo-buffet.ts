/**
 * The demo buffet of a school (what its till sells, prices from the seed's checks) and the
 * cards the demo till's card picker offers. Written through the API; adding an item again
 * is a duplicate, so a restart changes nothing.
 */
import type { AddBuffetItemRequest } from '@meals/contracts';
import { LedgerApiError, type LedgerClient } from '@meals/ledger-client';

export const DEMO_BUFFET: (AddBuffetItemRequest & { itemId: string })[] = [
  { itemId: 'pizza-125', name: 'Пицца 125 г', price: 3450, category: 'Выпечка', favourite: true },
  { itemId: 'bun-raisin-110', name: 'Булочка ванильная с изюмом 110 г', price: 1650, category: 'Выпечка' },
  {
    itemId: 'buckwheat-150',
    name: 'Каша гречневая рассыпчатая 150 г',
    price: 830,
    category: 'Горячее',
    favourite: true,
  },
  { itemId: 'chicken-cutlet-100', name: 'Котлета рубленная из филе курицы, 100 г', price: 2385, category: 'Горячее' },
  { itemId: 'pasta-150', name: 'Макароны отварные 150 г', price: 473, category: 'Горячее' },
  { itemId: 'rice-150', name: 'Рис отварной 150 г', price: 713, category: 'Горячее' },
  { itemId: 'sausage-50', name: 'Сосиска отварная 50 г', price: 1454, category: 'Горячее' },
  { itemId: 'cabbage-salad-100', name: 'Салат из белокачанной капусты, 100 г', price: 543, category: 'Салаты' },
  { itemId: 'juice-200', name: 'Сок в ассортименте 200 г', price: 1320, category: 'Напитки', favourite: true },
  { itemId: 'tea-200', name: 'Чай с сахаром 200 мл', price: 450, category: 'Напитки' },
];

/** Adds the demo buffet to a school (staff or admin client); items already there are left as they are. */
export async function addDemoBuffet(staff: LedgerClient, schoolId: string): Promise<void> {
  for (const item of DEMO_BUFFET) {
    try {
      await staff.addBuffetItem(schoolId, item);
    } catch (error) {
      // changed by staff since: theirs stands
      if (!(error instanceof LedgerApiError && error.code === 'buffet_item_exists')) throw error;
    }
  }
}

/** Active cards of a school for the demo till's card picker: `{cardUid, label}` with the pupil's name and class. */
export async function demoTillCards(
  reader: LedgerClient,
  schoolId: string,
  limit = 15,
): Promise<{ cardUid: string; label: string }[]> {
  const { accounts } = await reader.schoolAccounts(schoolId, { status: 'open' });
  return accounts
    .filter((account) => account.cardUid !== null && account.cardStatus !== null)
    .slice(0, limit)
    .map((account) => ({
      cardUid: account.cardUid!,
      label: `${account.fullName}, ${account.className}${account.cardStatus === 'active' ? '' : account.cardStatus === 'blocked' ? ' (заблокирована)' : ' (не активирована)'}`,
    }));
}
