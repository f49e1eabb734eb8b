import fc from 'fast-check';
import { humanText, russianTextIssue, saleRequest, TEXT_ISSUES } from '@meals/contracts';
import { hasHiddenCharacters } from '@meals/domain';

const name = humanText({ max: 200 });

const refused: [what: string, input: string, issue: string][] = [
  ['empty', '', TEXT_ISSUES.empty.en],
  ['only spaces', '   \t ', TEXT_ISSUES.empty.en],
  ['NUL inside', 'Чай\u0000с лимоном', TEXT_ISSUES.hidden.en],
  ['bell', 'Чай\u0007', TEXT_ISSUES.hidden.en],
  ['escape sequence (terminal colours)', '\u001b[31mЧай', TEXT_ISSUES.hidden.en],
  ['newline inside', 'Чай\nКофе', TEXT_ISSUES.hidden.en],
  ['tab inside', 'Чай\tКофе', TEXT_ISSUES.hidden.en],
  ['carriage return inside', 'Чай\rКофе', TEXT_ISSUES.hidden.en],
  ['DEL', 'Чай\u007f', TEXT_ISSUES.hidden.en],
  ['C1 control (NEL)', 'Чай\u0085Кофе', TEXT_ISSUES.hidden.en],
  ['C1 control (CSI)', 'Чай\u009bКофе', TEXT_ISSUES.hidden.en],
  ['zero-width space', 'Ч\u200bай', TEXT_ISSUES.hidden.en],
  ['word joiner', 'Ч\u2060ай', TEXT_ISSUES.hidden.en],
  ['byte order mark inside', 'Ч\ufeffай', TEXT_ISSUES.hidden.en],
  ['soft hyphen', 'Кар\u00adтошка', TEXT_ISSUES.hidden.en],
  ['right-to-left override', 'Чай \u202eыннелоС', TEXT_ISSUES.hidden.en],
  ['left-to-right mark', 'Чай\u200e', TEXT_ISSUES.hidden.en],
  ['bidi isolate', '\u2067Чай\u2069', TEXT_ISSUES.hidden.en],
  ['line separator', 'Чай\u2028Кофе', TEXT_ISSUES.hidden.en],
  ['paragraph separator', 'Чай\u2029Кофе', TEXT_ISSUES.hidden.en],
  ['lone surrogate', 'Чай\ud800', TEXT_ISSUES.hidden.en],
  ['too long', 'Я'.repeat(201), TEXT_ISSUES.tooLong(200).en],
  ['huge', 'x'.repeat(1_000_000), TEXT_ISSUES.tooLong(200).en],
];

const accepted: [what: string, input: string, stored: string][] = [
  ['plain Russian', 'Пицца 125 г', 'Пицца 125 г'],
  ['spaces around', '  Чай  ', 'Чай'],
  ['tabs and newlines around', '\t\nЧай\r\n', 'Чай'],
  ['no-break spaces and BOM around', '\u00a0\ufeffЧай\u00a0', 'Чай'],
  ['decomposed й and ё', 'Чаи\u0306 с лимоном, е\u0308ж', 'Чай с лимоном, ёж'],
  ['markup stays text', '<script>alert("x")</script>', '<script>alert("x")</script>'],
  ['SQL stays text', "Чай'); DROP TABLE events;--", "Чай'); DROP TABLE events;--"],
  ['emoji with a zero-width joiner', 'Семья 👨\u200d👩\u200d👧', 'Семья 👨\u200d👩\u200d👧'],
  ['exactly the limit', 'Я'.repeat(200), 'Я'.repeat(200)],
];

describe('humanText: one rule for every free-text field', () => {
  it.each(refused)('refuses %s', (_what, input, issue) => {
    const result = name.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((found) => found.message)).toContain(issue);
  });

  it.each(accepted)('accepts %s, normalised', (_what, input, stored) => {
    expect(name.parse(input)).toBe(stored);
  });

  it('gives every issue of the rule a Russian wording', () => {
    expect(russianTextIssue(TEXT_ISSUES.hidden.en)).toBe(TEXT_ISSUES.hidden.ru);
    expect(russianTextIssue(TEXT_ISSUES.empty.en)).toBe(TEXT_ISSUES.empty.ru);
    expect(russianTextIssue(TEXT_ISSUES.tooLong(20).en)).toBe('не длиннее 20 символов');
    expect(russianTextIssue('Invalid input')).toBeUndefined();
  });

  it('is applied to the item names of a sale', () => {
    const sale = (itemName: string) => ({
      checkNumber: '24-000001',
      cardUid: 'CARD1',
      items: [{ name: itemName, qty: 1, price: 100 }],
      soldAt: '2024-01-18T12:05:00+03:00',
    });
    expect(saleRequest.safeParse(sale('Чай\u0000')).success).toBe(false);
    expect(saleRequest.parse(sale(' Чаи\u0306 ')).items[0]!.name).toBe('Чай');
  });

  it('property: what it accepts is normalised, trimmed, within the limit, visible, and accepted again unchanged', () => {
    const short = humanText({ max: 12 });
    const text = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
    );
    fc.assert(
      fc.property(text, (input) => {
        const result = short.safeParse(input);
        if (!result.success) return;
        const value = result.data;
        expect(value).toBe(value.normalize('NFC'));
        expect(value).toBe(value.trim());
        expect(value.length).toBeGreaterThan(0);
        expect([...value].length).toBeLessThanOrEqual(12);
        expect(hasHiddenCharacters(value)).toBe(false);
        expect(short.parse(value)).toBe(value);
      }),
      { numRuns: 2000 },
    );
  });
});
