import { collections } from '../collections.js';
import type { AccountDoc } from '../documents.js';
import type { TypedQuery, TypedReadModels } from '../typed-read-models.js';
import { toAccountProfile, type AccountProfileView } from './account-profile.js';

export interface SchoolAccountsView {
  schoolId: string;
  className: string | null;
  status: 'open' | 'closed';
  count: number;
  /** kopecks */
  totalBalance: number;
  accounts: AccountProfileView[];
}

/** A school's accounts (of one class when given) with the status asked, by class then name. */
export async function schoolAccounts(
  readModels: TypedReadModels,
  { schoolId, className, status }: { schoolId: string; className: string | null; status: 'open' | 'closed' },
): Promise<SchoolAccountsView> {
  const where: TypedQuery<AccountDoc>['where'] = { schoolId, status };
  if (className !== null) where.className = className;
  const docs = await readModels.find(collections.accounts, {
    where,
    orderBy: [
      { field: 'className', direction: 'asc' },
      { field: 'fullName', direction: 'asc' },
    ],
  });
  const accounts = docs.map(toAccountProfile);
  return {
    schoolId,
    className,
    status,
    count: accounts.length,
    totalBalance: accounts.reduce((sum, account) => sum + account.balance, 0),
    accounts,
  };
}
