/**
 * `/api/health`: the event store and both document stores answer, and how far the
 * projections lag behind the log (degraded, not down, when they are far behind: the
 * ledger still records money, only queries are stale).
 */
import { Controller, Get, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { EventStore } from '@meals/event-store';
import type { ReadModelStore } from '@meals/read-model-store';
import { readModelsPosition } from '@meals/read-models';
import type { FastifyReply } from 'fastify';
import { PublicRoute } from '../auth/access.js';
import { EVENT_STORE, IDENTITY_STORE, READ_MODELS } from '../infrastructure/tokens.js';

const CHECK_TIMEOUT_MS = 2_000;
/** events the projections may be behind before the service reports itself degraded */
export const LAG_DEGRADED_AT = 1_000;

@ApiTags('operations')
@Controller('api/health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_MODELS) private readonly readModels: ReadModelStore,
    @Inject(IDENTITY_STORE) private readonly identity: ReadModelStore,
  ) {}

  @Get()
  @PublicRoute()
  @ApiOperation({ summary: 'Liveness of the stores and the projection lag (503 when a store is down)' })
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
    try {
      return await this.health.check([
        () =>
          this.indicators
            .check('eventStore')
            .attempt(async () => {
              await this.eventStore.readStream('$health-probe', { maxCount: 1 });
            })
            .withTimeout(CHECK_TIMEOUT_MS),
        () =>
          this.indicators
            .check('readModelStore')
            .attempt(async () => {
              await readModelsPosition(this.readModels);
            })
            .withTimeout(CHECK_TIMEOUT_MS),
        () =>
          this.indicators
            .check('identityStore')
            .attempt(async () => {
              await this.identity.getCheckpoint('health-probe');
            })
            .withTimeout(CHECK_TIMEOUT_MS),
        () => this.projectionLag(),
      ]);
    } catch (error) {
      if (error instanceof ServiceUnavailableException) {
        reply.status(503);
        return error.getResponse();
      }
      throw error;
    }
  }

  private async projectionLag() {
    const indicator = this.indicators.check('projections');
    try {
      const position = await readModelsPosition(this.readModels);
      const checkpoint = position?.toString() ?? null;
      const behind = await this.eventStore.readAll({
        ...(position === null ? {} : { after: position }),
        maxCount: LAG_DEGRADED_AT,
      });
      const data = { checkpoint, lagEvents: behind.length, lagAtLeast: behind.length >= LAG_DEGRADED_AT };
      return behind.length >= LAG_DEGRADED_AT ? indicator.degraded(data) : indicator.up(data);
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
