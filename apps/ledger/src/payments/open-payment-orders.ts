/**
 * The orders the reconciliation job watches: registered and not yet final, or paid and not
 * yet known to be credited. Fed by this process's own appends as they happen (no reading
 * of the log on the way), and once at start-up from the log since the job's checkpoint.
 */
import { Injectable } from '@nestjs/common';
import type { PaymentEvent } from '@meals/domain';

export interface OpenOrder {
  registeredAt: number;
  /** log position of its registration: the checkpoint never passes it while the order is open */
  position: bigint;
}

@Injectable()
export class OpenPaymentOrders {
  readonly registered = new Map<string, OpenOrder>();
  readonly toCredit = new Set<string>();
  /** the last log position seen */
  lastPosition: bigint | undefined;

  track(event: PaymentEvent, position: bigint | null): void {
    if (position !== null && (this.lastPosition === undefined || position > this.lastPosition)) {
      this.lastPosition = position;
    }
    const { orderId } = event.data;
    switch (event.type) {
      case 'payment.order-registered.v1':
        if (position !== null) {
          this.registered.set(orderId, { registeredAt: Date.parse(event.data.registeredAt), position });
        }
        return;
      case 'payment.order-paid.v1':
        this.registered.delete(orderId);
        this.toCredit.add(orderId);
        return;
      case 'payment.order-declined.v1':
      case 'payment.order-expired.v1':
        this.registered.delete(orderId);
        this.toCredit.delete(orderId);
    }
  }

  credited(orderId: string): void {
    this.toCredit.delete(orderId);
  }

  settled(orderId: string): void {
    this.registered.delete(orderId);
  }

  /** Where a restart must read from to find every order still open. */
  checkpoint(): bigint | undefined {
    let checkpoint = this.lastPosition;
    for (const order of this.registered.values()) {
      if (checkpoint === undefined || order.position - 1n < checkpoint) checkpoint = order.position - 1n;
    }
    return checkpoint;
  }
}
