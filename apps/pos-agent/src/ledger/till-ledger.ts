/**
 * What the till needs from the ledger. The agent depends on this port, not on the HTTP
 * client, so its tests can put a fake ledger behind it; `ledger-client-port.ts` adapts
 * `@meals/ledger-client`. Refusals arrive as LedgerApiError (4xx); anything else thrown
 * (network, timeout, 5xx) means "not reachable now".
 */
import type { CheckItem } from '../store/till-records.js';

export interface CardLookup {
  cardUid: string;
  accountNumber: string;
  fullName: string;
  className: string;
  schoolId: string;
  /** kopecks */
  balance: number;
  cardStatus: 'issued' | 'active' | 'blocked';
  /** why a blocked card is blocked, in Russian */
  blockedReason: string | null;
}

export interface OperationLine {
  /** ISO instant */
  at: string;
  description: string;
  /** signed kopecks: a top-up is positive, a check negative */
  amount: number;
  items: CheckItem[];
}

export interface AssortmentItem {
  itemId: string;
  name: string;
  price: number;
  category: string;
  active: boolean;
  favourite?: boolean;
}

export interface TillRefusal {
  checkNumber: string;
  accountNumber: string | null;
  cardUid: string;
  items: CheckItem[];
  total: number;
  soldAt: string;
  code: string;
  message: string;
}

export interface SaleToRecord {
  checkNumber: string;
  cardUid: string;
  items: CheckItem[];
  soldAt: string;
  /** a check sold offline: the ledger lets it go below zero down to the pupil's offline limit */
  offline?: boolean;
}

export interface RecordedSale {
  status: 'recorded' | 'duplicate';
  accountNumber: string;
  balance: number;
}

export interface TillLedger {
  lookupCard(cardUid: string): Promise<CardLookup>;
  recentOperations(cardUid: string, limit: number): Promise<OperationLine[]>;
  buffetAssortment(schoolId: string): Promise<AssortmentItem[]>;
  reportTillRefusal(schoolId: string, refusal: TillRefusal): Promise<void>;
  issueTemporaryPassword(accountNumber: string): Promise<{ accountNumber: string; temporaryPassword: string; expiresAt: string }>;
  recordSale(sale: SaleToRecord): Promise<RecordedSale>;
  activateCard(cardUid: string): Promise<{ accountNumber: string; cardStatus: string }>;
}
