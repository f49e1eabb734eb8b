/**
 * A deterministic demo municipality: the Sochi education department, a few schools,
 * ~1,000 pupils and two months of top-ups and canteen checks up to yesterday.
 *
 * Pure: the same options (seed and `now`) always give the same city, so seeding it again
 * replays the same payment ids and check numbers, which the ledger records only once.
 * Pupils are simulated one by one in time order, so no sale ever exceeds the balance
 * that the pupil's own earlier top-ups and sales leave.
 */
import {
  CANTEEN_MENU,
  checkTotal,
  randomCheckLines,
  seededRandom,
  type CheckLine,
  type MealKind,
  type MenuItem,
  type SeededRandom,
} from '@meals/demo-data';
import type { Kopecks, TopUpChannel } from '@meals/domain';
import { randomPupilName, type Gender } from './russian-names.js';
import {
  addDays,
  isWeekend,
  lastSchoolDays,
  monthsBefore,
  moscowDate,
  moscowInstant,
  schoolDaysBetween,
} from './school-calendar.js';

export const DEMO_DEPARTMENT = {
  departmentId: 'sochi',
  name: 'Управление по образованию и науке г. Сочи',
} as const;

export interface DemoSchool {
  schoolId: string;
  name: string;
  departmentId: string;
  /** the one canteen till of the school */
  tillId: string;
}

const SCHOOLS: readonly Omit<DemoSchool, 'departmentId' | 'tillId'>[] = [
  { schoolId: '24', name: 'Школа №24' },
  { schoolId: '8', name: 'Гимназия №8' },
  { schoolId: '7', name: 'Школа №7' },
  { schoolId: '15', name: 'Школа №15' },
  { schoolId: '31', name: 'Лицей №31' },
];

export const MAX_DEMO_SCHOOLS = SCHOOLS.length;

/** The first `count` demo schools, each with its one till. */
export function demoSchools(count: number = MAX_DEMO_SCHOOLS): DemoSchool[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_DEMO_SCHOOLS) {
    throw new RangeError(`schools must be 1..${MAX_DEMO_SCHOOLS}`);
  }
  return SCHOOLS.slice(0, count).map((school) => ({
    ...school,
    departmentId: DEMO_DEPARTMENT.departmentId,
    tillId: `${school.schoolId}-01`,
  }));
}

export interface DemoPupil {
  /** index in `DemoCity.pupils`; accounts are assigned by the ledger on import */
  pupilId: number;
  schoolId: string;
  className: string;
  fullName: string;
  gender: Gender;
  /** a few cards are never brought to the till: those pupils only get top-ups, if any */
  cardActivated: boolean;
}

export interface DemoTopUp {
  paymentId: string;
  pupilId: number;
  channel: TopUpChannel;
  amount: Kopecks;
  paidAt: string;
}

export interface DemoSale {
  checkNumber: string;
  schoolId: string;
  pupilId: number;
  items: CheckLine[];
  total: Kopecks;
  soldAt: string;
}

export interface DemoCity {
  department: typeof DEMO_DEPARTMENT;
  schools: DemoSchool[];
  pupils: DemoPupil[];
  menu: readonly MenuItem[];
  /** ascending `YYYY-MM-DD` (Moscow) */
  schoolDays: string[];
  /** ascending by paidAt */
  topUps: DemoTopUp[];
  /** ascending by soldAt; check numbers grow with time within each school */
  sales: DemoSale[];
}

export interface DemoCityOptions {
  /** the city ends the day before this instant (Moscow date) */
  now: Date;
  seed?: number;
  /** 1..5 */
  schools?: number;
  pupils?: number;
  /** number of school days; default: those of the last two calendar months */
  schoolDays?: number;
}

export const DEFAULT_DEMO_SEED = 20180316;
export const DEFAULT_DEMO_PUPILS = 1000;

export function generateDemoCity(options: DemoCityOptions): DemoCity {
  const random = seededRandom(options.seed ?? DEFAULT_DEMO_SEED);
  const schoolCount = options.schools ?? MAX_DEMO_SCHOOLS;
  const schools = demoSchools(schoolCount);
  const pupils = generatePupils(random, schools, options.pupils ?? DEFAULT_DEMO_PUPILS);
  const today = moscowDate(options.now);
  const schoolDays =
    options.schoolDays === undefined
      ? schoolDaysBetween(monthsBefore(today, 2), addDays(today, -1))
      : lastSchoolDays(today, options.schoolDays);

  const topUps: Omit<DemoTopUp, 'paymentId'>[] = [];
  const sales: Omit<DemoSale, 'checkNumber'>[] = [];
  const nowIso = options.now.toISOString();
  for (const pupil of pupils) {
    simulatePupil(random, pupil, schoolDays, {
      topUp: (topUp) => topUps.push(topUp),
      sale: (sale) => sales.push(sale),
    });
  }
  const beforeNow = <T extends { at: string }>(entry: T): boolean => entry.at < nowIso;
  return {
    department: DEMO_DEPARTMENT,
    schools,
    pupils,
    menu: CANTEEN_MENU,
    schoolDays,
    topUps: numberPayments(topUps.map((t) => ({ ...t, at: t.paidAt })).filter(beforeNow), random),
    sales: numberChecks(sales.map((s) => ({ ...s, at: s.soldAt })).filter(beforeNow)),
  };
}

