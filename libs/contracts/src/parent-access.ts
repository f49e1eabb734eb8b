/**
 * Parents' access to the cabinet: temporary passwords issued at the till or by staff,
 * parent login with the terms of use, password change and recovery, the profile and email.
 * Passwords are taken exactly as typed (never trimmed or normalised).
 */
import { z } from 'zod';
import { commandResultFields } from './command-result.js';
import { accountNumber } from './primitives.js';

const password = z.string().min(1).max(256);
/** mail links carry 32 random bytes, base64url */
const mailToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'not a link token')
  .meta({ description: 'token from the link in the mail' });

export const temporaryPasswordResult = z
  .object({
    ...commandResultFields,
    accountNumber: z.string(),
    temporaryPassword: z.string().meta({ description: 'shown once: print it for the parent' }),
    expiresAt: z.string().meta({ description: 'ISO instant (24 hours after issuing)' }),
  })
  .meta({ id: 'TemporaryPasswordResult' });
export type TemporaryPasswordResult = z.infer<typeof temporaryPasswordResult>;

export const parentLoginRequest = z
  .strictObject({ accountNumber, password, acceptTerms: z.boolean() })
  .meta({ id: 'ParentLoginRequest' });
export type ParentLoginRequest = z.infer<typeof parentLoginRequest>;

export const parentSession = z
  .object({
    token: z.string(),
    expiresAt: z.string().meta({ description: 'ISO instant' }),
    accountNumber: z.string(),
    mustChangePassword: z.boolean().meta({
      description: 'true after a login with a temporary password: the token may only change the password',
    }),
  })
  .meta({ id: 'ParentSession' });
export type ParentSession = z.infer<typeof parentSession>;

export const changePasswordRequest = z
  .strictObject({ currentPassword: password, newPassword: password })
  .meta({ id: 'ChangePasswordRequest' });
export type ChangePasswordRequest = z.infer<typeof changePasswordRequest>;

export const parentProfile = z
  .object({
    accountNumber: z.string(),
    fullName: z.string(),
    schoolId: z.string(),
    schoolName: z.string(),
    className: z.string(),
    balance: z.number().int().meta({ description: 'kopecks' }),
    balanceText: z.string().meta({ example: '8,04 руб.' }),
    status: z.enum(['open', 'closed']),
    email: z.string().nullable(),
    emailConfirmed: z.boolean(),
  })
  .meta({ id: 'ParentProfile' });
export type ParentProfile = z.infer<typeof parentProfile>;

export const setEmailRequest = z
  .strictObject({
    email: z
      .string()
      .trim()
      .max(254)
      .pipe(z.email({ message: 'not an email address' })),
  })
  .meta({ id: 'SetEmailRequest' });
export type SetEmailRequest = z.infer<typeof setEmailRequest>;

export const emailStatus = z.object({ email: z.string(), emailConfirmed: z.boolean() }).meta({ id: 'EmailStatus' });
export type EmailStatus = z.infer<typeof emailStatus>;

export const confirmEmailRequest = z.strictObject({ token: mailToken }).meta({ id: 'ConfirmEmailRequest' });
export type ConfirmEmailRequest = z.infer<typeof confirmEmailRequest>;

export const recoverPasswordRequest = z.strictObject({ accountNumber }).meta({ id: 'RecoverPasswordRequest' });
export type RecoverPasswordRequest = z.infer<typeof recoverPasswordRequest>;

export const resetPasswordRequest = z
  .strictObject({ token: mailToken, newPassword: password })
  .meta({ id: 'ResetPasswordRequest' });
export type ResetPasswordRequest = z.infer<typeof resetPasswordRequest>;
