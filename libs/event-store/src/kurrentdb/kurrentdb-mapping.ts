import type { AllStreamResolvedEvent, ResolvedEvent } from '@kurrent/kurrentdb-client';
import type { JsonObject, RecordedEvent } from '../event-store.port.js';

/** System events ($-prefixed types or streams) are KurrentDB's own, never the ledger's. */
export function isSystemEvent(type: string, streamId: string): boolean {
  return type.startsWith('$') || streamId.startsWith('$');
}

/**
 * Maps a KurrentDB event to the port's shape; null for a link without its event.
 * Position is the commit position (each event of an ordinary append has its own, with
 * prepare = commit). Events read from a stream carry it on servers >= 22.6.
 */
export function toRecordedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | null {
  const event = resolved.event;
  if (!event) return null;
  const position = event.position?.commit ?? resolved.commitPosition;
  if (position === undefined) {
    throw new Error(`KurrentDB returned event ${event.id} without a log position (server >= 22.6 required)`);
  }
  return {
    id: event.id,
    type: event.type,
    streamId: event.streamId,
    revision: event.revision,
    position,
    data: decodeJsonObject(event.data),
    metadata: decodeJsonObject(event.metadata),
    recordedAt: event.created,
  };
}

function decodeJsonObject(value: unknown): JsonObject {
  if (value === undefined || value === null) return {};
  if (value instanceof Uint8Array) {
    if (value.length === 0) return {};
    return decodeJsonObject(JSON.parse(Buffer.from(value).toString('utf8')) as unknown);
  }
  if (typeof value === 'object' && !Array.isArray(value)) return value as JsonObject;
  throw new Error('KurrentDB event data/metadata is not a JSON object');
}
