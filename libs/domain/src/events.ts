/**
 * Every fact the ledger records. Type names are explicit, versioned strings: they are
 * persisted, so they never derive from class names and never change once released.
 * Each interface is named after its type string (`account.topped-up.v1` → AccountToppedUp),
 * so either finds the other; the event catalogue (event-catalogue.ts) lists them all.
 * Amounts are integer kopecks. Dates are ISO-8601 strings.
 */
import type { Kopecks } from './money.js';
import type { MealSyncEvent } from './meal-sync/meal-sync-events.js';
import type { MealEvent, MealSettingsEvent, MealTypeEvent, SchoolMealsEvent } from './meals/meal-events.js';

export type TopUpChannel = 'bank_online' | 'terminal' | 'atm' | 'cabinet_card' | 'qiwi' | 'cash_desk';
export const TOP_UP_CHANNELS: readonly TopUpChannel[] = [
  'bank_online',
  'terminal',
  'atm',
  'cabinet_card',
  'qiwi',
  'cash_desk',
];

export type CardBlockReason = 'lost' | 'stolen' | 'damaged';
export const CARD_BLOCK_REASONS: readonly CardBlockReason[] = ['lost', 'stolen', 'damaged'];

export interface CheckItem {
  name: string;
  /** quantity in pieces (integer >= 1) */
  qty: number;
  /** price of one piece */
  price: Kopecks;
  /** qty * price */
  amount: Kopecks;
}

/* ---------- school stream: `school-<schoolId>` ---------- */

export interface SchoolRegistered {
  type: 'school.registered.v1';
  data: { schoolId: string; name: string; departmentId: string };
}

export interface EnrolledPupil {
  /** normalized identity of the pupil inside the school list (see pupilKey) */
  pupilKey: string;
  accountNumber: string;
  fullName: string;
  className: string;
  cardUid: string;
}

/** A batch of pupils from an imported list got accounts (numbers reserved in the school's sequence). */
export interface SchoolPupilsEnrolled {
  type: 'school.pupils-enrolled.v1';
  data: { schoolId: string; pupils: EnrolledPupil[] };
}

export type SchoolEvent = SchoolRegistered | SchoolPupilsEnrolled;

/* ---------- account stream: `account-<accountNumber>` ---------- */

export interface AccountOpened {
  type: 'account.opened.v1';
  data: { accountNumber: string; schoolId: string; className: string; fullName: string };
}

export interface AccountMoved {
  type: 'account.moved.v1';
  data: {
    accountNumber: string;
    fromSchoolId: string;
    fromClassName: string;
    toSchoolId: string;
    toClassName: string;
  };
}

export interface AccountClosed {
  type: 'account.closed.v1';
  data: { accountNumber: string; reason: string };
}

export interface CardIssued {
  type: 'card.issued.v1';
  data: { accountNumber: string; cardUid: string; replacesCardUid: string | null };
}

export interface CardActivated {
  type: 'card.activated.v1';
  data: { accountNumber: string; cardUid: string; tillId: string };
}

export interface CardBlocked {
  type: 'card.blocked.v1';
  data: { accountNumber: string; cardUid: string; reason: CardBlockReason };
}

export interface AccountToppedUp {
  type: 'account.topped-up.v1';
  data: {
    accountNumber: string;
    /** the bank's payment id: one payment id, at most one top-up */
    paymentId: string;
    channel: TopUpChannel;
    amount: Kopecks;
    paidAt: string;
  };
}

/** A till sale: the check (чек) debits the account. */
export interface AccountSaleDebited {
  type: 'account.sale-debited.v1';
  data: {
    accountNumber: string;
    /** `<school>-<6-digit seq>`, e.g. `24-001983`: one check number, at most one debit */
    checkNumber: string;
    schoolId: string;
    tillId: string;
    cardUid: string;
    items: CheckItem[];
    total: Kopecks;
    soldAt: string;
  };
}

/** A correction by authorised staff: positive amount credits, negative debits. */
export interface AccountCorrected {
  type: 'account.corrected.v1';
  data: { accountNumber: string; correctionId: string; amount: Kopecks; reason: string };
}

/** Money paid back to the parent (debits the account). */
export interface AccountRefunded {
  type: 'account.refunded.v1';
  data: { accountNumber: string; refundId: string; amount: Kopecks; reason: string };
}

export interface AccountBalanceTransferredOut {
  type: 'account.balance-transferred-out.v1';
  data: { accountNumber: string; transferId: string; toAccountNumber: string; amount: Kopecks };
}

export interface AccountBalanceTransferredIn {
  type: 'account.balance-transferred-in.v1';
  data: { accountNumber: string; transferId: string; fromAccountNumber: string; amount: Kopecks };
}

