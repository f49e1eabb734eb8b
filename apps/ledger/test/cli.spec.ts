import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli/run-cli.js';
import { IdentityDirectory } from '../src/identity/identity-directory.js';
import { hashApiKey } from '../src/identity/api-keys.js';
import { openSqliteIdentityStore } from '../src/identity/store/sqlite-identity-store.js';

describe('cli', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-cli-'));
    env = { DATA_DIR: dir };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = async (...argv: string[]) => {
    const lines: string[] = [];
    const code = await runCli(argv, (line) => lines.push(line), env);
    return { code, lines };
  };

  it('creates staff users and keys into $DATA_DIR/identity.db; a key is printed once and stored as its hash', async () => {
    expect(
      (
        await run(
          'create-user',
          '--username',
          'Marina',
          '--password',
          'long-enough-1',
          '--role',
          'department_admin',
          '--department',
          'uo-1',
        )
      ).lines,
    ).toEqual(['created user marina (department_admin)']);
    const created = await run(
      'create-key',
      '--name',
      'till-24-01',
      '--role',
      'till',
      '--school',
      '24',
      '--till',
      '24-01',
    );
    expect(created.code).toBe(0);
    const key = created.lines[1]!;
    expect(key).toMatch(/^mk_[A-Za-z0-9_-]{43}$/);

    const listed = await run('list');
    const list = JSON.parse(listed.lines.join('\n'));
    expect(list.users).toEqual([
      {
        username: 'marina',
        role: 'department_admin',
        departmentId: 'uo-1',
        schoolId: null,
        className: null,
        createdAt: expect.any(String),
      },
    ]);
    expect(list.keys).toEqual([
      {
        name: 'till-24-01',
        role: 'till',
        departmentId: null,
        schoolId: '24',
        tillId: '24-01',
        createdAt: expect.any(String),
      },
    ]);
    expect(listed.lines.join('\n')).not.toContain(key);
    expect(listed.lines.join('\n')).not.toContain('scrypt');

    const store = openSqliteIdentityStore({ path: join(dir, 'identity.db') });
    const directory = new IdentityDirectory(store);
    expect(await directory.principalForKey(key)).toEqual({
      id: 'key:till-24-01',
      kind: 'key',
      role: 'till',
      className: null,
      departmentId: null,
      schoolId: '24',
      tillId: '24-01',
    });
    expect(await store.findApiKey(hashApiKey(key))).toMatchObject({ name: 'till-24-01' });
    expect(JSON.stringify(await store.listApiKeys())).not.toContain(key);
    const user = await directory.findUser('marina');
    expect(user!.passwordHash).toMatch(/^scrypt\$/);
    expect(user!.passwordHash).not.toContain('long-enough-1');
    await store.close();
  });

  it('refuses wrong roles, missing scopes, short passwords and duplicates', async () => {
    await expect(
      run('create-user', '--username', 'x1x', '--password', 'long-enough-1', '--role', 'wizard'),
    ).rejects.toThrow(/unknown role/);
    await expect(run('create-key', '--name', 'till-1', '--role', 'till', '--school', '24')).rejects.toThrow(
      /till needs --school and --till/,
    );
    await expect(
      run('create-user', '--username', 'staff', '--password', 'long-enough-1', '--role', 'school_staff'),
    ).rejects.toThrow(/--school/);
    await expect(run('create-user', '--username', 'shorty', '--password', 'short', '--role', 'admin')).rejects.toThrow(
      /at least 8/,
    );
    await run('create-user', '--username', 'anna', '--password', 'long-enough-1', '--role', 'admin');
    await expect(
      run('create-user', '--username', 'ANNA', '--password', 'long-enough-2', '--role', 'admin'),
    ).rejects.toThrow(/already exists/);
    await expect(run('create-user', '--username', 'u', '--bogus')).rejects.toThrow();
    await expect(run('drop-database')).rejects.toThrow(/unknown command/);
  });
});
