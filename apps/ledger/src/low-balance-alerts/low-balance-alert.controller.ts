/** The parent's low-balance alert: GET and PUT the threshold (kopecks; 0 = off). */
import { Body, Controller, Get, Inject, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  lowBalanceAlert,
  lowBalanceAlertRequest,
  type LowBalanceAlert,
  type LowBalanceAlertRequest,
} from '@meals/contracts';
import { Access } from '../auth/access.js';
import { unauthorized } from '../http/api-error.js';
import { errorResponses } from '../http/openapi.js';
import { CLOCK, type Clock } from '../infrastructure/tokens.js';
import { LowBalanceSettings } from './low-balance-settings.js';
import { ReadsOwnWrites } from '../queries/read-your-write/read-your-write.interceptor.js';

const accountOf = (request: FastifyRequest): string => {
  const accountNumber = request.principal?.accountNumber;
  if (!accountNumber) throw unauthorized();
  return accountNumber;
};

@ApiTags('parents')
@ApiBearerAuth()
@Controller('api/parent/low-balance-alert')
export class LowBalanceAlertController {
  constructor(
    private readonly settings: LowBalanceSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @ReadsOwnWrites()
  @Get()
  @Access({ roles: ['parent'] })
  @ApiOperation({ summary: "The account's low-balance alert threshold (0 = off)" })
  @ApiResponse({ status: 200, standardSchema: lowBalanceAlert })
  @errorResponses(401, 403)
  get(@Req() request: FastifyRequest): Promise<LowBalanceAlert> {
    return this.settings.get(accountOf(request));
  }

  @Put()
  @Access({ roles: ['parent'] })
  @ApiOperation({
    summary: 'Set the low-balance alert threshold: one mail each time the balance falls below it',
    description:
      'Kopecks, 0..1 000 000; 0 turns it off. Needs a confirmed email (409 email_not_confirmed). ' +
      'No mail when the balance is already below it; the alert arms once the balance is back at or above it.',
  })
  @ApiResponse({ status: 200, standardSchema: lowBalanceAlert })
  @errorResponses(400, 401, 403, 409)
  set(@Body({ schema: lowBalanceAlertRequest }) body: LowBalanceAlertRequest, @Req() request: FastifyRequest) {
    return this.settings.set(accountOf(request), body.threshold, this.clock());
  }
}
