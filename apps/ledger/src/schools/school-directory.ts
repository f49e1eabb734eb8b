/**
 * Which department a school belongs to: from the `schools` read model, or from the
 * school's stream when the projection has not caught up yet. It never changes once a
 * school is registered, so answers are kept in memory.
 */
import { Inject, Injectable } from '@nestjs/common';
import { schoolNotFound } from '@meals/domain';
import type { ReadModelStore } from '@meals/read-model-store';
import { collections, TypedReadModels } from '@meals/read-models';
import { READ_MODELS } from '../infrastructure/tokens.js';
import { SchoolAggregates } from './school-aggregates.js';

@Injectable()
export class SchoolDirectory {
  private readonly departments = new Map<string, string>();
  private readonly readModels: TypedReadModels;

  constructor(
    @Inject(READ_MODELS) store: ReadModelStore,
    private readonly schools: SchoolAggregates,
  ) {
    this.readModels = new TypedReadModels(store);
  }

  /** null when no such school is registered */
  async departmentOf(schoolId: string): Promise<string | null> {
    const known = this.departments.get(schoolId);
    if (known !== undefined) return known;
    const doc = await this.readModels.get(collections.schools, schoolId);
    const departmentId = doc?.departmentId ?? (await this.fromStream(schoolId));
    if (departmentId !== null) this.departments.set(schoolId, departmentId);
    return departmentId;
  }

  /** Throws school_not_found (404) when no such school is registered. */
  async assertRegistered(schoolId: string): Promise<void> {
    if ((await this.departmentOf(schoolId)) === null) throw schoolNotFound(schoolId);
  }

  private async fromStream(schoolId: string): Promise<string | null> {
    const { state } = await this.schools.load(schoolId);
    return state.exists ? state.departmentId : null;
  }
}
