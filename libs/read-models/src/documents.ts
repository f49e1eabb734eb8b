import type { StatementEntryKind } from '@meals/domain';

/**
 * The documents of the read models: MongoDB-compatible, `_id` is the document id. The
 * projections write them, the queries read them; change both together.
 */

export type CardStatusValue = 'issued' | 'active' | 'blocked';

export type AccountDoc = {
  _id: string;
  accountNumber: string;
  schoolId: string;
  className: string;
  fullName: string;
  status: 'open' | 'closed';
  /** credits − debits, kopecks */
  balance: number;
  /** the current card (the last one issued) */
  cardUid: string | null;
  cardStatus: CardStatusValue | null;
  openedAt: string;
  /** global position of the last event applied to this account (read-your-write checks) */
  lastPosition: number;
};

export type CardDoc = {
  _id: string;
  cardUid: string;
  accountNumber: string;
  /** school of the account (follows moves while the card is the account's current one) */
  schoolId: string;
  status: CardStatusValue;
};

export type StatementLineKind = StatementEntryKind | 'meal_charge';

export type StatementItem = { name: string; qty: number; price: number; amount: number };

/** One money entry of an account; `_id` is the event id. */
export type StatementLineDoc = {
  _id: string;
  accountNumber: string;
  /** ISO business time: paid-at, sold-at, or occurred-at */
  at: string;
  /** `YYYY-MM-DD` of `at` in the municipality's time zone */
  date: string;
  position: number;
  kind: StatementLineKind;
  description: string;
  debit: number;
  credit: number;
  checkNumber: string | null;
  items: StatementItem[];
};

/** `_id` is `<schoolId>:<date>`. Sales count where they were sold, top-ups at the account's school. */
export type SchoolDayTotalsDoc = {
  _id: string;
  schoolId: string;
  date: string;
  salesCount: number;
  salesTotal: number;
  topUpsCount: number;
  topUpsTotal: number;
};

export type SchoolDoc = {
  _id: string;
  schoolId: string;
  name: string;
  departmentId: string;
  /** open accounts currently in this school */
  pupilCount: number;
};

/** Every pupil ever enrolled from a school's lists; `_id` is `<schoolId>:<pupilKey>`. */
export type RosterDoc = {
  _id: string;
  schoolId: string;
  pupilKey: string;
  accountNumber: string;
  fullName: string;
  className: string;
};

/** One meal of one pupil on one day at one school (the supplier's order line); kept with `ordered: false` once removed. */
export type MealDayOrderDoc = {
  _id: string;
  schoolId: string;
  date: string;
  className: string;
  accountNumber: string;
  fullName: string;
  mealTypeId: string;
  mealTypeName: string;
  serviceType: string;
  costs: { rb: number; mb: number; rp: number };
  /** the parents' share charged */
  amount: number;
  ordered: boolean;
};

/** How many order changes a school's day has seen (the supplier sync compares it with what it delivered). */
export type MealDayVersionDoc = {
  _id: string;
  schoolId: string;
  date: string;
  version: number;
};

/** A department's meal type with its status history (the status of a day is computed when read). */
export type MealTypeDoc = {
  _id: string;
  mealTypeId: string;
  departmentId: string;
  name: string;
  serviceType: string;
  benefitCategory: string;
  hot: boolean;
  dynamicCost: boolean;
  costs: { rb: number | null; mb: number | null; rp: number | null };
  statusChanges: { status: 'inactive' | 'active' | 'archived'; effectiveFrom: string }[];
  orderedEver: boolean;
  deleted: boolean;
  createdOn: string;
};

/** A department's order settings as last saved. */
export type MealSettingsDoc = {
  _id: string;
  departmentId: string;
  teacherEditDays: number;
  coordinatorEditDays: number;
  negativeBalanceLimitRoubles: number | null;
  creditDays: number | null;
  lockAfterSync: boolean;
  autoResyncAfterEdit: boolean;
  exemptSchoolIds: string[];
};

export const mealDayOrderId = (schoolId: string, date: string, accountNumber: string, mealTypeId: string): string =>
  `${schoolId}:${date}:${accountNumber}:${mealTypeId}`;
export const mealDayId = (schoolId: string, date: string): string => `${schoolId}:${date}`;

export const dayTotalsId = (schoolId: string, date: string): string => `${schoolId}:${date}`;
export const rosterId = (schoolId: string, pupilKey: string): string => `${schoolId}:${pupilKey}`;
