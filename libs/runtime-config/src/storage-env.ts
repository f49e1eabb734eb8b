/**
 * The environment every service of the ledger shares: where the data lives, which store
 * adapters run, the municipality's time zone, the log level. Each service extends the
 * schema with its own variables; all are validated once at start-up so that a wrong value
 * stops the process with a clear message instead of failing later.
 */
import { join } from 'node:path';
import type { EventStoreConfig } from '@meals/event-store';
import type { ReadModelStoreConfig } from '@meals/read-model-store';
import { z } from 'zod';

export const nonEmpty = z.string().trim().min(1);

function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const storageEnvShape = {
  DATA_DIR: nonEmpty.default('./data'),
  EVENT_STORE: z.enum(['sqlite', 'kurrentdb']).default('sqlite'),
  KURRENTDB_URL: nonEmpty.optional(),
  READ_MODEL_STORE: z.enum(['sqlite', 'mongodb']).default('sqlite'),
  MONGODB_URL: nonEmpty.optional(),
  MONGODB_DB: nonEmpty.default('school_meals'),
  TIME_ZONE: nonEmpty.default('Europe/Moscow').refine(isKnownTimeZone, { message: 'unknown IANA time zone' }),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
};

export type StorageEnv = z.infer<z.ZodObject<typeof storageEnvShape>>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function requireStoreUrls(env: StorageEnv, ctx: z.RefinementCtx): void {
  if (env.EVENT_STORE === 'kurrentdb' && !env.KURRENTDB_URL) {
    ctx.addIssue({ code: 'custom', path: ['KURRENTDB_URL'], message: 'required when EVENT_STORE=kurrentdb' });
  }
  if (env.READ_MODEL_STORE === 'mongodb' && !env.MONGODB_URL) {
    ctx.addIssue({ code: 'custom', path: ['MONGODB_URL'], message: 'required when READ_MODEL_STORE=mongodb' });
  }
}

/**
 * Validates `env` against the shared variables plus `extra`; throws ConfigError listing
 * every bad variable. Empty strings count as unset.
 */
export function parseServiceEnv<Extra extends z.ZodRawShape>(
  extra: Extra,
  env: NodeJS.ProcessEnv,
): StorageEnv & z.infer<z.ZodObject<Extra>> {
  const schema = z
    .object({ ...extra, ...storageEnvShape })
    .superRefine((value, ctx) => requireStoreUrls(value as unknown as StorageEnv, ctx));
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data as StorageEnv & z.infer<z.ZodObject<Extra>>;
}

export function eventStoreConfig(env: StorageEnv): EventStoreConfig {
  return env.EVENT_STORE === 'kurrentdb'
    ? { kind: 'kurrentdb', connectionString: env.KURRENTDB_URL ?? '' }
    : { kind: 'sqlite', path: join(env.DATA_DIR, 'events.db') };
}

/** The read models (`read-models.db` / MONGODB_DB), or a store of its own (`<name>.db` / `<MONGODB_DB>_<name>`). */
export function documentStoreConfig(env: StorageEnv, name = 'read-models'): ReadModelStoreConfig {
  const own = name !== 'read-models';
  return env.READ_MODEL_STORE === 'mongodb'
    ? { kind: 'mongodb', url: env.MONGODB_URL ?? '', dbName: own ? `${env.MONGODB_DB}_${name}` : env.MONGODB_DB }
    : { kind: 'sqlite', path: join(env.DATA_DIR, `${name}.db`) };
}
