/** How the application should treat a refusal; the ledger maps kinds to HTTP statuses. */
export type ErrorKind = 'not_found' | 'conflict' | 'invalid' | 'forbidden';

/** Every stable error code the domain can refuse a command with, and its kind. */
export const ERROR_KINDS = {
  // something the command names does not exist
  account_not_found: 'not_found',
  payment_order_not_found: 'not_found',
  school_not_found: 'not_found',
  unknown_card: 'not_found',
  meal_type_not_found: 'not_found',
  // the command is well-formed but the current state refuses it
  account_exists: 'conflict',
  school_exists: 'conflict',
  account_closed: 'conflict',
  balance_negative: 'conflict',
  card_blocked: 'conflict',
  card_not_active: 'conflict',
  card_exists: 'conflict',
  insufficient_funds: 'conflict',
  payment_conflict: 'conflict',
  check_conflict: 'conflict',
  correction_conflict: 'conflict',
  transfer_conflict: 'conflict',
  school_sequence_exhausted: 'conflict',
  payment_order_exists: 'conflict',
  payment_amount_mismatch: 'conflict',
  meal_type_exists: 'conflict',
  meal_type_ordered: 'conflict',
  meal_type_archived: 'conflict',
  meal_type_not_assignable: 'conflict',
  meal_type_not_orderable: 'conflict',
  meal_type_not_assigned: 'conflict',
  day_price_missing: 'conflict',
  orders_locked_after_sync: 'conflict',
  meal_order_balance: 'conflict',
  // meal orders outside the caller's edit window or class
  order_window_closed: 'forbidden',
  pupil_not_in_class: 'forbidden',
  meal_type_other_department: 'forbidden',
  // the caller may not do this here
  wrong_school: 'forbidden',
  // the command itself is malformed
  invalid_amount: 'invalid',
  top_up_amount_out_of_range: 'invalid',
  invalid_items: 'invalid',
  invalid_account_number: 'invalid',
  invalid_check_number: 'invalid',
  invalid_school_id: 'invalid',
  invalid_class_name: 'invalid',
  invalid_name: 'invalid',
  invalid_reason: 'invalid',
  invalid_id: 'invalid',
  invalid_card_uid: 'invalid',
  invalid_channel: 'invalid',
  invalid_block_reason: 'invalid',
  invalid_timestamp: 'invalid',
  implausible_date: 'invalid',
  invalid_settlement: 'invalid',
  too_many_rows: 'invalid',
  not_enough_card_uids: 'invalid',
  same_account: 'invalid',
  weak_password: 'invalid',
  invalid_meal_costs: 'invalid',
  invalid_date: 'invalid',
  invalid_status_date: 'invalid',
  conflicting_balance_settings: 'invalid',
  invalid_order_settings: 'invalid',
  not_a_dynamic_type: 'invalid',
} as const satisfies Record<string, ErrorKind>;

export type DomainErrorCode = keyof typeof ERROR_KINDS;

export const DOMAIN_ERROR_CODES = Object.keys(ERROR_KINDS) as DomainErrorCode[];

export const errorKind = (code: DomainErrorCode): ErrorKind => ERROR_KINDS[code];

export type ErrorDetails = Readonly<Record<string, string | number | boolean | null>>;

/** A command refused by a business rule. `code` is stable: clients and tests rely on it. */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly messageRu: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
  }

  get kind(): ErrorKind {
    return errorKind(this.code);
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
