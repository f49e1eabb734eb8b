/**
 * A thin JSON client for the ledger's HTTP API over node:http with a keep-alive agent:
 * cheaper per request than fetch, which matters when the client shares two cores with
 * the server it loads. Non-2xx answers are returned, not thrown; network errors throw.
 */
import http from 'node:http';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
}

/** The ledger's error body. */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  messageRu?: string;
  details?: unknown;
}

export interface RequestOptions {
  token?: string;
  /** sent as JSON */
  json?: unknown;
  /** sent as is, with `contentType` */
  raw?: { body: string | Buffer; contentType: string };
}

export class LedgerHttpClient {
  private readonly agent: http.Agent;
  private readonly base: URL;

  constructor(baseUrl: string, options: { maxSockets?: number } = {}) {
    this.base = new URL(baseUrl);
    this.agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 64 });
  }

  get<T = unknown>(path: string, token?: string): Promise<ApiResponse<T>> {
    return this.request<T>('GET', path, { token });
  }

  post<T = unknown>(path: string, json: unknown, token?: string): Promise<ApiResponse<T>> {
    return this.request<T>('POST', path, { token, json });
  }

  request<T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: http.OutgoingHttpHeaders = { accept: 'application/json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let payload: Buffer | undefined;
    if (options.json !== undefined) {
      payload = Buffer.from(JSON.stringify(options.json), 'utf8');
      headers['content-type'] = 'application/json';
    } else if (options.raw) {
      payload = Buffer.isBuffer(options.raw.body) ? options.raw.body : Buffer.from(options.raw.body, 'utf8');
      headers['content-type'] = options.raw.contentType;
    }
    if (payload) headers['content-length'] = payload.length;
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          agent: this.agent,
          protocol: this.base.protocol,
          hostname: this.base.hostname,
          port: this.base.port,
          method,
          path: joinPath(this.base.pathname, path),
          headers,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const isJson = String(res.headers['content-type'] ?? '').includes('json');
            try {
              resolve({ status: res.statusCode ?? 0, body: (isJson && text ? JSON.parse(text) : text) as T });
            } catch (error) {
              reject(error as Error);
            }
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** Closes the kept-alive sockets so that the process can exit. */
  close(): void {
    this.agent.destroy();
  }
}

function joinPath(basePath: string, path: string): string {
  return basePath.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`);
}

/** Thrown when an answer is not what the caller can go on with. */
export class UnexpectedResponseError extends Error {
  override name = 'UnexpectedResponseError';
  constructor(
    readonly what: string,
    readonly response: ApiResponse,
  ) {
    super(`${what}: HTTP ${response.status} ${JSON.stringify(response.body).slice(0, 500)}`);
  }
}

export function expectOk<T>(what: string, response: ApiResponse<unknown>): T {
  if (response.status < 200 || response.status >= 300) throw new UnexpectedResponseError(what, response);
  return response.body as T;
}

/** Polls `GET /api/health` until it answers 200 or the time is up. */
export async function waitForHealthy(baseUrl: string, timeoutMs = 30_000): Promise<void> {
  const client = new LedgerHttpClient(baseUrl, { maxSockets: 1 });
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  try {
    while (Date.now() < deadline) {
      try {
        const response = await client.get('/api/health');
        if (response.status === 200) return;
        last = `HTTP ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`;
      } catch (error) {
        last = (error as Error).message;
      }
      await sleep(100);
    }
  } finally {
    client.close();
  }
  throw new Error(`ledger at ${baseUrl} not healthy after ${timeoutMs} ms: ${last}`);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` over every item with at most `limit` in flight; rejects on the first failure. */
export async function forEachConcurrently<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Logs a staff user in (`POST /api/auth/login`) and returns the session token. */
export async function loginStaff(baseUrl: string, username: string, password: string): Promise<string> {
  const client = new LedgerHttpClient(baseUrl, { maxSockets: 1 });
  try {
    const body = expectOk<{ token: string }>(`login ${username}`, await client.post('/api/auth/login', { username, password }));
    return body.token;
  } finally {
    client.close();
  }
}
