import { Writable } from 'node:stream';
import { createLogger } from '../src/logger.js';
import { readTillConfig } from '../src/till-config.js';

const KEY = 'till_9f8e7d6c5b4a39281706f5e4d3c2b1a0';

it('never writes the till key or a bearer token, wherever it sits in a logged object', () => {
  const lines: string[] = [];
  const log = createLogger(
    'debug',
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  );
  const config = readTillConfig({ TILL_API_KEY: KEY, TILL_SCHOOL_ID: '24' });
  log.info({ config }, 'configured');
  log.info({ apiKey: KEY, headers: { authorization: `Bearer ${KEY}` } }, 'request');
  log.debug({ req: { headers: { authorization: `Bearer ${KEY}` } }, token: KEY }, 'sent');
  log.info({ issued: { temporaryPassword: 'Щука-7391' } }, 'slip');
  const out = lines.join('');
  expect(lines).toHaveLength(4);
  expect(out).not.toContain(KEY);
  expect(out).not.toContain('Щука-7391');
  expect(out).toContain('[скрыто]');
});

it('refuses to start without a key or with a school id that is not a number, and says which', () => {
  expect(() => readTillConfig({ TILL_SCHOOL_ID: '24' })).toThrow('TILL_API_KEY is required');
  expect(() => readTillConfig({ TILL_API_KEY: KEY, TILL_SCHOOL_ID: '24; rm' })).toThrow('TILL_SCHOOL_ID');
  expect(() =>
    readTillConfig({
      TILL_API_KEY: KEY,
      TILL_SCHOOL_ID: '24',
      TILL_READER_PATH: '/dev/ttyACM0',
      TILL_READER_BAUD: 'fast',
    }),
  ).toThrow('TILL_READER_BAUD');
  expect(readTillConfig({ TILL_API_KEY: KEY, TILL_SCHOOL_ID: '24', TILL_READER_PATH: '/dev/ttyACM0' }).reader).toEqual({
    path: '/dev/ttyACM0',
    baudRate: 9600,
  });
});
