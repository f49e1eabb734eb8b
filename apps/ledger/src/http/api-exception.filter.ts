/** Sends every error in the API's shape; only unexpected ones (5xx) are logged with their stack. */
import { Catch, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { LOGGER } from '../infrastructure/tokens.js';
import { LedgerMetrics } from '../observability/metrics.js';
import { StorageStatus } from '../observability/storage-status.js';
import { toApiError } from './error-mapping.js';

@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly storage: StorageStatus,
    private readonly metrics: LedgerMetrics,
  ) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const apiError = toApiError(error);
    if (apiError.code === 'storage_full') {
      // expected while the disk is full: health says so, and the log says it once
      if (this.storage.reportFull())
        this.logger.error({ err: error }, 'storage full: writes are refused until space returns');
      this.metrics.storageFullRefusals.inc();
    } else if (apiError.statusCode >= 500) {
      this.logger.error(
        { err: error, route: request?.routeOptions?.url, correlationId: request?.correlationId },
        'request failed',
      );
    }
    if (reply.sent) return;
    void reply
      .status(apiError.statusCode)
      .headers(apiError.headers ?? {})
      .type('application/json; charset=utf-8')
      .send(apiError.toBody());
  }
}
