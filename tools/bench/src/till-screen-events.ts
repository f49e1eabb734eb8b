/** The till screen's server-sent events, read as a stream of states the bench can wait on. */
export interface TillScreenEvents {
  /** resolves with the first state (from now on, or the latest one) that satisfies `wanted` */
  until(wanted: (state: TillScreenState) => boolean, timeoutMs?: number): Promise<TillScreenState>;
  close(): void;
}

export interface TillScreenState {
  link: { online: boolean; queued: number; refused: number };
  card: { cardUid: string; source: 'ledger' | 'cache' } | null;
}

export async function followTillScreen(tillUrl: string): Promise<TillScreenEvents> {
  const abort = new AbortController();
  const response = await fetch(`${tillUrl}/api/events`, { signal: abort.signal });
  if (!response.ok || !response.body) throw new Error(`till events answered ${response.status}`);
  let latest: TillScreenState | null = null;
  const waiters = new Set<() => void>();
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!event.startsWith('data: ')) continue;
          latest = JSON.parse(event.slice('data: '.length)) as TillScreenState;
          for (const wake of waiters) wake();
        }
      }
    } catch {
      // closed
    }
  })();
  return {
    until: (wanted, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!latest || !wanted(latest)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(latest);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`the till screen did not reach the expected state within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () => abort.abort(),
  };
}
