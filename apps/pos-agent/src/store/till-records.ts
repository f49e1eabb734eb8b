/** What the till keeps about checks and cards. */
export interface CheckItem {
  name: string;
  qty: number;
  /** kopecks per unit */
  price: number;
}

/** pending: to deliver; delivered: the ledger has it; declined: refused while the cashier waited (no sale); refused: an offline check the ledger refused later (reported to staff) */
export type CheckState = 'pending' | 'delivered' | 'declined' | 'refused';

export interface QueuedCheck {
  seq: number;
  checkNumber: string;
  cardUid: string;
  accountNumber: string | null;
  fullName: string | null;
  items: CheckItem[];
  total: number;
  soldAt: string;
  offline: boolean;
  state: CheckState;
  /** the ledger's balance after this check once delivered, the till's estimate before */
  balanceAfter: number | null;
  attempts: number;
  lastError: string | null;
  refusal: { code: string; message: string } | null;
  refusalReported: boolean;
  printed: boolean;
}

export interface CachedCard {
  cardUid: string;
  accountNumber: string;
  fullName: string;
  className: string;
  schoolId: string;
  /** the ledger's balance when last asked (kopecks) */
  balance: number;
  cardStatus: 'issued' | 'active' | 'blocked';
  /** lost, stolen or damaged when blocked */
  blockReason: string | null;
  accountStatus: 'open' | 'closed';
  /** kopecks below zero the ledger lets this pupil's offline checks go */
  offlineLimit: number;
  updatedAt: string;
  /** queued offline checks of this card, not yet in `balance` */
  offlineSpent: number;
}
