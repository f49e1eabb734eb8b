import fc from 'fast-check';
import { hasHiddenCharacters } from '@meals/domain';

describe('hasHiddenCharacters: the one rule for text people give', () => {
  it.each([
    ['a C0 control', 'a\u0007b'],
    ['DEL', 'a\u007fb'],
    ['a C1 control', 'a\u0085b'],
    ['a zero-width space', 'a\u200bb'],
    ['a bidi override', 'a\u202eb'],
    ['a soft hyphen', 'a\u00adb'],
    ['a BOM inside', 'a\ufeffb'],
    ['a line separator', 'a\u2028b'],
    ['a lone surrogate', 'a\ud800b'],
  ])('finds %s', (_, text) => expect(hasHiddenCharacters(text)).toBe(true));

  it.each([
    ['Cyrillic with ё', 'Пётр Иванов'],
    ['markup (stored as text)', '<b>Пицца</b> & "чай"'],
    ['an emoji sequence with ZWJ', '👩\u200d🍳 повар'],
    ['punctuation and digits', 'Сок 0,2 л №3 (яблоко)'],
  ])('lets %s pass', (_, text) => expect(hasHiddenCharacters(text)).toBe(false));

  it('never finds anything in letters, digits, spaces and punctuation', () => {
    const visible = fc.stringMatching(/^[\p{L}\p{N}\p{P}\p{Zs}]*$/u);
    fc.assert(fc.property(visible, (text) => !hasHiddenCharacters(text)));
  });
});
