/**
 * Outgoing mail through nodemailer: sent over SMTP when SMTP_URL is set; otherwise (the
 * embedded default) each message is written as an .eml file to `$DATA_DIR/outbox/`, where
 * any mail client opens it. A mail with an idempotency key is sent at most once per key by
 * the outbox (the file is named by the key) and carries a Message-ID made of the key, so
 * that a mail sent again after a crash is recognised as the same message.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** the same key is the same mail: letters, digits, "-", "_", "." only */
  idempotencyKey?: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

export const DEFAULT_MAIL_FROM = 'Школьное питание <no-reply@school-meals.local>';

const SAFE_KEY = /^[A-Za-z0-9._-]{1,200}$/;

/** nodemailer's message fields: the idempotency key becomes the Message-ID. */
function message(from: string, { idempotencyKey, ...mail }: OutgoingMail) {
  if (idempotencyKey === undefined) return { from, ...mail };
  if (!SAFE_KEY.test(idempotencyKey)) throw new Error(`unusable mail idempotency key: ${idempotencyKey}`);
  return { from, ...mail, messageId: `<${idempotencyKey}@school-meals.local>` };
}

const isFileExists = (error: unknown) => (error as { code?: unknown } | null)?.code === 'EEXIST';

export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail(message(from, mail));
    },
  };
}

export function outboxMailer(outboxDir: string, from: string, clock: () => Date = () => new Date()): Mailer {
  const transport = createTransport({ streamTransport: true, buffer: true });
  return {
    async send(mail) {
      const info = await transport.sendMail(message(from, mail));
      await mkdir(outboxDir, { recursive: true });
      const stamp = clock().toISOString().replace(/[:.]/g, '-');
      const name = mail.idempotencyKey ?? `${stamp}-${randomBytes(4).toString('hex')}`;
      try {
        // "wx": a keyed mail already in the outbox stays as it is
        await writeFile(join(outboxDir, `${name}.eml`), info.message, { mode: 0o600, flag: 'wx' });
      } catch (error) {
        if (!isFileExists(error)) throw error;
      }
    },
  };
}

export const createMailer = (options: { smtpUrl?: string; dataDir: string; from?: string }): Mailer =>
  options.smtpUrl
    ? smtpMailer(options.smtpUrl, options.from ?? DEFAULT_MAIL_FROM)
    : outboxMailer(join(options.dataDir, 'outbox'), options.from ?? DEFAULT_MAIL_FROM);
