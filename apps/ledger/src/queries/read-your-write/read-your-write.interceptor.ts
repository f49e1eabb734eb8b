/**
 * Read-your-write for queries: a command's JSON response carries its log `position`
 * (decimal string, or null) and is recorded for the principal; a later query (GET) of the
 * same principal first waits, at most READ_YOUR_WRITE_TIMEOUT_MS, until the read models show
 * that position, or the one the client asks for with the `x-min-position` header (for a
 * client of several ledger instances). When they still lag behind, the query answers
 * anyway with `x-read-model-stale: true`.
 */
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { tap, type Observable } from 'rxjs';
import { invalidRequest } from '../../http/api-error.js';
import { LastWrites } from './last-writes.js';
import { ReadModelsProgress } from './read-models-progress.js';

export const MIN_POSITION_HEADER = 'x-min-position';
export const STALE_HEADER = 'x-read-model-stale';
export const READ_YOUR_WRITE_TIMEOUT_MS = 2_000;

const READS = new Set(['GET', 'HEAD']);
const DECIMAL = /^\d{1,20}$/;

@Injectable()
export class ReadYourWriteInterceptor implements NestInterceptor {
  constructor(
    private readonly lastWrites: LastWrites,
    private readonly progress: ReadModelsProgress,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const principalId = request.principal?.id;
    if (!READS.has(request.method)) {
      if (principalId === undefined) return next.handle();
      return next.handle().pipe(tap((body) => this.recordWrite(principalId, body)));
    }
    const wanted = max(minPositionOf(request), principalId === undefined ? null : this.lastWrites.of(principalId));
    if (wanted !== null && !(await this.progress.waitFor(wanted, READ_YOUR_WRITE_TIMEOUT_MS))) {
      void http.getResponse<FastifyReply>().header(STALE_HEADER, 'true');
    }
    return next.handle();
  }

  private recordWrite(principalId: string, body: unknown): void {
    if (typeof body !== 'object' || body === null || !('position' in body)) return;
    const { position } = body;
    if (typeof position === 'string' && DECIMAL.test(position)) this.lastWrites.record(principalId, BigInt(position));
  }
}

function minPositionOf(request: FastifyRequest): bigint | null {
  const header = request.headers[MIN_POSITION_HEADER];
  if (header === undefined) return null;
  if (typeof header !== 'string' || !DECIMAL.test(header)) {
    throw invalidRequest(
      `${MIN_POSITION_HEADER} must be a global log position (a decimal integer)`,
      `${MIN_POSITION_HEADER} должен быть позицией в журнале событий (целое десятичное число)`,
      { header: MIN_POSITION_HEADER },
    );
  }
  return BigInt(header);
}

const max = (a: bigint | null, b: bigint | null): bigint | null => (a === null ? b : b === null || a >= b ? a : b);
