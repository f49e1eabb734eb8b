/**
 * A receipt as ESC/POS bytes through the kept encoder library, in code page cp866 (the
 * Cyrillic page of Epson-compatible printers). The layout (pairs, wrapping) is the receipt
 * model's, so paper and screen read the same; characters cp866 lacks («», ₽) are replaced
 * here rather than turning into `?` on paper.
 */
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { fitPair, wrap, type Receipt } from './receipt.js';

export function encodeReceipt(receipt: Receipt, columns: number): Uint8Array {
  const encoder = new ReceiptPrinterEncoder({ language: 'esc-pos', columns, codepageMapping: 'epson' });
  encoder.initialize().codepage('cp866');
  for (const line of receipt.lines) {
    switch (line.kind) {
      case 'blank':
        encoder.newline();
        break;
      case 'rule':
        encoder.line('-'.repeat(columns));
        break;
      case 'pair':
        encoder.bold(Boolean(line.bold));
        for (const part of fitPair(printable(line.left), printable(line.right), columns).split('\n'))
          encoder.line(part);
        encoder.bold(false);
        break;
      case 'text': {
        const width = line.large ? Math.floor(columns / 2) : columns;
        encoder.align(line.align ?? 'left').bold(Boolean(line.bold));
        if (line.large) encoder.size(2, 2);
        for (const part of wrap(printable(line.text), width)) encoder.line(part);
        if (line.large) encoder.size(1, 1);
        encoder.bold(false).align('left');
        break;
      }
    }
  }
  return encoder.newline(3).cut('partial').encode();
}

/** cp866 has no guillemets or rouble sign: plain quotes and «руб.» print everywhere */
export const printable = (value: string): string =>
  value
    .replace(/[«»„“”]/g, '"')
    .replace(/₽/g, 'руб.')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/…/g, '...');
