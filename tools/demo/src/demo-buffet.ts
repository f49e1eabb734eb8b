/**
 * The demo buffet of a school as a till sells it (the canteen menu of the demo history, with
 * stable ids such as pizza-125 and tea-200) and the cards the demo till's card picker offers.
 * Written through the API; adding an item again is a duplicate, so a restart changes nothing.
 */
import { demoBuffetAssortment } from '@meals/demo-data';
import { LedgerApiError, type LedgerClient } from '@meals/ledger-client';

/** Adds the demo buffet to a school (staff or admin client); items already there are left as they are. */
export async function addDemoBuffet(staff: LedgerClient, schoolId: string): Promise<void> {
  for (const item of demoBuffetAssortment()) {
    try {
      await staff.addBuffetItem(schoolId, item);
    } catch (error) {
      // changed by staff since: theirs stands
      if (!(error instanceof LedgerApiError && error.code === 'buffet_item_exists')) throw error;
    }
  }
}

/** Active cards of a school for the demo till's card picker: `{cardUid, label}` with the pupil's name and class. */
export async function demoTillCards(
  reader: LedgerClient,
  schoolId: string,
  limit = 15,
): Promise<{ cardUid: string; label: string }[]> {
  const { accounts } = await reader.schoolAccounts(schoolId, { status: 'open' });
  return accounts
    .filter((account) => account.cardUid !== null && account.cardStatus !== null)
    .slice(0, limit)
    .map((account) => ({
      cardUid: account.cardUid!,
      label: `${account.fullName}, ${account.className}${account.cardStatus === 'active' ? '' : account.cardStatus === 'blocked' ? ' (заблокирована)' : ' (не активирована)'}`,
    }));
}
