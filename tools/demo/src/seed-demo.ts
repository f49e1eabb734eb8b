/**
 * Seeds the demo city through the real HTTP API, exactly as schools, tills and banks
 * would: register schools, import pupil lists (CSV), enter each school's buffet
 * assortment (the menu the checks are made of), activate cards at the till, then
 * replay the top-ups and checks. Each account's entries go in time order (a check needs
 * the top-ups before it), many accounts at once. Seeding twice changes nothing: the
 * ledger answers the second run with `duplicate` imports, activations and entries.
 */
import type { PupilImportResult } from '@meals/contracts';
import { demoBuffetAssortment } from '@meals/demo-data';
import { pupilKey, type Kopecks } from '@meals/domain';
import { LedgerApiError, LedgerClient } from '@meals/ledger-client';
import { forEachConcurrently, sleep } from './concurrency.js';
import {
  compareIso,
  expectedBalances,
  generateDemoCity,
  pupilListCsv,
  type DemoCity,
  type DemoCityOptions,
  type DemoSale,
  type DemoTopUp,
} from './demo-city.js';

export interface SeedDemoOptions {
  baseUrl: string;
  /** admin or department_admin of `sochi`: registers schools and imports lists */
  adminToken: string;
  /** till key per schoolId; a school without one gets no card activations and no checks */
  tillTokens?: Record<string, string>;
  /** bank key; without it no money moves at all */
  bankToken?: string;
  /** the city ends the day before */
  now: Date;
  log?: (message: string) => void;
  /** seed, size and length of the city (defaults: ~1,000 pupils, two months) */
  city?: Omit<DemoCityOptions, 'now'>;
  /** requests in flight (default 32) */
  concurrency?: number;
}

export interface SeedDemoSummary {
  departmentId: string;
  schools: { schoolId: string; name: string; pupils: number }[];
  pupils: number;
  accounts: { created: number; unchanged: number };
  /** buffet items entered for the schools' tills */
  buffetItems: { added: number; unchanged: number };
  cards: { activated: number; alreadyActive: number };
  topUps: { recorded: number; duplicate: number; amount: Kopecks };
  sales: { recorded: number; duplicate: number; refused: number; amount: Kopecks };
  /** schools or steps left out for want of a token */
  skipped: string[];
  /** the first failures (at most 20) of requests that should have succeeded */
  failures: string[];
  failureCount: number;
  /** accounts whose last answered balance differs from the city's own arithmetic */
  balanceMismatches: number;
  elapsedMs: number;
}

type ImportedAccount = PupilImportResult['accounts'][number];

type MoneyOperation = { kind: 'top-up'; at: string; topUp: DemoTopUp } | { kind: 'sale'; at: string; sale: DemoSale };

const MAX_ATTEMPTS = 5;
const MAX_REPORTED_FAILURES = 20;

