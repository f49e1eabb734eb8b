/** The parent's own cabinet: profile (account, balance, school, email) and the email for mail. */
import { Body, Controller, Get, HttpCode, Inject, Put, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  emailStatus,
  parentProfile,
  setEmailRequest,
  type ParentProfile,
  type SetEmailRequest,
} from '@meals/contracts';
import type { ReadModelStore } from '@meals/read-model-store';
import { collections, TypedReadModels } from '@meals/read-models';
import { Access } from '../auth/access.js';
import { unauthorized } from '../http/api-error.js';
import { errorResponses } from '../http/openapi.js';
import { CLOCK, READ_MODELS, type Clock } from '../infrastructure/tokens.js';
import { GetAccountQuery } from '../queries/get-account.js';
import { ReadsOwnWrites } from '../queries/read-your-write/read-your-write.interceptor.js';
import { CabinetAccess } from './cabinet-access.js';

const accountOf = (request: FastifyRequest): string => {
  const accountNumber = request.principal?.accountNumber;
  if (!accountNumber) throw unauthorized();
  return accountNumber;
};

@ApiTags('parents')
@ApiBearerAuth()
@Controller('api/parent')
export class ParentController {
  private readonly readModels: TypedReadModels;

  constructor(
    private readonly queries: QueryBus,
    private readonly cabinet: CabinetAccess,
    @Inject(READ_MODELS) store: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.readModels = new TypedReadModels(store);
  }

  @ReadsOwnWrites()
  @Get('me')
  @Access({ roles: ['parent'] })
  @ApiOperation({ summary: "The parent's account: pupil, school, class, balance and the cabinet's email" })
  @ApiResponse({ status: 200, standardSchema: parentProfile })
  @errorResponses(401, 403, 404)
  async me(@Req() request: FastifyRequest): Promise<ParentProfile> {
    const accountNumber = accountOf(request);
    const [account, email] = await Promise.all([
      this.queries.execute(new GetAccountQuery(accountNumber)),
      this.cabinet.profileEmail(accountNumber),
    ]);
    const school = await this.readModels.get(collections.schools, account.schoolId);
    return {
      accountNumber,
      fullName: account.fullName,
      schoolId: account.schoolId,
      schoolName: school?.name ?? `Школа № ${account.schoolId}`,
      className: account.className,
      balance: account.balance,
      balanceText: account.balanceText,
      status: account.status,
      ...email,
    };
  }

  @Put('email')
  @HttpCode(202)
  @Access({ roles: ['parent'] })
  @ApiOperation({ summary: 'Set the email (unconfirmed until the mailed link is opened)' })
  @ApiResponse({ status: 202, standardSchema: emailStatus })
  @errorResponses(400, 401, 403)
  setEmail(@Body({ schema: setEmailRequest }) body: SetEmailRequest, @Req() request: FastifyRequest) {
    return this.cabinet.setEmail(accountOf(request), body.email, this.clock());
  }
}
