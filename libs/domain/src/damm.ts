/**
 * Damm check digit. Chosen over Luhn because Luhn misses the adjacent swap 09↔90, while
 * Damm catches every single-digit error and every adjacent transposition.
 */
const DAMM_TABLE: readonly (readonly number[])[] = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

function dammInterim(digits: string): number {
  let interim = 0;
  for (let i = 0; i < digits.length; i++) {
    interim = DAMM_TABLE[interim]![digits.charCodeAt(i) - 48]!;
  }
  return interim;
}

/** The digit to append to `digits` (a string of 0-9). */
export const dammCheckDigit = (digits: string): number => dammInterim(digits);

/** True when `digits` ends with its correct Damm check digit. */
export const hasValidDammCheckDigit = (digits: string): boolean => dammInterim(digits) === 0;
