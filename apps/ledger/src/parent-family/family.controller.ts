/** The family view: GET the accounts of the same confirmed email, POST a switch to one of them. */
import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import {
  parentFamily,
  parentSession,
  switchFamilyRequest,
  type ParentFamily as ParentFamilyView,
  type ParentSession,
  type SwitchFamilyRequest,
} from '@meals/contracts';
import { Access } from '../auth/access.js';
import { unauthorized } from '../http/api-error.js';
import { errorResponses } from '../http/openapi.js';
import { parentSubject } from '../identity/parent-principal.js';
import type { Principal } from '../identity/principal.js';
import { SessionTokens } from '../identity/session-tokens.js';
import type { IdentityStore } from '../identity/store/identity-store.port.js';
import { CLOCK, IDENTITY_STORE, LOGGER, type Clock } from '../infrastructure/tokens.js';
import { ReadsOwnWrites } from '../queries/read-your-write/read-your-write.interceptor.js';
import { ParentFamily } from './parent-family.js';

const parentOf = (request: FastifyRequest): Principal & { accountNumber: string } => {
  const principal = request.principal;
  if (!principal?.accountNumber) throw unauthorized();
  return principal as Principal & { accountNumber: string };
};

@ApiTags('parents')
@ApiBearerAuth()
@Controller('api/parent/family')
export class FamilyController {
  constructor(
    private readonly family: ParentFamily,
    private readonly sessions: SessionTokens,
    @Inject(IDENTITY_STORE) private readonly store: IdentityStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @ReadsOwnWrites()
  @Get()
  @Access({ roles: ['parent'] })
  @ApiOperation({
    summary: 'This account and every account whose parent confirmed the same email',
    description: 'Only this account while its email is missing or unconfirmed.',
  })
  @ApiResponse({ status: 200, standardSchema: parentFamily })
  @errorResponses(401, 403)
  async list(@Req() request: FastifyRequest): Promise<ParentFamilyView> {
    return { members: await this.family.members(parentOf(request).accountNumber) };
  }

  @Post('switch')
  @HttpCode(200)
  @Access({ roles: ['parent'] })
  @ApiOperation({
    summary: 'A session for another account of the family, without signing in again',
    description:
      'Only when both accounts have confirmed the same email now (403 not_in_family otherwise, also for an ' +
      'unknown account). The calling session ends.',
  })
  @ApiResponse({ status: 200, standardSchema: parentSession })
  @errorResponses(400, 401, 403)
  async switchTo(
    @Body({ schema: switchFamilyRequest }) body: SwitchFamilyRequest,
    @Req() request: FastifyRequest,
  ): Promise<ParentSession> {
    const principal = parentOf(request);
    const now = this.clock();
    await this.family.assertSameFamily(principal.accountNumber, body.accountNumber);
    if (principal.session)
      await this.store.revokeSession(principal.session.id, principal.session.expiresAt, now.toISOString());
    await this.store.appendAccessAudit({
      at: now.toISOString(),
      actor: principal.id,
      action: 'family_switched',
      accountNumber: body.accountNumber,
    });
    this.logger.info({ from: principal.accountNumber, to: body.accountNumber }, 'parent switched account');
    const issued = this.sessions.issue(parentSubject(body.accountNumber), now);
    return { ...issued, accountNumber: body.accountNumber, mustChangePassword: false };
  }
}
