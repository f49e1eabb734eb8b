import fc from 'fast-check';
import {
  checkNumberSchool,
  isValidAccountNumber,
  isValidCheckNumber,
  isIsoInstant,
  makeAccountNumber,
  normalizeClassName,
  normalizeFullName,
  pupilKey,
  schoolCode,
} from '@meals/domain';

const schoolIdArb = fc.integer({ min: 1, max: 999 }).map(String);
const seqArb = fc.integer({ min: 1, max: 999_999 });

describe('account numbers', () => {
  it('are 3-digit school code + 6-digit sequence + check digit', () => {
    const number = makeAccountNumber('24', 201313);
    expect(number).toMatch(/^024201313\d$/);
    expect(isValidAccountNumber(number)).toBe(true);
    expect(makeAccountNumber('7', 1).slice(0, 9)).toBe('007000001');
  });

  it('refuses a sequence or school outside the format', () => {
    expect(() => makeAccountNumber('24', 0)).toThrow(RangeError);
    expect(() => makeAccountNumber('24', 1_000_000)).toThrow(RangeError);
    expect(() => makeAccountNumber('24', 1.5)).toThrow(RangeError);
    expect(() => makeAccountNumber('024', 1)).toThrow(RangeError);
    expect(() => makeAccountNumber('1000', 1)).toThrow(RangeError);
  });

  it('only 10-digit strings can be valid', () => {
    const valid = makeAccountNumber('24', 42);
    expect(isValidAccountNumber(valid.slice(1))).toBe(false);
    expect(isValidAccountNumber(`${valid}0`)).toBe(false);
    expect(isValidAccountNumber(` ${valid}`)).toBe(false);
    expect(isValidAccountNumber(Number(valid))).toBe(false);
    expect(isValidAccountNumber(null)).toBe(false);
  });

  it('property: every single-digit change of a valid number is detected', () => {
    fc.assert(
      fc.property(schoolIdArb, seqArb, (school, seq) => {
        const number = makeAccountNumber(school, seq);
        for (let i = 0; i < 10; i++) {
          for (let d = 0; d < 10; d++) {
            if (String(d) === number[i]) continue;
            const typo = number.slice(0, i) + String(d) + number.slice(i + 1);
            if (isValidAccountNumber(typo)) return false;
          }
        }
        return true;
      }),
    );
  });

  it('property: every swap of two different adjacent digits is detected', () => {
    fc.assert(
      fc.property(schoolIdArb, seqArb, (school, seq) => {
        const number = makeAccountNumber(school, seq);
        for (let i = 0; i < 9; i++) {
          if (number[i] === number[i + 1]) continue;
          const swapped = number.slice(0, i) + number[i + 1] + number[i] + number.slice(i + 2);
          if (isValidAccountNumber(swapped)) return false;
        }
        return true;
      }),
    );
  });

  it('the 09↔90 swap that Luhn misses is caught', () => {
    const number = makeAccountNumber('24', 90); // …000090…
    const swapped = number.replace('0090', '0900');
    expect(swapped).not.toBe(number);
    expect(isValidAccountNumber(swapped)).toBe(false);
  });

  it('school codes are zero-padded school ids', () => {
    expect(schoolCode('24')).toBe('024');
    expect(schoolCode('153')).toBe('153');
  });
});

describe('check numbers', () => {
  it('are <school>-<6 digits>', () => {
    expect(isValidCheckNumber('24-001983')).toBe(true);
    expect(isValidCheckNumber('153-000001')).toBe(true);
    expect(isValidCheckNumber('24-1983')).toBe(false);
    expect(isValidCheckNumber('024-001983')).toBe(false);
    expect(isValidCheckNumber('1000-001983')).toBe(false);
    expect(isValidCheckNumber('24001983')).toBe(false);
    expect(isValidCheckNumber(' 24-001983')).toBe(false);
    expect(isValidCheckNumber(24001983)).toBe(false);
  });

  it('name their school', () => {
    expect(checkNumberSchool('24-001983')).toBe('24');
    expect(checkNumberSchool('bad')).toBeNull();
  });
});

