/**
 * The low-balance alert: the parent sets a threshold; one mail goes out each time the balance
 * falls below it, and no other until the balance has been back at or above it (the alert is
 * re-armed) and falls below again. A threshold of 0 turns the alert off.
 */
import type { Kopecks } from './money.js';

/** 10 000 руб.: above any sensible "running low" mark, and below any overflow. */
export const MAX_LOW_BALANCE_THRESHOLD: Kopecks = 1_000_000;

export interface LowBalanceWatch {
  /** kopecks; 0 = off */
  threshold: Kopecks;
  /** a fall below the threshold mails now (the last balance seen was at or above it) */
  armed: boolean;
}

export interface BalanceObservation {
  watch: LowBalanceWatch;
  /** this balance is a downward crossing while armed: mail the parent once */
  alert: boolean;
}

/**
 * A threshold set at `balance`: armed when the balance is at or above it. Setting it while the
 * balance is already lower mails nothing; the alert arms once the balance gets back up.
 */
export const watchFrom = (threshold: Kopecks, balance: Kopecks): LowBalanceWatch => ({
  threshold,
  armed: threshold > 0 && balance >= threshold,
});

/** The balance after an event, seen by the alert. */
export function observeBalance(watch: LowBalanceWatch, balance: Kopecks): BalanceObservation {
  if (watch.threshold <= 0) return { watch: { threshold: watch.threshold, armed: false }, alert: false };
  if (balance >= watch.threshold) return { watch: { threshold: watch.threshold, armed: true }, alert: false };
  return { watch: { threshold: watch.threshold, armed: false }, alert: watch.armed };
}
