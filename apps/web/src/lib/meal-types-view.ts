/** The meal-types table as the page and the .xlsx report show it. */
import { formatDateRu } from './dates.js';
import { formatKopecks } from './money.js';
import { STATUS_LABELS_RU } from './meal-forms.js';
import type { MealType, MealTypeStatus } from './staff-contract.js';

export interface MealTypeFilter {
  status: MealTypeStatus | null;
  /** part of the name, any case */
  query: string;
}

export function mealTypeFilter(url: URL): MealTypeFilter {
  const status = url.searchParams.get('status');
  const known = status === 'inactive' || status === 'active' || status === 'archived';
  return { status: known ? status : null, query: (url.searchParams.get('q') ?? '').trim().slice(0, 100) };
}

export interface MealTypeRow {
  mealTypeId: string;
  name: string;
  serviceType: string;
  benefitCategory: string;
  hot: string;
  dynamicCost: string;
  rb: string;
  mb: string;
  rp: string;
  status: MealTypeStatus;
  statusText: string;
  pendingText: string | null;
  orderedEver: boolean;
}

const pendingText = (change: { status: MealTypeStatus; effectiveFrom: string } | null) =>
  change ? `${STATUS_LABELS_RU[change.status]} с ${formatDateRu(change.effectiveFrom)}` : null;

const price = (kopecks: number | null) => (kopecks === null ? '—' : formatKopecks(kopecks));

/** The next status change dated after today, if any. */
function pendingChange(type: MealType, today: string) {
  return type.statusChanges.find((change) => change.effectiveFrom > today) ?? null;
}

export function mealTypeRows(types: MealType[], filter: MealTypeFilter, today: string): MealTypeRow[] {
  const query = filter.query.toLocaleLowerCase('ru');
  return types
    .filter((type) => !filter.status || type.status === filter.status)
    .filter((type) => !query || type.name.toLocaleLowerCase('ru').includes(query))
    .map((type) => ({
      mealTypeId: type.mealTypeId,
      name: type.name,
      serviceType: type.serviceType,
      benefitCategory: type.benefitCategory,
      hot: type.hot ? 'да' : 'нет',
      dynamicCost: type.dynamicCost ? 'да' : 'нет',
      rb: price(type.costs.rb),
      mb: price(type.costs.mb),
      rp: type.dynamicCost && type.costs.rp === null ? 'по дням' : price(type.costs.rp),
      status: type.status,
      statusText:
        STATUS_LABELS_RU[type.status] +
        (type.statusEffectiveFrom ? ` с ${formatDateRu(type.statusEffectiveFrom)}` : ''),
      pendingText: pendingText(pendingChange(type, today)),
      orderedEver: type.orderedEver,
    }));
}
