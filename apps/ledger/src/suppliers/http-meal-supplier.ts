/**
 * A supplier reached over HTTP: each delivery is a JSON POST to SUPPLIER_URL, signed (see
 * supplier-signature.ts), with the delivery id in the body and in `Idempotency-Key`. Any
 * 2xx is taken; another status, a timeout or a network error fails the attempt.
 */
import { signBody, SIGNATURE_HEADER } from './supplier-signature.js';
import { SupplierDeliveryError, type MealDelivery, type MealSupplier } from './meal-supplier.js';

export interface HttpSupplierSettings {
  url: string;
  secret: string;
  timeoutMs: number;
}

export class HttpMealSupplier implements MealSupplier {
  constructor(private readonly settings: HttpSupplierSettings) {}

  async deliver(delivery: MealDelivery): Promise<void> {
    const body = JSON.stringify(delivery);
    let response: Response;
    try {
      response = await fetch(this.settings.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': delivery.deliveryId,
          [SIGNATURE_HEADER]: signBody(body, this.settings.secret),
        },
        body,
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch (error) {
      // by name: the abort's DOMException may come from another realm (instanceof fails)
      const timedOut = (error as { name?: unknown } | null)?.name === 'TimeoutError';
      throw new SupplierDeliveryError(
        timedOut ? `timeout after ${this.settings.timeoutMs} ms` : `supplier unreachable (${networkCause(error)})`,
        { cause: error },
      );
    }
    await response.body?.cancel();
    if (!response.ok) throw new SupplierDeliveryError(`HTTP ${response.status}`);
  }
}

/** The network error's code (ECONNREFUSED…), never a URL that might carry credentials. */
function networkCause(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' ? cause.code : 'network error';
}
