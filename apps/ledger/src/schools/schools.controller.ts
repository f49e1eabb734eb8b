import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access, READER_ROLES, scopeOf, STAFF_ROLES } from '../auth/access.js';
import { ApiError } from '../http/api-error.js';
import { CommandContexts } from '../http/command-contexts.js';
import { answerWith, commandResponses } from '../http/command-result.js';
import { errorResponses } from '../http/openapi.js';
import {
  dayTotalsQuery,
  PUPIL_LIST_CSV,
  PUPIL_LIST_XLSX,
  pupilImportResult,
  registerSchoolRequest,
  schoolAccounts,
  schoolAccountsQuery,
  schoolDayTotals,
  schoolId,
  schoolResult,
  type DayTotalsQuery,
  type RegisterSchoolRequest,
  type SchoolAccountsQuery,
} from '@meals/contracts';
import { GetDayTotalsQuery } from '../queries/get-day-totals.js';
import { ListSchoolAccountsQuery } from '../queries/list-school-accounts.js';
import { ImportPupilsCommand } from './commands/import-pupils.js';
import { RegisterSchoolCommand } from './commands/register-school.js';
import { parsePupilList } from './upload/parse-pupil-list.js';
import { ReadsOwnWrites } from '../queries/read-your-write/read-your-write.interceptor.js';

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
  @commandResponses(schoolResult, 'the school is registered', 'already registered with the same data')
  @errorResponses(400, 401, 403, 409)
  async register(
    @Body({ schema: registerSchoolRequest }) body: RegisterSchoolRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commands.execute(new RegisterSchoolCommand(body, this.contexts.of(request)));
    return answerWith(reply, result);
  }

  @Post(':schoolId/pupils/import')
  @Access({ roles: STAFF_ROLES, scope: scopeOf.schoolParam() })
  @ApiParam(SCHOOL_PARAM)
  @ApiConsumes(PUPIL_LIST_CSV, PUPIL_LIST_XLSX)
  @ApiBody({
    description:
      'Pupil list with a header row `school,class,full_name` (CSV with `,` or `;`, UTF-8; or XLSX, first sheet)',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiOperation({
    summary: "Import a pupil list: new pupils get accounts and cards; re-importing changes nothing ('duplicate')",
    description:
      'A malformed file is refused with 400 naming the line; nothing is recorded then. Limits: 5 MB uploaded, ' +
      '16 MB inflated per part of an .xlsx, 10 000 lines, 50 columns, 4 KB per CSV line; beyond them 413 `upload_too_large` ' +
      '(or 400 naming the line). Files are parsed off the thread that serves the tills.',
  })
  @commandResponses(
    pupilImportResult,
    'new pupils were enrolled or accounts opened',
    'every listed pupil has an account already',
  )
  @errorResponses(400, 401, 403, 404, 413, 415)
  async importPupils(
    @Param('schoolId', { schema: schoolId }) id: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const body = request.body;
    const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!Buffer.isBuffer(body) || (contentType !== PUPIL_LIST_CSV && contentType !== PUPIL_LIST_XLSX)) {
      throw new ApiError(
        415,
        'unsupported_media_type',
        `Send the list as ${PUPIL_LIST_CSV} or ${PUPIL_LIST_XLSX}`,
        'Загрузите список в формате CSV (text/csv) или Excel (.xlsx)',
      );
    }
    const rows = await parsePupilList(contentType === PUPIL_LIST_CSV ? 'csv' : 'xlsx', body);
    const result = await this.commands.execute(new ImportPupilsCommand(id, rows, this.contexts.of(request)));
    return answerWith(reply, result);
  }

  @ReadsOwnWrites()
  @Get(':schoolId/day-totals')
  @Access({ roles: READER_ROLES, scope: scopeOf.schoolParam() })
  @ApiParam(SCHOOL_PARAM)
  @ApiOperation({ summary: "A school's sales and top-ups per business day (at most 400 days)" })
  @ApiResponse({ status: 200, standardSchema: schoolDayTotals })
  @errorResponses(400, 401, 403, 404)
  dayTotals(
    @Param('schoolId', { schema: schoolId }) id: string,
    @Query({ schema: dayTotalsQuery }) query: DayTotalsQuery,
  ) {
    return this.queries.execute(new GetDayTotalsQuery(id, query.from, query.to));
  }

  @ReadsOwnWrites()
  @Get(':schoolId/accounts')
  @Access({ roles: READER_ROLES, scope: scopeOf.schoolParam() })
  @ApiParam(SCHOOL_PARAM)
  @ApiOperation({ summary: "A school's pupils with balances and cards, by class and name (open accounts by default)" })
  @ApiResponse({ status: 200, standardSchema: schoolAccounts })
  @errorResponses(400, 401, 403, 404)
  accounts(
    @Param('schoolId', { schema: schoolId }) id: string,
    @Query({ schema: schoolAccountsQuery }) query: SchoolAccountsQuery,
  ) {
    return this.queries.execute(new ListSchoolAccountsQuery(id, query.className ?? null, query.status));
  }
}
