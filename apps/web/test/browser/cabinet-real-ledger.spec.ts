/**
 * The parents' cabinet on the real embedded stack: the compiled ledger and projections (the
 * launcher, SQLite on a temp directory), the built web app and Debian chromium. A till issues
 * a temporary password → login → forced change → profile → statement with check detail whose
 * figures equal the ledger's → top-up through the sandbox gateway → balance updated → logout.
 * Then the family view (two children on one confirmed email, switched in the header) and the
 * low-balance alert (a threshold set in the profile, a till sale below it, one mail in the outbox).
 * Screenshots: apps/web/test-results/screenshots/real-*.png.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLedgerProcesses, type LedgerProcesses } from '@meals/launcher';
import { LedgerClient } from '@meals/ledger-client';
import { createKeyWithCli, readOutbox, waitForMail } from '@meals/demo';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { formatKopecks } from '../../src/lib/money.js';
import { freePort, startWebServer, type WebServer } from './web-server.js';

// a browser journey on a loaded machine (CI, other suites beside it) is slow, not wrong: every test
// and hook of this file gets three minutes instead of the config's 60 s
jest.setTimeout(180_000);

const SCREENSHOTS = join(__dirname, '..', '..', 'test-results', 'screenshots');
const NEW_PASSWORD = 'Morkovka2026';
const today = () => new Date().toISOString().slice(0, 10);

let dataDir: string;
let ledger: LedgerProcesses;
let web: WebServer;
let context: BrowserContext;
let profileDir: string;
const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
];
/** one pupil per viewport: each journey starts from a fresh temporary password */
const parents = new Map<string, { accountNumber: string; temporaryPassword: string; cardUid: string }>();
/** Вера and Глеб: one parent, one email */
const siblings: { accountNumber: string; temporaryPassword: string; cardUid: string }[] = [];
let staff: LedgerClient;
let till: LedgerClient;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'cabinet-real-'));
  const keys = {
    admin: await createKeyWithCli({ name: 'admin', role: 'admin' }, { dataDir }),
    bank: await createKeyWithCli({ name: 'bank', role: 'bank' }, { dataDir }),
    till: await createKeyWithCli({ name: 'till', role: 'till', schoolId: '24', tillId: '24-01' }, { dataDir }),
  };
  const webPort = await freePort();
  ledger = await startLedgerProcesses({ dataDir, env: { WEB_BASE_URL: `http://127.0.0.1:${webPort}` } });
  const client = (token: string) => new LedgerClient({ baseUrl: ledger.baseUrl, token });
  staff = client(keys.admin);
  await staff.registerSchool({ schoolId: '24', name: 'Школа №24', departmentId: 'uo-sochi' });
  const imported = await staff.importPupils('24', {
    body:
      'school,class,full_name\n24,3Б,Иванова Алёна Петровна\n24,3Б,Петров Пётр Ильич\n' +
      '24,4В,Сидорова Вера Ильинична\n24,1А,Сидоров Глеб Ильич\n',
    contentType: 'text/csv',
  });
  till = client(keys.till);
  for (const [i, viewport] of VIEWPORTS.entries()) {
    const pupil = imported.accounts[i]!;
    await till.activateCard(pupil.cardUid);
    await client(keys.bank).recordTopUp({
      paymentId: `real-${i}`,
      accountNumber: pupil.accountNumber,
      channel: 'bank_online',
      amount: 80_000,
      paidAt: new Date().toISOString(),
    });
    await till.recordSale({
      checkNumber: `24-00000${i + 1}`,
      cardUid: pupil.cardUid,
      items: [
        { name: 'Пицца 125 г', qty: 1, price: 3450 },
        { name: 'Чай с сахаром 200 мл', qty: 2, price: 450 },
      ],
      soldAt: new Date().toISOString(),
    });
    const { temporaryPassword } = await till.issueTemporaryPassword(pupil.accountNumber);
    parents.set(viewport.name, { accountNumber: pupil.accountNumber, temporaryPassword, cardUid: pupil.cardUid });
  }
  // two children of one family (the family view and the low-balance alert)
  for (const pupil of imported.accounts.slice(2)) {
    await till.activateCard(pupil.cardUid);
    await client(keys.bank).recordTopUp({
      paymentId: `family-${pupil.accountNumber}`,
      accountNumber: pupil.accountNumber,
      channel: 'bank_online',
      amount: 50_050,
      paidAt: new Date().toISOString(),
    });
    const { temporaryPassword } = await till.issueTemporaryPassword(pupil.accountNumber);
    siblings.push({ accountNumber: pupil.accountNumber, temporaryPassword, cardUid: pupil.cardUid });
  }
  web = await startWebServer(ledger.baseUrl, webPort);
  mkdirSync(SCREENSHOTS, { recursive: true });
  profileDir = mkdtempSync(join(tmpdir(), 'meals-web-chromium-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    locale: 'ru-RU',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-sync'],
  });
});

