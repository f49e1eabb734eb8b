import type { AccountEvent, TopUpChannel } from '@meals/domain';
import { ACCOUNT, closed, readyAccount, topUp } from './support/account-fixtures.js';
import { givenAccount } from './support/given-when-then.js';

const recorded: AccountEvent = {
  type: 'account.topped-up.v1',
  data: {
    accountNumber: ACCOUNT,
    paymentId: 'sb-100500',
    channel: 'bank_online',
    amount: 50000,
    paidAt: '2024-01-17T21:30:00Z',
  },
};

describe('RecordTopUp', () => {
  it('credits a bank payment', () => {
    givenAccount(...readyAccount)
      .when(topUp())
      .then([recorded]);
    expect(givenAccount(...readyAccount, recorded).state.balance).toBe(50000);
  });

  it('a redelivered payment changes nothing, also when paidAt is spelled differently', () => {
    givenAccount(...readyAccount, recorded)
      .when(topUp())
      .thenNothing();
    givenAccount(...readyAccount, recorded)
      .when(topUp({ paidAt: '2024-01-18T00:30:00.000+03:00' }))
      .thenNothing();
  });

  it('the same payment id with another amount or channel is a conflict: payment_conflict', () => {
    givenAccount(...readyAccount, recorded)
      .when(topUp({ amount: 50001 }))
      .thenRefused('payment_conflict', { paymentId: 'sb-100500' });
    givenAccount(...readyAccount, recorded)
      .when(topUp({ channel: 'terminal' }))
      .thenRefused('payment_conflict');
  });

  it('a closed account takes no new payments, but still answers a redelivery', () => {
    givenAccount(...readyAccount, closed)
      .when(topUp())
      .thenRefused('account_closed');
    givenAccount(...readyAccount, recorded, closed)
      .when(topUp())
      .thenNothing();
  });

  it('refuses an unknown or mistyped account', () => {
    givenAccount().when(topUp()).thenRefused('account_not_found', { accountNumber: ACCOUNT });
    givenAccount()
      .when(topUp({ accountNumber: `1${ACCOUNT.slice(1)}` }))
      .thenRefused('invalid_account_number');
  });

  it.each([0, -100, 10.5, Number.NaN, 1_000_000_001])('refuses amount %p: invalid_amount', (amount) => {
    givenAccount(...readyAccount)
      .when(topUp({ amount }))
      .thenRefused('invalid_amount', { field: 'amount' });
  });

  it('refuses an amount sent as text: invalid_amount', () => {
    givenAccount(...readyAccount)
      .when(topUp({ amount: '500' as unknown as number }))
      .thenRefused('invalid_amount');
  });

  it('refuses an unknown channel, a missing payment id or a bad paidAt', () => {
    givenAccount(...readyAccount)
      .when(topUp({ channel: 'cash' as TopUpChannel }))
      .thenRefused('invalid_channel');
    givenAccount(...readyAccount)
      .when(topUp({ paymentId: '' }))
      .thenRefused('invalid_id', { field: 'paymentId' });
    givenAccount(...readyAccount)
      .when(topUp({ paymentId: 'x'.repeat(129) }))
      .thenRefused('invalid_id');
    givenAccount(...readyAccount)
      .when(topUp({ paidAt: '17.01.2024' }))
      .thenRefused('invalid_timestamp', { field: 'paidAt' });
  });
});
