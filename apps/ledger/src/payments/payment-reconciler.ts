/**
 * The reconciliation job (an interval inside the ledger):
 * - checks with the gateway every order still registered `reconcileAfterMs` after its
 *   registration (a callback that never came): it ends paid, declined or expired;
 * - credits every paid order not known to be credited (a crash between the order's paid
 *   event and the top-up): a credit already made is a duplicate that changes nothing.
 * It learns of orders from this process's own appends (OpenPaymentOrders) and, once at
 * start-up, from the log since its checkpoint, which stays before the oldest order still
 * open: the sales path pays nothing for it. Several ledger instances each watch their own
 * orders (a shared job comes with the job queue).
 */
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { streamKindOf, type PaymentEvent } from '@meals/domain';
import type { EventStore } from '@meals/event-store';
import type { Logger } from 'pino';
import type { CheckpointStore } from '../identity/store/identity-store.port.js';
import { CLOCK, EVENT_STORE, IDENTITY_STORE, LOGGER, type Clock } from '../infrastructure/tokens.js';
import { gatewayContext } from './gateway-context.js';
import { OpenPaymentOrders } from './open-payment-orders.js';
import { PaymentOrders } from './payment-orders.js';
import { PAYMENT_SETTINGS, type PaymentSettings } from './payment-settings.js';

export const PAYMENT_RECONCILER_CHECKPOINT = 'ledger-payment-reconciler';
const PAGE_SIZE = 1_000;

@Injectable()
export class PaymentReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private caughtUp = false;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(IDENTITY_STORE) private readonly checkpoints: CheckpointStore,
    @Inject(PAYMENT_SETTINGS) private readonly settings: PaymentSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly payments: PaymentOrders,
    private readonly open: OpenPaymentOrders,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.runReconciler) return;
    // the catch-up read happens now, while the ledger starts, not later under load
    void this.reconcileOnce();
    this.timer = setInterval(() => void this.reconcileOnce(), this.settings.reconcileIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One round (the interval's, or a test's); rounds never overlap. */
  reconcileOnce(): Promise<void> {
    this.running ??= this.round()
      .catch((error: unknown) => this.logger.error({ err: error }, 'payment reconciliation failed'))
      .finally(() => (this.running = null));
    return this.running;
  }

  private async round(): Promise<void> {
    if (!this.caughtUp) await this.catchUp();
    const context = gatewayContext(
      this.payments.gateway.name,
      { correlationId: `payment-reconciler-${this.clock().getTime()}`, causationId: PAYMENT_RECONCILER_CHECKPOINT },
      this.clock(),
    );
    for (const orderId of [...this.open.toCredit]) {
      try {
        await this.payments.credit(await this.payments.load(orderId), context);
      } catch (error) {
        // e.g. the account was closed meanwhile: staff must settle it; the job keeps trying
        this.logger.error({ err: error, orderId }, 'paid payment order could not be credited');
      }
    }
    const due = this.clock().getTime() - this.settings.reconcileAfterMs;
    for (const [orderId, order] of [...this.open.registered]) {
      if (order.registeredAt > due) continue;
      try {
        const settled = await this.payments.checkWithGateway(await this.payments.load(orderId), context);
        if (settled.status !== 'registered') {
          this.open.settled(orderId);
          this.logger.warn({ orderId, status: settled.status }, 'payment order settled by reconciliation');
        }
      } catch (error) {
        this.logger.error({ err: error, orderId }, 'payment order could not be reconciled');
      }
    }
    await this.saveCheckpoint();
  }

  /** Finds the orders left open before this process started: the log since the checkpoint. */
  private async catchUp(): Promise<void> {
    const saved = await this.checkpoints.getCheckpoint(PAYMENT_RECONCILER_CHECKPOINT);
    let cursor = saved === null ? undefined : BigInt(saved);
    for (;;) {
      const page = await this.eventStore.readAll({
        ...(cursor === undefined ? {} : { after: cursor }),
        maxCount: PAGE_SIZE,
      });
      for (const recorded of page) {
        if (streamKindOf(recorded.type) === 'payment') {
          this.open.track({ type: recorded.type, data: recorded.data } as PaymentEvent, recorded.position);
        }
      }
      if (page.length > 0) {
        cursor = page[page.length - 1]!.position;
        if (this.open.lastPosition === undefined || cursor > this.open.lastPosition) this.open.lastPosition = cursor;
      }
      if (page.length < PAGE_SIZE) break;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    this.caughtUp = true;
  }

  private async saveCheckpoint(): Promise<void> {
    const checkpoint = this.open.checkpoint();
    if (checkpoint !== undefined && checkpoint >= 0n) {
      await this.checkpoints.saveCheckpoint(PAYMENT_RECONCILER_CHECKPOINT, checkpoint.toString());
    }
  }
}
