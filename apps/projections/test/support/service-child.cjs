// Runs the projections service entry point (src/main.ts) from source, for the service test.
require('./ts-register.cjs');
require('../../src/main.ts');