describe('class names', () => {
  it.each([
    ['03Б', '03Б'],
    ['3Б', '03Б'],
    ['3б', '03Б'],
    [' 3 - б ', '03Б'],
    ['11А', '11А'],
    ['11a', '11А'], // Latin a
    ['5B', '05В'], // Latin B looks like Cyrillic В
  ])('%s → %s', (raw, normalized) => {
    expect(normalizeClassName(raw)).toBe(normalized);
  });

  it.each(['', 'Б', '3', '12А', '0А', '3ББ', 'abc', '3Q'])('%s is not a class', (raw) => {
    expect(normalizeClassName(raw)).toBeNull();
  });
});

describe('pupilKey', () => {
  it('ignores case, extra whitespace and ё/е so a re-imported list matches', () => {
    const key = pupilKey('Иванова Алёна Петровна', '03Б');
    expect(pupilKey('  иванова   АЛЕНА петровна ', '3б')).toBe(key);
    expect(pupilKey('Иванова\tАлёна Петровна', '3Б')).toBe(key);
  });

  it('tells different pupils and classes apart', () => {
    expect(pupilKey('Иванова Алёна', '03Б')).not.toBe(pupilKey('Иванова Алина', '03Б'));
    expect(pupilKey('Иванова Алёна', '03Б')).not.toBe(pupilKey('Иванова Алёна', '04Б'));
  });
});

describe('normalizeFullName', () => {
  const fullNormalization = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const letters = ['!-~', '\u00a1-\u02ff', '\u0400-\u0482', '\u048a-\u04ff'].flatMap((range) => {
    const [from, to] = [range.codePointAt(0)!, range.codePointAt(range.length - 1)!];
    return Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));
  });

  it('keeps NFC text with single spaces as it is: no letter of its fast path changes alone or next to another', () => {
    for (const a of [' ', ...letters]) {
      expect(a.normalize('NFC')).toBe(a);
      for (const b of letters) if ((a + b).normalize('NFC') !== a + b) throw new Error(`${a}${b} is not NFC`);
    }
    expect(normalizeFullName('Булочка ванильная с изюмом 110 г')).toBe('Булочка ванильная с изюмом 110 г');
  });

  it('equals NFC with collapsed, trimmed whitespace for any text', () => {
    const piece = fc.constantFrom(
      'Ё',
      'е',
      '\u0308',
      'й',
      'и\u0306',
      ' ',
      '  ',
      '\t',
      '\u00a0',
      '\u2003',
      'A',
      '\u00c5',
      'A\u030a',
      '\u212b',
      '\ufb01',
      '\u0483',
      '1',
      '-',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')),
        (text) => {
          expect(normalizeFullName(text)).toBe(fullNormalization(text));
        },
      ),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        expect(normalizeFullName(text)).toBe(fullNormalization(text));
      }),
    );
  });
});

describe('ISO instants', () => {
  it('need a date, a time and an offset', () => {
    expect(isIsoInstant('2024-01-18T09:00:00Z')).toBe(true);
    expect(isIsoInstant('2024-01-18T09:00:00.123+03:00')).toBe(true);
    expect(isIsoInstant('2024-01-18T09:00')).toBe(false);
    expect(isIsoInstant('2024-01-18')).toBe(false);
    expect(isIsoInstant('2024-13-45T09:00:00Z')).toBe(false);
    expect(isIsoInstant('2024-02-30T09:00:00Z')).toBe(false);
    expect(isIsoInstant('2024-02-29T09:00:00Z')).toBe(true);
    expect(isIsoInstant('2023-02-29T09:00:00Z')).toBe(false);
    expect(isIsoInstant('2024-01-18T24:00:00Z')).toBe(false);
    expect(isIsoInstant('2024-01-18T09:00:00.123456789Z')).toBe(true);
    expect(isIsoInstant(1705568400000)).toBe(false);
  });
});
