/**
 * The till agent as its own process against the real embedded ledger (the launcher: ledger
 * and projections on SQLite in a temp directory). The network is cut by stopping the
 * ledger: 100 sales go on offline, the ledger returns, and exactly 100 debits arrive with
 * the right balances. Then the agent is killed (-9) with checks still queued and restarted
 * by its supervisor: nothing lost, nothing doubled.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDemoBuffet, createKeyWithCli } from '@meals/demo';
import {
  findRepoRoot,
  freePort,
  startLedgerProcesses,
  startTillProcess,
  type LedgerProcesses,
  type SupervisedProcess,
} from '@meals/launcher';
import { LedgerClient } from '@meals/ledger-client';

const FUNDS = 80_000;
const NAMES = [
  'Иванова Алёна Петровна',
  'Петров Пётр Ильич',
  'Сидорова Мария Олеговна',
  'Кузнецов Илья Андреевич',
  'Смирнова Ольга Игоревна',
];
const BASKETS = [
  { items: [{ itemId: 'pizza-125', qty: 1 }], total: 3450 },
  {
    items: [
      { itemId: 'tea-200', qty: 2 },
      { itemId: 'buckwheat-150', qty: 1 },
    ],
    total: 1360,
  },
  { items: [{ itemId: 'juice-200', qty: 1 }], total: 1320 },
];

let dataDir: string;
let ledgerPort: number;
let ledger: LedgerProcesses;
let tillService: SupervisedProcess;
let tillUrl: string;
let admin: LedgerClient;
let tillClient: LedgerClient;
let pupils: { cardUid: string; accountNumber: string }[];
let tillKey: string;
/** what the test sold per card (kopecks), to compare with the ledger */
const spent = new Map<string, number>();
const sold = new Map<string, string[]>();

const startLedger = () =>
  startLedgerProcesses({
    dataDir: join(dataDir, 'ledger'),
    port: ledgerPort,
    env: { TILL_OFFLINE_LIMIT_KOPECKS: '30000' },
  });

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'till-real-'));
  const cli = { dataDir: join(dataDir, 'ledger') };
  const keys = {
    admin: await createKeyWithCli({ name: 'admin', role: 'admin' }, cli),
    bank: await createKeyWithCli({ name: 'bank', role: 'bank' }, cli),
    till: await createKeyWithCli({ name: 'till', role: 'till', schoolId: '24', tillId: '24-01' }, cli),
  };
  tillKey = keys.till;
  ledgerPort = await freePort();
  ledger = await startLedger();
  const client = (token: string) => new LedgerClient({ baseUrl: ledger.baseUrl, token });
  admin = client(keys.admin);
  tillClient = client(keys.till);
  await admin.registerSchool({ schoolId: '24', name: 'Школа №24', departmentId: 'uo-sochi' });
  const imported = await admin.importPupils('24', {
    body: `school,class,full_name\n${NAMES.map((name) => `24,3Б,${name}`).join('\n')}\n`,
    contentType: 'text/csv',
  });
  pupils = imported.accounts.map(({ cardUid, accountNumber }) => ({ cardUid, accountNumber }));
  for (const [i, pupil] of pupils.entries()) {
    await tillClient.activateCard(pupil.cardUid);
    await client(keys.bank).recordTopUp({
      paymentId: `till-real-${i}`,
      accountNumber: pupil.accountNumber,
      channel: 'bank_online',
      amount: FUNDS,
      paidAt: new Date().toISOString(),
    });
  }
  await addDemoBuffet(admin, '24');
  const till = await startTillProcess({
    repoRoot: findRepoRoot(),
    dataDir,
    port: await freePort(),
    ledgerUrl: ledger.baseUrl,
    apiKey: keys.till,
    schoolId: '24',
    tillId: '24-01',
    env: { LOG_LEVEL: 'debug', TILL_OFFLINE_LIMIT_KOPECKS: '30000', TILL_LEDGER_TIMEOUT_MS: '1000' },
    say: () => {},
    restartPolicy: { initialDelayMs: 100, quickCrashMs: 100 },
  });
  tillService = till.service;
  tillUrl = till.url;
  // the buffet is a read model: wait until the till has fetched it (it caches it for offline selling)
  await until(
    async () => ((await (await fetch(`${tillUrl}/api/assortment`)).json()) as { items: unknown[] }).items.length > 0,
    30_000,
    'the till to have the assortment',
  );
  for (const pupil of pupils) expect((await post('/api/card', { cardUid: pupil.cardUid })).ok).toBe(true);
}, 180_000);

