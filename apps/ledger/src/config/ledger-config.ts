/**
 * The ledger's configuration, read from the environment and validated once at start-up:
 * a wrong value stops the process with a clear message instead of failing later.
 */
import { z } from 'zod';

const nonEmpty = z.string().trim().min(1);

const envSchema = z
  .object({
    LEDGER_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    LEDGER_HOST: nonEmpty.default('127.0.0.1'),
    DATA_DIR: nonEmpty.default('./data'),
    EVENT_STORE: z.enum(['sqlite', 'kurrentdb']).default('sqlite'),
    KURRENTDB_URL: nonEmpty.optional(),
    READ_MODEL_STORE: z.enum(['sqlite', 'mongodb']).default('sqlite'),
    MONGODB_URL: nonEmpty.optional(),
    MONGODB_DB: nonEmpty.default('school_meals'),
    TIME_ZONE: nonEmpty
      .default('Europe/Moscow')
      .refine((tz) => isKnownTimeZone(tz), { message: 'unknown IANA time zone' }),
    TOKEN_SECRET: z.string().min(32, 'TOKEN_SECRET must be at least 32 characters').optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((env, ctx) => {
    if (env.EVENT_STORE === 'kurrentdb' && !env.KURRENTDB_URL) {
      ctx.addIssue({ code: 'custom', path: ['KURRENTDB_URL'], message: 'required when EVENT_STORE=kurrentdb' });
    }
    if (env.READ_MODEL_STORE === 'mongodb' && !env.MONGODB_URL) {
      ctx.addIssue({ code: 'custom', path: ['MONGODB_URL'], message: 'required when READ_MODEL_STORE=mongodb' });
    }
  });

export type LedgerEnv = z.infer<typeof envSchema>;

export interface LedgerConfig {
  port: number;
  host: string;
  dataDir: string;
  eventStore: { kind: 'sqlite'; path: string } | { kind: 'kurrentdb'; connectionString: string };
  readModelStore: { kind: 'sqlite'; path: string } | { kind: 'mongodb'; url: string; dbName: string };
  identityStore: { kind: 'sqlite'; path: string } | { kind: 'mongodb'; url: string; dbName: string };
  timeZone: string;
  /** undefined until resolved by `resolveTokenSecret` (embedded mode generates one) */
  tokenSecret: string | undefined;
  logLevel: LedgerEnv['LOG_LEVEL'];
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Reads and validates the environment; throws ConfigError listing every bad variable. */
export function loadLedgerConfig(env: NodeJS.ProcessEnv = process.env): LedgerConfig {
  const blankToUndefined = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = envSchema.safeParse(blankToUndefined);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  const join = (file: string) => `${e.DATA_DIR.replace(/\/+$/, '')}/${file}`;
  return {
    port: e.LEDGER_PORT,
    host: e.LEDGER_HOST,
    dataDir: e.DATA_DIR,
    eventStore:
      e.EVENT_STORE === 'kurrentdb'
        ? { kind: 'kurrentdb', connectionString: e.KURRENTDB_URL ?? '' }
        : { kind: 'sqlite', path: join('events.db') },
    readModelStore:
      e.READ_MODEL_STORE === 'mongodb'
        ? { kind: 'mongodb', url: e.MONGODB_URL ?? '', dbName: e.MONGODB_DB }
        : { kind: 'sqlite', path: join('read-models.db') },
    identityStore:
      e.READ_MODEL_STORE === 'mongodb'
        ? { kind: 'mongodb', url: e.MONGODB_URL ?? '', dbName: `${e.MONGODB_DB}_identity` }
        : { kind: 'sqlite', path: join('identity.db') },
    timeZone: e.TIME_ZONE,
    tokenSecret: e.TOKEN_SECRET,
    logLevel: e.LOG_LEVEL,
  };
}
