/** The jobs' view of a department's order settings: the meals read model's `getOrderSettings`. */
import { Inject, Injectable } from '@nestjs/common';
import type { ReadModelStore } from '@meals/read-model-store';
import { getOrderSettings } from '@meals/read-models';
import { READ_MODELS } from '../infrastructure/tokens.js';
import type { OrderSettingsReader, SyncSettings } from './order-settings-reader.js';

@Injectable()
export class MealsOrderSettings implements OrderSettingsReader {
  constructor(@Inject(READ_MODELS) private readonly store: ReadModelStore) {}

  async syncSettings(departmentId: string): Promise<SyncSettings> {
    const { autoResyncAfterEdit, exemptSchoolIds } = await getOrderSettings(this.store, departmentId);
    return { autoResyncAfterEdit, exemptSchoolIds };
  }
}