/* ---------- pupils and classes ---------- */

/** Classes 01А..09Б, and 10А, 11А: senior grades usually have a single class. */
function classNamesOfSchool(): string[] {
  const names: string[] = [];
  for (let grade = 1; grade <= 11; grade++) {
    const letters = grade <= 9 ? ['А', 'Б'] : ['А'];
    for (const letter of letters) names.push(`${String(grade).padStart(2, '0')}${letter}`);
  }
  return names;
}

function generatePupils(random: SeededRandom, schools: readonly DemoSchool[], total: number): DemoPupil[] {
  if (!Number.isInteger(total) || total < schools.length) throw new RangeError('need at least one pupil per school');
  const classes = classNamesOfSchool();
  const drafts: Omit<DemoPupil, 'pupilId'>[] = [];
  schools.forEach((school, index) => {
    const count = Math.floor(total / schools.length) + (index < total % schools.length ? 1 : 0);
    const namesInSchool = new Set<string>();
    for (let i = 0; i < count; i++) {
      // a pupil list never holds the same name twice in a school: the ledger would merge them
      let name = randomPupilName(random);
      while (namesInSchool.has(name.fullName)) name = randomPupilName(random);
      namesInSchool.add(name.fullName);
      // classes of a school are of similar size, never exactly equal
      const className = i < count * 0.85 ? classes[i % classes.length]! : random.pick(classes);
      drafts.push({ schoolId: school.schoolId, className, ...name, cardActivated: random.chance(0.97) });
    }
  });
  // lists arrive sorted by class and name, like a school's spreadsheet
  const order = new Map(schools.map((school, index) => [school.schoolId, index]));
  drafts.sort(
    (a, b) =>
      order.get(a.schoolId)! - order.get(b.schoolId)! ||
      a.className.localeCompare(b.className, 'ru') ||
      a.fullName.localeCompare(b.fullName, 'ru'),
  );
  return drafts.map((draft, pupilId) => ({ pupilId, ...draft }));
}

const gradeOf = (className: string): number => Number(className.slice(0, 2));

/* ---------- money over time ---------- */

/** Local minutes of the day when the canteen serves each meal. */
const MEAL_WINDOWS: Record<MealKind, { from: number; to: number }> = {
  breakfast: { from: 8 * 60 + 20, to: 9 * 60 + 40 },
  lunch: { from: 11 * 60 + 30, to: 13 * 60 + 30 },
  snack: { from: 14 * 60, to: 15 * 60 + 40 },
};

/** How likely a pupil of a grade buys each meal on a day, before the pupil's appetite. */
function mealChances(grade: number): Record<MealKind, number> {
  if (grade <= 4) return { breakfast: 0.7, lunch: 0.45, snack: 0.15 };
  if (grade <= 9) return { breakfast: 0.25, lunch: 0.4, snack: 0.35 };
  return { breakfast: 0.15, lunch: 0.35, snack: 0.35 };
}

const CHANNELS: readonly { value: TopUpChannel; weight: number }[] = [
  { value: 'bank_online', weight: 40 },
  { value: 'terminal', weight: 18 },
  { value: 'qiwi', weight: 15 },
  { value: 'cabinet_card', weight: 12 },
  { value: 'atm', weight: 10 },
  { value: 'cash_desk', weight: 5 },
];

const roubles = (value: number): Kopecks => value * 100;

/** The habits of a pupil's family: how often the child eats and how the parents pay. */
interface Household {
  appetite: number;
  channel: TopUpChannel;
  /** parents top up when the balance drops below this */
  threshold: Kopecks;
  usualAmount: Kopecks;
  /** the share of evenings a parent notices a low balance */
  diligence: number;
}

function randomHousehold(random: SeededRandom): Household {
  return {
    appetite: 0.35 + random.next() * 0.6,
    channel: random.weighted(CHANNELS),
    threshold: roubles(random.pick([100, 150, 200, 300, 400])),
    usualAmount: roubles(random.pick([300, 500, 500, 700, 1000, 1000, 1000, 1500, 2000])),
    diligence: 0.4 + random.next() * 0.5,
  };
}

/** A usual amount most of the time, sometimes a different round or odd sum (300–2,000 ₽). */
function topUpAmount(random: SeededRandom, household: Household): Kopecks {
  if (random.chance(0.75)) return household.usualAmount;
  if (random.chance(0.7)) return roubles(random.int(6, 40) * 50);
  return random.int(roubles(300), roubles(2000));
}

/** Evening of a weekday or daytime of a weekend day, as a Moscow instant. */
function topUpTime(random: SeededRandom, date: string): string {
  const minute = isWeekend(date) ? random.int(9 * 60, 22 * 60) : random.int(17 * 60 + 30, 23 * 60 + 30);
  return moscowInstant(date, minute, random.int(0, 59));
}

