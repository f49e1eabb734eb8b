/**
 * The ledger's configuration: the environment shared by every service (see
 * @meals/runtime-config) plus the HTTP listener and the session-token secret. Validated
 * once at start-up: a wrong value stops the process with a clear message.
 */
import { DEFAULT_ACCOUNT_POLICY, type AccountPolicy } from '@meals/domain';
import type { EventStoreConfig } from '@meals/event-store';
import type { ReadModelStoreConfig } from '@meals/read-model-store';
import type { IdentityStoreConfig } from '../identity/store/identity-store.port.js';
import {
  ConfigError,
  documentStoreConfig,
  eventStoreConfig,
  nonEmpty,
  parseServiceEnv,
  type LogLevel,
} from '@meals/runtime-config';
import { z } from 'zod';
import { DEFAULT_WEB_BASE_URL } from '../infrastructure/tokens.js';
import { jobsConfig, jobsEnvShape, type JobsConfig } from './jobs-config.js';

export { ConfigError };

const ledgerEnvShape = {
  LEDGER_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LEDGER_HOST: nonEmpty.default('127.0.0.1'),
  TOKEN_SECRET: z.string().min(32, 'TOKEN_SECRET must be at least 32 characters').optional(),
  // How old a sale or a bank payment may be when it arrives, and how far ahead of the server clock.
  SALE_MAX_AGE_DAYS: z.coerce.number().int().min(0).max(3660).default(7),
  TOP_UP_MAX_AGE_DAYS: z.coerce.number().int().min(0).max(3660).default(45),
  CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  /** the distributed profile: login attempts are counted in Redis, shared by every ledger instance */
  REDIS_URL: z
    .string()
    .trim()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  // online top-up (see payments/): the gateway, its credentials, limits and the cabinet's address
  PAYMENT_GATEWAY: z.enum(['sandbox', 'sberbank']).default('sandbox'),
  SBERBANK_API_URL: z.url({ protocol: /^https?$/ }).optional(),
  SBERBANK_USERNAME: z.string().min(1).optional(),
  SBERBANK_PASSWORD: z.string().min(1).optional(),
  SBERBANK_CALLBACK_KEY: z.string().min(1).optional(),
  SANDBOX_CALLBACK: z.enum(['normal', 'late', 'twice', 'never']).default('normal'),
  SANDBOX_CALLBACK_KEY: z.string().min(32, 'SANDBOX_CALLBACK_KEY must be at least 32 characters').optional(),
  /** the ledger as browsers reach it (the sandbox's card form); default http://localhost:<LEDGER_PORT> */
  LEDGER_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  TOP_UP_MIN_AMOUNT: z.coerce.number().int().min(1).default(100),
  TOP_UP_MAX_AMOUNT: z.coerce.number().int().min(1).max(100_000_000).default(1_500_000),
  PAYMENT_RECONCILE_AFTER_MINUTES: z.coerce.number().int().min(1).max(10_080).default(20),
  /** outgoing mail goes over SMTP when set; otherwise it is written to $DATA_DIR/outbox/*.eml */
  SMTP_URL: z
    .string()
    .trim()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().trim().min(3).max(200).optional(),
  /** where the parents' cabinet lives: links in mails point there */
  WEB_BASE_URL: z
    .string()
    .trim()
    .regex(/^https?:\/\/[^\s]+$/, 'must be an http:// or https:// URL')
    .transform((url) => url.replace(/\/+$/, ''))
    .default(DEFAULT_WEB_BASE_URL),
  ...jobsEnvShape,
};

const DAY_MS = 24 * 60 * 60 * 1000;

