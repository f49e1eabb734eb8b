/**
 * The projections service (`node apps/projections/dist/main.js`): a NestJS standalone
 * application context that follows the event log and keeps the read models current.
 * Configuration from the environment (see config.ts). SIGTERM/SIGINT commit what was
 * received, stop the subscription and close the stores.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit } from '@meals/runtime-config';
import { loadProjectionsConfig } from './config.js';
import { createLogger, NestPinoLogger } from './service/logger.js';
import { ProjectionsModule } from './service/projections.module.js';

async function main(): Promise<void> {
  const config = loadConfigOrExit(() => loadProjectionsConfig());
  const logger = createLogger(config.logLevel, 'projections');
  const app = await NestFactory.createApplicationContext(ProjectionsModule.forRoot(config, logger), {
    logger: new NestPinoLogger(logger),
  });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  await app.init();
}

main().catch((error: unknown) => {
  process.stderr.write(
    `projections failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
