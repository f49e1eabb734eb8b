/**
 * Read-your-write for queries: a query (GET) first waits, at most
 * READ_YOUR_WRITE_TIMEOUT_MS, until the read models show the caller's last write (recorded
 * from command answers, see record-write-positions.ts), or the position the client asks
 * for with the `x-min-position` header (a client of several ledger instances). When they
 * still lag behind, the query answers anyway with `x-read-model-stale: true`. Only query
 * routes carry it (`@ReadsOwnWrites()`): the till's sale path pays nothing for it.
 */
import {
  Injectable,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { invalidRequest } from '../../http/api-error.js';
import { isLogPositionText, LastWrites } from './last-writes.js';
import { ReadModelsProgress } from './read-models-progress.js';

export const MIN_POSITION_HEADER = 'x-min-position';
export const STALE_HEADER = 'x-read-model-stale';
export const READ_YOUR_WRITE_TIMEOUT_MS = 2_000;

/** A query route that waits for the caller's own writes (and honours `x-min-position`). */
export const ReadsOwnWrites = () => UseInterceptors(ReadYourWriteInterceptor);

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
    const wanted = max(minPositionOf(request), principalId === undefined ? null : this.lastWrites.of(principalId));
    if (wanted !== null && !(await this.progress.waitFor(wanted, READ_YOUR_WRITE_TIMEOUT_MS))) {
      void http.getResponse<FastifyReply>().header(STALE_HEADER, 'true');
    }
    return next.handle();
  }
}

function minPositionOf(request: FastifyRequest): bigint | null {
  const header = request.headers[MIN_POSITION_HEADER];
  if (header === undefined) return null;
  if (!isLogPositionText(header)) {
    throw invalidRequest(
      `${MIN_POSITION_HEADER} must be a global log position (a decimal integer)`,
      `${MIN_POSITION_HEADER} должен быть позицией в журнале событий (целое десятичное число)`,
      { header: MIN_POSITION_HEADER },
    );
  }
  return BigInt(header);
}

const max = (a: bigint | null, b: bigint | null): bigint | null => (a === null ? b : b === null || a >= b ? a : b);
