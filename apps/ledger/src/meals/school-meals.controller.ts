/**
 * A school's meals (seed 004): the types assigned to the school (coordinator), to a class
 * and its pupils (class teacher), the dynamic types' day prices (coordinator), the class's
 * daily orders and the school's day order.
 */
import { Body, Controller, HttpCode, Get, Param, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  accountNumber,
  calendarDate,
  classMealTypes,
  classNameParam,
  classOrderGrid,
  classOrdersRequest,
  classOrdersResult,
  dayPrices,
  dayPricesRequest,
  mealCommandResult,
  mealTypeIdsRequest,
  schoolDayOrders,
  schoolId,
  schoolMealTypes,
  type ClassOrdersRequest,
  type DayPricesRequest,
  type MealTypeIdsRequest,
} from '@meals/contracts';
import { Access, scopeOf } from '../auth/access.js';
import { CommandContexts } from '../http/command-contexts.js';
import { answerWith, commandResponses } from '../http/command-result.js';
import { errorResponses } from '../http/openapi.js';
import { ReadsOwnWrites } from '../queries/read-your-write/read-your-write.interceptor.js';
import { ClassOrdersService } from './class-orders.service.js';
import { MealAccess } from './meal-access.js';
import { CLASS_MEAL_EDITOR_ROLES, MEAL_READER_ROLES, SCHOOL_MEAL_EDITOR_ROLES } from './meal-roles.js';
import { SchoolMealsService } from './school-meals.service.js';

const SCHOOL_PARAM = { name: 'schoolId', example: '24', description: 'school number' };
const CLASS_PARAM = { name: 'className', example: '03Б', description: 'class, e.g. 3Б or 03Б' };
const DATE_PARAM = { name: 'date', example: '2024-01-18', description: 'the day (municipality time)' };
const inSchool = scopeOf.schoolParam();

@ApiTags('meals')
@ApiBearerAuth()
@Controller('api/schools/:schoolId')
export class SchoolMealsController {
  constructor(
    private readonly service: SchoolMealsService,
    private readonly orders: ClassOrdersService,
    private readonly access: MealAccess,
    private readonly contexts: CommandContexts,
  ) {}

  @ReadsOwnWrites()
  @Get('meal-types')
  @Access({ roles: MEAL_READER_ROLES, scope: inSchool })
  @ApiParam(SCHOOL_PARAM)
  @ApiOperation({ summary: 'The meal types assigned to the school' })
  @ApiResponse({ status: 200, standardSchema: schoolMealTypes })
  @errorResponses(400, 401, 403, 404)
  schoolTypes(@Param('schoolId', { schema: schoolId }) id: string) {
    return this.service.schoolTypes(id);
  }

  @Put('meal-types')
  @HttpCode(201)
  @Access({ roles: SCHOOL_MEAL_EDITOR_ROLES, scope: inSchool })
  @ApiParam(SCHOOL_PARAM)
  @ApiOperation({ summary: 'Assign meal types to the school (active or inactive, never archived)' })
  @commandResponses(mealCommandResult, 'assigned', 'unchanged')
  @errorResponses(400, 401, 403, 404, 409)
  async assignSchoolTypes(
    @Param('schoolId', { schema: schoolId }) id: string,
    @Body({ schema: mealTypeIdsRequest }) body: MealTypeIdsRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answerWith(reply, await this.service.assignSchoolTypes(id, body.mealTypeIds, this.contexts.of(request)));
  }

  @ReadsOwnWrites()
  @Get('meal-prices/:date')
  @Access({ roles: MEAL_READER_ROLES, scope: inSchool })
  @ApiParam(SCHOOL_PARAM)
  @ApiParam(DATE_PARAM)
  @ApiOperation({ summary: "The day's prices of the school's dynamic types (an earlier day's carried forward)" })
  @ApiResponse({ status: 200, standardSchema: dayPrices })
  @errorResponses(400, 401, 403, 404)
  dayPrices(
    @Param('schoolId', { schema: schoolId }) id: string,
    @Param('date', { schema: calendarDate }) date: string,
  ) {
    return this.service.dayPrices(id, date);
  }

  @Put('meal-prices/:date')
  @HttpCode(201)
  @Access({ roles: SCHOOL_MEAL_EDITOR_ROLES, scope: inSchool })
  @ApiParam(SCHOOL_PARAM)
  @ApiParam(DATE_PARAM)
  @ApiOperation({ summary: "Set the day's prices of dynamic types per funding source (non-negative integer kopecks)" })
  @commandResponses(mealCommandResult, 'set', 'unchanged')
  @errorResponses(400, 401, 403, 404, 409)
  async setDayPrices(
    @Param('schoolId', { schema: schoolId }) id: string,
    @Param('date', { schema: calendarDate }) date: string,
    @Body({ schema: dayPricesRequest }) body: DayPricesRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answerWith(reply, await this.service.setDayPrices(id, date, body, this.contexts.of(request)));
  }

