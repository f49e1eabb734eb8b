import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandRunner, isDuplicate, positionText, systemContext, type CommandMetrics } from '@meals/command-runner';
import {
  accountDecider,
  schoolDecider,
  type AccountCommand,
  type AccountEvent,
  type AccountState,
} from '@meals/domain';
import type { EventStore } from '@meals/event-store';
import { openSqliteEventStore } from '@meals/event-store/sqlite';

let dir: string;
let store: EventStore;
const context = () => systemContext('test', { causationId: 'test-cause' }, new Date('2024-01-09T08:00:00Z'));

function recordingMetrics() {
  const seen: string[] = [];
  const metrics: CommandMetrics = {
    appended: (command, count) => seen.push(`appended ${command} ${count}`),
    unchanged: (command) => seen.push(`unchanged ${command}`),
    refused: (code) => seen.push(`refused ${code}`),
    conflictRetried: () => seen.push('conflict'),
  };
  return { seen, metrics };
}

const accounts = (metrics?: CommandMetrics) =>
  new CommandRunner<AccountCommand, AccountState, AccountEvent>(accountDecider, store, {
    cacheCapacity: 10,
    ...(metrics ? { metrics } : {}),
  });

const ACCOUNT = '0240000011';
const open: AccountCommand = {
  type: 'OpenAccount',
  accountNumber: ACCOUNT,
  schoolId: '24',
  className: '01А',
  fullName: 'Иванов Иван',
  cardUid: '04A1B2C3D4E5F6',
};
const topUp = (paymentId: string, amount: number): AccountCommand => ({
  type: 'RecordTopUp',
  accountNumber: ACCOUNT,
  paymentId,
  channel: 'atm',
  amount,
  paidAt: '2024-01-09T08:00:00Z',
  receivedAt: '2024-01-09T08:00:05Z',
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'command-runner-'));
  store = openSqliteEventStore({ path: join(dir, 'events.db') });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('CommandRunner', () => {
  it('decides with the decider, appends, and answers the state and the log position of the last event', async () => {
    const { seen, metrics } = recordingMetrics();
    const runner = accounts(metrics);
    const opened = await runner.run(ACCOUNT, open, context());
    expect(opened.appended.map((event) => event.type)).toEqual(['account.opened.v1', 'card.issued.v1']);
    const [, issued] = await store.readStream(accountDecider.streamId(ACCOUNT));
    expect(opened.position).toBe(issued!.position);
    expect(positionText(opened.position)).toBe(String(issued!.position));

    const credited = await runner.run(ACCOUNT, topUp('p-1', 500), context());
    expect(credited.state.balance).toBe(500);
    expect(credited.position! > opened.position!).toBe(true);
    expect(seen).toEqual(['appended OpenAccount 2', 'appended RecordTopUp 1']);
  });

  it('answers a repeated command with no events and no position, and counts refusals', async () => {
    const { seen, metrics } = recordingMetrics();
    const runner = accounts(metrics);
    await runner.run(ACCOUNT, open, context());
    await runner.run(ACCOUNT, topUp('p-1', 500), context());
    const again = await runner.run(ACCOUNT, topUp('p-1', 500), context());
    expect(isDuplicate(again)).toBe(true);
    expect(again.position).toBeNull();
    expect(again.state.balance).toBe(500);
    await expect(runner.run(ACCOUNT, topUp('p-1', 900), context())).rejects.toMatchObject({ code: 'payment_conflict' });
    expect(seen.slice(2)).toEqual(['unchanged RecordTopUp', 'refused payment_conflict']);
  });

  it('reloads and decides again when another process appended in between', async () => {
    const { seen, metrics } = recordingMetrics();
    const mine = accounts(metrics);
    const theirs = accounts();
    await mine.run(ACCOUNT, open, context());
    await theirs.run(ACCOUNT, topUp('p-1', 500), context());
    // `mine` still caches the state before their top-up
    const outcome = await mine.run(ACCOUNT, topUp('p-2', 300), context());
    expect(outcome.state.balance).toBe(800);
    expect(seen).toContain('conflict');
  });

  it('folds only the events of its own stream kind, decoded by the catalogue', async () => {
    const schools = new CommandRunner(schoolDecider, store, { cacheCapacity: 10 });
    await schools.run(
      '24',
      { type: 'RegisterSchool', schoolId: '24', name: 'Школа №24', departmentId: 'uo-1' },
      context(),
    );
    await store.append(schoolDecider.streamId('24'), [
      {
        id: '0190f5d2-0000-7000-8000-000000000001',
        type: 'school.meal-plan-published.v1',
        data: { schoolId: '24' },
        metadata: {},
      },
    ]);
    const reloaded = await schools.reload('24');
    expect(reloaded.state.name).toBe('Школа №24');
    expect(reloaded.revision).toBe(1n);
  });
});
