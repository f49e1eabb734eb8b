/**
 * The mails the ledger's embedded mailer wrote to `$DATA_DIR/outbox/*.eml`, bodies decoded
 * (base64 or quoted-printable): the demo opens its confirmation links, tests read the alerts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface OutboxMail {
  file: string;
  text: string;
}

function decodeBody(headers: string, body: string): string {
  if (/^Content-Transfer-Encoding: base64/im.test(headers))
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  const joined = body.replace(/=\r?\n/g, '');
  return Buffer.from(
    joined.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}

export function readOutbox(dataDir: string): OutboxMail[] {
  const dir = join(dataDir, 'outbox');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.eml'))
    .sort()
    .map((file) => {
      const [headers = '', ...rest] = readFileSync(join(dir, file), 'utf8').split(/\r?\n\r?\n/);
      return { file, text: decodeBody(headers, rest.join('\n\n')) };
    });
}

/** The mails of `after` that `before` did not have. */
export function newMails(before: readonly OutboxMail[], after: readonly OutboxMail[]): OutboxMail[] {
  const known = new Set(before.map((mail) => mail.file));
  return after.filter((mail) => !known.has(mail.file));
}

/** Waits for a mail that `matches` (the ledger mails after answering, or from its alert reactor). */
export async function waitForMail(
  dataDir: string,
  matches: (mail: OutboxMail) => boolean,
  timeoutMs = 15_000,
): Promise<OutboxMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = readOutbox(dataDir).find(matches);
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error('the expected mail did not arrive in the outbox');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
