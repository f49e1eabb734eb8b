import fc from 'fast-check';
import { businessDate } from '@meals/domain';
import { BusinessDateCache } from '../src/projection/business-date-cache.js';

describe('BusinessDateCache', () => {
  it.each(['Europe/Moscow', 'Asia/Kathmandu', 'America/St_Johns', 'Australia/Lord_Howe', 'UTC'])(
    'always gives the domain businessDate (%s: whole, half- and quarter-hour offsets, DST)',
    (timeZone) => {
      const cache = new BusinessDateCache(timeZone, 50);
      const instants = fc
        .integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2026-12-31T23:59:59Z') })
        .chain((ms) =>
          fc.constantFrom(
            new Date(ms).toISOString(),
            new Date(ms).toISOString().replace('Z', '+00:00'),
            // the same instant spelled with a +05:45 offset
            new Date(ms + (5 * 60 + 45) * 60_000).toISOString().replace('Z', '+05:45'),
          ),
        );
      fc.assert(
        fc.property(fc.array(instants, { minLength: 1, maxLength: 30 }), (isos) => {
          for (const iso of isos) expect(cache.dateOf(iso)).toBe(businessDate(iso, timeZone));
        }),
        { numRuns: 300 },
      );
    },
  );

  it('is right on both sides of local midnight', () => {
    const cache = new BusinessDateCache('Europe/Moscow');
    expect(cache.dateOf('2025-09-01T20:59:59.999Z')).toBe('2025-09-01');
    expect(cache.dateOf('2025-09-01T21:00:00.000Z')).toBe('2025-09-02');
    expect(cache.dateOf('2025-09-01T20:00:00.000Z')).toBe('2025-09-01');
    const kathmandu = new BusinessDateCache('Asia/Kathmandu');
    expect(kathmandu.dateOf('2025-09-01T18:14:59Z')).toBe('2025-09-01');
    expect(kathmandu.dateOf('2025-09-01T18:15:00Z')).toBe('2025-09-02');
  });
});
