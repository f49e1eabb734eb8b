import type { AccountPolicy } from '@meals/domain';

/** Injection tokens of the ledger's runtime dependencies (opened outside Nest, passed in). */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const READ_MODELS = Symbol('READ_MODELS');
export const IDENTITY_STORE = Symbol('IDENTITY_STORE');
export const LEDGER_SETTINGS = Symbol('LEDGER_SETTINGS');
export const LOGGER = Symbol('LOGGER');
export const CLOCK = Symbol('CLOCK');
export const MAILER = Symbol('MAILER');

/** The server clock; injectable so tests can move time (login lockout, token expiry). */
export type Clock = () => Date;

/** What the app needs from the configuration once the stores are open. */
export interface LedgerSettings {
  tokenSecret: string;
  /** complete transfers whose transferred-in is missing (on in the HTTP service) */
  runTransferReconciler: boolean;
  /** mail parents whose balance fell below their threshold (on in the HTTP service; off when left out) */
  runLowBalanceAlerts?: boolean;
  /** overdraft and date plausibility limits (configured: LedgerConfig.accountPolicy); domain defaults when left out */
  accountPolicy?: AccountPolicy;
  /** the data directory of the embedded profile: health watches its free space and start-up marker */
  dataDir?: string;
  /** the parents' cabinet (links in mails); DEFAULT_WEB_BASE_URL when left out */
  webBaseUrl?: string;
}

/** Where the parents' cabinet is when nothing says otherwise (`npm start`'s web app). */
export const DEFAULT_WEB_BASE_URL = 'http://localhost:3001';
