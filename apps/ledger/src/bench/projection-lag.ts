/**
 * Waits until the projections have applied every event (`/api/health` reports the lag),
 * so that a read benchmark does not share the CPU with a catch-up still running.
 */
import { LedgerHttpClient, sleep } from '../demo/ledger-http-client.js';

interface HealthBody {
  details?: { projections?: { lagEvents?: number } };
}

export async function waitForProjectionsCaughtUp(baseUrl: string, timeoutMs = 120_000): Promise<void> {
  const client = new LedgerHttpClient(baseUrl, { maxSockets: 1 });
  const deadline = Date.now() + timeoutMs;
  let lag: number | undefined;
  try {
    while (Date.now() < deadline) {
      const response = await client.get<HealthBody>('/api/health');
      lag = response.body.details?.projections?.lagEvents;
      if (lag === 0) return;
      await sleep(100);
    }
  } finally {
    client.close();
  }
  throw new Error(`projections still ${lag ?? 'an unknown number of'} events behind after ${timeoutMs} ms`);
}
