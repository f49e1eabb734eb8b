/**
 * The acquiring gateway port: register an order (→ the card form's URL), ask an order's
 * status, verify a callback. Adapters: the Sberbank acquiring REST API and the embedded
 * sandbox. The ledger decides nothing from a gateway's word alone: every report goes
 * through the payment order decider (amount checked, each outcome once).
 */
import type { Kopecks, PaymentGatewayName } from '@meals/domain';

export interface GatewayOrder {
  /** the ledger's order id (the gateway's orderNumber) */
  orderId: string;
  amount: Kopecks;
  /** where the gateway sends the browser after the card form, paid or not */
  returnUrl: string;
  description: string;
}

export interface RegisteredGatewayOrder {
  /** the gateway's own id of the order */
  gatewayOrderId: string;
  formUrl: string;
}

export type GatewayOrderStatus =
  | { status: 'registered' }
  | { status: 'paid'; amount: Kopecks; paidAt: string | null }
  | { status: 'declined'; reason: string }
  | { status: 'expired' };

/** A callback whose checksum is right: which order and what happened to it. */
export interface VerifiedCallback {
  orderId: string;
  gatewayOrderId: string;
  status: 'paid' | 'declined';
  /** the amount the callback names, or null when it names none (then the status check tells) */
  amount: Kopecks | null;
}

export interface PaymentGateway {
  readonly name: PaymentGatewayName;
  register(order: GatewayOrder): Promise<RegisteredGatewayOrder>;
  status(gatewayOrderId: string): Promise<GatewayOrderStatus>;
  /** null when the checksum is missing or wrong (a forged or corrupted callback) */
  verifyCallback(params: Readonly<Record<string, string>>): VerifiedCallback | null;
}

/** The gateway could not be reached or refused the request: nothing was recorded. */
export class GatewayError extends Error {
  override readonly name = 'GatewayError';
}
