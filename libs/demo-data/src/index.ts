export * from './seeded-random.js';
export * from './canteen-menu.js';
export * from './buffet-assortment.js';
