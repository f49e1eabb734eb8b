/**
 * Checks that what a request touches lies inside the caller's scope:
 * - admin: everything; bank: no scope (its routes take none);
 * - department_admin (and an auditor bound to a department): schools of that department;
 * - ministry: every department (read-only roles on the routes that admit it);
 * - meal_operator: like department_admin;
 * - school_staff, class_teacher and till: their own school and its department (routes that
 *   change a department admit none of these roles; a class teacher's class is checked by
 *   the meal routes themselves);
 * - parent: their one account (refused with forbidden_scope).
 * An account is in scope through the school it currently belongs to (from the account's
 * own stream, so a move is seen at once); a school's department never changes.
 */
import { Injectable } from '@nestjs/common';
import { accountNotFound, requireAccountNumber, schoolNotFound } from '@meals/domain';
import { AccountAggregates } from '../accounts/account-aggregates.js';
import { forbidden, forbiddenScope } from '../http/api-error.js';
import type { Principal } from '../identity/principal.js';
import { SchoolDirectory } from '../schools/school-directory.js';
import type { ScopeTarget } from './access.js';

type ScopeKind = 'all' | 'department' | 'school' | 'account';

function scopeKindOf(principal: Principal): ScopeKind {
  switch (principal.role) {
    case 'admin':
    case 'bank':
    case 'ministry':
      return 'all';
    case 'auditor':
      return principal.departmentId ? 'department' : 'all';
    case 'department_admin':
    case 'meal_operator':
      return 'department';
    case 'school_staff':
    case 'class_teacher':
    case 'till':
      return 'school';
    case 'parent':
      return 'account';
  }
}

@Injectable()
export class ScopeChecker {
  constructor(
    private readonly accounts: AccountAggregates,
    private readonly schools: SchoolDirectory,
  ) {}

  async assertInScope(principal: Principal, targets: ScopeTarget[]): Promise<void> {
    const kind = scopeKindOf(principal);
    if (kind === 'all') return;
    // A route that names no target cannot be checked: refuse rather than guess.
    if (targets.length === 0) throw forbidden();
    if (kind === 'account') {
      // a parent sees one account and nothing else (no school, no department)
      for (const target of targets) {
        if (target.kind !== 'account' || target.accountNumber !== principal.accountNumber) throw forbiddenScope();
      }
      return;
    }
    for (const target of targets) {
      if (!(await this.inScope(principal, kind, target))) throw forbidden();
    }
  }

  private async inScope(principal: Principal, kind: 'department' | 'school', target: ScopeTarget): Promise<boolean> {
    if (target.kind === 'department') {
      if (kind === 'department') return target.departmentId === principal.departmentId;
      // school staff read their school's department (its meal types, its order settings)
      return (
        principal.schoolId !== null && (await this.schools.departmentOf(principal.schoolId)) === target.departmentId
      );
    }
    const schoolId = target.kind === 'school' ? target.schoolId : await this.schoolOfAccount(target.accountNumber);
    if (kind === 'school') return schoolId === principal.schoolId;
    const departmentId = await this.schools.departmentOf(schoolId);
    if (departmentId === null) throw schoolNotFound(schoolId);
    return departmentId === principal.departmentId;
  }

  private async schoolOfAccount(accountNumber: string): Promise<string> {
    const { state } = await this.accounts.load(requireAccountNumber(accountNumber));
    if (!state.exists) throw accountNotFound(accountNumber);
    return state.schoolId;
  }
}
