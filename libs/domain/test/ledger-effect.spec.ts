import { balanceChange, ledgerEffect, type LedgerEvent } from '@meals/domain';

const account = '0240000019';

describe('ledgerEffect: the money effect of an event on its own account', () => {
  const cases: [string, LedgerEvent, { credit: number; debit: number }][] = [
    [
      'a top-up credits its amount',
      {
        type: 'account.topped-up.v1',
        data: {
          accountNumber: account,
          paymentId: 'p1',
          channel: 'atm',
          amount: 50000,
          paidAt: '2024-01-18T07:00:00Z',
        },
      },
      { credit: 50000, debit: 0 },
    ],
    [
      'a sale debits its total',
      {
        type: 'account.sale-debited.v1',
        data: {
          accountNumber: account,
          checkNumber: '24-001983',
          schoolId: '24',
          tillId: '24-01',
          cardUid: 'C1',
          items: [{ name: 'Пицца 125 г', qty: 1, price: 3450, amount: 3450 }],
          total: 3450,
          soldAt: '2024-01-18T09:00:00Z',
        },
      },
      { credit: 0, debit: 3450 },
    ],
    [
      'a positive correction credits',
      { type: 'account.corrected.v1', data: { accountNumber: account, correctionId: 'c1', amount: 700, reason: 'r' } },
      { credit: 700, debit: 0 },
    ],
    [
      'a negative correction debits its absolute value',
      { type: 'account.corrected.v1', data: { accountNumber: account, correctionId: 'c2', amount: -700, reason: 'r' } },
      { credit: 0, debit: 700 },
    ],
    [
      'a refund debits',
      { type: 'account.refunded.v1', data: { accountNumber: account, refundId: 'r1', amount: 1200, reason: 'r' } },
      { credit: 0, debit: 1200 },
    ],
    [
      'a transfer out debits',
      {
        type: 'account.balance-transferred-out.v1',
        data: { accountNumber: account, transferId: 't', toAccountNumber: '0240000027', amount: 900 },
      },
      { credit: 0, debit: 900 },
    ],
    [
      'a transfer in credits',
      {
        type: 'account.balance-transferred-in.v1',
        data: { accountNumber: account, transferId: 't', fromAccountNumber: '0240000027', amount: 900 },
      },
      { credit: 900, debit: 0 },
    ],
    [
      'opening moves no money',
      { type: 'account.opened.v1', data: { accountNumber: account, schoolId: '24', className: '03Б', fullName: 'X' } },
      { credit: 0, debit: 0 },
    ],
    [
      'a card block moves no money',
      { type: 'card.blocked.v1', data: { accountNumber: account, cardUid: 'C1', reason: 'lost' } },
      { credit: 0, debit: 0 },
    ],
    [
      'a school event moves no money',
      { type: 'school.registered.v1', data: { schoolId: '24', name: 'Школа №24', departmentId: 'd1' } },
      { credit: 0, debit: 0 },
    ],
  ];

  it.each(cases)('%s', (_name, event, expected) => {
    expect(ledgerEffect(event)).toEqual(expected);
    expect(balanceChange(event)).toBe(expected.credit - expected.debit);
  });
});
