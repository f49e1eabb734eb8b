/**
 * A full disk (a small tmpfs holding the data files and a log): writes are refused with
 * 503 `storage_full` and record nothing, health says `degraded` with the cause, reads and
 * health keep answering, logging drops and counts lines instead of failing, and everything
 * works again once space returns, without a restart.
 */
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openLogDestination } from '@meals/runtime-config';
import { pino } from 'pino';
import { LedgerHarness } from './support/ledger-harness.js';
import { enrol, topUp, type Pupil } from './support/fixtures.js';
import { mountSmallDisk } from '../../../test/support/small-disk.js';

const disk = mountSmallDisk('ledger-full-disk-', 24);
const dir = disk.path;
const describeOnTmpfs = disk.mounted ? describe : describe.skip;

describeOnTmpfs('a full disk', () => {
  let h: LedgerHarness;
  let bank: string;
  let pupil: Pupil;

  beforeAll(async () => {
    h = await LedgerHarness.start({ dir });
    const admin = await h.key('admin');
    bank = await h.key('bank');
    [pupil] = (await enrol(h, admin, '41', ['Дисков Полный'])) as [Pupil];
    await topUp(h, bank, pupil.accountNumber, 1000);
  });
  afterAll(async () => {
    rmSync(join(dir, 'filler.bin'), { force: true });
    await h?.close(true);
    disk.remove();
  });

  it('refuses writes with 503 storage_full, reports it in health, and recovers when space returns', async () => {
    const filler = disk.fill();
    const before = await h.headPosition();
    let refusal: Awaited<ReturnType<typeof h.post>> | undefined;
    for (let attempt = 0; attempt < 500 && !refusal; attempt++) {
      const reply = await h.post(
        '/api/top-ups',
        {
          paymentId: `full-${attempt}`,
          accountNumber: pupil.accountNumber,
          channel: 'bank_online',
          amount: 100,
          paidAt: '2024-01-18T09:30:00+03:00',
        },
        bank,
      );
      expect(reply.status).not.toBe(500);
      if (reply.status !== 201) refusal = reply;
    }
    expect(refusal?.status).toBe(503);
    expect(refusal?.body).toMatchObject({ code: 'storage_full', messageRu: expect.stringMatching(/диске/) });
    expect(refusal?.headers['retry-after']).toBeDefined();
    const afterRefusal = await h.headPosition();

    const health = await h.get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({
      status: 'degraded',
      cause: 'storage_full',
      details: { storage: { status: 'degraded' } },
    });
    // reads still answer, and the refused write recorded nothing
    expect((await h.get(`/api/accounts/${pupil.accountNumber}`, bank)).status).toBeLessThan(500);
    expect(await h.headPosition()).toBe(afterRefusal);
    expect(afterRefusal! >= (before ?? 0n)).toBe(true);

    rmSync(filler);
    const again = await h.post(
      '/api/top-ups',
      {
        paymentId: 'after-space-returns',
        accountNumber: pupil.accountNumber,
        channel: 'bank_online',
        amount: 100,
        paidAt: '2024-01-18T09:30:00+03:00',
      },
      bank,
    );
    expect(again.status).toBe(201);
    const recovered = await h.get('/api/health');
    expect(recovered.status).toBe(200);
    expect(recovered.body.details.storage.status).toBe('up');
    expect(recovered.body.cause).toBeUndefined();
  });

  it('drops and counts log lines while the disk is full, and logs again when space returns', () => {
    const logFile = join(dir, 'service.log');
    const fd = openSync(logFile, 'a');
    try {
      let dropped = 0;
      const destination = openLogDestination({ fd, service: 'test', onDrop: () => dropped++ });
      const logger = pino({ base: { service: 'test' } }, destination);
      logger.info('before');
      const filler = disk.fill();
      const padding = 'x'.repeat(200);
      // the log file's last page may still have room for a few lines
      for (let i = 0; i < 100 && dropped === 0; i++) logger.info({ i, padding }, 'filling the last page');
      expect(dropped).toBe(1);
      for (let i = 0; i < 100; i++) expect(() => logger.info({ i, padding }, 'while full')).not.toThrow();
      expect(dropped).toBe(101);
      expect(destination.dropped).toBe(101);
      rmSync(filler);
      logger.info('after');
      const lines = readFileSync(logFile, 'utf8').trim().split('\n');
      expect(JSON.parse(lines[0]!)).toMatchObject({ msg: 'before' });
      expect(JSON.parse(lines.at(-2)!)).toMatchObject({ msg: expect.stringMatching(/dropped/), droppedLines: 101 });
      expect(JSON.parse(lines.at(-1)!)).toMatchObject({ msg: 'after' });
    } finally {
      closeSync(fd);
    }
  });
});
