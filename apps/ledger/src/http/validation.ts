/**
 * Request validation: zod schemas attached to `@Body({ schema })`, `@Query({ schema })`
 * and `@Param(name, { schema })` are checked by Nest's StandardSchemaValidationPipe; a
 * failure becomes a 400 in the API's error shape listing every problem with its path.
 */
import { StandardSchemaValidationPipe } from '@nestjs/common';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { invalidRequest } from './api-error.js';

const MAX_LISTED_ISSUES = 20;

function pathOf(issue: StandardSchemaV1.Issue): string {
  return (issue.path ?? [])
    .map((segment) => (typeof segment === 'object' && segment !== null ? segment.key : segment))
    .map(String)
    .join('.');
}

export function validationError(issues: readonly StandardSchemaV1.Issue[]) {
  const listed = issues.slice(0, MAX_LISTED_ISSUES).map((issue) => ({ path: pathOf(issue), message: issue.message }));
  const summary = listed.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ');
  const fields = [...new Set(listed.map((issue) => issue.path).filter(Boolean))].join(', ');
  return invalidRequest(
    `Invalid request: ${summary}`,
    fields ? `Неверные данные запроса (поля: ${fields})` : 'Неверные данные запроса',
    { issues: listed },
  );
}

export const createValidationPipe = () =>
  new StandardSchemaValidationPipe({ exceptionFactory: validationError, transform: true });
