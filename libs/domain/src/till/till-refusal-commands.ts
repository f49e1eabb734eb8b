import type { SaleItemInput } from '../account/account-commands.js';
import type { Kopecks } from '../money.js';

/** A till reports an offline check the ledger refused on sync; the app loads `till-refusals-<tillSchoolId>`. */
export interface ReportTillRefusal {
  type: 'ReportTillRefusal';
  /** the till's school and id come from its key */
  tillSchoolId: string;
  tillId: string;
  checkNumber: string;
  cardUid: string;
  accountNumber: string | null;
  items: SaleItemInput[];
  /** the till's sum of the items: must match them */
  total: Kopecks;
  soldAt: string;
  refusalCode: string;
  refusalMessage: string;
}

export type TillRefusalCommand = ReportTillRefusal;
