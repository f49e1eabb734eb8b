/**
 * One kept-alive HTTP/1.1 connection for load generation, one request at a time, over a
 * plain TCP socket. The benches share two cores with the server they measure, and
 * node:http's client costs ~200 µs of CPU per request (half a core at 2,500 sales/s);
 * this costs a fraction of that, like the dedicated load tools do. Handles what the
 * ledger answers: Content-Length or chunked bodies, `Connection: close`.
 */
import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  /** the body as UTF-8 text */
  readonly body: string;
}

/** The body is decoded only when read: a bench times the transfer, not the client's decoding. */
class ReceivedResponse implements RawResponse {
  private text: string | undefined;
  constructor(
    readonly status: number,
    private readonly bytes: Buffer,
  ) {}

  get body(): string {
    this.text ??= this.bytes.toString('utf8');
    return this.text;
  }
}

interface Pending {
  resolve(response: RawResponse): void;
  reject(error: Error): void;
}

/** Where the current response's body ends, once its head has arrived. */
type BodyEnd =
  | { kind: 'length'; end: number; bodyStart: number }
  | { kind: 'chunked'; bodyStart: number }
  | { kind: 'none'; bodyStart: number };

const HEADER_END = Buffer.from('\r\n\r\n');

export class RawHttpConnection {
  /** received bytes not yet consumed; joined only when a response may be complete */
  private chunks: Buffer[] = [];
  private received = 0;
  private head: { status: number; body: BodyEnd; closeAfter: boolean } | null = null;
  private pending: Pending | null = null;
  private closed = false;

  private constructor(
    private readonly socket: Socket,
    private readonly hostHeader: string,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      this.chunks.push(chunk);
      this.received += chunk.length;
      this.tryComplete();
    });
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => {
      this.closed = true;
      this.fail(new Error('connection closed by the server'));
    });
  }

  static open(baseUrl: string): Promise<RawHttpConnection> {
    const url = new URL(baseUrl);
    if (url.protocol !== 'http:') throw new Error(`only http:// is supported: ${baseUrl}`);
    return new Promise((resolve, reject) => {
      const socket = connect({ host: url.hostname, port: Number(url.port || 80) });
      socket.once('connect', () => {
        socket.off('error', reject);
        resolve(new RawHttpConnection(socket, url.host));
      });
      socket.once('error', reject);
    });
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** Sends one request and resolves with the whole response. */
  request(method: string, path: string, options: { token?: string; json?: string } = {}): Promise<RawResponse> {
    if (this.pending) return Promise.reject(new Error('one request at a time on a connection'));
    if (this.closed) return Promise.reject(new Error('connection is closed'));
    let message = `${method} ${path} HTTP/1.1\r\nHost: ${this.hostHeader}\r\nAccept: application/json\r\n`;
    if (options.token) message += `Authorization: Bearer ${options.token}\r\n`;
    if (options.json !== undefined) {
      message += `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(options.json)}\r\n\r\n${options.json}`;
    } else {
      message += '\r\n';
    }
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.socket.write(message);
    });
  }

  close(): void {
    this.closed = true;
    this.socket.destroy();
  }

  private joined(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks, this.received)];
    return this.chunks[0] ?? Buffer.alloc(0);
  }

  private tryComplete(): void {
    if (!this.pending) return;
    if (!this.head && !this.readHead()) return;
    const head = this.head!;
    let consumed: number;
    let body: Buffer;
    if (head.body.kind === 'length') {
      if (this.received < head.body.end) return;
      consumed = head.body.end;
      body = this.joined().subarray(head.body.bodyStart, consumed);
    } else if (head.body.kind === 'chunked') {
      const decoded = decodeChunked(this.joined(), head.body.bodyStart);
      if (!decoded) return;
      ({ body, consumed } = decoded);
    } else {
      consumed = head.body.bodyStart; // 204/304 and the like
      body = Buffer.alloc(0);
    }
    const rest = this.joined().subarray(consumed);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.received = rest.length;
    this.head = null;
    const { resolve } = this.pending;
    this.pending = null;
    if (head.closeAfter) this.close();
    resolve(new ReceivedResponse(head.status, body));
  }

  /** Parses the status line and headers once they are all in. */
  private readHead(): boolean {
    const buffer = this.joined();
    const headerEnd = buffer.indexOf(HEADER_END);
    if (headerEnd < 0) return false;
    const text = buffer.toString('latin1', 0, headerEnd);
    const headers = text.toLowerCase();
    const bodyStart = headerEnd + HEADER_END.length;
    const length = /\r\ncontent-length:\s*(\d+)/.exec(headers);
    this.head = {
      status: Number(text.slice(9, 12)),
      closeAfter: /\r\nconnection:\s*close/.test(headers),
      body: length
        ? { kind: 'length', bodyStart, end: bodyStart + Number(length[1]) }
        : /\r\ntransfer-encoding:\s*chunked/.test(headers)
          ? { kind: 'chunked', bodyStart }
          : { kind: 'none', bodyStart },
    };
    return true;
  }

  private fail(error: Error): void {
    const pending = this.pending;
    this.pending = null;
    pending?.reject(error);
  }
}

/** A complete chunked body from `start`, or null while parts are still missing. */
function decodeChunked(buffer: Buffer, start: number): { body: Buffer; consumed: number } | null {
  const parts: Buffer[] = [];
  let offset = start;
  for (;;) {
    const lineEnd = buffer.indexOf('\r\n', offset);
    if (lineEnd < 0) return null;
    const size = parseInt(buffer.toString('latin1', offset, lineEnd), 16);
    if (Number.isNaN(size)) throw new Error('malformed chunked response');
    const dataStart = lineEnd + 2;
    if (size === 0) {
      const end = buffer.indexOf(HEADER_END, lineEnd);
      if (end < 0) return null;
      return { body: Buffer.concat(parts), consumed: end + HEADER_END.length };
    }
    if (buffer.length < dataStart + size + 2) return null;
    parts.push(buffer.subarray(dataStart, dataStart + size));
    offset = dataStart + size + 2;
  }
}
