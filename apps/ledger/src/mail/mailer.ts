/**
 * Outgoing mail through nodemailer: sent over SMTP when SMTP_URL is set; otherwise (the
 * embedded default) each message is written as an .eml file to `$DATA_DIR/outbox/`, where
 * any mail client opens it.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

export const DEFAULT_MAIL_FROM = 'Школьное питание <no-reply@school-meals.local>';

export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
  };
}

export function outboxMailer(outboxDir: string, from: string, clock: () => Date = () => new Date()): Mailer {
  const transport = createTransport({ streamTransport: true, buffer: true });
  return {
    async send(mail) {
      const info = await transport.sendMail({ from, ...mail });
      await mkdir(outboxDir, { recursive: true });
      const stamp = clock().toISOString().replace(/[:.]/g, '-');
      await writeFile(join(outboxDir, `${stamp}-${randomBytes(4).toString('hex')}.eml`), info.message, {
        mode: 0o600,
      });
    },
  };
}

export const createMailer = (options: { smtpUrl?: string; dataDir: string; from?: string }): Mailer =>
  options.smtpUrl
    ? smtpMailer(options.smtpUrl, options.from ?? DEFAULT_MAIL_FROM)
    : outboxMailer(join(options.dataDir, 'outbox'), options.from ?? DEFAULT_MAIL_FROM);
