/**
 * Slows down password guessing: after MAX_LOGIN_FAILURES failed logins for the same username
 * from the same address within the window, further attempts are refused (429) until the
 * window ends. A successful login clears the record. The counters live in a
 * rate-limiter-flexible store (see login-attempt-counters.ts): process memory in the
 * embedded profile, Redis shared by every ledger instance in the distributed one.
 */
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export const MAX_LOGIN_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** the cabinet: wrong passwords for one account from anywhere, and from one address for any account */
export const MAX_PARENT_LOGIN_FAILURES_PER_ACCOUNT = 5;
export const MAX_PARENT_LOGIN_FAILURES_PER_ADDRESS = 30;

export interface LoginOutcome {
  ok: boolean;
  /** set when the caller is locked out (and the attempt was not run) */
  retryAfterSeconds: number | null;
}

export class LoginRateLimiter {
  constructor(private readonly counters: RateLimiterAbstract) {}

  /**
   * Runs one login attempt under the limiter; `attempt` returns whether the credentials were
   * right. Every attempt is counted before it runs (one atomic increment, so concurrent
   * guesses on several instances cannot slip past the limit) and a success clears the count.
   */
  async guard(username: string, ip: string, attempt: () => Promise<boolean>): Promise<LoginOutcome> {
    const key = `${username}|${ip}`;
    try {
      await this.counters.consume(key);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
    }
    const ok = await attempt();
    if (ok) await this.counters.delete(key);
    return { ok, retryAfterSeconds: null };
  }
}

const retryAfter = (refusal: RateLimiterRes) => Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));

/**
 * The cabinet's limiter: every attempt counts against the account (from any address) and
 * against the client address (for any account); either limit refuses further attempts until
 * its window ends. A success clears the account's count and gives the address its point back.
 */
export class ParentLoginRateLimiter {
  constructor(private readonly counters: { perAccount: RateLimiterAbstract; perAddress: RateLimiterAbstract }) {}

  async guard(accountNumber: string, ip: string, attempt: () => Promise<boolean>): Promise<LoginOutcome> {
    try {
      await this.counters.perAccount.consume(accountNumber);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      return { ok: false, retryAfterSeconds: retryAfter(refusal) };
    }
    try {
      await this.counters.perAddress.consume(ip);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      await this.counters.perAccount.reward(accountNumber, 1);
      return { ok: false, retryAfterSeconds: retryAfter(refusal) };
    }
    const ok = await attempt();
    if (ok) {
      await this.counters.perAccount.delete(accountNumber);
      await this.counters.perAddress.reward(ip, 1);
    }
    return { ok, retryAfterSeconds: null };
  }

  /** Counts a request against the address only (password recovery: no account is revealed). */
  async throttleAddress(ip: string): Promise<number | null> {
    try {
      await this.counters.perAddress.consume(ip);
      return null;
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      return retryAfter(refusal);
    }
  }
}
