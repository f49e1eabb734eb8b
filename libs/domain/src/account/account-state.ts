import type { TopUpChannel } from '../events.js';
import { LayeredMap } from '../layered-map.js';
import type { Kopecks } from '../money.js';

export type AccountStatus = 'open' | 'closed';
export type CardStatus = 'issued' | 'active' | 'blocked';

/** What a recorded top-up said, to tell a bank's redelivery from a conflicting payment. */
export interface SeenTopUp {
  channel: TopUpChannel;
  amount: Kopecks;
  paidAt: string;
}

/** A recorded check: its total, and a fingerprint of its content to tell a retry from a conflict. */
export interface SeenCheck {
  total: Kopecks;
  fingerprint: string;
}

export interface SeenCorrection {
  amount: Kopecks;
  reason: string;
}

export interface SeenTransferIn {
  fromAccountNumber: string;
  amount: Kopecks;
}

export interface SeenTransferOut {
  toAccountNumber: string;
  amount: Kopecks;
}

/** The charges of one (school, date, meal type) on the account: the latest, and how many there were. */
export interface MealChargeRecord {
  /** the latest charge's id */
  chargeId: string;
  /** charges of this key so far (the next one is numbered count + 1) */
  count: number;
  /** false once the latest charge was reversed */
  active: boolean;
  mealTypeName: string;
  amount: Kopecks;
  costs: { rb: Kopecks; mb: Kopecks; rp: Kopecks };
}

/** The data the account was opened with, to recognise a retried OpenAccount. */
export interface AccountOpening {
  schoolId: string;
  className: string;
  fullName: string;
}

export interface AccountState {
  exists: boolean;
  accountNumber: string;
  /** null until the account is opened */
  status: AccountStatus | null;
  schoolId: string;
  className: string;
  fullName: string;
  balance: Kopecks;
  /** every card ever issued on the account, in issue order */
  cards: ReadonlyMap<string, CardStatus>;
  currentCardUid: string | null;
  openedAs: AccountOpening | null;
  /** by bank payment id */
  topUps: ReadonlyMap<string, SeenTopUp>;
  /** by check number */
  checks: ReadonlyMap<string, SeenCheck>;
  /** by correction id */
  corrections: ReadonlyMap<string, SeenCorrection>;
  /** refund id → amount */
  refunds: ReadonlyMap<string, Kopecks>;
  /** by transfer id */
  transfersIn: ReadonlyMap<string, SeenTransferIn>;
  /** by transfer id */
  transfersOut: ReadonlyMap<string, SeenTransferOut>;
  /** meal charges by `<schoolId>:<date>:<mealTypeId>` */
  mealCharges: ReadonlyMap<string, MealChargeRecord>;
  /** the meal types charged (and not reversed) per `<schoolId>:<date>` */
  mealDays: ReadonlyMap<string, readonly string[]>;
  /** the day of the meal that took the balance below zero; null while it is not negative */
  negativeSince: string | null;
}

export const initialAccountState: AccountState = Object.freeze<AccountState>({
  exists: false,
  accountNumber: '',
  status: null,
  schoolId: '',
  className: '',
  fullName: '',
  balance: 0,
  cards: LayeredMap.empty(),
  currentCardUid: null,
  openedAs: null,
  topUps: LayeredMap.empty(),
  checks: LayeredMap.empty(),
  corrections: LayeredMap.empty(),
  refunds: LayeredMap.empty(),
  transfersIn: LayeredMap.empty(),
  transfersOut: LayeredMap.empty(),
  mealCharges: LayeredMap.empty(),
  mealDays: LayeredMap.empty(),
  negativeSince: null,
});

export const mealChargeKey = (schoolId: string, date: string, mealTypeId: string): string =>
  `${schoolId}:${date}:${mealTypeId}`;
export const mealDayKey = (schoolId: string, date: string): string => `${schoolId}:${date}`;

/** The uid the account's first card was issued with (cards keep issue order). */
export const firstCardUid = (state: AccountState): string | null => state.cards.keys().next().value ?? null;