  @ReadsOwnWrites()
  @Get('classes/:className/meal-types')
  @Access({ roles: MEAL_READER_ROLES, scope: inSchool })
  @ApiParam(SCHOOL_PARAM)
  @ApiParam(CLASS_PARAM)
  @ApiOperation({ summary: 'The meal types of a class, and the pupils with their own list' })
  @ApiResponse({ status: 200, standardSchema: classMealTypes })
  @errorResponses(400, 401, 403, 404)
  classTypes(
    @Param('schoolId', { schema: schoolId }) id: string,
    @Param('className', { schema: classNameParam }) className: string,
    @Req() request: FastifyRequest,
  ) {
    this.access.assertClass(request, className);
    return this.service.classTypes(id, className);
  }

  @Put('classes/:className/meal-types')
  @HttpCode(201)
  @Access({ roles: CLASS_MEAL_EDITOR_ROLES, scope: inSchool })
  @ApiParam(SCHOOL_PARAM)
  @ApiParam(CLASS_PARAM)
  @ApiOperation({ summary: "Assign the school's active meal types to the class (the class teacher: own class only)" })
  @commandResponses(mealCommandResult, 'assigned', 'unchanged')
  @errorResponses(400, 401, 403, 404, 409)
  async assignClassTypes(
    @Param('schoolId', { schema: schoolId }) id: string,
    @Param('className', { schema: classNameParam }) className: string,
    @Body({ schema: mealTypeIdsRequest }) body: MealTypeIdsRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    this.access.assertClass(request, className);
    return answerWith(
      reply,
      await this.service.assignClassTypes(id, className, body.mealTypeIds, this.contexts.of(request)),
    );
  }

  @Put('classes/:className/pupils/:accountNumber/meal-types')
  @HttpCode(201)
  @Access({ roles: CLASS_MEAL_EDITOR_ROLES, scope: inSchool })
  @ApiParam(SCHOOL_PARAM)
  @ApiParam(CLASS_PARAM)
  @ApiParam({ name: 'accountNumber', example: '0242013138' })
  @ApiOperation({ summary: "A pupil's own meal types (an empty list: the class's again); active types only" })
  @commandResponses(mealCommandResult, 'assigned', 'unchanged')
  @errorResponses(400, 401, 403, 404, 409)
  async assignPupilTypes(
    @Param('schoolId', { schema: schoolId }) id: string,
    @Param('className', { schema: classNameParam }) className: string,
    @Param('accountNumber', { schema: accountNumber }) pupil: string,
    @Body({ schema: mealTypeIdsRequest }) body: MealTypeIdsRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    this.access.assertClass(request, className);
    return answerWith(
      reply,
      await this.service.assignPupilTypes(id, className, pupil, body.mealTypeIds, this.contexts.of(request)),
    );
  }

  @ReadsOwnWrites()
  @Get('classes/:className/orders/:date')
  @Access({ roles: MEAL_READER_ROLES, scope: inSchool })
  @ApiParam(SCHOOL_PARAM)
  @ApiParam(CLASS_PARAM)
  @ApiParam(DATE_PARAM)
  @ApiOperation({ summary: "The class's order grid of the day: pupils × meal types, whether the caller may edit it" })
  @ApiResponse({ status: 200, standardSchema: classOrderGrid })
  @errorResponses(400, 401, 403, 404)
  grid(
    @Param('schoolId', { schema: schoolId }) id: string,
    @Param('className', { schema: classNameParam }) className: string,
    @Param('date', { schema: calendarDate }) date: string,
    @Req() request: FastifyRequest,
  ) {
    this.access.assertClass(request, className);
    return this.orders.grid(this.access.principalOf(request), id, className, date);
  }

  @Put('classes/:className/orders/:date')
  @HttpCode(201)
  @Access({ roles: CLASS_MEAL_EDITOR_ROLES, scope: inSchool })
  @ApiParam(SCHOOL_PARAM)
  @ApiParam(CLASS_PARAM)
  @ApiParam(DATE_PARAM)
  @ApiOperation({
    summary: "Set the listed pupils' meals of the day; the balance rule may refuse single pupils (see results)",
    description:
      'The whole request is refused (nothing changes) when the day is outside the edit window or locked after sync, ' +
      'a pupil is not of the class or a meal type is not orderable that day.',
  })
  @commandResponses(classOrdersResult, 'some orders changed', 'nothing changed')
  @errorResponses(400, 401, 403, 404, 409)
  async place(
    @Param('schoolId', { schema: schoolId }) id: string,
    @Param('className', { schema: classNameParam }) className: string,
    @Param('date', { schema: calendarDate }) date: string,
    @Body({ schema: classOrdersRequest }) body: ClassOrdersRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    this.access.assertClass(request, className);
    const principal = this.access.principalOf(request);
    return answerWith(reply, await this.orders.place(principal, id, className, date, body, this.contexts.of(request)));
  }

  @ReadsOwnWrites()
  @Get('orders/:date')
  @Access({ roles: MEAL_READER_ROLES, scope: inSchool })
  @ApiParam(SCHOOL_PARAM)
  @ApiParam(DATE_PARAM)
  @ApiOperation({ summary: "The school's day order (every ordered meal) with its version" })
  @ApiResponse({ status: 200, standardSchema: schoolDayOrders })
  @errorResponses(400, 401, 403, 404)
  dayOrders(
    @Param('schoolId', { schema: schoolId }) id: string,
    @Param('date', { schema: calendarDate }) date: string,
  ) {
    return this.orders.dayOrders(id, date);
  }
}
