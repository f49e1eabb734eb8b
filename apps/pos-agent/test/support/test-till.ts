/** A till agent in this process, on a temp directory, against a given ledger (usually the fake). */
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { TillLedger } from '../../src/ledger/till-ledger.js';
import { createLogger } from '../../src/logger.js';
import { startTill, type RunningTill } from '../../src/start-till.js';
import type { SerialConfig, TillConfig } from '../../src/till-config.js';

export interface TestTill extends RunningTill {
  post(path: string, body: unknown): Promise<{ status: number; body: any }>;
  logs: string[];
}

export async function startTestTill(options: {
  dataDir: string;
  ledger: TillLedger;
  reader?: SerialConfig | null;
  printer?: SerialConfig | null;
  saleWaitMs?: number;
  offlineLimitKopecks?: number;
  demoCards?: { cardUid: string; label: string }[];
}): Promise<TestTill> {
  const config: TillConfig = {
    ledgerUrl: 'http://127.0.0.1:9',
    apiKey: 'test-key',
    schoolId: '24',
    schoolName: 'Школа №24',
    tillId: '24-01',
    host: '127.0.0.1',
    port: 0,
    dataDir: options.dataDir,
    receiptsDir: join(options.dataDir, 'receipts'),
    reader: options.reader ?? null,
    printer: options.printer ?? null,
    printerColumns: 42,
    offlineLimitKopecks: options.offlineLimitKopecks ?? 30_000,
    firstCheckSeq: 1,
    ledgerTimeoutMs: 1_000,
    saleWaitMs: options.saleWaitMs ?? 1_000,
    cabinetUrl: 'http://localhost:3001',
    timeZone: 'Europe/Moscow',
    logLevel: 'info',
  };
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const till = await startTill(config, createLogger('info', sink), {
    ledger: options.ledger,
    ...(options.demoCards ? { demoCards: options.demoCards } : {}),
  });
  return {
    ...till,
    logs,
    post: async (path, body) => {
      const response = await fetch(till.url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    },
  };
}
