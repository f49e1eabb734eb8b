import type { StatementEntryKind } from '@meals/domain';
import type { CollectionSpec } from '@meals/read-model-store';

/**
 * The read models this projection maintains: MongoDB-compatible documents whose `_id` is
 * the document id. Shapes are shared with the ledger's queries; change them together.
 */

/** Name under which the projection's checkpoint is stored. */
export const PROJECTION_NAME = 'ledger-read-models';

export const ACCOUNTS = 'accounts';
export const CARDS = 'cards';
export const STATEMENT_LINES = 'statement_lines';
export const SCHOOL_DAY_TOTALS = 'school_day_totals';
export const SCHOOLS = 'schools';
export const ROSTER = 'roster';

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

export const dayTotalsId = (schoolId: string, date: string): string => `${schoolId}:${date}`;
export const rosterId = (schoolId: string, pupilKey: string): string => `${schoolId}:${pupilKey}`;

export const READ_MODEL_COLLECTIONS: readonly CollectionSpec[] = [
  { name: ACCOUNTS, indexes: [['schoolId', 'className'], ['cardUid']] },
  { name: CARDS, indexes: [['accountNumber']] },
  { name: STATEMENT_LINES, indexes: [['accountNumber', 'at']] },
  { name: SCHOOL_DAY_TOTALS, indexes: [['schoolId', 'date']] },
  { name: SCHOOLS, indexes: [['departmentId']] },
  { name: ROSTER, indexes: [['schoolId', 'className'], ['accountNumber']] },
];

export const READ_MODEL_COLLECTION_NAMES: readonly string[] = READ_MODEL_COLLECTIONS.map((spec) => spec.name);
