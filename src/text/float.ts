// Exact float literal parsing: decimal and hex literals are converted to the nearest f32/f64
// (round to nearest, ties to even) with BigInt rationals, never through JS parseFloat (which
// would round twice for f32). Out-of-range literals (rounding to infinity, NaN payloads that do
// not fit) return null; the caller reports "constant out of range".

interface Fmt {
  readonly mant: number; // stored mantissa bits
  readonly expBits: number;
  readonly bias: number;
}
const F32: Fmt = { mant: 23, expBits: 8, bias: 127 };
const F64: Fmt = { mant: 52, expBits: 11, bias: 1023 };

function bitLen(v: bigint): number {
  return v === 0n ? 0 : v.toString(2).length;
}

/**
 * Rounds num/den (positive) to the format; returns the bits without sign, or null on overflow.
 */
function roundRational(num: bigint, den: bigint, f: Fmt): bigint | null {
  if (num === 0n) return 0n;
  const p = f.mant + 1;
  const emin = 1 - f.bias - f.mant;
  // value = num/den; find e with 2^(p-1) <= value / 2^e < 2^p
  let e = bitLen(num) - bitLen(den) - p;
  const quot = (ee: number): [bigint, bigint, bigint] => {
    let n = num;
    let d = den;
    if (ee >= 0) d <<= BigInt(ee); else n <<= BigInt(-ee);
    return [n / d, n % d, d];
  };
  let [q, r, d] = quot(e);
  const lo = 1n << BigInt(p - 1);
  const hi = 1n << BigInt(p);
  while (q >= hi) { e++; [q, r, d] = quot(e); }
  while (q < lo) { e--; [q, r, d] = quot(e); }
  if (e < emin) {
    e = emin;
    [q, r, d] = quot(e);
  }
  const twice = r * 2n;
  if (twice > d || (twice === d && (q & 1n) === 1n)) q++;
  if (q === hi) { q >>= 1n; e++; }
  if (q < lo) return q; // subnormal (or zero)
  const biased = e + f.mant + f.bias;
  if (biased >= (1 << f.expBits) - 1) return null;
  return (BigInt(biased) << BigInt(f.mant)) | (q - lo);
}

function parseBits(text: string, f: Fmt): bigint | null {
  let neg = false;
  let t = text;
  if (t[0] === '+' || t[0] === '-') {
    neg = t[0] === '-';
    t = t.slice(1);
  }
  t = t.replace(/_/g, '');
  const signBit = neg ? 1n << BigInt(f.mant + f.expBits) : 0n;
  const expAll = ((1n << BigInt(f.expBits)) - 1n) << BigInt(f.mant);
  if (t === 'inf') return signBit | expAll;
  if (t === 'nan') return signBit | expAll | (1n << BigInt(f.mant - 1));
  if (t.startsWith('nan:')) {
    const payload = BigInt(t.slice(4));
    if (payload === 0n || payload >= 1n << BigInt(f.mant)) return null;
    return signBit | expAll | payload;
  }
  let num: bigint;
  let den = 1n;
  if (t.startsWith('0x')) {
    const m = /^0x([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?[0-9]+))?$/.exec(t)!;
    const frac = m[2] ?? '';
    num = BigInt('0x' + (m[1] + frac || '0'));
    let exp = (m[3] ? Number(m[3]) : 0) - 4 * frac.length;
    if (num === 0n) return signBit;
    // clamp absurd exponents: far beyond any format's range
    const mag = bitLen(num) + exp;
    if (mag > 2000) return null;
    if (mag < -2000) return signBit;
    if (exp >= 0) num <<= BigInt(exp); else den = 1n << BigInt(-exp);
    exp = 0;
  } else {
    const m = /^([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/.exec(t)!;
    const frac = m[2] ?? '';
    num = BigInt(m[1] + frac || '0');
    const exp = (m[3] ? Number(m[3]) : 0) - frac.length;
    if (num === 0n) return signBit;
    const mag = num.toString().length + exp; // decimal magnitude
    if (mag > 400) return null;
    if (mag < -400) return signBit;
    if (exp >= 0) num *= 10n ** BigInt(exp); else den = 10n ** BigInt(-exp);
  }
  const bits = roundRational(num, den, f);
  if (bits === null) return null;
  return signBit | bits;
}

/** f32 literal -> bits as an unsigned 32-bit number, or null when out of range. */
export function parseF32(text: string): number | null {
  const b = parseBits(text, F32);
  return b === null ? null : Number(b);
}

/** f64 literal -> bits as an unsigned 64-bit bigint, or null when out of range. */
export function parseF64(text: string): bigint | null {
  return parseBits(text, F64);
}
