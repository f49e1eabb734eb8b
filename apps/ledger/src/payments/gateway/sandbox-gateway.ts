/**
 * The embedded sandbox gateway, the default: it plays the bank. Orders live in this
 * process's memory (a restart forgets them: their status becomes `expired`, as a bank's
 * timed-out session does). The card form (sandbox-gateway.controller.ts) pays or declines
 * by test card, sends the browser to the return URL and calls the ledger back like a bank:
 * signed with the sandbox key, normally at once, or late, twice, or never.
 */
import { callbackChecksum, callbackOutcome, hasValidChecksum } from './callback-checksum.js';
import type {
  GatewayOrder,
  GatewayOrderStatus,
  PaymentGateway,
  RegisteredGatewayOrder,
  VerifiedCallback,
} from './payment-gateway.js';

export const SANDBOX_CALLBACK_MODES = ['normal', 'late', 'twice', 'never'] as const;
export type SandboxCallbackMode = (typeof SANDBOX_CALLBACK_MODES)[number];

/** The test cards: one pays, one is declined; any other number is declined as unknown. */
export const SANDBOX_CARDS = { success: '4111111111111111', declined: '4000000000000002' } as const;

export type CallbackSender = (params: Record<string, string>) => Promise<void>;

export interface SandboxSettings {
  /** signs the sandbox's callbacks */
  callbackKey: string;
  /** the ledger's address as the browser sees it: the card form's URL starts with it */
  publicBaseUrl: string;
  callbackMode: SandboxCallbackMode;
  /** how late a `late` callback comes */
  lateCallbackMs?: number;
  /** an unpaid order expires after this long (a bank's card-form session) */
  sessionTimeoutMs?: number;
  now?: () => Date;
}

interface SandboxOrder {
  amount: number;
  returnUrl: string;
  registeredAt: number;
  outcome: { status: 'paid'; paidAt: string } | { status: 'declined'; reason: string } | null;
}

export interface SandboxPaymentResult {
  status: 'paid' | 'declined';
  /** where the browser goes next */
  returnUrl: string;
}

const DEFAULT_LATE_MS = 5_000;
const DEFAULT_SESSION_MS = 20 * 60_000;

export class SandboxGateway implements PaymentGateway {
  readonly name = 'sandbox' as const;
  private readonly orders = new Map<string, SandboxOrder>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private sender: CallbackSender = async () => {};

  constructor(private readonly settings: SandboxSettings) {}

  /** How callbacks reach the ledger (its own HTTP address in a service; `inject` in tests). */
  sendCallbacksWith(sender: CallbackSender): void {
    this.sender = sender;
  }

  register(order: GatewayOrder): Promise<RegisteredGatewayOrder> {
    if (!this.orders.has(order.orderId)) {
      this.orders.set(order.orderId, {
        amount: order.amount,
        returnUrl: order.returnUrl,
        registeredAt: this.now().getTime(),
        outcome: null,
      });
    }
    const base = this.settings.publicBaseUrl.replace(/\/+$/, '');
    return Promise.resolve({ gatewayOrderId: order.orderId, formUrl: `${base}/sandbox-gateway/pay/${order.orderId}` });
  }

  status(gatewayOrderId: string): Promise<GatewayOrderStatus> {
    const order = this.orders.get(gatewayOrderId);
    if (!order) return Promise.resolve({ status: 'expired' });
    if (order.outcome?.status === 'paid') {
      return Promise.resolve({ status: 'paid', amount: order.amount, paidAt: order.outcome.paidAt });
    }
    if (order.outcome) return Promise.resolve(order.outcome);
    if (this.now().getTime() - order.registeredAt > (this.settings.sessionTimeoutMs ?? DEFAULT_SESSION_MS)) {
      return Promise.resolve({ status: 'expired' });
    }
    return Promise.resolve({ status: 'registered' });
  }

  verifyCallback(params: Readonly<Record<string, string>>): VerifiedCallback | null {
    if (!hasValidChecksum(params, this.settings.callbackKey)) return null;
    const status = callbackOutcome(params);
    const orderId = params['orderNumber'];
    const amount = Number(params['amount']);
    if (status === null || !orderId || !Number.isSafeInteger(amount)) return null;
    return { orderId, gatewayOrderId: params['mdOrder'] ?? orderId, status, amount };
  }

  /** The order as the card form shows it, or null for an order this sandbox does not know. */
  orderForForm(orderId: string): { amount: number; done: boolean } | null {
    const order = this.orders.get(orderId);
    return order ? { amount: order.amount, done: order.outcome !== null } : null;
  }

  /** The card form was submitted: pay or decline by test card, then call the ledger back. */
  pay(
    orderId: string,
    cardNumber: string,
    mode: SandboxCallbackMode = this.settings.callbackMode,
  ): SandboxPaymentResult | null {
    const order = this.orders.get(orderId);
    if (!order) return null;
    if (!order.outcome) {
      const card = cardNumber.replace(/[\s-]/g, '');
      order.outcome =
        card === SANDBOX_CARDS.success
          ? { status: 'paid', paidAt: this.now().toISOString() }
          : { status: 'declined', reason: card === SANDBOX_CARDS.declined ? 'card declined' : 'unknown test card' };
      this.scheduleCallbacks(orderId, order, mode);
    }
    return { status: order.outcome.status, returnUrl: order.returnUrl };
  }

  /** Stops pending late callbacks (shutdown). */
  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private scheduleCallbacks(orderId: string, order: SandboxOrder, mode: SandboxCallbackMode): void {
    const params: Record<string, string> = {
      mdOrder: orderId,
      orderNumber: orderId,
      operation: 'deposited',
      status: order.outcome?.status === 'paid' ? '1' : '0',
      amount: String(order.amount),
    };
    const signed = { ...params, checksum: callbackChecksum(params, this.settings.callbackKey) };
    const send = () => void this.sender(signed).catch(() => {});
    switch (mode) {
      case 'never':
        return;
      case 'normal':
        return send();
      case 'twice':
        send();
        return send();
      case 'late': {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          send();
        }, this.settings.lateCallbackMs ?? DEFAULT_LATE_MS);
        timer.unref();
        this.timers.add(timer);
      }
    }
  }

  private now(): Date {
    return this.settings.now?.() ?? new Date();
  }
}
