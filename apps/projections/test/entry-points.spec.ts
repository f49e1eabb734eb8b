import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ConfigError, loadProjectionsConfig } from '../src/config.js';
import { collections, readModelsPosition } from '@meals/read-models';
import { appendHistory, generateLedgerHistory } from '@meals/bench/ledger-history';
import { lastPosition } from './support/expected-balances.js';
import { TempStores } from './support/temp-stores.js';

interface Child {
  output: () => string;
  waitFor: (text: string) => Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill: (signal: NodeJS.Signals) => void;
}

function run(script: string, env: Record<string, string>, args: string[] = []): Child {
  const child = spawn(process.execPath, [join(__dirname, 'support', script), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    listeners.forEach((listener) => listener());
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    output: () => output,
    waitFor: (text) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (output.includes(text)) {
            listeners.delete(check);
            resolve();
          }
        };
        listeners.add(check);
        check();
        void exited.then(() => reject(new Error(`exited before "${text}":\n${output}`)));
      }),
    exited,
    kill: (signal) => child.kill(signal),
  };
}

describe('configuration', () => {
  it('defaults to the embedded stores under ./data', () => {
    expect(loadProjectionsConfig({})).toEqual({
      dataDir: './data',
      eventStore: { kind: 'sqlite', path: 'data/events.db' },
      readModels: { kind: 'sqlite', path: 'data/read-models.db' },
      timeZone: 'Europe/Moscow',
      batchSize: 1000,
      logLevel: 'info',
    });
  });

  it('names every bad variable', () => {
    expect(() =>
      loadProjectionsConfig({ READ_MODEL_STORE: 'mongodb', TIME_ZONE: 'Mars/Olympus', EVENT_STORE: 'x' }),
    ).toThrow(ConfigError);
    try {
      loadProjectionsConfig({ READ_MODEL_STORE: 'mongodb', TIME_ZONE: 'Mars/Olympus' });
    } catch (error) {
      expect((error as Error).message).toMatch(/MONGODB_URL: required/);
      expect((error as Error).message).toMatch(/TIME_ZONE: unknown IANA time zone/);
    }
  });
});

describe('entry points (child processes)', () => {
  let stores: TempStores;
  beforeEach(() => (stores = new TempStores()));
  afterEach(() => stores.dispose());

  it('the service projects live appends and shuts down gracefully on SIGTERM', async () => {
    const service = run('service-child.cjs', { DATA_DIR: stores.dir, LOG_LEVEL: 'info' });
    await service.waitFor('projections running');
    const eventStore = stores.eventStore();
    await appendHistory(eventStore, generateLedgerHistory({ schools: 1, pupilsPerSchool: 5, days: 5 }));
    const last = await lastPosition(eventStore);
    const readModels = await stores.readModels();
    const deadline = Date.now() + 15_000;
    while ((await readModelsPosition(readModels)) !== last) {
      if (Date.now() > deadline) throw new Error(`service did not catch up:\n${service.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await readModels.count(collections.accounts.name)).toBe(5);
    service.kill('SIGTERM');
    await service.exited;
    expect(service.output()).toContain(`"position":"${last}","msg":"projections stopped"`);
    expect(service.output()).toContain('stores closed');
  });

  it('the rebuild command replays into a fresh file, and refuses while the file is in use', async () => {
    const eventStore = stores.eventStore();
    await appendHistory(eventStore, generateLedgerHistory({ schools: 1, pupilsPerSchool: 5, days: 5 }));
    const last = await lastPosition(eventStore);

    const inUse = await stores.readModels();
    const refused = run('rebuild-child.cjs', { DATA_DIR: stores.dir });
    expect((await refused.exited).code).toBe(3);
    expect(refused.output()).toMatch(/in use by another process[\s\S]*Nothing was changed/);
    await inUse.close();

    const rebuild = run('rebuild-child.cjs', { DATA_DIR: stores.dir });
    expect((await rebuild.exited).code).toBe(0);
    expect(rebuild.output()).toContain(`Rebuilt ${last} events`);
    const readModels = await stores.readModels();
    expect(await readModelsPosition(readModels)).toBe(last);
    expect(await readModels.count(collections.accounts.name)).toBe(5);
    await readModels.close();

    const unknown = run('rebuild-child.cjs', { DATA_DIR: stores.dir }, ['--projection', 'nope']);
    expect((await unknown.exited).code).toBe(2);
    expect(unknown.output()).toContain('unknown projection "nope"');

    const one = run('rebuild-child.cjs', { DATA_DIR: stores.dir }, ['--projection', 'roster']);
    expect((await one.exited).code).toBe(0);
    expect(one.output()).toContain('Rebuilding roster in place');
    expect(one.output()).toContain(`Rebuilt ${last} events`);
    const after = await stores.readModels();
    expect(await after.count(collections.roster.name)).toBe(5);
    expect(await readModelsPosition(after)).toBe(last);
  });
});
