/**
 * Structured JSON logs (pino). Credentials never reach a log line: authorization headers,
 * cookies, passwords, tokens and keys are redacted wherever they appear. The service
 * writes them through openLogDestination (@meals/runtime-config): a full disk drops and
 * counts lines instead of hanging or killing the ledger.
 */
import type { LoggerService } from '@nestjs/common';
import { pino, type Logger } from 'pino';

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'authorization',
  'password',
  'token',
  'key',
  '*.password',
  '*.token',
  '*.key',
  '*.passwordHash',
  'body.password',
  // the parents' cabinet
  'temporaryPassword',
  '*.temporaryPassword',
  'currentPassword',
  '*.currentPassword',
  'newPassword',
  '*.newPassword',
  '*.temporaryPasswordHash',
  'email',
  '*.email',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'ledger' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/** Routes Nest's own log calls (bootstrap, route mapping, errors) into pino. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    if (message instanceof Error) this.logger.error({ context, err: message }, message.message);
    else this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
  fatal(message: unknown, context?: string) {
    this.logger.fatal({ context }, String(message));
  }
}
