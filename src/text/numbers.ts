// Integer literals of the text format (nat, int with sign, hex, underscores) and their range
// checks. Float literals live in float.ts.

const DEC = '[0-9](?:_?[0-9])*';
const HEX = '[0-9a-fA-F](?:_?[0-9a-fA-F])*';
const NAT_RE = new RegExp(`^(?:${DEC}|0x${HEX})$`);
const INT_RE = new RegExp(`^[+-]?(?:${DEC}|0x${HEX})$`);
const FLOAT_RE = new RegExp(
  `^[+-]?(?:${DEC}(?:\\.(?:${DEC})?)?(?:[eE][+-]?${DEC})?|0x${HEX}(?:\\.(?:${HEX})?)?(?:[pP][+-]?${DEC})?|inf|nan|nan:0x${HEX})$`,
);

export function isNat(t: string): boolean {
  return NAT_RE.test(t);
}
export function isInt(t: string): boolean {
  return INT_RE.test(t);
}
export function isFloatLit(t: string): boolean {
  return FLOAT_RE.test(t);
}
export function isNumberLit(t: string): boolean {
  return FLOAT_RE.test(t);
}

/** Value of an integer literal (sign allowed) as a bigint; the caller checked the syntax. */
export function intValue(t: string): bigint {
  let neg = false;
  if (t[0] === '+' || t[0] === '-') {
    neg = t[0] === '-';
    t = t.slice(1);
  }
  t = t.replace(/_/g, '');
  const v = BigInt(t); // handles 0x
  return neg ? -v : v;
}

/** Parses an N-bit integer (N=32/64) as the text format allows: -2^(N-1) .. 2^N-1. Null if out of range. */
export function parseIntN(t: string, bits: 32 | 64 | 8 | 16): bigint | null {
  const v = intValue(t);
  const max = 1n << BigInt(bits);
  if (v >= max || v < -(max >> 1n)) return null;
  return BigInt.asIntN(bits, v);
}
