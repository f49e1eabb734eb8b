/** `request` reaches endpoints that have no method of their own, with the same token and errors. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LedgerApiError, LedgerClient } from '@meals/ledger-client';

describe('LedgerClient.request', () => {
  let server: Server;
  let baseUrl: string;
  const seen: Array<{ method?: string; url?: string; authorization?: string; body: string }> = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        seen.push({ method: request.method, url: request.url, authorization: request.headers.authorization, body });
        if (request.url === '/api/auth/logout') {
          response.writeHead(204);
          response.end();
          return;
        }
        if (request.url === '/api/parent/email') {
          response.writeHead(202, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ ...JSON.parse(body), emailConfirmed: false }));
          return;
        }
        response.writeHead(403, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ code: 'forbidden_scope', message: 'no', messageRu: 'нет доступа' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends the method, JSON body and token, and returns the JSON answer', async () => {
    const client = new LedgerClient({ baseUrl }).withToken('parent-token');
    await expect(client.request('PUT', '/api/parent/email', { json: { email: 'a@b.ru' } })).resolves.toEqual({
      email: 'a@b.ru',
      emailConfirmed: false,
    });
    await expect(client.request('POST', '/api/auth/logout')).resolves.toBe('');
    expect(seen.slice(0, 2)).toEqual([
      { method: 'PUT', url: '/api/parent/email', authorization: 'Bearer parent-token', body: '{"email":"a@b.ru"}' },
      { method: 'POST', url: '/api/auth/logout', authorization: 'Bearer parent-token', body: '' },
    ]);
  });

  it('throws error answers as LedgerApiError', async () => {
    const error = await new LedgerClient({ baseUrl })
      .request('GET', '/api/payments/x', { query: { a: '1' } })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(LedgerApiError);
    expect(error).toMatchObject({ statusCode: 403, code: 'forbidden_scope', messageRu: 'нет доступа' });
  });
});
