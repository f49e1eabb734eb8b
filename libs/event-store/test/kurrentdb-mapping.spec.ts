import type { ResolvedEvent } from '@kurrent/kurrentdb-client';
import { isSystemEvent, toRecordedEvent } from '../src/kurrentdb/kurrentdb-mapping.js';

describe('KurrentDB mapping', () => {
  const created = new Date('2025-09-01T08:00:00Z');
  const base = { streamId: 'account-1', id: 'e1', revision: 4n, type: 'account.topped-up.v1', created };

  it('maps a JSON event, taking the commit position as the global position', () => {
    const resolved = {
      event: {
        ...base,
        isJson: true,
        data: { amount: 500 },
        metadata: { actor: 'bank' },
        position: { commit: 77n, prepare: 77n },
      },
    } as ResolvedEvent;
    expect(toRecordedEvent(resolved)).toEqual({
      id: 'e1',
      type: 'account.topped-up.v1',
      streamId: 'account-1',
      revision: 4n,
      position: 77n,
      data: { amount: 500 },
      metadata: { actor: 'bank' },
      recordedAt: created,
    });
  });

  it('decodes binary JSON and treats absent metadata as empty', () => {
    const resolved = {
      event: { ...base, isJson: false, data: new TextEncoder().encode('{"a":1}'), metadata: undefined },
      commitPosition: 9n,
    } as ResolvedEvent;
    expect(toRecordedEvent(resolved)).toMatchObject({ data: { a: 1 }, metadata: {}, position: 9n });
  });

  it('skips a link without its event', () => {
    expect(toRecordedEvent({} as ResolvedEvent)).toBeNull();
  });

  it('recognises system events by type or stream', () => {
    expect(isSystemEvent('$metadata', 'account-1')).toBe(true);
    expect(isSystemEvent('x', '$stats-127.0.0.1')).toBe(true);
    expect(isSystemEvent('account.opened.v1', 'account-1')).toBe(false);
  });
});
