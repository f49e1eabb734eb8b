/**
 * The ledger's configuration: the environment shared by every service (see
 * @meals/runtime-config) plus the HTTP listener and the session-token secret. Validated
 * once at start-up: a wrong value stops the process with a clear message.
 */
import type { EventStoreConfig } from '@meals/event-store';
import type { ReadModelStoreConfig } from '@meals/read-model-store';
import {
  ConfigError,
  documentStoreConfig,
  eventStoreConfig,
  nonEmpty,
  parseServiceEnv,
  type LogLevel,
} from '@meals/runtime-config';
import { z } from 'zod';

export { ConfigError };

const ledgerEnvShape = {
  LEDGER_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LEDGER_HOST: nonEmpty.default('127.0.0.1'),
  TOKEN_SECRET: z.string().min(32, 'TOKEN_SECRET must be at least 32 characters').optional(),
};

export interface LedgerConfig {
  port: number;
  host: string;
  dataDir: string;
  eventStore: EventStoreConfig;
  readModelStore: ReadModelStoreConfig;
  /** principals, keys and login attempts: never in events, never in the read models */
  identityStore: ReadModelStoreConfig;
  timeZone: string;
  /** undefined until resolved by `resolveTokenSecret` (embedded mode generates one) */
  tokenSecret: string | undefined;
  logLevel: LogLevel;
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
  };
}
