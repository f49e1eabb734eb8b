import type { Statement } from '@meals/contracts';
import { reportLines } from '../src/lib/statement-view.js';

const statementWith = (lines: Partial<Statement['lines'][number]>[]) =>
  ({
    lines: lines.map((line) => ({
      at: '2026-11-18T06:00:00.000Z',
      date: '2026-11-18',
      kind: 'sale',
      description: '',
      debit: 3450,
      credit: 0,
      checkNumber: null,
      ...line,
    })),
  }) as unknown as Statement;

describe('reportLines: a check named once', () => {
  it('keeps the ledger’s text when it names the check already', () => {
    const [line] = reportLines(statementWith([{ checkNumber: '24-000002', description: 'Чек №24-000002' }]));
    expect(line!.description).toBe('Чек №24-000002');
  });

  it('adds the check number to a text that lacks it', () => {
    const [line] = reportLines(statementWith([{ checkNumber: '24-000002', description: 'Пицца 125 г' }]));
    expect(line!.description).toBe('Чек №24-000002: Пицца 125 г');
  });
});
