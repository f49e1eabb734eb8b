/**
 * The family view of the cabinet: the accounts whose parents confirmed the same email (each
 * through its own link), and switching between them without signing in again.
 */
import { z } from 'zod';
import { accountNumber } from './primitives.js';

export const familyMember = z
  .object({
    accountNumber: z.string(),
    fullName: z.string(),
    className: z.string(),
    schoolName: z.string(),
    balance: z.number().int().meta({ description: 'kopecks' }),
    balanceText: z.string(),
    status: z.enum(['open', 'closed']),
    current: z.boolean().meta({ description: 'the account of this session' }),
  })
  .meta({ id: 'FamilyMember' });
export type FamilyMember = z.infer<typeof familyMember>;

export const parentFamily = z
  .object({
    members: z.array(familyMember).meta({
      description: 'this account and every account that confirmed the same email, by account number',
    }),
  })
  .meta({ id: 'ParentFamily' });
export type ParentFamily = z.infer<typeof parentFamily>;

export const switchFamilyRequest = z.strictObject({ accountNumber }).meta({ id: 'SwitchFamilyRequest' });
export type SwitchFamilyRequest = z.infer<typeof switchFamilyRequest>;
