/**
 * The agent with real serial devices: socat pty pairs stand in for the USB card reader and
 * the receipt printer. The test writes card lines into the reader's pty and decodes the
 * ESC/POS bytes arriving at the printer's pty; devices are unplugged and plugged back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeLedger } from './support/fake-ledger.js';
import { escposText } from './support/escpos-text.js';
import { openSerialEnd, startSerialCable, startSerialCableAt, type SerialCable, type SerialEnd } from '@meals/launcher';
import { waitUntil } from './support/wait-until.js';
import { startTestTill, type TestTill } from './support/test-till.js';

let dir: string;
let readerPair: SerialCable;
let printerPair: SerialCable;
let reader: SerialEnd;
let printer: SerialEnd;
let ledger: FakeLedger;
let till: TestTill;

const pupils = [
  {
    cardUid: '04A1B2C3D4',
    accountNumber: '2400001',
    fullName: 'Иванова Алёна Петровна',
    className: '3Б',
    balance: 50_000,
  },
  {
    cardUid: '04BLOCKED1',
    accountNumber: '2400002',
    fullName: 'Петров Пётр',
    className: '5А',
    balance: 10_000,
    cardStatus: 'blocked' as const,
    blockReason: 'lost' as const,
  },
];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'till-devices-'));
  readerPair = await startSerialCable(dir, 'reader');
  printerPair = await startSerialCable(dir, 'printer');
  ledger = new FakeLedger(pupils);
  till = await startTestTill({
    dataDir: join(dir, 'till'),
    ledger,
    reader: { path: readerPair.devicePath, baudRate: 9600 },
    printer: { path: printerPair.devicePath, baudRate: 19200 },
  });
  reader = await openSerialEnd(readerPair.otherPath);
  printer = await openSerialEnd(printerPair.otherPath);
  await waitUntil(
    () =>
      till.agent.state().devices.reader.state === 'connected' &&
      till.agent.state().devices.printer.state === 'connected',
  );
});

afterAll(async () => {
  await till?.stop();
  await reader?.close();
  await printer?.close();
  await readerPair?.stop();
  await printerPair?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const state = () => till.agent.state();
const printedText = () => escposText(printer.received());
const receiptDone = () => printer.received().includes(Buffer.from([0x1d, 0x56]));

it('reads a card line from the reader, sells, and prints a Cyrillic check on the printer', async () => {
  await reader.write('04A1B2C3D4\r\n');
  await waitUntil(() => state().card?.cardUid === '04A1B2C3D4', 5_000, 'the card on screen');
  expect(state().card).toMatchObject({
    fullName: 'Иванова Алёна Петровна',
    className: '3Б',
    balance: 50_000,
    source: 'ledger',
  });

  const sale = await till.post('/api/sale', {
    cardUid: '04A1B2C3D4',
    items: [
      { itemId: 'pizza', qty: 1 },
      { itemId: 'juice', qty: 2 },
    ],
  });
  expect(sale.body).toMatchObject({
    ok: true,
    checkNumber: '24-000001',
    total: 6090,
    offline: false,
    balanceAfter: 43_910,
    printed: true,
  });
  await waitUntil(receiptDone, 5_000, 'the receipt at the printer');
  const text = printedText();
  for (const expected of [
    'Школа №24',
    'Касса 24-01',
    'Чек №24-000001',
    'Пицца 125 г',
    'Сок в ассортименте 200 г',
    '2 x 13,20 руб.',
    'ИТОГО',
    '60,90 руб.',
    'Остаток на счёте',
    '439,10 руб.',
  ]) {
    expect(text).toContain(expected);
  }
  expect(ledger.recorded.size).toBe(1);
});

it('tells the cashier about noise, split lines, overlong lines, unknown and blocked cards, and sells nothing', async () => {
  const calls = ledger.saleCalls.length;
  await reader.write(Buffer.from([0x00, 0xff, 0xfe, 0x0d, 0x0a]));
  await waitUntil(() => state().notice?.text.includes('помехи') === true, 5_000, 'the noise notice');

  await reader.write('X'.repeat(5_000) + '\n');
  await waitUntil(() => state().notice?.text.includes('слишком длинную') === true, 5_000, 'the long-line notice');

  await reader.write('04UNKNOWN9\n');
  await waitUntil(() => state().notice?.text.includes('Карта не найдена') === true, 5_000, 'the unknown-card notice');
  expect(state().card).toBeNull();

  await reader.write('04BLO');
  await new Promise((resolve) => setTimeout(resolve, 50));
  await reader.write('CKED1\r\n');
  await waitUntil(() => state().card?.cardUid === '04BLOCKED1', 5_000, 'the blocked card');
  expect(state().notice?.text).toBe('Карта заблокирована: карта утеряна');
  const sale = await till.post('/api/sale', { cardUid: '04BLOCKED1', items: [{ itemId: 'tea', qty: 1 }] });
  expect(sale.body).toMatchObject({ ok: false, code: 'card_blocked' });
  const activation = await till.post('/api/activate', { cardUid: '04BLOCKED1' });
  expect(activation.body.message).toContain('Карта заблокирована: карта утеряна');
  expect(ledger.saleCalls.length).toBe(calls);
});

it('keeps the sale when the printer is gone, says so, and prints it again once the printer is back', async () => {
  await printer.close();
  await printerPair.stop();
  await waitUntil(() => state().devices.printer.state !== 'connected', 5_000, 'the printer gone');
  expect(state().notice?.text).toContain('Принтер отключён');

  await reader.write('04A1B2C3D4\n');
  await waitUntil(() => state().card?.cardUid === '04A1B2C3D4' && state().notice === null, 5_000, 'the card');
  const sale = await till.post('/api/sale', { cardUid: '04A1B2C3D4', items: [{ itemId: 'bun', qty: 1 }] });
  expect(sale.body).toMatchObject({ ok: true, checkNumber: '24-000002', printed: false });
  expect(sale.body.problem).toContain('Печатать снова');
  expect(ledger.recorded.has('24-000002')).toBe(true);
  expect(state().unprinted.map((check) => check.checkNumber)).toEqual(['24-000002']);

  printerPair = await startSerialCableAt(printerPair.devicePath, printerPair.otherPath);
  printer = await openSerialEnd(printerPair.otherPath);
  await waitUntil(() => state().devices.printer.state === 'connected', 10_000, 'the printer back');
  const again = await till.post('/api/reprint', { id: 'check-24-000002' });
  expect(again.body).toMatchObject({ ok: true, printed: true });
  await waitUntil(receiptDone, 5_000, 'the reprinted receipt');
  expect(printedText()).toContain('Чек №24-000002');
  expect(printedText()).toContain('Булочка ванильная с изюмом 110 г');
  expect(state().unprinted).toEqual([]);
  expect(ledger.saleCalls.filter((call) => call.checkNumber === '24-000002')).toHaveLength(1);
});

it('reconnects to a reader unplugged and plugged back in, and reads cards again', async () => {
  await reader.close();
  await readerPair.stop();
  await waitUntil(() => state().devices.reader.state !== 'connected', 5_000, 'the reader gone');
  readerPair = await startSerialCableAt(readerPair.devicePath, readerPair.otherPath);
  reader = await openSerialEnd(readerPair.otherPath);
  await waitUntil(() => state().devices.reader.state === 'connected', 10_000, 'the reader back');
  await till.post('/api/card/clear', {});
  await reader.write('04A1B2C3D4\n');
  await waitUntil(() => state().card?.cardUid === '04A1B2C3D4', 5_000, 'the card after replugging');
});

it('prints the temporary password slip and the «Детализация» slip for the card on screen', async () => {
  printer.clear();
  const password = await till.post('/api/temporary-password', { cardUid: '04A1B2C3D4' });
  expect(password.body).toMatchObject({ ok: true, printed: true });
  await waitUntil(receiptDone, 5_000, 'the password slip');
  expect(printedText()).toContain('Щука-7391');
  expect(printedText()).toContain('2400001');
  printer.clear();
  const statement = await till.post('/api/statement', { cardUid: '04A1B2C3D4' });
  expect(statement.body).toMatchObject({ ok: true, printed: true });
  await waitUntil(receiptDone, 5_000, 'the statement slip');
  expect(printedText()).toContain('Детализация');
  expect(printedText()).toContain('Чек №24-000001');
  expect(till.logs.join('')).not.toContain('Щука-7391');
  expect(JSON.stringify(till.agent.state())).not.toContain('Щука-7391'); // on paper only, not on the screen
});
