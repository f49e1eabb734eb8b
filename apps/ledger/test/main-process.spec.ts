/**
 * The compiled service (`node apps/ledger/dist/main.js`, ESM built by tsc) starts from the
 * environment, serves HTTP, and stops cleanly on SIGTERM. Needs the build
 * (`npx tsc -b tsconfig.build.json`) like `npm test` does first.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../src/cli/run-cli.js';

const MAIN = resolve(__dirname, '../dist/main.js');

describe('the ledger process', () => {
  let dir: string;
  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build first (npx tsc -b tsconfig.build.json)`);
    dir = mkdtempSync(join(tmpdir(), 'ledger-main-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts on the embedded stores, answers over HTTP and stops on SIGTERM', async () => {
    const env = { ...process.env, DATA_DIR: dir, LEDGER_PORT: '0', LOG_LEVEL: 'info', TOKEN_SECRET: '' };
    await runCli(
      ['create-user', '--username', 'root', '--password', 'root-password', '--role', 'admin'],
      () => {},
      env,
    );
    const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start within 20 s:\n${output}`)), 20_000);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const line = output.split('\n').find((l) => l.includes('"ledger listening"'));
        if (line) {
          clearTimeout(timer);
          resolveUrl(JSON.parse(line).url as string);
        }
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
    });
    try {
      expect((await fetch(`${url}/health`)).status).toBe(200);
      expect((await fetch(`${url}/accounts/0242013138`)).status).toBe(401);
      const login = await fetch(`${url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'root', password: 'root-password' }),
      });
      expect(login.status).toBe(200);
      const { token } = (await login.json()) as { token: string };
      const school = await fetch(`${url}/schools`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ schoolId: '24', name: 'Школа №24', departmentId: 'uo-1' }),
      });
      expect(school.status).toBe(201);
      expect(existsSync(join(dir, 'events.db'))).toBe(true);
      expect(existsSync(join(dir, 'token-secret'))).toBe(true);
    } finally {
      const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
    expect(output).not.toContain('root-password');
    expect(output).toContain('"route":"/api/schools"');
  });
});
