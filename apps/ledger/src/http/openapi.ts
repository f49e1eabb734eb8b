/** OpenAPI helpers: the error shape, and the error statuses a route can answer with. */
import { applyDecorators } from '@nestjs/common';
import { ApiResponse, type OpenAPIObject } from '@nestjs/swagger';
import { apiError } from '@meals/contracts';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request (wrong types, missing fields, malformed numbers); nothing changed',
  401: 'Missing or invalid bearer token',
  403: 'Not allowed for this role or scope',
  404: 'Account, card or school not found',
  409: 'Refused by the current state (e.g. insufficient_funds with details { balance, total }, card_blocked)',
  413: 'Body larger than allowed',
  415: 'Unsupported Content-Type',
  429: 'Too many attempts; see Retry-After',
  503: 'storage_full: the disk is full, nothing was recorded; retry after Retry-After seconds',
};

/**
 * Every write can meet a full disk: documented once for all of them (503 `storage_full`)
 * instead of on each route.
 */
export function documentStorageFull(document: OpenAPIObject): void {
  for (const path of Object.values(document.paths)) {
    for (const method of ['post', 'put', 'patch', 'delete'] as const) {
      const operation = path[method];
      if (!operation?.responses || operation.responses['503']) continue;
      operation.responses['503'] = {
        description: DESCRIPTIONS[503],
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
      };
    }
  }
}

export const errorResponses = (...statuses: number[]) =>
  applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Error', standardSchema: apiError }),
    ),
  );