afterAll(async () => {
  await tillService?.stop();
  await ledger?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function post(path: string, body: unknown): Promise<any> {
  const response = await fetch(tillUrl + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return response.json();
}

const tillState = async (): Promise<any> => (await fetch(`${tillUrl}/api/state`)).json();

async function sellOffline(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const pupil = pupils[i % pupils.length]!;
    const basket = BASKETS[i % BASKETS.length]!;
    expect((await post('/api/card', { cardUid: pupil.cardUid })).card.source).toBe('cache');
    const sale = await post('/api/sale', { cardUid: pupil.cardUid, items: basket.items });
    expect(sale).toMatchObject({ ok: true, offline: true, total: basket.total });
    spent.set(pupil.cardUid, (spent.get(pupil.cardUid) ?? 0) + basket.total);
    sold.set(pupil.cardUid, [...(sold.get(pupil.cardUid) ?? []), sale.checkNumber]);
  }
}

async function until(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Every card's checks in the ledger are exactly the ones sold, once each, and the balance is what is left. */
async function expectLedgerMatchesSales(): Promise<void> {
  await until(
    async () => {
      for (const pupil of pupils) {
        const recent = await tillClient.recentOperations(pupil.cardUid, 50);
        const checks = recent.lines.filter((line) => line.checkNumber !== null).length;
        if (checks !== (sold.get(pupil.cardUid) ?? []).length) return false;
      }
      return true;
    },
    30_000,
    'the read models to show every check',
  );
  for (const pupil of pupils) {
    const recent = await tillClient.recentOperations(pupil.cardUid, 50);
    const numbers = recent.lines.flatMap((line) => (line.checkNumber ? [line.checkNumber] : []));
    expect(new Set(numbers).size).toBe(numbers.length);
    expect([...numbers].sort()).toEqual([...(sold.get(pupil.cardUid) ?? [])].sort());
    expect((await admin.account(pupil.accountNumber)).balance).toBe(FUNDS - (spent.get(pupil.cardUid) ?? 0));
  }
}

it('sells 100 checks while the ledger is stopped; when it is back, 100 debits arrive, none twice, balances right', async () => {
  await ledger.stop();
  await sellOffline(100);
  const offline = await tillState();
  expect(offline.link).toMatchObject({ online: false, queued: 100 });
  ledger = await startLedger();
  await until(async () => (await tillState()).link.queued === 0, 60_000, 'the queue to drain');
  expect((await tillState()).link).toMatchObject({ online: true, refused: 0 });
  await expectLedgerMatchesSales();
  // the agent logged at debug level through all of it, and never its key
  const log = readFileSync(join(dataDir, 'till.log'), 'utf8');
  expect(log).toContain('check delivered');
  expect(log).not.toContain(tillKey);
}, 180_000);

it('kill -9 of the agent mid-queue, restart: nothing lost or doubled', async () => {
  await ledger.stop();
  await sellOffline(60);
  expect((await tillState()).link.queued).toBe(60);
  const logFile = join(dataDir, 'till.log');
  const deliveredSoFar = () => readFileSync(logFile, 'utf8').split('"check delivered"').length - 1;
  const before = deliveredSoFar();
  ledger = await startLedger();
  // kill the agent at the first answer of the ledger: checks are in flight, some recorded by the
  // ledger and not yet by the till (it records answers in batches), the rest still queued
  const pid = tillService.pid!;
  const deadline = Date.now() + 30_000;
  while (deliveredSoFar() === before) {
    if (Date.now() > deadline) throw new Error('the delivery did not start');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  process.kill(pid, 'SIGKILL');
  await until(
    async () =>
      tillService.pid !== pid &&
      (await fetch(`${tillUrl}/api/state`).then(
        (r) => r.ok,
        () => false,
      )),
    30_000,
    'the supervisor to restart the agent',
  );
  await until(async () => (await tillState()).link.queued === 0, 60_000, 'the queue to drain after the restart');
  // what the ledger had recorded before the kill was sent again and answered as a duplicate
  expect(readFileSync(logFile, 'utf8')).toContain('"status":"duplicate"');
  await expectLedgerMatchesSales();
  // the numbering continued across the kill: 24-000001 … 24-<n>, none missing, none twice
  const all = [...sold.values()].flat().sort();
  expect(all).toEqual(Array.from({ length: all.length }, (_, i) => `24-${String(i + 1).padStart(6, '0')}`));
}, 180_000);

it('prints «Детализация» and a temporary password from the real ledger; a card blocked at the office is refused with its reason', async () => {
  const [first, , , , last] = pupils;
  expect(await post('/api/card', { cardUid: first!.cardUid })).toMatchObject({ ok: true, card: { source: 'ledger' } });
  expect(await post('/api/statement', { cardUid: first!.cardUid })).toMatchObject({ ok: true, printed: true });
  expect(await post('/api/temporary-password', { cardUid: first!.cardUid })).toMatchObject({ ok: true, printed: true });
  const receipts = (await tillState()).receipts
    .map((receipt: { kind: string; text: string }) => receipt.text)
    .join('\n');
  expect(receipts).toContain('Детализация');
  expect(receipts).toContain(first!.accountNumber);

  await admin.blockCard(last!.accountNumber, { cardUid: last!.cardUid, reason: 'lost' });
  // the card lookup reads a read model: the block shows once the projections have it
  await until(
    async () => (await post('/api/card', { cardUid: last!.cardUid })).card?.cardStatus === 'blocked',
    30_000,
    'the block to reach the till',
  );
  expect((await tillState()).card).toMatchObject({ cardStatus: 'blocked', blockedReason: 'карта утеряна' });
  expect((await tillState()).notice.text).toBe('Карта заблокирована: карта утеряна');
  expect(await post('/api/sale', { cardUid: last!.cardUid, items: BASKETS[0]!.items })).toMatchObject({
    ok: false,
    code: 'card_blocked',
  });
  expect(await post('/api/activate', { cardUid: last!.cardUid })).toMatchObject({ ok: false, code: 'card_blocked' });
}, 60_000);
