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
  roots: ['<rootDir>/libs', '<rootDir>/apps'],
  testMatch: ['**/test/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^@meals/(demo-data|domain|event-store|read-model-store|read-models|runtime-config|sqlite-support|threads)$': '<rootDir>/libs/$1/src/index.ts',
    '^@meals/projections$': '<rootDir>/apps/projections/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testTimeout: 60000,
};
