// Boundaries between the parts of the repository, checked by `npm run boundaries` (in `npm test`).
// Paths are matched both as resolved files (`libs/event-store/src/sqlite/…`, or `dist/` when a
// workspace package resolves to its build) and as bare specifiers (`@meals/event-store/sqlite`),
// so that a rule holds whether or not the packages are built.

/** Packages the pure domain may import besides its own files: none yet (a pure @meals lib would go here). */
const DOMAIN_MAY_IMPORT = [];

const STORE_ADAPTERS = [
  '^libs/event-store/(src|dist)/(sqlite|kurrentdb|create-event-store)',
  '^libs/read-model-store/(src|dist)/(sqlite|mongo|create-read-model-store)',
  '^@meals/(event-store|read-model-store)/',
  '(^|/)node_modules/(better-sqlite3|mongodb|@kurrent)/',
  '^(better-sqlite3|mongodb|@kurrent/)',
];

const APP_PACKAGES = '^@meals/(ledger|projections|web|pos-agent)(/|$)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'libs/domain is pure decision logic: no framework, database client, Node built-in (I/O, clock, ' +
        'randomness come in through commands), adapter or other workspace package.',
      severity: 'error',
      from: { path: '^libs/domain/src/' },
      to: { pathNot: ['^libs/domain/src/', ...DOMAIN_MAY_IMPORT] },
    },
    {
      name: 'clients-never-touch-a-store',
      comment: 'The web app and the till agent talk to the ledger over HTTP: no store adapter, no database client.',
      severity: 'error',
      from: { path: '^apps/(web|pos-agent)/' },
      to: { path: STORE_ADAPTERS },
    },
    {
      name: 'apps-never-import-apps',
      comment: 'An app is deployed alone; what two apps share belongs in a lib.',
      severity: 'error',
      // TEMPORARY: the ledger still reads the projections' document types and collection list
      // through `@meals/projections`; remove this pathNot once read models live in libs/read-models.
      from: { path: '^apps/([^/]+)/src/', pathNot: '^apps/ledger/src/' },
      to: { path: ['^apps/', APP_PACKAGES], pathNot: '^apps/$1/' },
    },
    {
      name: 'ledger-never-imports-apps-but-projections-for-now',
      comment:
        'TEMPORARY exception to apps-never-import-apps: the ledger may import the projections barrel ' +
        '(read-model document types, collections) until libs/read-models replaces it; nothing else.',
      severity: 'error',
      from: { path: '^apps/ledger/src/' },
      to: {
        path: ['^apps/', APP_PACKAGES],
        pathNot: ['^apps/ledger/', '^apps/projections/(src|dist)/index\\.(ts|js|d\\.ts)$', '^@meals/projections$'],
      },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: ['^apps/', APP_PACKAGES] },
    },
    {
      name: 'no-bench-code-in-a-barrel',
      comment: 'A package entry point (src/index.ts, an adapter subpath index) never loads benchmark code.',
      severity: 'error',
      from: { path: ['^(apps|libs)/[^/]+/src/index\\.ts$', '^(apps|libs)/[^/]+/src/[^/]+/index\\.ts$'] },
      to: { path: '(^|/)bench/' },
    },
  ],
  options: {
    doNotFollow: { path: ['(^|/)node_modules/', '(^|/)dist/'] },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.cjs', '.mjs', '.json'],
    },
  },
};
