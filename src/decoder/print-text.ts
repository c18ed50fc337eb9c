// Text-format spellings of the binary's atoms: numbers (floats as exact hex literals, so the
// text parser gets back the very bits), strings, identifiers and types. Shared by the module
// printer (print.ts) and the instruction printer (print-instr.ts).

import type { HeapType, RefType, StorageType } from '../syntax/types.js';

const HEX = '0123456789abcdef';

/** A string literal: printable ASCII as is, every other byte as `\hh`. */
export function stringLiteral(bytes: Uint8Array | string): string {
  const b = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  let s = '"';
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c >= 0x20 && c < 0x7f && c !== 0x22 && c !== 0x5c) s += String.fromCharCode(c);
    else s += '\\' + HEX[c >> 4] + HEX[c & 15];
  }
  return s + '"';
}

const ID_RE = /^[0-9A-Za-z!#$%&'*+\-./:<=>?@\\^_`|~]+$/;

/** `$name` when `name` is a plain identifier, else null (callers fall back to indices). */
export function identifier(name: string | undefined): string | null {
  return name !== undefined && ID_RE.test(name) ? '$' + name : null;
}

/** An f32 from its bits, as an exact hex float (or inf / nan:0x...). */
export function f32Text(bits: number): string {
  const sign = bits >>> 31 ? '-' : '';
  const exp = (bits >>> 23) & 0xff;
  const frac = bits & 0x7fffff;
  if (exp === 0xff) return sign + (frac === 0 ? 'inf' : `nan:0x${frac.toString(16)}`);
  if (exp === 0 && frac === 0) return sign + '0x0p+0';
  // 23 fraction bits, shifted to 24 so they print as 6 whole hex digits.
  const digits = (frac << 1).toString(16).padStart(6, '0').replace(/0+$/, '');
  const lead = exp === 0 ? '0' : '1';
  const e = exp === 0 ? -126 : exp - 127;
  return `${sign}0x${lead}${digits ? '.' + digits : ''}p${e >= 0 ? '+' : ''}${e}`;
}

/** An f64 from its two words, as an exact hex float (or inf / nan:0x...). */
export function f64Text(lo: number, hi: number): string {
  const sign = hi >>> 31 ? '-' : '';
  const exp = (hi >>> 20) & 0x7ff;
  const fracHi = hi & 0xfffff;
  const fracLo = lo >>> 0;
  const fracZero = fracHi === 0 && fracLo === 0;
  // 52 fraction bits = 13 hex digits: 5 from the high word, 8 from the low word.
  const fracHex = fracHi.toString(16).padStart(5, '0') + fracLo.toString(16).padStart(8, '0');
  if (exp === 0x7ff) {
    return sign + (fracZero ? 'inf' : `nan:0x${fracHex.replace(/^0+/, '')}`);
  }
  if (exp === 0 && fracZero) return sign + '0x0p+0';
  const digits = fracHex.replace(/0+$/, '');
  const lead = exp === 0 ? '0' : '1';
  const e = exp === 0 ? -1022 : exp - 1023;
  return `${sign}0x${lead}${digits ? '.' + digits : ''}p${e >= 0 ? '+' : ''}${e}`;
}

/** A signed 64-bit integer from its words, in decimal. */
export function i64Text(lo: number, hi: number): string {
  const v = (BigInt(hi | 0) << 32n) | BigInt(lo >>> 0);
  return BigInt.asIntN(64, v).toString();
}

/** An unsigned 64-bit integer from its words, in decimal. */
export function u64Text(lo: number, hi: number): string {
  return ((BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0)).toString();
}

/** 2^log2 in decimal, exact for any log2 (alignments up to 2^63 are decodable). */
export function pow2Text(log2: number): string {
  return (1n << BigInt(log2)).toString();
}

const REF_SHORTHANDS: Readonly<Record<string, string>> = {
  func: 'funcref', extern: 'externref', any: 'anyref', eq: 'eqref', i31: 'i31ref',
  struct: 'structref', array: 'arrayref', exn: 'exnref', none: 'nullref',
  nofunc: 'nullfuncref', noextern: 'nullexternref', noexn: 'nullexnref',
};

/** A heap type: abstract name, type index, or `(exact N)`. */
export function heapText(h: HeapType, exact = false): string {
  const base = typeof h === 'number' ? String(h) : h;
  return exact ? `(exact ${base})` : base;
}

export function refText(t: RefType): string {
  if (t.nullable && !t.exact && typeof t.heap === 'string') return REF_SHORTHANDS[t.heap];
  return `(ref${t.nullable ? ' null' : ''} ${heapText(t.heap, t.exact)})`;
}

export function typeText(t: StorageType): string {
  return typeof t === 'string' ? t : refText(t);
}
