/**
 * Starts a till from its configuration: serial devices when paths are configured, the
 * simulated reader and printer otherwise; the ledger client with the till key; the agent
 * and its screen on 127.0.0.1.
 */
import { LedgerClient } from '@meals/ledger-client';
import type { Logger } from 'pino';
import { SerialCardReader, SimulatedCardReader, type CardReader } from './devices/card-reader.js';
import { SerialReceiptPrinter, SimulatedReceiptPrinter, type ReceiptPrinter } from './devices/receipt-printer.js';
import { startTillServer } from './http/till-server.js';
import type { TillLedger } from './ledger/till-ledger.js';
import { TillAgent } from './till-agent.js';
import type { TillConfig } from './till-config.js';

export interface RunningTill {
  agent: TillAgent;
  url: string;
  stop(): Promise<void>;
}

export async function startTill(
  config: TillConfig,
  log: Logger,
  overrides: { ledger?: TillLedger; demoCards?: { cardUid: string; label: string }[] } = {},
): Promise<RunningTill> {
  const reader: CardReader = config.reader ? new SerialCardReader(config.reader) : new SimulatedCardReader();
  const printer: ReceiptPrinter = config.printer
    ? new SerialReceiptPrinter(config.printer, config.printerColumns)
    : new SimulatedReceiptPrinter(config.receiptsDir, config.printerColumns);
  const ledger =
    overrides.ledger ??
    new LedgerClient({ baseUrl: config.ledgerUrl, token: config.apiKey, timeoutMs: config.ledgerTimeoutMs });
  const agent = new TillAgent({
    till: {
      schoolId: config.schoolId,
      schoolName: config.schoolName,
      tillId: config.tillId,
      cabinetUrl: config.cabinetUrl,
      timeZone: config.timeZone,
    },
    dataDir: config.dataDir,
    ledger,
    reader,
    printer,
    log,
    offlineLimitKopecks: config.offlineLimitKopecks,
    firstCheckSeq: config.firstCheckSeq,
    saleWaitMs: config.saleWaitMs,
  });
  await agent.start();
  const server = await startTillServer({
    agent,
    port: config.port,
    simulatedReader: config.reader === null,
    ...(overrides.demoCards ? { demoCards: overrides.demoCards } : {}),
  });
  log.info(
    { url: server.url, reader: config.reader?.path ?? 'simulated', printer: config.printer?.path ?? 'simulated' },
    'till screen ready',
  );
  return {
    agent,
    url: server.url,
    stop: async () => {
      await server.close();
      await agent.stop();
    },
  };
}
