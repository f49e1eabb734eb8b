/** The ledger's small building blocks, each on its own. */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadLedgerConfig } from '../src/config/ledger-config.js';
import { resolveTokenSecret } from '../src/config/token-secret.js';
import { hashPassword, verifyPassword } from '../src/identity/passwords.js';
import { SessionTokens } from '../src/identity/session-tokens.js';
import { createLogger } from '../src/observability/logger.js';
import { parsePupilCsv } from '../src/schools/pupil-list.js';
import { stripPollutingKeys } from '../src/http/validation.js';

describe('pupil list (CSV)', () => {
  it('keeps the file line of every row, skipping blank lines, with `,` or `;`, BOM and CRLF', () => {
    const text = '\uFEFFschool;class;full_name\r\n24;1А;Иванов Иван\r\n\r\n24;1Б;"Петрова; Анна"\r\n';
    expect(parsePupilCsv(Buffer.from(text))).toEqual([
      { line: 2, school: '24', className: '1А', fullName: 'Иванов Иван' },
      { line: 4, school: '24', className: '1Б', fullName: 'Петрова; Анна' },
    ]);
  });

  it('accepts columns in any order and Russian headers', () => {
    expect(parsePupilCsv(Buffer.from('ФИО,Класс,Школа\n"Сидоров, Сергей",2В,24\n'))).toEqual([
      { line: 2, school: '24', className: '2В', fullName: 'Сидоров, Сергей' },
    ]);
  });

  it('names the line of a row with an empty column', () => {
    expect(() => parsePupilCsv(Buffer.from('school,class,full_name\n24,1А,Иванов\n24,,Петров\n'))).toThrow(/^Line 3: /);
  });
});

describe('request values before validation', () => {
  it('lose __proto__, prototype and constructor own keys at any depth, and nothing else', () => {
    const body = JSON.parse(
      '{"__proto__":{"admin":true},"a":{"constructor":{"prototype":{"x":1}},"b":[{"prototype":2,"keep":3}]},"n":null,"s":"constructor"}',
    );
    stripPollutingKeys(body);
    expect(body).toEqual({ a: { b: [{ keep: 3 }] }, n: null, s: 'constructor' });
    expect(Object.hasOwn(body, '__proto__')).toBe(false);
    expect(({} as Record<string, unknown>)['admin']).toBeUndefined();
  });

  it('walk deeply nested arrays without overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}{"constructor":1}${']'.repeat(100_000)}`);
    expect(() => stripPollutingKeys(deep)).not.toThrow();
  });
});

describe('passwords and session tokens', () => {
  it('hashes with a per-user salt and verifies', async () => {
    const a = await hashPassword('same password');
    const b = await hashPassword('same password');
    expect(a).not.toBe(b);
    expect(await verifyPassword('same password', a)).toBe(true);
    expect(await verifyPassword('same passworD', a)).toBe(false);
    expect(await verifyPassword('same password', 'garbage')).toBe(false);
  });

  it('accepts only untampered, unexpired tokens signed with the same secret', () => {
    const tokens = new SessionTokens('a'.repeat(40));
    const issued = tokens.issue('olga', new Date('2024-01-01T00:00:00Z'));
    expect(tokens.verify(issued.token, new Date('2024-01-01T11:59:59Z'))).toBe('olga');
    expect(tokens.verify(issued.token, new Date('2024-01-01T12:00:00Z'))).toBeNull();
    expect(new SessionTokens('b'.repeat(40)).verify(issued.token, new Date('2024-01-01T01:00:00Z'))).toBeNull();
    const [prefix, payload, signature] = issued.token.split('.');
    const otherUser = Buffer.from(JSON.stringify({ sub: 'admin', exp: Date.parse('2030-01-01') })).toString(
      'base64url',
    );
    expect(tokens.verify(`${prefix}.${otherUser}.${signature}`, new Date('2024-01-01T01:00:00Z'))).toBeNull();
    expect(tokens.verify(`${prefix}.${payload}`, new Date('2024-01-01T01:00:00Z'))).toBeNull();
  });
});

