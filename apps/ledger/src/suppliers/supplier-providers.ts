/** The supplier port's adapter, chosen by the configuration: HTTP when SUPPLIER_URL is set, else the sandbox. */
import type { Provider } from '@nestjs/common';
import { HttpMealSupplier, type HttpSupplierSettings } from './http-meal-supplier.js';
import { MEAL_SUPPLIER, type MealSupplier } from './meal-supplier.js';
import { SandboxMealSupplier } from './sandbox-meal-supplier.js';
import { SandboxSupplierController } from './sandbox-supplier.controller.js';

export const SUPPLIER_CONTROLLERS = [SandboxSupplierController];

export interface SupplierSettings {
  /** null: the embedded sandbox supplier */
  http: HttpSupplierSettings | null;
  /** where the sandbox keeps what it received (memory when undefined) */
  dataDir: string | undefined;
}

export const createMealSupplier = (settings: SupplierSettings): MealSupplier =>
  settings.http ? new HttpMealSupplier(settings.http) : new SandboxMealSupplier(settings.dataDir);

export function supplierProviders(settings: SupplierSettings, supplier?: MealSupplier): Provider[] {
  return [{ provide: MEAL_SUPPLIER, useFactory: () => supplier ?? createMealSupplier(settings) }];
}
