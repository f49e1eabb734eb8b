/**
 * A receipt as printer-independent lines: the ESC/POS encoder and the simulated printer
 * (plain text on screen and in `$DATA_DIR/receipts/`) both render the same model.
 */
export type ReceiptLine =
  | { kind: 'text'; text: string; align?: 'left' | 'center'; bold?: boolean; large?: boolean }
  | { kind: 'pair'; left: string; right: string; bold?: boolean }
  | { kind: 'rule' }
  | { kind: 'blank' };

export interface Receipt {
  /** unique per printout, safe as a file name: e.g. `check-24-000017` */
  id: string;
  kind: 'sale' | 'temporary-password' | 'statement';
  lines: ReceiptLine[];
}

export const text = (
  value: string,
  style: Omit<Extract<ReceiptLine, { kind: 'text' }>, 'kind' | 'text'> = {},
): ReceiptLine => ({
  kind: 'text',
  text: value,
  ...style,
});
export const pair = (left: string, right: string, bold = false): ReceiptLine => ({ kind: 'pair', left, right, bold });
export const rule: ReceiptLine = { kind: 'rule' };
export const blank: ReceiptLine = { kind: 'blank' };

/** Plain text of a receipt at `columns` characters, as the cashier sees it on screen. */
export function receiptAsText(receipt: Receipt, columns: number): string {
  return receipt.lines.flatMap((line) => plainLines(line, columns)).join('\n');
}

function plainLines(line: ReceiptLine, columns: number): string[] {
  switch (line.kind) {
    case 'blank':
      return [''];
    case 'rule':
      return ['-'.repeat(columns)];
    case 'pair':
      return [fitPair(line.left, line.right, columns)];
    case 'text':
      return wrap(line.text, columns).map((part) =>
        line.align === 'center' ? ' '.repeat(Math.max(0, Math.floor((columns - part.length) / 2))) + part : part,
      );
  }
}

/** left text and right text on one line; a left text too long wraps above its amount */
export function fitPair(left: string, right: string, columns: number): string {
  const room = columns - right.length - 1;
  if (left.length <= room) return left + ' '.repeat(columns - left.length - right.length) + right;
  const parts = wrap(left, room);
  const last = parts.pop() ?? '';
  return [...parts, last + ' '.repeat(columns - last.length - right.length) + right].join('\n');
}

export function wrap(value: string, columns: number): string[] {
  const words = value.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    for (let rest = word; rest.length > 0;) {
      const candidate = current ? `${current} ${rest}` : rest;
      if (candidate.length <= columns) {
        current = candidate;
        rest = '';
      } else if (current) {
        lines.push(current);
        current = '';
      } else {
        lines.push(rest.slice(0, columns));
        rest = rest.slice(columns);
      }
    }
  }
  if (current || lines.length === 0) lines.push(current);
  return lines;
}
