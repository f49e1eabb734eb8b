/**
 * "Not ready yet", told by a launcher to the services it starts: a file in the data
 * directory naming why (e.g. the demo city is being seeded). The ledger's health answers
 * `starting` (503) while it exists, so that nothing trusts a half-prepared system.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const STARTING_MARKER_FILE = 'starting.json';

export interface StartingMarker {
  reason: string;
  since: string;
}

export function markStarting(dataDir: string, reason: string, now = new Date()): void {
  const marker: StartingMarker = { reason, since: now.toISOString() };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, STARTING_MARKER_FILE), `${JSON.stringify(marker)}\n`);
}

export function clearStarting(dataDir: string): void {
  rmSync(join(dataDir, STARTING_MARKER_FILE), { force: true });
}

/** The marker, or null when the system is not starting (or the file is unreadable). */
export function readStarting(dataDir: string): StartingMarker | null {
  let text: string;
  try {
    text = readFileSync(join(dataDir, STARTING_MARKER_FILE), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = JSON.parse(text) as Partial<StartingMarker>;
    return { reason: String(parsed.reason ?? 'starting'), since: String(parsed.since ?? '') };
  } catch {
    // being written right now
    return { reason: 'starting', since: '' };
  }
}
