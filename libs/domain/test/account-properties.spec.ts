import fc from 'fast-check';
import {
  CARD_BLOCK_REASONS,
  DomainError,
  TOP_UP_CHANNELS,
  decideAccount,
  evolveAccount,
  foldAccount,
  formatRoubles,
  ledgerEffect,
  makeAccountNumber,
  type AccountCommand,
  type AccountEvent,
  type AccountState,
} from '@meals/domain';
import { ACCOUNT, SIBLING, readyAccount } from './support/account-fixtures.js';

const CARDS = ['CARD-1', 'CARD-2', 'CARD-3'];
const on = <T extends object>(command: T) => ({ accountNumber: ACCOUNT, ...command });

// Small id pools, so that duplicates and conflicts happen often.
const commandArb: fc.Arbitrary<AccountCommand> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .record({
        paymentId: fc.constantFrom('p0', 'p1', 'p2', 'p3', 'p4'),
        channel: fc.constantFrom(...TOP_UP_CHANNELS),
        amount: fc.integer({ min: 1, max: 20_000 }),
      })
      .map((c) =>
        on({ type: 'RecordTopUp' as const, ...c, paidAt: '2024-01-17T21:30:00Z', receivedAt: '2024-01-18T12:00:00Z' }),
      ),
  },
  {
    weight: 8,
    arbitrary: fc
      .record({
        seq: fc.integer({ min: 0, max: 9 }),
        cardUid: fc.constantFrom(...CARDS),
        tillSchoolId: fc.constantFrom('24', '24', '24', '25'),
        items: fc.array(
          fc.record({
            name: fc.constantFrom('Пицца 125 г', 'Чай'),
            qty: fc.integer({ min: 1, max: 3 }),
            price: fc.integer({ min: 0, max: 5_000 }),
          }),
          { minLength: 1, maxLength: 3 },
        ),
      })
      .map(({ seq, tillSchoolId, ...c }) =>
        on({
          type: 'RecordSale' as const,
          ...c,
          tillSchoolId,
          checkNumber: `${tillSchoolId}-00000${seq}`,
          tillId: `${tillSchoolId}-01`,
          soldAt: '2024-01-18T09:00:00Z',
          receivedAt: '2024-01-18T12:00:00Z',
        }),
      ),
  },
  {
    weight: 4,
    arbitrary: fc
      .record({
        correctionId: fc.constantFrom('c0', 'c1', 'c2', 'c3'),
        amount: fc.integer({ min: -10_000, max: 10_000 }).filter((a) => a !== 0),
      })
      .map((c) => on({ type: 'RecordCorrection' as const, ...c, reason: 'исправление' })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ cardUid: fc.constantFrom(...CARDS), reason: fc.constantFrom(...CARD_BLOCK_REASONS) })
      .map((c) => on({ type: 'BlockCard' as const, ...c })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...CARDS).map((newCardUid) => on({ type: 'IssueReplacementCard' as const, newCardUid })),
  },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(...CARDS)
      .map((cardUid) => on({ type: 'ActivateCard' as const, cardUid, tillId: '24-01', tillSchoolId: '24' })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('03Б', '04Б')
      .map((toClassName) => on({ type: 'MoveAccount' as const, toSchoolId: '24', toClassName })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ transferId: fc.constantFrom('t0', 't1'), amount: fc.integer({ min: 1, max: 9_000 }) })
      .map((c) => on({ type: 'ReceiveTransfer' as const, ...c, fromAccountNumber: SIBLING })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<AccountCommand>(
      on({ type: 'CloseAccount' as const, reason: 'выбыл', settlement: { kind: 'refund' as const, refundId: 'r0' } }),
      on({
        type: 'CloseAccount' as const,
        reason: 'выбыл',
        settlement: { kind: 'transfer' as const, transferId: 'tx', toAccountNumber: makeAccountNumber('24', 3) },
      }),
    ),
  },
);

interface Run {
  state: AccountState;
  events: AccountEvent[];
  accepted: AccountCommand[];
}

