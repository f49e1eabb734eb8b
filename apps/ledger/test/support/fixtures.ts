/** Small builders for the flows the tests share: a school with pupils, funded accounts, sales. */
import type { LedgerHarness } from './ledger-harness.js';

export interface Pupil {
  accountNumber: string;
  fullName: string;
  className: string;
  cardUid: string;
  created: boolean;
}

export const csvOf = (schoolId: string, pupils: [className: string, fullName: string][], delimiter = ','): string =>
  [
    'school,class,full_name'.replace(/,/g, delimiter),
    ...pupils.map(([cls, name]) => [schoolId, cls, name].join(delimiter)),
  ].join('\n') + '\n';

export async function registerSchool(
  h: LedgerHarness,
  token: string,
  schoolId: string,
  departmentId = 'uo-1',
  name = `Школа №${schoolId}`,
) {
  const reply = await h.post('/api/schools', { schoolId, name, departmentId }, token);
  if (reply.status !== 201 && reply.status !== 200) throw new Error(`register school failed: ${reply.text}`);
  return reply.body;
}

export async function importCsv(h: LedgerHarness, token: string, schoolId: string, csv: string) {
  return h.request('POST', `/api/schools/${schoolId}/pupils/import`, {
    token,
    payload: Buffer.from(csv, 'utf8'),
    contentType: 'text/csv',
  });
}

/** Registers the school (if needed) and enrols the pupils; returns their accounts in list order. */
export async function enrol(
  h: LedgerHarness,
  admin: string,
  schoolId: string,
  names: string[],
  className = '03Б',
  departmentId = 'uo-1',
) {
  await registerSchool(h, admin, schoolId, departmentId);
  const reply = await importCsv(
    h,
    admin,
    schoolId,
    csvOf(
      schoolId,
      names.map((name) => [className, name]),
    ),
  );
  if (reply.status !== 201 && reply.status !== 200) throw new Error(`import failed: ${reply.text}`);
  return reply.body.accounts as Pupil[];
}

let paymentSeq = 0;
export async function topUp(
  h: LedgerHarness,
  bank: string,
  accountNumber: string,
  amount: number,
  paymentId = `pay-${++paymentSeq}`,
) {
  return h.post(
    '/api/top-ups',
    { paymentId, accountNumber, channel: 'bank_online', amount, paidAt: '2024-01-18T09:30:00+03:00' },
    bank,
  );
}

export async function activate(h: LedgerHarness, till: string, cardUid: string) {
  const reply = await h.request('POST', `/api/cards/${cardUid}/activate`, { token: till });
  if (reply.status !== 201 && reply.status !== 200) throw new Error(`activate failed: ${reply.text}`);
  return reply.body;
}

export const sale = (checkNumber: string, cardUid: string, price = 3450, soldAt = '2024-01-18T12:05:00+03:00') => ({
  checkNumber,
  cardUid,
  items: [{ name: 'Пицца 125 г', qty: 1, price }],
  soldAt,
});

export const checkNo = (schoolId: string, seq: number) => `${schoolId}-${String(seq).padStart(6, '0')}`;

/** A parent's full session for the account: temporary password from `issuer`, login, new password. */
export async function parentToken(h: LedgerHarness, issuer: string, accountNumber: string, password = 'morkov2024') {
  const issued = await h.post(`/api/accounts/${accountNumber}/temporary-password`, {}, issuer);
  if (issued.status !== 201) throw new Error(`temporary password failed: ${issued.text}`);
  const temporary = issued.body.temporaryPassword as string;
  const login = await h.post('/api/auth/parent/login', { accountNumber, password: temporary, acceptTerms: true });
  if (login.status !== 200) throw new Error(`parent login failed: ${login.text}`);
  const changed = await h.request('POST', '/api/auth/parent/password', {
    token: login.body.token,
    body: { currentPassword: temporary, newPassword: password },
  });
  if (changed.status !== 200) throw new Error(`password change failed: ${changed.text}`);
  return changed.body.token as string;
}

/** Sets the parent's email and opens the confirmation link mailed to the outbox. */
export async function confirmParentEmail(h: LedgerHarness, parent: string, accountNumber: string, email: string) {
  const { linkToken, readOutbox } = await import('./outbox.js');
  const set = await h.request('PUT', '/api/parent/email', { token: parent, body: { email } });
  if (set.status !== 202) throw new Error(`set email failed: ${set.text}`);
  const mail = readOutbox(h.dir)
    .filter(
      (m) =>
        m.to.toLowerCase() === email.toLowerCase() &&
        m.text.includes(accountNumber) &&
        m.text.includes('/email/confirm'),
    )
    .at(-1);
  if (!mail) throw new Error(`no confirmation mail for ${accountNumber}`);
  const confirmed = await h.post('/api/auth/parent/email/confirm', { token: linkToken(mail, '/email/confirm') });
  if (confirmed.status !== 200) throw new Error(`confirm failed: ${confirmed.text}`);
}
