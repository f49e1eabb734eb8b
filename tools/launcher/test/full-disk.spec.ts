/**
 * The `npm start` layout on a full disk: data files and logs on one small tmpfs. The
 * compiled ledger keeps answering (health `degraded`, writes 503 `storage_full`), is never
 * restarted, drops log lines instead of dying on them, and writes again once space returns.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot, startLedgerProcesses, type LedgerProcesses } from '../src/index.js';
import { mountSmallDisk } from '../../../test/support/small-disk.js';

const disk = mountSmallDisk('launcher-full-disk-', 32);
const dataDir = disk.path;
const describeOnTmpfs = disk.mounted ? describe : describe.skip;

describeOnTmpfs('a full disk under the launcher', () => {
  let system: LedgerProcesses;
  let adminKey: string;
  const said: string[] = [];

  beforeAll(async () => {
    const cli = join(findRepoRoot(), 'apps', 'ledger', 'dist', 'cli.js');
    const created = execFileSync(process.execPath, [cli, 'create-key', '--name', 'admin', '--role', 'admin'], {
      env: { ...process.env, DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    adminKey = /mk_[A-Za-z0-9_-]{43}/.exec(created)![0];
    system = await startLedgerProcesses({ dataDir, env: { LOG_LEVEL: 'info' }, say: (line) => said.push(line) });
  }, 60_000);
  afterAll(async () => {
    await system?.stop();
    disk.remove();
  });

  const registerSchool = (id: number) =>
    fetch(`${system.baseUrl}/api/schools`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        schoolId: String(id),
        name: `Школа №${id} с длинным названием для заполнения диска`,
        departmentId: 'uo-1',
      }),
    });
  const health = async () => {
    const response = await fetch(`${system.baseUrl}/api/health`);
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };

  it('answers 503 storage_full and degraded health while full, keeps running, and recovers', async () => {
    expect((await registerSchool(1)).status).toBe(201);
    const filler = disk.fill();
    let refusal: { status: number; body: any } | undefined;
    for (let id = 2; id < 1000 && !refusal; id++) {
      const response = await registerSchool(id);
      expect(response.status).not.toBe(500);
      if (response.status !== 201) refusal = { status: response.status, body: await response.json() };
    }
    expect(refusal).toMatchObject({ status: 503, body: { code: 'storage_full' } });
    // every request logs a line the disk cannot take: the ledger must not mind
    for (let i = 0; i < 20; i++)
      expect((await health()).body).toMatchObject({ status: 'degraded', cause: 'storage_full' });

    rmSync(filler);
    expect((await registerSchool(999)).status).toBe(201);
    await system.waitUntilReady(10_000);
    expect((await health()).body.details.storage.status).toBe('up');
    expect(system.services.ledger.starts).toBe(1);
    expect(said).toEqual([]);
    expect(readFileSync(join(dataDir, 'ledger.log'), 'utf8')).toMatch(/log lines were dropped/);
  }, 60_000);
});
