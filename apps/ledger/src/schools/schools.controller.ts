import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access, READER_ROLES, scopeOf, STAFF_ROLES } from '../auth/access.js';
import { ApiError } from '../http/api-error.js';
import { CommandContexts } from '../http/command-contexts.js';
import { schoolId } from '../http/common-schemas.js';
import { errorResponses } from '../http/openapi.js';
import { dayTotalsQuery, GetDayTotalsQuery, schoolDayTotals } from '../queries/get-day-totals.js';
import {
  ListSchoolAccountsQuery,
  schoolAccounts,
  schoolAccountsQuery,
  type SchoolAccountsQueryParams,
} from '../queries/list-school-accounts.js';
import { ImportPupilsCommand, importResult } from './commands/import-pupils.js';
import { RegisterSchoolCommand, registerSchoolRequest, schoolResult, type RegisterSchoolRequest } from './commands/register-school.js';
import { CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE } from './pupil-list.js';
import { parsePupilList } from './upload/parse-pupil-list.js';

const SCHOOL_PARAM = { name: 'schoolId', example: '24', description: 'school number' };

@ApiTags('schools')
@ApiBearerAuth()
@Controller('api/schools')
export class SchoolsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly contexts: CommandContexts,
  ) {}

  @Post()
  @Access({ roles: ['admin', 'department_admin'], scope: scopeOf.departmentInBody() })
  @ApiOperation({ summary: 'Register a school in an education department (a department admin: only in their own)' })
  @ApiResponse({ status: 201, description: 'registered', standardSchema: schoolResult })
  @ApiResponse({ status: 200, description: 'already registered with the same data', standardSchema: schoolResult })
  @errorResponses(400, 401, 403, 409)
  async register(
    @Body({ schema: registerSchoolRequest }) body: RegisterSchoolRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commands.execute(new RegisterSchoolCommand(body, this.contexts.of(request)));
    if (result.status === 'unchanged') reply.status(200);
    return result;
  }

  @Post(':schoolId/pupils/import')
  @Access({ roles: STAFF_ROLES, scope: scopeOf.schoolParam() })
  @ApiParam(SCHOOL_PARAM)
  @ApiConsumes(CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE)
  @ApiBody({
    description: 'Pupil list with a header row `school,class,full_name` (CSV with `,` or `;`, UTF-8; or XLSX, first sheet)',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiOperation({
    summary: 'Import a pupil list: new pupils get accounts and cards; re-importing changes nothing',
    description:
      'A malformed file is refused with 400 naming the line; nothing is recorded then. Limits: 5 MB uploaded, ' +
      '16 MB inflated per part of an .xlsx, 10 000 lines, 50 columns, 4 KB per CSV line; beyond them 413 `upload_too_large` ' +
      '(or 400 naming the line). Files are parsed off the thread that serves the tills.',
  })
  @ApiResponse({ status: 201, standardSchema: importResult })
  @errorResponses(400, 401, 403, 404, 413, 415)
  async importPupils(@Param('schoolId', { schema: schoolId }) id: string, @Req() request: FastifyRequest) {
    const body = request.body;
    const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!Buffer.isBuffer(body) || (contentType !== CSV_CONTENT_TYPE && contentType !== XLSX_CONTENT_TYPE)) {
      throw new ApiError(
        415,
        'unsupported_media_type',
        `Send the list as ${CSV_CONTENT_TYPE} or ${XLSX_CONTENT_TYPE}`,
        'Загрузите список в формате CSV (text/csv) или Excel (.xlsx)',
      );
    }
    const rows = await parsePupilList(contentType === CSV_CONTENT_TYPE ? 'csv' : 'xlsx', body);
    return this.commands.execute(new ImportPupilsCommand(id, rows, this.contexts.of(request)));
  }

  @Get(':schoolId/day-totals')
  @Access({ roles: READER_ROLES, scope: scopeOf.schoolParam() })
  @ApiParam(SCHOOL_PARAM)
  @ApiOperation({ summary: "A school's sales and top-ups per business day (at most 400 days)" })
  @ApiResponse({ status: 200, standardSchema: schoolDayTotals })
  @errorResponses(400, 401, 403, 404)
  dayTotals(
    @Param('schoolId', { schema: schoolId }) id: string,
    @Query({ schema: dayTotalsQuery }) query: { from: string; to: string },
  ) {
    return this.queries.execute(new GetDayTotalsQuery(id, query.from, query.to));
  }

  @Get(':schoolId/accounts')
  @Access({ roles: READER_ROLES, scope: scopeOf.schoolParam() })
  @ApiParam(SCHOOL_PARAM)
  @ApiOperation({ summary: "A school's pupils with balances and cards, by class and name (open accounts by default)" })
  @ApiResponse({ status: 200, standardSchema: schoolAccounts })
  @errorResponses(400, 401, 403, 404)
  accounts(
    @Param('schoolId', { schema: schoolId }) id: string,
    @Query({ schema: schoolAccountsQuery }) query: SchoolAccountsQueryParams,
  ) {
    return this.queries.execute(new ListSchoolAccountsQuery(id, query.className ?? null, query.status));
  }
}
