/**
 * Mails a parent when the balance falls below the threshold they set: a catch-up subscription
 * to the whole log (any debit: till sales, corrections, transfers, later meal charges; the
 * money effect comes from the domain's ledgerEffect), with its own checkpoint in the identity
 * store. For each account with an alert it keeps the balance and the stream revision counted
 * last, so a replay after a restart counts no event twice; the crossing rule is the domain's
 * observeBalance. An alert's idempotency key (account + the event's log position) is recorded
 * once it is mailed; the mailer files/identifies the mail by that key, so a crash between
 * mailing and recording sends the same message again at worst, never a second outbox file.
 */
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { balanceChange, decodeRecordedEvent, isAccountEventType, observeBalance } from '@meals/domain';
import type { AllSubscription, EventStore, RecordedEvent } from '@meals/event-store';
import type { ReadModelStore } from '@meals/read-model-store';
import { accountProfile, TypedReadModels } from '@meals/read-models';
import type { Logger } from 'pino';
import type { IdentityStore, LowBalanceAlertRecord } from '../identity/store/identity-store.port.js';
import {
  CLOCK,
  DEFAULT_WEB_BASE_URL,
  EVENT_STORE,
  IDENTITY_STORE,
  LEDGER_SETTINGS,
  LOGGER,
  MAILER,
  READ_MODELS,
  type Clock,
  type LedgerSettings,
} from '../infrastructure/tokens.js';
import type { Mailer } from '../mail/mailer.js';
import { lowBalanceMail } from './low-balance-mail.js';

export const LOW_BALANCE_CHECKPOINT = 'ledger-low-balance-alerts';
/** Once caught up, new events are read at most this often (an alert may wait a quarter second). */
const LIVE_READ_INTERVAL_MS = 250;
/** The checkpoint is saved at most this often while events flow (a stale one only means re-reading). */
const CHECKPOINT_INTERVAL_MS = 2_000;
/** A mail that fails is retried after this long, the subscription held at that event meanwhile. */
const RETRY_AFTER_MS = 5_000;
const EVENTS_PER_TURN = 128;

export const lowBalanceAlertKey = (accountNumber: string, position: bigint) =>
  `low-balance-${accountNumber}-${position.toString()}`;

