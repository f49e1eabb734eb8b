/**
 * Builds the ledger's HTTP application on Fastify: body limits and parsers, request
 * hooks (correlation id, metrics, access log), OpenAPI at /api/docs. Used by main.ts and
 * by the tests, which pass their own temp stores.
 */
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { LedgerModule, type LedgerDependencies } from './app.module.js';
import { documentStorageFull } from './http/openapi.js';
import { CORRELATION_HEADER, correlationIdOf, newRequestId } from './http/request-context.js';
import { NestPinoLogger } from './observability/logger.js';
import { documentReadYourWrite } from './queries/read-your-write/openapi.js';
import { PUPIL_LIST_CSV, PUPIL_LIST_XLSX } from '@meals/contracts';
import { LastWrites } from './queries/read-your-write/last-writes.js';
import { recordWritePositions } from './queries/read-your-write/record-write-positions.js';

/** JSON bodies: 1 MB is far above any real command. */
export const JSON_BODY_LIMIT = 1024 * 1024;
/** Pupil lists (XLSX is zipped, CSV of a large school ~300 KB). */
export const IMPORT_BODY_LIMIT = 5 * 1024 * 1024;
/** HTML forms: a card form or a gateway's callback. */
const FORM_BODY_LIMIT = 16 * 1024;

export async function createLedgerApp(deps: LedgerDependencies): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: JSON_BODY_LIMIT,
    genReqId: () => newRequestId(),
    trustProxy: false,
    logger: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(LedgerModule.forRoot(deps), adapter, {
    logger: new NestPinoLogger(deps.logger),
    abortOnError: false,
  });
  app.useBodyParser([PUPIL_LIST_CSV, PUPIL_LIST_XLSX], { bodyLimit: IMPORT_BODY_LIMIT });
  // the sandbox gateway's card form and gateways' callbacks post HTML forms
  app.useBodyParser('application/x-www-form-urlencoded', { bodyLimit: FORM_BODY_LIMIT });

  const fastify = app.getHttpAdapter().getInstance();
  recordWritePositions(fastify, app.get(LastWrites));
  fastify.addHook('onRequest', (request, reply, done) => {
    request.correlationId = correlationIdOf(request.headers[CORRELATION_HEADER], request.id);
    void reply.headers({
      [CORRELATION_HEADER]: request.correlationId,
      // balances and statements are personal: no shared caches, no content sniffing
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    deps.metrics.httpRequestDuration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    deps.logger.info(
      {
        method: request.method,
        route,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        correlationId: request.correlationId,
        principal: request.principal?.id,
      },
      'request',
    );
    done();
  });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('School meals ledger')
      .setDescription(
        'Accounts, cards, top-ups and till sales of cashless school catering. Amounts are integer kopecks. ' +
          'Errors: { statusCode, code, message, messageRu, details? }.',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API key (tills, banks) or staff session token' })
      .build(),
  );
  documentStorageFull(document);
  SwaggerModule.setup('api/docs', app, documentReadYourWrite(document), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
