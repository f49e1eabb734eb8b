/**
 * The boundary rules (.dependency-cruiser.cjs) catch what they forbid: the checker runs, as
 * `npm run boundaries` does, on a throwaway tree of files that each cross one boundary, and
 * must name every one of them (and nothing in the files that stay within bounds).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';

const ROOT = resolve(__dirname, '..');
const DEPCRUISE = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs');

const FILES: Record<string, string> = {
  'apps/web/src/reads-the-event-log.ts': `import { openSqliteEventStore } from '@meals/event-store/sqlite';\nexport const open = openSqliteEventStore;\n`,
  'apps/pos-agent/src/opens-sqlite.ts': `import Database from 'better-sqlite3';\nexport const db = new Database(':memory:');\n`,
  'apps/pos-agent/src/reads-the-event-log.ts': `import { openSqliteEventStore } from '@meals/event-store/sqlite';\nexport const open = openSqliteEventStore;\n`,
  'apps/pos-agent/src/queries-mongo.ts': `import { MongoClient } from 'mongodb';\nexport const client = MongoClient;\n`,
  'apps/web/src/uses-the-port.ts': `import type { EventStore } from '@meals/event-store';\nexport type Store = EventStore;\n`,
  'libs/domain/src/uses-nest.ts': `import { Injectable } from '@nestjs/common';\nexport const decorate = Injectable;\n`,
  'libs/domain/src/reads-files.ts': `import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n`,
  'libs/domain/src/pure.ts': `import { decorate } from './uses-nest.js';\nexport const same = decorate;\n`,
  'apps/projections/src/imports-the-ledger.ts': `import { handler } from '../../ledger/src/handler.js';\nexport const h = handler;\n`,
  'apps/web/src/imports-projections.ts': `import { ACCOUNTS } from '@meals/projections';\nexport const a = ACCOUNTS;\n`,
  'apps/ledger/src/handler.ts': `import { x } from './own.js';\nexport const handler = x;\n`,
  'apps/ledger/src/own.ts': `export const x = 1;\n`,
  'apps/ledger/src/uses-the-projections-barrel.ts': `import { ACCOUNTS } from '@meals/projections';\nexport const a = ACCOUNTS;\n`,
  'apps/ledger/src/reaches-into-projections.ts': `import { p } from '../../projections/src/internal.js';\nexport const q = p;\n`,
  'apps/projections/src/internal.ts': `export const p = 1;\n`,
  'libs/runtime-config/src/imports-an-app.ts': `import { handler } from '@meals/ledger';\nexport const h = handler;\n`,
  'libs/threads/src/index.ts': `export { measure } from './bench/measure.js';\n`,
  'libs/threads/src/bench/measure.ts': `export const measure = () => 0;\n`,
  'apps/ledger/src/seeds-the-demo.ts': `import { seedDemoCity } from '@meals/demo';\nexport const seed = seedDemoCity;\n`,
  'libs/read-models/src/times-itself.ts': `import { run } from '../../../tools/bench/src/run.js';\nexport const r = run;\n`,
  'tools/bench/src/run.ts': `export const run = () => 0;\n`,
  'tools/launcher/src/supervise.ts': `import { run } from '../../bench/src/run.js';\nexport const r = run;\n`,
  'tools/demo/src/seed.ts': `import { startLedgerProcesses } from '@meals/launcher';\nexport const s = startLedgerProcesses;\n`,
  'tools/bench/src/system.ts': `import { handler } from '../../../apps/ledger/src/handler.js';\nexport const h = handler;\n`,
};

describe('boundary rules', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'boundaries-'));
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fail the check and name each file that crosses a boundary, and only those', async () => {
    const run = promisify(execFile)(
      process.execPath,
      [DEPCRUISE, 'apps', 'libs', 'tools', '--config', join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'err'],
      { cwd: dir },
    );
    const failure = await run.then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => error,
    );
    const found = failure.stdout
      .split('\n')
      .map((line) => /^\s*error (.+)$/.exec(line)?.[1])
      .filter((line) => line !== undefined)
      .sort();
    expect(failure.code).toBe(found.length); // the exit code counts the errors: the check fails
    expect(found).toEqual(
      [
        'clients-never-touch-a-store: apps/web/src/reads-the-event-log.ts → @meals/event-store/sqlite',
        // the till's own SQLite file (opens-sqlite.ts) is allowed: no error
        'till-keeps-only-its-own-file: apps/pos-agent/src/reads-the-event-log.ts → @meals/event-store/sqlite',
        'till-keeps-only-its-own-file: apps/pos-agent/src/queries-mongo.ts → mongodb',
        'domain-is-pure: libs/domain/src/uses-nest.ts → @nestjs/common',
        'domain-is-pure: libs/domain/src/reads-files.ts → fs',
        'apps-never-import-apps: apps/projections/src/imports-the-ledger.ts → apps/ledger/src/handler.ts',
        'apps-never-import-apps: apps/web/src/imports-projections.ts → @meals/projections',
        'apps-never-import-apps: apps/ledger/src/reaches-into-projections.ts → apps/projections/src/internal.ts',
        'apps-never-import-apps: apps/ledger/src/uses-the-projections-barrel.ts → @meals/projections',
        'apps-and-libs-never-import-tools: apps/ledger/src/seeds-the-demo.ts → @meals/demo',
        'apps-and-libs-never-import-tools: libs/read-models/src/times-itself.ts → tools/bench/src/run.ts',
        'start-never-loads-bench-code: tools/launcher/src/supervise.ts → tools/bench/src/run.ts',
        // tools may assemble apps and each other (demo → launcher, bench → ledger): no error
        'libs-never-import-apps: libs/runtime-config/src/imports-an-app.ts → @meals/ledger',
        'no-bench-code-in-a-barrel: libs/threads/src/index.ts → libs/threads/src/bench/measure.ts',
      ].sort(),
    );
  });
});
