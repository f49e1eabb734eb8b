import { DomainError } from '../domain-error.js';
import { hasHiddenCharacters } from '../hidden-characters.js';

const CALENDAR_DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** Failure texts are for staff reading the sync page: short, one line. */
export const MAX_SYNC_ERROR_LENGTH = 300;

/** A real calendar day `YYYY-MM-DD` (no 02-30). */
export function requireOrderDate(value: unknown, field = 'date'): string {
  const match = typeof value === 'string' ? CALENDAR_DATE.exec(value) : null;
  const valid =
    match !== null && Number(match[3]) <= new Date(Date.UTC(Number(match[1]), Number(match[2]), 0)).getUTCDate();
  if (!valid) {
    throw new DomainError(
      'implausible_date',
      `${field} must be a calendar date YYYY-MM-DD`,
      `Поле ${field}: нужна дата в виде ГГГГ-ММ-ДД`,
      { field },
    );
  }
  return value as string;
}

/** A positive whole number such as an order version or an attempt number. */
export function requireCount(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new DomainError(
      'invalid_id',
      `${field} must be a positive integer`,
      `Поле ${field}: нужно целое число от 1`,
      {
        field,
      },
    );
  }
  return value;
}

/** The failure text as recorded: whitespace collapsed, hidden characters dropped, cut to a line. */
export function syncErrorText(value: string): string {
  const text = [...value.replace(/\s+/g, ' ').trim()].filter((ch) => !hasHiddenCharacters(ch)).join('');
  const oneLine = text.length === 0 ? 'unknown error' : text;
  return oneLine.length > MAX_SYNC_ERROR_LENGTH ? `${oneLine.slice(0, MAX_SYNC_ERROR_LENGTH - 1)}…` : oneLine;
}
