/** Supplier sync per school and day: the department's status page and «Синхронизировать сейчас». */
import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  calendarDate,
  departmentSyncsView,
  externalId,
  mealSyncDateQuery,
  priceSheetsView,
  schoolId as schoolIdSchema,
  syncQueuedView,
  type DepartmentSyncsView,
  type MealSyncDateQuery,
  type PriceSheetsView,
  type SyncQueuedView,
} from '@meals/contracts';
import { Access, scopeOf } from '../auth/access.js';
import { ApiError } from '../http/api-error.js';
import { errorResponses } from '../http/openapi.js';
import { CLOCK, type Clock } from '../infrastructure/tokens.js';
import { ReadsOwnWrites } from '../queries/read-your-write/read-your-write.interceptor.js';
import { SchoolDirectory } from '../schools/school-directory.js';
import { JOBS_SETTINGS, type JobsSettings } from './jobs-settings.js';
import { MEAL_DAY_START, type MealDayStart } from './meal-day-start.js';
import { MealJobs } from './meal-jobs.js';
import { departmentParam, SYNC_READER_ROLES, SYNC_STARTER_ROLES } from './sync-access.js';
import { SyncStatuses } from './sync-statuses.js';
import { hourReached } from './price-confirm-hour.js';

const noOrders = (schoolId: string, date: string) =>
  new ApiError(
    409,
    'no_orders',
    `school ${schoolId} has no orders on ${date}`,
    'На этот день у школы нет заказов: синхронизировать нечего',
    { schoolId, date },
  );

@ApiTags('meal sync')
@ApiBearerAuth()
@Controller('api')
export class SyncsController {
  constructor(
    private readonly statuses: SyncStatuses,
    private readonly jobs: MealJobs,
    private readonly schools: SchoolDirectory,
    @Inject(JOBS_SETTINGS) private readonly settings: JobsSettings,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(MEAL_DAY_START) private readonly dayStart: MealDayStart,
  ) {}

  @ReadsOwnWrites()
  @Get('departments/:departmentId/syncs')
  @Access({ roles: SYNC_READER_ROLES, scope: departmentParam })
  @ApiOperation({
    summary: "Each school's supplier sync for a day: order version, delivered version, state, last error",
  })
  @ApiResponse({ status: 200, standardSchema: departmentSyncsView })
  @errorResponses(400, 401, 403)
  async syncs(
    @Param('departmentId', { schema: externalId }) departmentId: string,
    @Query({ schema: mealSyncDateQuery }) query: MealSyncDateQuery,
  ): Promise<DepartmentSyncsView> {
    return { departmentId, date: query.date, schools: await this.statuses.ofDepartment(departmentId, query.date) };
  }

  @Post('schools/:schoolId/orders/:date/sync')
  @HttpCode(202)
  @Access({ roles: SYNC_STARTER_ROLES, scope: scopeOf.schoolParam() })
  @ApiOperation({
    summary: "«Синхронизировать сейчас»: queue the delivery of the school's orders for the day to its supplier",
    description: 'One pending sync per school and day: asking again while one waits answers `already_queued`.',
  })
  @ApiResponse({ status: 202, standardSchema: syncQueuedView })
  @errorResponses(400, 401, 403, 404, 409, 503)
  async syncNow(
    @Param('schoolId', { schema: schoolIdSchema }) schoolId: string,
    @Param('date', { schema: calendarDate }) date: string,
  ): Promise<SyncQueuedView> {
    await this.schools.assertRegistered(schoolId);
    const { version } = await this.jobs.reader.readDayOrders(schoolId, date);
    if (version < 1) throw noOrders(schoolId, date);
    const { jobId, queued } = await this.jobs.enqueueSchoolDay({ schoolId, date, version, reason: 'manual' });
    return { status: queued ? 'queued' : 'already_queued', jobId, schoolId, date, version };
  }

  @ReadsOwnWrites()
  @Get('departments/:departmentId/price-sheets')
  @Access({ roles: SYNC_READER_ROLES, scope: departmentParam })
  @ApiOperation({
    summary: 'Schools whose dynamic meal prices for the day are not confirmed (due by PRICE_CONFIRM_HOUR)',
  })
  @ApiResponse({ status: 200, standardSchema: priceSheetsView })
  @errorResponses(400, 401, 403)
  async priceSheets(
    @Param('departmentId', { schema: externalId }) departmentId: string,
    @Query({ schema: mealSyncDateQuery }) query: MealSyncDateQuery,
  ): Promise<PriceSheetsView> {
    if (!this.dayStart)
      throw new ApiError(503, 'not_available', 'Price sheets are not available', 'Цены дня недоступны');
    const { priceConfirmHour: confirmHour, timeZone } = this.settings;
    return {
      departmentId,
      date: query.date,
      confirmHour,
      overdue: hourReached(this.clock(), query.date, confirmHour, timeZone),
      schools: await this.dayStart.unconfirmedPriceSheets(departmentId, query.date),
    };
  }
}
