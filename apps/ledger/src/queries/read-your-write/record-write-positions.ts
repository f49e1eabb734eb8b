/**
 * Remembers, per principal, the log position every command answer carries (`position`, see
 * @meals/contracts' command result), so that the principal's next queries wait for it
 * (ReadYourWriteInterceptor). A Fastify hook on the answer object, before it is serialised:
 * no per-request Nest interceptor on the sale path.
 */
import type { FastifyInstance } from 'fastify';
import { isLogPositionText, type LastWrites } from './last-writes.js';

export function recordWritePositions(fastify: FastifyInstance, lastWrites: LastWrites): void {
  fastify.addHook('preSerialization', (request, _reply, payload, done) => {
    const principalId = request.principal?.id;
    if (principalId !== undefined && request.method !== 'GET' && typeof payload === 'object' && payload !== null) {
      const position = (payload as { position?: unknown }).position;
      if (isLogPositionText(position)) lastWrites.record(principalId, BigInt(position));
    }
    done(null, payload);
  });
}
