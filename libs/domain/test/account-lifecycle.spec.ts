import { decideAccount, foldAccount, makeAccountNumber, type AccountEvent } from '@meals/domain';
import {
  ACCOUNT,
  CARD,
  SIBLING,
  cardIssued,
  closeAccount,
  closed,
  corrected,
  moveAccount,
  openAccount,
  opened,
  readyAccount,
  receiveTransfer,
  toppedUp,
} from './support/account-fixtures.js';
import { givenAccount } from './support/given-when-then.js';

describe('OpenAccount', () => {
  it('opens the account with its first card, class and name normalized', () => {
    givenAccount().when(openAccount()).then([opened, cardIssued()]);
  });

  it('opening again with the same data changes nothing (retried enrolment)', () => {
    givenAccount(opened, cardIssued()).when(openAccount()).thenNothing();
  });

  it('refuses to open an existing account for another pupil or card: account_exists', () => {
    givenAccount(opened, cardIssued())
      .when(openAccount({ fullName: 'Другой Ученик' }))
      .thenRefused('account_exists', { accountNumber: ACCOUNT });
    givenAccount(opened, cardIssued())
      .when(openAccount({ cardUid: 'OTHER' }))
      .thenRefused('account_exists');
  });

  it('refuses an account number outside the school numbering: invalid_account_number', () => {
    givenAccount()
      .when(openAccount({ schoolId: '25' }))
      .thenRefused('invalid_account_number', { schoolId: '25' });
  });

  it('refuses a mistyped account number: invalid_account_number', () => {
    const typo = ACCOUNT.slice(0, 9) + String((Number(ACCOUNT[9]) + 1) % 10);
    givenAccount()
      .when(openAccount({ accountNumber: typo }))
      .thenRefused('invalid_account_number');
  });

  it('refuses a bad class, name or card uid', () => {
    givenAccount()
      .when(openAccount({ className: '3' }))
      .thenRefused('invalid_class_name');
    givenAccount()
      .when(openAccount({ fullName: '' }))
      .thenRefused('invalid_name');
    givenAccount()
      .when(openAccount({ cardUid: '' }))
      .thenRefused('invalid_card_uid');
  });
});

describe('MoveAccount', () => {
  it('moves the pupil to another class', () => {
    givenAccount(...readyAccount)
      .when(moveAccount({ toClassName: '4б' }))
      .then([
        {
          type: 'account.moved.v1',
          data: {
            accountNumber: ACCOUNT,
            fromSchoolId: '24',
            fromClassName: '03Б',
            toSchoolId: '24',
            toClassName: '04Б',
          },
        },
      ]);
  });

  it('moves the pupil to another school, keeping the account number', () => {
    givenAccount(...readyAccount)
      .when(moveAccount({ toSchoolId: '31', toClassName: '03А' }))
      .then([
        {
          type: 'account.moved.v1',
          data: {
            accountNumber: ACCOUNT,
            fromSchoolId: '24',
            fromClassName: '03Б',
            toSchoolId: '31',
            toClassName: '03А',
          },
        },
      ]);
  });

  it('moving to the current class changes nothing', () => {
    givenAccount(...readyAccount)
      .when(moveAccount({ toClassName: '3Б' }))
      .thenNothing();
  });

  it('refuses closed or unknown accounts and bad targets', () => {
    givenAccount(...readyAccount, closed)
      .when(moveAccount())
      .thenRefused('account_closed');
    givenAccount().when(moveAccount()).thenRefused('account_not_found', { accountNumber: ACCOUNT });
    givenAccount(...readyAccount)
      .when(moveAccount({ toClassName: '15А' }))
      .thenRefused('invalid_class_name');
    givenAccount(...readyAccount)
      .when(moveAccount({ toSchoolId: '031' }))
      .thenRefused('invalid_school_id');
  });
});

