import { closeSession, findSession, openSession, renewSession, switchSession } from '../src/lib/server/sessions.js';

const grant = (expiresInMs: number, mustChangePassword = false) => ({
  token: `ledger-token-${expiresInMs}`,
  expiresAt: new Date(Date.now() + expiresInMs).toISOString(),
  accountNumber: '0242013138',
  mustChangePassword,
});

describe('web sessions', () => {
  it('keeps the ledger token behind an opaque id', () => {
    const { id } = openSession(grant(60_000, true));
    expect(id).not.toContain('ledger-token');
    expect(id.length).toBeGreaterThanOrEqual(40);
    expect(findSession(id)?.mustChangePassword).toBe(true);
  });

  it('forgets a session at its expiry and after logout', () => {
    const { id } = openSession(grant(60_000));
    expect(findSession(id, Date.now() + 61_000)).toBeUndefined();
    expect(findSession(id)).toBeUndefined();
    const second = openSession(grant(60_000));
    closeSession(second.id);
    expect(findSession(second.id)).toBeUndefined();
    expect(findSession(undefined)).toBeUndefined();
  });

  it('swaps in the token issued after a password change', () => {
    const { id } = openSession(grant(60_000, true));
    renewSession(id, grant(120_000, false));
    expect(findSession(id)).toMatchObject({ token: 'ledger-token-120000', mustChangePassword: false });
  });

  it("switching to a child of the family gives a new id for the other account's token; the old id opens nothing", () => {
    const { id } = openSession(grant(60_000));
    const switched = switchSession(id, { ...grant(60_000), token: 'ledger-token-other', accountNumber: '0242013146' });
    expect(switched.id).not.toBe(id);
    expect(findSession(id)).toBeUndefined();
    expect(findSession(switched.id)).toMatchObject({ token: 'ledger-token-other', accountNumber: '0242013146' });
  });
});
