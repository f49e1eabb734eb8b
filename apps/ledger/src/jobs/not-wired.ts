/** Stand-ins until the meals slice binds its read side: every call says what is missing. */
import type { DayOrdersReader } from './day-orders-reader.js';
import type { OrderSettingsReader } from './order-settings-reader.js';

const missing = (what: string) => Promise.reject(new Error(`no ${what} is bound: the meals slice provides it`));

export const UNBOUND_DAY_ORDERS_READER: DayOrdersReader = {
  schoolsWithOrders: () => missing('DayOrdersReader'),
  readDayOrders: () => missing('DayOrdersReader'),
};

export const UNBOUND_ORDER_SETTINGS_READER: OrderSettingsReader = {
  syncSettings: () => missing('OrderSettingsReader'),
};
