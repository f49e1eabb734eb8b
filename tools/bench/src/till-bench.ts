/**
 * The canteen till as a queue of children meets it, through its real devices (socat pty
 * pairs) and the bench system's ledger:
 * - `tillSaleP95Ms`: a card line written into the reader's pty → the card on the till screen
 *   (the ledger asked) → «Оплатить» → the last byte of the receipt read from the printer's pty;
 * - `tillOfflineSyncPerSec`: checks sold while the link to the ledger was cut, delivered per
 *   second once it is back (in order, each once).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { addDemoBuffet } from '@meals/demo';
import { freePort, openSerialEnd, startSerialCable, startTillProcess } from '@meals/launcher';
import { LedgerClient } from '@meals/ledger-client';
import { startCuttingProxy } from './cutting-proxy.js';
import { elapsedMs, percentile, roundTo } from './percentile.js';
import { followTillScreen } from './till-screen-events.js';

export interface TillBenchOptions {
  repoRoot: string;
  dataDir: string;
  /** the ledger */
  baseUrl: string;
  adminToken: string;
  tillToken: string;
  schoolId: string;
  tillId: string;
  /** activated, funded cards of the school */
  cardUids: string[];
  sales?: number;
  warmup?: number;
  offlineChecks?: number;
  log?: (line: string) => void;
}

export interface TillBenchResult {
  tillSaleP95Ms: number;
  tillOfflineSyncPerSec: number;
}

/** the encoder's last bytes of every receipt: partial cut (GS V 1), then CR LF */
const RECEIPT_END = Buffer.from([0x1d, 0x56, 0x01, 0x0a, 0x0d]);
const BASKET = [{ itemId: 'pizza-125', qty: 1 }];

export async function runTillBench(options: TillBenchOptions): Promise<TillBenchResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const sales = options.sales ?? 200;
  const warmup = options.warmup ?? 20;
  if (options.cardUids.length < sales + warmup) throw new RangeError(`need ${sales + warmup} cards`);
  await addDemoBuffet(new LedgerClient({ baseUrl: options.baseUrl, token: options.adminToken }), options.schoolId);
  const cablesDir = join(options.dataDir, 'till-cables');
  mkdirSync(cablesDir, { recursive: true });
  const readerCable = await startSerialCable(cablesDir, 'reader');
  const printerCable = await startSerialCable(cablesDir, 'printer');
  const proxy = await startCuttingProxy(options.baseUrl);
  const till = await startTillProcess({
    repoRoot: options.repoRoot,
    dataDir: options.dataDir,
    port: await freePort(),
    ledgerUrl: proxy.url,
    apiKey: options.tillToken,
    schoolId: options.schoolId,
    tillId: options.tillId,
    env: {
      LOG_LEVEL: 'warn',
      TILL_DATA_DIR: join(options.dataDir, 'till'),
      TILL_READER_PATH: readerCable.devicePath,
      TILL_PRINTER_PATH: printerCable.devicePath,
      TILL_PRINTER_BAUD: '115200',
      // the HTTP sales bench numbers this school's checks from 1
      TILL_FIRST_CHECK_SEQ: '900001',
    },
    say: log,
    logName: 'till-bench.log',
  });
  const reader = await openSerialEnd(readerCable.otherPath);
  const printer = await openSerialEnd(printerCable.otherPath);
  const screen = await followTillScreen(till.url);
  const sell = async (cardUid: string) => {
    const response = await fetch(`${till.url}/api/sale`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cardUid, items: BASKET }),
    });
    const answer = (await response.json()) as { ok: boolean; offline?: boolean; message?: string };
    if (!answer.ok) throw new Error(`till refused a bench sale: ${answer.message}`);
    return answer;
  };
  try {
    // the buffet is a read model of the ledger: the till sells once it has fetched it
    for (let tries = 0; ; tries++) {
      const view = (await (await fetch(`${till.url}/api/assortment`)).json()) as { items: unknown[] };
      if (view.items.length > 0) break;
      if (tries > 300) throw new Error('the till never got the buffet assortment');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const samples: number[] = [];
    for (let i = 0; i < warmup + sales; i++) {
      const cardUid = options.cardUids[i]!;
      printer.clear();
      const started = process.hrtime.bigint();
      await reader.write(`${cardUid}\r\n`);
      await screen.until((state) => state.card?.cardUid === cardUid && state.card.source === 'ledger');
      const answer = await sell(cardUid);
      await printer.waitFor(RECEIPT_END);
      if (i >= warmup) samples.push(elapsedMs(started, process.hrtime.bigint()));
      if (answer.offline) throw new Error('a bench sale went offline: the ledger did not answer in time');
    }
    const tillSaleP95Ms = roundTo(percentile(samples, 95), 2);
    log(
      `  till: ${sales} sales card line → last receipt byte, p50 ${roundTo(percentile(samples, 50), 2)} ms, p95 ${tillSaleP95Ms} ms`,
    );

    const offline = options.offlineChecks ?? 2_000;
    proxy.cut();
    const known = options.cardUids.slice(0, warmup + sales);
    for (let i = 0; i < offline; i++) await sell(known[i % known.length]!);
    await screen.until((state) => !state.link.online && state.link.queued === offline);
    proxy.restore();
    // the next card read finds the ledger back and starts the delivery at once (rather than
    // the till's next retry after its backoff pause): timed from here to an empty queue
    const started = process.hrtime.bigint();
    await fetch(`${till.url}/api/card`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cardUid: known[0] }),
    });
    await screen.until((state) => state.link.queued === 0, 120_000);
    const seconds = elapsedMs(started, process.hrtime.bigint()) / 1000;
    const tillOfflineSyncPerSec = roundTo(offline / seconds, 1);
    log(
      `  till: ${offline} queued checks delivered in ${roundTo(seconds, 2)} s after the cut (${tillOfflineSyncPerSec}/s)`,
    );
    return { tillSaleP95Ms, tillOfflineSyncPerSec };
  } finally {
    screen.close();
    await reader.close();
    await printer.close();
    await till.service.stop();
    await proxy.close();
    await readerCable.stop();
    await printerCable.stop();
  }
}
