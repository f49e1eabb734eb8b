/**
 * What every command endpoint answers about itself, in one vocabulary: `status` says
 * whether this request recorded something (`recorded`, HTTP 201) or repeated a command
 * carried out before and changed nothing (`duplicate`, HTTP 200), and `position` is the
 * global log position of the last event it appended (a decimal string: it is a 64-bit
 * number; null when nothing was appended). A client can wait for the read models to reach
 * that position to read its own write.
 */
import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { positionText } from '@meals/command-runner';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';

export const commandStatus = z.enum(['recorded', 'duplicate']).meta({
  description:
    "'recorded': this request recorded events (HTTP 201); " +
    "'duplicate': it repeated a command carried out before and changed nothing (HTTP 200)",
});
export type CommandStatus = z.infer<typeof commandStatus>;

export const logPosition = z
  .string()
  .regex(/^\d+$/)
  .nullable()
  .meta({
    description: 'global log position of the last event this request appended, as a decimal string; null when it appended nothing',
    example: '18342',
  });

/** The two fields every command result has. */
export const commandResultFields = { status: commandStatus, position: logPosition };

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
