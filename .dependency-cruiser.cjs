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
const TOOL_PACKAGES = '^@meals/(bench|demo|launcher)(/|$)';

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
      from: { path: '^apps/web/' },
      to: { path: STORE_ADAPTERS },
    },
    {
      name: 'till-keeps-only-its-own-file',
      comment:
        "The till agent talks to the ledger over HTTP; its one SQLite file (better-sqlite3) is the till's own " +
        'offline queue and check sequence, never one of the ledger stores or their adapters.',
      severity: 'error',
      from: { path: '^apps/pos-agent/' },
      to: { path: STORE_ADAPTERS, pathNot: ['(^|/)node_modules/better-sqlite3/', '^better-sqlite3$'] },
    },
    {
      name: 'apps-never-import-apps',
      comment: 'An app is deployed alone; what two apps share belongs in a lib.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/src/' },
      to: { path: ['^apps/', APP_PACKAGES], pathNot: '^apps/$1/' },
    },
    {
      name: 'apps-and-libs-never-import-tools',
      comment:
        'Demo, bench and launcher code stays out of what is deployed (tools may import apps, never the reverse).',
      severity: 'error',
      from: { path: '^(apps|libs)/[^/]+/src/' },
      to: { path: ['^tools/', TOOL_PACKAGES] },
    },
    {
      name: 'start-never-loads-bench-code',
      comment: '`npm start` runs the launcher and the demo seeder, never benchmark code.',
      severity: 'error',
      from: { path: ['^scripts/', '^tools/(launcher|demo)/src/'] },
      to: { path: ['^tools/bench/', '^@meals/bench(/|$)'] },
    },
    {
      name: 'libs-never-import-apps',
      comment: 'Libraries serve the apps; their tests may still assemble a running system.',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/' },
      to: { path: ['^apps/', APP_PACKAGES] },
    },
    {
      name: 'no-bench-code-in-a-barrel',
      comment: 'A package entry point (src/index.ts, an adapter subpath index) never loads benchmark code.',
      severity: 'error',
      from: {
        path: ['^(apps|libs|tools)/[^/]+/src/index\\.ts$', '^(apps|libs)/[^/]+/src/[^/]+/index\\.ts$'],
        pathNot: '^tools/bench/',
      },
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
