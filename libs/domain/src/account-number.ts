import { dammCheckDigit, hasValidDammCheckDigit } from './damm.js';
import { schoolCode } from './school-id.js';

/** 3-digit school code + 6-digit sequence + 1 check digit. */
const ACCOUNT_NUMBER = /^\d{10}$/;
export const MAX_ACCOUNT_SEQUENCE = 999_999;

/** `makeAccountNumber('24', 201313)` → `024201313` + check digit. */
export function makeAccountNumber(schoolId: string, seq: number): string {
  if (!Number.isSafeInteger(seq) || seq < 1 || seq > MAX_ACCOUNT_SEQUENCE) {
    throw new RangeError(`account sequence out of range 1..${MAX_ACCOUNT_SEQUENCE}: ${seq}`);
  }
  const payload = schoolCode(schoolId) + String(seq).padStart(6, '0');
  return payload + String(dammCheckDigit(payload));
}

/** Catches every mistyped digit and every swap of two adjacent digits. */
export function isValidAccountNumber(value: unknown): value is string {
  return typeof value === 'string' && ACCOUNT_NUMBER.test(value) && hasValidDammCheckDigit(value);
}

/** The 3-digit school code an account number was issued under (`024…` → `024`). */
export const accountNumberSchoolCode = (accountNumber: string): string => accountNumber.slice(0, 3);
