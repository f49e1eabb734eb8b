/**
 * A school canteen menu with prices in kopecks, modelled on the seed statement
 * («Пицца 125 г» 34,50 руб., «Каша гречневая рассыпчатая 150 г» 8,30 руб., …), and the
 * ways pupils combine it into checks.
 */
import { checkLines, type Kopecks } from '@meals/domain';
import type { SeededRandom } from './seeded-random.js';

export type MenuCategory =
  'porridge' | 'main' | 'garnish' | 'soup' | 'salad' | 'bakery' | 'bread' | 'drink' | 'hot_drink' | 'fruit';

export interface MenuItem {
  name: string;
  price: Kopecks;
  category: MenuCategory;
}

export const CANTEEN_MENU: readonly MenuItem[] = [
  { name: 'Каша гречневая рассыпчатая 150 г', price: 830, category: 'garnish' },
  { name: 'Макароны отварные 150 г', price: 473, category: 'garnish' },
  { name: 'Рис отварной 150 г', price: 713, category: 'garnish' },
  { name: 'Пюре картофельное 150 г', price: 1185, category: 'garnish' },
  { name: 'Котлета рубленная из филе курицы, 100 г', price: 2385, category: 'main' },
  { name: 'Сосиска отварная 50 г', price: 1454, category: 'main' },
  { name: 'Тефтели из говядины в соусе 100 г', price: 3120, category: 'main' },
  { name: 'Рыба тушёная с овощами 100 г', price: 2870, category: 'main' },
  { name: 'Каша молочная овсяная 200 г', price: 1160, category: 'porridge' },
  { name: 'Каша молочная рисовая 200 г', price: 1095, category: 'porridge' },
  { name: 'Омлет натуральный 110 г', price: 1890, category: 'porridge' },
  { name: 'Сырники из творога со сгущённым молоком 150 г', price: 4250, category: 'porridge' },
  { name: 'Суп куриный с вермишелью 250 г', price: 1870, category: 'soup' },
  { name: 'Борщ со сметаной 250 г', price: 2140, category: 'soup' },
  { name: 'Салат из белокачанной капусты, 100г', price: 543, category: 'salad' },
  { name: 'Салат из квашеной капусты 100г', price: 1005, category: 'salad' },
  { name: 'Винегрет овощной 100 г', price: 1240, category: 'salad' },
  { name: 'Салат из свёклы с чесноком 100 г', price: 760, category: 'salad' },
  { name: 'Пицца 125 г', price: 3450, category: 'bakery' },
  { name: 'Булочка ванильная с изюмом 110 г', price: 1650, category: 'bakery' },
  { name: 'Пирожок печёный с картофелем 75 г', price: 1380, category: 'bakery' },
  { name: 'Слойка с яблоком 80 г', price: 1720, category: 'bakery' },
  { name: 'Ватрушка с творогом 100 г', price: 2150, category: 'bakery' },
  { name: 'Хлеб пшеничный 30 г', price: 180, category: 'bread' },
  { name: 'Сок в ассортименте 200 г', price: 1320, category: 'drink' },
  { name: 'Компот из сухофруктов 200 мл', price: 520, category: 'drink' },
  { name: 'Напиток из шиповника 200 мл', price: 610, category: 'drink' },
  { name: 'Чай с сахаром 200 мл', price: 265, category: 'hot_drink' },
  { name: 'Какао с молоком 200 мл', price: 1140, category: 'hot_drink' },
  { name: 'Яблоко свежее 1 шт.', price: 1450, category: 'fruit' },
  { name: 'Банан 1 шт.', price: 1600, category: 'fruit' },
];

/** One line of a check as the till sends it. */
export interface CheckLine {
  name: string;
  qty: number;
  price: Kopecks;
}

export type MealKind = 'breakfast' | 'lunch' | 'snack';

/** A slot of a typical tray: one item of these categories, taken with this probability. */
interface TraySlot {
  categories: readonly MenuCategory[];
  probability: number;
}

const TRAYS: Record<MealKind, readonly TraySlot[]> = {
  breakfast: [
    { categories: ['porridge'], probability: 0.85 },
    { categories: ['bakery'], probability: 0.45 },
    { categories: ['hot_drink', 'drink'], probability: 0.8 },
    { categories: ['fruit'], probability: 0.15 },
  ],
  lunch: [
    { categories: ['salad'], probability: 0.5 },
    { categories: ['soup'], probability: 0.35 },
    { categories: ['main'], probability: 0.9 },
    { categories: ['garnish'], probability: 0.85 },
    { categories: ['bakery', 'bread'], probability: 0.45 },
    { categories: ['drink', 'hot_drink'], probability: 0.8 },
  ],
  snack: [
    { categories: ['bakery'], probability: 0.95 },
    { categories: ['bakery', 'fruit'], probability: 0.2 },
    { categories: ['drink', 'hot_drink'], probability: 0.65 },
  ],
};

export const MAX_CHECK_LINES = 5;

const itemsOf = (categories: readonly MenuCategory[]): readonly MenuItem[] =>
  CANTEEN_MENU.filter((item) => categories.includes(item.category));

/** A tray of 1..5 distinct lines; bread and pastries are sometimes taken twice. */
export function randomCheckLines(random: SeededRandom, meal: MealKind): CheckLine[] {
  const lines: CheckLine[] = [];
  for (const slot of TRAYS[meal]) {
    if (lines.length === MAX_CHECK_LINES) break;
    if (!random.chance(slot.probability)) continue;
    const item = random.pick(itemsOf(slot.categories));
    const same = lines.find((line) => line.name === item.name);
    if (same) {
      same.qty += 1;
      continue;
    }
    const doubled = (item.category === 'bread' || item.category === 'bakery') && random.chance(0.1);
    lines.push({ name: item.name, qty: doubled ? 2 : 1, price: item.price });
  }
  if (lines.length === 0) {
    const item = random.pick(itemsOf(TRAYS[meal][0]?.categories ?? ['bakery']));
    lines.push({ name: item.name, qty: 1, price: item.price });
  }
  return lines;
}

/** What the ledger will debit for these lines (the domain's own check arithmetic). */
export const checkTotal = (lines: readonly CheckLine[]): Kopecks => checkLines(lines).total;
