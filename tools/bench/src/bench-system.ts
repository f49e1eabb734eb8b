/**
 * The system the HTTP benches run against: compiled ledger and projections as child
 * processes on `dataDir`, principals made through the CLI's commands (an admin, a bank
 * key, a till key per bench school) and, unless told otherwise, the benches' data
 * prepared through the API (bench-fixtures.ts).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createKeyWithCli, createUserWithCli, loginStaff } from '@meals/demo';
import { startLedgerProcesses } from '@meals/launcher';
import {
  BENCH_SCHOOLS,
  prepareBenchFixtures,
  type BenchFixtures,
  type BenchFixturesOptions,
  type BenchTokens,
} from './bench-fixtures.js';

export interface BenchSystem {
  baseUrl: string;
  dataDir: string;
  tokens: BenchTokens;
  /** null when started with `fixtures: false` */
  fixtures: BenchFixtures | null;
  /** options for runHttpSalesBench (needs the fixtures) */
  salesBenchInput(): BenchFixtures['sales'];
  /** options for runStatementBench (needs the fixtures), with the read-model file for its reference */
  statementBenchInput(): Omit<BenchFixtures['statement'], 'lines'> & { readModelsPath: string };
  stop(): Promise<void>;
}

export interface StartBenchSystemOptions {
  dataDir: string;
  repoRoot?: string;
  /** more environment for the CLI and both processes, e.g. LOG_LEVEL */
  env?: NodeJS.ProcessEnv;
  /** sizes of the prepared data, or false to prepare none */
  fixtures?: BenchFixturesOptions | false;
}

export async function startBenchSystem(options: StartBenchSystemOptions): Promise<BenchSystem> {
  mkdirSync(options.dataDir, { recursive: true });
  const cli = { dataDir: options.dataDir, env: options.env };
  const admin = { username: 'bench.admin', password: randomBytes(18).toString('base64url') };
  await createUserWithCli({ ...admin, role: 'admin' }, cli);
  const bank = await createKeyWithCli({ name: 'bench-bank', role: 'bank' }, cli);
  const tills: Record<string, string> = {};
  for (const schoolId of BENCH_SCHOOLS) {
    tills[schoolId] = await createKeyWithCli(
      { name: `bench-till-${schoolId}`, role: 'till', schoolId, tillId: `${schoolId}-01` },
      cli,
    );
  }
  // the benches write up to a school year of history through the API: this ledger accepts sales
  // and payments dated that far back (the defaults are 7 and 45 days)
  const env = { SALE_MAX_AGE_DAYS: '400', TOP_UP_MAX_AGE_DAYS: '400', ...options.env };
  const processes = await startLedgerProcesses({ dataDir: options.dataDir, repoRoot: options.repoRoot, env });
  try {
    const baseUrl = processes.baseUrl;
    const tokens = { admin: await loginStaff(baseUrl, admin.username, admin.password), bank, tills };
    const fixtures =
      options.fixtures === false ? null : await prepareBenchFixtures({ baseUrl, tokens }, options.fixtures);
    const prepared = (): BenchFixtures => {
      if (!fixtures) throw new Error('the bench system was started with fixtures: false');
      return fixtures;
    };
    return {
      baseUrl,
      dataDir: options.dataDir,
      tokens,
      fixtures,
      salesBenchInput: () => prepared().sales,
      statementBenchInput: () => {
        const { lines: _lines, ...input } = prepared().statement;
        return { ...input, readModelsPath: join(options.dataDir, 'read-models.db') };
      },
      stop: processes.stop,
    };
  } catch (error) {
    await processes.stop();
    throw error;
  }
}
