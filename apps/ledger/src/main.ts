/**
 * The ledger HTTP service. Configuration comes from the environment (see
 * config/ledger-config.ts); projections run in their own process.
 */
import 'reflect-metadata';
import { loadConfigOrExit, openLogDestination } from '@meals/runtime-config';
import { createLedgerApp } from './create-app.js';
import { loadLedgerConfig } from './config/ledger-config.js';
import { resolveTokenSecret } from './config/token-secret.js';
import { loginAttemptCounters } from './identity/login-attempt-counters.js';
import { openLedgerStores } from './infrastructure/open-stores.js';
import { createMailer } from './mail/mailer.js';
import { jobsSettingsFrom } from './jobs/jobs-settings-from-config.js';
import { createLogger } from './observability/logger.js';
import { LedgerMetrics } from './observability/metrics.js';
import { paymentSettingsFrom, sendSandboxCallbacksTo } from './payments/payment-settings-from-config.js';

async function main(): Promise<void> {
  const { config, payments } = loadConfigOrExit(() => {
    const loaded = loadLedgerConfig();
    const resolved = { ...loaded, tokenSecret: resolveTokenSecret(loaded) };
    return { config: resolved, payments: paymentSettingsFrom(resolved) };
  });
  const metrics = new LedgerMetrics({ defaultMetrics: true });
  const logger = createLogger(
    config.logLevel,
    openLogDestination({ service: 'ledger', onDrop: () => metrics.logLinesDropped.inc() }),
  );
  const stores = await openLedgerStores(config);
  const loginAttempts = loginAttemptCounters(config.redisUrl, logger);
  const app = await createLedgerApp({
    ...stores,
    logger,
    loginAttempts: loginAttempts.counters,
    parentLoginAttempts: loginAttempts.parents,
    mailer: createMailer({ smtpUrl: config.smtpUrl, dataDir: config.dataDir, from: config.mailFrom }),
    metrics,
    settings: {
      tokenSecret: config.tokenSecret ?? '',
      runTransferReconciler: true,
      accountPolicy: config.accountPolicy,
      dataDir: config.dataDir,
      webBaseUrl: config.webBaseUrl,
    },
    payments,
    jobs: { settings: jobsSettingsFrom(config) },
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'ledger stopping');
    await app.close();
    await stores.close();
    await loginAttempts.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = `http://${config.host}:${port}`;
  sendSandboxCallbacksTo(payments.gateway, base);
  logger.info({ url: `${base}/api`, docs: `${base}/api/docs`, metrics: `${base}/metrics` }, 'ledger listening');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `ledger failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
