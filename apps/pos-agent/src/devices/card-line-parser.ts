/**
 * Turns the reader's byte stream into card numbers. A USB reader that presents itself as a
 * serial port sends each card as a line of text; in practice lines also arrive split across
 * chunks, with noise (control bytes, stray characters from a loose cable) or without an end
 * for a long time. The buffer is bounded: a line longer than `maxLineLength` is dropped up to
 * its end, so a babbling device can never grow memory.
 */
export type CardLine = { kind: 'card'; cardUid: string } | { kind: 'garbage'; reason: 'noise' | 'too_long' };

const CARD_UID = /^[0-9A-Za-z:_-]{1,64}$/;
const DEFAULT_MAX_LINE = 128;

export class CardLineParser {
  private buffer = '';
  private overflowing = false;

  constructor(private readonly maxLineLength = DEFAULT_MAX_LINE) {}

  /** Feeds a chunk; returns what the complete lines in it were. */
  push(chunk: Uint8Array | string): CardLine[] {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('latin1');
    const out: CardLine[] = [];
    for (const char of text) {
      if (char === '\n' || char === '\r') {
        this.endLine(out);
        continue;
      }
      if (this.overflowing) continue;
      if (this.buffer.length >= this.maxLineLength) {
        this.overflowing = true;
        this.buffer = '';
        continue;
      }
      this.buffer += char;
    }
    return out;
  }

  private endLine(out: CardLine[]): void {
    if (this.overflowing) {
      out.push({ kind: 'garbage', reason: 'too_long' });
    } else {
      const line = this.buffer.trim();
      if (line.length > 0)
        out.push(CARD_UID.test(line) ? { kind: 'card', cardUid: line } : { kind: 'garbage', reason: 'noise' });
    }
    this.buffer = '';
    this.overflowing = false;
  }
}
