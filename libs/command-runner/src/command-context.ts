/**
 * Who issued a command, why and when: becomes the metadata of every event the command
 * records (actor, source, correlation and causation ids, occurredAt from the caller's clock).
 */
import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '@meals/domain';

export interface CommandContext {
  actor: EventMetadata['actor'];
  source: EventMetadata['source'];
  correlationId: string;
  causationId: string;
  now: Date;
}

/** Work done on the system's own account (e.g. completing a transfer, a job), caused by an event. */
export function systemContext(
  process: string,
  cause: { correlationId?: string; causationId: string },
  now: Date,
): CommandContext {
  return {
    actor: { kind: 'system', id: process },
    source: 'system',
    correlationId: cause.correlationId ?? randomUUID(),
    causationId: cause.causationId,
    now,
  };
}

/** A follow-up step of the same command (e.g. opening accounts after enrolment). */
export const causedBy = (
  context: CommandContext,
  causationId: string,
  source?: EventMetadata['source'],
): CommandContext => ({
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
