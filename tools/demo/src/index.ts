/** The demo city and its seeding through the ledger's API (`npm start`, the benches). */
export * from './concurrency.js';
export * from './demo-city.js';
export * from './demo-credentials.js';
export * from './demo-parent.js';
export * from './ledger-cli.js';
export * from './login-staff.js';
export * from './russian-names.js';
export * from './school-calendar.js';
export * from './seed-demo.js';
export * from './seed-demo-meals.js';
