/** Builds the CommandContext of an authenticated request (actor, ids, server time). */
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { CommandContext } from '@meals/command-runner';
import { principalContext } from '../infrastructure/command-context.js';
import { CLOCK, type Clock } from '../infrastructure/tokens.js';
import { forbidden, unauthorized } from './api-error.js';
import type { Till } from '../accounts/commands/record-sale.js';

@Injectable()
export class CommandContexts {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  of(request: FastifyRequest): CommandContext {
    if (!request.principal) throw unauthorized();
    return principalContext(
      request.principal,
      { correlationId: request.correlationId, requestId: request.id },
      this.clock(),
    );
  }

  /** A till's school and id come from its key, never from the request body. */
  tillOf(request: FastifyRequest): Till {
    const principal = request.principal;
    if (!principal) throw unauthorized();
    if (principal.role !== 'till' || !principal.schoolId || !principal.tillId)
      throw forbidden('Only a till may do this');
    return { schoolId: principal.schoolId, tillId: principal.tillId };
  }
}
