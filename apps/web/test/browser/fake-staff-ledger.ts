/**
 * A stand-in for the ledger's meal-management API (issue 10's shared shapes) with fixture data:
 * two education departments, a school with a class of four pupils, staff users of each role,
 * and the seed's rules the pages must show refusals for (delete of an ordered type, both balance
 * settings, inactive type to a pupil, a pupil below the negative-balance limit, a school out of
 * scope, the lock after sync).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { MealCosts, MealType, OrderSettings, SchoolSync, StaffMe } from '../../src/lib/staff-contract.js';

export const STAFF_PASSWORD = 'Sluzhba2026';
export const DEPARTMENT = { departmentId: 'uo-sochi', name: 'Управление образования г. Сочи' };
const OTHER_DEPARTMENT = { departmentId: 'uo-adler', name: 'Управление образования Адлерского района' };
export const SCHOOL = '24';
export const CLASS = '03Б';

export const STAFF_USERS: Record<string, StaffMe> = {
  ministry: {
    username: 'ministry',
    displayName: 'Минобразования края',
    role: 'ministry',
    departmentId: null,
    schoolId: null,
    className: null,
  },
  operator: {
    username: 'operator',
    displayName: 'Петрова Анна Сергеевна',
    role: 'meal_operator',
    departmentId: DEPARTMENT.departmentId,
    schoolId: null,
    className: null,
  },
  coordinator: {
    username: 'coordinator',
    displayName: 'Сидорова Ольга Ивановна',
    role: 'school_staff',
    departmentId: null,
    schoolId: SCHOOL,
    className: null,
  },
  teacher: {
    username: 'teacher',
    displayName: 'Кузнецова Мария Павловна',
    role: 'class_teacher',
    departmentId: null,
    schoolId: SCHOOL,
    className: CLASS,
  },
};

export const PUPILS = [
  { accountNumber: '0242013138', fullName: 'Иванов Иван Иванович', balance: 80_000 },
  { accountNumber: '0242013146', fullName: 'Петрова Алёна Петровна', balance: 45_000 },
  { accountNumber: '0242013154', fullName: 'Смирнов Пётр Ильич', balance: 12_050 },
  { accountNumber: '0242013162', fullName: 'Соколова Дарья Андреевна', balance: -25_000 },
];

export interface FakeStaffLedger {
  url: string;
  /** the ledger's side of things, for assertions */
  state: {
    mealTypes: Map<string, MealType>;
    settings: OrderSettings;
    orders: Map<string, Set<string>>;
    syncs: Map<string, SchoolSync>;
    schoolTypes: string[];
    prices: Map<string, { prices: Array<{ mealTypeId: string; costs: MealCosts }>; confirmed: boolean }>;
  };
  close(): Promise<void>;
}

const type = (
  mealTypeId: string,
  name: string,
  serviceType: string,
  costs: MealCosts,
  rest: Partial<MealType> = {},
): MealType => ({
  mealTypeId,
  departmentId: DEPARTMENT.departmentId,
  name,
  serviceType,
  benefitCategory: 'Без льгот',
  hot: true,
  dynamicCost: false,
  costs,
  status: 'active',
  statusEffectiveFrom: '2026-09-01',
  statusChanges: [{ status: 'active', effectiveFrom: '2026-09-01' }],
  orderedEver: false,
  createdAt: '2026-08-20T09:00:00.000Z',
  ...rest,
});

