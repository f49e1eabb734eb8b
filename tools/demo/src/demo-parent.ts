/**
 * A parent who can sign in to the cabinet at once (DEMO only): two pupils of one demo school,
 * children of one family, each get a temporary password, as a till would print it, and a
 * permanent one through the parents' own first sign-in. The parent then confirms one email in
 * both cabinets through the link the ledger mails (read from the embedded outbox), so that the
 * cabinet shows the family switch, and sets a low-balance alert on the first child.
 */
import { randomInt } from 'node:crypto';
import { LedgerClient } from '@meals/ledger-client';
import type { AccountProfile } from '@meals/contracts';
import { newMails, readOutbox } from './outbox.js';
import { feminineSurname } from './russian-names.js';

export interface DemoParent {
  accountNumber: string;
  password: string;
  description: string;
}

/** the family's confirmed email (example.org never receives mail) */
export const DEMO_FAMILY_EMAIL = 'roditel.demo@example.org';
/** the first child's low-balance alert: 300 roubles */
export const DEMO_LOW_BALANCE_THRESHOLD = 30_000;

const LETTERS = 'abcdefghjkmnpqrstuvwxyz';

/** Letters and digits, 10 characters: passes the cabinet's password rule. */
const demoParentPassword = (): string =>
  Array.from({ length: 10 }, (_, i) => (i % 3 === 2 ? String(randomInt(10)) : LETTERS[randomInt(LETTERS.length)])).join(
    '',
  );

const usable = (account: AccountProfile) => account.cardStatus === 'active' && account.balance > 0;

/** One key for both forms of a surname: Богданов and Богданова, Толстой and Толстая. */
const familyName = (account: AccountProfile) => feminineSurname(account.fullName.split(' ')[0] ?? '');

/** Two pupils who could be brother and sister: one surname, two classes, when the school has them. */
function pickChildren(accounts: readonly AccountProfile[]): AccountProfile[] {
  const candidates = accounts.filter(usable);
  for (const first of candidates) {
    const sibling = candidates.find(
      (account) => familyName(account) === familyName(first) && account.className !== first.className,
    );
    if (sibling) return [first, sibling];
  }
  const first = candidates[0] ?? accounts[0];
  if (!first) return [];
  const others = accounts.filter((account) => account.accountNumber !== first.accountNumber);
  const second = others.find((account) => usable(account) && account.className !== first.className) ?? others[0];
  return second ? [first, second] : [first];
}

const pupilText = (pupil: AccountProfile) => `${pupil.fullName}, ${pupil.className}, школа ${pupil.schoolId}`;

/** Temporary password → first sign-in → permanent password; returns a parent session. */
async function signInFirstTime(baseUrl: string, admin: LedgerClient, accountNumber: string) {
  const { temporaryPassword } = await admin.issueTemporaryPassword(accountNumber);
  const first = await new LedgerClient({ baseUrl }).parentLogin({
    accountNumber,
    password: temporaryPassword,
    acceptTerms: true,
  });
  const password = demoParentPassword();
  const { token } = await new LedgerClient({ baseUrl })
    .withToken(first.token)
    .changeParentPassword({ currentPassword: temporaryPassword, newPassword: password });
  return { password, parent: new LedgerClient({ baseUrl }).withToken(token) };
}

/** Sets the email in this child's cabinet and opens the link the ledger wrote to the outbox. */
async function confirmFamilyEmail(parent: LedgerClient, accountNumber: string, dataDir: string): Promise<void> {
  const before = readOutbox(dataDir);
  await parent.setParentEmail({ email: DEMO_FAMILY_EMAIL });
  // the ledger writes the mail before it answers
  const token = newMails(before, readOutbox(dataDir))
    .filter((mail) => mail.text.includes(accountNumber))
    .map((mail) => /\/email\/confirm\?token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1])
    .find(Boolean);
  if (!token) throw new Error(`no confirmation link for ${accountNumber} in the outbox of ${dataDir}`);
  await parent.confirmParentEmail({ token });
}

/**
 * The demo parent's logins: two children on one confirmed email when `outboxDataDir` is the
 * ledger's data directory with the embedded outbox (with SMTP the link goes to a real mailbox:
 * then one child only, as without a second pupil).
 */
export async function createDemoFamily(options: {
  baseUrl: string;
  adminToken: string;
  schoolId: string;
  outboxDataDir?: string;
}): Promise<DemoParent[]> {
  const { baseUrl, outboxDataDir } = options;
  const admin = new LedgerClient({ baseUrl }).withToken(options.adminToken);
  const { accounts } = await admin.schoolAccounts(options.schoolId);
  const children = pickChildren(accounts);
  if (!children[0]) throw new Error(`school ${options.schoolId} has no pupils for a demo parent`);
  if (!outboxDataDir || children.length < 2) {
    const { password } = await signInFirstTime(baseUrl, admin, children[0].accountNumber);
    return [{ accountNumber: children[0].accountNumber, password, description: `Родитель: ${pupilText(children[0])}` }];
  }
  const parents: DemoParent[] = [];
  for (const [index, child] of children.entries()) {
    const { password, parent } = await signInFirstTime(baseUrl, admin, child.accountNumber);
    await confirmFamilyEmail(parent, child.accountNumber, outboxDataDir);
    let description = `Ребёнок ${index + 1}: ${pupilText(child)}; почта ${DEMO_FAMILY_EMAIL}`;
    if (index === 0) {
      const alert = await parent.setLowBalanceAlert({ threshold: DEMO_LOW_BALANCE_THRESHOLD });
      description += `; уведомление при балансе ниже ${alert.thresholdText}`;
    }
    parents.push({ accountNumber: child.accountNumber, password, description });
  }
  return parents;
}

/** What `npm start` prints under the parents' logins: how to see the family with one of them. */
export const demoFamilyNote = (parents: readonly DemoParent[]): string =>
  parents.length > 1
    ? '  Дети одной семьи (одна подтверждённая почта): хватит входа под первым — второй ребёнок\n' +
      '  в переключателе в шапке кабинета (имя ребёнка ▾) и на странице «Все дети» (/family).'
    : '';
