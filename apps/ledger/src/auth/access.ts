/**
 * Every route declares who may call it: `@Access({ roles, scope })`. A route without a
 * declaration is refused (default deny). `scope` names the school(s), account(s) or
 * department the request touches; the guard checks each against the caller's scope.
 */
import { SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Role } from '../identity/principal.js';

export type ScopeTarget =
  | { kind: 'school'; schoolId: string }
  | { kind: 'account'; accountNumber: string }
  | { kind: 'department'; departmentId: string };

/** Picks the targets from the raw request (before validation: unusable values are skipped). */
export type ScopeResolver = (request: FastifyRequest) => ScopeTarget[];

export type AccessRule =
  | { public: true }
  | {
      public?: false;
      roles: readonly Role[];
      scope?: ScopeResolver;
      /** callable by a parent who signed in with a temporary password (change password, logout) */
      beforePasswordChange?: boolean;
    };

export const ACCESS_RULE = Symbol('ACCESS_RULE');

/** Staff who change pupils' accounts and lists within their scope. */
export const STAFF_ROLES = ['admin', 'department_admin', 'school_staff'] as const satisfies readonly Role[];
/** Everyone who may read accounts, statements and school reports within their scope. */
export const READER_ROLES = [...STAFF_ROLES, 'auditor'] as const satisfies readonly Role[];

/** Who may read one account's profile and statement: readers within their scope, and its parent. */
export const ACCOUNT_READER_ROLES = [...READER_ROLES, 'parent'] as const satisfies readonly Role[];
/** Everyone with a session or key (logout). */
export const ANY_ROLE = [
  ...READER_ROLES,
  'till',
  'bank',
  'parent',
  'ministry',
  'meal_operator',
  'class_teacher',
] as const satisfies readonly Role[];

export const Access = (rule: { roles: readonly Role[]; scope?: ScopeResolver; beforePasswordChange?: boolean }) =>
  SetMetadata(ACCESS_RULE, rule);
export const PublicRoute = () => SetMetadata(ACCESS_RULE, { public: true } satisfies AccessRule);

const text = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);
const field = (source: unknown, name: string): string | null =>
  source && typeof source === 'object' ? text((source as Record<string, unknown>)[name]) : null;

/** Ready-made resolvers for the shapes the API uses. */
export const scopeOf = {
  schoolParam:
    (name = 'schoolId'): ScopeResolver =>
    (request) => {
      const schoolId = field(request.params, name);
      return schoolId ? [{ kind: 'school', schoolId }] : [];
    },
  accountParam:
    (name = 'accountNumber'): ScopeResolver =>
    (request) => {
      const accountNumber = field(request.params, name);
      return accountNumber ? [{ kind: 'account', accountNumber }] : [];
    },
  departmentParam:
    (name = 'departmentId'): ScopeResolver =>
    (request) => {
      const departmentId = field(request.params, name);
      return departmentId ? [{ kind: 'department', departmentId }] : [];
    },
  departmentInBody:
    (name = 'departmentId'): ScopeResolver =>
    (request) => {
      const departmentId = field(request.body, name);
      return departmentId ? [{ kind: 'department', departmentId }] : [];
    },
  /** an account in the path and the school it is being moved to */
  accountParamAndSchoolInBody:
    (param = 'accountNumber', bodyField = 'toSchoolId'): ScopeResolver =>
    (request) => {
      const targets = scopeOf.accountParam(param)(request);
      const schoolId = field(request.body, bodyField);
      return schoolId ? [...targets, { kind: 'school', schoolId }] : targets;
    },
};