export async function startFakeStaffLedger(today: string): Promise<FakeStaffLedger> {
  const tokens = new Map<string, StaffMe>();
  const mealTypes = new Map<string, MealType>(
    [
      type('mt-breakfast', 'Завтрак 1-4 кл.', 'Завтрак', { rb: 3500, mb: 1000, rp: 4961 }, { orderedEver: true }),
      type('mt-lunch', 'Обед 5-11 кл.', 'Обед', { rb: 0, mb: 2000, rp: 8500 }),
      type(
        'mt-snack',
        'Полдник ГПД',
        'Полдник',
        { rb: null, mb: null, rp: 3200 },
        { status: 'inactive', statusEffectiveFrom: null, statusChanges: [] },
      ),
      type(
        'mt-old',
        'Обед (до 2026)',
        'Обед',
        { rb: 0, mb: 2000, rp: 7900 },
        { status: 'archived', orderedEver: true },
      ),
    ].map((mealType) => [mealType.mealTypeId, mealType]),
  );
  const settings: OrderSettings = {
    teacherEditDays: 2,
    coordinatorEditDays: 5,
    negativeBalanceLimitRoubles: 100,
    creditDays: null,
    lockAfterSync: true,
    autoResyncAfterEdit: false,
    exemptSchoolIds: [],
  };
  const schoolTypes = ['mt-breakfast', 'mt-lunch', 'mt-snack'];
  let classTypes = ['mt-breakfast', 'mt-lunch'];
  const pupilTypes = new Map<string, string[]>();
  const orders = new Map<string, Set<string>>();
  const prices = new Map<string, { prices: Array<{ mealTypeId: string; costs: MealCosts }>; confirmed: boolean }>();
  const syncs = new Map<string, SchoolSync>();
  const balances = new Map(PUPILS.map((pupil) => [pupil.accountNumber, pupil.balance]));
  let ordersVersion = 0;
  let nextId = 1;

  const syncOf = (schoolId: string, date: string): SchoolSync =>
    syncs.get(`${schoolId}:${date}`) ?? {
      schoolId,
      date,
      ordersVersion: schoolId === SCHOOL ? ordersVersion : 3,
      deliveredVersion: schoolId === SCHOOL ? null : 3,
      deliveredAt: schoolId === SCHOOL ? null : `${date}T10:00:00.000Z`,
      state: schoolId === SCHOOL ? (ordersVersion ? 'never' : 'never') : 'synced',
      lastError: null,
      attempts: schoolId === SCHOOL ? 0 : 1,
    };

  const dynamicAssigned = () => schoolTypes.filter((id) => mealTypes.get(id)?.dynamicCost);

  const charge = (mealTypeId: string, date: string) => {
    const mealType = mealTypes.get(mealTypeId)!;
    if (!mealType.dynamicCost) return mealType.costs.rp ?? 0;
    return prices.get(date)?.prices.find((price) => price.mealTypeId === mealTypeId)?.costs.rp ?? 0;
  };

  const routes = (request: IncomingMessage, response: ServerResponse, body: Record<string, unknown>) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    const route = `${request.method} ${url.pathname}`;
    const reply = (status: number, json?: unknown) => {
      response.writeHead(status, json === undefined ? {} : { 'content-type': 'application/json' });
      response.end(json === undefined ? undefined : JSON.stringify(json));
    };
    const refuse = (status: number, code: string, messageRu: string) =>
      reply(status, { statusCode: status, code, message: code, messageRu });

    if (route === 'POST /api/auth/login') {
      const user = STAFF_USERS[String(body['username'])];
      if (!user || body['password'] !== STAFF_PASSWORD)
        return refuse(401, 'invalid_credentials', 'Неверное имя пользователя или пароль.');
      const token = randomBytes(24).toString('base64url');
      tokens.set(token, user);
      return reply(200, { token, expiresAt: new Date(Date.now() + 3600_000).toISOString() });
    }
    const me = tokens.get((request.headers.authorization ?? '').replace(/^Bearer /, ''));
    if (!me) return refuse(401, 'unauthorized', 'Войдите заново.');
    if (route === 'POST /api/auth/logout') {
      tokens.delete((request.headers.authorization ?? '').replace(/^Bearer /, ''));
      return reply(204);
    }
    if (route === 'GET /api/auth/me')
      return reply(200, {
        id: `user:${me.username}`,
        role: me.role,
        displayName: me.displayName,
        departmentId: me.departmentId,
        schoolId: me.schoolId,
        className: me.className,
      });

    const forbidden = () => refuse(403, 'forbidden_scope', 'Нет доступа к данным другой организации.');
    const managesMeals = me.role === 'meal_operator' || me.role === 'department_admin';
    const readsDepartment = (departmentId: string) =>
      me.role === 'ministry' ||
      me.departmentId === departmentId ||
      (me.schoolId !== null && departmentId === DEPARTMENT.departmentId);
    const worksInSchool = (schoolId: string) => me.schoolId === schoolId;

    if (route === 'GET /api/departments')
      return reply(200, me.role === 'ministry' ? [DEPARTMENT, OTHER_DEPARTMENT] : [DEPARTMENT]);

    let match = /^\/api\/departments\/([^/]+)\/(meal-types|order-settings|syncs|price-sheets)$/.exec(url.pathname);
    if (match) {
      const departmentId = decodeURIComponent(match[1]!);
      if (!readsDepartment(departmentId)) return forbidden();
      const inThis = departmentId === DEPARTMENT.departmentId;
      const what = match[2];
      if (what === 'meal-types' && request.method === 'GET') {
        const status = url.searchParams.get('status');
        const list = inThis ? [...mealTypes.values()].filter((mealType) => !status || mealType.status === status) : [];
        return reply(200, { departmentId, mealTypes: list });
      }
      if (what === 'meal-types' && request.method === 'POST') {
        if (!managesMeals)
          return refuse(403, 'forbidden_role', 'Недостаточно прав: типы питания создаёт оператор питания.');
        const costs = body['costs'] as MealCosts;
        if (Object.values(costs).some((cost) => cost !== null && (!Number.isInteger(cost) || cost < 0)))
          return refuse(400, 'invalid_cost', 'Стоимость — целое неотрицательное число копеек.');
        const mealTypeId = `mt-new-${nextId++}`;
        mealTypes.set(
          mealTypeId,
          type(mealTypeId, String(body['name']), String(body['serviceType']), costs, {
            benefitCategory: String(body['benefitCategory']),
            hot: body['hot'] === true,
            dynamicCost: body['dynamicCost'] === true,
            status: 'inactive',
            statusEffectiveFrom: null,
            statusChanges: [],
          }),
        );
        return reply(201, { status: 'recorded', position: nextId, mealTypeId });
      }
      if (what === 'order-settings' && request.method === 'GET') return reply(200, settings);
      if (what === 'order-settings' && request.method === 'PUT') {
        if (!managesMeals) return refuse(403, 'forbidden_role', 'Недостаточно прав для изменения настроек.');
        if (body['negativeBalanceLimitRoubles'] !== null && body['creditDays'] !== null)
          return refuse(
            400,
            'balance_settings_conflict',
            'Настройки «Разрешить заказ питания при отрицательном балансе более» и «Количество дней питания в долг» одновременно не работают.',
          );
        Object.assign(settings, body);
        return reply(200, { status: 'recorded', position: 1 });
      }
      if (what === 'syncs') {
        const date = url.searchParams.get('date') ?? today;
        return reply(200, { departmentId, date, schools: inThis ? [syncOf(SCHOOL, date), syncOf('25', date)] : [] });
      }
      if (what === 'price-sheets') {
        const date = url.searchParams.get('date') ?? today;
        const unconfirmed = inThis && !prices.get(date)?.confirmed;
        return reply(200, {
          departmentId,
          date,
          confirmHour: 9,
          overdue: true,
          schools: unconfirmed ? [{ schoolId: SCHOOL, mealTypeIds: dynamicAssigned() }] : [],
        });
      }
    }

    match = /^\/api\/meal-types\/([^/]+)(\/status)?$/.exec(url.pathname);
    if (match) {
      const mealType = mealTypes.get(decodeURIComponent(match[1]!));
      if (!mealType) return refuse(404, 'not_found', 'Тип питания не найден.');
      if (!managesMeals)
        return refuse(403, 'forbidden_role', 'Недостаточно прав: типами питания управляет оператор питания.');
      if (match[2] && request.method === 'POST') {
        const status = body['status'] as MealType['status'];
        const effectiveFrom = String(body['effectiveFrom']);
        if (mealType.status === 'archived')
          return refuse(
            409,
            'meal_type_archived',
            'Архивный тип питания нельзя вернуть в действие: добавьте новый тип.',
          );
        mealType.statusChanges.push({ status, effectiveFrom });
        if (effectiveFrom <= today) Object.assign(mealType, { status, statusEffectiveFrom: effectiveFrom });
        return reply(200, { status: 'recorded', position: 1 });
      }
      if (request.method === 'PUT') {
        Object.assign(mealType, {
          name: body['name'],
          serviceType: body['serviceType'],
          benefitCategory: body['benefitCategory'],
          hot: body['hot'],
          dynamicCost: body['dynamicCost'],
        });
        return reply(200, { status: 'recorded', position: 1 });
      }
      if (request.method === 'DELETE') {
        if (mealType.orderedEver)
          return refuse(
            409,
            'meal_type_ordered',
            'Удалить можно только тип, по которому ни разу не был осуществлён заказ. Переведите его в архив.',
          );
        mealTypes.delete(mealType.mealTypeId);
        return reply(200, { status: 'recorded', position: 1 });
      }
    }

    match = /^\/api\/schools\/([^/]+)\/(.*)$/.exec(url.pathname);
    if (match) {
      const schoolId = decodeURIComponent(match[1]!);
      const rest = match[2]!;
      const departmentSync = managesMeals && /^orders\/[^/]+\/sync$/.test(rest);
      if (!worksInSchool(schoolId) && !departmentSync) return forbidden();
      if (rest === 'accounts' && request.method === 'GET')
        return reply(200, {
          schoolId,
          className: null,
          status: 'open',
          count: PUPILS.length + 1,
          totalBalance: 0,
          accounts: [...PUPILS, { ...PUPILS[0]!, accountNumber: '0242019999', fullName: 'Орлов Олег' }].map(
            (pupil, index) => ({
              ...pupil,
              schoolId,
              className: index === PUPILS.length ? '04А' : CLASS,
            }),
          ),
        });
      if (rest === 'meal-types' && request.method === 'GET')
        return reply(200, {
          schoolId,
          mealTypeIds: schoolTypes,
          mealTypes: schoolTypes.map((id) => mealTypes.get(id)),
        });
      if (rest === 'meal-types' && request.method === 'PUT') {
        const ids = body['mealTypeIds'] as string[];
        if (ids.some((id) => mealTypes.get(id)?.status === 'archived'))
          return refuse(
            409,
            'meal_type_archived',
            'Архивный тип питания нельзя назначить на образовательную организацию.',
          );
        schoolTypes.splice(0, schoolTypes.length, ...ids);
        return reply(200, { status: 'recorded', position: 1 });
      }
      let sub = /^meal-prices\/(\d{4}-\d{2}-\d{2})$/.exec(rest);
      if (sub) {
        const date = sub[1]!;
        if (request.method === 'GET') {
          const sheet = prices.get(date);
          return reply(200, {
            schoolId,
            date,
            confirmed: sheet?.confirmed ?? false,
            prices: dynamicAssigned().map((mealTypeId) => ({
              mealTypeId,
              name: mealTypes.get(mealTypeId)!.name,
              costs: sheet?.prices.find((price) => price.mealTypeId === mealTypeId)?.costs ?? null,
              carriedFrom: null,
            })),
          });
        }
        const sent = body['prices'] as Array<{ mealTypeId: string; costs: MealCosts }>;
        if (sent.some(({ costs }) => Object.values(costs).some((cost) => cost === null || cost < 0)))
          return refuse(400, 'invalid_day_price', 'Цена дня: каждая доля — целое неотрицательное число копеек.');
        prices.set(date, { prices: sent, confirmed: true });
        return reply(200, { status: 'recorded', position: 1 });
      }
      sub = /^classes\/([^/]+)\/(meal-types|orders\/(\d{4}-\d{2}-\d{2})|pupils\/(\d+)\/meal-types)$/.exec(rest);
      if (sub) {
        const className = decodeURIComponent(sub[1]!);
        if (me.role === 'class_teacher' && me.className !== className) return forbidden();
        if (className !== CLASS) return reply(200, { schoolId, className, mealTypeIds: [], mealTypes: [], pupils: [] });
        if (sub[2] === 'meal-types') {
          if (request.method === 'GET')
            return reply(200, {
              schoolId,
              className,
              mealTypeIds: classTypes,
              mealTypes: classTypes.map((id) => mealTypes.get(id)),
              pupils: [...pupilTypes].map(([accountNumber, mealTypeIds]) => ({ accountNumber, mealTypeIds })),
            });
          classTypes = body['mealTypeIds'] as string[];
          return reply(200, { status: 'recorded', position: 1 });
        }
        if (sub[4]) {
          const ids = body['mealTypeIds'] as string[];
          const inactive = ids.map((id) => mealTypes.get(id)).find((mealType) => mealType?.status !== 'active');
          if (inactive)
            return refuse(
              409,
              'meal_type_not_active',
              `Тип «${inactive.name}» не действует: его нельзя назначить ученику.`,
            );
          pupilTypes.set(sub[4], ids);
          return reply(200, { status: 'recorded', position: 1 });
        }
        const date = sub[3]!;
        const sync = syncOf(SCHOOL, date);
        const lockedBySync = settings.lockAfterSync && sync.deliveredVersion !== null;
        const daysBack = (Date.parse(today) - Date.parse(date)) / 86_400_000;
        const window = me.role === 'class_teacher' ? settings.teacherEditDays : settings.coordinatorEditDays;
        const outside = daysBack > window || daysBack < 0;
        const reason = lockedBySync
          ? 'Заказ на этот день передан поставщику; в настройках запрещено редактирование после синхронизации.'
          : outside
            ? `Редактировать можно текущий день и ${window} предыдущих.`
            : null;
        if (request.method === 'GET') {
          const gridTypes = classTypes.map((id) => mealTypes.get(id)!).filter(Boolean);
          return reply(200, {
            schoolId,
            className,
            date,
            editable: reason === null,
            lockedBySync,
            reason,
            mealTypes: gridTypes,
            pupils: PUPILS.map((pupil) => ({
              accountNumber: pupil.accountNumber,
              fullName: pupil.fullName,
              balance: balances.get(pupil.accountNumber),
              mealTypeIds: pupilTypes.get(pupil.accountNumber) ?? classTypes,
              cells: gridTypes.map((mealType) => {
                const ordered = orders.get(`${date}:${pupil.accountNumber}`)?.has(mealType.mealTypeId) ?? false;
                return {
                  mealTypeId: mealType.mealTypeId,
                  ordered,
                  charge: ordered ? charge(mealType.mealTypeId, date) : 0,
                };
              }),
            })),
          });
        }
        if (reason) return refuse(409, lockedBySync ? 'day_locked_by_sync' : 'outside_edit_window', reason);
        const results = (body['orders'] as Array<{ accountNumber: string; mealTypeIds: string[] }>).map((order) => {
          const balance = balances.get(order.accountNumber);
          const refused = (code: string, message: string) => ({
            accountNumber: order.accountNumber,
            outcome: 'refused',
            mealTypeIds: [...(orders.get(`${date}:${order.accountNumber}`) ?? [])],
            code,
            message,
          });
          if (balance === undefined) return refused('pupil_not_in_class', 'Ученик не из этого класса.');
          const key = `${date}:${order.accountNumber}`;
          const before = orders.get(key) ?? new Set<string>();
          const added = order.mealTypeIds.filter((id) => !before.has(id));
          if (added.length > 0 && balance < -(settings.negativeBalanceLimitRoubles ?? 0) * 100)
            return refused(
              'balance_below_limit',
              `Баланс ${(balance / 100).toFixed(2)} руб. ниже разрешённого (−${settings.negativeBalanceLimitRoubles} руб.).`,
            );
          let next = balance;
          for (const id of added) next -= charge(id, date);
          for (const id of before) if (!order.mealTypeIds.includes(id)) next += charge(id, date);
          balances.set(order.accountNumber, next);
          orders.set(key, new Set(order.mealTypeIds));
          for (const id of added) mealTypes.get(id)!.orderedEver = true;
          ordersVersion++;
          return {
            accountNumber: order.accountNumber,
            outcome: 'recorded',
            mealTypeIds: order.mealTypeIds,
            code: null,
            message: null,
          };
        });
        const current = syncs.get(`${SCHOOL}:${date}`);
        if (current) syncs.set(`${SCHOOL}:${date}`, { ...current, ordersVersion, state: 'stale' });
        return reply(200, { status: 'recorded', position: ordersVersion, results });
      }
      sub = /^orders\/(\d{4}-\d{2}-\d{2})\/sync$/.exec(rest);
      if (sub && request.method === 'POST') {
        const date = sub[1]!;
        // the fake delivers at once (the real queue does it in the background)
        syncs.set(`${schoolId}:${date}`, {
          ...syncOf(schoolId, date),
          ordersVersion,
          deliveredVersion: ordersVersion,
          state: 'synced',
          attempts: syncOf(schoolId, date).attempts + 1,
        });
        return reply(202, {
          status: 'queued',
          jobId: `sync-${schoolId}-${date}`,
          schoolId,
          date,
          version: ordersVersion,
        });
      }
    }
    return refuse(404, 'not_found', 'Не найдено.');
  };

  const server: Server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    request.on('end', () => {
      let body: Record<string, unknown> = {};
      try {
        if (raw) body = JSON.parse(raw);
      } catch {
        body = {};
      }
      try {
        routes(request, response, body);
      } catch (error) {
        response.writeHead(500);
        response.end(String(error));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    state: { mealTypes, settings, orders, syncs, schoolTypes, prices },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
