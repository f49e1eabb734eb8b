/**
 * Temporary passwords for the cabinet: 10 characters from an alphabet without look-alikes
 * (the parent types it from a receipt), with letters and digits both.
 */
import { randomInt } from 'node:crypto';

const LETTERS = 'abcdefghjkmnpqrstuvwxyz';
const DIGITS = '23456789';
const ALPHABET = LETTERS + DIGITS;
const LENGTH = 10;

export const TEMPORARY_PASSWORD_TTL_MS = 24 * 60 * 60 * 1000;

export function generateTemporaryPassword(): string {
  for (;;) {
    let password = '';
    for (let i = 0; i < LENGTH; i++) password += ALPHABET[randomInt(ALPHABET.length)];
    if (/[a-z]/.test(password) && /\d/.test(password)) return password;
  }
}
