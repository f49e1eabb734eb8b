/**
 * The reconciliation job (an interval inside the ledger): reads the payment events written
 * since its last look, then
 * - checks with the gateway every order still registered `reconcileAfterMs` after its
 *   registration (a callback that never came): it ends paid, declined or expired;
 * - credits every paid order (a crash between the order's paid event and the top-up):
 *   a credit already made is a duplicate that changes nothing.
 * Its checkpoint stays before the oldest order still open, so a restart finds them again.
 * It reads the log once a minute in pages: nothing on the sales path.
 */
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { streamKindOf, type PaymentEvent } from '@meals/domain';
import type { EventStore } from '@meals/event-store';
import type { Logger } from 'pino';
import type { CheckpointStore } from '../identity/store/identity-store.port.js';
import { CLOCK, EVENT_STORE, IDENTITY_STORE, LOGGER, type Clock } from '../infrastructure/tokens.js';
import { gatewayContext } from './gateway-context.js';
import { PaymentOrders } from './payment-orders.js';
import { PAYMENT_SETTINGS, type PaymentSettings } from './payment-settings.js';

export const PAYMENT_RECONCILER_CHECKPOINT = 'ledger-payment-reconciler';
const PAGE_SIZE = 1_000;

interface OpenOrder {
  registeredAt: number;
  /** log position of its registration: the checkpoint never passes it while the order is open */
  position: bigint;
}

@Injectable()
export class PaymentReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly open = new Map<string, OpenOrder>();
  private readonly toCredit = new Set<string>();
  private cursor: bigint | undefined;
  private loaded = false;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(IDENTITY_STORE) private readonly checkpoints: CheckpointStore,
    @Inject(PAYMENT_SETTINGS) private readonly settings: PaymentSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly payments: PaymentOrders,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.runReconciler) return;
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
    await this.readNewEvents();
    const context = gatewayContext(
      this.payments.gateway.name,
      { correlationId: `payment-reconciler-${this.clock().getTime()}`, causationId: PAYMENT_RECONCILER_CHECKPOINT },
      this.clock(),
    );
    for (const orderId of [...this.toCredit]) {
      await this.payments.credit(await this.payments.load(orderId), context);
      this.toCredit.delete(orderId);
    }
    const due = this.clock().getTime() - this.settings.reconcileAfterMs;
    for (const [orderId, order] of [...this.open]) {
      if (order.registeredAt > due) continue;
      try {
        const settled = await this.payments.checkWithGateway(await this.payments.load(orderId), context);
        if (settled.status !== 'registered') {
          this.open.delete(orderId);
          this.logger.warn({ orderId, status: settled.status }, 'payment order settled by reconciliation');
        }
      } catch (error) {
        this.logger.error({ err: error, orderId }, 'payment order could not be reconciled');
      }
    }
    await this.saveCheckpoint();
  }

  private async readNewEvents(): Promise<void> {
    if (!this.loaded) {
      const saved = await this.checkpoints.getCheckpoint(PAYMENT_RECONCILER_CHECKPOINT);
      this.cursor = saved === null ? undefined : BigInt(saved);
      this.loaded = true;
    }
    for (;;) {
      const page = await this.eventStore.readAll({
        ...(this.cursor === undefined ? {} : { after: this.cursor }),
        maxCount: PAGE_SIZE,
      });
      for (const recorded of page) {
        if (streamKindOf(recorded.type) === 'payment') {
          this.track({ type: recorded.type, data: recorded.data } as PaymentEvent, recorded.position);
        }
      }
      if (page.length > 0) this.cursor = page[page.length - 1]!.position;
      if (page.length < PAGE_SIZE) return;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  private track(event: PaymentEvent, position: bigint): void {
    const { orderId } = event.data;
    switch (event.type) {
      case 'payment.order-registered.v1':
        this.open.set(orderId, { registeredAt: Date.parse(event.data.registeredAt), position });
        return;
      case 'payment.order-paid.v1':
        this.open.delete(orderId);
        this.toCredit.add(orderId);
        return;
      case 'payment.order-declined.v1':
      case 'payment.order-expired.v1':
        this.open.delete(orderId);
        this.toCredit.delete(orderId);
    }
  }

  private async saveCheckpoint(): Promise<void> {
    let checkpoint = this.cursor;
    for (const order of this.open.values())
      if (checkpoint === undefined || order.position - 1n < checkpoint) checkpoint = order.position - 1n;
    if (checkpoint !== undefined && checkpoint >= 0n) {
      await this.checkpoints.saveCheckpoint(PAYMENT_RECONCILER_CHECKPOINT, checkpoint.toString());
    }
  }
}
