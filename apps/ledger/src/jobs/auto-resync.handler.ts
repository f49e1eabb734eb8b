/**
 * «Автоматическая повторная синхронизация»: when a school's orders for a day change after
 * that day was delivered, and the department switched the setting on, the day is queued for
 * another sync of at least the next version (the order read model may still be catching up
 * with the change: the job waits for it by retrying). A burst of edits queues one job.
 */
import { Inject } from '@nestjs/common';
import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { mealSyncId } from '@meals/domain';
import type { Logger } from 'pino';
import { LOGGER } from '../infrastructure/tokens.js';
import { DayOrdersChanged } from '../meals/day-orders-changed.js';
import { SchoolDirectory } from '../schools/school-directory.js';
import { MealJobs } from './meal-jobs.js';
import { MealSyncs } from './meal-syncs.js';
import { ORDER_SETTINGS_READER, type OrderSettingsReader } from './order-settings-reader.js';

/** Edits come in bursts (a class's grid is saved pupil by pupil): sync once they settle. */
const RESYNC_DELAY_MS = 2_000;

@EventsHandler(DayOrdersChanged)
export class AutoResyncHandler implements IEventHandler<DayOrdersChanged> {
  constructor(
    private readonly jobs: MealJobs,
    private readonly syncs: MealSyncs,
    private readonly schools: SchoolDirectory,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(ORDER_SETTINGS_READER) private readonly settings: OrderSettingsReader,
  ) {}

  async handle({ schoolId, date }: DayOrdersChanged): Promise<void> {
    try {
      await this.resyncIfAsked(schoolId, date);
    } catch (error) {
      // the order change itself is recorded; the cut-off or "sync now" will still deliver it
      this.logger.error({ err: error, schoolId, date }, 'automatic re-sync could not be queued');
    }
  }

  /** Queues the re-sync when it is due; answers whether it did (tests). */
  async resyncIfAsked(schoolId: string, date: string): Promise<boolean> {
    if (!this.jobs.enabled) return false;
    const { state } = await this.syncs.reload(mealSyncId(schoolId, date));
    if (state.deliveredVersion === null) return false; // never synced: the cut-off sends it
    const departmentId = await this.schools.departmentOf(schoolId);
    const settings = departmentId === null ? null : await this.settings.syncSettings(departmentId);
    if (!settings?.autoResyncAfterEdit || settings.exemptSchoolIds.includes(schoolId)) return false;
    const version = state.deliveredVersion + 1;
    await this.jobs.enqueueSchoolDay({ schoolId, date, version, reason: 'auto_resync' }, RESYNC_DELAY_MS);
    return true;
  }
}
