/**
 * What the meal-management forms accept, checked on the server before anything reaches the
 * ledger (the ledger checks again and its refusals are shown as they are). Prices are typed in
 * roubles and sent in kopecks.
 */
import { z } from 'zod';
import { isCalendarDate } from './dates.js';
import { parseRublesToKopecks } from './money.js';
import type { MealCosts, MealTypeStatus, OrderGrid, OrderSettings } from './staff-contract.js';

export const FUNDING_SOURCES = [
  { key: 'rb', label: 'РБ', title: 'региональный бюджет' },
  { key: 'mb', label: 'МБ', title: 'местный бюджет' },
  { key: 'rp', label: 'РП', title: 'родительская плата' },
] as const satisfies ReadonlyArray<{ key: keyof MealCosts; label: string; title: string }>;

export const SERVICE_TYPES = ['Завтрак', 'Второй завтрак', 'Обед', 'Полдник', 'Ужин'] as const;

export const STATUS_LABELS_RU: Record<MealTypeStatus, string> = {
  inactive: 'Не действует',
  active: 'Действует',
  archived: 'Архивный',
};

export const BALANCE_XOR_RU =
  'Настройки «Разрешить заказ питания при отрицательном балансе более» и «Количество дней питания в долг» одновременно не работают: укажите только одну.';

const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

const label = (max: number, requiredRu: string) =>
  z
    .string({ error: requiredRu })
    .trim()
    .min(1, { error: requiredRu })
    .max(max, { error: `Не длиннее ${max} символов.` })
    .refine((value) => !CONTROL_CHARS.test(value) && !/[<>]/.test(value), { error: 'Недопустимые символы.' });

/** A price in roubles: empty → null, else non-negative kopecks (at most 2 decimals). */
const roublesOrEmpty = (sourceLabel: string) =>
  z
    .string()
    .max(20, { error: `Стоимость ${sourceLabel} указана неверно.` })
    .default('')
    .transform((value, context) => {
      if (value.trim() === '') return null;
      const kopecks = parseRublesToKopecks(value);
      if (kopecks === null) {
        context.addIssue({
          code: 'custom',
          message: `Стоимость ${sourceLabel}: введите сумму в рублях, не отрицательную, не больше двух знаков после запятой (например 45,50).`,
        });
        return z.NEVER;
      }
      return kopecks;
    });

const costsShape = {
  rb: roublesOrEmpty('РБ'),
  mb: roublesOrEmpty('МБ'),
  rp: roublesOrEmpty('РП'),
};

const checkbox = z
  .string()
  .optional()
  .transform((value) => value === 'on');

export const mealTypeFieldsForm = z.object({
  name: label(200, 'Укажите наименование типа питания.'),
  serviceType: label(60, 'Выберите тип услуги.'),
  benefitCategory: label(200, 'Укажите льготную категорию.'),
  hot: checkbox,
});

export const newMealTypeForm = mealTypeFieldsForm
  .extend({ dynamicCost: checkbox, ...costsShape })
  .refine(({ dynamicCost, rp }) => !dynamicCost || rp === null, {
    error:
      'У типа с динамической стоимостью изменяемая составляющая (РП) остаётся пустой: её цену задаёт ОО на каждый день.',
    path: ['rp'],
  })
  .transform(({ rb, mb, rp, ...fields }) => ({ ...fields, costs: { rb, mb, rp } }));

export const statusForm = z.object({
  mealTypeId: z.string().min(1).max(100),
  status: z.enum(['inactive', 'active', 'archived'], { error: 'Выберите статус.' }),
  effectiveFrom: z.string().refine(isCalendarDate, { error: 'Укажите дату, с которой действует статус.' }),
});

const days = (labelRu: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, { error: `${labelRu}: целое число дней от 0 до 365.` })
    .transform(Number)
    .refine((value) => value <= 365, { error: `${labelRu}: целое число дней от 0 до 365.` });

const optionalWhole = (labelRu: string, max: number) =>
  z
    .string()
    .trim()
    .max(10, { error: `${labelRu}: целое положительное число.` })
    .default('')
    .transform((value, context) => {
      if (value === '') return null;
      if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) {
        context.addIssue({ code: 'custom', message: `${labelRu}: целое положительное число не больше ${max}.` });
        return z.NEVER;
      }
      return Number(value);
    });