/** Plays commands against one account the way the ledger would: refusals change nothing. */
function play(
  commands: AccountCommand[],
  overdraftLimit: number,
  onEvents?: (command: AccountCommand, before: AccountState, after: AccountState) => void,
): Run {
  let state = foldAccount(readyAccount);
  const events: AccountEvent[] = [...readyAccount];
  const accepted: AccountCommand[] = [];
  for (const command of commands) {
    let emitted: AccountEvent[];
    try {
      emitted = decideAccount(command, state, { overdraftLimit });
    } catch (error) {
      if (error instanceof DomainError) continue;
      throw error;
    }
    if (emitted.length === 0) continue;
    const before = state;
    state = emitted.reduce(evolveAccount, state);
    events.push(...emitted);
    accepted.push(command);
    onEvents?.(command, before, state);
  }
  return { state, events, accepted };
}

const settings = { numRuns: 300 };
const scenarioArb = fc.tuple(fc.array(commandArb, { maxLength: 60 }), fc.integer({ min: 0, max: 5_000 }));

describe('account invariants (property-based)', () => {
  it('the balance always equals the sum of credits minus debits of the recorded events', () => {
    fc.assert(
      fc.property(scenarioArb, ([commands, limit]) => {
        const { state, events } = play(commands, limit);
        const sum = events.reduce((total, event) => total + ledgerEffect(event).credit - ledgerEffect(event).debit, 0);
        expect(state.balance).toBe(sum);
        expect(foldAccount(events)).toEqual(state);
      }),
      settings,
    );
  });

  it('no accepted sale or debit correction takes the balance below minus the overdraft limit', () => {
    fc.assert(
      fc.property(scenarioArb, ([commands, limit]) => {
        play(commands, limit, (command, _before, after) => {
          const debits = command.type === 'RecordSale' || (command.type === 'RecordCorrection' && command.amount < 0);
          if (debits) expect(after.balance).toBeGreaterThanOrEqual(-limit);
        });
      }),
      settings,
    );
  });

  it('re-sending any accepted top-up, sale or correction records nothing, right away or at any later point', () => {
    fc.assert(
      fc.property(scenarioArb, ([commands, limit]) => {
        const { state, accepted } = play(commands, limit, (command, _before, after) => {
          if (['RecordTopUp', 'RecordSale', 'RecordCorrection'].includes(command.type)) {
            expect(decideAccount(command, after, { overdraftLimit: limit })).toEqual([]);
          }
        });
        for (const command of accepted.filter((c) =>
          ['RecordTopUp', 'RecordSale', 'RecordCorrection'].includes(c.type),
        )) {
          expect(decideAccount(command, state, { overdraftLimit: limit })).toEqual([]);
        }
      }),
      settings,
    );
  });

  it('every amount the ledger records is a non-negative safe integer of kopecks and formats as roubles', () => {
    fc.assert(
      fc.property(scenarioArb, ([commands, limit]) => {
        const { state, events } = play(commands, limit);
        for (const event of events) {
          const { credit, debit } = ledgerEffect(event);
          expect(Number.isSafeInteger(credit) && credit >= 0).toBe(true);
          expect(Number.isSafeInteger(debit) && debit >= 0).toBe(true);
        }
        expect(Number.isSafeInteger(state.balance)).toBe(true);
        expect(formatRoubles(state.balance)).toMatch(/^-?\d{1,3}(\u00a0\d{3})*,\d{2} руб\.$/);
      }),
      settings,
    );
  });
});

describe('formatRoubles (property-based)', () => {
  it('shows any integer amount exactly, and refuses fractions of a kopeck', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (amount) => {
        const text = formatRoubles(amount);
        expect(text).toMatch(/^-?\d{1,3}(\u00a0\d{3})*,\d{2} руб\.$/);
        const back = BigInt(
          text
            .replace(/\u00a0/g, '')
            .replace(' руб.', '')
            .replace(',', ''),
        );
        expect(back).toBe(BigInt(amount));
      }),
    );
    fc.assert(
      fc.property(
        fc.double({ noNaN: true }).filter((x) => !Number.isSafeInteger(x)),
        (amount) => {
          expect(() => formatRoubles(amount)).toThrow(RangeError);
        },
      ),
    );
  });
});