describe('configuration', () => {
  it('has the documented defaults', () => {
    const config = loadLedgerConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: './data',
      eventStore: { kind: 'sqlite', path: 'data/events.db' },
      readModelStore: { kind: 'sqlite', path: 'data/read-models.db' },
      identityStore: { kind: 'sqlite', path: 'data/identity.db' },
      timeZone: 'Europe/Moscow',
      logLevel: 'info',
    });
  });

  it('uses the MongoDB database <MONGODB_DB>_identity for the identity store', () => {
    const config = loadLedgerConfig({
      READ_MODEL_STORE: 'mongodb',
      MONGODB_URL: 'mongodb://db',
      MONGODB_DB: 'city',
      EVENT_STORE: 'kurrentdb',
      KURRENTDB_URL: 'kurrentdb://k:2113?tls=false',
    });
    expect(config.readModelStore).toEqual({ kind: 'mongodb', url: 'mongodb://db', dbName: 'city' });
    expect(config.identityStore).toEqual({ kind: 'mongodb', url: 'mongodb://db', dbName: 'city_identity' });
    expect(config.eventStore).toEqual({ kind: 'kurrentdb', connectionString: 'kurrentdb://k:2113?tls=false' });
    expect(() => resolveTokenSecret(config)).toThrow(/TOKEN_SECRET is required/);
  });

  it('refuses bad values, naming each', () => {
    expect(() => loadLedgerConfig({ LEDGER_PORT: 'eighty', TIME_ZONE: 'Mars/Olympus', LOG_LEVEL: 'loud' })).toThrow(
      /LEDGER_PORT: .*\n.*TIME_ZONE: unknown IANA time zone\n.*LOG_LEVEL: /,
    );
    expect(() => loadLedgerConfig({ EVENT_STORE: 'kurrentdb' })).toThrow(
      /KURRENTDB_URL: required when EVENT_STORE=kurrentdb/,
    );
    expect(() => loadLedgerConfig({ TOKEN_SECRET: 'short' })).toThrow(/TOKEN_SECRET/);
  });

  it('generates the embedded token secret once, readable by the owner only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-secret-'));
    try {
      const config = loadLedgerConfig({ DATA_DIR: dir });
      const secret = resolveTokenSecret(config);
      expect(secret.length).toBeGreaterThanOrEqual(32);
      expect(resolveTokenSecret(config)).toBe(secret);
      expect(readFileSync(join(dir, 'token-secret'), 'utf8').trim()).toBe(secret);
      expect(statSync(join(dir, 'token-secret')).mode & 0o077).toBe(0);
      expect(resolveTokenSecret({ ...config, tokenSecret: 'x'.repeat(32) })).toBe('x'.repeat(32));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('logger', () => {
  it('redacts authorization headers, passwords and tokens', () => {
    const lines: string[] = [];
    const logger = createLogger(
      'info',
      new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) }) as never,
    );
    logger.info(
      { req: { headers: { authorization: 'Bearer mk_secret' } }, body: { password: 'hunter22' }, token: 's1.abc' },
      'x',
    );
    const line = lines.join('');
    expect(line).not.toContain('mk_secret');
    expect(line).not.toContain('hunter22');
    expect(line).not.toContain('s1.abc');
    expect(line).toContain('[redacted]');
  });

  it("redacts the cabinet's passwords and emails", () => {
    const lines: string[] = [];
    const logger = createLogger(
      'info',
      new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) }) as never,
    );
    logger.info(
      {
        body: { currentPassword: 'tmp2x9kq7a', newPassword: 'morkov2024', email: 'mama@example.org' },
        temporaryPassword: 'abc7defg2h',
      },
      'x',
    );
    const line = lines.join('');
    for (const secret of ['tmp2x9kq7a', 'morkov2024', 'mama@example.org', 'abc7defg2h'])
      expect(line).not.toContain(secret);
  });
});
