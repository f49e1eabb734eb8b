/** Reads the mails the ledger wrote to `$DATA_DIR/outbox/*.eml` (base64 or quoted-printable bodies decoded). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface OutboxMail {
  file: string;
  raw: string;
  to: string;
  text: string;
}

/** Soft line breaks removed, `=XX` bytes decoded as UTF-8. */
function decodeQuotedPrintable(body: string): string {
  const joined = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === '=' ? joined.slice(i + 1, i + 3) : '';
    if (/^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

export function readOutbox(dataDir: string): OutboxMail[] {
  const dir = join(dataDir, 'outbox');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.eml'))
    .sort()
    .map((file) => {
      const raw = readFileSync(join(dir, file), 'utf8');
      const to = /^To: (.*)$/m.exec(raw)?.[1]?.trim() ?? '';
      const [headers = '', ...bodyParts] = raw.split(/\r?\n\r?\n/);
      const body = bodyParts.join('\n\n');
      const text = /^Content-Transfer-Encoding: base64/im.test(headers)
        ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
        : decodeQuotedPrintable(body);
      return { file, raw, to, text };
    });
}

/** The token of the first link to `path` in the mail. */
export function linkToken(mail: OutboxMail, path: string): string {
  const match = new RegExp(`${path.replace(/[/?]/g, '\\$&')}\\?token=([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match) throw new Error(`no ${path} link in ${mail.text}`);
  return match[1]!;
}

/** Waits until the outbox holds at least `count` mails (some are sent after the answer). */
export async function waitForOutbox(dataDir: string, count: number, timeoutMs = 5_000): Promise<OutboxMail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = readOutbox(dataDir);
    if (mails.length >= count) return mails;
    if (Date.now() > deadline) throw new Error(`outbox has ${mails.length} mails, expected ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
