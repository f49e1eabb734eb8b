/**
 * Checks on command input shared by both aggregates. Each returns the value in its
 * normalized form or throws an 'invalid_*' DomainError naming the field.
 */
import { isValidAccountNumber } from './account-number.js';
import { normalizeClassName } from './class-name.js';
import { DomainError } from './domain-error.js';
import { hasHiddenCharacters } from './hidden-characters.js';
import { isIsoInstant } from './iso-instant.js';
import type { Kopecks } from './money.js';
import { normalizeFullName } from './pupil-key.js';
import { isValidSchoolId } from './school-id.js';

export const MAX_ID_LENGTH = 128;
export const MAX_NAME_LENGTH = 200;
export const MAX_REASON_LENGTH = 500;
/** 10 million roubles: far above any real payment, and keeps every sum a safe integer. */
export const MAX_AMOUNT: Kopecks = 1_000_000_000;

const CARD_UID = /^[0-9A-Za-z:_-]{1,64}$/;

export function requireId(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_ID_LENGTH || hasHiddenCharacters(value)) {
    throw new DomainError(
      'invalid_id',
      `${field} must be 1..${MAX_ID_LENGTH} printable characters`,
      `Поле ${field}: нужен идентификатор из 1–${MAX_ID_LENGTH} печатных символов`,
      { field },
    );
  }
  return value;
}

/** Free text staff give as a reason; trimmed. */
export function requireReason(value: unknown, field = 'reason'): string {
  const reason = typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
  if (reason.length === 0 || reason.length > MAX_REASON_LENGTH || hasHiddenCharacters(reason)) {
    throw new DomainError(
      'invalid_reason',
      `${field} must be 1..${MAX_REASON_LENGTH} characters, none of them control or invisible`,
      `Укажите причину (1–${MAX_REASON_LENGTH} символов, без управляющих и невидимых)`,
      { field },
    );
  }
  return reason;
}

/** A person's or an item's name; whitespace collapsed, case kept. */
export function requireName(value: unknown, field: string, row?: number): string {
  const name = typeof value === 'string' ? normalizeFullName(value) : '';
  if (name.length === 0 || name.length > MAX_NAME_LENGTH || hasHiddenCharacters(name)) {
    throw new DomainError(
      'invalid_name',
      `${field} must be 1..${MAX_NAME_LENGTH} characters, none of them control or invisible${row === undefined ? '' : ` (row ${row})`}`,
      `Поле ${field}: нужно от 1 до ${MAX_NAME_LENGTH} символов без управляющих и невидимых${row === undefined ? '' : ` (строка ${row})`}`,
      row === undefined ? { field } : { field, row },
    );
  }
  return name;
}

export function requireClassName(value: unknown, field = 'className', row?: number): string {
  const className = normalizeClassName(value);
  if (className === null) {
    throw new DomainError(
      'invalid_class_name',
      `${field} is not a class like 03Б${row === undefined ? '' : ` (row ${row})`}`,
      `Класс указан неверно, нужен вид 03Б${row === undefined ? '' : ` (строка ${row})`}`,
      row === undefined ? { field } : { field, row },
    );
  }
  return className;
}

export function requireSchoolId(value: unknown, field = 'schoolId'): string {
  if (!isValidSchoolId(value)) {
    throw new DomainError(
      'invalid_school_id',
      `${field} must be a school number of 1-3 digits without leading zeros`,
      'Номер школы: 1–3 цифры без ведущих нулей',
      { field },
    );
  }
  return value;
}

export function requireAccountNumber(value: unknown, field = 'accountNumber'): string {
  if (!isValidAccountNumber(value)) {
    throw new DomainError(
      'invalid_account_number',
      `${field} is not a valid 10-digit account number (check digit mismatch or wrong length)`,
      'Неверный номер лицевого счёта: проверьте все 10 цифр',
      { field },
    );
  }
  return value;
}

export function requireCardUid(value: unknown, field = 'cardUid'): string {
  if (typeof value !== 'string' || !CARD_UID.test(value)) {
    throw new DomainError(
      'invalid_card_uid',
      `${field} must be 1..64 letters, digits, ':', '_' or '-'`,
      'Неверный идентификатор карты',
      { field },
    );
  }
  return value;
}

function invalidAmount(field: string, rule: string, ruleRu: string): DomainError {
  return new DomainError('invalid_amount', `${field} must be ${rule}`, `Сумма (${field}) должна быть ${ruleRu}`, {
    field,
  });
}

/** A whole number of kopecks, 1..max (MAX_AMOUNT unless said otherwise). */
export function requirePositiveAmount(value: unknown, field = 'amount', max: Kopecks = MAX_AMOUNT): Kopecks {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0 || value > max) {
    throw invalidAmount(field, `an integer number of kopecks from 1 to ${max}`, `целым числом копеек от 1 до ${max}`);
  }
  return value;
}

/** A whole number of kopecks, non-zero, |amount| <= MAX_AMOUNT; the sign says credit or debit. */
export function requireNonZeroAmount(value: unknown, field = 'amount'): Kopecks {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value === 0 || Math.abs(value) > MAX_AMOUNT) {
    throw invalidAmount(
      field,
      `a non-zero integer number of kopecks within ±${MAX_AMOUNT}`,
      `ненулевым целым числом копеек в пределах ±${MAX_AMOUNT}`,
    );
  }
  return value;
}

export function requireIsoInstant(value: unknown, field: string): string {
  if (!isIsoInstant(value)) {
    throw new DomainError(
      'invalid_timestamp',
      `${field} must be an ISO-8601 instant with an offset, e.g. 2024-01-18T09:30:00+03:00`,
      `Поле ${field}: нужны дата и время с часовым поясом, например 2024-01-18T09:30:00+03:00`,
      { field },
    );
  }
  return value;
}
