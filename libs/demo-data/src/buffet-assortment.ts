/**
 * The demo schools' buffet assortment: the canteen menu the demo checks are made of, as
 * the items a school's staff would enter (ids, Russian categories, a few favourites), so
 * a demo till sells exactly what the demo history sold.
 */
import { CANTEEN_MENU, type MenuCategory, type MenuItem } from './canteen-menu.js';

export interface DemoBuffetItem {
  itemId: string;
  name: string;
  price: number;
  category: string;
  active: boolean;
  favourite: boolean;
}

export const BUFFET_CATEGORY_NAMES: Readonly<Record<MenuCategory, string>> = {
  porridge: 'Завтраки',
  main: 'Вторые блюда',
  garnish: 'Гарниры',
  soup: 'Супы',
  salad: 'Салаты',
  bakery: 'Выпечка',
  bread: 'Хлеб',
  drink: 'Напитки',
  hot_drink: 'Горячие напитки',
  fruit: 'Фрукты',
};

/** What the queue asks for most: the till shows these first. */
const FAVOURITES: ReadonlySet<string> = new Set([
  'Пицца 125 г',
  'Чай с сахаром 200 мл',
  'Булочка ванильная с изюмом 110 г',
  'Сок в ассортименте 200 г',
  'Котлета рубленная из филе курицы, 100 г',
]);

/** The buffet items of a demo school, made from `menu` (the canteen menu by default); ids are stable. */
export function demoBuffetAssortment(menu: readonly MenuItem[] = CANTEEN_MENU): DemoBuffetItem[] {
  return menu.map((item, index) => ({
    itemId: `menu-${String(index + 1).padStart(2, '0')}`,
    name: item.name,
    price: item.price,
    category: BUFFET_CATEGORY_NAMES[item.category],
    active: true,
    favourite: FAVOURITES.has(item.name),
  }));
}
