/** The read-your-write headers in the OpenAPI document, on every authenticated query. */
import type { OpenAPIObject } from '@nestjs/swagger';
import { MIN_POSITION_HEADER, READ_YOUR_WRITE_TIMEOUT_MS, STALE_HEADER } from './read-your-write.interceptor.js';

export function documentReadYourWrite(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    const operation = path.get;
    if (!operation?.security?.length) continue;
    operation.parameters = [
      ...(operation.parameters ?? []),
      {
        name: MIN_POSITION_HEADER,
        in: 'header',
        required: false,
        description:
          'Answer only once the read models show the global log position given (a command response’s `position`), ' +
          `waiting at most ${READ_YOUR_WRITE_TIMEOUT_MS} ms. Without it a query still waits for the caller’s own ` +
          'last write on this ledger instance.',
        schema: { type: 'string', pattern: '^\\d{1,20}$', example: '1234' },
      },
    ];
    for (const [status, response] of Object.entries(operation.responses)) {
      if (!status.startsWith('2') || !response || !('description' in response)) continue;
      response.headers = {
        ...(response.headers ?? {}),
        [STALE_HEADER]: {
          description:
            'Present (true) when the read models had not reached the position waited for in time: the answer may be stale',
          schema: { type: 'string', enum: ['true'] },
        },
      };
    }
  }
  return document;
}
