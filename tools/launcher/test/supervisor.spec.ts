/**
 * The launcher supervises the ledger and projections processes (the compiled ones: run
 * after a build, as `npm test` does): a killed service is restarted with backoff and
 * answers again, a service that keeps crashing is given up, and stop() ends everything.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetchHealth, startLedgerProcesses, type LedgerProcesses } from '../src/index.js';

const waitUntil = async (what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
};

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('launcher: supervised services', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'launcher-test-'));
  const lines: string[] = [];
  const givenUp: string[] = [];
  let system: LedgerProcesses;

  beforeAll(async () => {
    system = await startLedgerProcesses({
      dataDir,
      say: (line) => lines.push(line),
      onGiveUp: (reason) => givenUp.push(reason),
      restartPolicy: { initialDelayMs: 200, maxDelayMs: 1_000, quickCrashMs: 60_000, maxQuickCrashes: 2 },
    });
  });
  afterAll(async () => {
    await system?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('restarts a ledger killed with SIGKILL, says so, and the ledger answers again', async () => {
    const { ledger } = system.services;
    const firstPid = ledger.pid!;
    process.kill(firstPid, 'SIGKILL');
    await waitUntil('the restart', () => ledger.pid !== firstPid && ledger.pid !== undefined);
    expect(lines).toContainEqual(expect.stringMatching(/^ledger exited \(signal SIGKILL\), restarting in 0\.2 s/));
    await system.waitUntilReady(30_000);
    expect((await fetchHealth(system.baseUrl)).status).toBe(200);
    expect(ledger.starts).toBe(2);
  });

  it('gives up on a service that keeps crashing right after its start', async () => {
    const { projections } = system.services;
    for (let crash = 0; crash < 2; crash++) {
      const pid = projections.pid!;
      await waitUntil('a running projections process', () => isAlive(pid));
      process.kill(pid, 'SIGKILL');
      await waitUntil('the restart', () => projections.pid !== pid);
    }
    process.kill(projections.pid!, 'SIGKILL');
    await waitUntil('giving up', () => givenUp.length > 0);
    expect(givenUp[0]).toMatch(/^projections crashed 2 times in a row within 60 s of starting; giving up/);
  });

  it('stops every service', async () => {
    const pid = system.services.ledger.pid!;
    await system.stop();
    expect(isAlive(pid)).toBe(false);
  });
});
