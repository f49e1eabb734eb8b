import {
  CARD,
  JUICE,
  PIZZA,
  cardBlocked,
  cardIssued,
  closed,
  opened,
  readyAccount,
  sale,
  saleDebited,
  toppedUp,
} from './support/account-fixtures.js';
import { givenAccount } from './support/given-when-then.js';

const funded = [...readyAccount, toppedUp(10000)];
const total = PIZZA.price + 2 * JUICE.price; // 6090

describe('RecordSale', () => {
  it('debits the check, the total computed from the items', () => {
    givenAccount(...funded)
      .when(sale())
      .then([saleDebited(sale())]);
    expect(givenAccount(...funded, saleDebited(sale())).state.balance).toBe(10000 - total);
  });

  it('a till retry of the same check changes nothing, even after the card was blocked', () => {
    givenAccount(...funded, saleDebited(sale()))
      .when(sale())
      .thenNothing();
    givenAccount(...funded, saleDebited(sale()), cardBlocked())
      .when(sale())
      .thenNothing();
    givenAccount(...funded, saleDebited(sale()))
      .when(sale({ soldAt: '2024-01-18T06:10:00Z' }))
      .thenNothing();
  });

  it('the same check number with other content is a conflict: check_conflict', () => {
    givenAccount(...funded, saleDebited(sale()))
      .when(sale({ items: [PIZZA] }))
      .thenRefused('check_conflict', { checkNumber: '24-001983' });
    givenAccount(...funded, saleDebited(sale()))
      .when(sale({ tillId: '24-02' }))
      .thenRefused('check_conflict');
  });

  it('a blocked card is refused: card_blocked', () => {
    givenAccount(...funded, cardBlocked())
      .when(sale())
      .thenRefused('card_blocked', { cardUid: CARD });
  });

  it('a card not yet activated is refused: card_not_active', () => {
    givenAccount(opened, cardIssued(), toppedUp(10000)).when(sale()).thenRefused('card_not_active');
  });

  it('a card of another account is refused: unknown_card', () => {
    givenAccount(...funded)
      .when(sale({ cardUid: 'STRANGER' }))
      .thenRefused('unknown_card');
  });

  it('a till of another school is refused: wrong_school', () => {
    givenAccount(...funded)
      .when(sale({ tillSchoolId: '25', checkNumber: '25-000001' }))
      .thenRefused('wrong_school', { accountSchoolId: '24' });
  });

  it("the check number must belong to the till's school: invalid_check_number", () => {
    givenAccount(...funded)
      .when(sale({ checkNumber: '25-000001' }))
      .thenRefused('invalid_check_number', { tillSchoolId: '24' });
  });

  it.each(['24-1983', '024-001983', '', '24001983'])(
    'refuses malformed check number %p: invalid_check_number',
    (checkNumber) => {
      givenAccount(...funded)
        .when(sale({ checkNumber }))
        .thenRefused('invalid_check_number');
    },
  );

  it('refuses a sale the balance does not cover: insufficient_funds with balance and total', () => {
    givenAccount(...readyAccount, toppedUp(6089))
      .when(sale())
      .thenRefused('insufficient_funds', { balance: 6089, total });
  });

  it('a sale may spend the balance down to exactly zero', () => {
    givenAccount(...readyAccount, toppedUp(total))
      .when(sale())
      .then([saleDebited(sale())]);
  });

  it('with an overdraft limit a sale may go down to minus the limit, not further', () => {
    givenAccount(...readyAccount, toppedUp(1000))
      .when(sale(), { overdraftLimit: total - 1000 })
      .then([saleDebited(sale())]);
    givenAccount(...readyAccount, toppedUp(1000))
      .when(sale(), { overdraftLimit: total - 1001 })
      .thenRefused('insufficient_funds', { balance: 1000, total });
  });

  it('a free item is allowed (price 0)', () => {
    const free = sale({ items: [{ name: 'Хлеб', qty: 2, price: 0 }] });
    givenAccount(...funded)
      .when(free)
      .then([saleDebited(free)]);
  });

  it.each([
    ['no items', []],
    ['101 items', Array.from({ length: 101 }, () => PIZZA)],
    ['qty 0', [{ ...PIZZA, qty: 0 }]],
    ['fractional qty', [{ ...PIZZA, qty: 1.5 }]],
    ['qty over 1000', [{ ...PIZZA, qty: 1001 }]],
    ['negative price', [{ ...PIZZA, price: -1 }]],
    ['fractional price', [{ ...PIZZA, price: 34.5 }]],
    ['price over 100,000 roubles', [{ ...PIZZA, price: 10_000_001 }]],
    ['empty name', [{ ...PIZZA, name: '  ' }]],
    ['name over 200 characters', [{ ...PIZZA, name: 'П'.repeat(201) }]],
  ])('refuses %s: invalid_items', (_case, items) => {
    givenAccount(...funded)
      .when(sale({ items }))
      .thenRefused('invalid_items');
  });

  it('names the offending item', () => {
    givenAccount(...funded)
      .when(sale({ items: [PIZZA, { ...JUICE, qty: 0 }] }))
      .thenRefused('invalid_items', { index: 1, field: 'qty' });
  });

  it('refuses on a closed or unknown account', () => {
    givenAccount(...funded, closed)
      .when(sale())
      .thenRefused('account_closed');
    givenAccount().when(sale()).thenRefused('account_not_found');
  });

  it('refuses a bad soldAt, till id or card uid', () => {
    givenAccount(...funded)
      .when(sale({ soldAt: '2024-01-18 09:10' }))
      .thenRefused('invalid_timestamp', { field: 'soldAt' });
    givenAccount(...funded)
      .when(sale({ tillId: '' }))
      .thenRefused('invalid_id', { field: 'tillId' });
    givenAccount(...funded)
      .when(sale({ cardUid: '' }))
      .thenRefused('invalid_card_uid');
  });
});
