/**
 * Per-request facts the ledger adds to Fastify's request: the authenticated principal
 * (set by the access guard) and the correlation id (from `x-correlation-id` or new).
 */
import { randomUUID } from 'node:crypto';
import type { Principal } from '../identity/principal.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
    correlationId: string;
  }
}

export const CORRELATION_HEADER = 'x-correlation-id';
const SAFE_CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A caller's correlation id is kept only if it is short and plain (it ends up in logs and events). */
export function correlationIdOf(header: string | string[] | undefined, fallback: string): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && SAFE_CORRELATION_ID.test(value) ? value : fallback;
}

export const newRequestId = (): string => randomUUID();
