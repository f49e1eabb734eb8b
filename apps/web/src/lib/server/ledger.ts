/**
 * The one typed client of the ledger API the web server uses, acting as the signed-in parent
 * (the ledger decides what that parent may see; the web app only forwards its token).
 */
import { LedgerClient, type StatementPeriod } from '@meals/ledger-client';
import type { AccountProfile, Statement } from '@meals/contracts';
import type {
  EmailState,
  ParentLoginRequest,
  ParentProfile,
  ParentSession,
  PaymentOrder,
  PaymentRegistered,
} from './ledger-contract.js';

const anonymous = new LedgerClient({
  baseUrl: process.env['LEDGER_URL'] ?? 'http://127.0.0.1:3000',
  timeoutMs: 15_000,
});

/** Calls anyone may make (login, recovery, email confirmation). */
export const publicLedger = {
  login: (request: ParentLoginRequest) =>
    anonymous.request<ParentSession>('POST', '/api/auth/parent/login', { json: request }),
  recover: (accountNumber: string) =>
    anonymous.request<Record<string, never>>('POST', '/api/auth/parent/recover', { json: { accountNumber } }),
  resetPassword: (token: string, newPassword: string) =>
    anonymous.request<unknown>('POST', '/api/auth/parent/reset', { json: { token, newPassword } }),
  confirmEmail: (token: string) =>
    anonymous.request<EmailState>('POST', '/api/auth/parent/email/confirm', { json: { token } }),
};

/** Calls made with a parent's token. */
export function parentLedger(token: string) {
  const client = anonymous.withToken(token);
  return {
    me: () => client.request<ParentProfile>('GET', '/api/parent/me'),
    account: (accountNumber: string): Promise<AccountProfile> => client.account(accountNumber),
    statement: (accountNumber: string, period: StatementPeriod): Promise<Statement> =>
      client.statement(accountNumber, period),
    changePassword: (currentPassword: string, newPassword: string) =>
      client.request<ParentSession>('POST', '/api/auth/parent/password', { json: { currentPassword, newPassword } }),
    setEmail: (email: string) => client.request<EmailState>('PUT', '/api/parent/email', { json: { email } }),
    logout: () => client.request<unknown>('POST', '/api/auth/logout'),
    registerPayment: (accountNumber: string, amount: number) =>
      client.request<PaymentRegistered>('POST', '/api/payments', { json: { accountNumber, amount } }),
    payment: (orderId: string) => client.request<PaymentOrder>('GET', `/api/payments/${encodeURIComponent(orderId)}`),
  };
}
