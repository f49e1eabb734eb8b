/**
 * Where the login limiter counts attempts: in this process's memory (embedded profile), or
 * in Redis when REDIS_URL is set, so that every ledger instance sees the same counts. When
 * Redis is unreachable the counts fall back to memory (the insurance limiter) at once,
 * instead of waiting for Redis or refusing every login.
 */
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Logger } from 'pino';
import {
  LOGIN_WINDOW_MS,
  MAX_LOGIN_FAILURES,
  MAX_PARENT_LOGIN_FAILURES_PER_ACCOUNT,
  MAX_PARENT_LOGIN_FAILURES_PER_ADDRESS,
} from './login-rate-limiter.js';

const KEY_PREFIX = 'ledger-login';
/** A Redis command that does not answer within this is counted in memory instead. */
const REDIS_COMMAND_TIMEOUT_MS = 500;

/** The cabinet's login limits: per account (from any address) and per client address (any account). */
export interface ParentLoginCounters {
  perAccount: RateLimiterAbstract;
  perAddress: RateLimiterAbstract;
}

export interface LoginAttemptCounters {
  counters: RateLimiterAbstract;
  parents: ParentLoginCounters;
  /** resolves once the shared store answers (counts go to memory until then) */
  ready: Promise<void>;
  close(): Promise<void>;
}

type Policy = { points: number; duration: number; keyPrefix: string };

const policy: Policy = { points: MAX_LOGIN_FAILURES, duration: LOGIN_WINDOW_MS / 1000, keyPrefix: KEY_PREFIX };
const parentAccountPolicy: Policy = {
  points: MAX_PARENT_LOGIN_FAILURES_PER_ACCOUNT,
  duration: LOGIN_WINDOW_MS / 1000,
  keyPrefix: 'cabinet-login-account',
};
const parentAddressPolicy: Policy = {
  points: MAX_PARENT_LOGIN_FAILURES_PER_ADDRESS,
  duration: LOGIN_WINDOW_MS / 1000,
  keyPrefix: 'cabinet-login-address',
};

export const memoryParentLoginCounters = (): ParentLoginCounters => ({
  perAccount: new RateLimiterMemory(parentAccountPolicy),
  perAddress: new RateLimiterMemory(parentAddressPolicy),
});

export function memoryLoginAttemptCounters(): LoginAttemptCounters {
  return {
    counters: new RateLimiterMemory(policy),
    parents: memoryParentLoginCounters(),
    ready: Promise.resolve(),
    close: async () => {},
  };
}

export function redisLoginAttemptCounters(redisUrl: string, logger: Logger): LoginAttemptCounters {
  const client = new Redis(redisUrl, {
    // fail fast while disconnected: the limiter then counts in memory
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    disconnectTimeout: 100,
    // keep reconnecting, at most every 2 s, so the shared counts come back with Redis
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  let reported = false;
  client.on('error', (error: Error) => {
    if (reported) return;
    reported = true;
    logger.warn({ err: error }, 'login limiter: Redis unavailable, counting login attempts in memory');
  });
  client.on('ready', () => {
    if (reported) logger.info('login limiter: Redis reachable again');
    reported = false;
  });
  const onRedis = (limits: Policy) =>
    new RateLimiterRedis({
      ...limits,
      storeClient: client,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory(limits),
    });
  return {
    counters: onRedis(policy),
    parents: { perAccount: onRedis(parentAccountPolicy), perAddress: onRedis(parentAddressPolicy) },
    ready: new Promise((resolve) => client.once('ready', () => resolve())),
    async close() {
      client.disconnect();
    },
  };
}

export const loginAttemptCounters = (redisUrl: string | undefined, logger: Logger): LoginAttemptCounters =>
  redisUrl ? redisLoginAttemptCounters(redisUrl, logger) : memoryLoginAttemptCounters();
