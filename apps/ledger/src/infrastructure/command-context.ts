/**
 * The command context of a request: a principal of the ledger's API issues the command
 * (see CommandContext in @meals/command-runner for what becomes event metadata).
 */
import type { EventMetadata } from '@meals/domain';
import type { CommandContext } from '@meals/command-runner';
import type { Principal } from '../identity/principal.js';

const ACTOR_KIND: Record<Principal['role'], EventMetadata['actor']['kind']> = {
  admin: 'staff',
  department_admin: 'staff',
  school_staff: 'staff',
  auditor: 'staff',
  ministry: 'staff',
  meal_operator: 'staff',
  class_teacher: 'staff',
  till: 'till',
  bank: 'bank',
  parent: 'parent',
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
