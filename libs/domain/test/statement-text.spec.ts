import {
  businessDate,
  businessTime,
  describeEntry,
  statementEntryKind,
  type AccountEvent,
  type TopUpChannel,
} from '@meals/domain';

const account = '0240000019';
const topUp = (channel: TopUpChannel): AccountEvent => ({
  type: 'account.topped-up.v1',
  data: { accountNumber: account, paymentId: 'p1', channel, amount: 100, paidAt: '2024-01-17T21:30:00Z' },
});
const sale: AccountEvent = {
  type: 'account.sale-debited.v1',
  data: {
    accountNumber: account,
    checkNumber: '24-001983',
    schoolId: '24',
    tillId: '24-01',
    cardUid: 'C1',
    items: [{ name: 'Пицца 125 г', qty: 1, price: 3450, amount: 3450 }],
    total: 3450,
    soldAt: '2024-01-18T06:10:00Z',
  },
};

describe('describeEntry: Russian statement text', () => {
  it.each<[TopUpChannel, string]>([
    ['bank_online', 'Пополнение: Сбербанк Онлайн'],
    ['terminal', 'Пополнение: терминал'],
    ['atm', 'Пополнение: банкомат'],
    ['cabinet_card', 'Пополнение: банковская карта (личный кабинет)'],
    ['qiwi', 'Пополнение: QIWI'],
    ['cash_desk', 'Пополнение: касса'],
  ])('a top-up through %s reads "%s"', (channel, text) => {
    expect(describeEntry(topUp(channel))).toBe(text);
  });

  it('a sale reads as its check number', () => {
    expect(describeEntry(sale)).toBe('Чек №24-001983');
  });

  it('corrections, refunds and transfers name their reason or counter-account', () => {
    expect(
      describeEntry({
        type: 'account.corrected.v1',
        data: { accountNumber: account, correctionId: 'c', amount: -5, reason: 'двойное списание' },
      }),
    ).toBe('Корректировка: двойное списание');
    expect(
      describeEntry({
        type: 'account.refunded.v1',
        data: { accountNumber: account, refundId: 'r', amount: 5, reason: 'выбытие' },
      }),
    ).toBe('Возврат: выбытие');
    expect(
      describeEntry({
        type: 'account.balance-transferred-out.v1',
        data: { accountNumber: account, transferId: 't', toAccountNumber: '0242013137', amount: 5 },
      }),
    ).toBe('Перевод на л/с 0242013137');
    expect(
      describeEntry({
        type: 'account.balance-transferred-in.v1',
        data: { accountNumber: account, transferId: 't', fromAccountNumber: '0242013137', amount: 5 },
      }),
    ).toBe('Перевод с л/с 0242013137');
  });

  it('non-money events have a text too', () => {
    expect(
      describeEntry({ type: 'card.issued.v1', data: { accountNumber: account, cardUid: 'C1', replacesCardUid: null } }),
    ).toBe('Карта выдана');
    expect(
      describeEntry({ type: 'card.issued.v1', data: { accountNumber: account, cardUid: 'C2', replacesCardUid: 'C1' } }),
    ).toBe('Карта перевыпущена');
    expect(
      describeEntry({ type: 'card.activated.v1', data: { accountNumber: account, cardUid: 'C1', tillId: 't' } }),
    ).toBe('Карта активирована');
    expect(
      describeEntry({ type: 'card.blocked.v1', data: { accountNumber: account, cardUid: 'C1', reason: 'stolen' } }),
    ).toBe('Карта заблокирована: украдена');
    expect(
      describeEntry({
        type: 'account.opened.v1',
        data: { accountNumber: account, schoolId: '24', className: '03Б', fullName: 'X' },
      }),
    ).toBe('Открыт лицевой счёт, класс 03Б');
    expect(describeEntry({ type: 'account.closed.v1', data: { accountNumber: account, reason: 'выбыл' } })).toBe(
      'Лицевой счёт закрыт: выбыл',
    );
    expect(
      describeEntry({
        type: 'account.moved.v1',
        data: {
          accountNumber: account,
          fromSchoolId: '24',
          fromClassName: '03Б',
          toSchoolId: '24',
          toClassName: '04Б',
        },
      }),
    ).toBe('Смена класса: 03Б → 04Б');
    expect(
      describeEntry({
        type: 'account.moved.v1',
        data: {
          accountNumber: account,
          fromSchoolId: '24',
          fromClassName: '03Б',
          toSchoolId: '31',
          toClassName: '03А',
        },
      }),
    ).toBe('Смена школы: №24 → №31, класс 03А');
  });
});

describe('statementEntryKind', () => {
  it('classifies money events and returns null for the rest', () => {
    expect(statementEntryKind(topUp('atm'))).toBe('top_up');
    expect(statementEntryKind(sale)).toBe('sale');
    expect(
      statementEntryKind({
        type: 'account.corrected.v1',
        data: { accountNumber: account, correctionId: 'c', amount: 1, reason: 'r' },
      }),
    ).toBe('correction');
    expect(
      statementEntryKind({
        type: 'account.refunded.v1',
        data: { accountNumber: account, refundId: 'r', amount: 1, reason: 'r' },
      }),
    ).toBe('refund');
    expect(
      statementEntryKind({
        type: 'account.balance-transferred-in.v1',
        data: { accountNumber: account, transferId: 't', fromAccountNumber: 'x', amount: 1 },
      }),
    ).toBe('transfer_in');
    expect(
      statementEntryKind({
        type: 'account.balance-transferred-out.v1',
        data: { accountNumber: account, transferId: 't', toAccountNumber: 'x', amount: 1 },
      }),
    ).toBe('transfer_out');
    expect(
      statementEntryKind({ type: 'card.activated.v1', data: { accountNumber: account, cardUid: 'C1', tillId: 't' } }),
    ).toBeNull();
  });
});

describe('businessTime and businessDate', () => {
  it('a top-up belongs to when it was paid, a sale to when it was sold, anything else to when it was recorded', () => {
    expect(businessTime(topUp('atm'), '2024-01-19T00:00:00Z')).toBe('2024-01-17T21:30:00Z');
    expect(businessTime(sale, '2024-01-19T00:00:00Z')).toBe('2024-01-18T06:10:00Z');
    expect(
      businessTime(
        { type: 'card.activated.v1', data: { accountNumber: account, cardUid: 'C1', tillId: 't' } },
        '2024-01-19T00:00:00Z',
      ),
    ).toBe('2024-01-19T00:00:00Z');
  });

  it('dates are taken in the municipality time zone (Moscow by default)', () => {
    expect(businessDate('2024-01-17T21:30:00Z')).toBe('2024-01-18');
    expect(businessDate('2024-01-17T21:30:00Z', 'Europe/Moscow')).toBe('2024-01-18');
    expect(businessDate('2024-01-17T21:30:00Z', 'UTC')).toBe('2024-01-17');
    expect(businessDate('2024-01-18T03:00:00+07:00', 'Asia/Novosibirsk')).toBe('2024-01-18');
  });

  it('refuses text that is not an instant', () => {
    expect(() => businessDate('yesterday')).toThrow(RangeError);
  });
});