/**
 * An ordered daily meal (seed 004): the parents' share (РП) of the meal type that day is
 * debited. One charge per (school, date, pupil, meal type) at a time; `chargeId` is
 * `<schoolId>:<date>:<accountNumber>:<mealTypeId>:<n>` with n counting the charges of that
 * key on the account, so a removed and re-ordered meal gets a new charge.
 */
export interface AccountMealCharged {
  type: 'account.meal-charged.v1';
  data: {
    accountNumber: string;
    chargeId: string;
    schoolId: string;
    className: string;
    /** the pupil's name as the account had it (the supplier's order lists pupils) */
    fullName: string;
    /** the meal's day (municipality time) */
    date: string;
    mealTypeId: string;
    mealTypeName: string;
    serviceType: string;
    dynamicCost: boolean;
    /** the type's (or the day's, for a dynamic type) costs per funding source */
    costs: { rb: Kopecks; mb: Kopecks; rp: Kopecks };
    /** the parents' share debited: costs.rp */
    amount: Kopecks;
  };
}

/** An order removed or changed: the earlier charge is paid back by a new entry, never edited. */
export interface AccountMealChargeReversed {
  type: 'account.meal-charge-reversed.v1';
  data: {
    accountNumber: string;
    chargeId: string;
    schoolId: string;
    date: string;
    mealTypeId: string;
    mealTypeName: string;
    /** credited back: the amount of the reversed charge */
    amount: Kopecks;
  };
}

export type AccountEvent =
  | AccountOpened
  | AccountMoved
  | AccountClosed
  | CardIssued
  | CardActivated
  | CardBlocked
  | AccountToppedUp
  | AccountSaleDebited
  | AccountCorrected
  | AccountRefunded
  | AccountBalanceTransferredOut
  | AccountBalanceTransferredIn
  | AccountMealCharged
  | AccountMealChargeReversed;

/* ---------- payment order stream: `payment-<orderId>` (online top-up through a gateway) ---------- */

export type PaymentGatewayName = 'sandbox' | 'sberbank';

/** A parent asked to top up an account by card; the gateway registered the order. */
export interface PaymentOrderRegistered {
  type: 'payment.order-registered.v1';
  data: {
    orderId: string;
    accountNumber: string;
    amount: Kopecks;
    gateway: PaymentGatewayName;
    /** the gateway's own id of the order (Sberbank's mdOrder; the sandbox uses orderId) */
    gatewayOrderId: string;
    registeredAt: string;
  };
}

/** The gateway confirmed the card payment of the registered amount. */
export interface PaymentOrderPaid {
  type: 'payment.order-paid.v1';
  data: { orderId: string; accountNumber: string; amount: Kopecks; paidAt: string };
}

/** The gateway declined the payment (card refused, cancelled, timed out at the bank). */
export interface PaymentOrderDeclined {
  type: 'payment.order-declined.v1';
  data: { orderId: string; accountNumber: string; reason: string };
}

/** The gateway no longer knows the order or says it expired unpaid. */
export interface PaymentOrderExpired {
  type: 'payment.order-expired.v1';
  data: { orderId: string; accountNumber: string };
}

export type PaymentEvent = PaymentOrderRegistered | PaymentOrderPaid | PaymentOrderDeclined | PaymentOrderExpired;

export type LedgerEvent = SchoolEvent | AccountEvent | PaymentEvent | MealEvent | MealSyncEvent;
export type LedgerEventType = LedgerEvent['type'];
export type MealEventType = MealEvent['type'];
export type MealTypeEventType = MealTypeEvent['type'];
export type MealSettingsEventType = MealSettingsEvent['type'];
export type SchoolMealsEventType = SchoolMealsEvent['type'];
export type SchoolEventType = SchoolEvent['type'];
export type AccountEventType = AccountEvent['type'];
export type PaymentEventType = PaymentEvent['type'];
/** The event of one type string, e.g. `EventOfType<'account.opened.v1'>` is AccountOpened. */
export type EventOfType<T extends LedgerEventType> = Extract<LedgerEvent, { type: T }>;

/** Who or what caused an event; carried by every event as its metadata. */
export interface EventMetadata {
  actor: { kind: 'staff' | 'till' | 'bank' | 'parent' | 'system'; id: string };
  source: 'till' | 'bank' | 'web' | 'staff' | 'import' | 'system';
  correlationId: string;
  causationId: string;
  occurredAt: string;
}

export const schoolStreamId = (schoolId: string): string => `school-${schoolId}`;
export const accountStreamId = (accountNumber: string): string => `account-${accountNumber}`;
export const paymentStreamId = (orderId: string): string => `payment-${orderId}`;
