/**
 * The till screen and its small JSON API, on loopback only. Requests must name this server
 * as their Host (a page from elsewhere that rebinds a DNS name to 127.0.0.1 is refused) and
 * changes must be JSON posts (a cross-site form cannot send them without a preflight).
 * Screen updates (card read, link, devices, receipts) are pushed as server-sent events.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { ZodType } from 'zod';
import type { TillAgent } from '../till-agent.js';
import { cardRequest, reprintRequest, saleRequest } from './screen-requests.js';

export interface TillServerOptions {
  agent: TillAgent;
  port: number;
  /** the reader is simulated: the screen offers its card picker */
  simulatedReader: boolean;
  /** cards the picker offers (demo) */
  demoCards?: { cardUid: string; label: string }[];
}

const PUBLIC_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public');
const ASSETS: Record<string, string> = {
  '/': 'till.html',
  '/till.js': 'till.js',
  '/till.css': 'till.css',
};
const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

export async function startTillServer(options: TillServerOptions): Promise<{ url: string; close(): Promise<void> }> {
  const { agent } = options;
  const app: FastifyInstance = Fastify({ logger: false, bodyLimit: 64 * 1024 });
  let allowedHosts = new Set<string>();

  app.addHook('onRequest', async (request, reply) => {
    if (!allowedHosts.has(request.headers.host ?? '')) return reply.code(421).send({ message: 'Неверный адрес кассы' });
    if (request.method === 'POST' && !(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return reply.code(415).send({ message: 'Ожидается JSON' });
    }
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('cache-control', 'no-store');
  });

  for (const [path, file] of Object.entries(ASSETS)) {
    const body = readFileSync(join(PUBLIC_DIR, file), 'utf8');
    const type = TYPES[file.split('.').pop()!]!;
    app.get(path, async (_request, reply) => reply.type(type).header('content-security-policy', CSP).send(body));
  }

  app.get('/api/state', async () => agent.state());
  app.get('/api/assortment', async () => agent.assortmentView());
  app.get('/api/demo-cards', async () => ({ simulated: options.simulatedReader, cards: options.demoCards ?? [] }));

  app.get('/api/events', (request, reply) => {
    reply.hijack();
    const out = reply.raw;
    out.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    const send = () => out.write(`data: ${JSON.stringify(agent.state())}\n\n`);
    send();
    agent.on('changed', send);
    const keepAlive = setInterval(() => out.write(': ping\n\n'), 15_000);
    request.raw.on('close', () => {
      clearInterval(keepAlive);
      agent.off('changed', send);
    });
  });

  app.post('/api/card', async (request, reply) => {
    const body = parse(cardRequest, request.body, reply);
    if (!body) return;
    return answer(reply, await agent.presentCard(body.cardUid));
  });
  app.post('/api/card/clear', async () => {
    agent.clearCard();
    return { ok: true };
  });
  app.post('/api/sale', async (request, reply) => {
    const body = parse(saleRequest, request.body, reply);
    if (!body) return;
    return answer(reply, await agent.sell(body.cardUid, body.items));
  });
  app.post('/api/activate', async (request, reply) => {
    const body = parse(cardRequest, request.body, reply);
    if (!body) return;
    return answer(reply, await agent.activateCard(body.cardUid));
  });
  app.post('/api/temporary-password', async (request, reply) => {
    const body = parse(cardRequest, request.body, reply);
    if (!body) return;
    return answer(reply, await agent.printTemporaryPassword(body.cardUid));
  });
  app.post('/api/statement', async (request, reply) => {
    const body = parse(cardRequest, request.body, reply);
    if (!body) return;
    return answer(reply, await agent.printStatement(body.cardUid));
  });
  app.post('/api/reprint', async (request, reply) => {
    const body = parse(reprintRequest, request.body, reply);
    if (!body) return;
    return answer(reply, await agent.reprint(body.id));
  });

  await app.listen({ host: '127.0.0.1', port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/** everything from this server; no inline script; styles from the stylesheet only */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'";

function parse<T>(schema: ZodType<T>, body: unknown, reply: FastifyReply): T | null {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  void reply
    .code(400)
    .send({ ok: false, code: 'invalid_request', message: parsed.error.issues[0]?.message ?? 'Неверный запрос' });
  return null;
}

function answer(reply: FastifyReply, outcome: { ok: boolean }) {
  return reply.code(outcome.ok ? 200 : 422).send(outcome);
}
