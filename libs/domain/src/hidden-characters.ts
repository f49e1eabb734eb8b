/**
 * The characters no text a person gives may hold (names, reasons, class names, check
 * items): those that are invisible or change how the text around them is shown. Controls
 * (C0, DEL, C1), format characters (zero-width spaces, bidi overrides, soft hyphen, BOM),
 * line/paragraph separators and lone surrogates. Zero-width joiner and non-joiner stay
 * allowed: emoji sequences and some scripts need them. One rule for the whole product: the
 * domain's checks and the API's text schema (@meals/contracts humanText) both use it.
 */
const HIDDEN_CHARACTER = /(?![\u200C\u200D])[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;

/** True when the text holds a character the rule refuses. */
export const hasHiddenCharacters = (text: string): boolean => HIDDEN_CHARACTER.test(text);
