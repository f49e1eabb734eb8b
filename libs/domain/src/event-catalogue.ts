/**
 * The one list of the ledger's event types: for each persisted type string, the stream
 * (aggregate) it belongs to and its idempotency key. Typed against the LedgerEvent union:
 * a type missing here, an extra one or one filed under the wrong stream fails to compile.
 * Everything that needs "all account events" or "is this a school event" asks here instead
 * of keeping its own list or matching prefixes (a `meal-*` stream would break those).
 */
import type {
  AccountEvent,
  AccountEventType,
  EventOfType,
  LedgerEvent,
  LedgerEventType,
  MealSettingsEventType,
  MealTypeEventType,
  PaymentEvent,
  PaymentEventType,
  SchoolEvent,
  SchoolEventType,
  SchoolMealsEventType,
} from './events.js';
import type { MealSyncEventType } from './meal-sync/meal-sync-events.js';

export type EventStreamKind =
  'school' | 'account' | 'payment' | 'meal-type' | 'meal-settings' | 'school-meals' | 'meal-sync';

type StreamKindOf<T extends LedgerEventType> = T extends SchoolEventType
  ? 'school'
  : T extends PaymentEventType
    ? 'payment'
    : T extends MealTypeEventType
      ? 'meal-type'
      : T extends MealSettingsEventType
        ? 'meal-settings'
        : T extends SchoolMealsEventType
          ? 'school-meals'
          : T extends MealSyncEventType
            ? 'meal-sync'
            : 'account';

export interface EventCatalogueEntry<T extends LedgerEventType> {
  stream: StreamKindOf<T>;
  /**
   * The key a retried command repeats (a bank payment id, a check number…), or null when
   * the event has none. Events with a key get a deterministic id, so the store appends a
   * retry at most once.
   */
  idempotencyKey: ((data: EventOfType<T>['data']) => string) | null;
  /**
   * True when the key is chosen by a client and must never be used on another stream
   * (one payment id credits one account): the command runner claims it across streams.
   */
  uniqueAcrossStreams: boolean;
}

