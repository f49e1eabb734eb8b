import { DomainError } from '../domain-error.js';

export const mealTypeNotFound = (mealTypeId: string): DomainError =>
  new DomainError('meal_type_not_found', `meal type ${mealTypeId} does not exist`, 'Тип питания не найден', {
    mealTypeId,
  });

export const mealTypeExists = (mealTypeId: string): DomainError =>
  new DomainError(
    'meal_type_exists',
    `meal type ${mealTypeId} already exists with other data`,
    'Тип питания с таким идентификатором уже существует',
    { mealTypeId },
  );

export const mealTypeOrdered = (name: string): DomainError =>
  new DomainError(
    'meal_type_ordered',
    `meal type ${name} was ordered before and can never be deleted; archive it instead`,
    `Тип питания «${name}» уже использовался в заказах, удалить его нельзя — переведите его в архив`,
    { name },
  );

export const mealTypeArchived = (name: string): DomainError =>
  new DomainError(
    'meal_type_archived',
    `meal type ${name} is archived; add a new type instead`,
    `Тип питания «${name}» архивный: его статус больше не меняется, добавьте новый тип`,
    { name },
  );

export const mealTypeNotAssignable = (
  name: string,
  status: string,
  target: 'school' | 'class' | 'pupil',
): DomainError =>
  new DomainError(
    'meal_type_not_assignable',
    `meal type ${name} (${status}) cannot be assigned to a ${target}`,
    status === 'archived'
      ? `Архивный тип питания «${name}» нельзя назначить`
      : `Тип питания «${name}» не действует: его можно добавить в образовательную организацию, но нельзя назначить обучающимся`,
    { name, status, target },
  );

export const mealTypeNotAssigned = (name: string, target: 'school' | 'pupil'): DomainError =>
  new DomainError(
    'meal_type_not_assigned',
    `meal type ${name} is not assigned to the ${target}`,
    target === 'school'
      ? `Тип питания «${name}» не назначен образовательной организации`
      : `Тип питания «${name}» не назначен этому обучающемуся или его классу`,
    { name, target },
  );

export const mealTypeNotOrderable = (name: string, date: string, status: string): DomainError =>
  new DomainError(
    'meal_type_not_orderable',
    `meal type ${name} is ${status} on ${date} and cannot be ordered`,
    status === 'archived'
      ? `Тип питания «${name}» архивный и недоступен для заказа на ${date}`
      : `Тип питания «${name}» не действует на ${date}, заказать его нельзя`,
    { name, date, status },
  );

export const mealTypeOtherDepartment = (name: string): DomainError =>
  new DomainError(
    'meal_type_other_department',
    `meal type ${name} belongs to another education department`,
    `Тип питания «${name}» относится к другому управлению образования`,
    { name },
  );

export const invalidMealCosts = (why: string, whyRu: string): DomainError =>
  new DomainError('invalid_meal_costs', `costs: ${why}`, `Стоимость: ${whyRu}`);

export const invalidDate = (field: string): DomainError =>
  new DomainError('invalid_date', `${field} must be a date YYYY-MM-DD`, `Поле ${field}: нужна дата ГГГГ-ММ-ДД`, {
    field,
  });

export const invalidStatusDate = (effectiveFrom: string, today: string): DomainError =>
  new DomainError(
    'invalid_status_date',
    `a status change cannot take effect in the past (${effectiveFrom} < ${today})`,
    `Статус нельзя изменить задним числом: дата ${effectiveFrom} раньше сегодняшней (${today})`,
    { effectiveFrom, today },
  );

export const conflictingBalanceSettings = (): DomainError =>
  new DomainError(
    'conflicting_balance_settings',
    'a negative balance limit and credit days cannot both be set',
    'Настройки «Разрешить заказ питания при отрицательном балансе более» и «Количество дней питания в долг» одновременно не работают: укажите только одну',
  );

export const invalidOrderSettings = (field: string, whyRu: string): DomainError =>
  new DomainError('invalid_order_settings', `order settings: ${field} is invalid`, `Настройки заказа: ${whyRu}`, {
    field,
  });

export const notADynamicType = (name: string): DomainError =>
  new DomainError(
    'not_a_dynamic_type',
    `meal type ${name} has a fixed cost; day prices are for dynamic types only`,
    `Тип питания «${name}» с постоянной стоимостью: цена за день задаётся только для типов с динамической стоимостью`,
    { name },
  );

export const dayPriceMissing = (name: string, date: string): DomainError =>
  new DomainError(
    'day_price_missing',
    `no price of the dynamic meal type ${name} for ${date}`,
    `Не задана стоимость типа питания «${name}» на ${date}: её указывает ответственный за питание`,
    { name, date },
  );

export const orderWindowClosed = (date: string, today: string, days: number): DomainError =>
  new DomainError(
    'order_window_closed',
    `orders of ${date} can no longer be edited (today ${today}, ${days} previous day(s) editable)`,
    days === 0
      ? `Заказ за ${date} редактировать нельзя: доступен только текущий день`
      : `Заказ за ${date} редактировать нельзя: доступны текущий день и ${days} предыдущих`,
    { date, today, days },
  );

export const orderTooFarAhead = (date: string, today: string): DomainError =>
  new DomainError(
    'order_window_closed',
    `orders can be placed at most 31 days ahead (${date}, today ${today})`,
    `Заказ на ${date} пока нельзя сделать: не более чем на 31 день вперёд`,
    { date, today, days: 31 },
  );

export const ordersLockedAfterSync = (date: string): DomainError =>
  new DomainError(
    'orders_locked_after_sync',
    `orders of ${date} were synced to the supplier and are locked`,
    `Заказ за ${date} уже передан поставщику питания: редактирование после синхронизации запрещено`,
    { date },
  );

export const pupilNotInClass = (accountNumber: string, className: string): DomainError =>
  new DomainError(
    'pupil_not_in_class',
    `pupil ${accountNumber} is not in class ${className}`,
    `Обучающийся (л/с ${accountNumber}) не из класса ${className}`,
    { accountNumber, className },
  );

export const mealOrderBalance = (balance: number, amount: number, why: string): DomainError =>
  new DomainError(
    'meal_order_balance',
    `the order would take the balance ${balance} below what the settings allow (${why})`,
    `Недостаточно средств на лицевом счёте для заказа питания (${why})`,
    { balance, amount },
  );
