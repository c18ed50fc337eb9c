// Scratch views for reinterpreting words as floats without going through a JS number that
// could quietly change a NaN payload. One 16-byte buffer, seen through every lane type, is
// shared by the scalar and SIMD helpers (they never call each other while it is live).

const BUF = new ArrayBuffer(16);
export const SI32 = new Int32Array(BUF);
export const SU32 = new Uint32Array(BUF);
export const SF32 = new Float32Array(BUF);
export const SF64 = new Float64Array(BUF);

/** The f32 value of the bits in one word (NaN payloads may change: only for arithmetic). */
export function f32Of(bits: number): number {
  SI32[0] = bits;
  return SF32[0];
}

/** The bits of a JS number rounded to f32. */
export function bitsOfF32(x: number): number {
  SF32[0] = x;
  return SI32[0];
}

/** The f64 value of a (lo, hi) word pair. */
export function f64Of(lo: number, hi: number): number {
  SI32[0] = lo;
  SI32[1] = hi;
  return SF64[0];
}

/** Stores a JS number as f64 bits into w[d], w[d+1]. */
export function storeF64(w: Int32Array, d: number, x: number): void {
  SF64[0] = x;
  w[d] = SI32[0];
  w[d + 1] = SI32[1];
}

export function isNaN32(bits: number): boolean {
  return (bits & 0x7fffffff) > 0x7f800000;
}

export function isNaN64(lo: number, hi: number): boolean {
  const h = hi & 0x7fffffff;
  return h > 0x7ff00000 || (h === 0x7ff00000 && lo !== 0);
}

/** The canonical NaNs (positive sign). */
export const CANON_NAN32 = 0x7fc00000;
export const CANON_NAN64_HI = 0x7ff80000;
