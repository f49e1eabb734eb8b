/**
 * Delivers queued checks to the ledger in the order they were numbered, one at a time, each
 * exactly once: the check number is the ledger's idempotency key, so a check resent after a
 * lost answer or a crash comes back `duplicate` and counts as delivered. A check the ledger
 * refuses is kept; an offline one is reported to school staff (`reportTillRefusal`) until
 * the report gets through. When the ledger cannot be reached the run stops and is retried
 * with backoff; the link state it learns is what the till screen shows.
 */
import { EventEmitter } from 'node:events';
import type { TillRefusalRequest } from '@meals/contracts';
import type { Logger } from 'pino';
import { isRefusal } from '../ledger/ledger-failure.js';
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
  maxRetryMs?: number;
}

export interface DeliveryEvents {
  /** a check left the queue (delivered, refused or declined) */
  settled: [QueuedCheck];
  /** the ledger answered (true) or could not be reached (false) */
  link: [boolean, string | null];
}

export class CheckDelivery extends EventEmitter<DeliveryEvents> {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private retryMs: number;
  private stopped = false;

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

  /** Waits until this check left the queue, or the time is up (then it is still pending). */
  waitFor(checkNumber: string, timeoutMs: number): Promise<QueuedCheck> {
    return new Promise((resolve) => {
      const onSettled = (check: QueuedCheck) => {
        if (check.checkNumber !== checkNumber) return;
        clearTimeout(timer);
        this.off('settled', onSettled);
        resolve(check);
      };
      const timer = setTimeout(() => {
        this.off('settled', onSettled);
        resolve(this.options.store.check(checkNumber)!);
      }, timeoutMs);
      this.on('settled', onSettled);
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
        const batch = store.pending(200);
        if (batch.length === 0) break;
        for (const check of batch) {
          if (this.stopped) return;
          await this.deliver(check);
        }
      }
      for (const check of store.unreportedRefusals()) {
        if (this.stopped) return;
        await this.options.ledger.reportTillRefusal(this.options.schoolId, refusalOf(check));
        store.markRefusalReported(check.checkNumber);
        this.options.log.warn({ checkNumber: check.checkNumber }, 'refused offline check reported to school staff');
      }
      this.retryMs = this.options.retryMs ?? 500;
    } catch (error) {
      this.emit('link', false, describe(error));
      this.options.log.warn({ err: describe(error) }, 'ledger not reachable: checks stay queued');
      this.scheduleRetry();
    }
  }

  /** Delivers one check; throws when the ledger cannot be reached (the run stops there, in order). */
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
      store.markDelivered(check.checkNumber, answer.accountNumber, answer.balance);
      this.emit('link', true, null);
      log.info({ checkNumber: check.checkNumber, status: answer.status }, 'check delivered');
    } catch (error) {
      if (!isRefusal(error)) {
        store.noteAttempt(check.checkNumber, describe(error));
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

const describe = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));