@Injectable()
export class LowBalanceReactor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly readModels: TypedReadModels;
  private readonly webBaseUrl: string;
  private subscription: AllSubscription | null = null;
  private loop: Promise<void> | null = null;
  private stopping = false;
  private wake: (() => void) | null = null;
  private processed: bigint | null = null;
  private waiters: { position: bigint; resolve: () => void }[] = [];

  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(IDENTITY_STORE) private readonly store: IdentityStore,
    @Inject(READ_MODELS) readModels: ReadModelStore,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(LEDGER_SETTINGS) private readonly settings: LedgerSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.readModels = new TypedReadModels(readModels);
    this.webBaseUrl = settings.webBaseUrl ?? DEFAULT_WEB_BASE_URL;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.settings.runLowBalanceAlerts) return;
    const saved = await this.store.getCheckpoint(LOW_BALANCE_CHECKPOINT);
    if (saved !== null) this.processed = BigInt(saved);
    const subscription = this.eventStore.subscribeToAll(saved === null ? {} : { after: BigInt(saved) });
    this.subscription = subscription;
    this.loop = this.run(subscription).catch((error: unknown) => {
      this.logger.error({ err: error }, 'low-balance alerts stopped');
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.subscription?.stop();
    await this.loop;
  }

  /** Resolves once every event up to `position` has been handled (tests). */
  whenProcessed(position: bigint): Promise<void> {
    if (this.processed !== null && this.processed >= position) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ position, resolve }));
  }

  private pause(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }

  private markProcessed(position: bigint): void {
    this.processed = position;
    this.waiters = this.waiters.filter((waiter) => {
      if (waiter.position > position) return true;
      waiter.resolve();
      return false;
    });
  }

  private async run(subscription: AllSubscription): Promise<void> {
    let unsaved: bigint | null = null;
    let savedAt = Date.now();
    const save = async () => {
      if (unsaved === null) return;
      await this.store.saveCheckpoint(LOW_BALANCE_CHECKPOINT, unsaved.toString());
      unsaved = null;
      savedAt = Date.now();
    };
    let inThisTurn = 0;
    for await (const item of subscription) {
      if (++inThisTurn >= EVENTS_PER_TURN) {
        inThisTurn = 0;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      if (item.kind === 'caughtUp') {
        if (Date.now() - savedAt >= CHECKPOINT_INTERVAL_MS) await save();
        await this.pause(LIVE_READ_INTERVAL_MS);
        continue;
      }
      while (!(await this.handle(item.event))) {
        if (this.stopping) return;
        await this.pause(RETRY_AFTER_MS);
      }
      unsaved = item.event.position;
      this.markProcessed(item.event.position);
      if (Date.now() - savedAt >= CHECKPOINT_INTERVAL_MS) await save();
    }
    await save();
  }

  /** false when the event must be handled again later (the mail could not be sent). */
  private async handle(event: RecordedEvent): Promise<boolean> {
    if (!isAccountEventType(event.type)) return true;
    const accountNumber = (event.data as { accountNumber?: unknown }).accountNumber;
    if (typeof accountNumber !== 'string') return true;
    for (;;) {
      const record = await this.store.findLowBalanceAlert(accountNumber);
      if (!record || event.revision <= BigInt(record.revision)) return true;
      const balance = await this.balanceAfter(record, event);
      const seen = observeBalance({ threshold: record.threshold, armed: record.armed }, balance);
      if (seen.alert && !(await this.mail(record, balance, event))) return false;
      const next: LowBalanceAlertRecord = {
        ...record,
        armed: seen.watch.armed,
        balance,
        revision: event.revision.toString(),
        version: record.version + 1,
        updatedAt: this.clock().toISOString(),
      };
      // the parent changed the threshold meanwhile: count this event against the new one
      if (await this.store.advanceLowBalanceAlert(next, record.version)) return true;
    }
  }

  /** The balance after `event`: the next revision adds its effect; after a gap the stream is read again. */
  private async balanceAfter(record: LowBalanceAlertRecord, event: RecordedEvent): Promise<number> {
    if (event.revision === BigInt(record.revision) + 1n) return record.balance + changeOf(event);
    const events = await this.eventStore.readStream(event.streamId, { maxCount: Number(event.revision) + 1 });
    return events.reduce((balance, recorded) => balance + changeOf(recorded), 0);
  }

  private async mail(record: LowBalanceAlertRecord, balance: number, event: RecordedEvent): Promise<boolean> {
    const key = lowBalanceAlertKey(record.accountNumber, event.position);
    if (await this.store.isAlertSent(key)) return true;
    const credentials = await this.store.findCabinetCredentials(record.accountNumber);
    if (!credentials?.email || !credentials.emailConfirmed) {
      this.logger.info({ accountNumber: record.accountNumber }, 'low balance: no confirmed email, no alert mailed');
      return true;
    }
    const profile = await accountProfile(this.readModels, record.accountNumber);
    try {
      await this.mailer.send(
        lowBalanceMail({
          to: credentials.email,
          accountNumber: record.accountNumber,
          fullName: profile?.fullName ?? null,
          balance,
          threshold: record.threshold,
          topUpLink: `${this.webBaseUrl}/top-up`,
          idempotencyKey: key,
        }),
      );
    } catch (error) {
      this.logger.error({ err: error, accountNumber: record.accountNumber }, 'low-balance alert not sent; will retry');
      return false;
    }
    await this.store.recordAlertSent(key, record.accountNumber, this.clock().toISOString());
    this.logger.info({ accountNumber: record.accountNumber, key }, 'low-balance alert mailed');
    return true;
  }
}

function changeOf(recorded: RecordedEvent): number {
  const event = decodeRecordedEvent(recorded.type, recorded.data);
  return event === null ? 0 : balanceChange(event);
}
