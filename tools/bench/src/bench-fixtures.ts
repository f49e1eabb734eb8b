/**
 * What the HTTP benches need, prepared through the API of a running ledger:
 * - school 901 with `salesCards` pupils, cards activated at its till, each account
 *   funded for thousands of bench checks;
 * - school 902 with one pupil whose account holds a school year of history.
 * The results spread straight into runHttpSalesBench and runStatementBench.
 */
import { seededRandom } from '@meals/demo-data';
import type { Kopecks } from '@meals/domain';
import type { PupilImportResult } from '@meals/contracts';
import { forEachConcurrently, randomPupilName } from '@meals/demo';
import { LedgerClient } from '@meals/ledger-client';
import { BENCH_SALES_SCHOOL_ID } from './http-sales-bench.js';
import { prepareStatementHistory } from './statement-bench.js';

/** Sales are sold at the first school; the statement account lives at the second. */
export const BENCH_SCHOOLS = [BENCH_SALES_SCHOOL_ID, '902'] as const;
export const BENCH_DEPARTMENT_ID = 'bench';

export interface BenchTokens {
  /** session token of an admin user */
  admin: string;
  bank: string;
  /** till key per schoolId */
  tills: Record<string, string>;
}

/** A running ledger and the principals to drive it. */
export interface BenchTarget {
  baseUrl: string;
  tokens: BenchTokens;
}

export interface BenchFixturesOptions {
  /** funded cards to sell on (default 256) */
  salesCards?: number;
  /** money on each sales account (default 20,000 roubles) */
  fundsPerCard?: Kopecks;
  /** school days of the statement account's history (default 180) */
  statementSchoolDays?: number;
  now?: Date;
  log?: (message: string) => void;
}

export interface BenchFixtures {
  sales: { baseUrl: string; tillToken: string; schoolId: string; cardUids: string[] };
  statement: { baseUrl: string; token: string; accountNumber: string; from: string; to: string; lines: number };
}

type ImportedAccount = PupilImportResult['accounts'][number];

const MAX_TOP_UP: Kopecks = 500_000;

export async function prepareBenchFixtures(
  system: BenchTarget,
  options: BenchFixturesOptions = {},
): Promise<BenchFixtures> {
  const log = options.log ?? (() => undefined);
  const now = options.now ?? new Date();
  const [salesSchool, statementSchool] = BENCH_SCHOOLS;
  const salesTill = tillOf(system, salesSchool);
  const statementTill = tillOf(system, statementSchool);
  const client = new LedgerClient({ baseUrl: system.baseUrl });
  const admin = client.withToken(system.tokens.admin);
  const bank = client.withToken(system.tokens.bank);
  const salesAccounts = await enrolSchool(admin, salesSchool, options.salesCards ?? 256);
  log(`bench: ${salesAccounts.length} accounts at school ${salesSchool}`);
  await forEachConcurrently(salesAccounts, 16, async (account, index) => {
    await client.withToken(salesTill).activateCard(account.cardUid);
    // several payments: a bank may cap a single one
    let left = options.fundsPerCard ?? 2_000_000;
    for (let part = 1; left > 0; part++) {
      const amount = Math.min(left, MAX_TOP_UP);
      const paidAt = new Date(now.getTime() - 3_600_000).toISOString();
      const paymentId = `BENCH-FUND-${index}-${part}`;
      await bank.recordTopUp({
        paymentId,
        accountNumber: account.accountNumber,
        channel: 'bank_online',
        amount,
        paidAt,
      });
      left -= amount;
    }
  });
  log('bench: sales accounts funded');

  const [statementAccount] = await enrolSchool(admin, statementSchool, 1);
  await client.withToken(statementTill).activateCard(statementAccount!.cardUid);
  const history = await prepareStatementHistory({
    baseUrl: system.baseUrl,
    bankToken: system.tokens.bank,
    tillToken: statementTill,
    readerToken: system.tokens.admin,
    schoolId: statementSchool,
    accountNumber: statementAccount!.accountNumber,
    cardUid: statementAccount!.cardUid,
    now,
    schoolDays: options.statementSchoolDays,
  });
  log(`bench: statement account ${statementAccount!.accountNumber} has ${history.lines} lines`);
  return {
    sales: {
      baseUrl: system.baseUrl,
      tillToken: salesTill,
      schoolId: salesSchool,
      cardUids: salesAccounts.map((account) => account.cardUid),
    },
    statement: {
      baseUrl: system.baseUrl,
      token: system.tokens.admin,
      accountNumber: statementAccount!.accountNumber,
      from: history.from,
      to: history.to,
      lines: history.lines,
    },
  };
}

function tillOf(system: BenchTarget, schoolId: string): string {
  const token = system.tokens.tills[schoolId];
  if (!token) throw new Error(`the bench system has no till key for school ${schoolId}`);
  return token;
}

async function enrolSchool(admin: LedgerClient, schoolId: string, pupils: number): Promise<ImportedAccount[]> {
  await admin.registerSchool({
    schoolId,
    name: `Школа №${schoolId} (нагрузочный тест)`,
    departmentId: BENCH_DEPARTMENT_ID,
  });
  const random = seededRandom(Number(schoolId));
  const names = new Set<string>();
  while (names.size < pupils) names.add(randomPupilName(random).fullName);
  const classes = ['05А', '06А', '07Б', '08А', '09Б'];
  const csv = [
    'school;class;full_name',
    ...[...names].map((name, i) => `${schoolId};${classes[i % classes.length]};${name}`),
  ].join('\n');
  const imported = await admin.importPupils(schoolId, { body: csv, contentType: 'text/csv' });
  return imported.accounts;
}
