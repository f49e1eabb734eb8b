/**
 * The staff side in a real browser (Debian chromium through playwright-core) against the built
 * app and a fake meal-management ledger: the journey by role (operator → coordinator →
 * class teacher → sync), the seed's refusals shown in Russian, hostile input, then every staff
 * page at a phone and a desktop viewport with axe. Screenshots: apps/web/test-results/screenshots/staff-*.png.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { todayInMoscow } from '../../src/lib/dates.js';
import {
  CLASS,
  DEPARTMENT,
  PUPILS,
  SCHOOL,
  STAFF_PASSWORD,
  startFakeStaffLedger,
  type FakeStaffLedger,
} from './fake-staff-ledger.js';
import { startWebServer, type WebServer } from './web-server.js';

const SCREENSHOTS = join(__dirname, '..', '..', 'test-results', 'screenshots');
const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
];
const RUSSIAN = /[А-Яа-яЁё]{3}/;
const today = todayInMoscow(new Date());

let ledger: FakeStaffLedger;
let web: WebServer;
let context: BrowserContext;
let profileDir: string;

beforeAll(async () => {
  ledger = await startFakeStaffLedger(today);
  web = await startWebServer(ledger.url);
  mkdirSync(SCREENSHOTS, { recursive: true });
  profileDir = mkdtempSync(join(tmpdir(), 'meals-web-chromium-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    locale: 'ru-RU',
    acceptDownloads: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
  await web?.stop();
  await ledger?.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

async function check(page: Page, shot: string) {
  await page.screenshot({ path: join(SCREENSHOTS, `staff-${shot}.png`), fullPage: true });
  const { violations } = await new AxeBuilder({ page }).analyze();
  const grave = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(
    grave.map((violation) => `${shot}: ${violation.id} ${violation.nodes.map((node) => node.target).join(' ')}`),
  ).toEqual([]);
}

async function signIn(page: Page, username: string, password = STAFF_PASSWORD) {
  await context.clearCookies();
  await page.goto(`${web.url}/staff/login`);
  await page.waitForLoadState('networkidle');
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('button:has-text("Войти")');
}

/** Waits for a selector; on a timeout leaves a screenshot of what the page showed instead. */
async function waitFor(page: Page, selector: string) {
  try {
    await page.waitForSelector(selector);
  } catch (error) {
    await page.screenshot({
      path: join(SCREENSHOTS, `staff-failed-${selector.replace(/\W+/g, '_')}.png`),
      fullPage: true,
    });
    throw error;
  }
}

const alertText = async (page: Page) => (await page.locator('[role=alert]').first().textContent()) ?? '';
const statusText = async (page: Page) => (await page.locator('[role=status]').first().textContent()) ?? '';

