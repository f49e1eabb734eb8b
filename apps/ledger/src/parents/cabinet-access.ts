/**
 * Parents' access to the cabinet of one account: temporary passwords (issued at the till
 * or by staff, 24 hours, a new one voids the old), the permanent password, the email and
 * its confirmation, and password recovery by mail. Everything lives in the identity store
 * (hashes only); nothing reaches the event log.
 */
import { Inject, Injectable } from '@nestjs/common';
import { accountClosed, accountNotFound, assertCabinetPassword, requireAccountNumber } from '@meals/domain';
import { AccountAggregates } from '../accounts/account-aggregates.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../identity/passwords.js';
import type {
  AccessAuditEntry,
  CabinetCredentials,
  IdentityStore,
  MailTokenPurpose,
} from '../identity/store/identity-store.port.js';
import type { Logger } from 'pino';
import {
  DEFAULT_WEB_BASE_URL,
  IDENTITY_STORE,
  LEDGER_SETTINGS,
  LOGGER,
  MAILER,
  type LedgerSettings,
} from '../infrastructure/tokens.js';
import type { Mailer } from '../mail/mailer.js';
import { invalidMailToken, mailUnavailable } from './cabinet-errors.js';
import { confirmEmailMail, resetPasswordMail } from './cabinet-mails.js';
import { EMAIL_CONFIRM_TTL_MS, generateMailToken, hashMailToken, PASSWORD_RESET_TTL_MS } from './mail-tokens.js';
import { generateTemporaryPassword, TEMPORARY_PASSWORD_TTL_MS } from './temporary-passwords.js';

/** Which password a login matched: a temporary one only lets the parent change it. */
export type LoginMatch = 'permanent' | 'temporary' | null;

const empty = (accountNumber: string, now: Date): CabinetCredentials => ({
  accountNumber,
  passwordHash: null,
  temporaryPasswordHash: null,
  temporaryPasswordExpiresAt: null,
  email: null,
  emailConfirmed: false,
  updatedAt: now.toISOString(),
});

@Injectable()
export class CabinetAccess {
  private readonly webBaseUrl: string;

  constructor(
    @Inject(IDENTITY_STORE) private readonly store: IdentityStore,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(LEDGER_SETTINGS) settings: LedgerSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly accounts: AccountAggregates,
  ) {
    this.webBaseUrl = settings.webBaseUrl ?? DEFAULT_WEB_BASE_URL;
  }

  /** A new temporary password for an open account, returned in clear this once. */
  async issueTemporaryPassword(
    accountNumber: string,
    actor: string,
    now: Date,
  ): Promise<{ temporaryPassword: string; expiresAt: string }> {
    const { state } = await this.accounts.load(requireAccountNumber(accountNumber));
    if (!state.exists) throw accountNotFound(accountNumber);
    if (state.status === 'closed') throw accountClosed(accountNumber);
    const temporaryPassword = generateTemporaryPassword();
    const expiresAt = new Date(now.getTime() + TEMPORARY_PASSWORD_TTL_MS).toISOString();
    const current = (await this.store.findCabinetCredentials(accountNumber)) ?? empty(accountNumber, now);
    await this.store.saveCabinetCredentials({
      ...current,
      temporaryPasswordHash: await hashPassword(temporaryPassword),
      temporaryPasswordExpiresAt: expiresAt,
      updatedAt: now.toISOString(),
    });
    await this.audit(accountNumber, actor, 'temporary_password_issued', now);
    return { temporaryPassword, expiresAt };
  }

  /** Checks both passwords every time (a dummy hash for a missing one): the time says nothing. */
  async login(accountNumber: string, password: string, now: Date): Promise<LoginMatch> {
    const credentials = await this.store.findCabinetCredentials(accountNumber);
    const dummy = await dummyPasswordHash();
    const temporaryHash =
      credentials?.temporaryPasswordHash &&
      credentials.temporaryPasswordExpiresAt &&
      credentials.temporaryPasswordExpiresAt > now.toISOString()
        ? credentials.temporaryPasswordHash
        : null;
    const [permanent, temporary] = await Promise.all([
      verifyPassword(password, credentials?.passwordHash ?? dummy),
      verifyPassword(password, temporaryHash ?? dummy),
    ]);
    if (permanent && credentials?.passwordHash) return 'permanent';
    if (temporary && temporaryHash) return 'temporary';
    return null;
  }

  /** Sets the permanent password; the caller checked the current one (under the login limiter). */
  async changePassword(accountNumber: string, newPassword: string, now: Date): Promise<void> {
    assertCabinetPassword(newPassword, accountNumber);
    await this.setPassword(accountNumber, newPassword, now);
    await this.audit(accountNumber, `parent:${accountNumber}`, 'password_changed', now);
  }

