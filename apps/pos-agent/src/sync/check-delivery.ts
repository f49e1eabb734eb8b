/**
 * Delivers queued checks to the ledger in the order they were numbered, each exactly once:
 * the check number is the ledger's idempotency key, so a check resent after a lost answer or
 * a crash comes back `duplicate` and counts as delivered. Checks are sent in numbering order
 * with a window of several in flight (the ledger commits concurrent sales together); the
 * checks of one card go strictly one after another, so each account sees them in order. A check the ledger
 * refuses is kept; an offline one is reported to school staff (`reportTillRefusal`) until
 * the report gets through. When the ledger cannot be reached the run stops and is retried
 * with backoff; the link state it learns is what the till screen shows.
 */
import { EventEmitter } from 'node:events';
import type { TillRefusalRequest } from '@meals/contracts';
import type { Logger } from 'pino';
import { cashierMessage, isRefusal } from '../ledger/ledger-failure.js';
import type { TillLedger } from '../ledger/till-ledger.js';
import type { TillStore } from '../store/till-store.js';
import type { QueuedCheck } from '../store/till-records.js';

export interface CheckDeliveryOptions {
  store: TillStore;
  ledger: TillLedger;
  schoolId: string;
  log: Logger;
  /** first retry pause after a failure (ms), doubled up to maxRetryMs */
  retryMs?: number;
  /** checks in flight at once (default 16) */
  window?: number;
  maxRetryMs?: number;
}

export interface DeliveryEvents {
  /** a check left the queue (delivered, refused or declined) */
  settled: [QueuedCheck];
  /** the ledger answered (true) or could not be reached (false) */
  link: [boolean, string | null];
  /** this check could not be delivered now (it stays queued) */
  unreachable: [string];
}

const FLUSH_EVERY = 64;

export class CheckDelivery extends EventEmitter<DeliveryEvents> {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private retryMs: number;
  private stopped = false;
  /** answered by the ledger, not yet recorded here (see flushDelivered) */
  private delivered: { checkNumber: string; accountNumber: string; balanceAfter: number }[] = [];

  constructor(private readonly options: CheckDeliveryOptions) {
    super();
    this.retryMs = options.retryMs ?? 500;
  }

