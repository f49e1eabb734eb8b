import { LedgerClient } from './ledger-client.js';

/** Polls `GET /api/health` until the ledger says it is healthy or the time is up. */
export async function waitForHealthy(baseUrl: string, timeoutMs = 30_000): Promise<void> {
  const client = new LedgerClient({ baseUrl, timeoutMs: 5_000 });
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const { healthy, report } = await client.health();
      if (healthy) return;
      last = JSON.stringify(report).slice(0, 300);
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`ledger at ${baseUrl} not healthy after ${timeoutMs} ms: ${last}`);
}
