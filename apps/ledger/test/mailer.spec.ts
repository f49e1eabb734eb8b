import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { outboxMailer, smtpMailer, type Mailer } from '../src/mail/mailer.js';
import { LedgerHarness } from './support/ledger-harness.js';
import { enrol, parentToken } from './support/fixtures.js';
import { readOutbox } from './support/outbox.js';

const mail = { to: 'mama@example.org', subject: 'Подтвердите адрес', text: 'Ссылка: http://localhost:3001/x' };

/** Just enough of an SMTP server to take one message (no TLS, no auth). */
function fakeSmtpServer(received: string[]): Server {
  return createServer((socket: Socket) => {
    let data: string | null = null;
    socket.write('220 fake ESMTP\r\n');
    socket.on('data', (chunk) => {
      for (const line of chunk.toString('utf8').split('\r\n')) {
        if (data !== null) {
          if (line === '.') {
            received.push(data);
            data = null;
            socket.write('250 queued\r\n');
          } else data += `${line}\r\n`;
        } else if (/^(EHLO|HELO)/i.test(line)) socket.write('250 fake\r\n');
        else if (/^(MAIL|RCPT)/i.test(line)) socket.write('250 ok\r\n');
        else if (/^DATA/i.test(line)) {
          data = '';
          socket.write('354 go on\r\n');
        } else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
      }
    });
  });
}

describe('mail', () => {
  it('the embedded default writes an .eml per mail to the outbox', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-'));
    try {
      await outboxMailer(join(dir, 'outbox'), 'Школьное питание <no-reply@example.org>').send(mail);
      const [written] = readOutbox(dir);
      expect(written?.file).toMatch(/\.eml$/);
      expect(written?.to).toBe('mama@example.org');
      expect(written?.raw).toMatch(/^Subject: =\?UTF-8\?/m);
      expect(written?.text).toContain('Ссылка: http://localhost:3001/x');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a mail with an idempotency key is written once, named by the key, with the key as Message-ID', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-'));
    try {
      const mailer = outboxMailer(join(dir, 'outbox'), 'no-reply@example.org');
      const keyed = { ...mail, idempotencyKey: 'low-balance-0242013138-42' };
      await mailer.send(keyed);
      await mailer.send({ ...keyed, text: 'второй раз' });
      const written = readOutbox(dir);
      expect(written.map((m) => m.file)).toEqual(['low-balance-0242013138-42.eml']);
      expect(written[0]?.raw).toMatch(/^Message-ID: <low-balance-0242013138-42@school-meals\.local>/m);
      expect(written[0]?.text).toContain('Ссылка');
      await expect(mailer.send({ ...mail, idempotencyKey: '../escape' })).rejects.toThrow(/key/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('with SMTP_URL the mail is sent over SMTP', async () => {
    const received: string[] = [];
    const server = fakeSmtpServer(received);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as { port: number }).port;
      await smtpMailer(`smtp://127.0.0.1:${port}`, 'no-reply@example.org').send(mail);
      await smtpMailer(`smtp://127.0.0.1:${port}`, 'no-reply@example.org').send({ ...mail, idempotencyKey: 'k-1' });
      expect(received).toHaveLength(2);
      expect(received[0]).toMatch(/^To: mama@example.org/m);
      expect(received[1]).toMatch(/^Message-ID: <k-1@school-meals\.local>/m);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('a mail that cannot be sent: setting the email answers 503, recovery still 202 and tells nothing', async () => {
    const failing: Mailer = { send: () => Promise.reject(new Error('smtp down')) };
    const h = await LedgerHarness.start({ mailer: failing });
    try {
      const admin = await h.key('admin');
      const [pupil] = await enrol(h, admin, '24', ['Иванов Пётр']);
      await h.settle();
      const token = await parentToken(h, admin, pupil!.accountNumber);
      const set = await h.request('PUT', '/api/parent/email', { token, body: { email: 'mama@example.org' } });
      expect(set.status).toBe(503);
      expect(set.body).toMatchObject({ code: 'mail_unavailable', messageRu: expect.stringMatching(/письмо/) });
      const recover = await h.post('/api/auth/parent/recover', { accountNumber: pupil!.accountNumber });
      expect(recover.status).toBe(202);
    } finally {
      await h.close();
    }
  });
});
