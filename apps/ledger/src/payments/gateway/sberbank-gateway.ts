/**
 * Sberbank acquiring over its REST API (`register.do`, `getOrderStatusExtended.do`, form
 * POSTs answered with JSON); callbacks verified by the HMAC-SHA256 checksum.
 */
import type { Kopecks } from '@meals/domain';
import { callbackOutcome, hasValidChecksum } from './callback-checksum.js';
import {
  GatewayError,
  type GatewayOrder,
  type GatewayOrderStatus,
  type PaymentGateway,
  type RegisteredGatewayOrder,
  type VerifiedCallback,
} from './payment-gateway.js';

export interface SberbankSettings {
  /** e.g. `https://securepayments.sberbank.ru/payment/rest` */
  apiUrl: string;
  username: string;
  password: string;
  callbackKey: string;
  timeoutMs?: number;
}

/** getOrderStatusExtended.do `orderStatus` values. */
const PAID = new Set([2, 4]); // deposited; refunded later (the payment itself happened)
const DECLINED = new Set([3, 6]); // reversed; declined (card refused or timed out)
/** errorCode 6: the gateway does not know the order (never registered, or purged). */
const UNKNOWN_ORDER = '6';

export class SberbankGateway implements PaymentGateway {
  readonly name = 'sberbank' as const;
  private readonly base: string;

  constructor(private readonly settings: SberbankSettings) {
    this.base = settings.apiUrl.replace(/\/+$/, '');
  }

  async register(order: GatewayOrder): Promise<RegisteredGatewayOrder> {
    const answer = await this.call('register.do', {
      orderNumber: order.orderId,
      amount: String(order.amount),
      returnUrl: order.returnUrl,
      failUrl: order.returnUrl,
      description: order.description,
    });
    if (typeof answer['orderId'] !== 'string' || typeof answer['formUrl'] !== 'string') {
      throw new GatewayError(`register.do refused: ${describeError(answer)}`);
    }
    return { gatewayOrderId: answer['orderId'], formUrl: answer['formUrl'] };
  }

  async status(gatewayOrderId: string): Promise<GatewayOrderStatus> {
    const answer = await this.call('getOrderStatusExtended.do', { orderId: gatewayOrderId });
    const errorCode = String(answer['errorCode'] ?? '0');
    if (errorCode === UNKNOWN_ORDER) return { status: 'expired' };
    if (errorCode !== '0') throw new GatewayError(`getOrderStatusExtended.do failed: ${describeError(answer)}`);
    const orderStatus = Number(answer['orderStatus']);
    if (PAID.has(orderStatus)) {
      const date = answer['authDateTime'];
      return {
        status: 'paid',
        amount: Number(answer['amount']) as Kopecks,
        paidAt: typeof date === 'number' ? new Date(date).toISOString() : null,
      };
    }
    if (DECLINED.has(orderStatus)) {
      const reason = answer['actionCodeDescription'];
      return { status: 'declined', reason: typeof reason === 'string' && reason ? reason : 'declined by the bank' };
    }
    return { status: 'registered' };
  }

  verifyCallback(params: Readonly<Record<string, string>>): VerifiedCallback | null {
    if (!hasValidChecksum(params, this.settings.callbackKey)) return null;
    const status = callbackOutcome(params);
    const orderId = params['orderNumber'];
    const gatewayOrderId = params['mdOrder'];
    if (status === null || !orderId || !gatewayOrderId) return null;
    const amount = params['amount'] !== undefined ? Number(params['amount']) : null;
    return { orderId, gatewayOrderId, status, amount: amount !== null && Number.isSafeInteger(amount) ? amount : null };
  }

  private async call(method: string, params: Record<string, string>): Promise<Record<string, unknown>> {
    const body = new URLSearchParams({ userName: this.settings.username, password: this.settings.password, ...params });
    let response: Response;
    try {
      response = await fetch(`${this.base}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
        signal: AbortSignal.timeout(this.settings.timeoutMs ?? 15_000),
      });
    } catch (error) {
      throw new GatewayError(`${method}: ${(error as Error).message}`);
    }
    if (!response.ok) throw new GatewayError(`${method}: HTTP ${response.status}`);
    const answer: unknown = await response.json().catch(() => null);
    if (!answer || typeof answer !== 'object') throw new GatewayError(`${method}: not a JSON object`);
    return answer as Record<string, unknown>;
  }
}

const describeError = (answer: Record<string, unknown>) =>
  `errorCode ${String(answer['errorCode'])} ${String(answer['errorMessage'] ?? '')}`.trim();
