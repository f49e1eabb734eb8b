import { encodeReceipt } from '../src/receipts/escpos-receipt.js';
import { receiptAsText } from '../src/receipts/receipt.js';
import { saleReceipt, statementSlip, temporaryPasswordSlip } from '../src/receipts/till-receipts.js';
import { escposText } from './support/escpos-text.js';

const till = {
  schoolId: '24',
  schoolName: 'МБОУ «Школа №24»',
  tillId: '24-01',
  cabinetUrl: 'https://pitanie.example',
  timeZone: 'Europe/Moscow',
};
const check = {
  seq: 17,
  checkNumber: '24-000017',
  cardUid: '04A1B2C3',
  accountNumber: '2400017',
  fullName: 'Иванова Алёна',
  items: [
    { name: 'Каша гречневая рассыпчатая 150 г', qty: 1, price: 830 },
    { name: 'Сок в ассортименте 200 г', qty: 2, price: 1320 },
  ],
  total: 3470,
  soldAt: '2026-12-06T09:05:00.000Z',
  offline: false,
  state: 'delivered' as const,
  balanceAfter: 804,
  attempts: 1,
  lastError: null,
  refusal: null,
  refusalReported: false,
  printed: false,
};

describe('receipts as ESC/POS in cp866', () => {
  it('prints the sale check with Cyrillic intact: school, till, number, time, items, total, balance after', () => {
    const printed = escposText(encodeReceipt(saleReceipt(till, check), 42));
    for (const expected of [
      'МБОУ "Школа №24"',
      'Касса 24-01',
      'Чек №24-000017',
      '06.12.2026 12:05',
      'Каша гречневая рассыпчатая 150 г',
      '2 x 13,20 руб.',
      '26,40 руб.',
      'ИТОГО',
      '34,70 руб.',
      'Остаток на счёте',
      '8,04 руб.',
    ]) {
      expect(printed).toContain(expected);
    }
    expect(printed).not.toContain('?');
  });

  it('says on paper that an offline check is provisional', () => {
    const printed = escposText(encodeReceipt(saleReceipt(till, { ...check, state: 'pending', offline: true }), 42));
    expect(printed).toContain('Остаток (предварительно)');
    expect(printed).toContain('без связи');
  });

  it('prints the temporary password slip and the «Детализация» slip', () => {
    const password = escposText(
      encodeReceipt(
        temporaryPasswordSlip(
          till,
          { accountNumber: '2400017', temporaryPassword: 'Щука-7391', expiresAt: '2026-12-07T09:05:00.000Z' },
          new Date(),
        ),
        42,
      ),
    );
    expect(password).toContain('Временный пароль');
    expect(password).toContain('Щука-7391');
    expect(password).toContain('https://pitanie.example');
    expect(password).toContain('24 часа');
    const statement = escposText(
      encodeReceipt(
        statementSlip(
          till,
          {
            accountNumber: '2400017',
            fullName: 'Иванова Алёна',
            className: '3Б',
            schoolId: '24',
            balance: 804,
            lines: [
              {
                at: '2026-12-06T09:05:00.000Z',
                date: '2026-12-06',
                kind: 'sale',
                description: 'Чек №24-000017',
                debit: 3470,
                credit: 0,
                checkNumber: '24-000017',
                items: [{ name: 'Сок в ассортименте 200 г', qty: 2, price: 1320, amount: 2640 }],
              },
            ],
          },
          new Date(),
        ),
        42,
      ),
    );
    expect(statement).toContain('Детализация');
    expect(statement).toContain('Чек №24-000017');
    expect(statement).toContain('-34,70 руб.');
    expect(statement).toContain('Сок в ассортименте 200 г');
  });

  it('keeps every printed line within the paper width', () => {
    const text = receiptAsText(saleReceipt(till, check), 32);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(32);
  });
});
