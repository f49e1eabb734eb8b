/**
 * A class's daily orders (seed 004). Placing them: the day must be editable for the
 * caller (window, lock after sync, exempt schools), every listed pupil must be of the class
 * and every meal orderable for them (else the whole request is refused, nothing changes);
 * then each pupil's day is set on their account, all pupils at once so the event store's
 * group commit takes them together. The balance rule is decided per pupil, atomically
 * with the account's stream: a pupil it refuses is reported, the others are ordered.
 */
import { Inject, Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import type { CommandContext } from '@meals/command-runner';
import type { ClassOrdersRequest } from '@meals/contracts';
import {
  balanceAllowance,
  isDomainError,
  isExemptSchool,
  mealDayKey,
  orderEditability,
  pricedMeal,
  pupilMealTypeIds,
  pupilNotInClass,
  requireAccountNumber,
  requireEditableDay,
  type OrderEditor,
  type PricedMeal,
} from '@meals/domain';
import type { ReadModelStore } from '@meals/read-model-store';
import { collections, orderedMeals, schoolDayOrders, TypedReadModels } from '@meals/read-models';
import { AccountAggregates } from '../accounts/account-aggregates.js';
import { commandResultOf } from '../http/command-result.js';
import type { Principal } from '../identity/principal.js';
import { READ_MODELS } from '../infrastructure/tokens.js';
import { DayOrdersChanged } from './day-orders-changed.js';
import { DaySyncReader } from './day-sync-reader.js';
import { MealTypeAggregates, OrderSettingsAggregates, SchoolMealsAggregates } from './meal-aggregates.js';
import { MealAccess } from './meal-access.js';
import { CLASS_MEAL_EDITOR_ROLES } from './meal-roles.js';
import { SchoolMealsService } from './school-meals.service.js';
import { MealTypesService } from './meal-types.service.js';

const editorOf = (principal: Principal): OrderEditor =>
  principal.role === 'class_teacher' ? 'class_teacher' : 'coordinator';
const mayEdit = (principal: Principal): boolean =>
  (CLASS_MEAL_EDITOR_ROLES as readonly string[]).includes(principal.role);

export interface PupilResult {
  accountNumber: string;
  outcome: 'recorded' | 'unchanged' | 'refused';
  mealTypeIds: string[];
  code: string | null;
  message: string | null;
}

@Injectable()
export class ClassOrdersService {
  private readonly readModels: TypedReadModels;

  constructor(
    private readonly accounts: AccountAggregates,
    private readonly mealTypes: MealTypeAggregates,
    private readonly settings: OrderSettingsAggregates,
    private readonly schoolMeals: SchoolMealsAggregates,
    private readonly school: SchoolMealsService,
    private readonly types: MealTypesService,
    private readonly sync: DaySyncReader,
    private readonly access: MealAccess,
    private readonly events: EventBus,
    @Inject(READ_MODELS) private readonly store: ReadModelStore,
  ) {
    this.readModels = new TypedReadModels(store);
  }

  private async dayRules(principal: Principal, schoolId: string, date: string) {
    const departmentId = await this.school.departmentOf(schoolId);
    const { state: settings } = await this.settings.load(departmentId);
    // the sync stream matters only to the lock; without it, orders never wait for a read of it
    const locking = settings.settings.lockAfterSync && !isExemptSchool(settings.settings, schoolId);
    const daySynced = locking ? await this.sync.daySynced(schoolId, date) : null;
    const window = {
      editor: editorOf(principal),
      schoolId,
      date,
      today: this.access.today(),
      settings: settings.settings,
      daySynced,
    };
    return { settings: settings.settings, window };
  }

  async grid(principal: Principal, schoolId: string, className: string, date: string) {
    const { window } = await this.dayRules(principal, schoolId, date);
    const editability = orderEditability(window);
    const [{ state: school }, pupils, ordered] = await Promise.all([
      this.schoolMeals.load(schoolId),
      this.readModels.find(collections.accounts, {
        where: { schoolId, className, status: 'open' },
        orderBy: [{ field: 'fullName', direction: 'asc' }],
      }),
      orderedMeals(this.store, schoolId, date, className),
    ]);
    const typeIds = new Set(school.classTypes.get(className) ?? []);
    for (const pupil of pupils)
      for (const id of pupilMealTypeIds(school, className, pupil.accountNumber)) typeIds.add(id);
    for (const line of ordered) typeIds.add(line.mealTypeId);
    const states = await Promise.all([...typeIds].map(async (id) => (await this.mealTypes.load(id)).state));
    const mealTypes = states.filter((type) => type.exists).map((type) => this.types.view(type));
    const readOnly = !mayEdit(principal);
    return {
      schoolId,
      className,
      date,
      editable: editability.editable && !readOnly,
      lockedBySync: editability.lockedBySync,
      reason: readOnly ? 'Только просмотр' : (editability.refusal?.messageRu ?? null),
      mealTypes,
      pupils: pupils.map((pupil) => {
        const mine = ordered.filter((line) => line.accountNumber === pupil.accountNumber);
        return {
          accountNumber: pupil.accountNumber,
          fullName: pupil.fullName,
          balance: pupil.balance,
          mealTypeIds: [...pupilMealTypeIds(school, className, pupil.accountNumber)],
          cells: mealTypes.map(({ mealTypeId }) => {
            const line = mine.find((order) => order.mealTypeId === mealTypeId);
            return { mealTypeId, ordered: line !== undefined, charge: line?.amount ?? null };
          }),
        };
      }),
    };
  }

  async place(
    principal: Principal,
    schoolId: string,
    className: string,
    date: string,
    body: ClassOrdersRequest,
    context: CommandContext,
  ) {
    const { settings, window } = await this.dayRules(principal, schoolId, date);
    requireEditableDay(window);
    const [{ state: school }, types] = await Promise.all([
      this.schoolMeals.load(schoolId),
      this.school.mealTypeStates(body.orders.flatMap((order) => order.mealTypeIds)),
    ]);
    const typeById = new Map(types.map((type) => [type.mealTypeId, type]));

    // everything that does not depend on the balance is checked before anything is written
    const orders = await Promise.all(
      body.orders.map(async ({ accountNumber, mealTypeIds }) => {
        const { state: account } = await this.accounts.load(requireAccountNumber(accountNumber));
        if (!account.exists || account.schoolId !== schoolId || account.className !== className) {
          throw pupilNotInClass(accountNumber, className);
        }
        const pupil = { className, accountNumber };
        const meals: PricedMeal[] = [...new Set(mealTypeIds)].map((id) =>
          pricedMeal(typeById.get(id)!, school, pupil, date),
        );
        return { accountNumber, meals };
      }),
    );

    // a type ordered for the first time can never be deleted from now on: say so before charging
    const firstOrdered = types.filter(
      (type) => !type.orderedEver && orders.some((o) => o.meals.some((m) => m.mealTypeId === type.mealTypeId)),
    );
    const marks = await Promise.all(
      firstOrdered.map((type) =>
        this.mealTypes.run(
          type.mealTypeId,
          { type: 'MarkMealTypeOrdered', mealTypeId: type.mealTypeId, date },
          context,
        ),
      ),
    );

    const allowance = balanceAllowance(settings, schoolId);
    const positions: (bigint | null)[] = marks.map((mark) => mark.position);
    const results: PupilResult[] = await Promise.all(
      orders.map(async ({ accountNumber, meals }): Promise<PupilResult> => {
        try {
          const outcome = await this.accounts.run(
            accountNumber,
            { type: 'OrderPupilMeals', accountNumber, schoolId, className, date, meals, allowance },
            context,
          );
          positions.push(outcome.position);
          return {
            accountNumber,
            outcome: outcome.appended.length > 0 ? 'recorded' : 'unchanged',
            mealTypeIds: [...(outcome.state.mealDays.get(mealDayKey(schoolId, date)) ?? [])],
            code: null,
            message: null,
          };
        } catch (error) {
          if (!isDomainError(error)) throw error;
          const { state } = await this.accounts.load(accountNumber);
          return {
            accountNumber,
            outcome: 'refused',
            mealTypeIds: [...(state.mealDays.get(mealDayKey(schoolId, date)) ?? [])],
            code: error.code,
            message: error.messageRu,
          };
        }
      }),
    );
    const result = commandResultOf(...positions);
    if (results.some((r) => r.outcome === 'recorded')) this.events.publish(new DayOrdersChanged(schoolId, date));
    return { ...result, results };
  }

  dayOrders(schoolId: string, date: string) {
    return schoolDayOrders(this.store, schoolId, date);
  }
}
