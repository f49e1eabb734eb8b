import { LedgerClient } from '@meals/ledger-client';

/** Logs a staff user in (`POST /api/auth/login`) and returns the session token. */
export async function loginStaff(baseUrl: string, username: string, password: string): Promise<string> {
  const { token } = await new LedgerClient({ baseUrl }).login({ username, password });
  return token;
}
