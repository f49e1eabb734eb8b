/** The background jobs' part of the ledger's environment (see README «Фоновые задачи»). */
import { z } from 'zod';
import { ConfigError } from '@meals/runtime-config';

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const jobsEnvShape = {
  /** the municipality's time zone for the job schedules; TIME_ZONE when unset */
  MUNICIPALITY_TZ: z.string().trim().min(1).refine(isTimeZone, { message: 'unknown IANA time zone' }).optional(),
  ORDER_SYNC_CUTOFF: z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day HH:MM, e.g. 09:30')
    .default('09:30'),
  PRICE_CONFIRM_HOUR: z.coerce.number().int().min(0).max(23).default(10),
  /** an HTTP supplier; unset: the embedded sandbox supplier */
  SUPPLIER_URL: z.url({ protocol: /^https?$/ }).optional(),
  SUPPLIER_SECRET: z.string().min(32, 'SUPPLIER_SECRET must be at least 32 characters').optional(),
  SUPPLIER_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(10_000),
};

type JobsEnv = z.infer<z.ZodObject<typeof jobsEnvShape>>;

export interface JobsConfig {
  timeZone: string;
  orderSyncCutoff: string;
  priceConfirmHour: number;
  /** null: the sandbox supplier */
  supplier: { url: string; secret: string; timeoutMs: number } | null;
}

export function jobsConfig(e: JobsEnv & { TIME_ZONE: string }): JobsConfig {
  if (e.SUPPLIER_URL && !e.SUPPLIER_SECRET)
    throw new ConfigError('SUPPLIER_URL needs SUPPLIER_SECRET (the signing key)');
  return {
    timeZone: e.MUNICIPALITY_TZ ?? e.TIME_ZONE,
    orderSyncCutoff: e.ORDER_SYNC_CUTOFF,
    priceConfirmHour: e.PRICE_CONFIRM_HOUR,
    supplier:
      e.SUPPLIER_URL && e.SUPPLIER_SECRET
        ? { url: e.SUPPLIER_URL, secret: e.SUPPLIER_SECRET, timeoutMs: e.SUPPLIER_TIMEOUT_MS }
        : null,
  };
}
