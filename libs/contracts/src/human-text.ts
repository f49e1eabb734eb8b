/**
 * One rule for every free-text field a person types (names, reasons, class names, check
 * item names): NFC-normalised and trimmed, then refused when empty, too long, or when it
 * still holds a hidden character (the domain's hasHiddenCharacters: the same rule the
 * deciders apply to names and reasons). Markup is not special: it is stored as text and
 * never interpreted.
 */
import { hasHiddenCharacters } from '@meals/domain';
import { z } from 'zod';

/** English issue messages of the text rule, with their Russian wording for the error body. */
export const TEXT_ISSUES = {
  empty: { en: 'must not be empty', ru: 'не заполнено' },
  hidden: {
    en: 'must not contain control or invisible characters',
    ru: 'содержит управляющие или невидимые символы',
  },
  tooLong: (max: number) => ({ en: `must be at most ${max} characters`, ru: `не длиннее ${max} символов` }),
} as const;

export const normalizeHumanText = (raw: string): string => raw.normalize('NFC').trim();

export interface HumanTextOptions {
  /** most characters (code points, as zod counts them) after normalising */
  max: number;
  example?: string;
  description?: string;
}

/** A schema for one human text field; the parsed value is the normalised text. */
export function humanText({ max, example, description }: HumanTextOptions) {
  return z
    .string()
    .overwrite(normalizeHumanText)
    .min(1, TEXT_ISSUES.empty.en)
    .max(max, TEXT_ISSUES.tooLong(max).en)
    .refine((text) => !hasHiddenCharacters(text), TEXT_ISSUES.hidden.en)
    .meta({ ...(example === undefined ? {} : { example }), ...(description === undefined ? {} : { description }) });
}

const RUSSIAN_BY_ENGLISH = new Map<string, string>([
  [TEXT_ISSUES.empty.en, TEXT_ISSUES.empty.ru],
  [TEXT_ISSUES.hidden.en, TEXT_ISSUES.hidden.ru],
]);

/** The Russian wording of an issue message of the text rule, if it is one. */
export function russianTextIssue(message: string): string | undefined {
  const known = RUSSIAN_BY_ENGLISH.get(message);
  if (known !== undefined) return known;
  const tooLong = /^must be at most (\d+) characters$/.exec(message);
  return tooLong ? TEXT_ISSUES.tooLong(Number(tooLong[1])).ru : undefined;
}
