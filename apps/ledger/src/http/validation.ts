/**
 * Request validation: zod schemas attached to `@Body({ schema })`, `@Query({ schema })`
 * and `@Param(name, { schema })` are checked by Nest's StandardSchemaValidationPipe; a
 * failure becomes a 400 in the API's error shape listing every problem with its path.
 */
import { StandardSchemaValidationPipe } from '@nestjs/common';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { russianTextIssue } from '@meals/contracts';
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
  // the text rule's issues have a Russian wording: say what is wrong, not only where
  const explained = listed.flatMap((issue) => {
    const russian = russianTextIssue(issue.message);
    return russian === undefined ? [] : [issue.path ? `${issue.path}: ${russian}` : russian];
  });
  const messageRu = fields ? `Неверные данные запроса (поля: ${fields})` : 'Неверные данные запроса';
  return invalidRequest(
    `Invalid request: ${summary}`,
    explained.length > 0 ? `${messageRu}: ${explained.join('; ')}` : messageRu,
    {
      issues: listed,
    },
  );
}

/** Keys that could reach an object's prototype chain if a value were merged somewhere. */
const POLLUTING_KEYS = ['__proto__', 'prototype', 'constructor'] as const;

const isPlainContainer = (value: object): boolean => {
  if (Array.isArray(value)) return true;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/**
 * Removes `__proto__`, `prototype` and `constructor` own keys at any depth of a request
 * value, like Nest's own stripProtoKeys, but walking only plain objects and arrays (what
 * JSON bodies, query strings and route params are made of) without its per-object
 * bookkeeping: the pipe runs on every request. An explicit stack keeps deeply nested
 * bodies from overflowing the call stack.
 */
export function stripPollutingKeys(value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  const stack: object[] = [value];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (!isPlainContainer(current)) continue;
    if (!Array.isArray(current)) {
      for (const key of POLLUTING_KEYS) {
        if (Object.hasOwn(current, key)) delete (current as Record<string, unknown>)[key];
      }
    }
    for (const child of Object.values(current)) {
      if (child !== null && typeof child === 'object') stack.push(child as object);
    }
  }
}

/** Nest's Standard Schema pipe with the cheaper prototype-key stripping above. */
export class LedgerValidationPipe extends StandardSchemaValidationPipe {
  protected override stripProtoKeys(value: unknown): void {
    stripPollutingKeys(value);
  }
}

export const createValidationPipe = () =>
  new LedgerValidationPipe({ exceptionFactory: validationError, transform: true });
