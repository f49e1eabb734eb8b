/**
 * Who issued a command, why and when: becomes the metadata of every event the command
 * records (actor, source, correlation and causation ids, occurredAt from the server clock).
 */
import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '@meals/domain';
import type { Principal } from '../identity/principal.js';

export interface CommandContext {
  actor: EventMetadata['actor'];
  source: EventMetadata['source'];
  correlationId: string;
  causationId: string;
  now: Date;
}

const ACTOR_KIND: Record<Principal['role'], EventMetadata['actor']['kind']> = {
  admin: 'staff',
  department_admin: 'staff',
  school_staff: 'staff',
  auditor: 'staff',
  till: 'till',
  bank: 'bank',
};

const SOURCE: Record<EventMetadata['actor']['kind'], EventMetadata['source']> = {
  staff: 'staff',
  till: 'till',
  bank: 'bank',
  parent: 'web',
  system: 'system',
};

export function principalContext(
  principal: Principal,
  request: { correlationId: string; requestId: string },
  now: Date,
  source?: EventMetadata['source'],
): CommandContext {
  const kind = ACTOR_KIND[principal.role];
  return {
    actor: { kind, id: principal.id },
    source: source ?? SOURCE[kind],
    correlationId: request.correlationId,
    causationId: request.requestId,
    now,
  };
}

/** Work the ledger does on its own (e.g. completing a transfer), caused by an event. */
export function systemContext(process: string, cause: { correlationId?: string; causationId: string }, now: Date): CommandContext {
  return {
    actor: { kind: 'system', id: process },
    source: 'system',
    correlationId: cause.correlationId ?? randomUUID(),
    causationId: cause.causationId,
    now,
  };
}

/** A follow-up step of the same command (e.g. opening accounts after enrolment). */
export const causedBy = (context: CommandContext, causationId: string, source?: EventMetadata['source']): CommandContext => ({
  ...context,
  causationId,
  source: source ?? context.source,
});

export function eventMetadata(context: CommandContext): EventMetadata {
  return {
    actor: context.actor,
    source: context.source,
    correlationId: context.correlationId,
    causationId: context.causationId,
    occurredAt: context.now.toISOString(),
  };
}
