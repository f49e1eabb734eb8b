/** What a till action tells the cashier: done (with its data) or a message saying why not (Russian). */
export type Outcome<T> = ({ ok: true } & T) | { ok: false; code: string; message: string };

export const refused = (code: string, message: string): { ok: false; code: string; message: string } => ({
  ok: false,
  code,
  message,
});
