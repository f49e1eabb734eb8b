/**
 * End to end: the demo principals are made by the real CLI, the compiled ledger and
 * projections run as processes on a temp data directory, and a small demo city is seeded
 * through the HTTP API. Needs the build (`npx tsc -b tsconfig.build.json`).
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLedgerProcesses, type LedgerProcesses } from '@meals/launcher';
import { LedgerClient } from '@meals/ledger-client';
import {
  createDemoPrincipals,
  DEMO_CREDENTIALS_FILE,
  demoKeys,
  readDemoCredentials,
  writeDemoCredentials,
  type DemoCredentials,
} from '../src/demo-credentials.js';
import { demoSchools, expectedBalances, generateDemoCity, pupilListCsv, type DemoCity } from '../src/demo-city.js';
import { sleep } from '../src/concurrency.js';
import { createDemoParent } from '../src/demo-parent.js';
import { loginStaff } from '../src/login-staff.js';
import { addDays, lastSchoolDays, moscowDate } from '../src/school-calendar.js';
import { seedDemoCity, type SeedDemoOptions } from '../src/seed-demo.js';
import { DEMO_TEACHER_CLASS, seedDemoMeals } from '../src/seed-demo-meals.js';

const NOW = new Date();
const SMALL_CITY = { schools: 1, pupils: 20, schoolDays: 5 } as const;

describe('demo city seeded through the real API', () => {
  let dataDir: string;
  let processes: LedgerProcesses | undefined;
  let credentials: DemoCredentials;
  let seedOptions: SeedDemoOptions;
  let client: LedgerClient;
  const city: DemoCity = generateDemoCity({ ...SMALL_CITY, now: NOW });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'demo-seed-'));
    credentials = await createDemoPrincipals({ dataDir, schools: demoSchools(SMALL_CITY.schools) });
    writeDemoCredentials(dataDir, credentials);
    processes = await startLedgerProcesses({ dataDir, env: { SALE_MAX_AGE_DAYS: '90', TOP_UP_MAX_AGE_DAYS: '90' } });
    const admin = credentials.users.find((user) => user.role === 'admin')!;
    seedOptions = {
      baseUrl: processes.baseUrl,
      adminToken: await loginStaff(processes.baseUrl, admin.username, admin.password),
      ...demoKeys(credentials),
      now: NOW,
      city: SMALL_CITY,
    };
    client = new LedgerClient({ baseUrl: processes.baseUrl, token: seedOptions.adminToken });
  }, 120_000);

  afterAll(async () => {
    await processes?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the demo credentials in the data directory, readable by the owner only', () => {
    const file = join(dataDir, DEMO_CREDENTIALS_FILE);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(readDemoCredentials(dataDir)).toEqual(credentials);
    expect(credentials.users.map((user) => user.role).sort()).toEqual([
      'admin',
      'auditor',
      'class_teacher',
      'department_admin',
      'meal_operator',
      'ministry',
      'school_staff',
    ]);
    expect(credentials.keys.map((key) => key.role).sort()).toEqual(['bank', 'till']);
    expect(JSON.parse(readFileSync(file, 'utf8')).keys[0].key).toMatch(/^mk_/);
  });

  it('seeds every account, card, top-up and check, ending on the balances the city implies', async () => {
    const summary = await seedDemoCity(seedOptions);
    expect(summary.failures).toEqual([]);
    expect(summary.skipped).toEqual([]);
    expect(summary.accounts).toEqual({ created: SMALL_CITY.pupils, unchanged: 0 });
    expect(summary.cards.activated).toBe(city.pupils.filter((pupil) => pupil.cardActivated).length);
    expect(summary.topUps).toMatchObject({ recorded: city.topUps.length, duplicate: 0 });
    expect(summary.sales).toMatchObject({ recorded: city.sales.length, duplicate: 0, refused: 0 });
    expect(city.sales.length).toBeGreaterThan(0);
    expect(summary.balanceMismatches).toBe(0);
  }, 120_000);

  it("shows a pupil's checks with their items and the closing balance in the statement", async () => {
    const accounts = await importedAccounts();
    const pupil = mostActivePupil();
    const accountNumber = accounts.get(pupil.fullName)!;
    const sales = city.sales.filter((sale) => sale.pupilId === pupil.pupilId);
    const topUps = city.topUps.filter((topUp) => topUp.pupilId === pupil.pupilId);
    const period = { from: addDays(city.schoolDays[0]!, -7), to: NOW.toISOString().slice(0, 10), details: true };
    const statement = await waitFor(async () => {
      const read = await client.statement(accountNumber, period).catch(() => null);
      return read !== null && read.lines.length === sales.length + topUps.length ? read : null;
    });
    expect(statement.closingBalance).toBe(expectedBalances(city).get(pupil.pupilId));
    for (const sale of sales) {
      const line = statement.lines.find((l) => l.checkNumber === sale.checkNumber)!;
      expect(line).toMatchObject({ debit: sale.total, credit: 0 });
      expect(line.description).toContain(sale.checkNumber);
      expect(line.items!.map(({ name, qty, price }) => ({ name, qty, price }))).toEqual(sale.items);
    }
    expect(
      statement.lines
        .filter((l) => l.credit > 0)
        .map((l) => l.credit)
        .sort(),
    ).toEqual(topUps.map((t) => t.amount).sort());
  }, 60_000);

  it('changes nothing when seeded again: lists unchanged, every entry a duplicate', async () => {
    const summary = await seedDemoCity(seedOptions);
    expect(summary.failures).toEqual([]);
    expect(summary.accounts).toEqual({ created: 0, unchanged: SMALL_CITY.pupils });
    expect(summary.cards).toEqual({
      activated: 0,
      alreadyActive: city.pupils.filter((pupil) => pupil.cardActivated).length,
    });
    expect(summary.topUps).toMatchObject({ recorded: 0, duplicate: city.topUps.length });
    expect(summary.sales).toMatchObject({ recorded: 0, duplicate: city.sales.length, refused: 0 });
    expect(summary.balanceMismatches).toBe(0);
  }, 120_000);

  it('seeds meal management: types, settings, class orders charged on the accounts; a second run changes nothing', async () => {
    const schoolIds = city.schools.map((school) => school.schoolId);
    const meals = {
      baseUrl: processes!.baseUrl,
      adminToken: seedOptions.adminToken,
      schoolIds,
      now: NOW,
      orderDays: 3,
    };
    const first = await seedDemoMeals(meals);
    expect(first.failures).toEqual([]);
    expect(first.mealTypes).toBe(3);
    expect(first.orders.recorded).toBeGreaterThan(0);
    const again = await seedDemoMeals(meals);
    expect(again.failures).toEqual([]);
    expect(again.orders.recorded).toBe(0);

    const teacher = credentials.users.find((user) => user.role === 'class_teacher')!;
    const token = await loginStaff(processes!.baseUrl, teacher.username, teacher.password);
    const asTeacher = new LedgerClient({ baseUrl: processes!.baseUrl, token });
    expect(await asTeacher.me()).toMatchObject({ role: 'class_teacher', className: DEMO_TEACHER_CLASS });
    const ordered = await waitFor(async () => {
      const lastDay = lastSchoolDays(addDays(moscowDate(NOW), 1), 1)[0]!;
      const day = await client.schoolDayOrders(schoolIds[0]!, lastDay).catch(() => null);
      return day && day.lines.length > 0 ? day : null;
    });
    expect(ordered.version).toBeGreaterThan(0);
  }, 120_000);

  it('makes a demo parent whose printed login works at once in the cabinet (no password change asked)', async () => {
    const school = city.schools[0]!.schoolId;
    await waitFor(async () => ((await client.schoolAccounts(school)).accounts.length > 0 ? true : null));
    const parent = await createDemoParent({
      baseUrl: processes!.baseUrl,
      adminToken: seedOptions.adminToken,
      schoolId: school,
    });
    const session = await new LedgerClient({ baseUrl: processes!.baseUrl }).parentLogin({
      accountNumber: parent.accountNumber,
      password: parent.password,
      acceptTerms: true,
    });
    expect(session.mustChangePassword).toBe(false);
    const me = await new LedgerClient({ baseUrl: processes!.baseUrl }).withToken(session.token).parentProfile();
    expect(me.accountNumber).toBe(parent.accountNumber);
  }, 60_000);

  /** Re-imports the list (a no-op) to learn the account numbers the ledger gave. */
  async function importedAccounts(): Promise<Map<string, string>> {
    const school = city.schools[0]!.schoolId;
    const imported = await client.importPupils(school, { body: pupilListCsv(city, school), contentType: 'text/csv' });
    return new Map(imported.accounts.map((account) => [account.fullName, account.accountNumber]));
  }

  function mostActivePupil() {
    const counts = new Map<number, number>();
    for (const sale of city.sales) counts.set(sale.pupilId, (counts.get(sale.pupilId) ?? 0) + 1);
    const [pupilId] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
    return city.pupils[pupilId]!;
  }
});

async function waitFor<T>(probe: () => Promise<T | null>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for the projections');
    await sleep(100);
  }
}
