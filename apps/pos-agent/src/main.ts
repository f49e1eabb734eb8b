/** The till agent process: configuration from the environment, one line with the screen's URL on stdout. */
import { readFileSync } from 'node:fs';
import { createLogger } from './logger.js';
import { startTill } from './start-till.js';
import { readTillConfig, TillConfigError } from './till-config.js';

let config;
try {
  config = readTillConfig(process.env);
} catch (error) {
  if (error instanceof TillConfigError) {
    process.stderr.write(`pos-agent: ${error.message}\n`);
    process.exit(64);
  }
  throw error;
}
const log = createLogger(config.logLevel);
const demoCards = process.env['TILL_DEMO_CARDS_FILE']
  ? (JSON.parse(readFileSync(process.env['TILL_DEMO_CARDS_FILE'], 'utf8')) as { cardUid: string; label: string }[])
  : undefined;
const till = await startTill(config, log, demoCards ? { demoCards } : {});
process.stdout.write(`TILL_URL=${till.url}\n`);

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  await till.stop();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
