/**
 * The scope checks of meal management that the route's `@Access` cannot make alone: a meal
 * type's department (known once it is loaded) and a class teacher's own class.
 */
import { Inject, Injectable } from '@nestjs/common';
import { businessDate, DEFAULT_TIME_ZONE, mealTypeNotFound, type MealTypeState } from '@meals/domain';
import type { FastifyRequest } from 'fastify';
import { ScopeChecker } from '../auth/scope-checker.js';
import { ApiError, unauthorized } from '../http/api-error.js';
import type { Principal } from '../identity/principal.js';
import { CLOCK, type Clock } from '../infrastructure/tokens.js';
import { MealTypeAggregates } from './meal-aggregates.js';

@Injectable()
export class MealAccess {
  constructor(
    private readonly scopes: ScopeChecker,
    private readonly mealTypes: MealTypeAggregates,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Today in the municipality's time. */
  today(): string {
    return businessDate(this.clock().toISOString(), DEFAULT_TIME_ZONE);
  }

  principalOf(request: FastifyRequest): Principal {
    if (!request.principal) throw unauthorized();
    return request.principal;
  }

  /** The meal type, when it exists and its department is in the caller's scope (404 otherwise). */
  async mealTypeInScope(request: FastifyRequest, mealTypeId: string): Promise<MealTypeState> {
    const { state } = await this.mealTypes.load(mealTypeId);
    if (!state.exists || state.deleted) throw mealTypeNotFound(mealTypeId);
    await this.scopes.assertInScope(this.principalOf(request), [
      { kind: 'department', departmentId: state.departmentId },
    ]);
    return state;
  }

  /** A class teacher works with their own class only. */
  assertClass(request: FastifyRequest, className: string): void {
    const principal = this.principalOf(request);
    if (principal.role === 'class_teacher' && principal.className !== className) {
      throw new ApiError(
        403,
        'forbidden_class',
        'A class teacher works with their own class only',
        'Классный руководитель работает только со своим классом',
      );
    }
  }
}
