/**
 * Turns anything thrown while serving a request into the API's error shape. Domain
 * refusals keep their code and Russian message; storage conflicts that survived the
 * retries become 409; framework errors (body too large, bad JSON, unknown route) get
 * codes of their own; a full disk is a 503 `storage_full` (nothing was written: retry when
 * space returns); anything else is a 500 that reveals nothing.
 */
import { HttpException } from '@nestjs/common';
import { DomainError, type ErrorKind } from '@meals/domain';
import { IdempotencyConflictError, StorageFullError, WrongExpectedRevisionError } from '@meals/event-store';
import { GatewayError } from '../payments/gateway/payment-gateway.js';
import { ApiError } from './api-error.js';

const STATUS_OF_KIND: Record<ErrorKind, number> = { not_found: 404, conflict: 409, invalid: 400, forbidden: 403 };

/** Fastify's error codes for the request itself, with Russian texts. */
const FRAMEWORK_ERRORS: Record<string, { code: string; message: string; messageRu: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'payload_too_large',
    message: 'Request body is too large',
    messageRu: 'Слишком большой запрос',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    message: 'Unsupported Content-Type',
    messageRu: 'Неподдерживаемый тип содержимого (Content-Type)',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'invalid_body',
    message: 'Content-Length does not match the body',
    messageRu: 'Длина запроса не совпадает с заголовком Content-Length',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'invalid_body',
    message: 'The JSON body is empty',
    messageRu: 'Пустое тело запроса',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'invalid_body',
    message: 'The body is not valid JSON',
    messageRu: 'Тело запроса не является корректным JSON',
  },
};

const GENERIC_BY_STATUS: Record<number, { code: string; messageRu: string }> = {
  400: { code: 'bad_request', messageRu: 'Неверный запрос' },
  401: { code: 'unauthorized', messageRu: 'Требуется вход' },
  403: { code: 'forbidden', messageRu: 'Доступ запрещён' },
  404: { code: 'not_found', messageRu: 'Не найдено' },
  405: { code: 'method_not_allowed', messageRu: 'Метод не поддерживается' },
  406: { code: 'not_acceptable', messageRu: 'Неприемлемый формат ответа' },
  409: { code: 'conflict', messageRu: 'Конфликт' },
  413: { code: 'payload_too_large', messageRu: 'Слишком большой запрос' },
  415: { code: 'unsupported_media_type', messageRu: 'Неподдерживаемый тип содержимого' },
  429: { code: 'too_many_requests', messageRu: 'Слишком много запросов' },
  503: { code: 'service_unavailable', messageRu: 'Сервис временно недоступен' },
};

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof DomainError) {
    return new ApiError(STATUS_OF_KIND[error.kind], error.code, error.message, error.messageRu, { ...error.details });
  }
  if (error instanceof WrongExpectedRevisionError) {
    return new ApiError(
      409,
      'concurrency_conflict',
      'The record was changed concurrently; please retry',
      'Запись изменена одновременно другим запросом, повторите попытку',
    );
  }
  if (error instanceof IdempotencyConflictError) {
    return new ApiError(
      409,
      'idempotency_conflict',
      'This id was already used for a different operation',
      'Этот идентификатор уже использован для другой операции',
    );
  }
  if (error instanceof StorageFullError) return storageFull();
  if (error instanceof GatewayError) {
    return new ApiError(
      502,
      'gateway_unavailable',
      'The payment gateway did not answer; nothing was recorded, try again later',
      'Банк временно не отвечает: платёж не создан, попробуйте позже',
    );
  }
  // Nest wraps Fastify's request errors (body too large, bad JSON) in an HttpException.
  const framework = error instanceof HttpException && error.cause ? error.cause : error;
  const fastifyCode = (framework as { code?: unknown } | null)?.code;
  if (typeof fastifyCode === 'string' && FRAMEWORK_ERRORS[fastifyCode]) {
    const known = FRAMEWORK_ERRORS[fastifyCode];
    return new ApiError(statusOf(framework) ?? 400, known.code, known.message, known.messageRu);
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const generic = GENERIC_BY_STATUS[status] ?? { code: `http_${status}`, messageRu: 'Ошибка запроса' };
    return new ApiError(status, generic.code, error.message, generic.messageRu);
  }
  const status = statusOf(error);
  if (status !== null && status >= 400 && status < 500) {
    const generic = GENERIC_BY_STATUS[status] ?? { code: `http_${status}`, messageRu: 'Ошибка запроса' };
    return new ApiError(status, generic.code, (error as Error).message ?? 'Bad request', generic.messageRu);
  }
  return new ApiError(500, 'internal_error', 'Internal server error', 'Внутренняя ошибка сервера');
}

/** Seconds a client should wait before retrying a write refused for want of space. */
export const STORAGE_FULL_RETRY_AFTER_S = 30;

export const storageFull = () =>
  new ApiError(
    503,
    'storage_full',
    'The ledger cannot write: its disk is full. Nothing was recorded; retry later',
    'Нет места на диске: операция не записана, повторите позже',
    undefined,
    { 'retry-after': String(STORAGE_FULL_RETRY_AFTER_S) },
  );

function statusOf(error: unknown): number | null {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && Number.isInteger(status) ? status : null;
}
