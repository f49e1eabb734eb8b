import type { LedgerConfig } from '../config/ledger-config.js';
import { defaultJobsSettings, type JobsSettings } from './jobs-settings.js';

/** The jobs of the HTTP service: queues on REDIS_URL, the configured supplier, the sandbox's file under DATA_DIR. */
export const jobsSettingsFrom = (config: LedgerConfig): JobsSettings =>
  defaultJobsSettings({
    redisUrl: config.redisUrl,
    timeZone: config.jobs.timeZone,
    orderSyncCutoff: config.jobs.orderSyncCutoff,
    priceConfirmHour: config.jobs.priceConfirmHour,
    supplier: { http: config.jobs.supplier, dataDir: config.dataDir },
  });
