import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { RawHttpConnection } from '../src/raw-http-connection.js';

/** A server answering in the ways the bench client must understand. */
function startServer(): Promise<{ url: string; close(): Promise<void> }> {
  const big = JSON.stringify({ lines: Array.from({ length: 3000 }, (_, i) => ({ i, description: `Чек №24-${i}` })) });
  const server = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      if (request.url === '/echo') {
        response.writeHead(201, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ method: request.method, auth: request.headers.authorization ?? null, body }));
      } else if (request.url === '/big') {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(big) });
        response.end(big);
      } else if (request.url === '/chunked') {
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.write('Пицца ');
        setTimeout(() => response.end('125 г'), 5);
      } else if (request.url === '/close') {
        response.writeHead(409, { connection: 'close', 'content-length': 2 });
        response.end('no');
      } else {
        response.writeHead(204);
        response.end();
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    ),
  );
}

describe('raw keep-alive HTTP connection of the benches', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('sends JSON with a token and reads many responses on one connection', async () => {
    const connection = await RawHttpConnection.open(server.url);
    try {
      for (let i = 0; i < 5; i++) {
        const json = JSON.stringify({ name: 'Котлета рубленная из филе курицы, 100 г', i });
        const response = await connection.request('POST', '/echo', { token: 'mk_x', json });
        expect(response.status).toBe(201);
        expect(JSON.parse(response.body)).toEqual({ method: 'POST', auth: 'Bearer mk_x', body: json });
      }
      const empty = await connection.request('GET', '/nothing');
      expect(empty).toMatchObject({ status: 204, body: '' });
    } finally {
      connection.close();
    }
  });

  it('reads bodies that arrive in many pieces, by length or chunked, keeping UTF-8 intact', async () => {
    const connection = await RawHttpConnection.open(server.url);
    try {
      const big = await connection.request('GET', '/big');
      expect((JSON.parse(big.body) as { lines: unknown[] }).lines).toHaveLength(3000);
      expect(big.body).toContain('Чек №24-2999');
      const chunked = await connection.request('GET', '/chunked');
      expect(chunked).toMatchObject({ status: 200, body: 'Пицца 125 г' });
    } finally {
      connection.close();
    }
  });

  it('closes when the server says so and refuses to send on a closed connection', async () => {
    const connection = await RawHttpConnection.open(server.url);
    const response = await connection.request('GET', '/close');
    expect(response).toMatchObject({ status: 409, body: 'no' });
    expect(connection.isOpen).toBe(false);
    await expect(connection.request('GET', '/echo')).rejects.toThrow(/closed/);
  });
});
