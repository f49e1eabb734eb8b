/** The till or staff issue a parent's temporary password for the cabinet (shown once). */
import { Controller, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { accountNumber, temporaryPasswordResult, type TemporaryPasswordResult } from '@meals/contracts';
import { Access, scopeOf, STAFF_ROLES } from '../auth/access.js';
import { unauthorized } from '../http/api-error.js';
import { errorResponses } from '../http/openapi.js';
import { CLOCK, LOGGER, type Clock } from '../infrastructure/tokens.js';
import { CabinetAccess } from './cabinet-access.js';

@ApiTags('parents')
@ApiBearerAuth()
@Controller('api/accounts/:accountNumber')
export class TemporaryPasswordController {
  constructor(
    private readonly cabinet: CabinetAccess,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Post('temporary-password')
  @Access({ roles: ['till', ...STAFF_ROLES], scope: scopeOf.accountParam() })
  @ApiOperation({
    summary: "Issue the parent's temporary password for the cabinet",
    description:
      'Returned once (print it for the parent); valid 24 hours; a new one voids the old. Stored only hashed; never in events or logs.',
  })
  @ApiResponse({ status: 201, standardSchema: temporaryPasswordResult })
  @errorResponses(400, 401, 403, 404, 409)
  async issue(
    @Param('accountNumber', { schema: accountNumber }) number: string,
    @Req() request: FastifyRequest,
  ): Promise<TemporaryPasswordResult> {
    const actor = request.principal?.id;
    if (!actor) throw unauthorized();
    const issued = await this.cabinet.issueTemporaryPassword(number, actor, this.clock());
    this.logger.info({ accountNumber: number, actor }, 'temporary password issued');
    return { status: 'recorded', position: null, accountNumber: number, ...issued };
  }
}
