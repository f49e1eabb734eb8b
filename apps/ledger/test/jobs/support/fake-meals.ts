/** Fakes of what the meals slice binds for the jobs: the day's orders and the order settings. */
import { writeFileSync } from 'node:fs';
import type { DayOrders, DayOrdersReader } from '../../../src/jobs/day-orders-reader.js';
import type { OrderSettingsReader, SyncSettings } from '../../../src/jobs/order-settings-reader.js';

export const orderLine = (className: string, fullName: string, rp = 9_500) => ({
  className,
  accountNumber: '0242000017',
  fullName,
  mealTypeId: 'mt-1',
  mealTypeName: 'Обед (динамический)',
  serviceType: 'обед',
  costs: { rb: 5_000, mb: 3_000, rp },
});

/** Orders per school and day, changed by the test; optionally mirrored to a JSON file for worker processes. */
export class FakeDayOrders implements DayOrdersReader {
  private readonly days = new Map<string, DayOrders>();

  constructor(private readonly file?: string) {
    this.save();
  }

  /** One more order change: the version grows by one and the lines are replaced. */
  change(schoolId: string, date: string, lines: unknown[]): number {
    const version = (this.days.get(`${schoolId}|${date}`)?.version ?? 0) + 1;
    this.days.set(`${schoolId}|${date}`, { version, lines });
    this.save();
    return version;
  }

  async schoolsWithOrders(date: string): Promise<string[]> {
    return [...this.days.keys()].filter((key) => key.endsWith(`|${date}`)).map((key) => key.split('|')[0]!);
  }

  async readDayOrders(schoolId: string, date: string): Promise<DayOrders> {
    return this.days.get(`${schoolId}|${date}`) ?? { version: 0, lines: [] };
  }

  private save(): void {
    if (this.file) writeFileSync(this.file, JSON.stringify(Object.fromEntries(this.days)));
  }
}

export class FakeOrderSettings implements OrderSettingsReader {
  readonly byDepartment = new Map<string, SyncSettings>();

  async syncSettings(departmentId: string): Promise<SyncSettings | null> {
    return this.byDepartment.get(departmentId) ?? null;
  }
}
