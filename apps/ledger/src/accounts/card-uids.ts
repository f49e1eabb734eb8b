/** Uids of the cards the ledger issues: 7 random bytes in upper-case hex, like a MIFARE card's UID. */
import { randomBytes } from 'node:crypto';

export const newCardUid = (): string => randomBytes(7).toString('hex').toUpperCase();

export const newCardUids = (count: number): string[] => Array.from({ length: count }, newCardUid);
