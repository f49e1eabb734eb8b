/**
 * How the ledger answers in the one command vocabulary of @meals/contracts (`status`
 * recorded/duplicate, `position`): the fields from what a request appended, and the HTTP
 * status that goes with them.
 */
import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { positionText } from '@meals/command-runner';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { CommandStatus } from '@meals/contracts';

/** `status` and `position` from the positions of everything the request appended (nulls for steps that appended nothing). */
export function commandResultOf(...positions: (bigint | null)[]): { status: CommandStatus; position: string | null } {
  let last: bigint | null = null;
  for (const position of positions) if (position !== null && (last === null || position > last)) last = position;
  return { status: last === null ? 'duplicate' : 'recorded', position: positionText(last) };
}

/** A duplicate answers 200 instead of the route's 201. */
export function answerWith<T extends { status: CommandStatus }>(reply: FastifyReply, result: T): T {
  if (result.status === 'duplicate') reply.status(200);
  return result;
}

/** OpenAPI: 201 when recorded, 200 for a duplicate, both with `schema`. */
export const commandResponses = (schema: z.ZodType, recorded: string, duplicate: string) =>
  applyDecorators(
    ApiResponse({ status: 201, description: `recorded: ${recorded}`, standardSchema: schema }),
    ApiResponse({ status: 200, description: `duplicate: ${duplicate}; nothing changed`, standardSchema: schema }),
  );