interface Sink {
  topUp(topUp: Omit<DemoTopUp, 'paymentId'>): void;
  sale(sale: Omit<DemoSale, 'checkNumber'>): void;
}

function simulatePupil(random: SeededRandom, pupil: DemoPupil, schoolDays: readonly string[], sink: Sink): void {
  const household = randomHousehold(random);
  // some families never use the card
  if (schoolDays.length === 0 || random.chance(0.04)) return;
  let balance: Kopecks = 0;
  const topUp = (date: string): void => {
    const amount = topUpAmount(random, household);
    const channel = random.chance(0.85) ? household.channel : random.weighted(CHANNELS);
    sink.topUp({ pupilId: pupil.pupilId, channel, amount, paidAt: topUpTime(random, date) });
    balance += amount;
  };

  // first top-up: the weekend or an evening shortly before the first school day
  topUp(addDays(schoolDays[0]!, -random.int(1, 3)));
  const chances = mealChances(gradeOf(pupil.className));
  schoolDays.forEach((date, index) => {
    if (pupil.cardActivated) {
      for (const meal of ['breakfast', 'lunch', 'snack'] as const) {
        if (!random.chance(chances[meal] * household.appetite)) continue;
        const lines = randomCheckLines(random, meal);
        // the till refuses what the balance does not cover; the pupil puts items back
        while (lines.length > 0 && checkTotal(lines) > balance) lines.pop();
        if (lines.length === 0) continue;
        const window = MEAL_WINDOWS[meal];
        const total = checkTotal(lines);
        sink.sale({
          schoolId: pupil.schoolId,
          pupilId: pupil.pupilId,
          items: lines,
          total,
          soldAt: moscowInstant(date, random.int(window.from, window.to), random.int(0, 59)),
        });
        balance -= total;
      }
    }
    if (balance >= household.threshold || !random.chance(household.diligence)) return;
    // a low balance is topped up that evening or, after a Friday, over the weekend
    const nextSchoolDay = schoolDays[index + 1];
    const daysUntilNext = nextSchoolDay ? dayDistance(date, nextSchoolDay) : 1;
    topUp(addDays(date, random.int(0, Math.max(0, daysUntilNext - 1))));
  });
}

const dayDistance = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/* ---------- ids ---------- */

/** ISO instants in the same format (`toISOString`) order as plain strings. */
export const compareIso = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const PAYMENT_PREFIX: Record<TopUpChannel, string> = {
  bank_online: 'SBOL',
  terminal: 'TRM',
  qiwi: 'QIWI',
  cabinet_card: 'ACQ',
  atm: 'ATM',
  cash_desk: 'KASSA',
};

/** Bank payment ids: channel prefix, date and a serial that is unique across the city. */
function numberPayments(topUps: (Omit<DemoTopUp, 'paymentId'> & { at: string })[], random: SeededRandom): DemoTopUp[] {
  topUps.sort((a, b) => compareIso(a.at, b.at) || a.pupilId - b.pupilId);
  let serial = random.int(100_000, 900_000);
  return topUps.map(({ at: _at, ...topUp }) => {
    serial += random.int(1, 40);
    const day = topUp.paidAt.slice(0, 10).replace(/-/g, '');
    return { paymentId: `${PAYMENT_PREFIX[topUp.channel]}-${day}-${serial}`, ...topUp };
  });
}

/** `<school>-<6-digit seq>`: each school's till numbers its checks in time order from 1. */
function numberChecks(sales: (Omit<DemoSale, 'checkNumber'> & { at: string })[]): DemoSale[] {
  sales.sort((a, b) => compareIso(a.at, b.at) || a.pupilId - b.pupilId);
  const sequences = new Map<string, number>();
  return sales.map(({ at: _at, ...sale }) => {
    const seq = (sequences.get(sale.schoolId) ?? 0) + 1;
    sequences.set(sale.schoolId, seq);
    return { checkNumber: `${sale.schoolId}-${String(seq).padStart(6, '0')}`, ...sale };
  });
}

/** Final balance of every pupil implied by the city's top-ups and sales. */
export function expectedBalances(city: DemoCity): Map<number, Kopecks> {
  const balances = new Map<number, Kopecks>();
  for (const topUp of city.topUps) balances.set(topUp.pupilId, (balances.get(topUp.pupilId) ?? 0) + topUp.amount);
  for (const sale of city.sales) balances.set(sale.pupilId, (balances.get(sale.pupilId) ?? 0) - sale.total);
  return balances;
}

/** Pupil-list CSV of one school in the import format (`school,class,full_name`). */
export function pupilListCsv(city: DemoCity, schoolId: string): string {
  const rows = city.pupils
    .filter((pupil) => pupil.schoolId === schoolId)
    .map((pupil) => `${schoolId},${pupil.className},${pupil.fullName}`);
  return ['school,class,full_name', ...rows].join('\n') + '\n';
}
