import { DomainError } from '../domain-error.js';
import { hasHiddenCharacters } from '../hidden-characters.js';

/** Failure texts are for staff reading the sync page: short, one line. */
export const MAX_SYNC_ERROR_LENGTH = 300;

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
