/**
 * Issue 10's journey on the real embedded stack: the compiled ledger and projections (the
 * launcher, SQLite on a temp directory), a private redis-server for the jobs, the built web app
 * and Debian chromium. An operator creates a dynamic meal type and activates it → a coordinator
 * assigns it and sets today's price → a class teacher orders for three pupils → the charges are
 * on their statements → sync now → the sandbox supplier shows the order → an edit after the
 * sync is refused (lock after sync on). Screenshots: apps/web/test-results/screenshots/staff-real-*.png.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLedgerProcesses, startRedisServer, type LedgerProcesses, type RedisServer } from '@meals/launcher';
import { LedgerApiError, LedgerClient } from '@meals/ledger-client';
import { createKeyWithCli, runLedgerCli } from '@meals/demo';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { todayInMoscow } from '../../src/lib/dates.js';
import { freePort, startWebServer, type WebServer } from './web-server.js';

const SCREENSHOTS = join(__dirname, '..', '..', 'test-results', 'screenshots');
const PASSWORD = 'Sluzhba2026';
const DEPARTMENT = 'uo-sochi';
const SCHOOL = '24';
const CLASS = '03Б';
const TYPE_NAME = 'Обед собственного производства';
const today = todayInMoscow(new Date());

let dataDir: string;
let redis: RedisServer;
let ledger: LedgerProcesses;
let web: WebServer;
let context: BrowserContext;
let profileDir: string;
let admin: LedgerClient;
let pupils: Array<{ accountNumber: string; fullName: string }>;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'staff-real-'));
  redis = await startRedisServer({ dir: join(dataDir, 'redis'), persist: false });
  const cli = { dataDir };
  const keys = {
    admin: await createKeyWithCli({ name: 'admin', role: 'admin' }, cli),
    bank: await createKeyWithCli({ name: 'bank', role: 'bank' }, cli),
  };
  for (const [username, role, scope] of [
    ['operator', 'meal_operator', [`--department=${DEPARTMENT}`]],
    ['coordinator', 'school_staff', [`--school=${SCHOOL}`]],
    ['teacher', 'class_teacher', [`--school=${SCHOOL}`, `--class=${CLASS}`]],
  ] as const)
    await runLedgerCli(
      ['create-user', `--username=${username}`, `--password=${PASSWORD}`, `--role=${role}`, ...scope],
      cli,
    );

  const webPort = await freePort();
  ledger = await startLedgerProcesses({
    dataDir,
    env: { WEB_BASE_URL: `http://127.0.0.1:${webPort}`, REDIS_URL: redis.url },
  });
  admin = new LedgerClient({ baseUrl: ledger.baseUrl, token: keys.admin });
  await admin.registerSchool({ schoolId: SCHOOL, name: 'МБОУ СОШ №24', departmentId: DEPARTMENT });
  const imported = await admin.importPupils(SCHOOL, {
    body:
      'school,class,full_name\n' +
      `${SCHOOL},3Б,Иванова Алёна Петровна\n${SCHOOL},3Б,Петров Пётр Ильич\n${SCHOOL},3Б,Смирнова Дарья Андреевна\n${SCHOOL},3Б,Орлов Олег Олегович\n`,
    contentType: 'text/csv',
  });
  pupils = imported.accounts.map(({ accountNumber, fullName }) => ({ accountNumber, fullName }));
  const bank = new LedgerClient({ baseUrl: ledger.baseUrl, token: keys.bank });
  for (const [i, pupil] of pupils.entries())
    await bank.recordTopUp({
      paymentId: `staff-real-${i}`,
      accountNumber: pupil.accountNumber,
      channel: 'bank_online',
      amount: 80_000,
      paidAt: new Date().toISOString(),
    });

  web = await startWebServer(ledger.baseUrl, webPort);
  mkdirSync(SCREENSHOTS, { recursive: true });
  profileDir = mkdtempSync(join(tmpdir(), 'meals-web-chromium-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    locale: 'ru-RU',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-sync'],
  });
}, 180_000);

afterAll(async () => {
  await context?.close();
  await web?.stop();
  await ledger?.stop();
  await redis?.stop();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function check(page: Page, shot: string) {
  await page.screenshot({ path: join(SCREENSHOTS, `staff-real-${shot}.png`), fullPage: true });
  const { violations } = await new AxeBuilder({ page }).analyze();
  const grave = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(grave.map((violation) => `${shot}: ${violation.id}`)).toEqual([]);
}

async function signIn(page: Page, username: string) {
  await context.clearCookies();
  await page.goto(`${web.url}/staff/login`);
  await page.waitForLoadState('networkidle');
  await page.fill('#username', username);
  await page.fill('#password', PASSWORD);
  await page.click('button:has-text("Войти")');
}

/** Fails with the page's refusal text instead of a bare timeout when a form was refused. */
async function expectDone(page: Page, text?: string) {
  const done = page.locator(text ? `[role=status]:has-text("${text}")` : '[role=status]');
  const refused = page.locator('[role=alert]');
  await Promise.race([done.first().waitFor(), refused.first().waitFor()]);
  if (await refused.count()) throw new Error(`refused: ${await refused.first().textContent()}`);
}

