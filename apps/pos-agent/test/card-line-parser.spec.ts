import { CardLineParser } from '../src/devices/card-line-parser.js';

describe('card line parser', () => {
  it('reads one card per line, whatever the line ending', () => {
    const parser = new CardLineParser();
    expect(parser.push('04A1B2C3\r\n0455FF01\n')).toEqual([
      { kind: 'card', cardUid: '04A1B2C3' },
      { kind: 'card', cardUid: '0455FF01' },
    ]);
  });

  it('joins a line that arrives in pieces', () => {
    const parser = new CardLineParser();
    expect(parser.push('04A1')).toEqual([]);
    expect(parser.push(Buffer.from('B2C3'))).toEqual([]);
    expect(parser.push('\n')).toEqual([{ kind: 'card', cardUid: '04A1B2C3' }]);
  });

  it('calls noise noise and carries on with the next line', () => {
    const parser = new CardLineParser();
    expect(parser.push(Buffer.from([0x00, 0xff, 0x13, 0x0a]))).toEqual([{ kind: 'garbage', reason: 'noise' }]);
    expect(parser.push('04 A1 ??\n04A1B2C3\n')).toEqual([
      { kind: 'garbage', reason: 'noise' },
      { kind: 'card', cardUid: '04A1B2C3' },
    ]);
  });

  it('ignores empty lines', () => {
    expect(new CardLineParser().push('\r\n\r\n\n')).toEqual([]);
  });

  it('drops a very long line up to its end without growing its buffer, then reads the next card', () => {
    const parser = new CardLineParser(64);
    expect(parser.push('A'.repeat(100_000))).toEqual([]);
    expect(parser.push('B'.repeat(100_000))).toEqual([]);
    expect(parser.push('\n04A1B2C3\n')).toEqual([
      { kind: 'garbage', reason: 'too_long' },
      { kind: 'card', cardUid: '04A1B2C3' },
    ]);
  });
});
