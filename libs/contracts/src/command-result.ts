/**
 * What every command endpoint answers about itself, in one vocabulary: `status` says
 * whether this request recorded something (`recorded`, HTTP 201) or repeated a command
 * carried out before and changed nothing (`duplicate`, HTTP 200), and `position` is the
 * global log position of the last event it appended (a decimal string: it is a 64-bit
 * number; null when nothing was appended). A client can wait for the read models to reach
 * that position to read its own write.
 */
import { z } from 'zod';

export const commandStatus = z.enum(['recorded', 'duplicate']).meta({
  description:
    "'recorded': this request recorded events (HTTP 201); " +
    "'duplicate': it repeated a command carried out before and changed nothing (HTTP 200)",
});
export type CommandStatus = z.infer<typeof commandStatus>;

export const logPosition = z.string().regex(/^\d+$/).nullable().meta({
  description:
    'global log position of the last event this request appended, as a decimal string; null when it appended nothing',
  example: '18342',
});

/** The two fields every command result has. */
export const commandResultFields = { status: commandStatus, position: logPosition };
