/** What crosses between the API thread and a pupil-list worker. */
import type { ApiErrorBody } from '../../http/api-error.js';
import type { PupilListRow } from '../pupil-list.js';

export interface ParseRequest {
  kind: 'csv' | 'xlsx';
  body: Uint8Array;
}

export type ParseAnswer =
  | { ok: true; rows: PupilListRow[] }
  /** a 4xx for the client */
  | { ok: false; refusal: ApiErrorBody }
  /** a bug: the stack, for the log */
  | { ok: false; failure: string };
