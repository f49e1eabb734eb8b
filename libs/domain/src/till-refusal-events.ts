/**
 * Checks a till sold offline that the ledger refused when they were synced (funds, a
 * blocked card…), reported by the till so that school staff see them: stream
 * `till-refusals-<schoolId>`. The check was handed over already; staff settle it by hand.
 */
import type { CheckItem } from './events.js';
import type { Kopecks } from './money.js';

export interface TillRefusalReported {
  type: 'till.refusal-reported.v1';
  data: {
    schoolId: string;
    tillId: string;
    checkNumber: string;
    cardUid: string;
    /** the account the till knew for the card (null when it knew none) */
    accountNumber: string | null;
    items: CheckItem[];
    total: Kopecks;
    soldAt: string;
    /** the ledger's error code, e.g. `insufficient_funds` */
    refusalCode: string;
    refusalMessage: string;
  };
}

export type TillRefusalEvent = TillRefusalReported;

export const tillRefusalsStreamId = (schoolId: string): string => `till-refusals-${schoolId}`;
