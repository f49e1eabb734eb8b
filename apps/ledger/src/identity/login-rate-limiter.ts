/**
 * Slows down password guessing: after MAX_FAILURES failed logins for the same username
 * from the same address within the window, further attempts are refused (429) until
 * the oldest failure leaves the window. A successful login clears the record.
 */
import { KeyedMutex } from '@meals/command-runner';
import type { IdentityDirectory } from './identity-directory.js';

export const MAX_LOGIN_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

export class LoginRateLimiter {
  private readonly mutex = new KeyedMutex();

  constructor(private readonly directory: IdentityDirectory) {}

  /**
   * Runs one login attempt under the limiter. `attempt` returns whether the credentials
   * were right. Returns `{ retryAfterSeconds }` when the caller is locked out (and
   * `attempt` was not run), otherwise the attempt's outcome.
   */
  guard(username: string, ip: string, now: Date, attempt: () => Promise<boolean>): Promise<{ ok: boolean; retryAfterSeconds: number | null }> {
    const key = `${username}|${ip}`;
    return this.mutex.run(key, async () => {
      const windowStart = now.getTime() - LOGIN_WINDOW_MS;
      const recent = (await this.directory.loginFailures(key)).filter((at) => Date.parse(at) > windowStart);
      if (recent.length >= MAX_LOGIN_FAILURES) {
        const oldest = Date.parse(recent[recent.length - MAX_LOGIN_FAILURES] ?? '');
        const retryAfterMs = oldest + LOGIN_WINDOW_MS - now.getTime();
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
      }
      const ok = await attempt();
      if (ok) {
        if (recent.length > 0) await this.directory.saveLoginFailures(key, []);
      } else {
        await this.directory.saveLoginFailures(key, [...recent, now.toISOString()]);
      }
      return { ok, retryAfterSeconds: null };
    });
  }
}
