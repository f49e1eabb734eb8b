/** The education departments a staff user may work in (workspace selection, seed 004). */
import { Controller, Get, Inject, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { departmentList, type DepartmentList } from '@meals/contracts';
import type { ReadModelStore } from '@meals/read-model-store';
import { collections, TypedReadModels } from '@meals/read-models';
import { Access } from '../auth/access.js';
import { unauthorized } from '../http/api-error.js';
import { errorResponses } from '../http/openapi.js';
import { READ_MODELS } from '../infrastructure/tokens.js';
import { MEAL_READER_ROLES } from './meal-roles.js';
import { ReadsOwnWrites } from '../queries/read-your-write/read-your-write.interceptor.js';

@ApiTags('meals')
@ApiBearerAuth()
@Controller('api/departments')
export class DepartmentsController {
  private readonly readModels: TypedReadModels;

  constructor(@Inject(READ_MODELS) store: ReadModelStore) {
    this.readModels = new TypedReadModels(store);
  }

  @ReadsOwnWrites()
  @Get()
  // no target to check: the answer itself is cut to the caller's scope
  @Access({ roles: MEAL_READER_ROLES })
  @ApiOperation({ summary: 'The education departments the caller may work in (a ministry user picks one)' })
  @ApiResponse({ status: 200, standardSchema: departmentList })
  @errorResponses(401, 403)
  async list(@Req() request: FastifyRequest): Promise<DepartmentList> {
    const principal = request.principal;
    if (!principal) throw unauthorized();
    const schools = await this.readModels.find(collections.schools);
    const ids = new Set(schools.map((school) => school.departmentId));
    if (principal.departmentId !== null)
      return [{ departmentId: principal.departmentId, name: principal.departmentId }];
    if (principal.schoolId !== null) {
      const own = schools.find((school) => school.schoolId === principal.schoolId);
      return own ? [{ departmentId: own.departmentId, name: own.departmentId }] : [];
    }
    return [...ids].sort().map((departmentId) => ({ departmentId, name: departmentId }));
  }
}