export const EVENT_CATALOGUE = {
  'school.registered.v1': { stream: 'school', idempotencyKey: null, uniqueAcrossStreams: false },
  'school.pupils-enrolled.v1': { stream: 'school', idempotencyKey: null, uniqueAcrossStreams: false },
  // an imported pupil's account is opened once, with the card the import issued
  'account.opened.v1': {
    stream: 'account',
    idempotencyKey: (data) => `account-opened:${data.accountNumber}`,
    uniqueAcrossStreams: false,
  },
  'account.moved.v1': { stream: 'account', idempotencyKey: null, uniqueAcrossStreams: false },
  'account.closed.v1': { stream: 'account', idempotencyKey: null, uniqueAcrossStreams: false },
  'card.issued.v1': {
    stream: 'account',
    idempotencyKey: (data) => `card-issued:${data.accountNumber}:${data.cardUid}`,
    uniqueAcrossStreams: false,
  },
  'card.activated.v1': { stream: 'account', idempotencyKey: null, uniqueAcrossStreams: false },
  'card.blocked.v1': { stream: 'account', idempotencyKey: null, uniqueAcrossStreams: false },
  'account.topped-up.v1': {
    stream: 'account',
    idempotencyKey: (data) => `topup:${data.paymentId}`,
    uniqueAcrossStreams: true,
  },
  'account.sale-debited.v1': {
    stream: 'account',
    idempotencyKey: (data) => `sale:${data.checkNumber}`,
    uniqueAcrossStreams: true,
  },
  'account.corrected.v1': {
    stream: 'account',
    idempotencyKey: (data) => `correction:${data.correctionId}`,
    uniqueAcrossStreams: true,
  },
  'account.refunded.v1': {
    stream: 'account',
    idempotencyKey: (data) => `refund:${data.refundId}`,
    uniqueAcrossStreams: false,
  },
  'account.balance-transferred-out.v1': {
    stream: 'account',
    idempotencyKey: (data) => `transfer-out:${data.transferId}`,
    uniqueAcrossStreams: false,
  },
  'account.balance-transferred-in.v1': {
    stream: 'account',
    idempotencyKey: (data) => `transfer-in:${data.transferId}`,
    uniqueAcrossStreams: false,
  },
  // one charge id, one charge and at most one reversal (a retried class order appends nothing twice)
  'account.meal-charged.v1': {
    stream: 'account',
    idempotencyKey: (data) => `meal-charge:${data.chargeId}`,
    uniqueAcrossStreams: false,
  },
  'account.meal-charge-reversed.v1': {
    stream: 'account',
    idempotencyKey: (data) => `meal-charge-reversed:${data.chargeId}`,
    uniqueAcrossStreams: false,
  },
  // meal management (seed 004): decided on the current state, retries change nothing by themselves
  'meal-type.created.v1': {
    stream: 'meal-type',
    idempotencyKey: (data) => `meal-type-created:${data.mealTypeId}`,
    uniqueAcrossStreams: false,
  },
  'meal-type.updated.v1': { stream: 'meal-type', idempotencyKey: null, uniqueAcrossStreams: false },
  'meal-type.status-changed.v1': { stream: 'meal-type', idempotencyKey: null, uniqueAcrossStreams: false },
  'meal-type.first-ordered.v1': {
    stream: 'meal-type',
    idempotencyKey: (data) => `meal-type-first-ordered:${data.mealTypeId}`,
    uniqueAcrossStreams: false,
  },
  'meal-type.deleted.v1': {
    stream: 'meal-type',
    idempotencyKey: (data) => `meal-type-deleted:${data.mealTypeId}`,
    uniqueAcrossStreams: false,
  },
  'meal-settings.changed.v1': { stream: 'meal-settings', idempotencyKey: null, uniqueAcrossStreams: false },
  'school-meals.school-types-assigned.v1': { stream: 'school-meals', idempotencyKey: null, uniqueAcrossStreams: false },
  'school-meals.class-types-assigned.v1': { stream: 'school-meals', idempotencyKey: null, uniqueAcrossStreams: false },
  'school-meals.pupil-types-assigned.v1': { stream: 'school-meals', idempotencyKey: null, uniqueAcrossStreams: false },
  'school-meals.day-prices-set.v1': { stream: 'school-meals', idempotencyKey: null, uniqueAcrossStreams: false },
  // one order: each outcome at most once, however many reports of it arrive concurrently
  'payment.order-registered.v1': {
    stream: 'payment',
    idempotencyKey: (data) => `payment-registered:${data.orderId}`,
    uniqueAcrossStreams: false,
  },
  'payment.order-paid.v1': {
    stream: 'payment',
    idempotencyKey: (data) => `payment-paid:${data.orderId}`,
    uniqueAcrossStreams: false,
  },
  'payment.order-declined.v1': {
    stream: 'payment',
    idempotencyKey: (data) => `payment-declined:${data.orderId}`,
    uniqueAcrossStreams: false,
  },
  'payment.order-expired.v1': {
    stream: 'payment',
    idempotencyKey: (data) => `payment-expired:${data.orderId}`,
    uniqueAcrossStreams: false,
  },
  // one delivery per (school, day, version); one record per failed attempt
  'meal-sync.delivered.v1': {
    stream: 'meal-sync',
    idempotencyKey: (data) => `meal-sync-delivered:${data.deliveryId}`,
    uniqueAcrossStreams: false,
  },
  'meal-sync.failed.v1': {
    stream: 'meal-sync',
    idempotencyKey: (data) => `meal-sync-failed:${data.deliveryId}:${data.attempt}`,
    uniqueAcrossStreams: false,
  },
} as const satisfies { readonly [T in LedgerEventType]: EventCatalogueEntry<T> };

const entryOf = <T extends LedgerEventType>(type: T): EventCatalogueEntry<T> =>
  EVENT_CATALOGUE[type] as unknown as EventCatalogueEntry<T>;