export interface LedgerConfig {
  port: number;
  host: string;
  dataDir: string;
  eventStore: EventStoreConfig;
  readModelStore: ReadModelStoreConfig;
  /** principals, keys and login attempts: never in events, never in the read models */
  identityStore: IdentityStoreConfig;
  timeZone: string;
  /** undefined until resolved by `resolveTokenSecret` (embedded mode generates one) */
  tokenSecret: string | undefined;
  logLevel: LogLevel;
  /** overdraft and date plausibility limits the account rules apply */
  accountPolicy: AccountPolicy;
  /** undefined in the embedded profile: login attempts are counted in memory */
  redisUrl: string | undefined;
  /** undefined: mail is written to $DATA_DIR/outbox */
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
  /** the cabinet's address, without a trailing slash (links in mails) */
  webBaseUrl: string;
  payments: PaymentsConfig;
  /** schedules and the meal supplier of the background jobs (which run when redisUrl is set) */
  jobs: JobsConfig;
}

export interface PaymentsConfig {
  gateway: 'sandbox' | 'sberbank';
  /** set when gateway is sberbank (all four required then) */
  sberbank: { apiUrl: string; username: string; password: string; callbackKey: string } | undefined;
  sandboxCallback: 'normal' | 'late' | 'twice' | 'never';
  /** undefined until resolved (embedded mode generates one into DATA_DIR) */
  sandboxCallbackKey: string | undefined;
  ledgerPublicUrl: string;
  limits: { minAmount: number; maxAmount: number };
  reconcileAfterMs: number;
}

/** Reads and validates the environment; throws ConfigError listing every bad variable. */
export function loadLedgerConfig(env: NodeJS.ProcessEnv = process.env): LedgerConfig {
  const e = parseServiceEnv(ledgerEnvShape, env);
  return {
    port: e.LEDGER_PORT,
    host: e.LEDGER_HOST,
    dataDir: e.DATA_DIR,
    eventStore: eventStoreConfig(e),
    readModelStore: documentStoreConfig(e),
    identityStore: documentStoreConfig(e, 'identity'),
    timeZone: e.TIME_ZONE,
    tokenSecret: e.TOKEN_SECRET,
    logLevel: e.LOG_LEVEL,
    accountPolicy: {
      ...DEFAULT_ACCOUNT_POLICY,
      businessTimeLimits: {
        saleMaxAgeMs: e.SALE_MAX_AGE_DAYS * DAY_MS,
        topUpMaxAgeMs: e.TOP_UP_MAX_AGE_DAYS * DAY_MS,
        clockSkewMs: e.CLOCK_SKEW_SECONDS * 1000,
      },
    },
    redisUrl: e.REDIS_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    webBaseUrl: e.WEB_BASE_URL,
    payments: paymentsConfig(e),
    jobs: jobsConfig(e),
  };
}

function paymentsConfig(e: ReturnType<typeof parseServiceEnv<typeof ledgerEnvShape>>): PaymentsConfig {
  const { SBERBANK_API_URL: apiUrl, SBERBANK_USERNAME: username, SBERBANK_PASSWORD: password } = e;
  const callbackKey = e.SBERBANK_CALLBACK_KEY;
  if (e.PAYMENT_GATEWAY === 'sberbank' && !(apiUrl && username && password && callbackKey)) {
    throw new ConfigError(
      'PAYMENT_GATEWAY=sberbank needs SBERBANK_API_URL, SBERBANK_USERNAME, SBERBANK_PASSWORD and SBERBANK_CALLBACK_KEY',
    );
  }
  if (e.TOP_UP_MIN_AMOUNT > e.TOP_UP_MAX_AMOUNT) {
    throw new ConfigError('TOP_UP_MIN_AMOUNT must not exceed TOP_UP_MAX_AMOUNT');
  }
  return {
    gateway: e.PAYMENT_GATEWAY,
    sberbank: apiUrl && username && password && callbackKey ? { apiUrl, username, password, callbackKey } : undefined,
    sandboxCallback: e.SANDBOX_CALLBACK,
    sandboxCallbackKey: e.SANDBOX_CALLBACK_KEY,
    ledgerPublicUrl: e.LEDGER_PUBLIC_URL ?? `http://localhost:${e.LEDGER_PORT}`,
    limits: { minAmount: e.TOP_UP_MIN_AMOUNT, maxAmount: e.TOP_UP_MAX_AMOUNT },
    reconcileAfterMs: e.PAYMENT_RECONCILE_AFTER_MINUTES * 60_000,
  };
}
