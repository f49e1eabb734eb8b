/**
 * A parent who can sign in to the cabinet at once (DEMO only): one pupil of the demo city
 * gets a temporary password, as a till would print it, and a permanent one through the
 * parents' own first sign-in, so that `npm start` can print a login that works.
 */
import { randomInt } from 'node:crypto';
import { LedgerClient } from '@meals/ledger-client';

export interface DemoParent {
  accountNumber: string;
  password: string;
  description: string;
}

const LETTERS = 'abcdefghjkmnpqrstuvwxyz';

/** Letters and digits, 10 characters: passes the cabinet's password rule. */
const demoParentPassword = (): string =>
  Array.from({ length: 10 }, (_, i) => (i % 3 === 2 ? String(randomInt(10)) : LETTERS[randomInt(LETTERS.length)])).join(
    '',
  );

export async function createDemoParent(options: {
  baseUrl: string;
  adminToken: string;
  schoolId: string;
}): Promise<DemoParent> {
  const admin = new LedgerClient({ baseUrl: options.baseUrl }).withToken(options.adminToken);
  const { accounts } = await admin.schoolAccounts(options.schoolId);
  const pupil = accounts.find((account) => account.cardStatus === 'active' && account.balance > 0) ?? accounts[0];
  if (!pupil) throw new Error(`school ${options.schoolId} has no pupils for a demo parent`);
  const { temporaryPassword } = await admin.issueTemporaryPassword(pupil.accountNumber);
  const first = await new LedgerClient({ baseUrl: options.baseUrl }).parentLogin({
    accountNumber: pupil.accountNumber,
    password: temporaryPassword,
    acceptTerms: true,
  });
  const password = demoParentPassword();
  await new LedgerClient({ baseUrl: options.baseUrl })
    .withToken(first.token)
    .changeParentPassword({ currentPassword: temporaryPassword, newPassword: password });
  return {
    accountNumber: pupil.accountNumber,
    password,
    description: `Родитель: ${pupil.fullName}, ${pupil.className}, школа ${pupil.schoolId}`,
  };
}
