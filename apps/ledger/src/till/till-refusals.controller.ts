/** Offline checks the ledger refused on sync: reported by the school's tills, read by its staff. */
import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  schoolId,
  tillRefusalRequest,
  tillRefusalResult,
  tillRefusals,
  tillRefusalsQuery,
  type TillRefusalRequest,
  type TillRefusalsQuery,
} from '@meals/contracts';
import { Access, READER_ROLES, scopeOf } from '../auth/access.js';
import { CommandContexts } from '../http/command-contexts.js';
import { answerWith, commandResponses } from '../http/command-result.js';
import { errorResponses } from '../http/openapi.js';
import { ReadsOwnWrites } from '../queries/read-your-write/read-your-write.interceptor.js';
import { ReportTillRefusalCommand } from './report-till-refusal.js';
import { ListTillRefusalsQuery } from './list-till-refusals.js';

const DEFAULT_REFUSALS = 100;

@ApiTags('till')
@ApiBearerAuth()
@ApiParam({ name: 'schoolId', example: '24', description: 'school number' })
@Controller('api/schools/:schoolId/till-refusals')
export class TillRefusalsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly contexts: CommandContexts,
  ) {}

  @Post()
  @Access({ roles: ['till'], scope: scopeOf.schoolParam() })
  @ApiOperation({
    summary: 'A till reports an offline check the ledger refused when it was synced (for school staff)',
    description:
      "Once per check number: a repeated report answers 200 duplicate and keeps the first. The till's id comes from its key.",
  })
  @commandResponses(tillRefusalResult, 'the refusal is recorded', 'this check was reported already')
  @errorResponses(400, 401, 403)
  async report(
    @Param('schoolId', { schema: schoolId }) _school: string,
    @Body({ schema: tillRefusalRequest }) body: TillRefusalRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commands.execute(
      new ReportTillRefusalCommand(body, this.contexts.tillOf(request), this.contexts.of(request)),
    );
    return answerWith(reply, result);
  }

  @ReadsOwnWrites()
  @Get()
  @Access({ roles: READER_ROLES, scope: scopeOf.schoolParam() })
  @ApiOperation({ summary: "The school's refused offline checks, newest report first" })
  @ApiResponse({ status: 200, standardSchema: tillRefusals })
  @errorResponses(400, 401, 403, 404)
  list(
    @Param('schoolId', { schema: schoolId }) school: string,
    @Query({ schema: tillRefusalsQuery }) query: TillRefusalsQuery,
  ) {
    return this.queries.execute(new ListTillRefusalsQuery(school, query.limit ?? DEFAULT_REFUSALS));
  }
}
