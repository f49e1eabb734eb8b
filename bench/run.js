// `npm run bench`: measures the ledger on this machine and prints a table; the same
// figures go to bench-results.json. Runs on the compiled code (npm run build first).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Every absolute figure has a reference measured in the same run (what this machine can
// do at all) and the ratio of the two: machines differ, ratios are what is held.
import {
  findRepoRoot,
  runAppendBench,
  runCabinetBench,
  runCityOrderBench,
  runHttpSalesBench,
  runRebuildBench,
  runStatementBench,
  startBenchSystem,
  startRedisServer,
} from '../tools/bench/dist/index.js';

const TARGETS = {
  storeAppendPerSec: { target: 20_000, better: 'higher', unit: 'events/s' },
  sqliteCeilingPerSec: { target: null, better: 'higher', unit: 'rows/s' },
  storeToCeilingRatio: { target: null, better: 'higher', unit: 'ratio' },
  httpSalesPerSec: { target: 3_000, better: 'higher', unit: 'sales/s' },
  httpSaleP99Ms: { target: 50, better: 'lower', unit: 'ms' },
  statementP95Ms: { target: 10, better: 'lower', unit: 'ms' },
  statementRawP95Ms: { target: null, better: 'lower', unit: 'ms' },
  cabinetStatementP95Ms: { target: 100, better: 'lower', unit: 'ms' },
  cabinetLoginJsKb: { target: 60, better: 'lower', unit: 'KB gzip' },
  statementToRawRatio: { target: null, better: 'lower', unit: 'ratio' },
  rebuildEventsPerSec: { target: 100_000, better: 'higher', unit: 'events/s' },
  scanEventsPerSec: { target: null, better: 'higher', unit: 'events/s' },
  rebuildToScanRatio: { target: null, better: 'higher', unit: 'ratio' },
  cityOrderDaySeconds: { target: 60, better: 'lower', unit: 's' },
  cityOrdersPerSec: { target: null, better: 'higher', unit: 'pupils/s' },
  citySyncSeconds: { target: null, better: 'lower', unit: 's' },
};

const only = process.argv.slice(2);
const wanted = (group) => only.length === 0 || only.includes(group);

async function inTempDir(name, fn) {
  const dir = mkdtempSync(join(tmpdir(), `meals-bench-${name}-`));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const results = {};
if (wanted('store')) {
  console.error('bench: event store appends (64 writers, synchronous=FULL)…');
  Object.assign(results, await inTempDir('store', (dir) => runAppendBench({ dir })));
}
if (wanted('http')) {
  console.error('bench: HTTP sales and statements against ledger + projections…');
  await inTempDir('http', async (dataDir) => {
    const system = await startBenchSystem({ dataDir });
    try {
      Object.assign(results, await runHttpSalesBench(system.salesBenchInput()));
      Object.assign(results, await runStatementBench(system.statementBenchInput()));
      const { accountNumber, from, to } = system.statementBenchInput();
      Object.assign(
        results,
        await runCabinetBench({
          repoRoot: findRepoRoot(),
          dataDir,
          baseUrl: system.baseUrl,
          staffToken: system.tokens.admin,
          accountNumber,
          from,
          to,
        }),
      );
    } finally {
      await system.stop();
    }
  });
}
if (wanted('meals')) {
  // BENCH_CITY_PUPILS makes a smaller city for a quick look; the figure holds for 50,000
  const pupils = Number(process.env.BENCH_CITY_PUPILS ?? 50_000);
  console.error(`bench: one city's day of meal orders (${pupils} pupils, class by class) and its supplier sync…`);
  await inTempDir('meals', async (dataDir) => {
    const redis = await startRedisServer({ dir: join(dataDir, 'redis'), persist: false });
    const system = await startBenchSystem({ dataDir, fixtures: false, env: { REDIS_URL: redis.url } });
    try {
      Object.assign(
        results,
        await runCityOrderBench({
          baseUrl: system.baseUrl,
          adminToken: system.tokens.admin,
          pupils,
          sync: true,
          log: (line) => console.error(`  ${line}`),
        }),
      );
    } finally {
      await system.stop();
      await redis.stop();
    }
  });
}
if (wanted('rebuild')) {
  console.error('bench: projection rebuild from zero over 1M events…');
  Object.assign(results, await inTempDir('rebuild', (dir) => runRebuildBench({ dir })));
}

const rows = Object.entries(results).map(([key, value]) => {
  const spec = TARGETS[key] ?? { target: null, better: 'higher', unit: '' };
  const ok =
    spec.target === null
      ? ''
      : (spec.better === 'higher' ? value >= spec.target : value <= spec.target)
        ? 'ok'
        : 'MISSED';
  const target =
    spec.target === null ? '—' : `${spec.better === 'higher' ? '≥' : '≤'} ${spec.target.toLocaleString('en-US')}`;
  const digits = spec.unit === 'ratio' ? 3 : 2;
  return {
    metric: key,
    value: Number(value.toFixed(digits)).toLocaleString('en-US'),
    unit: spec.unit,
    target,
    status: ok,
  };
});
console.table(rows);
writeFileSync(
  'bench-results.json',
  `${JSON.stringify({ measuredAt: new Date().toISOString(), ...results }, null, 2)}\n`,
);
console.log('written bench-results.json');
