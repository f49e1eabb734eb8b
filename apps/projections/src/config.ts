/**
 * The projections service's configuration, from the same environment variables as the
 * ledger (DATA_DIR, EVENT_STORE, KURRENTDB_URL, READ_MODEL_STORE, MONGODB_URL, MONGODB_DB,
 * TIME_ZONE, LOG_LEVEL) plus PROJECTIONS_BATCH_SIZE. Validated once at start-up.
 */
import { join } from 'node:path';
import type { EventStoreConfig } from '@meals/event-store';
import type { ReadModelStoreConfig } from '@meals/read-model-store';
import { z } from 'zod';

const nonEmpty = z.string().trim().min(1);

const isKnownTimeZone = (timeZone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
};

const envSchema = z
  .object({
    DATA_DIR: nonEmpty.default('./data'),
    EVENT_STORE: z.enum(['sqlite', 'kurrentdb']).default('sqlite'),
    KURRENTDB_URL: nonEmpty.optional(),
    READ_MODEL_STORE: z.enum(['sqlite', 'mongodb']).default('sqlite'),
    MONGODB_URL: nonEmpty.optional(),
    MONGODB_DB: nonEmpty.default('school_meals'),
    TIME_ZONE: nonEmpty.default('Europe/Moscow').refine(isKnownTimeZone, { message: 'unknown IANA time zone' }),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    PROJECTIONS_BATCH_SIZE: z.coerce.number().int().min(1).max(100_000).default(1000),
  })
  .superRefine((env, ctx) => {
    if (env.EVENT_STORE === 'kurrentdb' && !env.KURRENTDB_URL) {
      ctx.addIssue({ code: 'custom', path: ['KURRENTDB_URL'], message: 'required when EVENT_STORE=kurrentdb' });
    }
    if (env.READ_MODEL_STORE === 'mongodb' && !env.MONGODB_URL) {
      ctx.addIssue({ code: 'custom', path: ['MONGODB_URL'], message: 'required when READ_MODEL_STORE=mongodb' });
    }
  });

export type LogLevel = z.infer<typeof envSchema>['LOG_LEVEL'];

export interface ProjectionsConfig {
  dataDir: string;
  eventStore: EventStoreConfig;
  readModels: ReadModelStoreConfig;
  timeZone: string;
  batchSize: number;
  logLevel: LogLevel;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the environment; throws ConfigError listing every bad variable. */
export function loadProjectionsConfig(env: NodeJS.ProcessEnv = process.env): ProjectionsConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  return {
    dataDir: e.DATA_DIR,
    eventStore:
      e.EVENT_STORE === 'kurrentdb'
        ? { kind: 'kurrentdb', connectionString: e.KURRENTDB_URL ?? '' }
        : { kind: 'sqlite', path: join(e.DATA_DIR, 'events.db') },
    readModels:
      e.READ_MODEL_STORE === 'mongodb'
        ? { kind: 'mongodb', url: e.MONGODB_URL ?? '', dbName: e.MONGODB_DB }
        : { kind: 'sqlite', path: join(e.DATA_DIR, 'read-models.db') },
    timeZone: e.TIME_ZONE,
    batchSize: e.PROJECTIONS_BATCH_SIZE,
    logLevel: e.LOG_LEVEL,
  };
}
