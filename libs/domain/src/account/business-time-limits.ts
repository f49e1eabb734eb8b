/**
 * How far a sale's `soldAt` or a payment's `paidAt` may lie from the moment the ledger
 * received it. Tills work offline and sync late, bank registries arrive weeks after the
 * payment, and every sender's clock may run a little fast; beyond that a date is a mistake
 * (a typo'd year, a till with a dead clock battery) that would rewrite closed statements.
 */
import { DomainError } from '../domain-error.js';

export interface BusinessTimeLimits {
  /** how old a till's sale may be when it arrives (offline tills sync late) */
  saleMaxAgeMs: number;
  /** how old a bank payment may be when it arrives (registries come late) */
  topUpMaxAgeMs: number;
  /** how far ahead of the ledger's clock any date may be (the sender's clock runs fast) */
  clockSkewMs: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

export const DEFAULT_BUSINESS_TIME_LIMITS: BusinessTimeLimits = Object.freeze({
  saleMaxAgeMs: 7 * DAY_MS,
  topUpMaxAgeMs: 45 * DAY_MS,
  clockSkewMs: 5 * MINUTE_MS,
});

export function assertValidBusinessTimeLimits(limits: BusinessTimeLimits): void {
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value < 0)
      throw new RangeError(`${name} must be a non-negative integer of milliseconds: ${String(value)}`);
  }
}

export const implausibleDate = (field: string, earliest: string, latest: string): DomainError =>
  new DomainError(
    'implausible_date',
    `${field} must lie between ${earliest} and ${latest} (the ledger's clock and the accepted delay)`,
    `Дата в поле ${field} неправдоподобна: допустимо с ${earliest} по ${latest} по часам сервера`,
    { field, earliest, latest },
  );

/**
 * Refuses a business time (`at`, already validated) older than `maxAgeMs` or more than
 * `clockSkewMs` ahead of `receivedAt`, the server's receive time the command carries
 * (the domain has no clock). Both bounds are inclusive.
 */
export function rejectImplausibleBusinessTime(
  field: string,
  at: string,
  receivedAt: string,
  maxAgeMs: number,
  clockSkewMs: number,
): void {
  const receivedMs = Date.parse(receivedAt);
  // the server's own clock reading, so a programming error when unreadable, not bad input
  if (Number.isNaN(receivedMs)) throw new Error(`receivedAt must be the server's ISO receive time: ${receivedAt}`);
  const atMs = Date.parse(at);
  const earliestMs = receivedMs - maxAgeMs;
  const latestMs = receivedMs + clockSkewMs;
  if (atMs < earliestMs || atMs > latestMs) {
    throw implausibleDate(field, new Date(earliestMs).toISOString(), new Date(latestMs).toISOString());
  }
}
