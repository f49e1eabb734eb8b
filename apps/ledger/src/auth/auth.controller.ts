/** Staff login: username + password → a session token valid for 12 hours; logout of any session. */
import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { loginRequest, loginResult, me, type LoginRequest, type Me } from '@meals/contracts';
import { ApiError, unauthorized } from '../http/api-error.js';
import { notASession } from '../parents/cabinet-errors.js';
import { errorResponses } from '../http/openapi.js';
import { IdentityDirectory, normalizeUsername } from '../identity/identity-directory.js';
import { LoginRateLimiter } from '../identity/login-rate-limiter.js';
import { dummyPasswordHash, verifyPassword } from '../identity/passwords.js';
import { SessionTokens } from '../identity/session-tokens.js';
import type { IdentityStore } from '../identity/store/identity-store.port.js';
import { CLOCK, IDENTITY_STORE, LOGGER, type Clock } from '../infrastructure/tokens.js';
import { Access, ANY_ROLE, PublicRoute } from './access.js';
import { ReadsOwnWrites } from '../queries/read-your-write/read-your-write.interceptor.js';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly directory: IdentityDirectory,
    private readonly limiter: LoginRateLimiter,
    private readonly sessions: SessionTokens,
    @Inject(IDENTITY_STORE) private readonly store: IdentityStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Post('login')
  @HttpCode(200)
  @PublicRoute()
  @ApiOperation({ summary: 'Staff login; 5 failures per username and address in 15 minutes lock it for a while (429)' })
  @ApiResponse({ status: 200, standardSchema: loginResult })
  @errorResponses(400, 401, 429)
  async login(@Body({ schema: loginRequest }) body: LoginRequest, @Req() request: FastifyRequest) {
    const username = normalizeUsername(body.username);
    const now = this.clock();
    const outcome = await this.limiter.guard(username, request.ip, async () => {
      const user = await this.directory.findUser(username);
      // Verify against a dummy hash for unknown users: same time, no user enumeration.
      const valid = await verifyPassword(body.password, user?.passwordHash ?? (await dummyPasswordHash()));
      return valid && user !== null;
    });
    if (outcome.retryAfterSeconds !== null) {
      this.logger.warn({ username, ip: request.ip }, 'login locked after repeated failures');
      throw new ApiError(
        429,
        'too_many_login_attempts',
        'Too many failed logins; try again later',
        'Слишком много неудачных попыток входа, попробуйте позже',
        { retryAfterSeconds: outcome.retryAfterSeconds },
        { 'retry-after': String(outcome.retryAfterSeconds) },
      );
    }
    if (!outcome.ok) {
      this.logger.info({ username, ip: request.ip }, 'login failed');
      throw new ApiError(
        401,
        'invalid_credentials',
        'Wrong username or password',
        'Неверное имя пользователя или пароль',
      );
    }
    this.logger.info({ username }, 'login');
    return this.sessions.issue(username, now);
  }

  @ReadsOwnWrites()
  @Get('me')
  @ApiBearerAuth()
  @Access({ roles: ANY_ROLE, beforePasswordChange: true })
  @ApiOperation({ summary: 'Who this token belongs to: role, scope and a name to show' })
  @ApiResponse({ status: 200, standardSchema: me })
  @errorResponses(401)
  whoAmI(@Req() request: FastifyRequest): Me {
    const principal = request.principal;
    if (!principal) throw unauthorized();
    const [, name = principal.id] = principal.id.split(':');
    return {
      id: principal.id,
      role: principal.role,
      displayName: principal.kind === 'parent' ? `Лицевой счёт ${name}` : name,
      departmentId: principal.departmentId,
      schoolId: principal.schoolId,
      className: principal.className,
    };
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @Access({ roles: ANY_ROLE, beforePasswordChange: true })
  @ApiOperation({ summary: 'End this session: its token is refused from now on (also after restarts)' })
  @ApiResponse({ status: 204, description: 'logged out' })
  @errorResponses(400, 401)
  async logout(@Req() request: FastifyRequest): Promise<void> {
    const principal = request.principal;
    if (!principal) throw unauthorized();
    if (!principal.session) throw notASession();
    await this.store.revokeSession(principal.session.id, principal.session.expiresAt, this.clock().toISOString());
    this.logger.info({ principal: principal.id }, 'logout');
  }
}
