/**
 * `/api/health`, for people and launchers alike:
 * - `starting` (503) while the launcher prepares the system (e.g. seeds the demo city; a
 *   marker file in the data directory says why): nothing should trust it yet;
 * - `error` (503) when a store does not answer;
 * - `degraded` (200) when the ledger serves but something is impaired: the projections
 *   are far behind (queries are stale) or the disk is full (`cause: 'storage_full'`:
 *   writes are refused with 503 until space returns);
 * - `ok` (200) otherwise.
 */
import { Controller, Get, Inject, Optional, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { readStarting } from '@meals/runtime-config';
import type { EventStore } from '@meals/event-store';
import type { ReadModelStore } from '@meals/read-model-store';
import { readModelsPosition } from '@meals/read-models';
import type { FastifyReply } from 'fastify';
import { PublicRoute } from '../auth/access.js';
import type { IdentityStore } from '../identity/store/identity-store.port.js';
import {
  EVENT_STORE,
  IDENTITY_STORE,
  LEDGER_SETTINGS,
  READ_MODELS,
  type LedgerSettings,
} from '../infrastructure/tokens.js';
import { MealJobs } from '../jobs/meal-jobs.js';
import { StorageStatus } from './storage-status.js';

const CHECK_TIMEOUT_MS = 2_000;
/** events the projections may be behind before the service reports itself degraded */
export const LAG_DEGRADED_AT = 1_000;

const HEALTH_DESCRIPTION =
  '`status` is `ok` (200); `degraded` (200: serving, but the projections are far behind, or `cause` is ' +
  '`storage_full`: the disk is full and writes are refused with 503 `storage_full` until space returns); ' +
  '`starting` (503: the system is being prepared, e.g. the demo city is seeded; `reason` says why, ' +
  '`projections.lagEvents` how far the read models are behind); ' +
  '`error` (503: a store does not answer). `details` has one entry per check.';

@ApiTags('operations')
@Controller('api/health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly storage: StorageStatus,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_MODELS) private readonly readModels: ReadModelStore,
    @Inject(IDENTITY_STORE) private readonly identity: IdentityStore,
    @Inject(LEDGER_SETTINGS) private readonly settings: LedgerSettings,
    @Optional() @Inject(MealJobs) private readonly jobs: MealJobs | null,
  ) {}

  @Get()
  @PublicRoute()
  @ApiOperation({
    summary: 'Readiness: the stores, free disk space and the projection lag',
    description: HEALTH_DESCRIPTION,
  })
  @ApiResponse({ status: 200, description: '`ok` or `degraded` (with `cause`)' })
  @ApiResponse({ status: 503, description: '`starting` (with `reason`) or `error`' })
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
    const starting = this.settings.dataDir ? readStarting(this.settings.dataDir) : null;
    if (starting) {
      // the lag lets a launcher wait for the read models to catch up before it says "ready"
      const { projections } = await this.projectionLag();
      reply.status(503);
      return { status: 'starting', reason: starting.reason, since: starting.since, projections };
    }
    try {
      const result = await this.health.check([
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
        () => this.storageSpace(),
        () => this.jobQueues(),
      ]);
      return result.details['storage']?.status === 'degraded' ? { ...result, cause: 'storage_full' } : result;
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

  /** Redis and the job queues: down makes the ledger degraded, not unavailable (syncs wait, the rest works). */
  private async jobQueues() {
    const indicator = this.indicators.check('jobs');
    const { status, ...data } = (await this.jobs?.health()) ?? { status: 'disabled' as const };
    return status === 'down'
      ? indicator.degraded({ state: status, ...data })
      : indicator.up({ state: status, ...data });
  }

  private async storageSpace() {
    const indicator = this.indicators.check('storage');
    const { full, ...data } = await this.storage.check();
    return full ? indicator.degraded({ cause: 'storage_full', ...data }) : indicator.up(data);
  }
}
