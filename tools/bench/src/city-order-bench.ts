/**
 * One whole city's day of meal orders (seed 004) through the HTTP API: `pupils` pupils in
 * classes of `classSize`, every class teacher's day placed with one PUT of the class's
 * orders, each pupil's meal charged on their account; then, when the ledger runs its job
 * queues, every school's day synced to the (sandbox) supplier. Timed from the first order
 * until the read models show every charge (and the supplier has every school's day).
 */
import { businessDate } from '@meals/domain';
import { forEachConcurrently } from '@meals/demo';
import { LedgerClient } from '@meals/ledger-client';

export const BENCH_CITY_DEPARTMENT_ID = 'bench-city';

export interface CityOrderBenchOptions {
  baseUrl: string;
  /** an admin's session token */
  adminToken: string;
  /** default 50,000 */
  pupils?: number;
  /** default 25 */
  classSize?: number;
  /** classes per school (default 50) */
  classesPerSchool?: number;
  /** class PUTs in flight (default 16) */
  concurrency?: number;
  /** sync every school's day after the orders (needs the ledger's job queues on Redis) */
  sync?: boolean;
  log?: (message: string) => void;
}

export interface CityOrderBenchResult {
  /** from the first class order until every charge is in the read models (and synced, with `sync`) */
  cityOrderDaySeconds: number;
  /** pupils ordered (and charged) per second over the orders alone */
  cityOrdersPerSec: number;
  /** the sync alone (0 without `sync`) */
  citySyncSeconds: number;
}

const LETTERS = ['А', 'Б', 'В', 'Г', 'Д'];

/** `classes` class names: grades 1..11, letters А..Д. */
function classNames(classes: number): string[] {
  const names: string[] = [];
  for (let grade = 1; names.length < classes && grade <= 11; grade++) {
    for (const letter of LETTERS) if (names.length < classes) names.push(`${String(grade).padStart(2, '0')}${letter}`);
  }
  return names;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runCityOrderBench(options: CityOrderBenchOptions): Promise<CityOrderBenchResult> {
  const log = options.log ?? (() => undefined);
  const pupils = options.pupils ?? 50_000;
  const classSize = options.classSize ?? 25;
  const perSchool = options.classesPerSchool ?? 50;
  const concurrency = options.concurrency ?? 16;
  const admin = new LedgerClient({ baseUrl: options.baseUrl, token: options.adminToken, timeoutMs: 120_000 });
  const departmentId = BENCH_CITY_DEPARTMENT_ID;
  const date = businessDate(new Date().toISOString());
  const classCount = Math.ceil(pupils / classSize);
  const schoolCount = Math.ceil(classCount / perSchool);
  const names = classNames(perSchool);
  const schoolIds = Array.from({ length: schoolCount }, (_, i) => String(101 + i));

  // the city: schools, pupil lists, one meal type, settings, assignments (not timed)
  log(`city: ${schoolCount} schools, ${classCount} classes, ${pupils} pupils`);
  const classes: { schoolId: string; className: string; accounts: string[] }[] = [];
  let enrolled = 0;
  await forEachConcurrently(schoolIds, 2, async (schoolId, s) => {
    await admin.registerSchool({ schoolId, name: `Школа №${schoolId}`, departmentId });
    const rows = ['school,class,full_name'];
    for (let c = 0; c < perSchool && s * perSchool + c < classCount; c++) {
      for (let p = 0; p < classSize && enrolled + rows.length - 1 < pupils; p++) {
        rows.push(`${schoolId},${names[c]},Ученик ${schoolId}-${c}-${p}`);
      }
    }
    enrolled += rows.length - 1;
    const imported = await admin.importPupils(schoolId, { body: `${rows.join('\n')}\n`, contentType: 'text/csv' });
    for (const className of names) {
      const accounts = imported.accounts.filter((a) => a.className === className).map((a) => a.accountNumber);
      if (accounts.length > 0) classes.push({ schoolId, className, accounts });
    }
  });
  const type = await admin.createMealType(departmentId, {
    name: 'Завтрак',
    serviceType: 'завтрак',
    benefitCategory: 'Без льготы',
    hot: true,
    dynamicCost: false,
    costs: { rb: 2000, mb: 1000, rp: 4500 },
  });
  const mealTypeId = type.mealType.mealTypeId;
  await admin.changeMealTypeStatus(mealTypeId, { status: 'active', effectiveFrom: date });
  await admin.saveOrderSettings(departmentId, {
    teacherEditDays: 0,
    coordinatorEditDays: 0,
    // pupils start at zero: the order takes each to −45 roubles, within the allowed −1,000
    negativeBalanceLimitRoubles: 1000,
    creditDays: null,
    lockAfterSync: false,
    autoResyncAfterEdit: false,
    exemptSchoolIds: [],
  });
  await forEachConcurrently(schoolIds, 4, (schoolId) =>
    admin.assignSchoolMealTypes(schoolId, { mealTypeIds: [mealTypeId] }).then(() => undefined),
  );
  await forEachConcurrently(classes, concurrency, (c) =>
    admin.assignClassMealTypes(c.schoolId, c.className, { mealTypeIds: [mealTypeId] }).then(() => undefined),
  );
  log(`city ready: ${classes.length} classes; ordering…`);

  // the day: every class's orders, then until the read models show every charge
  const started = performance.now();
  let charged = 0;
  await forEachConcurrently(classes, concurrency, async (c) => {
    const answer = await admin.placeClassOrders(c.schoolId, c.className, date, {
      orders: c.accounts.map((accountNumber) => ({ accountNumber, mealTypeIds: [mealTypeId] })),
    });
    for (const result of answer.results) {
      if (result.outcome !== 'recorded')
        throw new Error(`pupil ${result.accountNumber}: ${result.message ?? result.outcome}`);
      charged++;
    }
  });
  const ordered = performance.now();
  for (const schoolId of schoolIds) {
    const expected = classes.filter((c) => c.schoolId === schoolId).reduce((sum, c) => sum + c.accounts.length, 0);
    while ((await admin.schoolDayOrders(schoolId, date)).lines.length < expected) await sleep(50);
  }
  const projected = performance.now();
  log(
    `${charged} pupils charged in ${((ordered - started) / 1000).toFixed(1)} s, read models after ${((projected - started) / 1000).toFixed(1)} s`,
  );

  let synced = projected;
  if (options.sync) {
    await forEachConcurrently(schoolIds, 8, (schoolId) =>
      admin.request('POST', `/api/schools/${schoolId}/orders/${date}/sync`, {}).then(() => undefined),
    );
    for (;;) {
      const status = await admin.request<{ schools: { schoolId: string; state: string }[] }>(
        'GET',
        `/api/departments/${departmentId}/syncs`,
        { query: { date } },
      );
      const done = status.schools.filter((s) => s.state === 'synced').length;
      if (done >= schoolIds.length) break;
      const failed = status.schools.find((s) => s.state === 'failed');
      if (failed) throw new Error(`sync of school ${failed.schoolId} failed`);
      await sleep(100);
    }
    synced = performance.now();
    log(`every school's day synced ${((synced - projected) / 1000).toFixed(1)} s later`);
  }
  return {
    cityOrderDaySeconds: (synced - started) / 1000,
    cityOrdersPerSec: charged / ((ordered - started) / 1000),
    citySyncSeconds: (synced - projected) / 1000,
  };
}
