/** Meal types and order settings of an education department (seed 004). */
import { Body, Controller, HttpCode, Delete, Get, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  changeMealTypeStatusRequest,
  createMealTypeRequest,
  externalId,
  mealCommandResult,
  mealTypeList,
  mealTypeListQuery,
  mealTypeResult,
  orderSettings,
  orderSettingsView,
  updateMealTypeRequest,
  type ChangeMealTypeStatusRequest,
  type CreateMealTypeRequest,
  type MealTypeListQuery,
  type OrderSettingsBody,
  type UpdateMealTypeRequest,
} from '@meals/contracts';
import { Access, scopeOf } from '../auth/access.js';
import { CommandContexts } from '../http/command-contexts.js';
import { answerWith, commandResponses } from '../http/command-result.js';
import { errorResponses } from '../http/openapi.js';
import { ReadsOwnWrites } from '../queries/read-your-write/read-your-write.interceptor.js';
import { MealAccess } from './meal-access.js';
import { MEAL_READER_ROLES, MEAL_TYPE_EDITOR_ROLES } from './meal-roles.js';
import { MealTypesService } from './meal-types.service.js';

const DEPARTMENT_PARAM = { name: 'departmentId', example: 'sochi', description: 'education department' };
const MEAL_TYPE_PARAM = { name: 'mealTypeId', example: 'mt-3f2a9c01', description: 'meal type' };

@ApiTags('meals')
@ApiBearerAuth()
@Controller('api')
export class MealTypesController {
  constructor(
    private readonly service: MealTypesService,
    private readonly access: MealAccess,
    private readonly contexts: CommandContexts,
  ) {}

  @ReadsOwnWrites()
  @Get('departments/:departmentId/meal-types')
  @Access({ roles: MEAL_READER_ROLES, scope: scopeOf.departmentParam() })
  @ApiParam(DEPARTMENT_PARAM)
  @ApiOperation({ summary: "A department's meal types with their status today (optionally only one status)" })
  @ApiResponse({ status: 200, standardSchema: mealTypeList })
  @errorResponses(400, 401, 403)
  list(
    @Param('departmentId', { schema: externalId }) departmentId: string,
    @Query({ schema: mealTypeListQuery }) query: MealTypeListQuery,
  ) {
    return this.service.list(departmentId, query);
  }

  @Post('departments/:departmentId/meal-types')
  @Access({ roles: MEAL_TYPE_EDITOR_ROLES, scope: scopeOf.departmentParam() })
  @ApiParam(DEPARTMENT_PARAM)
  @ApiOperation({ summary: 'Add a meal type («Не действует» until activated); a dynamic type leaves РП empty' })
  @commandResponses(mealTypeResult, 'the type was added', 'never (each call adds a type)')
  @errorResponses(400, 401, 403)
  async create(
    @Param('departmentId', { schema: externalId }) departmentId: string,
    @Body({ schema: createMealTypeRequest }) body: CreateMealTypeRequest,
    @Req() request: FastifyRequest,
  ) {
    return this.service.create(departmentId, body, this.contexts.of(request));
  }

  @Put('meal-types/:mealTypeId')
  @HttpCode(201)
  @Access({ roles: MEAL_TYPE_EDITOR_ROLES })
  @ApiParam(MEAL_TYPE_PARAM)
  @ApiOperation({ summary: 'Change the name, service type, benefit category or hot flag (a new price is a new type)' })
  @commandResponses(mealTypeResult, 'changed', 'nothing to change')
  @errorResponses(400, 401, 403, 404)
  async update(
    @Param('mealTypeId', { schema: externalId }) mealTypeId: string,
    @Body({ schema: updateMealTypeRequest }) body: UpdateMealTypeRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.access.mealTypeInScope(request, mealTypeId);
    return answerWith(reply, await this.service.update(mealTypeId, body, this.contexts.of(request)));
  }

  @Post('meal-types/:mealTypeId/status')
  @Access({ roles: MEAL_TYPE_EDITOR_ROLES })
  @ApiParam(MEAL_TYPE_PARAM)
  @ApiOperation({
    summary: 'Set the status from a date on; archiving stops orders from the day after the change',
  })
  @commandResponses(mealTypeResult, 'the status change is recorded', 'the type already has this status from that date')
  @errorResponses(400, 401, 403, 404, 409)
  async changeStatus(
    @Param('mealTypeId', { schema: externalId }) mealTypeId: string,
    @Body({ schema: changeMealTypeStatusRequest }) body: ChangeMealTypeStatusRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.access.mealTypeInScope(request, mealTypeId);
    return answerWith(reply, await this.service.changeStatus(mealTypeId, body, this.contexts.of(request)));
  }

  @Delete('meal-types/:mealTypeId')
  @Access({ roles: MEAL_TYPE_EDITOR_ROLES })
  @ApiParam(MEAL_TYPE_PARAM)
  @ApiOperation({ summary: 'Delete a type that was never ordered (an ordered one is refused: archive it)' })
  @commandResponses(mealCommandResult, 'deleted', 'already deleted')
  @errorResponses(401, 403, 404, 409)
  async delete(
    @Param('mealTypeId', { schema: externalId }) mealTypeId: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.access.mealTypeInScope(request, mealTypeId);
    return answerWith(reply, await this.service.delete(mealTypeId, this.contexts.of(request)));
  }

  @ReadsOwnWrites()
  @Get('departments/:departmentId/order-settings')
  @Access({ roles: MEAL_READER_ROLES, scope: scopeOf.departmentParam() })
  @ApiParam(DEPARTMENT_PARAM)
  @ApiOperation({ summary: "The department's order settings (defaults until saved)" })
  @ApiResponse({ status: 200, standardSchema: orderSettingsView })
  @errorResponses(400, 401, 403)
  settings(@Param('departmentId', { schema: externalId }) departmentId: string) {
    return this.service.orderSettings(departmentId);
  }

  @Put('departments/:departmentId/order-settings')
  @HttpCode(201)
  @Access({ roles: MEAL_TYPE_EDITOR_ROLES, scope: scopeOf.departmentParam() })
  @ApiParam(DEPARTMENT_PARAM)
  @ApiOperation({
    summary: 'Save the order settings; a negative balance limit and credit days together are refused',
  })
  @commandResponses(mealCommandResult, 'saved', 'unchanged')
  @errorResponses(400, 401, 403)
  async saveSettings(
    @Param('departmentId', { schema: externalId }) departmentId: string,
    @Body({ schema: orderSettings }) body: OrderSettingsBody,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return answerWith(reply, await this.service.saveOrderSettings(departmentId, body, this.contexts.of(request)));
  }
}
