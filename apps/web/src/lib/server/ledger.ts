/**
 * The one typed client of the ledger API the web server uses, acting as the signed-in parent
 * (the ledger decides what that parent may see; the web app only forwards its token). Request
 * and answer types come from @meals/contracts through @meals/ledger-client.
 */
import { LedgerClient, type StatementPeriod } from '@meals/ledger-client';
import type { ParentLoginRequest } from '@meals/contracts';

const anonymous = new LedgerClient({
  baseUrl: process.env['LEDGER_URL'] ?? 'http://127.0.0.1:3000',
  timeoutMs: 15_000,
});

/** Calls anyone may make (login, recovery, email confirmation). */
export const publicLedger = {
  login: (request: ParentLoginRequest) => anonymous.parentLogin(request),
  recover: (accountNumber: string) => anonymous.recoverParentPassword({ accountNumber }),
  resetPassword: (token: string, newPassword: string) => anonymous.resetParentPassword({ token, newPassword }),
  confirmEmail: (token: string) => anonymous.confirmParentEmail({ token }),
};

/** Calls made with a parent's token. */
export function parentLedger(token: string) {
  const client = anonymous.withToken(token);
  return {
    me: () => client.parentProfile(),
    account: (accountNumber: string) => client.account(accountNumber),
    statement: (accountNumber: string, period: StatementPeriod) => client.statement(accountNumber, period),
    changePassword: (currentPassword: string, newPassword: string) =>
      client.changeParentPassword({ currentPassword, newPassword }),
    setEmail: (email: string) => client.setParentEmail({ email }),
    family: () => client.parentFamily(),
    switchTo: (accountNumber: string) => client.switchParentFamily({ accountNumber }),
    lowBalanceAlert: () => client.lowBalanceAlert(),
    setLowBalanceAlert: (threshold: number) => client.setLowBalanceAlert({ threshold }),
    logout: () => client.logout(),
    registerPayment: (accountNumber: string, amount: number) => client.createPayment({ accountNumber, amount }),
    payment: (orderId: string) => client.payment(orderId),
  };
}

/** The unauthenticated client, for the staff side's own calls (`staff-ledger.ts`). */
export { anonymous as ledgerClient };
