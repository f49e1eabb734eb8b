import {
  CANTEEN_MENU,
  checkTotal,
  demoBuffetAssortment,
  MAX_CHECK_LINES,
  randomCheckLines,
  seededRandom,
  type MealKind,
} from '@meals/demo-data';

const MEALS: readonly MealKind[] = ['breakfast', 'lunch', 'snack'];

describe('canteen checks', () => {
  it('are the same for the same seed', () => {
    const checks = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 50 }, (_, i) => randomCheckLines(random, MEALS[i % MEALS.length]!));
    };
    expect(checks(42)).toEqual(checks(42));
    expect(checks(42)).not.toEqual(checks(43));
  });

  it('hold 1..5 distinct menu items at menu prices', () => {
    const prices = new Map(CANTEEN_MENU.map((item) => [item.name, item.price]));
    const random = seededRandom(7);
    for (let i = 0; i < 1000; i++) {
      const lines = randomCheckLines(random, MEALS[i % MEALS.length]!);
      expect(lines.length).toBeGreaterThanOrEqual(1);
      expect(lines.length).toBeLessThanOrEqual(MAX_CHECK_LINES);
      expect(new Set(lines.map((line) => line.name)).size).toBe(lines.length);
      for (const line of lines) {
        expect(line.price).toBe(prices.get(line.name));
        expect(line.qty).toBeGreaterThanOrEqual(1);
      }
      expect(checkTotal(lines)).toBe(lines.reduce((sum, line) => sum + line.qty * line.price, 0));
    }
  });
});

describe('demo buffet assortment', () => {
  it('offers every menu item at its menu price under a distinct readable id, with Russian categories', () => {
    const items = demoBuffetAssortment();
    expect(items.map((item) => [item.name, item.price])).toEqual(CANTEEN_MENU.map((item) => [item.name, item.price]));
    expect(new Set(items.map((item) => item.itemId)).size).toBe(items.length);
    for (const item of items) {
      expect(item.itemId).toMatch(/^[a-z0-9-]+$/);
      expect(item.itemId).not.toMatch(/^menu-/);
      expect(item.category).toMatch(/^[А-ЯЁ][а-яё ]+$/);
      expect(item.active).toBe(true);
    }
    expect(items.filter((item) => item.favourite).length).toBeGreaterThan(0);
  });
});
