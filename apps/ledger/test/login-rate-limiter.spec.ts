/**
 * The login limiter: 5 failures per username and address in 15 minutes, counted in memory
 * (embedded profile) or in a real Redis shared by several ledger instances; Redis going down
 * falls back to memory without hanging.
 */
import { pino } from 'pino';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import {
  memoryLoginAttemptCounters,
  redisLoginAttemptCounters,
  type LoginAttemptCounters,
} from '../src/identity/login-attempt-counters.js';
import { LoginRateLimiter, ParentLoginRateLimiter, MAX_LOGIN_FAILURES } from '../src/identity/login-rate-limiter.js';
import { LedgerHarness } from './support/ledger-harness.js';
import { startTestRedis, type TestRedis } from './support/redis-server.js';

const silent = pino({ level: 'silent' });
const wrong = async () => false;
const right = async () => true;

async function fail(limiter: LoginRateLimiter, times: number, username = 'ivan', ip = '10.0.0.1') {
  const outcomes = [];
  for (let i = 0; i < times; i++) outcomes.push(await limiter.guard(username, ip, wrong));
  return outcomes;
}

describe('login limiter in memory', () => {
  it('locks a username from one address after 5 failures, with a Retry-After within the window', async () => {
    const limiter = new LoginRateLimiter(memoryLoginAttemptCounters().counters);
    expect((await fail(limiter, MAX_LOGIN_FAILURES)).every((o) => !o.ok && o.retryAfterSeconds === null)).toBe(true);
    let ran = false;
    const locked = await limiter.guard('ivan', '10.0.0.1', async () => (ran = true));
    expect(ran).toBe(false);
    expect(locked.retryAfterSeconds).toBeGreaterThan(0);
    expect(locked.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect(await limiter.guard('ivan', '10.0.0.2', right)).toEqual({ ok: true, retryAfterSeconds: null });
  });

  it('a success clears the failures', async () => {
    const limiter = new LoginRateLimiter(memoryLoginAttemptCounters().counters);
    await fail(limiter, MAX_LOGIN_FAILURES - 1);
    expect((await limiter.guard('ivan', '10.0.0.1', right)).ok).toBe(true);
    expect((await fail(limiter, MAX_LOGIN_FAILURES)).every((o) => o.retryAfterSeconds === null)).toBe(true);
  });

  it('the lock ends with its window', async () => {
    const limiter = new LoginRateLimiter(new RateLimiterMemory({ points: MAX_LOGIN_FAILURES, duration: 1 }));
    await fail(limiter, MAX_LOGIN_FAILURES);
    expect((await limiter.guard('ivan', '10.0.0.1', right)).retryAfterSeconds).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await limiter.guard('ivan', '10.0.0.1', right)).toEqual({ ok: true, retryAfterSeconds: null });
  });
});

describe('login limiter on a shared Redis', () => {
  let redis: TestRedis;
  const opened: LoginAttemptCounters[] = [];
  const counters = async () => {
    const created = redisLoginAttemptCounters(redis.url, silent);
    opened.push(created);
    await created.ready;
    return created.counters;
  };

  beforeAll(async () => {
    redis = await startTestRedis();
  });

  afterAll(async () => {
    await Promise.all(opened.map((c) => c.close()));
    await redis.stop();
  });

  it('failures on one instance count on the other, concurrent ones included', async () => {
    const a = new LoginRateLimiter(await counters());
    const b = new LoginRateLimiter(await counters());
    await fail(a, 3);
    const racing = await Promise.all([
      b.guard('ivan', '10.0.0.1', wrong),
      b.guard('ivan', '10.0.0.1', wrong),
      a.guard('ivan', '10.0.0.1', wrong),
    ]);
    expect(racing.filter((o) => o.retryAfterSeconds === null)).toHaveLength(2);
    expect((await a.guard('ivan', '10.0.0.1', right)).retryAfterSeconds).toBeGreaterThan(0);
    expect((await b.guard('ivan', '10.0.0.1', right)).retryAfterSeconds).toBeGreaterThan(0);
  });

  it('two ledger apps share the lock (429 on the second after failures on the first)', async () => {
    const first = await LedgerHarness.start({ loginAttempts: await counters() });
    const second = await LedgerHarness.start({ loginAttempts: await counters() });
    try {
      for (const h of [first, second])
        await h.identity.createUser({ username: 'olga', password: 'right-password-1', role: 'auditor' }, new Date());
      const login = (h: LedgerHarness, password: string) =>
        h.request('POST', '/api/auth/login', { body: { username: 'olga', password }, remoteAddress: '10.0.0.7' });
      for (let i = 0; i < 3; i++) expect((await login(first, `guess-${i}`)).status).toBe(401);
      for (let i = 3; i < 5; i++) expect((await login(second, `guess-${i}`)).status).toBe(401);
      const locked = await login(first, 'right-password-1');
      expect(locked.status).toBe(429);
      expect(locked.body.code).toBe('too_many_login_attempts');
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it("the cabinet's per-account and per-address counts are shared through Redis too", async () => {
    const first = redisLoginAttemptCounters(redis.url, silent);
    const second = redisLoginAttemptCounters(redis.url, silent);
    opened.push(first, second);
    await Promise.all([first.ready, second.ready]);
    const a = new ParentLoginRateLimiter(first.parents);
    const b = new ParentLoginRateLimiter(second.parents);
    for (let i = 0; i < 3; i++) expect((await a.guard('0242013138', `10.2.0.${i}`, wrong)).ok).toBe(false);
    for (let i = 3; i < 5; i++) expect((await b.guard('0242013138', `10.2.0.${i}`, wrong)).ok).toBe(false);
    // locked for the account from any address, on either instance
    expect((await a.guard('0242013138', '10.2.0.99', right)).retryAfterSeconds).toBeGreaterThan(0);
    expect((await b.guard('0242013138', '10.2.0.98', right)).retryAfterSeconds).toBeGreaterThan(0);
    expect((await b.guard('0252000017', '10.2.0.98', right)).ok).toBe(true);
  });

  it('Redis going down falls back to the in-memory insurance limiter without hanging', async () => {
    const limiter = new LoginRateLimiter(await counters());
    await fail(limiter, 2, 'petr');
    await redis.stop();
    const started = Date.now();
    const outcomes = await fail(limiter, MAX_LOGIN_FAILURES, 'petr');
    expect(Date.now() - started).toBeLessThan(3000);
    // memory starts its own count: five more failures are let through, the sixth attempt is locked
    expect(outcomes.every((o) => !o.ok && o.retryAfterSeconds === null)).toBe(true);
    expect((await limiter.guard('petr', '10.0.0.1', right)).retryAfterSeconds).toBeGreaterThan(0);
  });
});
