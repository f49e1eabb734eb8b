/**
 * Waits until the projections have applied every event (`/api/health` reports the lag),
 * so that a read benchmark does not share the CPU with a catch-up still running.
 */
import { sleep } from '@meals/demo';
import { LedgerClient } from '@meals/ledger-client';

interface ProjectionsHealth {
  projections?: { lagEvents?: number };
}

export async function waitForProjectionsCaughtUp(baseUrl: string, timeoutMs = 120_000): Promise<void> {
  const client = new LedgerClient({ baseUrl });
  const deadline = Date.now() + timeoutMs;
  let lag: number | undefined;
  while (Date.now() < deadline) {
    const { report } = await client.health();
    lag = (report.details as ProjectionsHealth | undefined)?.projections?.lagEvents;
    if (lag === 0) return;
    await sleep(100);
  }
  throw new Error(`projections still ${lag ?? 'an unknown number of'} events behind after ${timeoutMs} ms`);
}
