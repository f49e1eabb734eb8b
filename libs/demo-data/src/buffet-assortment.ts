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

/** Readable, stable item ids of the canteen menu (the demo till and the seeder add items under the same ids). */
const ITEM_IDS: Readonly<Record<string, string>> = {
  'Каша гречневая рассыпчатая 150 г': 'buckwheat-150',
  'Макароны отварные 150 г': 'pasta-150',
  'Рис отварной 150 г': 'rice-150',
  'Пюре картофельное 150 г': 'mashed-potato-150',
  'Котлета рубленная из филе курицы, 100 г': 'chicken-cutlet-100',
  'Сосиска отварная 50 г': 'sausage-50',
  'Тефтели из говядины в соусе 100 г': 'beef-meatballs-100',
  'Рыба тушёная с овощами 100 г': 'fish-stew-100',
  'Каша молочная овсяная 200 г': 'oat-porridge-200',
  'Каша молочная рисовая 200 г': 'rice-porridge-200',
  'Омлет натуральный 110 г': 'omelette-110',
  'Сырники из творога со сгущённым молоком 150 г': 'syrniki-150',
  'Суп куриный с вермишелью 250 г': 'chicken-soup-250',
  'Борщ со сметаной 250 г': 'borscht-250',
  'Салат из белокачанной капусты, 100г': 'cabbage-salad-100',
  'Салат из квашеной капусты 100г': 'sauerkraut-salad-100',
  'Винегрет овощной 100 г': 'vinaigrette-100',
  'Салат из свёклы с чесноком 100 г': 'beet-salad-100',
  'Пицца 125 г': 'pizza-125',
  'Булочка ванильная с изюмом 110 г': 'bun-raisin-110',
  'Пирожок печёный с картофелем 75 г': 'potato-pie-75',
  'Слойка с яблоком 80 г': 'apple-puff-80',
  'Ватрушка с творогом 100 г': 'vatrushka-100',
  'Хлеб пшеничный 30 г': 'bread-30',
  'Сок в ассортименте 200 г': 'juice-200',
  'Компот из сухофруктов 200 мл': 'compote-200',
  'Напиток из шиповника 200 мл': 'rosehip-200',
  'Чай с сахаром 200 мл': 'tea-200',
  'Какао с молоком 200 мл': 'cocoa-200',
  'Яблоко свежее 1 шт.': 'apple-1',
  'Банан 1 шт.': 'banana-1',
};

/** What the queue asks for most: the till shows these first. */
const FAVOURITES: ReadonlySet<string> = new Set([
  'Пицца 125 г',
  'Каша гречневая рассыпчатая 150 г',
  'Сок в ассортименте 200 г',
  'Чай с сахаром 200 мл',
  'Булочка ванильная с изюмом 110 г',
]);

/** The buffet items of a demo school, made from `menu` (the canteen menu by default); ids are stable. */
export function demoBuffetAssortment(menu: readonly MenuItem[] = CANTEEN_MENU): DemoBuffetItem[] {
  return menu.map((item, index) => ({
    itemId: ITEM_IDS[item.name] ?? `menu-${String(index + 1).padStart(2, '0')}`,
    name: item.name,
    price: item.price,
    category: BUFFET_CATEGORY_NAMES[item.category],
    active: true,
    favourite: FAVOURITES.has(item.name),
  }));
}