  /** Starts a run now (or right after the current one). */
  kick(): void {
    if (this.stopped) return;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  /** Resolves when the queue is empty (after a kick), e.g. in tests and benches. */
  async drained(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.options.store.pendingCount() === 0 && this.options.store.unreportedRefusals().length === 0) return;
      if (!this.running && !this.timer) this.kick();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`checks still queued after ${timeoutMs} ms`);
  }

  /**
   * Waits until this check left the queue, or could not be delivered, or the time is up (in
   * the last two cases it is still pending).
   */
  waitFor(checkNumber: string, timeoutMs: number): Promise<QueuedCheck> {
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.off('settled', onSettled);
        this.off('unreachable', onUnreachable);
        resolve(this.options.store.check(checkNumber)!);
      };
      const onSettled = (check: QueuedCheck) => {
        if (check.checkNumber === checkNumber) finish();
      };
      const onUnreachable = (failed: string) => {
        if (failed === checkNumber) finish();
      };
      const timer = setTimeout(finish, timeoutMs);
      this.on('settled', onSettled);
      this.on('unreachable', onUnreachable);
      const now = this.options.store.check(checkNumber);
      if (now && now.state !== 'pending') onSettled(now);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private async run(): Promise<void> {
    const { store } = this.options;
    try {
      for (;;) {
        const batch = store.pending(1_000);
        if (batch.length === 0) break;
        await this.deliverInOrder(batch);
        if (this.stopped) return;
      }
      for (const check of store.unreportedRefusals()) {
        if (this.stopped) return;
        await this.options.ledger.reportTillRefusal(this.options.schoolId, refusalOf(check));
        store.markRefusalReported(check.checkNumber);
        this.options.log.warn({ checkNumber: check.checkNumber }, 'refused offline check reported to school staff');
      }
      this.retryMs = this.options.retryMs ?? 500;
    } catch (error) {
      this.emit('link', false, cashierMessage(error));
      this.options.log.warn({ err: describe(error) }, 'ledger not reachable: checks stay queued');
      this.scheduleRetry();
    }
  }

  /**
   * Sends the batch in order, up to `window` at once, a card's next check only after its
   * previous one is settled. The first check that cannot be delivered stops new sends (those
   * in flight finish) and is thrown: the rest stay queued, in order, for the next run.
   */
  private async deliverInOrder(batch: QueuedCheck[]): Promise<void> {
    const window = this.options.window ?? 64;
    const running = new Set<Promise<void>>();
    const lastOfCard = new Map<string, Promise<void>>();
    let failure: { error: unknown } | null = null;
    for (const check of batch) {
      if (failure || this.stopped) break;
      while (running.size >= window) {
        await Promise.race(running);
        if (this.delivered.length >= FLUSH_EVERY) this.flushDelivered();
      }
      if (failure) break;
      const previous = lastOfCard.get(check.cardUid) ?? Promise.resolve();
      const task: Promise<void> = previous
        .then(() => (failure || this.stopped ? undefined : this.deliver(check)))
        .catch((error: unknown) => {
          failure ??= { error };
        })
        .finally(() => running.delete(task));
      running.add(task);
      lastOfCard.set(check.cardUid, task);
    }
    await Promise.all(running);
    this.flushDelivered();
    if (failure) throw (failure as { error: unknown }).error;
  }

  /**
   * Records the deliveries answered so far in one transaction. Until then a crash only means
   * resending them: the ledger answers `duplicate`, and they count as delivered.
   */
  private flushDelivered(): void {
    if (this.delivered.length === 0) return;
    const done = this.delivered;
    this.delivered = [];
    this.options.store.markDeliveredMany(done);
    for (const { checkNumber } of done) {
      const settled = this.options.store.check(checkNumber);
      if (settled) this.emit('settled', settled);
    }
  }

  /** Delivers one check; throws when the ledger cannot be reached. */
  private async deliver(check: QueuedCheck): Promise<void> {
    const { store, ledger, log } = this.options;
    const sentOffline = check.offline;
    try {
      const answer = await ledger.recordSale({
        checkNumber: check.checkNumber,
        cardUid: check.cardUid,
        items: check.items,
        soldAt: check.soldAt,
        ...(sentOffline ? { offline: true } : {}),
      });
      this.delivered.push({
        checkNumber: check.checkNumber,
        accountNumber: answer.accountNumber,
        balanceAfter: answer.balance,
      });
      this.emit('link', true, null);
      log.debug({ checkNumber: check.checkNumber, status: answer.status }, 'check delivered');
      return;
    } catch (error) {
      if (!isRefusal(error)) {
        store.noteAttempt(check.checkNumber, describe(error));
        this.emit('unreachable', check.checkNumber);
        throw error;
      }
      this.emit('link', true, null);
      // sent as an online check but handed over offline meanwhile: send again with the offline limit
      if (!sentOffline && store.check(check.checkNumber)?.offline) return this.deliver(store.check(check.checkNumber)!);
      store.markRefused(check.checkNumber, error.code, error.messageRu);
      log.warn({ checkNumber: check.checkNumber, code: error.code }, 'check refused by the ledger');
    }
    const settled = store.check(check.checkNumber);
    if (settled) this.emit('settled', settled);
  }

  private scheduleRetry(): void {
    if (this.stopped || this.timer) return;
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, this.options.maxRetryMs ?? 5_000);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.kick();
    }, delay);
  }
}

function refusalOf(check: QueuedCheck): TillRefusalRequest {
  return {
    checkNumber: check.checkNumber,
    accountNumber: check.accountNumber,
    cardUid: check.cardUid,
    items: check.items,
    total: check.total,
    soldAt: check.soldAt,
    refusalCode: check.refusal?.code ?? 'refused',
    refusalMessage: check.refusal?.message || 'Отказ сервера',
  };
}

const describe = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);
