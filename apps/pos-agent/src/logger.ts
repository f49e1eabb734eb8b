/** The agent's log (pino, JSON lines). The till key and any bearer token are redacted wherever they appear in a logged object. */
import { pino, type DestinationStream, type Logger } from 'pino';

export const REDACTED_PATHS = [
  'apiKey',
  'config.apiKey',
  '*.apiKey',
  'token',
  '*.token',
  'authorization',
  'headers.authorization',
  '*.headers.authorization',
  'req.headers.authorization',
  'temporaryPassword',
  '*.temporaryPassword',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, base: { service: 'pos-agent' }, redact: { paths: REDACTED_PATHS, censor: '[скрыто]' } };
  return destination ? pino(options, destination) : pino(options);
}
