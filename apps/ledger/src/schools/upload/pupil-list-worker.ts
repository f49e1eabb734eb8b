/**
 * A worker thread that parses one uploaded pupil list and posts back the rows or the
 * refusal (as plain data: classes do not cross threads). Started by parse-pupil-list.ts
 * with a small heap, so that a file built to exhaust memory kills this thread only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '../../http/api-error.js';
import { parsePupilCsv, parsePupilXlsx } from '../pupil-list.js';
import type { ParseRequest, ParseAnswer } from './parse-protocol.js';

const port = parentPort;
if (!port) throw new Error('pupil-list-worker runs as a worker thread only');

const { kind, body } = workerData as ParseRequest;
let answer: ParseAnswer;
try {
  const file = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  answer = { ok: true, rows: kind === 'csv' ? parsePupilCsv(file) : await parsePupilXlsx(file) };
} catch (error) {
  answer =
    error instanceof ApiError
      ? { ok: false, refusal: { ...error.toBody() } }
      : { ok: false, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}
port.postMessage(answer);
