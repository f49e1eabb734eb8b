/**
 * The one guard of the API. For every route: find its access rule (none → refused),
 * authenticate the bearer token (→ 401), check the role (→ 403), keep a parent signed in
 * with a temporary password to changing it (→ 403), keep auditors to reads,
 * then check every school/account/department the request touches against the caller's
 * scope (→ 403, or 404 for an unknown account/school).
 */
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { forbidden, passwordChangeRequired, unauthorized } from '../http/api-error.js';
import { ACCESS_RULE, type AccessRule } from './access.js';
import { Authenticator } from './authenticator.js';
import { ScopeChecker } from './scope-checker.js';

const READ_METHODS = new Set(['GET', 'HEAD']);

@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    private readonly scopes: ScopeChecker,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) throw forbidden('This route declares no access rule');
    if (rule.public) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const principal = await this.authenticator.authenticate(request.headers.authorization);
    if (!principal) throw unauthorized();
    request.principal = principal;

    if (!rule.roles.includes(principal.role)) throw forbidden();
    if (principal.mustChangePassword && !rule.beforePasswordChange) throw passwordChangeRequired();
    if (principal.role === 'auditor' && !READ_METHODS.has(request.method)) throw forbidden();
    if (rule.scope) await this.scopes.assertInScope(principal, rule.scope(request));
    return true;
  }
}
