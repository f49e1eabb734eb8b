/** A ledger harness with the jobs on a test Redis, and helpers to watch the sync streams. */
import { mealSyncStreamId } from '@meals/domain';
import { defaultJobsSettings, type JobsSettings } from '../../../src/jobs/jobs-settings.js';
import type { JobsOptions } from '../../../src/jobs/jobs-providers.js';
import { MealJobs } from '../../../src/jobs/meal-jobs.js';
import { LedgerHarness } from '../../support/ledger-harness.js';

/** Short locks and stalled checks: a dead worker's job is taken over within seconds. */
export const testJobsSettings = (redisUrl: string, overrides: Partial<JobsSettings> = {}): JobsSettings =>
  defaultJobsSettings({
    redisUrl,
    worker: { lockDurationMs: 3_000, stalledIntervalMs: 1_000, concurrency: 2 },
    retry: { attempts: 4, backoffDelayMs: 300 },
    ...overrides,
  });

export async function startJobsHarness(jobs: JobsOptions, dir?: string): Promise<LedgerHarness> {
  const h = await LedgerHarness.start({ jobs, ...(dir ? { dir } : {}) });
  await h.app.get(MealJobs).ready;
  return h;
}

export async function syncEvents(h: LedgerHarness, schoolId: string, date: string) {
  return (await h.eventStore.readStream(mealSyncStreamId(schoolId, date))).map((e) => ({
    type: e.type,
    data: e.data as Record<string, unknown>,
  }));
}

export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
