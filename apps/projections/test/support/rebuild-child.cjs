// Runs the rebuild command (src/rebuild.ts) from source, for the entry-point test.
require('./ts-register.cjs');
require('../../src/rebuild.ts');
