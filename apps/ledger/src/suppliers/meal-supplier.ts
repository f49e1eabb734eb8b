/**
 * The meal supplier as the sync job sees it: one call delivers a school's orders for a day.
 * A delivery id names (school, day, version); a supplier that receives the same id twice
 * keeps the first (the job repeats a delivery after a crash or a lost answer).
 */
export interface MealDelivery {
  /** `<schoolId>-<date>-v<version>` */
  deliveryId: string;
  schoolId: string;
  date: string;
  version: number;
  /** the day's order lines (see DayOrdersReader) */
  lines: unknown[];
  sentAt: string;
}

export interface MealSupplier {
  /** Resolves when the supplier has the delivery; rejects with SupplierDeliveryError otherwise. */
  deliver(delivery: MealDelivery): Promise<void>;
}

/** The supplier did not take the delivery; `message` is short and safe to record and show. */
export class SupplierDeliveryError extends Error {
  override readonly name = 'SupplierDeliveryError';
}

/** Nest injection token of the MealSupplier. */
export const MEAL_SUPPLIER = Symbol('MealSupplier');
