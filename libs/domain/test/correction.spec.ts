import { ACCOUNT, closed, corrected, correction, readyAccount, toppedUp } from './support/account-fixtures.js';
import { givenAccount } from './support/given-when-then.js';

describe('RecordCorrection', () => {
  it('a positive correction credits the account', () => {
    givenAccount(...readyAccount)
      .when(correction({ amount: 1000 }))
      .then([
        {
          type: 'account.corrected.v1',
          data: { accountNumber: ACCOUNT, correctionId: 'cor-1', amount: 1000, reason: 'двойное списание' },
        },
      ]);
  });

  it('a negative correction debits the account', () => {
    givenAccount(...readyAccount, toppedUp(1000))
      .when(correction({ amount: -1000 }))
      .then([
        {
          type: 'account.corrected.v1',
          data: { accountNumber: ACCOUNT, correctionId: 'cor-1', amount: -1000, reason: 'двойное списание' },
        },
      ]);
  });

  it('a debit correction may not take the balance below minus the overdraft limit: insufficient_funds', () => {
    givenAccount(...readyAccount, toppedUp(1000))
      .when(correction({ amount: -1001 }))
      .thenRefused('insufficient_funds', { balance: 1000, total: 1001 });
    givenAccount(...readyAccount, toppedUp(1000))
      .when(correction({ amount: -1500 }), { overdraftLimit: 500 })
      .then([
        {
          type: 'account.corrected.v1',
          data: { accountNumber: ACCOUNT, correctionId: 'cor-1', amount: -1500, reason: 'двойное списание' },
        },
      ]);
  });

  it('a credit correction is allowed whatever the balance', () => {
    givenAccount(...readyAccount, corrected(-300, 'old'))
      .when(correction({ amount: 100 }))
      .then([
        {
          type: 'account.corrected.v1',
          data: { accountNumber: ACCOUNT, correctionId: 'cor-1', amount: 100, reason: 'двойное списание' },
        },
      ]);
  });

  it('the same correction again changes nothing', () => {
    givenAccount(...readyAccount, corrected(1000, 'cor-1'))
      .when(correction({ reason: 'ошибка кассира' }))
      .thenNothing();
  });

  it('the same correction id with another amount or reason is a conflict: correction_conflict', () => {
    givenAccount(...readyAccount, corrected(1000, 'cor-1'))
      .when(correction({ amount: 999, reason: 'ошибка кассира' }))
      .thenRefused('correction_conflict', {
        correctionId: 'cor-1',
      });
    givenAccount(...readyAccount, corrected(1000, 'cor-1'))
      .when(correction({ reason: 'другое' }))
      .thenRefused('correction_conflict');
  });

  it('refuses a zero or fractional amount and an empty reason', () => {
    givenAccount(...readyAccount)
      .when(correction({ amount: 0 }))
      .thenRefused('invalid_amount');
    givenAccount(...readyAccount)
      .when(correction({ amount: 0.5 }))
      .thenRefused('invalid_amount');
    givenAccount(...readyAccount)
      .when(correction({ reason: '' }))
      .thenRefused('invalid_reason');
    givenAccount(...readyAccount)
      .when(correction({ reason: 'x'.repeat(501) }))
      .thenRefused('invalid_reason');
  });

  it('refuses on a closed or unknown account', () => {
    givenAccount(...readyAccount, closed)
      .when(correction())
      .thenRefused('account_closed');
    givenAccount().when(correction()).thenRefused('account_not_found');
  });
});
