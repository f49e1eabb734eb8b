/**
 * The projections service's configuration: the environment shared by every service
 * (see @meals/runtime-config) plus PROJECTIONS_BATCH_SIZE. Validated once at start-up.
 */
import type { EventStoreConfig } from '@meals/event-store';
import type { ReadModelStoreConfig } from '@meals/read-model-store';
import {
  ConfigError,
  documentStoreConfig,
  eventStoreConfig,
  parseServiceEnv,
  type LogLevel,
} from '@meals/runtime-config';
import { z } from 'zod';

export { ConfigError, type LogLevel };

export interface ProjectionsConfig {
  dataDir: string;
  eventStore: EventStoreConfig;
  readModels: ReadModelStoreConfig;
  timeZone: string;
  batchSize: number;
  logLevel: LogLevel;
}

/** Reads and validates the environment; throws ConfigError listing every bad variable. */
export function loadProjectionsConfig(env: NodeJS.ProcessEnv = process.env): ProjectionsConfig {
  const e = parseServiceEnv({ PROJECTIONS_BATCH_SIZE: z.coerce.number().int().min(1).max(100_000).default(1000) }, env);
  return {
    dataDir: e.DATA_DIR,
    eventStore: eventStoreConfig(e),
    readModels: documentStoreConfig(e),
    timeZone: e.TIME_ZONE,
    batchSize: e.PROJECTIONS_BATCH_SIZE,
    logLevel: e.LOG_LEVEL,
  };
}