it('walks operator → coordinator → class teacher → statements → sync → supplier → lock', async () => {
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.setViewportSize({ width: 1280, height: 800 });

  // the operator creates a dynamic type (the parents' share stays empty) and activates it today
  await signIn(page, 'operator');
  await page.waitForURL('**/staff/meal-types');
  await page.goto(`${web.url}/staff/meal-types/new`);
  await page.waitForLoadState('networkidle');
  await page.fill('#name', TYPE_NAME);
  await page.selectOption('#serviceType', 'Обед');
  await page.fill('#benefitCategory', 'Без льгот');
  await page.check('input[name=hot]');
  await page.check('input[name=dynamicCost]');
  await page.fill('#rb', '20');
  await page.fill('#mb', '10');
  await page.click('button:has-text("Сохранить")');
  await page.waitForURL('**/staff/meal-types?created=*');
  const row = page.locator(`[data-testid=meal-type-row][data-name="${TYPE_NAME}"]`);
  await row.locator('a:has-text("Статус")').click();
  await page.locator('[role=dialog] input[value=active]').check();
  await page.locator('[role=dialog] button:has-text("Сохранить")').click();
  await expectDone(page, 'Статус «Действует»');
  await expect(row.getByTestId('status').textContent()).resolves.toContain('Действует');
  await check(page, '01-meal-types');
  const { mealTypes } = await admin.mealTypes(DEPARTMENT);
  const mealType = mealTypes.find((type) => type.name === TYPE_NAME)!;
  expect(mealType).toMatchObject({ status: 'active', dynamicCost: true, costs: { rb: 2000, mb: 1000, rp: null } });

  await page.goto(`${web.url}/staff/order-settings`);
  await page.waitForLoadState('networkidle');
  await page.check('input[name=lockAfterSync]');
  await page.click('button:has-text("Сохранить")');
  await expectDone(page);
  expect((await admin.orderSettings(DEPARTMENT)).lockAfterSync).toBe(true);

  // the coordinator assigns it to the school and sets today's price
  await signIn(page, 'coordinator');
  await page.waitForURL('**/staff/school-orders');
  await page.check(`input[name=mealTypeId][value="${mealType.mealTypeId}"]`);
  await page.click('button:has-text("Сохранить назначение")');
  await expectDone(page);
  await page.goto(`${web.url}/staff/school-orders?tab=day&date=${today}`);
  await page.waitForLoadState('networkidle');
  await page.fill(`input[name="${mealType.mealTypeId}:rb"]`, '20');
  await page.fill(`input[name="${mealType.mealTypeId}:mb"]`, '10');
  await page.fill(`input[name="${mealType.mealTypeId}:rp"]`, '62,30');
  await page.click('button:has-text("Сохранить")');
  await expectDone(page);
  await expect(page.getByTestId('prices-confirmed').textContent()).resolves.toContain('Цены подтверждены');
  await check(page, '02-day-prices');

  // the class teacher assigns it to the class and orders for three pupils
  await signIn(page, 'teacher');
  await page.waitForURL('**/staff/class-orders');
  await page.goto(`${web.url}/staff/class-orders?tab=assign&date=${today}`);
  await page.waitForLoadState('networkidle');
  await page.check(`input[name=mealTypeId][value="${mealType.mealTypeId}"]`);
  await page.click('button:has-text("Сохранить назначение класса")');
  await expectDone(page);
  await page.goto(`${web.url}/staff/class-orders?date=${today}`);
  await page.waitForLoadState('networkidle');
  await expect(page.getByTestId('edit-window').getAttribute('data-editable')).resolves.toBe('true');
  const ordered = pupils.slice(0, 3);
  for (const pupil of ordered) await page.check(`input[name="order:${pupil.accountNumber}:${mealType.mealTypeId}"]`);
  await page.click('button:has-text("Сохранить заказ")');
  await expectDone(page, 'Заказ сохранён');
  expect(await page.getByTestId('refusal').count()).toBe(0);
  await expect(page.getByTestId('total-charged').textContent()).resolves.toContain('186,90 руб.');
  await check(page, '03-class-orders');

  // the charges are «Табель» lines on the three statements, none on the fourth
  for (const pupil of pupils) {
    const statement = await admin.statement(pupil.accountNumber, { from: today, to: today });
    const meals = statement.lines.filter((line) => line.description.includes(TYPE_NAME));
    expect(meals.map((line) => line.debit)).toEqual(ordered.includes(pupil) ? [6230] : []);
  }

  // the operator syncs the day; the queue delivers it in the background
  await signIn(page, 'operator');
  await page.waitForURL('**/staff/meal-types');
  await page.goto(`${web.url}/staff/syncs?date=${today}`);
  const syncRow = page.locator(`[data-testid=sync-row][data-school="${SCHOOL}"]`);
  await syncRow.locator('button:has-text("Синхронизировать сейчас")').click();
  await expectDone(page, 'поставлена в очередь');
  let state = '';
  for (let attempt = 0; attempt < 60 && state !== 'synced'; attempt++) {
    await page.goto(`${web.url}/staff/syncs?date=${today}`);
    state = (await syncRow.getByTestId('sync-state').getAttribute('data-state')) ?? '';
    if (state !== 'synced') await page.waitForTimeout(500);
  }
  expect(state).toBe('synced');
  await check(page, '04-syncs');

  // the sandbox supplier got the three pupils' orders
  await page.goto(`${ledger.baseUrl}/sandbox-supplier`);
  const supplierPage = (await page.textContent('body')) ?? '';
  expect(supplierPage).toContain(TYPE_NAME);
  // the supplier sees surnames with initials
  for (const pupil of ordered) expect(supplierPage).toContain(pupil.fullName.split(' ')[0]);
  expect(supplierPage).not.toContain(pupils[3]!.fullName.split(' ')[0]);
  expect(supplierPage).toContain('строк: 3');
  await page.screenshot({ path: join(SCREENSHOTS, 'staff-real-05-sandbox-supplier.png'), fullPage: true });

  // after the sync the day is locked for the teacher: shown on the page, refused by the ledger
  await signIn(page, 'teacher');
  await page.waitForURL('**/staff/class-orders');
  await page.goto(`${web.url}/staff/class-orders?date=${today}`);
  await expect(page.getByTestId('edit-window').getAttribute('data-editable')).resolves.toBe('false');
  expect(await page.locator('input[name^="order:"]:not([disabled])').count()).toBe(0);
  await check(page, '06-locked');
  const teacher = new LedgerClient({
    baseUrl: ledger.baseUrl,
    token: (await new LedgerClient({ baseUrl: ledger.baseUrl }).login({ username: 'teacher', password: PASSWORD }))
      .token,
  });
  const edit = teacher.placeClassOrders(SCHOOL, CLASS, today, {
    orders: [{ accountNumber: pupils[3]!.accountNumber, mealTypeIds: [mealType.mealTypeId] }],
  });
  const outcome = await edit.then(
    (result) => result.results[0]?.outcome,
    (error: unknown) => (error instanceof LedgerApiError ? error.statusCode : error),
  );
  expect([409, 'refused']).toContain(outcome);
  await page.close();
}, 600_000);