afterAll(async () => {
  await context?.close();
  await web?.stop();
  await ledger?.stop();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function check(page: Page, shot: string) {
  await page.screenshot({ path: join(SCREENSHOTS, `real-${shot}.png`), fullPage: true });
  const { violations } = await new AxeBuilder({ page }).analyze();
  const grave = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(grave.map((violation) => `${shot}: ${violation.id}`)).toEqual([]);
}

it.each(VIEWPORTS)(
  'walks the whole journey against the real ledger at the $name viewport',
  async (viewport) => {
    const { accountNumber, temporaryPassword } = parents.get(viewport.name)!;
    const shot = (name: string) => `${viewport.name}-${name}`;
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto(`${web.url}/login`);
    await page.waitForLoadState('networkidle');
    await page.fill('#accountNumber', accountNumber);
    await page.fill('#password', temporaryPassword);
    await page.check('#acceptTerms');
    await page.click('button:has-text("Войти")');
    await page.waitForURL('**/password/change');
    await check(page, shot('01-password-change'));
    await page.fill('#currentPassword', temporaryPassword);
    await page.fill('#newPassword', NEW_PASSWORD);
    await page.fill('#repeatPassword', NEW_PASSWORD);
    await page.click('button:has-text("Установить постоянный пароль")');
    await page.waitForURL('**/profile?password=changed');

    const account = await staff.account(accountNumber);
    await expect(page.getByTestId('balance').textContent()).resolves.toBe(formatKopecks(account.balance));
    await check(page, shot('02-profile'));

    await page.goto(`${web.url}/report?from=${today()}&to=${today()}&details=on`);
    const statement = await staff.statement(accountNumber, { from: today(), to: today(), details: true });
    await expect(page.getByTestId('opening').textContent()).resolves.toBe(formatKopecks(statement.openingBalance));
    await expect(page.getByTestId('closing').textContent()).resolves.toBe(formatKopecks(statement.closingBalance));
    expect(await page.getByTestId('statement-line').count()).toBe(statement.lines.length);
    await expect(page.getByRole('table', { name: 'Операции за период' }).textContent()).resolves.toContain(
      'Чай с сахаром 200 мл',
    );
    await check(page, shot('03-report'));

    await page.goto(`${web.url}/top-up`);
    await page.fill('#amount', '250');
    await page.click('button:has-text("Перейти к оплате картой")');
    await page.waitForURL('**/sandbox-gateway/pay/**');
    await check(page, shot('04-gateway'));
    await page.fill('input[name=cardNumber]', '4111 1111 1111 1111');
    await page.click('button:has-text("Оплатить")');
    await page.waitForURL('**/top-up/return?orderId=*');
    await expect(page.getByTestId('order-status').getAttribute('data-status')).resolves.toBe('paid');
    await check(page, shot('05-top-up-return'));
    const credited = formatKopecks(account.balance + 25_000);
    expect((await staff.account(accountNumber)).balance).toBe(account.balance + 25_000);
    await expect(page.getByTestId('balance-after').textContent()).resolves.toBe(credited);
    await expect(page.locator('header').textContent()).resolves.toContain(credited);

    await page.click('button:has-text("Выйти")');
    await page.waitForURL('**/login');
    await page.goto(`${web.url}/profile`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.close();
  },
  120_000,
);

it('a parent of two children switches between them in the header; a low balance is mailed once', async () => {
  const [vera, gleb] = siblings as [(typeof siblings)[0], (typeof siblings)[0]];
  const anonymous = new LedgerClient({ baseUrl: ledger.baseUrl });
  // the parent signs in to each child's cabinet and confirms the same email there, each through its own link
  for (const { accountNumber, temporaryPassword } of siblings) {
    const first = await anonymous.parentLogin({ accountNumber, password: temporaryPassword, acceptTerms: true });
    const { token } = await anonymous
      .withToken(first.token)
      .changeParentPassword({ currentPassword: temporaryPassword, newPassword: NEW_PASSWORD });
    await anonymous.withToken(token).setParentEmail({ email: 'mama@example.org' });
    const mail = await waitForMail(dataDir, (m) => m.text.includes(accountNumber) && m.text.includes('/email/confirm'));
    await anonymous.confirmParentEmail({ token: /\/email\/confirm\?token=([A-Za-z0-9_-]+)/.exec(mail.text)![1]! });
  }

  for (const viewport of VIEWPORTS) {
    const shot = (name: string) => `${viewport.name}-${name}`;
    await context.clearCookies();
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto(`${web.url}/login`);
    await page.waitForLoadState('networkidle');
    await page.fill('#accountNumber', vera.accountNumber);
    await page.fill('#password', NEW_PASSWORD);
    await page.check('#acceptTerms');
    await page.click('button:has-text("Войти")');
    await page.waitForURL('**/profile');
    const switcher = page.getByTestId('family-switcher');
    // what a screen reader says: the visible name and class after a spoken prefix
    await expect(switcher.locator('summary').textContent()).resolves.toMatch(
      /^Сменить ребёнка\. Сейчас: Сидорова Вера Ильинична, 04В/,
    );
    await switcher.locator('summary').click();
    await check(page, shot('06-family-switcher'));
    const cookieBefore = (await context.cookies(web.url)).find((cookie) => cookie.name === 'meals_session')?.value;
    await switcher.locator(`button[value="${gleb.accountNumber}"]`).click();
    await page.waitForURL('**/profile');
    await expect(page.getByTestId('account-number').textContent()).resolves.toBe(gleb.accountNumber);
    const cookieAfter = (await context.cookies(web.url)).find((cookie) => cookie.name === 'meals_session')?.value;
    expect(cookieAfter).not.toBe(cookieBefore);

    // from the statement back to the first child: the page stays the statement, for the same period
    const period = `?from=${today()}&to=${today()}&details=on`;
    await page.goto(`${web.url}/report${period}`);
    await page.getByTestId('family-switcher').locator('summary').click();
    await page.getByTestId('family-switcher').locator(`button[value="${vera.accountNumber}"]`).click();
    await page.locator('header', { hasText: vera.accountNumber }).waitFor();
    expect(new URL(page.url())).toMatchObject({ pathname: '/report', search: period });
    await page.goto(`${web.url}/family`);
    expect(await page.getByTestId('family-member').count()).toBe(2);
    await check(page, shot('07-family'));
    await page.close();
  }

  // the low-balance alert, on the first child's account: a threshold just under the balance
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${web.url}/profile`);
  const { balance } = await staff.account(vera.accountNumber);
  const threshold = Math.floor(balance / 100) * 100;
  await page.fill('#threshold', String(threshold / 100));
  await page.click('button:has-text("Сохранить порог")');
  await expect(page.getByTestId('low-balance-status').textContent()).resolves.toMatch(/Сохранено/);
  await check(page, 'desktop-08-low-balance-alert');
  expect(readOutbox(dataDir).filter((mail) => mail.file.startsWith('low-balance-'))).toEqual([]);
  await till.recordSale({
    checkNumber: '24-000010',
    cardUid: vera.cardUid,
    items: [{ name: 'Чай с сахаром 200 мл', qty: 1, price: 200 }],
    soldAt: new Date().toISOString(),
  });
  const alert = await waitForMail(dataDir, (mail) => mail.file.startsWith(`low-balance-${vera.accountNumber}-`));
  expect(alert.text).toContain(`Баланс: ${formatKopecks(balance - 200)}`);
  expect(alert.text).toContain(`${web.url}/top-up`);
  expect(readOutbox(dataDir).filter((mail) => mail.file.startsWith('low-balance-'))).toHaveLength(1);
  await page.close();
});