export const orderSettingsForm = z
  .object({
    teacherEditDays: days('Дни редактирования для классного руководителя'),
    coordinatorEditDays: days('Дни редактирования для ответственного за питание'),
    negativeBalanceLimitRoubles: optionalWhole('Отрицательный баланс', 100_000),
    creditDays: optionalWhole('Дни питания «в долг»', 365),
    lockAfterSync: checkbox,
    autoResyncAfterEdit: checkbox,
    exemptSchoolIds: z
      .string()
      .max(2000, { error: 'Список ОО слишком длинный.' })
      .default('')
      .transform((value) => [...new Set(value.split(/[\s,;]+/).filter(Boolean))])
      .refine((ids) => ids.every((id) => /^[A-Za-z0-9_-]{1,40}$/.test(id)), {
        error: 'Список ОО: номера школ через запятую (буквы, цифры, дефис).',
      }),
  })
  .refine(
    ({ negativeBalanceLimitRoubles, creditDays }) => negativeBalanceLimitRoubles === null || creditDays === null,
    {
      error: BALANCE_XOR_RU,
      path: ['creditDays'],
    },
  ) satisfies z.ZodType<OrderSettings, unknown>;

type DayCosts = { [Key in keyof MealCosts]: number };

/**
 * Prices of the day's dynamic types, from fields named `<mealTypeId>:<rb|mb|rp>`: every share
 * of a day price is set (0 when a source does not pay).
 */
export function dayPricesFromForm(
  fields: Record<string, string>,
  mealTypeIds: string[],
): { prices: Array<{ mealTypeId: string; costs: DayCosts }> } | { problem: string } {
  const prices: Array<{ mealTypeId: string; costs: DayCosts }> = [];
  for (const mealTypeId of mealTypeIds) {
    const parsed = z.object(costsShape).safeParse({
      rb: fields[`${mealTypeId}:rb`] ?? '',
      mb: fields[`${mealTypeId}:mb`] ?? '',
      rp: fields[`${mealTypeId}:rp`] ?? '',
    });
    if (!parsed.success) return { problem: parsed.error.issues[0]?.message ?? 'Проверьте цены.' };
    const { rb, mb, rp } = parsed.data;
    if (rb === null || mb === null || rp === null)
      return { problem: 'Укажите цену по каждому источнику (РБ, МБ, РП); 0 — если источник не участвует.' };
    prices.push({ mealTypeId, costs: { rb, mb, rp } });
  }
  return { prices };
}

/** Costs in kopecks as the roubles a form field shows (`45,50`; empty for null). */
export function roublesField(kopecks: number | null | undefined): string {
  if (kopecks === null || kopecks === undefined) return '';
  return `${Math.floor(kopecks / 100)},${String(kopecks % 100).padStart(2, '0')}`;
}

/** The cell name of the order grid: one checkbox per pupil and meal type. */
export const orderCellName = (accountNumber: string, mealTypeId: string) => `order:${accountNumber}:${mealTypeId}`;

/**
 * The pupils whose set of ordered meal types differs between the grid the page showed and the
 * submitted checkboxes (only those are sent: set semantics per listed pupil).
 */
export function changedOrders(
  grid: Pick<OrderGrid, 'pupils' | 'mealTypes'>,
  fields: Record<string, string>,
): Array<{ accountNumber: string; mealTypeIds: string[] }> {
  const changes: Array<{ accountNumber: string; mealTypeIds: string[] }> = [];
  for (const pupil of grid.pupils) {
    const before = pupil.cells.filter((cell) => cell.ordered).map((cell) => cell.mealTypeId);
    const after = grid.mealTypes
      .map((type) => type.mealTypeId)
      .filter((mealTypeId) => fields[orderCellName(pupil.accountNumber, mealTypeId)] === 'on');
    const same = before.length === after.length && before.every((id) => after.includes(id));
    if (!same) changes.push({ accountNumber: pupil.accountNumber, mealTypeIds: after });
  }
  return changes;
}

/** Checked values of a repeated checkbox (`name=mealTypeId` several times). */
export function checkedValues(data: FormData, name: string): string[] {
  return data
    .getAll(name)
    .filter((value): value is string => typeof value === 'string')
    .filter((value) => /^[A-Za-z0-9_.:-]{1,100}$/.test(value));
}

export const staffLoginForm = z.object({
  username: label(64, 'Введите имя пользователя.').refine((value) => /^[\w.@-]+$/.test(value), {
    error: 'Имя пользователя: латинские буквы, цифры, точка, дефис.',
  }),
  password: z
    .string({ error: 'Введите пароль.' })
    .min(1, { error: 'Введите пароль.' })
    .max(1024, { error: 'Пароль слишком длинный.' }),
});
