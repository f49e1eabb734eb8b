/**
 * The agent's configuration, from the environment. The till key is a secret: it is kept
 * here and handed to the ledger client only, never logged (see logger.ts).
 */
import { join, resolve } from 'node:path';

export interface SerialConfig {
  path: string;
  baudRate: number;
}

export interface TillConfig {
  ledgerUrl: string;
  apiKey: string;
  schoolId: string;
  schoolName: string;
  tillId: string;
  /** the till screen: always loopback */
  host: '127.0.0.1';
  port: number;
  /** the till's own SQLite file goes here */
  dataDir: string;
  /** the simulated printer's receipts: `$DATA_DIR/receipts/` */
  receiptsDir: string;
  /** null: the simulated reader (card picker on screen) */
  reader: SerialConfig | null;
  /** null: the simulated printer (screen + `$DATA_DIR/receipts/`) */
  printer: SerialConfig | null;
  printerColumns: number;
  /** how far below zero (kopecks) a pupil may go while the till is offline */
  offlineLimitKopecks: number;
  /** the first check sequence number of a fresh till */
  firstCheckSeq: number;
  /** a ledger call taking longer counts as "not reachable" (ms) */
  ledgerTimeoutMs: number;
  /** how long a sale waits for the ledger before it is completed offline (ms) */
  saleWaitMs: number;
  cabinetUrl: string;
  timeZone: string;
  logLevel: string;
}

export class TillConfigError extends Error {
  override name = 'TillConfigError';
}

export function readTillConfig(env: NodeJS.ProcessEnv): TillConfig {
  const required = (name: string): string => {
    const value = env[name]?.trim();
    if (!value) throw new TillConfigError(`${name} is required`);
    return value;
  };
  const integer = (name: string, fallback: number, min = 0): number => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < min)
      throw new TillConfigError(`${name} must be an integer ≥ ${min}, got "${raw}"`);
    return value;
  };
  const serial = (prefix: 'TILL_READER' | 'TILL_PRINTER'): SerialConfig | null => {
    const path = env[`${prefix}_PATH`]?.trim();
    return path ? { path, baudRate: integer(`${prefix}_BAUD`, 9600, 1) } : null;
  };
  const schoolId = required('TILL_SCHOOL_ID');
  if (!/^[1-9]\d{0,2}$/.test(schoolId)) throw new TillConfigError('TILL_SCHOOL_ID must be a school number like 24');
  const dataDir = resolve(env['DATA_DIR'] ?? 'data');
  return {
    ledgerUrl: (env['LEDGER_URL'] ?? 'http://127.0.0.1:3000').replace(/\/+$/, ''),
    apiKey: required('TILL_API_KEY'),
    schoolId,
    schoolName: env['TILL_SCHOOL_NAME']?.trim() || `Школа №${schoolId}`,
    tillId: env['TILL_ID']?.trim() || `${schoolId}-01`,
    host: '127.0.0.1',
    port: integer('TILL_PORT', 3002),
    dataDir: env['TILL_DATA_DIR'] ? resolve(env['TILL_DATA_DIR']) : join(dataDir, 'till'),
    receiptsDir: join(dataDir, 'receipts'),
    reader: serial('TILL_READER'),
    printer: serial('TILL_PRINTER'),
    printerColumns: integer('TILL_PRINTER_COLUMNS', 42, 24),
    offlineLimitKopecks: integer('TILL_OFFLINE_LIMIT_KOPECKS', 30_000),
    firstCheckSeq: integer('TILL_FIRST_CHECK_SEQ', 1, 1),
    ledgerTimeoutMs: integer('TILL_LEDGER_TIMEOUT_MS', 3_000, 100),
    saleWaitMs: integer('TILL_SALE_WAIT_MS', 3_000, 100),
    cabinetUrl: env['TILL_CABINET_URL']?.trim() || env['WEB_BASE_URL']?.trim() || 'http://localhost:3001',
    timeZone: env['TILL_TIME_ZONE']?.trim() || 'Europe/Moscow',
    logLevel: env['LOG_LEVEL'] ?? 'info',
  };
}
