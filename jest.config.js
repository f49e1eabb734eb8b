// Tests compile TypeScript with swc to CommonJS; Nest's ESM-only packages load through
// Node's vm modules, hence NODE_OPTIONS=--experimental-vm-modules in the npm scripts.
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/tools', '<rootDir>/test'],
  testMatch: ['**/test/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^@meals/(command-runner|contracts|demo-data|domain|event-store|ledger-client|read-model-store|read-models|runtime-config|sqlite-support|threads)$':
      '<rootDir>/libs/$1/src/index.ts',
    '^@meals/projections$': '<rootDir>/apps/projections/src/index.ts',
    '^@meals/ledger$': '<rootDir>/apps/ledger/src/index.ts',
    '^@meals/(demo|bench)$': '<rootDir>/tools/$1/src/index.ts',
    '^@meals/bench/ledger-history$': '<rootDir>/tools/bench/src/ledger-history.ts',
    '^@meals/launcher$': '<rootDir>/tools/launcher/src/index.ts',
    // Adapter subpaths (package.json `exports`): each adapter's folder index, and the factory.
    '^@meals/event-store/(sqlite|kurrentdb)$': '<rootDir>/libs/event-store/src/$1/index.ts',
    '^@meals/event-store/create$': '<rootDir>/libs/event-store/src/create-event-store.ts',
    '^@meals/read-model-store/sqlite$': '<rootDir>/libs/read-model-store/src/sqlite/index.ts',
    '^@meals/read-model-store/mongodb$': '<rootDir>/libs/read-model-store/src/mongo/index.ts',
    '^@meals/read-model-store/create$': '<rootDir>/libs/read-model-store/src/create-read-model-store.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testTimeout: 60000,
};
