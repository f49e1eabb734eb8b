import fc from 'fast-check';
import { CANTEEN_MENU, MAX_CHECK_LINES } from '@meals/demo-data';
import { isValidCheckNumber, checkNumberSchool, normalizeClassName, TOP_UP_CHANNELS } from '@meals/domain';
import { DEMO_DEPARTMENT, expectedBalances, generateDemoCity, pupilListCsv, type DemoCity } from '../src/demo-city.js';
import { feminineSurname } from '../src/russian-names.js';

const NOW = new Date('2026-11-23T12:00:00Z'); // a Monday
const MOSCOW_OFFSET_MS = 3 * 3600_000;
const moscowMinute = (iso: string): number => {
  const local = new Date(Date.parse(iso) + MOSCOW_OFFSET_MS);
  return local.getUTCHours() * 60 + local.getUTCMinutes();
};
const moscowWeekday = (iso: string): number => new Date(Date.parse(iso) + MOSCOW_OFFSET_MS).getUTCDay();
const moscowDay = (iso: string): string => new Date(Date.parse(iso) + MOSCOW_OFFSET_MS).toISOString().slice(0, 10);

/** Replays every pupil's entries in time order; returns the lowest balance ever reached. */
function lowestBalance(city: DemoCity): number {
  const entries = [
    ...city.topUps.map((t) => ({ pupilId: t.pupilId, at: t.paidAt, delta: t.amount })),
    ...city.sales.map((s) => ({ pupilId: s.pupilId, at: s.soldAt, delta: -s.total })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const balances = new Map<number, number>();
  let lowest = 0;
  for (const entry of entries) {
    const balance = (balances.get(entry.pupilId) ?? 0) + entry.delta;
    balances.set(entry.pupilId, balance);
    lowest = Math.min(lowest, balance);
  }
  return lowest;
}

describe('demo city generator', () => {
  let city: DemoCity;
  beforeAll(() => {
    city = generateDemoCity({ now: NOW });
  });

  it('is the same city for the same seed and day, and another one for another seed', () => {
    expect(JSON.stringify(generateDemoCity({ now: NOW }))).toBe(JSON.stringify(city));
    const other = generateDemoCity({ now: NOW, seed: 7 });
    expect(other.pupils.map((p) => p.fullName)).not.toEqual(city.pupils.map((p) => p.fullName));
  });

  it('is the Sochi department with five schools, each with one till, and ~1,000 pupils', () => {
    expect(city.department).toEqual({ departmentId: 'sochi', name: 'Управление по образованию и науке г. Сочи' });
    expect(city.schools.map((s) => s.schoolId)).toEqual(['24', '8', '7', '15', '31']);
    expect(city.schools.map((s) => s.name)).toContain('Школа №24');
    for (const school of city.schools) {
      expect(school.departmentId).toBe(DEMO_DEPARTMENT.departmentId);
      expect(school.tillId).toBe(`${school.schoolId}-01`);
    }
    expect(city.pupils).toHaveLength(1000);
  });

  it('gives pupils valid classes 01А..11Б and unique, gender-consistent full names per school', () => {
    const classes = new Set(city.pupils.map((p) => p.className));
    expect(classes).toContain('01А');
    expect(classes).toContain('09Б');
    expect(classes).toContain('11А');
    for (const pupil of city.pupils) {
      expect(normalizeClassName(pupil.className)).toBe(pupil.className);
      const [surname, , patronymic] = pupil.fullName.split(' ');
      expect(pupil.fullName.split(' ')).toHaveLength(3);
      if (pupil.gender === 'male') expect(patronymic).toMatch(/(вич|ич)$/);
      else {
        expect(patronymic).toMatch(/(вна|чна)$/);
        expect(feminineSurname(surname!)).toBe(surname); // already feminine or gender-neutral
      }
    }
    for (const school of city.schools) {
      const names = city.pupils.filter((p) => p.schoolId === school.schoolId).map((p) => p.fullName);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('covers the school days (Mon–Fri) of the last two months, up to yesterday', () => {
    expect(city.schoolDays.length).toBeGreaterThanOrEqual(38);
    expect(city.schoolDays.at(-1)).toBe('2026-11-20'); // the Friday before
    expect(city.schoolDays[0]! >= '2026-09-23').toBe(true);
    expect(city.schoolDays.filter((day) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay()))).toEqual([]);
  });

  it('prices checks from the canteen menu: 1–5 lines, integer kopecks, total = Σ qty × price', () => {
    const prices = new Map(CANTEEN_MENU.map((item) => [item.name, item.price]));
    expect(prices.get('Пицца 125 г')).toBe(3450);
    expect(prices.get('Котлета рубленная из филе курицы, 100 г')).toBe(2385);
    const wrong = city.sales.filter(
      (sale) =>
        sale.items.length < 1 ||
        sale.items.length > MAX_CHECK_LINES ||
        sale.items.some(
          (line) => !Number.isSafeInteger(line.qty) || line.qty < 1 || prices.get(line.name) !== line.price,
        ) ||
        sale.total !== sale.items.reduce((sum, line) => sum + line.qty * line.price, 0),
    );
    expect(wrong).toEqual([]);
    expect(city.sales.length).toBeGreaterThan(10_000);
  });

  it('numbers checks <school>-<6 digits>, unique, in time order within each school', () => {
    const numbers = city.sales.map((s) => s.checkNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
    const last = new Map<string, { seq: number; at: string }>();
    const wrong = city.sales.filter((sale) => {
      const seq = Number(sale.checkNumber.split('-')[1]);
      const previous = last.get(sale.schoolId) ?? { seq: 0, at: '' };
      last.set(sale.schoolId, { seq, at: sale.soldAt });
      return (
        !isValidCheckNumber(sale.checkNumber) ||
        checkNumberSchool(sale.checkNumber) !== sale.schoolId ||
        seq !== previous.seq + 1 ||
        sale.soldAt < previous.at ||
        city.pupils[sale.pupilId]!.schoolId !== sale.schoolId
      );
    });
    expect(wrong).toEqual([]);
  });

  it('sells in school hours of school days, to pupils whose card was activated', () => {
    const days = new Set(city.schoolDays);
    const wrong = city.sales.filter(
      (sale) =>
        !days.has(moscowDay(sale.soldAt)) ||
        moscowMinute(sale.soldAt) < 8 * 60 ||
        moscowMinute(sale.soldAt) >= 16 * 60 ||
        !city.pupils[sale.pupilId]!.cardActivated,
    );
    expect(wrong).toEqual([]);
  });

  it('tops up in the evening or at the weekend, 300–2,000 roubles in integer kopecks, unique payment ids', () => {
    const ids = city.topUps.map((t) => t.paymentId);
    expect(new Set(ids).size).toBe(ids.length);
    const channels = new Set(city.topUps.map((t) => t.channel));
    expect(channels.size).toBe(TOP_UP_CHANNELS.length);
    const wrong = city.topUps.filter(
      (topUp) =>
        !TOP_UP_CHANNELS.includes(topUp.channel) ||
        !Number.isSafeInteger(topUp.amount) ||
        topUp.amount < 30_000 ||
        topUp.amount > 200_000 ||
        !([0, 6].includes(moscowWeekday(topUp.paidAt)) || moscowMinute(topUp.paidAt) >= 17 * 60 + 30) ||
        topUp.paidAt >= NOW.toISOString(),
    );
    expect(wrong).toEqual([]);
  });

  it('never takes an account below zero, and expectedBalances agrees with the entries', () => {
    expect(lowestBalance(city)).toBe(0);
    const balances = expectedBalances(city);
    const sum = [...balances.values()].reduce((a, b) => a + b, 0);
    const credits = city.topUps.reduce((a, t) => a + t.amount, 0);
    const debits = city.sales.reduce((a, s) => a + s.total, 0);
    expect(sum).toBe(credits - debits);
  });

  it('writes a school list as import CSV: header school,class,full_name and one line per pupil', () => {
    const csv = pupilListCsv(city, '24');
    const [header, ...rows] = csv.trim().split('\n');
    expect(header).toBe('school,class,full_name');
    expect(rows).toHaveLength(city.pupils.filter((p) => p.schoolId === '24').length);
    expect(rows[0]).toMatch(/^24,01А,[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+$/);
  });

  it('keeps its invariants for any seed, size and length (property)', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 5, max: 60 }),
        fc.integer({ min: 0, max: 15 }),
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }),
        (seed, schools, pupils, schoolDays, now) => {
          const small = generateDemoCity({ seed, schools, pupils, schoolDays, now });
          expect(small.pupils).toHaveLength(pupils);
          expect(lowestBalance(small)).toBe(0);
          const checks = small.sales.map((s) => s.checkNumber);
          expect(new Set(checks).size).toBe(checks.length);
          expect(new Set(small.topUps.map((t) => t.paymentId)).size).toBe(small.topUps.length);
          const wrong = small.sales.filter(
            (sale) =>
              !isValidCheckNumber(sale.checkNumber) ||
              sale.total !== sale.items.reduce((sum, line) => sum + line.qty * line.price, 0) ||
              sale.soldAt >= now.toISOString(),
          );
          expect(wrong).toEqual([]);
          expect(JSON.stringify(generateDemoCity({ seed, schools, pupils, schoolDays, now }))).toBe(
            JSON.stringify(small),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
