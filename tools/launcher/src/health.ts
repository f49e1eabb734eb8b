/** Polling the ledger's `/api/health` until it says what the caller waits for. */
export interface HealthAnswer {
  status: number;
  body: { status?: string; reason?: string } | null;
}

export async function fetchHealth(baseUrl: string, timeoutMs = 2_000): Promise<HealthAnswer> {
  const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(timeoutMs) });
  const text = await response.text();
  return { status: response.status, body: parseJson(text) };
}

function parseJson(text: string): HealthAnswer['body'] {
  try {
    return JSON.parse(text) as HealthAnswer['body'];
  } catch {
    return null;
  }
}

/** The ledger answers at all (`ok`, `degraded` or `starting`): it is up, maybe not ready. */
export const isLive = (answer: HealthAnswer) =>
  answer.status === 200 || (answer.status === 503 && answer.body?.status === 'starting');

/** The ledger is ready to serve: `ok` or `degraded` (200). */
export const isReady = (answer: HealthAnswer) => answer.status === 200;

/** Polls until `wanted` holds; rejects with the last answer after `timeoutMs` or when `abort` rejects. */
export async function waitForHealth(
  baseUrl: string,
  wanted: (answer: HealthAnswer) => boolean,
  timeoutMs: number,
  abort?: Promise<never>,
): Promise<HealthAnswer> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  const poll = async (): Promise<HealthAnswer> => {
    while (Date.now() < deadline) {
      try {
        const answer = await fetchHealth(baseUrl);
        if (wanted(answer)) return answer;
        last = `HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`;
      } catch (error) {
        last = (error as Error).message;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${baseUrl}/api/health did not answer as expected within ${timeoutMs} ms (last: ${last})`);
  };
  return abort ? Promise.race([poll(), abort]) : poll();
}
