import {
  ACCOUNT,
  CARD,
  activate,
  block,
  cardActivated,
  cardBlocked,
  cardIssued,
  closed,
  readyAccount,
  reissue,
  opened,
  toppedUp,
  sale,
} from './support/account-fixtures.js';
import { givenAccount } from './support/given-when-then.js';

describe('ActivateCard', () => {
  it('a till of the pupil’s school activates an issued card', () => {
    givenAccount(opened, cardIssued()).when(activate()).then([cardActivated()]);
  });

  it('activating an active card again changes nothing', () => {
    givenAccount(...readyAccount)
      .when(activate())
      .thenNothing();
  });

  it('a till of another school may not activate it: wrong_school', () => {
    givenAccount(opened, cardIssued())
      .when(activate({ tillSchoolId: '25' }))
      .thenRefused('wrong_school', { accountSchoolId: '24', tillSchoolId: '25' });
  });

  it('refuses a card of another account: unknown_card', () => {
    givenAccount(opened, cardIssued())
      .when(activate({ cardUid: 'STRANGER' }))
      .thenRefused('unknown_card', { cardUid: 'STRANGER' });
  });

  it('a blocked card cannot be activated: card_blocked', () => {
    givenAccount(opened, cardIssued(), cardBlocked()).when(activate()).thenRefused('card_blocked');
  });

  it('refuses on a closed account: account_closed', () => {
    givenAccount(opened, cardIssued(), closed).when(activate()).thenRefused('account_closed');
  });

  it('needs a till id: invalid_id', () => {
    givenAccount(opened, cardIssued())
      .when(activate({ tillId: '' }))
      .thenRefused('invalid_id', { field: 'tillId' });
  });
});

describe('BlockCard', () => {
  it('blocks the card with the reason given', () => {
    givenAccount(...readyAccount)
      .when(block({ reason: 'stolen' }))
      .then([cardBlocked(CARD, 'stolen')]);
  });

  it('blocking a blocked card again changes nothing', () => {
    givenAccount(...readyAccount, cardBlocked())
      .when(block({ reason: 'damaged' }))
      .thenNothing();
  });

  it('refuses a card of another account and an unknown reason', () => {
    givenAccount(...readyAccount)
      .when(block({ cardUid: 'STRANGER' }))
      .thenRefused('unknown_card');
    givenAccount(...readyAccount)
      .when(block({ reason: 'eaten' as 'lost' }))
      .thenRefused('invalid_block_reason');
  });

  it('the money stays on the account', () => {
    const { state } = givenAccount(...readyAccount, toppedUp(5000), cardBlocked());
    expect(state.balance).toBe(5000);
    expect(state.cards.get(CARD)).toBe('blocked');
  });

  it('refuses on a closed account: account_closed', () => {
    givenAccount(...readyAccount, closed)
      .when(block())
      .thenRefused('account_closed');
  });
});

describe('IssueReplacementCard', () => {
  it('blocks a card that is not blocked yet as damaged, then issues the new one in its place', () => {
    givenAccount(...readyAccount)
      .when(reissue())
      .then([cardBlocked(CARD, 'damaged'), cardIssued('CARD-2', CARD)]);
  });

  it('replaces a card blocked as lost without blocking it again', () => {
    givenAccount(...readyAccount, cardBlocked(CARD, 'lost'))
      .when(reissue())
      .then([cardIssued('CARD-2', CARD)]);
  });

  it('re-sending the same new card changes nothing', () => {
    givenAccount(...readyAccount, cardBlocked(), cardIssued('CARD-2', CARD))
      .when(reissue())
      .thenNothing();
  });

  it('refuses a uid already issued on the account: card_exists', () => {
    givenAccount(...readyAccount, cardBlocked(), cardIssued('CARD-2', CARD))
      .when(reissue({ newCardUid: CARD }))
      .thenRefused('card_exists', { cardUid: CARD });
  });

  it('refuses on a closed or unknown account', () => {
    givenAccount(...readyAccount, closed)
      .when(reissue())
      .thenRefused('account_closed');
    givenAccount().when(reissue()).thenRefused('account_not_found');
  });

  it('the new card pays only once activated, the old one never again', () => {
    const history = [...readyAccount, toppedUp(10000), cardBlocked(), cardIssued('CARD-2', CARD)];
    givenAccount(...history)
      .when(sale({ cardUid: 'CARD-2' }))
      .thenRefused('card_not_active');
    givenAccount(...history)
      .when(sale({ cardUid: CARD }))
      .thenRefused('card_blocked');
    givenAccount(...history, cardActivated('CARD-2'))
      .when(sale({ cardUid: 'CARD-2' }))
      .then([
        expect.objectContaining({
          type: 'account.sale-debited.v1',
          data: expect.objectContaining({ accountNumber: ACCOUNT, cardUid: 'CARD-2' }),
        }),
      ]);
  });
});
