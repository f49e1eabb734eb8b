import { mkdirSync } from 'node:fs';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '@meals/event-store';
import { createEventStore } from '@meals/event-store/create';
import type { ReadModelStore } from '@meals/read-model-store';
import { createReadModelStore } from '@meals/read-model-store/create';
import type { Logger } from 'pino';
import type { ProjectionsConfig } from '../config.js';
import { startProjections, type ProjectionsHandle } from '../runner/projection-runner.js';

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
    this.readModels = await createReadModelStore(config.readModels);
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
