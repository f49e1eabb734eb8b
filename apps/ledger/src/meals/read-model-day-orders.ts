/**
 * The meals slice's read side as the jobs slice's ports ask for it: the schools' day
 * orders (DayOrdersReader) and the departments' sync settings (OrderSettingsReader).
 */
import { Inject, Injectable } from '@nestjs/common';
import type { ReadModelStore } from '@meals/read-model-store';
import {
  collections,
  schoolDayOrders,
  schoolsWithOrders,
  TypedReadModels,
  type SchoolDayOrdersView,
} from '@meals/read-models';
import { READ_MODELS } from '../infrastructure/tokens.js';
import type { DayOrdersReader } from '../jobs/day-orders-reader.js';
import type { OrderSettingsReader, SyncSettings } from '../jobs/order-settings-reader.js';

@Injectable()
export class ReadModelDayOrders implements DayOrdersReader, OrderSettingsReader {
  constructor(@Inject(READ_MODELS) private readonly store: ReadModelStore) {}

  schoolsWithOrders(date: string): Promise<string[]> {
    return schoolsWithOrders(this.store, date);
  }

  readDayOrders(schoolId: string, date: string): Promise<SchoolDayOrdersView> {
    return schoolDayOrders(this.store, schoolId, date);
  }

  async syncSettings(departmentId: string): Promise<SyncSettings | null> {
    const saved = await new TypedReadModels(this.store).get(collections.mealSettings, departmentId);
    return saved && { autoResyncAfterEdit: saved.autoResyncAfterEdit, exemptSchoolIds: saved.exemptSchoolIds };
  }
}
