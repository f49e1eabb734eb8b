/** Sync status per school and day as the page shows it. */
import type { SchoolSync, SyncState } from './staff-contract.js';

export const SYNC_STATE_RU: Record<SyncState, string> = {
  never: 'Не синхронизировано',
  synced: 'Синхронизировано',
  stale: 'Есть изменения после синхронизации',
  failed: 'Ошибка передачи',
  queued: 'В очереди',
};

export interface SyncRow {
  schoolId: string;
  schoolName: string;
  state: SyncState;
  stateText: string;
  versions: string;
  lastError: string | null;
  attempts: number;
  /** a day with orders that the supplier has not got in its latest version */
  needsSync: boolean;
}

export function syncRows(syncs: SchoolSync[]): SyncRow[] {
  return [...syncs]
    .sort((a, b) => a.schoolId.localeCompare(b.schoolId, 'ru', { numeric: true }))
    .map((sync) => ({
      schoolId: sync.schoolId,
      schoolName: `ОО ${sync.schoolId}`,
      state: sync.state,
      stateText: SYNC_STATE_RU[sync.state] ?? sync.state,
      versions: `${sync.deliveredVersion ?? '—'} из ${sync.ordersVersion}`,
      lastError: sync.lastError,
      attempts: sync.attempts,
      needsSync: sync.state !== 'synced' && sync.state !== 'queued' && sync.ordersVersion > 0,
    }));
}
