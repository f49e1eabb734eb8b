/**
 * The parents' cabinet sign-in: login with the terms of use, password change (the only call
 * a temporary password allows), email confirmation, recovery and reset by mail link.
 */
import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import {
  changePasswordRequest,
  confirmEmailRequest,
  emailStatus,
  parentLoginRequest,
  parentSession,
  recoverPasswordRequest,
  resetPasswordRequest,
  type ChangePasswordRequest,
  type ConfirmEmailRequest,
  type ParentLoginRequest,
  type ParentSession,
  type RecoverPasswordRequest,
  type ResetPasswordRequest,
} from '@meals/contracts';
import { assertCabinetPassword } from '@meals/domain';
import { Access, PublicRoute } from '../auth/access.js';
import { unauthorized } from '../http/api-error.js';
import { errorResponses } from '../http/openapi.js';
import { ParentLoginRateLimiter } from '../identity/login-rate-limiter.js';
import { parentSubject } from '../identity/parent-principal.js';
import type { Principal } from '../identity/principal.js';
import { SessionTokens } from '../identity/session-tokens.js';
import type { IdentityStore } from '../identity/store/identity-store.port.js';
import { CLOCK, IDENTITY_STORE, LOGGER, type Clock } from '../infrastructure/tokens.js';
import { CabinetAccess } from './cabinet-access.js';
import { invalidParentCredentials, termsNotAccepted, tooManyAttempts, wrongCurrentPassword } from './cabinet-errors.js';

@ApiTags('parents')
@Controller('api/auth/parent')
export class ParentAuthController {
  constructor(
    private readonly cabinet: CabinetAccess,
    private readonly limiter: ParentLoginRateLimiter,
    private readonly sessions: SessionTokens,
    @Inject(IDENTITY_STORE) private readonly store: IdentityStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Post('login')
  @HttpCode(200)
  @PublicRoute()
  @ApiOperation({
    summary: 'Parent login: account number + password + acceptance of the terms of use',
    description:
      'A temporary password gives a token that may only change the password (mustChangePassword). ' +
      '5 failures per account, or 30 per address, in 15 minutes → 429 too_many_attempts.',
  })
  @ApiResponse({ status: 200, standardSchema: parentSession })
  @errorResponses(400, 401, 429)
  async login(@Body({ schema: parentLoginRequest }) body: ParentLoginRequest, @Req() request: FastifyRequest) {
    if (!body.acceptTerms) throw termsNotAccepted();
    const now = this.clock();
    let match: Awaited<ReturnType<CabinetAccess['login']>> = null;
    const outcome = await this.limiter.guard(body.accountNumber, request.ip, async () => {
      match = await this.cabinet.login(body.accountNumber, body.password, now);
      return match !== null;
    });
    if (outcome.retryAfterSeconds !== null) {
      this.logger.warn({ accountNumber: body.accountNumber, ip: request.ip }, 'parent login locked');
      throw tooManyAttempts(outcome.retryAfterSeconds);
    }
    if (match === null) {
      this.logger.info({ accountNumber: body.accountNumber, ip: request.ip }, 'parent login failed');
      throw invalidParentCredentials();
    }
    this.logger.info({ accountNumber: body.accountNumber, match }, 'parent login');
    return this.session(body.accountNumber, now, match === 'temporary');
  }

  @Post('password')
  @HttpCode(200)
  @ApiBearerAuth()
  @Access({ roles: ['parent'], beforePasswordChange: true })
  @ApiOperation({
    summary: 'Set a new permanent password (at least 8 characters, letters and digits, not the account number)',
  })
  @ApiResponse({ status: 200, standardSchema: parentSession })
  @errorResponses(400, 401, 403, 429)
  async changePassword(
    @Body({ schema: changePasswordRequest }) body: ChangePasswordRequest,
    @Req() request: FastifyRequest,
  ) {
    const principal = parentOf(request);
    const accountNumber = principal.accountNumber!;
    const now = this.clock();
    // the rule first: a weak new password is no guess at the current one
    assertCabinetPassword(body.newPassword, accountNumber);
    const outcome = await this.limiter.guard(
      accountNumber,
      request.ip,
      async () => (await this.cabinet.login(accountNumber, body.currentPassword, now)) !== null,
    );
    if (outcome.retryAfterSeconds !== null) throw tooManyAttempts(outcome.retryAfterSeconds);
    if (!outcome.ok) throw wrongCurrentPassword();
    await this.cabinet.changePassword(accountNumber, body.newPassword, now);
    if (principal.session)
      await this.store.revokeSession(principal.session.id, principal.session.expiresAt, now.toISOString());
    this.logger.info({ accountNumber }, 'parent password changed');
    return this.session(accountNumber, now, false);
  }

  @Post('email/confirm')
  @HttpCode(200)
  @PublicRoute()
  @ApiOperation({ summary: 'Confirm the email with the token from the mailed link' })
  @ApiResponse({ status: 200, standardSchema: emailStatus })
  @errorResponses(400)
  confirmEmail(@Body({ schema: confirmEmailRequest }) body: ConfirmEmailRequest) {
    return this.cabinet.confirmEmail(body.token, this.clock());
  }

  @Post('recover')
  @HttpCode(202)
  @PublicRoute()
  @ApiOperation({
    summary: 'Mail a password reset link to the confirmed email of the account, if there is one',
    description: 'Answers 202 {} whether or not the account exists or has an email.',
  })
  @errorResponses(400, 429)
  async recover(
    @Body({ schema: recoverPasswordRequest }) body: RecoverPasswordRequest,
    @Req() request: FastifyRequest,
  ) {
    const retryAfterSeconds = await this.limiter.throttleAddress(request.ip);
    if (retryAfterSeconds !== null) throw tooManyAttempts(retryAfterSeconds);
    // not awaited: the answer comes as fast whether or not a mail is sent
    void this.cabinet.recover(body.accountNumber, this.clock());
    return {};
  }

  @Post('reset')
  @HttpCode(200)
  @PublicRoute()
  @ApiOperation({ summary: 'Set a new password with the token from the mailed reset link' })
  @errorResponses(400)
  async reset(@Body({ schema: resetPasswordRequest }) body: ResetPasswordRequest) {
    await this.cabinet.resetPassword(body.token, body.newPassword, this.clock());
    return {};
  }

  private session(accountNumber: string, now: Date, mustChangePassword: boolean): ParentSession {
    const issued = this.sessions.issue(parentSubject(accountNumber), now, { mustChangePassword });
    return { ...issued, accountNumber, mustChangePassword };
  }
}

function parentOf(request: FastifyRequest): Principal {
  const principal = request.principal;
  if (!principal?.accountNumber) throw unauthorized();
  return principal;
}
