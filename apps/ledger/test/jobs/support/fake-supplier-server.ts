/**
 * A supplier's HTTP endpoint for tests: checks the signature of every delivery, keeps the
 * first of each delivery id (as a real supplier must), and answers as the test scripts it:
 * fail the next N requests, or hold requests without answering (a worker dies meanwhile).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isSignedBody, SIGNATURE_HEADER } from '../../../src/suppliers/supplier-signature.js';

export interface ReceivedRequest {
  deliveryId: string;
  signed: boolean;
  body: Record<string, unknown>;
}

export class FakeSupplierServer {
  readonly requests: ReceivedRequest[] = [];
  /** first delivery per id */
  readonly deliveries = new Map<string, Record<string, unknown>>();
  failNext = 0;
  failStatus = 503;
  hold = false;
  private readonly held: ServerResponse[] = [];
  private readonly waiters: (() => void)[] = [];
  private server!: Server;
  url = '';

  constructor(readonly secret: string) {}

  async start(): Promise<this> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/deliveries`;
    return this;
  }

  /** Resolves with the next request that arrives. */
  nextRequest(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  async stop(): Promise<void> {
    for (const response of this.held.splice(0)) response.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const signed = isSignedBody(raw, request.headers[SIGNATURE_HEADER] as string | undefined, this.secret);
    const body = JSON.parse(raw) as Record<string, unknown>;
    const deliveryId = String(body['deliveryId']);
    this.requests.push({ deliveryId, signed, body });
    for (const wake of this.waiters.splice(0)) wake();
    if (!signed) return void response.writeHead(401).end();
    if (this.failNext > 0) {
      this.failNext--;
      return void response.writeHead(this.failStatus).end();
    }
    if (!this.deliveries.has(deliveryId)) this.deliveries.set(deliveryId, body);
    if (this.hold) return void this.held.push(response);
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  }
}