describe('staff journey (desktop)', () => {
  let page: Page;
  const pageErrors: string[] = [];
  beforeAll(async () => {
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.setDefaultTimeout(20_000);
    await page.setViewportSize({ width: 1280, height: 800 });
  });
  afterAll(() => page.close());
  afterEach(() => {
    // the pages hydrate without errors (forms would still work without JavaScript)
    expect(pageErrors).toEqual([]);
  });

  it('keeps staff and parent sessions apart and refuses wrong passwords', async () => {
    await context.clearCookies();
    await page.goto(`${web.url}/staff/meal-types`);
    expect(new URL(page.url()).pathname).toBe('/staff/login');
    await signIn(page, 'operator', 'wrong-password');
    await waitFor(page, '[role=alert]');
    expect(await alertText(page)).toContain('Неверное имя пользователя или пароль');
    await signIn(page, 'operator');
    await page.waitForURL('**/staff/meal-types');
    const cookies = await context.cookies(web.url + '/staff');
    expect(cookies.find((cookie) => cookie.name === 'meals_staff_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
      path: '/staff',
    });
    // a staff session opens no parent page
    await page.goto(`${web.url}/profile`);
    expect(new URL(page.url()).pathname).toBe('/login');
  }, 240_000);

  it('operator: creates a dynamic type, activates it, sees the delete refusal, edits settings', async () => {
    await signIn(page, 'operator');
    await page.waitForURL('**/staff/meal-types');
    await expect(page.getByTestId('staff-role').textContent()).resolves.toBe('Муниципальный оператор питания');
    await expect(page.getByTestId('workspace').textContent()).resolves.toBe(DEPARTMENT.name);

    await page.click('a:has-text("Добавить тип питания")');
    await page.waitForURL('**/staff/meal-types/new');
    await page.waitForLoadState('networkidle');
    await page.fill('#name', 'Обед собственного производства');
    await page.selectOption('#serviceType', 'Обед');
    await page.fill('#benefitCategory', 'Без льгот');
    await page.check('input[name=hot]');
    await page.check('input[name=dynamicCost]');
    await page.fill('#rb', '20');
    await page.fill('#mb', '10,50');
    // the variable share of a dynamic type stays empty: refused when filled
    await page.fill('#rp', '50');
    await page.click('button:has-text("Сохранить")');
    await waitFor(page, '[role=alert]');
    expect(await alertText(page)).toContain('РП');
    await page.fill('#rp', '');
    await page.click('button:has-text("Сохранить")');
    await page.waitForURL('**/staff/meal-types?created=*');
    expect(await statusText(page)).toContain('Не действует');
    const created = [...ledger.state.mealTypes.values()].find(
      (type) => type.name === 'Обед собственного производства',
    )!;
    expect(created).toMatchObject({ dynamicCost: true, costs: { rb: 2000, mb: 1050, rp: null }, status: 'inactive' });

    const row = page.locator(`[data-testid=meal-type-row][data-name="${created.name}"]`);
    await row.locator('a:has-text("Статус")').click();
    await waitFor(page, '[role=dialog]');
    await check(page, 'desktop-03-status-dialog');
    await page.locator('[role=dialog] input[value=active]').check();
    await page.locator('[role=dialog] button:has-text("Сохранить")').click();
    await waitFor(page, '[role=status]:has-text("Статус «Действует»")');
    expect(ledger.state.mealTypes.get(created.mealTypeId)?.status).toBe('active');
    await expect(row.getByTestId('status').textContent()).resolves.toContain('Действует');

    // a type that was ever ordered cannot be deleted: the alert dialog, then the ledger's refusal
    const ordered = page.locator('[data-testid=meal-type-row][data-name="Завтрак 1-4 кл."]');
    await ordered.locator('a:has-text("Удалить")').click();
    await waitFor(page, '[role=alertdialog]');
    await check(page, 'desktop-04-delete-dialog');
    await page.locator('[role=alertdialog] button:has-text("Удалить")').click();
    await waitFor(page, '[role=alert]');
    expect(await alertText(page)).toContain('ни разу не был осуществлён заказ');
    expect(ledger.state.mealTypes.has('mt-breakfast')).toBe(true);

    // filter by status
    await page.selectOption('#status', 'archived');
    await page.click('button:has-text("Показать")');
    await page.waitForURL('**/staff/meal-types?status=archived*');
    expect(await page.getByTestId('meal-type-row').count()).toBe(1);

    // the xlsx report «Управление питанием»
    await page.goto(`${web.url}/staff/meal-types`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a:has-text("Скачать отчет")')]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.getWorksheet('Управление питанием')!;
    expect(sheet.getCell('A1').value).toBe('Управление питанием');
    const names = sheet.getColumn(1).values.filter((value): value is string => typeof value === 'string');
    expect(names).toEqual(expect.arrayContaining(['Обед собственного производства', 'Завтрак 1-4 кл.']));

    // order settings: both balance settings at once are refused and nothing changes
    await page.click('a:has-text("Настройки заказа питания")');
    await page.waitForURL('**/staff/order-settings');
    await page.waitForLoadState('networkidle');
    await page.fill('#creditDays', '3');
    await page.click('button:has-text("Сохранить")');
    await waitFor(page, '[role=alert]');
    expect(await alertText(page)).toContain('одновременно не работают');
    expect(ledger.state.settings.creditDays).toBeNull();
    await page.fill('#teacherEditDays', '1');
    await page.fill('#creditDays', '');
    await page.check('input[name=lockAfterSync]');
    await page.fill('#exemptSchoolIds', '31, 40');
    await page.click('button:has-text("Сохранить")');
    await waitFor(page, '[role=status]');
    expect(ledger.state.settings).toMatchObject({
      teacherEditDays: 1,
      negativeBalanceLimitRoubles: 100,
      creditDays: null,
      lockAfterSync: true,
      exemptSchoolIds: ['31', '40'],
    });
  }, 240_000);

  it('coordinator: assigns the new type to the school and sets today’s price', async () => {
    await signIn(page, 'coordinator');
    await page.waitForURL('**/staff/school-orders');
    const created = [...ledger.state.mealTypes.values()].find(
      (type) => type.name === 'Обед собственного производства',
    )!;
    await page.check(`input[name=mealTypeId][value="${created.mealTypeId}"]`);
    await page.click('button:has-text("Сохранить назначение")');
    await waitFor(page, '[role=status]');
    expect(ledger.state.schoolTypes).toContain(created.mealTypeId);

    await page.click('a:has-text("За день")');
    await page.waitForURL('**/staff/school-orders?tab=day*');
    await expect(page.getByTestId('prices-confirmed').textContent()).resolves.toContain('Не подтверждены');
    await page.fill(`input[name="${created.mealTypeId}:rp"]`, '-5');
    await page.click('button:has-text("Сохранить")');
    await waitFor(page, '[role=alert]');
    expect(await alertText(page)).toContain('РП');
    expect(ledger.state.prices.get(today)).toBeUndefined();
    await page.fill(`input[name="${created.mealTypeId}:rp"]`, '62,30');
    await page.click('button:has-text("Сохранить")');
    await waitFor(page, '[role=status]');
    await expect(page.getByTestId('prices-confirmed').textContent()).resolves.toContain('подтверждены');
    expect(ledger.state.prices.get(today)?.prices).toEqual([
      { mealTypeId: created.mealTypeId, costs: { rb: 2000, mb: 1050, rp: 6230 } },
    ]);

    // the coordinator may order for any class: the class picker lists the school's classes
    await page.getByRole('link', { name: 'Заказ питания', exact: true }).click();
    await page.waitForURL(`**/staff/class-orders?class=*`);
    expect(await page.locator('#class option').allTextContents()).toEqual([CLASS, '04А']);
  }, 240_000);

  it('class teacher: assigns the type to the class, orders for three pupils, sees the refusal and the lock after sync', async () => {
    const created = [...ledger.state.mealTypes.values()].find(
      (type) => type.name === 'Обед собственного производства',
    )!;
    await signIn(page, 'teacher');
    await page.waitForURL('**/staff/class-orders');
    await page.click('a:has-text("Назначение типов питания")');
    await page.waitForURL('**tab=assign*');
    await page.check(`input[name=mealTypeId][value="${created.mealTypeId}"]`);
    await page.click('button:has-text("Сохранить назначение класса")');
    await waitFor(page, '[role=status]');
    // an inactive type cannot be assigned to a pupil: the ledger's words per pupil
    await page.goto(`${web.url}/staff/class-orders?tab=assign`);
    await page.waitForLoadState('networkidle');

    await page.goto(`${web.url}/staff/class-orders?tab=orders&date=${today}`);
    await page.waitForLoadState('networkidle');
    await expect(page.getByTestId('edit-window').getAttribute('data-editable')).resolves.toBe('true');
    // keyboard: focus the first cell, arrow down twice, space toggles
    const first = page.locator(`input[name="order:${PUPILS[0]!.accountNumber}:${created.mealTypeId}"]`);
    await first.focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await expect(
      page.locator(`input[name="order:${PUPILS[3]!.accountNumber}:${created.mealTypeId}"]`).isChecked(),
    ).resolves.toBe(true);
    await page.click('button:has-text("Сохранить заказ")');
    await waitFor(page, '[data-testid=refusal]');
    // the fourth pupil is below the negative-balance limit: refused by name, the others charged
    await expect(page.getByTestId('refusal').textContent()).resolves.toContain(PUPILS[3]!.fullName);
    for (const pupil of PUPILS.slice(0, 3))
      expect([...(ledger.state.orders.get(`${today}:${pupil.accountNumber}`) ?? [])]).toEqual([created.mealTypeId]);
    expect(ledger.state.orders.get(`${today}:${PUPILS[3]!.accountNumber}`)).toBeUndefined();
    await expect(page.getByTestId('total-charged').textContent()).resolves.toContain('186,90 руб.');
    await check(page, 'desktop-07-order-refusal');
  }, 240_000);

  it('operator syncs the day; the class teacher then finds the day locked', async () => {
    await signIn(page, 'operator');
    await page.waitForURL('**/staff/meal-types');
    await page.goto(`${web.url}/staff/syncs?date=${today}`);
    const row = page.locator(`[data-testid=sync-row][data-school="${SCHOOL}"]`);
    await expect(row.getByTestId('sync-state').getAttribute('data-state')).resolves.toBe('never');
    await row.locator('button:has-text("Синхронизировать сейчас")').click();
    await waitFor(page, '[role=status]');
    await expect(row.getByTestId('sync-state').getAttribute('data-state')).resolves.toBe('synced');

    await signIn(page, 'teacher');
    await page.waitForURL('**/staff/class-orders');
    await page.goto(`${web.url}/staff/class-orders?date=${today}`);
    await expect(page.getByTestId('edit-window').getAttribute('data-editable')).resolves.toBe('false');
    await expect(page.getByTestId('edit-window').textContent()).resolves.toContain('заблокирован после синхронизации');
    expect(await page.locator('input[name^="order:"]:not([disabled])').count()).toBe(0);
  }, 240_000);

  it('shows role and scope refusals: a ministry user may read but not create; a teacher has no department pages', async () => {
    await signIn(page, 'ministry');
    await page.waitForURL('**/staff/workspace');
    await page.selectOption('#departmentId', DEPARTMENT.departmentId);
    await page.click('button:has-text("Выбрать")');
    await page.waitForURL('**/staff/meal-types');
    await expect(page.getByTestId('workspace').textContent()).resolves.toBe(DEPARTMENT.name);
    await page.goto(`${web.url}/staff/meal-types/new`);
    await page.waitForLoadState('networkidle');
    await page.fill('#name', 'Пробный');
    await page.fill('#benefitCategory', 'Без льгот');
    await page.click('button:has-text("Сохранить")');
    await waitFor(page, '[role=alert]');
    expect(await alertText(page)).toContain('Недостаточно прав');

    await signIn(page, 'teacher');
    await page.waitForURL('**/staff/class-orders');
    const response = await page.goto(`${web.url}/staff/order-settings`);
    expect(response?.status()).toBe(403);
    expect(await page.textContent('body')).toContain('недоступен для вашей роли');
  }, 240_000);

  it('refuses hostile input with Russian messages and changes nothing', async () => {
    await signIn(page, 'operator');
    await page.waitForURL('**/staff/meal-types');
    const before = ledger.state.mealTypes.size;
    const hostile = [
      { name: '', rb: '10' },
      { name: '<script>alert(1)</script>', rb: '10' },
      { name: 'Обед', rb: '-10' },
      { name: 'Обед', rb: '10,555' },
      { name: 'Обед', rb: '1e5' },
      { name: 'Обед\u0000', rb: '10' },
    ];
    for (const attempt of hostile) {
      await page.goto(`${web.url}/staff/meal-types/new`);
      await page.waitForLoadState('networkidle');
      await page.fill('#name', attempt.name);
      await page.fill('#benefitCategory', 'Без льгот');
      await page.fill('#rb', attempt.rb);
      await page.click('button:has-text("Сохранить")');
      await waitFor(page, '[role=alert]');
      expect(await alertText(page)).toMatch(RUSSIAN);
    }
    expect(ledger.state.mealTypes.size).toBe(before);
    for (const [field, value] of [
      ['teacherEditDays', '-1'],
      ['teacherEditDays', '1.5'],
      ['coordinatorEditDays', '9999'],
      ['negativeBalanceLimitRoubles', '0'],
      ['exemptSchoolIds', '<b>24</b>'],
    ] as const) {
      await page.goto(`${web.url}/staff/order-settings`);
      await page.waitForLoadState('networkidle');
      await page.fill(`#${field}`, value);
      await page.click('button:has-text("Сохранить")');
      await waitFor(page, '[role=alert]');
      expect(await alertText(page)).toMatch(RUSSIAN);
    }
    expect(ledger.state.settings.teacherEditDays).toBe(1);
    // a malformed day falls back to today with a note
    await page.goto(`${web.url}/staff/syncs?date=2026-02-30`);
    expect(await alertText(page)).toContain('Дата указана неверно');
    // a cross-site form post is refused
    const response = await fetch(`${web.url}/staff/login`, {
      method: 'POST',
      headers: { origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=operator&password=x',
    });
    expect(response.status).toBe(403);
  }, 240_000);
});

describe.each(VIEWPORTS)('every staff page at the $name viewport', (viewport) => {
  let page: Page;
  beforeAll(async () => {
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
  });
  afterAll(() => page.close());
  const shot = (name: string) => `${viewport.name}-${name}`;

  it('operator and ministry pages', async () => {
    await context.clearCookies();
    await page.goto(`${web.url}/staff/login`);
    await check(page, shot('01-login'));
    await signIn(page, 'operator');
    await page.waitForURL('**/staff/meal-types');
    await check(page, shot('02-meal-types'));
    await page.goto(`${web.url}/staff/meal-types/new`);
    await check(page, shot('05-meal-type-new'));
    await page.goto(`${web.url}/staff/meal-types/mt-lunch`);
    await check(page, shot('06-meal-type-edit'));
    await page.goto(`${web.url}/staff/order-settings`);
    await check(page, shot('08-order-settings'));
    await page.goto(`${web.url}/staff/syncs?date=${today}`);
    await page.waitForLoadState('networkidle');
    await check(page, shot('09-syncs'));
    await signIn(page, 'ministry');
    await page.waitForURL('**/staff/workspace');
    await check(page, shot('10-workspace'));
  }, 240_000);

  it('coordinator and class teacher pages', async () => {
    await signIn(page, 'coordinator');
    await page.waitForURL('**/staff/school-orders');
    await check(page, shot('11-school-assign'));
    await page.goto(`${web.url}/staff/school-orders?tab=day&date=${today}`);
    await page.waitForLoadState('networkidle');
    await check(page, shot('12-school-prices'));
    await signIn(page, 'teacher');
    await page.waitForURL('**/staff/class-orders');
    await page.goto(`${web.url}/staff/class-orders?tab=assign`);
    await check(page, shot('13-class-assign'));
    await page.goto(`${web.url}/staff/class-orders?date=${today}`);
    await page.waitForLoadState('networkidle');
    await check(page, shot('14-class-orders-locked'));
    const yesterday = new Date(Date.parse(today) - 86_400_000).toISOString().slice(0, 10);
    await page.goto(`${web.url}/staff/class-orders?date=${yesterday}`);
    await page.waitForLoadState('networkidle');
    await check(page, shot('15-class-orders-open'));
    await page.click('button:has-text("Выйти")');
    await page.waitForURL('**/staff/login');
    await page.goto(`${web.url}/staff/class-orders`);
    expect(new URL(page.url()).pathname).toBe('/staff/login');
  }, 240_000);
});