describe('CloseAccount', () => {
  it('closes an account with a zero balance without paying anything out', () => {
    givenAccount(...readyAccount)
      .when(closeAccount())
      .then([{ type: 'account.closed.v1', data: { accountNumber: ACCOUNT, reason: 'выбыл в другой город' } }]);
  });

  it('refunds a positive balance to the parent, then closes', () => {
    givenAccount(...readyAccount, toppedUp(12345))
      .when(closeAccount())
      .then([
        {
          type: 'account.refunded.v1',
          data: { accountNumber: ACCOUNT, refundId: 'ref-1', amount: 12345, reason: 'выбыл в другой город' },
        },
        { type: 'account.closed.v1', data: { accountNumber: ACCOUNT, reason: 'выбыл в другой город' } },
      ]);
  });

  it("transfers a positive balance to a sibling's account, then closes", () => {
    givenAccount(...readyAccount, toppedUp(12345))
      .when(closeAccount({ settlement: { kind: 'transfer', transferId: 'tr-9', toAccountNumber: SIBLING } }))
      .then([
        {
          type: 'account.balance-transferred-out.v1',
          data: { accountNumber: ACCOUNT, transferId: 'tr-9', toAccountNumber: SIBLING, amount: 12345 },
        },
        { type: 'account.closed.v1', data: { accountNumber: ACCOUNT, reason: 'выбыл в другой город' } },
      ]);
  });

  it('refuses to close with a negative balance: balance_negative', () => {
    givenAccount(...readyAccount, corrected(-500))
      .when(closeAccount())
      .thenRefused('balance_negative', { balance: -500 });
  });

  it('closing again with the settlement it was closed with changes nothing (a retry)', () => {
    givenAccount(...readyAccount, closed)
      .when(closeAccount())
      .thenNothing();
    const refunded: AccountEvent = {
      type: 'account.refunded.v1',
      data: { accountNumber: ACCOUNT, refundId: 'ref-1', amount: 100, reason: 'выбыл' },
    };
    givenAccount(...readyAccount, toppedUp(100), refunded, closed)
      .when(closeAccount())
      .thenNothing();
    const transferredOut: AccountEvent = {
      type: 'account.balance-transferred-out.v1',
      data: { accountNumber: ACCOUNT, transferId: 'tr-9', toAccountNumber: SIBLING, amount: 100 },
    };
    givenAccount(...readyAccount, toppedUp(100), transferredOut, closed)
      .when(closeAccount({ settlement: { kind: 'transfer', transferId: 'tr-9', toAccountNumber: SIBLING } }))
      .thenNothing();
  });

  it('refuses an account closed with another settlement, or one that does not exist', () => {
    const refunded: AccountEvent = {
      type: 'account.refunded.v1',
      data: { accountNumber: ACCOUNT, refundId: 'ref-1', amount: 100, reason: 'выбыл' },
    };
    givenAccount(...readyAccount, toppedUp(100), refunded, closed)
      .when(closeAccount({ settlement: { kind: 'transfer', transferId: 'ref-1', toAccountNumber: SIBLING } }))
      .thenRefused('account_closed');
    givenAccount().when(closeAccount()).thenRefused('account_not_found');
  });

  it('refuses a transfer to the account itself or to a mistyped number', () => {
    givenAccount(...readyAccount, toppedUp(100))
      .when(closeAccount({ settlement: { kind: 'transfer', transferId: 't', toAccountNumber: ACCOUNT } }))
      .thenRefused('same_account');
    givenAccount(...readyAccount, toppedUp(100))
      .when(closeAccount({ settlement: { kind: 'transfer', transferId: 't', toAccountNumber: '0240000000' } }))
      .thenRefused('invalid_account_number', { field: 'settlement.toAccountNumber' });
  });

  it('requires a reason and a settlement', () => {
    givenAccount(...readyAccount)
      .when(closeAccount({ reason: ' ' }))
      .thenRefused('invalid_reason');
    const noSettlement = { ...closeAccount(), settlement: { kind: 'cash' } } as unknown as ReturnType<
      typeof closeAccount
    >;
    givenAccount(...readyAccount)
      .when(noSettlement)
      .thenRefused('invalid_settlement');
    givenAccount(...readyAccount)
      .when(closeAccount({ settlement: { kind: 'refund', refundId: '' } }))
      .thenRefused('invalid_id');
  });
});

describe('ReceiveTransfer', () => {
  const transferredIn: AccountEvent = {
    type: 'account.balance-transferred-in.v1',
    data: { accountNumber: ACCOUNT, transferId: 'tr-1', fromAccountNumber: SIBLING, amount: 5000 },
  };

  it("credits a closed sibling's balance", () => {
    givenAccount(...readyAccount)
      .when(receiveTransfer())
      .then([transferredIn]);
  });

  it('the same transfer again changes nothing', () => {
    givenAccount(...readyAccount, transferredIn)
      .when(receiveTransfer())
      .thenNothing();
  });

  it('the same transfer id with another amount or source is a conflict: transfer_conflict', () => {
    givenAccount(...readyAccount, transferredIn)
      .when(receiveTransfer({ amount: 5001 }))
      .thenRefused('transfer_conflict', { transferId: 'tr-1' });
    givenAccount(...readyAccount, transferredIn)
      .when(receiveTransfer({ fromAccountNumber: makeAccountNumber('24', 3) }))
      .thenRefused('transfer_conflict');
  });

  it('goes into an open account only', () => {
    givenAccount(...readyAccount, closed)
      .when(receiveTransfer())
      .thenRefused('account_closed');
    givenAccount().when(receiveTransfer()).thenRefused('account_not_found');
  });

  it('refuses a transfer from the account itself, a bad source or a non-positive amount', () => {
    givenAccount(...readyAccount)
      .when(receiveTransfer({ fromAccountNumber: ACCOUNT }))
      .thenRefused('same_account');
    givenAccount(...readyAccount)
      .when(receiveTransfer({ fromAccountNumber: '123' }))
      .thenRefused('invalid_account_number');
    givenAccount(...readyAccount)
      .when(receiveTransfer({ amount: 0 }))
      .thenRefused('invalid_amount');
    givenAccount(...readyAccount)
      .when(receiveTransfer({ amount: -5 }))
      .thenRefused('invalid_amount');
  });
});

describe('decideAccount guards', () => {
  it('refuses a command naming a mistyped account number: invalid_account_number', () => {
    givenAccount(...readyAccount)
      .when(moveAccount({ accountNumber: '0240000000' }))
      .thenRefused('invalid_account_number');
  });

  it('treats a command for another account than the loaded state as a programming error', () => {
    expect(() => decideAccount(moveAccount({ accountNumber: SIBLING }), foldAccount(readyAccount))).toThrow(
      /decided on the state of account/,
    );
  });

  it('refuses a policy with a negative or fractional overdraft limit', () => {
    expect(() => decideAccount(moveAccount(), foldAccount(readyAccount), { overdraftLimit: -1 })).toThrow(RangeError);
    expect(() => decideAccount(moveAccount(), foldAccount(readyAccount), { overdraftLimit: 0.5 })).toThrow(RangeError);
  });

  it('the card of a freshly opened account is the one it was opened with', () => {
    expect(givenAccount(...readyAccount).state.currentCardUid).toBe(CARD);
  });
});