export async function seedDemoCity(options: SeedDemoOptions): Promise<SeedDemoSummary> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const concurrency = options.concurrency ?? 32;
  const city = generateDemoCity({ ...options.city, now: options.now });
  const client = new LedgerClient({ baseUrl: options.baseUrl });
  const summary: SeedDemoSummary = {
    departmentId: city.department.departmentId,
    schools: city.schools.map((school) => ({
      schoolId: school.schoolId,
      name: school.name,
      pupils: city.pupils.filter((pupil) => pupil.schoolId === school.schoolId).length,
    })),
    pupils: city.pupils.length,
    accounts: { created: 0, unchanged: 0 },
    buffetItems: { added: 0, unchanged: 0 },
    cards: { activated: 0, alreadyActive: 0 },
    topUps: { recorded: 0, duplicate: 0, amount: 0 },
    sales: { recorded: 0, duplicate: 0, refused: 0, amount: 0 },
    skipped: [],
    failures: [],
    failureCount: 0,
    balanceMismatches: 0,
    elapsedMs: 0,
  };
  const fail = (message: string): void => {
    summary.failureCount++;
    if (summary.failures.length < MAX_REPORTED_FAILURES) summary.failures.push(message);
  };

  log(
    `demo city: ${city.schools.length} schools, ${city.pupils.length} pupils, ${city.schoolDays.length} school days ` +
      `(${city.schoolDays[0] ?? '-'} … ${city.schoolDays.at(-1) ?? '-'}), ${city.topUps.length} top-ups, ${city.sales.length} checks`,
  );
  const accounts = await enrolPupils(client, city, options.adminToken, summary);
  log(`accounts: ${summary.accounts.created} opened, ${summary.accounts.unchanged} already there`);
  await enterBuffets(client, city, options.adminToken, summary);
  log(`buffet: ${summary.buffetItems.added} items entered, ${summary.buffetItems.unchanged} already there`);

  const tillOf = (schoolId: string): string | undefined => options.tillTokens?.[schoolId];
  for (const school of city.schools) {
    if (!tillOf(school.schoolId))
      summary.skipped.push(`school ${school.schoolId}: no till key, no cards activated, no checks`);
  }
  await forEachConcurrently(
    city.pupils.filter((pupil) => pupil.cardActivated && tillOf(pupil.schoolId)),
    concurrency,
    async (pupil) => {
      const account = accounts.get(pupil.pupilId)!;
      const till = client.withToken(tillOf(pupil.schoolId)!);
      try {
        const card = await withRetries(() => till.activateCard(account.cardUid));
        // a card activated by an earlier seeding answers `status: 'duplicate'`
        summary.cards[card.status === 'duplicate' ? 'alreadyActive' : 'activated']++;
      } catch (error) {
        fail(`activate card ${account.cardUid}: ${describe(error)}`);
      }
    },
  );
  log(`cards: ${summary.cards.activated} activated, ${summary.cards.alreadyActive} already active`);

  if (!options.bankToken) {
    summary.skipped.push('no bank key: no top-ups and no checks');
  } else {
    await replayMoney(
      client,
      city,
      accounts,
      { ...options, bankToken: options.bankToken, concurrency, log },
      summary,
      fail,
    );
  }
  summary.elapsedMs = Date.now() - started;
  log(
    `seeded in ${(summary.elapsedMs / 1000).toFixed(1)} s: ${summary.topUps.recorded} top-ups, ${summary.sales.recorded} checks` +
      (summary.failureCount ? `, ${summary.failureCount} FAILED (${summary.failures[0]})` : ''),
  );
  return summary;
}

/** Registers the schools and imports their pupil lists; returns each pupil's account. */
async function enrolPupils(
  client: LedgerClient,
  city: DemoCity,
  adminToken: string,
  summary: SeedDemoSummary,
): Promise<Map<number, ImportedAccount>> {
  const admin = client.withToken(adminToken);
  const accounts = new Map<number, ImportedAccount>();
  for (const school of city.schools) {
    const { schoolId, name, departmentId } = school;
    await withRetries(() => admin.registerSchool({ schoolId, name, departmentId })).catch((error: unknown) => {
      // 409: registered by an earlier seeding
      if (!(error instanceof LedgerApiError && error.statusCode === 409)) throw error;
    });
    const imported = await withRetries(() =>
      admin.importPupils(schoolId, { body: pupilListCsv(city, schoolId), contentType: 'text/csv' }),
    );
    summary.accounts.created += imported.created;
    summary.accounts.unchanged += imported.existing;
    const byKey = new Map(imported.accounts.map((account) => [pupilKey(account.fullName, account.className), account]));
    for (const pupil of city.pupils.filter((p) => p.schoolId === school.schoolId)) {
      const account = byKey.get(pupilKey(pupil.fullName, pupil.className));
      if (!account)
        throw new Error(
          `import of school ${school.schoolId} returned no account for ${pupil.fullName} ${pupil.className}`,
        );
      accounts.set(pupil.pupilId, account);
    }
  }
  return accounts;
}

/** Enters the menu as every school's buffet assortment (the demo till sells from it). */
async function enterBuffets(
  client: LedgerClient,
  city: DemoCity,
  adminToken: string,
  summary: SeedDemoSummary,
): Promise<void> {
  const admin = client.withToken(adminToken);
  const items = demoBuffetAssortment(city.menu);
  for (const school of city.schools) {
    for (const item of items) {
      const entered = await withRetries(() => admin.addBuffetItem(school.schoolId, item));
      summary.buffetItems[entered.status === 'duplicate' ? 'unchanged' : 'added']++;
    }
  }
}

