/**
 * Parses an uploaded pupil list on a worker thread of its own: the thread that serves
 * tills never spends its time or heap on a file, and a file built to exhaust memory or
 * time (a zip bomb, a sheet of a million rows) kills its worker, not the API.
 */
import { startThread } from '@meals/threads';
import { ApiError } from '../../http/api-error.js';
import { uploadTooLarge, type PupilListRow } from '../pupil-list.js';
import type { ParseAnswer, ParseRequest } from './parse-protocol.js';

/** Far above what a whole school's list needs (a few MB), far below what would hurt the API. */
const WORKER_HEAP_MB = 128;
/** A list of a whole school parses in well under a second. */
const PARSE_TIMEOUT_MS = 20_000;

export async function parsePupilList(kind: ParseRequest['kind'], body: Buffer): Promise<PupilListRow[]> {
  // a copy of its own for the worker: the request's buffer may be a slice of a pooled one
  const copy = new Uint8Array(body);
  const request: ParseRequest = { kind, body: copy };
  const worker = startThread(new URL('./pupil-list-worker.js', import.meta.url), request, [copy.buffer], {
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 16 },
  });
  const answer = await new Promise<ParseAnswer | Error>((resolve) => {
    const timer = setTimeout(() => {
      resolve(uploadTooLarge(`parsing took longer than ${PARSE_TIMEOUT_MS / 1000} s`));
      void worker.terminate();
    }, PARSE_TIMEOUT_MS);
    worker.once('message', (message: ParseAnswer) => {
      clearTimeout(timer);
      resolve(message);
    });
    worker.once('error', (error: Error & { code?: string }) => {
      clearTimeout(timer);
      resolve(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? uploadTooLarge('it needs too much memory to read') : error);
    });
    worker.once('exit', (code) => {
      clearTimeout(timer);
      resolve(new Error(`the pupil-list worker exited (code ${code}) without an answer`));
    });
  });
  void worker.terminate();
  if (answer instanceof Error) throw answer;
  if (answer.ok) return answer.rows;
  if ('refusal' in answer) {
    const { statusCode, code, message, messageRu, details } = answer.refusal;
    throw new ApiError(statusCode, code, message, messageRu, details);
  }
  throw new Error(`parsing a pupil list failed: ${answer.failure}`);
}
