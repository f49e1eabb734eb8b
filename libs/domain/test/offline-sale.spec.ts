import fc from 'fast-check';
import {
  DEFAULT_OFFLINE_LIMIT,
  accountDeciderWith,
  foldAccount,
  type AccountEvent,
  type AccountPolicy,
  type RecordSale,
} from '@meals/domain';
import { PIZZA, RECEIVED_AT, readyAccount, sale, saleDebited, toppedUp } from './support/account-fixtures.js';
import { givenAccount } from './support/given-when-then.js';

const offline = (over: Partial<RecordSale> = {}): RecordSale => sale({ offline: true, ...over });
const pizzas = (qty: number) => [{ ...PIZZA, qty }];
const offlineDebited = (command: RecordSale): AccountEvent => {
  const event = saleDebited(command);
  return { ...event, data: { ...event.data, offline: true } } as AccountEvent;
};
const policy = (overdraftLimit: number, offlineLimit: number): AccountPolicy => ({ overdraftLimit, offlineLimit });

describe('RecordSale of a check sold offline', () => {
  const funded = [...readyAccount, toppedUp(5000)];

  it('an online check short of funds is refused; the same check sold offline goes below zero, marked offline', () => {
    givenAccount(...funded)
      .when(sale({ items: pizzas(2) }))
      .thenRefused('insufficient_funds', { balance: 5000, total: 6900 });
    givenAccount(...funded)
      .when(offline({ items: pizzas(2) }))
      .then([offlineDebited(offline({ items: pizzas(2) }))]);
    expect(givenAccount(...funded, offlineDebited(offline({ items: pizzas(2) }))).state.balance).toBe(-1900);
  });

  it(`goes down to the offline limit (default ${DEFAULT_OFFLINE_LIMIT} kopecks) and no further`, () => {
    const atLimit = 5000 + DEFAULT_OFFLINE_LIMIT; // takes the balance to exactly −limit
    givenAccount(...funded)
      .when(offline({ items: [{ name: 'Обед', qty: 1, price: atLimit }] }))
      .then([offlineDebited(offline({ items: [{ name: 'Обед', qty: 1, price: atLimit }] }))]);
    givenAccount(...funded)
      .when(offline({ items: [{ name: 'Обед', qty: 1, price: atLimit + 1 }] }))
      .thenRefused('insufficient_funds');
  });

  it('the limit is the policy’s; a larger overdraft limit applies to offline checks too', () => {
    givenAccount(...funded)
      .when(offline({ items: pizzas(2) }), policy(0, 1000))
      .thenRefused('insufficient_funds');
    givenAccount(...funded)
      .when(offline({ items: pizzas(2) }), policy(0, 1900))
      .then([offlineDebited(offline({ items: pizzas(2) }))]);
    givenAccount(...funded)
      .when(offline({ items: pizzas(2) }), policy(2000, 0))
      .then([offlineDebited(offline({ items: pizzas(2) }))]);
  });

  it('other rules hold offline: a blocked card, another school, a sale older than the allowed age are refused', () => {
    givenAccount(...funded, {
      type: 'card.blocked.v1',
      data: { accountNumber: readyAccount[0]!.data.accountNumber, cardUid: 'CARD-1', reason: 'lost' },
    })
      .when(offline())
      .thenRefused('card_blocked');
    givenAccount(...funded)
      .when(offline({ tillSchoolId: '25', checkNumber: '25-000001' }))
      .thenRefused('wrong_school');
    givenAccount(...funded)
      .when(offline({ soldAt: '2024-01-01T09:00:00+03:00', receivedAt: RECEIVED_AT }))
      .thenRefused('implausible_date');
  });

  it('a check recorded online is a retry when it comes again flagged offline, and the other way round', () => {
    givenAccount(...funded, saleDebited(sale()))
      .when(offline())
      .thenNothing();
    givenAccount(...funded, offlineDebited(offline()))
      .when(sale())
      .thenNothing();
  });
});

describe('offline checks (property-based)', () => {
  const saleArb = fc.record({
    seq: fc.integer({ min: 1, max: 30 }),
    qty: fc.integer({ min: 1, max: 5 }),
    offline: fc.boolean(),
  });
  const scenarioArb = fc.record({
    sales: fc.array(saleArb, { maxLength: 30 }),
    topUp: fc.integer({ min: 0, max: 20_000 }),
    overdraftLimit: fc.integer({ min: 0, max: 5_000 }),
    offlineLimit: fc.integer({ min: 0, max: 40_000 }),
  });

  it('a sale is accepted exactly when it stays above its floor: −overdraft online, −max(overdraft, offline limit) offline', () => {
    fc.assert(
      fc.property(scenarioArb, ({ sales, topUp, overdraftLimit, offlineLimit }) => {
        const decider = accountDeciderWith(policy(overdraftLimit, offlineLimit));
        const history = [...readyAccount, ...(topUp > 0 ? [toppedUp(topUp)] : [])];
        let state = foldAccount(history);
        const events: AccountEvent[] = [...history];
        for (const { seq, qty, offline: isOffline } of sales) {
          const command = sale({
            checkNumber: `24-${String(seq).padStart(6, '0')}`,
            items: pizzas(qty),
            ...(isOffline ? { offline: true } : {}),
          });
          const seen = state.checks.has(command.checkNumber);
          const floor = isOffline ? -Math.max(overdraftLimit, offlineLimit) : -overdraftLimit;
          const fits = state.balance - qty * PIZZA.price >= floor;
          let decided: AccountEvent[] | null;
          try {
            decided = decider.decide(command, state);
          } catch {
            decided = null;
          }
          if (seen) continue; // a retry or a conflict: nothing new either way
          expect(decided !== null).toBe(fits);
          for (const event of decided ?? []) {
            state = decider.evolve(state, event);
            events.push(event);
          }
          if (decided) expect(state.balance).toBeGreaterThanOrEqual(floor);
        }
        expect(foldAccount(events)).toEqual(state);
      }),
      { numRuns: 300 },
    );
  });

  it('re-sending any accepted check with its offline flag flipped records nothing', () => {
    fc.assert(
      fc.property(scenarioArb, ({ sales, topUp, overdraftLimit, offlineLimit }) => {
        const decider = accountDeciderWith(policy(overdraftLimit, offlineLimit));
        let state = foldAccount([...readyAccount, toppedUp(topUp + 1)]);
        const accepted: RecordSale[] = [];
        for (const { seq, qty, offline: isOffline } of sales) {
          const command = sale({
            checkNumber: `24-${String(seq).padStart(6, '0')}`,
            items: pizzas(qty),
            offline: isOffline,
          });
          try {
            const decided = decider.decide(command, state);
            for (const event of decided) state = decider.evolve(state, event);
            if (decided.length > 0) accepted.push(command);
          } catch {
            // refused: not sent again
          }
        }
        for (const command of accepted) {
          expect(decider.decide({ ...command, offline: !command.offline }, state)).toEqual([]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
