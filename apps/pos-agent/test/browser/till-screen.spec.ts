/**
 * The till screen in a real browser (Debian chromium through playwright-core) against the
 * agent with simulated devices and a fake ledger: a cashier's break at a landscape monoblock
 * (mouse and keyboard) and at a touch screen — card picked, basket by search, favourites and
 * quantities, «Оплатить», the receipt on screen; short funds said without the amount;
 * offline; blocked and new cards; slips. axe on every state; screenshots in
 * apps/pos-agent/test-results/screenshots/.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { FakeLedger } from '../support/fake-ledger.js';
import { startTestTill, type TestTill } from '../support/test-till.js';

const SCREENSHOTS = join(__dirname, '..', '..', 'test-results', 'screenshots');
const CARDS = {
  alena: {
    cardUid: '04A1B2C3D4',
    accountNumber: '2400001',
    fullName: 'Иванова Алёна Петровна',
    className: '3Б',
    balance: 50_000,
  },
  petr: {
    cardUid: '04F0F0F0F0',
    accountNumber: '2400002',
    fullName: 'Петров Пётр Ильич',
    className: '5А',
    balance: 1_000,
  },
  masha: {
    cardUid: '04BBBBBBBB',
    accountNumber: '2400003',
    fullName: 'Сидорова Мария',
    className: '7В',
    balance: 5_000,
    cardStatus: 'blocked' as const,
    blockReason: 'stolen' as const,
  },
  ilya: {
    cardUid: '04CCCCCCCC',
    accountNumber: '2400004',
    fullName: 'Кузнецов Илья',
    className: '1А',
    balance: 0,
    cardStatus: 'issued' as const,
  },
};

let dir: string;
let ledger: FakeLedger;
let till: TestTill;
let context: BrowserContext;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'till-browser-'));
  ledger = new FakeLedger(Object.values(CARDS));
  till = await startTestTill({
    dataDir: join(dir, 'till'),
    ledger,
    saleWaitMs: 500,
    demoCards: Object.values(CARDS).map((card) => ({
      cardUid: card.cardUid,
      label: `${card.fullName}, ${card.className}`,
    })),
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  context = await chromium.launchPersistentContext(join(dir, 'chromium'), {
    executablePath: '/usr/bin/chromium',
    locale: 'ru-RU',
    viewport: { width: 1280, height: 800 },
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
});

afterAll(async () => {
  await context?.close();
  await till?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function openTill(): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    // a refused sale or activation is answered 422 on purpose: the browser logs every 4xx
    if (message.type() === 'error' && !message.text().includes('status of 422')) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(till.url);
  await page.getByText('Связь: есть').waitFor();
  return { page, errors };
}

async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`),
  ).toEqual([]);
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
const notice = (page: Page) => page.locator('#notice');

/** Waits until the element's text is (or, with `contains`, includes) the expected text; fails with what it was. */
async function seeText(
  locator: Locator,
  expected: string,
  { contains = false, timeoutMs = 5_000 } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: string | null = null;
  while (Date.now() < deadline) {
    last =
      (
        await locator
          .first()
          .textContent({ timeout: timeoutMs })
          .catch(() => null)
      )?.trim() ?? null;
    if (last !== null && (contains ? last.includes(expected) : last === expected)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`expected ${contains ? 'text containing' : 'text'} "${expected}", last seen "${last}"`);
}

it('a sale with the mouse and the keyboard: card picked, search, favourites, quantities, «Оплатить», receipt on screen', async () => {
  const { page, errors } = await openTill();
  await page.getByRole('heading', { name: 'Школа №24 · касса 24-01' }).waitFor();
  await seeText(page.locator('#status-reader'), 'Считыватель: симулятор');
  await expectAccessible(page);
  await shot(page, 'till-waiting');

  await page.getByLabel('Симулятор считывателя: выберите карту').selectOption(CARDS.alena.cardUid);
  await seeText(page.locator('#pupil-name'), 'Иванова Алёна Петровна');
  await seeText(page.locator('#pupil-balance'), '500,00 ₽');
  await page.getByRole('heading', { name: 'Избранное' }).waitFor();

  await page.keyboard.press('/');
  await page.keyboard.type('пицц');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Добавить ещё: Пицца 125 г' }).click();
  await page.locator('#search').fill('');
  await page
    .locator('#menu')
    .getByRole('button', { name: /Сок в ассортименте/ })
    .click();
  await seeText(page.locator('#total'), '82,20 ₽');
  await expectAccessible(page);
  await shot(page, 'till-basket');

  await page.keyboard.press('Control+Enter');
  await seeText(notice(page), 'Чек №24-000001 оплачен');
  await seeText(page.locator('#total'), '0,00 ₽');
  await seeText(page.locator('#pupil-balance'), '417,80 ₽');
  await page.getByText('Последние чеки').click();
  await seeText(page.locator('#receipts pre').first(), 'Чек №24-000001', { contains: true });
  await seeText(page.locator('#receipts pre').first(), '2 x 34,50 руб.', { contains: true });
  await expectAccessible(page);
  await shot(page, 'till-paid');
  expect(ledger.recorded.get('24-000001')?.items).toEqual([
    { name: 'Пицца 125 г', qty: 2, price: 3450 },
    { name: 'Сок в ассортименте 200 г', qty: 1, price: 1320 },
  ]);
  expect(readdirSync(join(dir, 'till', 'receipts'))).toContain('check-24-000001.txt');
  expect(errors).toEqual([]);
  await page.close();
});

it('short funds are said without an amount; blocked and new cards; slips; offline selling', async () => {
  const { page, errors } = await openTill();
  await page.getByLabel('Симулятор считывателя: выберите карту').selectOption(CARDS.petr.cardUid);
  await seeText(page.locator('#pupil-name'), 'Петров Пётр Ильич');
  await page
    .locator('#menu')
    .getByRole('button', { name: /Пицца 125 г/ })
    .click();
  await page.getByRole('button', { name: 'Оплатить' }).click();
  await seeText(notice(page), 'Недостаточно средств на карте для этого заказа');
  await expectAccessible(page);
  await shot(page, 'till-short-funds');

  await page.getByLabel('Симулятор считывателя: выберите карту').selectOption(CARDS.masha.cardUid);
  await seeText(notice(page), 'Карта заблокирована: карта украдена');
  expect(await page.getByRole('button', { name: 'Оплатить' }).isDisabled()).toBe(true);
  await page.getByRole('button', { name: 'Активация карты' }).click();
  await seeText(notice(page), 'Активировать нельзя', { contains: true });
  await shot(page, 'till-blocked-card');

  await page.getByLabel('Симулятор считывателя: выберите карту').selectOption(CARDS.ilya.cardUid);
  await seeText(notice(page), 'Карта не активирована: нажмите «Активация карты»');
  await page.getByRole('button', { name: 'Активация карты' }).click();
  await seeText(notice(page), 'Карта активирована');
  await seeText(page.locator('#card-status'), 'Карта активна');

  await page.getByLabel('Симулятор считывателя: выберите карту').selectOption(CARDS.alena.cardUid);
  await seeText(page.locator('#pupil-name'), 'Иванова Алёна Петровна');
  await page.getByRole('button', { name: 'Временный пароль' }).click();
  await seeText(notice(page), 'Временный пароль напечатан');
  await page.getByRole('button', { name: 'Детализация' }).click();
  await seeText(notice(page), 'Детализация напечатана');
  await page.getByText('Последние чеки').click();
  await seeText(page.locator('#receipts pre').first(), 'Детализация', { contains: true });
  await shot(page, 'till-statement-slip');

  ledger.down = true;
  await page.getByLabel('Номер карты (симулятор считывателя)').fill(CARDS.alena.cardUid);
  await page.keyboard.press('Enter');
  await seeText(page.locator('#status-link'), 'Нет связи: продажа офлайн');
  await seeText(notice(page), 'Нет связи с сервером: баланс по последним данным кассы');
  await page
    .locator('#menu')
    .getByRole('button', { name: /Чай с сахаром/ })
    .click();
  await page.getByRole('button', { name: 'Оплатить' }).click();
  await seeText(notice(page), 'без связи: будет отправлен позже', { contains: true });
  await seeText(page.locator('#status-link'), 'Нет связи: продажа офлайн, в очереди 1');
  await expectAccessible(page);
  await shot(page, 'till-offline');
  ledger.down = false;
  await seeText(page.locator('#status-link'), 'Связь: есть', { timeoutMs: 15_000 });
  expect(errors).toEqual([]);
  await page.close();
});

it('works by touch on a smaller screen', async () => {
  const touch = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await (
      await touch.newContext({
        viewport: { width: 1024, height: 768 },
        hasTouch: true,
        isMobile: true,
        locale: 'ru-RU',
      })
    ).newPage();
    await page.goto(till.url);
    await page.getByText('Связь: есть').waitFor();
    await page.getByLabel('Симулятор считывателя: выберите карту').selectOption(CARDS.alena.cardUid);
    await seeText(page.locator('#pupil-name'), 'Иванова Алёна Петровна');
    await page
      .locator('#menu')
      .getByRole('button', { name: /Булочка ванильная/ })
      .tap();
    await page.getByRole('button', { name: 'Добавить ещё: Булочка ванильная с изюмом 110 г' }).tap();
    await seeText(page.locator('#total'), '33,00 ₽');
    const pay = page.getByRole('button', { name: 'Оплатить' });
    const box = (await pay.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(60); // a target for a thumb
    await pay.tap();
    await seeText(page.locator('#notice'), 'оплачен', { contains: true });
    await shot(page, 'till-touch');
  } finally {
    await touch.close();
  }
});
