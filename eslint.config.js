// ESLint for the whole repository, once: typescript-eslint's recommended rules (syntax
// only: the type-aware set would type-check the repo a second time, `npm run typecheck`
// already does that), plus what this codebase holds itself to.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  globalIgnores([
    '**/dist/',
    '**/coverage/',
    'data/',
    '.nx/',
    'apps/web/build/',
    'apps/web/.svelte-kit/',
    'apps/web/test-results/',
    'apps/pos-agent/test-results/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_`-prefixed names are unused on purpose (positional parameters, rest siblings).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      eqeqeq: ['error', 'always'],
      // Text validation matches control characters on purpose (they are what it rejects).
      'no-control-regex': 'off',
    },
  },
  {
    // the till screen's small script runs in the browser
    files: ['apps/pos-agent/public/**/*.js'],
    languageOptions: { globals: globals.browser, sourceType: 'script' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node, ...globals.commonjs } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/test/**/*.ts'],
    languageOptions: { globals: globals.jest },
    // HTTP test helpers default a response body to `any` so that a test reads it without casts.
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The pure domain has no escape hatch from the type system, in its tests either.
    files: ['libs/domain/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
]);
