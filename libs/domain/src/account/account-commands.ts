import type { CardBlockReason, TopUpChannel } from '../events.js';
import type { Kopecks } from '../money.js';
import type { MealBalanceAllowance, PricedMeal } from '../meals/order-rules.js';

/* Every command names the account it targets; the app loads `account-<accountNumber>` for it. */

/** Opens an account with its first card (both from the school's enrolment). */
export interface OpenAccount {
  type: 'OpenAccount';
  accountNumber: string;
  schoolId: string;
  className: string;
  fullName: string;
  cardUid: string;
}

export interface MoveAccount {
  type: 'MoveAccount';
  accountNumber: string;
  toSchoolId: string;
  toClassName: string;
}

/** How a positive balance is paid out when the account closes. */
export type AccountSettlement =
  { kind: 'refund'; refundId: string } | { kind: 'transfer'; transferId: string; toAccountNumber: string };

export interface CloseAccount {
  type: 'CloseAccount';
  accountNumber: string;
  reason: string;
  settlement: AccountSettlement;
}

/** The receiving half of a balance transfer from a closed (sibling's) account. */
export interface ReceiveTransfer {
  type: 'ReceiveTransfer';
  accountNumber: string;
  transferId: string;
  fromAccountNumber: string;
  amount: Kopecks;
}

export interface IssueReplacementCard {
  type: 'IssueReplacementCard';
  accountNumber: string;
  newCardUid: string;
}

export interface ActivateCard {
  type: 'ActivateCard';
  accountNumber: string;
  cardUid: string;
  tillId: string;
  tillSchoolId: string;
}

export interface BlockCard {
  type: 'BlockCard';
  accountNumber: string;
  cardUid: string;
  reason: CardBlockReason;
}

export interface RecordTopUp {
  type: 'RecordTopUp';
  accountNumber: string;
  paymentId: string;
  channel: TopUpChannel;
  amount: Kopecks;
  paidAt: string;
  /** the server's ISO time of receipt: paidAt is judged against it (the domain has no clock) */
  receivedAt: string;
}

export interface SaleItemInput {
  name: string;
  qty: number;
  price: Kopecks;
}

export interface RecordSale {
  type: 'RecordSale';
  accountNumber: string;
  checkNumber: string;
  tillId: string;
  tillSchoolId: string;
  cardUid: string;
  items: SaleItemInput[];
  soldAt: string;
  /** the server's ISO time of receipt: soldAt is judged against it (the domain has no clock) */
  receivedAt: string;
}

/** Positive amount credits, negative debits. */
export interface RecordCorrection {
  type: 'RecordCorrection';
  accountNumber: string;
  correctionId: string;
  amount: Kopecks;
  reason: string;
}

/**
 * The pupil's meals of one day at one school, as a set (seed 004): meals not listed are
 * reversed, new ones charged (the parents' share), a changed price reversed and charged
 * again. The allowance says how far the settings let the balance go.
 */
export interface OrderPupilMeals {
  type: 'OrderPupilMeals';
  accountNumber: string;
  schoolId: string;
  className: string;
  date: string;
  meals: PricedMeal[];
  allowance: MealBalanceAllowance;
}

export type AccountCommand =
  | OpenAccount
  | MoveAccount
  | CloseAccount
  | ReceiveTransfer
  | IssueReplacementCard
  | ActivateCard
  | BlockCard
  | RecordTopUp
  | RecordSale
  | RecordCorrection
  | OrderPupilMeals;
