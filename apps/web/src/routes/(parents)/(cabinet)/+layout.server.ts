import { redirect } from '@sveltejs/kit';
import { parentLedger } from '#lib/server/ledger.ts';
import { ledgerRefusal } from '#lib/server/ledger-errors.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
  if (!locals.session) redirect(303, '/login');
  try {
    return { me: await parentLedger(locals.session.token).me() };
  } catch (error) {
    ledgerRefusal(error);
    throw error;
  }
};
