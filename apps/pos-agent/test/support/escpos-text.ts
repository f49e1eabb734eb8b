/**
 * Reads the text of ESC/POS bytes as a printer would print it: commands (ESC …, GS …, FS …)
 * stripped, the rest decoded as cp866.
 */
const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;

/** bytes of parameters after ESC x / GS x, for the commands the encoder sends */
const ESC_ARGS: Record<number, number> = {
  0x40: 0,
  0x74: 1,
  0x45: 1,
  0x61: 1,
  0x2d: 1,
  0x4d: 1,
  0x21: 1,
  0x33: 1,
  0x32: 0,
  0x64: 1,
  0x34: 1,
  0x47: 1,
  0x7b: 1,
};
const GS_ARGS: Record<number, number> = { 0x21: 1, 0x56: 1, 0x42: 1, 0x62: 1, 0x4c: 2, 0x57: 2 };

export function escposText(bytes: Uint8Array): string {
  const text: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte === ESC) {
      i += 1 + (ESC_ARGS[bytes[i + 1]!] ?? 0);
    } else if (byte === GS) {
      const command = bytes[i + 1]!;
      // GS V m [n]: partial/full cut with feed takes one more byte
      const extra =
        command === 0x56 &&
        (bytes[i + 2]! === 0x41 || bytes[i + 2]! === 0x42 || bytes[i + 2]! === 65 || bytes[i + 2]! === 66)
          ? 1
          : 0;
      i += 1 + (GS_ARGS[command] ?? 0) + extra;
    } else if (byte === FS) {
      i += 1;
    } else if (byte === 0x0a || byte >= 0x20) {
      text.push(byte);
    }
  }
  return new TextDecoder('ibm866').decode(Uint8Array.from(text));
}
