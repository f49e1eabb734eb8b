import fc from 'fast-check';
import {
  DEFAULT_ACCOUNT_POLICY,
  DEFAULT_BUSINESS_TIME_LIMITS,
  DomainError,
  decideAccount,
  foldAccount,
  rejectImplausibleBusinessTime,
} from '@meals/domain';
import { RECEIVED_AT, readyAccount, sale, saleDebited, toppedUp, topUp } from './support/account-fixtures.js';
import { givenAccount } from './support/given-when-then.js';

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;
const received = Date.parse(RECEIVED_AT);
const at = (offsetMs: number): string => new Date(received + offsetMs).toISOString();

describe('date plausibility: a sale', () => {
  it('is accepted up to 7 days old and up to 5 minutes ahead of the receive time', () => {
    givenAccount(...readyAccount, toppedUp(50000))
      .when(sale({ soldAt: at(-7 * DAY) }))
      .then([saleDebited(sale({ soldAt: at(-7 * DAY) }))]);
    givenAccount(...readyAccount, toppedUp(50000))
      .when(sale({ soldAt: at(5 * MINUTE) }))
      .then([saleDebited(sale({ soldAt: at(5 * MINUTE) }))]);
  });

  it('older than 7 days is refused: implausible_date, naming the accepted window', () => {
    const error = givenAccount(...readyAccount, toppedUp(50000))
      .when(sale({ soldAt: at(-7 * DAY - 1000) }))
      .thenRefused('implausible_date', { field: 'soldAt', earliest: at(-7 * DAY), latest: at(5 * MINUTE) });
    expect(error.messageRu).toContain('неправдоподобна');
  });

  it('dated years back or ahead is refused', () => {
    givenAccount(...readyAccount, toppedUp(50000))
      .when(sale({ soldAt: '2019-01-18T09:10:00+03:00' }))
      .thenRefused('implausible_date');
    givenAccount(...readyAccount, toppedUp(50000))
      .when(sale({ soldAt: '2029-01-18T09:10:00+03:00' }))
      .thenRefused('implausible_date');
  });

  it('more than the clock skew ahead is refused', () => {
    givenAccount(...readyAccount, toppedUp(50000))
      .when(sale({ soldAt: at(5 * MINUTE + 1000) }))
      .thenRefused('implausible_date');
  });

  it('a retry of a recorded check is still answered once the check has grown old', () => {
    const recorded = saleDebited(sale());
    givenAccount(...readyAccount, toppedUp(50000), recorded)
      .when(sale({ receivedAt: at(30 * DAY) }))
      .thenNothing();
  });

  it('follows the limits the policy carries', () => {
    const policy = {
      overdraftLimit: 0,
      businessTimeLimits: { ...DEFAULT_BUSINESS_TIME_LIMITS, saleMaxAgeMs: 60 * DAY },
    };
    givenAccount(...readyAccount, toppedUp(50000))
      .when(sale({ soldAt: at(-59 * DAY) }), policy)
      .then([saleDebited(sale({ soldAt: at(-59 * DAY) }))]);
  });
});

describe('date plausibility: a bank payment', () => {
  it('may be up to 45 days old, never more than the clock skew ahead', () => {
    expect(decideAccount(topUp({ paidAt: at(-45 * DAY) }), foldAccount(readyAccount))).toHaveLength(1);
    givenAccount(...readyAccount)
      .when(topUp({ paidAt: at(-45 * DAY - 1000) }))
      .thenRefused('implausible_date', { field: 'paidAt' });
    givenAccount(...readyAccount)
      .when(topUp({ paidAt: at(5 * MINUTE + 1000) }))
      .thenRefused('implausible_date', { field: 'paidAt' });
  });

  it('a redelivery of a recorded payment is answered whatever the date', () => {
    const first = decideAccount(topUp(), foldAccount(readyAccount));
    givenAccount(...readyAccount, ...first)
      .when(topUp({ receivedAt: at(400 * DAY) }))
      .thenNothing();
  });
});

describe('rejectImplausibleBusinessTime', () => {
  const { saleMaxAgeMs, topUpMaxAgeMs } = DEFAULT_BUSINESS_TIME_LIMITS;
  const offsets = fc.integer({ min: -3 * 365 * DAY, max: 3 * 365 * DAY });

  it('refuses every date outside [receivedAt − max age, receivedAt + skew] and accepts every date inside', () => {
    fc.assert(
      fc.property(
        offsets,
        fc.constantFrom(saleMaxAgeMs, topUpMaxAgeMs),
        fc.integer({ min: 0, max: 10 * MINUTE }),
        (offset, maxAge, skew) => {
          const inside = offset >= -maxAge && offset <= skew;
          let refused: unknown = null;
          try {
            rejectImplausibleBusinessTime('soldAt', at(offset), RECEIVED_AT, maxAge, skew);
          } catch (error) {
            refused = error;
          }
          if (inside) expect(refused).toBeNull();
          else expect(refused).toBeInstanceOf(DomainError);
          if (refused instanceof DomainError) expect(refused.code).toBe('implausible_date');
        },
      ),
    );
  });

  it('judges instants, not their spelling (offsets and fractions)', () => {
    expect(() =>
      rejectImplausibleBusinessTime('paidAt', '2024-01-18T10:04:59.999999+03:00', RECEIVED_AT, DAY, 5 * MINUTE),
    ).not.toThrow();
    expect(() => rejectImplausibleBusinessTime('paidAt', '2024-01-18T07:05:01Z', RECEIVED_AT, DAY, 5 * MINUTE)).toThrow(
      DomainError,
    );
  });

  it('a missing receive time is a programming error, not a refusal of the client', () => {
    expect(() => rejectImplausibleBusinessTime('soldAt', RECEIVED_AT, '', DAY, 0)).toThrow(Error);
    expect(() => rejectImplausibleBusinessTime('soldAt', RECEIVED_AT, '', DAY, 0)).not.toThrow(DomainError);
  });

  it('the policy refuses negative or fractional limits', () => {
    const badLimits = { ...DEFAULT_BUSINESS_TIME_LIMITS, clockSkewMs: -1 };
    expect(() =>
      decideAccount(topUp(), foldAccount(readyAccount), { ...DEFAULT_ACCOUNT_POLICY, businessTimeLimits: badLimits }),
    ).toThrow(RangeError);
  });
});