  async profileEmail(accountNumber: string): Promise<{ email: string | null; emailConfirmed: boolean }> {
    const credentials = await this.store.findCabinetCredentials(accountNumber);
    return { email: credentials?.email ?? null, emailConfirmed: credentials?.emailConfirmed ?? false };
  }

  /** Replaces the email (unconfirmed) and mails a confirmation link to it. */
  async setEmail(accountNumber: string, email: string, now: Date): Promise<{ email: string; emailConfirmed: false }> {
    const current = (await this.store.findCabinetCredentials(accountNumber)) ?? empty(accountNumber, now);
    await this.store.saveCabinetCredentials({ ...current, email, emailConfirmed: false, updatedAt: now.toISOString() });
    const token = await this.mailToken('confirm_email', accountNumber, email, now, EMAIL_CONFIRM_TTL_MS);
    try {
      await this.mailer.send(confirmEmailMail(email, accountNumber, `${this.webBaseUrl}/email/confirm?token=${token}`));
    } catch (error) {
      this.logger.error({ err: error, accountNumber }, 'confirmation mail not sent');
      throw mailUnavailable();
    }
    await this.audit(accountNumber, `parent:${accountNumber}`, 'email_set', now);
    return { email, emailConfirmed: false };
  }

  async confirmEmail(token: string, now: Date): Promise<{ email: string; emailConfirmed: true }> {
    const record = await this.takeMailToken(token, 'confirm_email', now);
    const current = await this.store.findCabinetCredentials(record.accountNumber);
    // the parent changed the email after this link was sent
    if (!current || current.email !== record.email) throw invalidMailToken();
    await this.store.saveCabinetCredentials({ ...current, emailConfirmed: true, updatedAt: now.toISOString() });
    await this.audit(record.accountNumber, `parent:${record.accountNumber}`, 'email_confirmed', now);
    return { email: record.email, emailConfirmed: true };
  }

  /**
   * Mails a reset link when the account has a confirmed email; says nothing either way. The
   * work runs after the answer, so neither its time nor a mail failure tells whether the
   * account has an email; the promise is for tests and shutdown.
   */
  recover(accountNumber: string, now: Date): Promise<void> {
    return this.recoverNow(accountNumber, now).catch((error: unknown) => {
      this.logger.error({ err: error, accountNumber }, 'password recovery mail not sent');
    });
  }

  private async recoverNow(accountNumber: string, now: Date): Promise<void> {
    const credentials = await this.store.findCabinetCredentials(accountNumber);
    if (!credentials?.email || !credentials.emailConfirmed) return;
    const token = await this.mailToken('reset_password', accountNumber, credentials.email, now, PASSWORD_RESET_TTL_MS);
    await this.mailer.send(
      resetPasswordMail(credentials.email, accountNumber, `${this.webBaseUrl}/password/reset?token=${token}`),
    );
  }

  async resetPassword(token: string, newPassword: string, now: Date): Promise<void> {
    const hash = hashMailToken(token);
    // check the rule before using up the link, so a weak password can be retried with it
    const peek = await this.store.takeMailToken(hash, now.toISOString());
    if (!peek || peek.purpose !== 'reset_password') throw invalidMailToken();
    try {
      assertCabinetPassword(newPassword, peek.accountNumber);
    } catch (error) {
      await this.store.insertMailToken(peek);
      throw error;
    }
    await this.setPassword(peek.accountNumber, newPassword, now);
    await this.audit(peek.accountNumber, `parent:${peek.accountNumber}`, 'password_reset', now);
  }

  private async setPassword(accountNumber: string, password: string, now: Date): Promise<void> {
    const current = (await this.store.findCabinetCredentials(accountNumber)) ?? empty(accountNumber, now);
    await this.store.saveCabinetCredentials({
      ...current,
      passwordHash: await hashPassword(password),
      temporaryPasswordHash: null,
      temporaryPasswordExpiresAt: null,
      updatedAt: now.toISOString(),
    });
  }

  private async mailToken(
    purpose: MailTokenPurpose,
    accountNumber: string,
    email: string,
    now: Date,
    ttlMs: number,
  ): Promise<string> {
    const token = generateMailToken();
    await this.store.insertMailToken({
      tokenHash: hashMailToken(token),
      purpose,
      accountNumber,
      email,
      expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
    });
    return token;
  }

  private async takeMailToken(token: string, purpose: MailTokenPurpose, now: Date) {
    const record = await this.store.takeMailToken(hashMailToken(token), now.toISOString());
    if (!record || record.purpose !== purpose) throw invalidMailToken();
    return record;
  }

  private audit(accountNumber: string, actor: string, action: AccessAuditEntry['action'], now: Date) {
    return this.store.appendAccessAudit({ at: now.toISOString(), actor, action, accountNumber });
  }
}
