/** An error answer that is not the ledger's (a proxy's 502, say) still becomes a typed LedgerApiError. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LedgerApiError, LedgerClient } from '@meals/ledger-client';

describe('LedgerApiError from a foreign error answer', () => {
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    server = createServer((_request, response) => {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end('<html>Bad Gateway</html>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('carries the status, an http_<status> code and messages in both languages', async () => {
    const error = await new LedgerClient({ baseUrl }).account('0242013138').catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(LedgerApiError);
    expect(error).toMatchObject({ statusCode: 502, code: 'http_502', details: {} });
    expect((error as LedgerApiError).message).toContain('Bad Gateway');
    expect((error as LedgerApiError).messageRu).toMatch(/HTTP 502/);
  });
});
