import { redirect } from '@sveltejs/kit';
import type { FamilyMember } from '@meals/contracts';
import { parentLedger } from '#lib/server/ledger.ts';
import { ledgerRefusal } from '#lib/server/ledger-errors.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
  if (!locals.session) redirect(303, '/login');
  const ledger = parentLedger(locals.session.token);
  try {
    // the family only adds the switcher: the page shows without it if that call fails
    const [me, family] = await Promise.all([
      ledger.me(),
      ledger.family().then(
        ({ members }) => members,
        (): FamilyMember[] => [],
      ),
    ]);
    return { me, family };
  } catch (error) {
    ledgerRefusal(error);
    throw error;
  }
};
