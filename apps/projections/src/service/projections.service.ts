import { mkdirSync } from 'node:fs';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { StorageFullError, type EventStore } from '@meals/event-store';
import { createEventStore } from '@meals/event-store/create';
import type { ReadModelStore } from '@meals/read-model-store';
import { createReadModelStore } from '@meals/read-model-store/create';
import { isStorageFullCause } from '@meals/sqlite-support';
import type { Logger } from 'pino';
import type { ProjectionsConfig } from '../config.js';
import { startProjections, type ProjectionsHandle } from '../runner/projection-runner.js';

const OPEN_RETRY_MIN_MS = 500;
const OPEN_RETRY_MAX_MS = 30_000;

export const PROJECTIONS_CONFIG = Symbol('PROJECTIONS_CONFIG');
export const LOGGER = Symbol('LOGGER');

/** Opens the configured stores and keeps the read models up to date until shutdown. */
@Injectable()
export class ProjectionsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private eventStore: EventStore | undefined;
  private readModels: ReadModelStore | undefined;
  private projections: ProjectionsHandle | undefined;

  constructor(
    @Inject(PROJECTIONS_CONFIG) private readonly config: ProjectionsConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { config } = this;
    if (config.eventStore.kind === 'sqlite' || config.readModels.kind === 'sqlite') {
      mkdirSync(config.dataDir, { recursive: true });
    }
    this.eventStore = await createEventStore(config.eventStore);
    this.readModels = await this.whileStorageFull(() => createReadModelStore(config.readModels));
    this.projections = await startProjections({
      eventStore: this.eventStore,
      readModels: this.readModels,
      timeZone: config.timeZone,
      batchSize: config.batchSize,
      logger: this.logger,
    });
    this.logger.info(
      { eventStore: config.eventStore.kind, readModels: config.readModels.kind, position: this.position() },
      'projections running',
    );
  }

  /**
   * Opening the read models writes (schema, WAL): on a full disk it waits with backoff for
   * space, logging once, instead of exiting into a restart loop.
   */
  private async whileStorageFull<T>(open: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await open();
      } catch (error) {
        if (!(error instanceof StorageFullError) && !isStorageFullCause(error)) throw error;
        const retryMs = Math.min(OPEN_RETRY_MIN_MS * 2 ** attempt, OPEN_RETRY_MAX_MS);
        if (attempt === 0)
          this.logger.error({ err: error, retryMs }, 'the disk is full; waiting for space to open the read models');
        await new Promise((resolve) => setTimeout(resolve, retryMs));
      }
    }
  }

  position(): string | null {
    return this.projections?.position()?.toString() ?? null;
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    this.logger.info({ signal }, 'projections shutting down');
    await this.projections?.stop();
    await Promise.allSettled([this.eventStore?.close(), this.readModels?.close()]);
    this.logger.info('stores closed');
  }
}