const typesOf = <T extends LedgerEventType>(stream: EventStreamKind) =>
  (Object.keys(EVENT_CATALOGUE) as LedgerEventType[]).filter((type) => EVENT_CATALOGUE[type].stream === stream) as T[];

/** Every event type string the ledger records, in catalogue order. */
export const LEDGER_EVENT_TYPES: readonly LedgerEventType[] = Object.freeze(
  Object.keys(EVENT_CATALOGUE) as LedgerEventType[],
);
/** The event types of a school stream (`school-<schoolId>`). */
export const SCHOOL_EVENT_TYPES: readonly SchoolEventType[] = Object.freeze(typesOf<SchoolEventType>('school'));
/** The event types of an account stream (`account-<accountNumber>`). */
export const ACCOUNT_EVENT_TYPES: readonly AccountEventType[] = Object.freeze(typesOf<AccountEventType>('account'));

/** The event types of a payment order stream (`payment-<orderId>`). */
export const PAYMENT_EVENT_TYPES: readonly PaymentEventType[] = Object.freeze(typesOf<PaymentEventType>('payment'));

/** The event types of a meal type stream (`meal-type-<mealTypeId>`). */
export const MEAL_TYPE_EVENT_TYPES: readonly MealTypeEventType[] = Object.freeze(
  typesOf<MealTypeEventType>('meal-type'),
);
/** The event types of a department's order settings stream (`meal-settings-<departmentId>`). */
export const MEAL_SETTINGS_EVENT_TYPES: readonly MealSettingsEventType[] = Object.freeze(
  typesOf<MealSettingsEventType>('meal-settings'),
);
/** The event types of a school's meals stream (`school-meals-<schoolId>`). */
export const SCHOOL_MEALS_EVENT_TYPES: readonly SchoolMealsEventType[] = Object.freeze(
  typesOf<SchoolMealsEventType>('school-meals'),
);
/** The event types of a meal sync stream (`meal-sync-<schoolId>-<date>`). */
export const MEAL_SYNC_EVENT_TYPES: readonly MealSyncEventType[] = Object.freeze(
  typesOf<MealSyncEventType>('meal-sync'),
);

const schoolTypes: ReadonlySet<string> = new Set(SCHOOL_EVENT_TYPES);
const accountTypes: ReadonlySet<string> = new Set(ACCOUNT_EVENT_TYPES);

export const isLedgerEventType = (type: string): type is LedgerEventType => Object.hasOwn(EVENT_CATALOGUE, type);
export const isSchoolEventType = (type: string): type is SchoolEventType => schoolTypes.has(type);
export const isAccountEventType = (type: string): type is AccountEventType => accountTypes.has(type);

export const isSchoolEvent = (event: LedgerEvent): event is SchoolEvent => schoolTypes.has(event.type);
export const isAccountEvent = (event: LedgerEvent): event is AccountEvent => accountTypes.has(event.type);
export const isPaymentEvent = (event: LedgerEvent): event is PaymentEvent =>
  EVENT_CATALOGUE[event.type].stream === 'payment';

/** The stream kind an event type belongs to, or null for a type this version does not know. */
export const streamKindOf = (type: string): EventStreamKind | null =>
  isLedgerEventType(type) ? EVENT_CATALOGUE[type].stream : null;

/** The idempotency key of an event (see EventCatalogueEntry), or null when a retry may not repeat it anyway. */
export function idempotencyKey(event: LedgerEvent): string | null {
  const key = entryOf(event.type).idempotencyKey as ((data: LedgerEvent['data']) => string) | null;
  return key === null ? null : key(event.data);
}

/**
 * The idempotency key of an event when the client chose it and it must not be reused on
 * another stream (a payment id, a check number, a correction id), else null.
 */
export const uniqueKeyOf = (event: LedgerEvent): string | null =>
  entryOf(event.type).uniqueAcrossStreams ? idempotencyKey(event) : null;
