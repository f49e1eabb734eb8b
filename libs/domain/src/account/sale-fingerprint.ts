import type { Kopecks } from '../money.js';

export interface SaleContent {
  schoolId: string;
  tillId: string;
  cardUid: string;
  items: readonly { name: string; qty: number; price: Kopecks }[];
  soldAt: string;
}

/**
 * Canonical text of what a check says, so a till's retry (same content) is told apart from
 * a different sale reusing the number. soldAt is compared as an instant, not as text.
 */
export function saleFingerprint(sale: SaleContent): string {
  return JSON.stringify([
    sale.schoolId,
    sale.tillId,
    sale.cardUid,
    sale.items.map((item) => [item.name, item.qty, item.price]),
    Date.parse(sale.soldAt),
  ]);
}
