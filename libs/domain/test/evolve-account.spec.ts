import { evolveAccount, foldAccount, initialAccountState, type AccountEvent } from '@meals/domain';
import {
  CARD,
  cardActivated,
  cardBlocked,
  cardIssued,
  closed,
  corrected,
  opened,
  readyAccount,
  sale,
  saleDebited,
  toppedUp,
} from './support/account-fixtures.js';

describe('evolveAccount', () => {
  it('builds profile, cards and balance from the history', () => {
    const state = foldAccount([...readyAccount, toppedUp(10000), saleDebited(sale()), corrected(-90)]);
    expect(state).toMatchObject({
      exists: true,
      status: 'open',
      schoolId: '24',
      className: '03Б',
      currentCardUid: CARD,
      balance: 10000 - 6090 - 90,
    });
    expect(state.cards.get(CARD)).toBe('active');
    expect(state.checks.get('24-001983')?.total).toBe(6090);
  });

  it('never mutates the state it is given', () => {
    const before = foldAccount(readyAccount);
    const contents = (state: typeof before) => ({ ...state, cards: [...state.cards], topUps: [...state.topUps] });
    const snapshot = contents(before);
    evolveAccount(before, toppedUp(500));
    evolveAccount(before, cardBlocked());
    expect(contents(before)).toEqual(snapshot);
    expect(initialAccountState.exists).toBe(false);
    expect(initialAccountState.topUps.size).toBe(0);
  });

  it('fold from a state equals evolving event by event', () => {
    const history: AccountEvent[] = [
      opened,
      cardIssued(),
      cardActivated(),
      toppedUp(700),
      saleDebited(sale({ items: [{ name: 'Чай', qty: 1, price: 300 }] })),
      closed,
    ];
    const stepByStep = history.reduce(evolveAccount, initialAccountState);
    expect(foldAccount(history)).toEqual(stepByStep);
    expect(foldAccount(history.slice(3), foldAccount(history.slice(0, 3)))).toEqual(stepByStep);
  });

  it('ignores an event type it does not know, without throwing', () => {
    const state = foldAccount(readyAccount);
    const future = { type: 'account.something-new.v9', data: {} } as unknown as AccountEvent;
    expect(() => evolveAccount(state, future)).not.toThrow();
    expect(evolveAccount(state, future)).toEqual(state);
  });
});
