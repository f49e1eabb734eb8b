/** OpenAPI helpers: the error shape, and the error statuses a route can answer with. */
import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
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
};

export const errorResponses = (...statuses: number[]) =>
  applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Error', standardSchema: apiError })),
  );
