import fc from 'fast-check';
import { formatKopecks, parseRublesToKopecks } from '../src/lib/money.js';

describe('formatKopecks', () => {
  it.each([
    [804, '8,04 руб.'],
    [0, '0,00 руб.'],
    [5, '0,05 руб.'],
    [67766, '677,66 руб.'],
    [107205, '1\u00a0072,05 руб.'],
    [150000000, '1\u00a0500\u00a0000,00 руб.'],
    [-3450, '−34,50 руб.'],
  ])('%d kopecks read %s', (kopecks, text) => {
    expect(formatKopecks(kopecks)).toBe(text);
  });
});

describe('parseRublesToKopecks', () => {
  it.each([
    ['500', 50000],
    ['250,5', 25050],
    ['250.75', 25075],
    ['1 250,00', 125000],
  ])('%s rubles are %d kopecks', (text, kopecks) => {
    expect(parseRublesToKopecks(text)).toBe(kopecks);
  });

  it.each(['', 'abc', '-5', '1e9', '1,234', '12345678', '<b>1</b>', '1\u0000'])('refuses %j', (text) => {
    expect(parseRublesToKopecks(text)).toBeNull();
  });

  it('reads back every amount it formats', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (kopecks) => {
        const shown = formatKopecks(kopecks).replace(' руб.', '');
        expect(parseRublesToKopecks(shown)).toBe(kopecks);
      }),
    );
  });
});
