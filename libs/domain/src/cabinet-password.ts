/**
 * The parents' cabinet password rule: at least 8 characters, letters and digits both, and
 * not containing the account number (printed on receipts and cards, so never a secret).
 */
import { DomainError } from './domain-error.js';

export const CABINET_PASSWORD_MIN_LENGTH = 8;
export const CABINET_PASSWORD_MAX_LENGTH = 128;

export const CABINET_PASSWORD_RULE_RU =
  'Пароль должен содержать не менее 8 символов, буквы и цифры и не должен содержать номер лицевого счёта';

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;
const CONTROL = /[\p{Cc}\p{Cf}]/u;

/** Why the password is too weak (English), or null when it follows the rule. */
export function cabinetPasswordProblem(password: string, accountNumber: string): string | null {
  const length = [...password].length;
  if (length < CABINET_PASSWORD_MIN_LENGTH) return `at least ${CABINET_PASSWORD_MIN_LENGTH} characters`;
  if (length > CABINET_PASSWORD_MAX_LENGTH) return `at most ${CABINET_PASSWORD_MAX_LENGTH} characters`;
  if (CONTROL.test(password)) return 'no control or invisible characters';
  if (!LETTER.test(password) || !DIGIT.test(password)) return 'letters and digits both';
  if (password.includes(accountNumber)) return 'must not contain the account number';
  return null;
}

/** Throws weak_password (400, with the rule in Russian) unless the password follows the rule. */
export function assertCabinetPassword(password: string, accountNumber: string): void {
  const problem = cabinetPasswordProblem(password, accountNumber);
  if (problem === null) return;
  throw new DomainError('weak_password', `The password is too weak: ${problem}`, CABINET_PASSWORD_RULE_RU, {
    rule: problem,
  });
}
