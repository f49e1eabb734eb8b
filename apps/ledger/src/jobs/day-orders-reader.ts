/**
 * How the sync job reads a school's orders for a day. Implemented by the meals slice over
 * its order read model (bound to DAY_ORDERS_READER in its providers); tests use a fake.
 */
export interface DayOrders {
  /** number of order changes for the school and day: deterministic on replay */
  version: number;
  /** the order lines as the supplier receives them (shape owned by the meals slice) */
  lines: unknown[];
}

export interface DayOrdersReader {
  /** schools that have (or had) orders on `date`, `YYYY-MM-DD` municipality time */
  schoolsWithOrders(date: string): Promise<string[]>;
  readDayOrders(schoolId: string, date: string): Promise<DayOrders>;
}

/** Nest injection token of the DayOrdersReader. */
export const DAY_ORDERS_READER = Symbol('DayOrdersReader');
