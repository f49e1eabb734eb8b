/** How much one online top-up may be: configured by the ledger, checked by the order decider. */
import { DomainError } from '../domain-error.js';
import { formatRoubles, isKopecks, type Kopecks } from '../money.js';

export interface TopUpLimits {
  minAmount: Kopecks;
  maxAmount: Kopecks;
}

/** 1 rouble .. 15,000 roubles. */
export const DEFAULT_TOP_UP_LIMITS: TopUpLimits = Object.freeze({ minAmount: 100, maxAmount: 1_500_000 });

/** The amount of a new order, or a refusal that names the allowed range in roubles. */
export function requireTopUpAmount(value: unknown, limits: TopUpLimits = DEFAULT_TOP_UP_LIMITS): Kopecks {
  if (isKopecks(value) && value >= limits.minAmount && value <= limits.maxAmount) return value;
  const { minAmount, maxAmount } = limits;
  throw new DomainError(
    'top_up_amount_out_of_range',
    `amount must be an integer number of kopecks from ${minAmount} to ${maxAmount}`,
    `Сумма пополнения должна быть от ${formatRoubles(minAmount)} до ${formatRoubles(maxAmount)}`,
    { minAmount, maxAmount },
  );
}
