import { accountStreamId, decideAccount, foldAccount, type AccountEvent } from '@meals/domain';
import { join } from 'node:path';
import { openSqliteIdentityStore } from '../src/identity/store/sqlite-identity-store.js';
import { RECONCILER_CHECKPOINT, TransferReconciler } from '../src/reconciler/transfer-reconciler.js';
import { eventIdOf } from '@meals/command-runner';
import { LedgerHarness } from './support/ledger-harness.js';
import { enrol, topUp } from './support/fixtures.js';

const asDomain = (e: { type: string; data: unknown }) => ({ type: e.type, data: e.data }) as AccountEvent;

describe('transfer reconciler', () => {
  it('completes, after a restart, a transfer whose receiving half was never appended; once', async () => {
    const first = await LedgerHarness.start();
    const admin = await first.key('admin');
    const bank = await first.key('bank');
    const [leaving, sibling] = await enrol(first, admin, '24', ['Ушедший Устин', 'Оставшаяся Ольга']);
    await topUp(first, bank, leaving!.accountNumber, 3_300);

    // The source account closes with a transfer, and the process dies before the sibling is credited.
    const stream = accountStreamId(leaving!.accountNumber);
    const recorded = await first.eventStore.readStream(stream);
    const state = foldAccount(recorded.map(asDomain));
    const events = decideAccount(
      {
        type: 'CloseAccount',
        accountNumber: leaving!.accountNumber,
        reason: 'Выбыл',
        settlement: { kind: 'transfer', transferId: 'crash-transfer', toAccountNumber: sibling!.accountNumber },
      },
      state,
    );
    await first.eventStore.append(
      stream,
      events.map((event) => ({
        id: eventIdOf(event),
        type: event.type,
        data: event.data as never,
        metadata: { correlationId: 'crash' },
      })),
      { expectedRevision: recorded.at(-1)!.revision },
    );
    await first.close(true);

    const restarted = await LedgerHarness.start({ dir: first.dir, runTransferReconciler: true });
    await restarted.app.get(TransferReconciler).whenCaughtUp();
    const siblingEvents = await restarted.eventStore.readStream(accountStreamId(sibling!.accountNumber));
    const received = siblingEvents.filter((e) => e.type === 'account.balance-transferred-in.v1');
    expect(received).toHaveLength(1);
    expect(received[0]!.data).toMatchObject({
      amount: 3_300,
      transferId: 'crash-transfer',
      fromAccountNumber: leaving!.accountNumber,
    });
    expect(received[0]!.metadata).toMatchObject({
      actor: { kind: 'system' },
      source: 'system',
      correlationId: 'crash',
      causationId: eventIdOf(events[0]!),
    });
    await restarted.settle();
    expect((await restarted.get(`/api/accounts/${sibling!.accountNumber}`, admin)).body.balance).toBe(3_300);
    await restarted.close(true);

    // Another restart from a lost checkpoint replays the log and appends nothing new.
    const identity = openSqliteIdentityStore({ path: join(first.dir, 'identity.db') });
    await identity.saveCheckpoint(RECONCILER_CHECKPOINT, '0');
    await identity.close();
    const again = await LedgerHarness.start({ dir: first.dir, runTransferReconciler: true });
    await again.app.get(TransferReconciler).whenCaughtUp();
    const after = await again.eventStore.readStream(accountStreamId(sibling!.accountNumber));
    expect(after.filter((e) => e.type === 'account.balance-transferred-in.v1')).toHaveLength(1);
    await again.close();
  });
});
