import type { LedgerEvent } from '@meals/domain';
import type { JsonObject, RecordedEvent } from '@meals/event-store';

/** Turns domain events into recorded ones with consecutive positions, as the store would. */
export class RecordedLog {
  private position = 0n;
  private readonly revisions = new Map<string, bigint>();

  record(event: LedgerEvent, occurredAt = '2025-09-01T08:00:00.000Z'): RecordedEvent {
    this.position += 1n;
    const streamId = event.type.startsWith('school.')
      ? `school-${(event.data as { schoolId: string }).schoolId}`
      : `account-${(event.data as { accountNumber: string }).accountNumber}`;
    const revision = (this.revisions.get(streamId) ?? -1n) + 1n;
    this.revisions.set(streamId, revision);
    return {
      id: `event-${this.position}`,
      type: event.type,
      streamId,
      revision,
      position: this.position,
      data: event.data as unknown as JsonObject,
      metadata: {
        occurredAt,
        correlationId: 'c',
        causationId: 'c',
        source: 'staff',
        actor: { kind: 'staff', id: 's' },
      },
      recordedAt: new Date(occurredAt),
    };
  }
}
