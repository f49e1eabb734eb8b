/**
 * The schools' day orders from the read models, in the shape the jobs slice's
 * DayOrdersReader port asks for (bind it to this class once both slices are merged).
 */
import { Inject, Injectable } from '@nestjs/common';
import type { ReadModelStore } from '@meals/read-model-store';
import { schoolDayOrders, schoolsWithOrders, type SchoolDayOrdersView } from '@meals/read-models';
import { READ_MODELS } from '../infrastructure/tokens.js';

@Injectable()
export class ReadModelDayOrders {
  constructor(@Inject(READ_MODELS) private readonly store: ReadModelStore) {}

  schoolsWithOrders(date: string): Promise<string[]> {
    return schoolsWithOrders(this.store, date);
  }

  readDayOrders(schoolId: string, date: string): Promise<SchoolDayOrdersView> {
    return schoolDayOrders(this.store, schoolId, date);
  }
}
