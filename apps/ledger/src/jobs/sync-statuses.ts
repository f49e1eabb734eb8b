/**
 * How each school's day stands with the supplier: the day's order version (read model),
 * what the sync stream says was delivered or failed, and whether the queue holds a job
 * for the current version (waiting, running or waiting to retry).
 */
import { Inject, Injectable } from '@nestjs/common';
import { mealSyncId, type MealSyncState } from '@meals/domain';
import type { MealSyncStateName, SchoolSyncView } from '@meals/contracts';
import type { ReadModelStore } from '@meals/read-model-store';
import { collections, TypedReadModels } from '@meals/read-models';
import { READ_MODELS } from '../infrastructure/tokens.js';
import { MealJobs } from './meal-jobs.js';
import { MealSyncs } from './meal-syncs.js';

const PENDING_STATES: ReadonlySet<string> = new Set([
  'waiting',
  'active',
  'delayed',
  'prioritized',
  'waiting-children',
]);

@Injectable()
export class SyncStatuses {
  private readonly readModels: TypedReadModels;

  constructor(
    @Inject(READ_MODELS) store: ReadModelStore,
    private readonly syncs: MealSyncs,
    private readonly jobs: MealJobs,
  ) {
    this.readModels = new TypedReadModels(store);
  }

  async ofDepartment(departmentId: string, date: string): Promise<SchoolSyncView[]> {
    const schools = await this.readModels.find(collections.schools, { where: { departmentId } });
    const ids = schools.map((school) => school.schoolId).sort((a, b) => Number(a) - Number(b));
    return Promise.all(ids.map((schoolId) => this.ofSchool(schoolId, date)));
  }

  async ofSchool(schoolId: string, date: string): Promise<SchoolSyncView> {
    const [{ version: ordersVersion }, { state }] = await Promise.all([
      this.jobs.reader.readDayOrders(schoolId, date),
      this.syncs.reload(mealSyncId(schoolId, date)),
    ]);
    const job = await this.jobs.pendingJobOf(schoolId, date);
    const pending = job !== undefined && PENDING_STATES.has(await job.getState().catch(() => 'unknown'));
    const failure = openFailure(state, ordersVersion);
    return {
      schoolId,
      date,
      ordersVersion,
      deliveredVersion: state.deliveredVersion,
      deliveredAt: state.deliveredAt,
      state: stateOf(state, ordersVersion, pending, failure !== null),
      lastError: failure?.error ?? null,
      attempts: failure?.attempt ?? 0,
    };
  }
}

/** The last failure, when it was at a version the supplier does not have yet. */
const openFailure = (state: MealSyncState, ordersVersion: number) =>
  state.lastFailure !== null &&
  state.lastFailure.version <= ordersVersion &&
  (state.deliveredVersion === null || state.lastFailure.version > state.deliveredVersion)
    ? state.lastFailure
    : null;

function stateOf(state: MealSyncState, ordersVersion: number, pending: boolean, failed: boolean): MealSyncStateName {
  if (pending) return 'queued';
  if (state.deliveredVersion !== null && state.deliveredVersion >= ordersVersion) return 'synced';
  if (failed) return 'failed';
  return state.deliveredVersion === null ? 'never' : 'stale';
}
