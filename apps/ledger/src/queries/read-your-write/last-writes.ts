/**
 * Per principal (user or API key id), the global log position of its last write in this
 * process, so that its next queries can wait for the read models to show it. Bounded: the
 * principals that wrote least recently are forgotten first (their queries then just do not wait).
 */
/** A global log position as the API writes it: a decimal string (it is a 64-bit number). */
export const isLogPositionText = (text: unknown): text is string => typeof text === 'string' && /^\d{1,20}$/.test(text);

export class LastWrites {
  private readonly positions = new Map<string, bigint>();

  constructor(private readonly limit = 100_000) {}

  record(principalId: string, position: bigint): void {
    const known = this.positions.get(principalId);
    if (known !== undefined) {
      this.positions.delete(principalId); // re-inserted last: the map's order is recency
      if (known > position) position = known;
    } else if (this.positions.size >= this.limit) {
      this.positions.delete(this.positions.keys().next().value!);
    }
    this.positions.set(principalId, position);
  }

  of(principalId: string): bigint | null {
    return this.positions.get(principalId) ?? null;
  }
}
