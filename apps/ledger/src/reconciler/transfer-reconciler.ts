/**
 * Completes balance transfers whose receiving half is missing (the process died between
 * the source's transferred-out and the target's transferred-in). A catch-up subscription
 * to the log, checkpointed in the ledger's own store: every transferred-out is handed to
 * the TransferCompleter, which appends the transferred-in at most once.
 */
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AccountBalanceTransferredOut } from '@meals/domain';
import type { AllSubscription, EventStore } from '@meals/event-store';
import type { Logger } from 'pino';
import { TransferCompleter } from '../accounts/transfer-completer.js';
import { systemContext } from '@meals/command-runner';
import type { CheckpointStore } from '../identity/store/identity-store.port.js';
import {
  CLOCK,
  EVENT_STORE,
  IDENTITY_STORE,
  LEDGER_SETTINGS,
  LOGGER,
  type Clock,
  type LedgerSettings,
} from '../infrastructure/tokens.js';

export const RECONCILER_CHECKPOINT = 'ledger-transfer-reconciler';
const TRANSFERRED_OUT: AccountBalanceTransferredOut['type'] = 'account.balance-transferred-out.v1';
/**
 * The checkpoint of skipped events is saved at most this often (or every CHECKPOINT_EVERY
 * events): a stale one only means re-reading some events after a restart.
 */
const CHECKPOINT_INTERVAL_MS = 5_000;
const CHECKPOINT_EVERY = 10_000;
/**
 * Once caught up, the reconciler looks at new events at most this often instead of after
 * every commit: it only recovers from crashes (the close command completes its transfer
 * itself), and reading the log in pages costs the sales path far less than one small read
 * per group commit.
 */
export const LIVE_READ_INTERVAL_MS = 250;
/** Requests waiting for the event loop get their turn after this many events read. */
const EVENTS_PER_TURN = 128;

@Injectable()
export class TransferReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private subscription: AllSubscription | null = null;
  private loop: Promise<void> | null = null;
  private caughtUpOnce: Promise<void>;
  private markCaughtUp: () => void = () => {};
  private stopping = false;
  private wakeFromPause: (() => void) | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(IDENTITY_STORE) private readonly checkpoints: CheckpointStore,
    @Inject(LEDGER_SETTINGS) private readonly settings: LedgerSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly transfers: TransferCompleter,
  ) {
    this.caughtUpOnce = new Promise((resolve) => (this.markCaughtUp = resolve));
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.settings.runTransferReconciler) return;
    const saved = await this.checkpoints.getCheckpoint(RECONCILER_CHECKPOINT);
    const subscription = this.eventStore.subscribeToAll(saved === null ? {} : { after: BigInt(saved) });
    this.subscription = subscription;
    this.loop = this.run(subscription).catch((error: unknown) => {
      this.logger.error({ err: error }, 'transfer reconciler stopped');
    });
  }

  /** Resolves once the reconciler has processed everything stored when it started (tests). */
  whenCaughtUp(): Promise<void> {
    return this.caughtUpOnce;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.wakeFromPause?.();
    await this.subscription?.stop();
    await this.loop;
  }

  /** Waits before pulling more events (the subscription reads only when asked); a shutdown ends the wait. */
  private pause(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeFromPause = () => {
        this.wakeFromPause = null;
        done();
      };
    });
  }

  private async run(subscription: AllSubscription): Promise<void> {
    let pending: bigint | null = null;
    let skipped = 0;
    let savedAt = 0;
    const save = async (position: bigint) => {
      await this.checkpoints.saveCheckpoint(RECONCILER_CHECKPOINT, position.toString());
      pending = null;
      skipped = 0;
      savedAt = Date.now();
    };
    let inThisTurn = 0;
    for await (const item of subscription) {
      if (++inThisTurn >= EVENTS_PER_TURN) {
        inThisTurn = 0;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      if (item.kind === 'caughtUp') {
        if (pending !== null && Date.now() - savedAt >= CHECKPOINT_INTERVAL_MS) await save(pending);
        this.markCaughtUp();
        await this.pause(LIVE_READ_INTERVAL_MS);
        continue;
      }
      const { event } = item;
      if (event.type === TRANSFERRED_OUT) {
        await this.completeTransfer(
          event.id,
          event.data as unknown as AccountBalanceTransferredOut['data'],
          event.metadata,
        );
        await save(event.position);
      } else {
        pending = event.position;
        if (++skipped >= CHECKPOINT_EVERY) await save(pending);
      }
    }
    if (pending !== null) await save(pending);
  }

  private async completeTransfer(
    eventId: string,
    transfer: AccountBalanceTransferredOut['data'],
    metadata: Record<string, unknown>,
  ) {
    const correlationId = typeof metadata['correlationId'] === 'string' ? metadata['correlationId'] : undefined;
    try {
      const outcome = await this.transfers.complete(
        transfer,
        eventId,
        systemContext('transfer-reconciler', { correlationId, causationId: eventId }, this.clock()),
      );
      if (outcome.appended.length > 0) {
        this.logger.warn(
          { transferId: transfer.transferId, toAccountNumber: transfer.toAccountNumber },
          'completed an unfinished balance transfer',
        );
      }
    } catch (error) {
      // The target refuses (e.g. closed meanwhile): staff must settle it; keep going.
      this.logger.error({ err: error, transferId: transfer.transferId }, 'balance transfer could not be completed');
    }
  }
}
