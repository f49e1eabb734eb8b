export * from './seeded-random.js';
export * from './canteen-menu.js';