async function replayMoney(
  client: LedgerClient,
  city: DemoCity,
  accounts: Map<number, ImportedAccount>,
  options: SeedDemoOptions & { bankToken: string; concurrency: number; log: (message: string) => void },
  summary: SeedDemoSummary,
  fail: (message: string) => void,
): Promise<void> {
  const operations = new Map<number, MoneyOperation[]>();
  const add = (pupilId: number, operation: MoneyOperation): void => {
    const list = operations.get(pupilId) ?? [];
    list.push(operation);
    operations.set(pupilId, list);
  };
  for (const topUp of city.topUps) add(topUp.pupilId, { kind: 'top-up', at: topUp.paidAt, topUp });
  for (const sale of city.sales) {
    if (options.tillTokens?.[sale.schoolId]) add(sale.pupilId, { kind: 'sale', at: sale.soldAt, sale });
  }
  const expected = expectedBalances(city);
  // the city's own balances hold only when every one of its checks was sent
  const comparable = city.schools.every((school) => options.tillTokens?.[school.schoolId]);
  const total = city.topUps.length + city.sales.length;
  let done = 0;
  const progress = setInterval(() => options.log(`money: ${done} of ${total} entries`), 5000);
  try {
    await forEachConcurrently([...operations.entries()], options.concurrency, async ([pupilId, list]) => {
      const account = accounts.get(pupilId)!;
      list.sort((a, b) => compareIso(a.at, b.at));
      let lastBalance: Kopecks | undefined;
      for (const operation of list) {
        const balance =
          operation.kind === 'top-up'
            ? await postTopUp(client.withToken(options.bankToken), account, operation.topUp, summary, fail)
            : await postSale(
                client.withToken(options.tillTokens![operation.sale.schoolId]!),
                account,
                operation.sale,
                summary,
                fail,
              );
        if (balance !== undefined) lastBalance = balance;
        done++;
      }
      if (comparable && lastBalance !== undefined && lastBalance !== (expected.get(pupilId) ?? 0)) {
        summary.balanceMismatches++;
      }
    });
  } finally {
    clearInterval(progress);
  }
}

async function postTopUp(
  bank: LedgerClient,
  account: ImportedAccount,
  topUp: DemoTopUp,
  summary: SeedDemoSummary,
  fail: (message: string) => void,
): Promise<Kopecks | undefined> {
  const { paymentId, channel, amount, paidAt } = topUp;
  try {
    const recorded = await withRetries(() =>
      bank.recordTopUp({ paymentId, accountNumber: account.accountNumber, channel, amount, paidAt }),
    );
    if (recorded.status === 'duplicate') summary.topUps.duplicate++;
    else {
      summary.topUps.recorded++;
      summary.topUps.amount += amount;
    }
    return recorded.balance;
  } catch (error) {
    fail(`top-up ${paymentId}: ${describe(error)}`);
    return undefined;
  }
}

async function postSale(
  till: LedgerClient,
  account: ImportedAccount,
  sale: DemoSale,
  summary: SeedDemoSummary,
  fail: (message: string) => void,
): Promise<Kopecks | undefined> {
  const { checkNumber, items, soldAt } = sale;
  try {
    const recorded = await withRetries(() => till.recordSale({ checkNumber, cardUid: account.cardUid, items, soldAt }));
    if (recorded.status === 'duplicate') summary.sales.duplicate++;
    else {
      summary.sales.recorded++;
      summary.sales.amount += sale.total;
    }
    return recorded.balance;
  } catch (error) {
    if (error instanceof LedgerApiError && error.code === 'insufficient_funds') {
      summary.sales.refused++;
      fail(`check ${checkNumber} refused for insufficient funds: ${describe(error)}`);
    } else {
      fail(`check ${checkNumber}: ${describe(error)}`);
    }
    return undefined;
  }
}

const describe = (error: unknown): string =>
  error instanceof LedgerApiError
    ? `HTTP ${error.statusCode} ${error.code}: ${error.message} ${JSON.stringify(error.details).slice(0, 200)}`
    : String(error);

/**
 * Every seeding request is idempotent (payment ids, check numbers, lists), so network
 * errors and 5xx answers are simply tried again.
 */
async function withRetries<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      const retriable = !(error instanceof LedgerApiError) || error.statusCode >= 500;
      if (!retriable || attempt === MAX_ATTEMPTS) throw error;
    }
    await sleep(50 * 2 ** attempt);
  }
}
