// Wide arithmetic (128-bit add/sub, 64x64->128 multiply) on words. A 128-bit value is two
// i64 operands in consecutive slots: low i64 at words x, x+1 and high i64 at x+2, x+3, i.e.
// four consecutive words, least significant first. Results go to d..d+3 the same way.
// So with the operands on a stack: add128/sub128 take a = first operand, b = a + 4;
// mul_wide_s/u take a = first operand, b = a + 2; both results start at d.

/** 128-bit add of the 4-word values at a and b into d (words least significant first). */
export function i64_add128(w: Int32Array, d: number, a: number, b: number): void {
  let carry = 0;
  const r0 = (w[a] >>> 0) + (w[b] >>> 0) + carry; carry = r0 >= 4294967296 ? 1 : 0;
  const r1 = (w[a + 1] >>> 0) + (w[b + 1] >>> 0) + carry; carry = r1 >= 4294967296 ? 1 : 0;
  const r2 = (w[a + 2] >>> 0) + (w[b + 2] >>> 0) + carry; carry = r2 >= 4294967296 ? 1 : 0;
  const r3 = (w[a + 3] >>> 0) + (w[b + 3] >>> 0) + carry;
  w[d] = r0 | 0; w[d + 1] = r1 | 0; w[d + 2] = r2 | 0; w[d + 3] = r3 | 0;
}

/** 128-bit subtract b from a. */
export function i64_sub128(w: Int32Array, d: number, a: number, b: number): void {
  let borrow = 0;
  const r0 = (w[a] >>> 0) - (w[b] >>> 0) - borrow; borrow = r0 < 0 ? 1 : 0;
  const r1 = (w[a + 1] >>> 0) - (w[b + 1] >>> 0) - borrow; borrow = r1 < 0 ? 1 : 0;
  const r2 = (w[a + 2] >>> 0) - (w[b + 2] >>> 0) - borrow; borrow = r2 < 0 ? 1 : 0;
  const r3 = (w[a + 3] >>> 0) - (w[b + 3] >>> 0) - borrow;
  w[d] = r0 | 0; w[d + 1] = r1 | 0; w[d + 2] = r2 | 0; w[d + 3] = r3 | 0;
}

const X = new Float64Array(4);
const Y = new Float64Array(4);
const R = new Float64Array(8);

/** Unsigned 64x64 -> 128 product by 16-bit limbs (every partial sum stays below 2^53). */
function mulWideU(w: Int32Array, d: number, al: number, ah: number, bl: number, bh: number): void {
  X[0] = al & 0xffff; X[1] = al >>> 16; X[2] = ah & 0xffff; X[3] = ah >>> 16;
  Y[0] = bl & 0xffff; Y[1] = bl >>> 16; Y[2] = bh & 0xffff; Y[3] = bh >>> 16;
  R.fill(0);
  for (let i = 0; i < 4; i++) {
    const xi = X[i];
    if (xi === 0) continue;
    for (let j = 0; j < 4; j++) R[i + j] += xi * Y[j];
  }
  let carry = 0;
  for (let k = 0; k < 8; k++) {
    const v = R[k] + carry;
    carry = Math.floor(v / 65536);
    R[k] = v - carry * 65536;
  }
  w[d] = R[0] | (R[1] << 16);
  w[d + 1] = R[2] | (R[3] << 16);
  w[d + 2] = R[4] | (R[5] << 16);
  w[d + 3] = R[6] | (R[7] << 16);
}

export function i64_mul_wide_u(w: Int32Array, d: number, a: number, b: number): void {
  mulWideU(w, d, w[a], w[a + 1], w[b], w[b + 1]);
}

/** Signed product: the unsigned product minus (b if a < 0) and (a if b < 0) in the high half. */
export function i64_mul_wide_s(w: Int32Array, d: number, a: number, b: number): void {
  const al = w[a], ah = w[a + 1], bl = w[b], bh = w[b + 1];
  mulWideU(w, d, al, ah, bl, bh);
  let lo = w[d + 2], hi = w[d + 3];
  if (ah < 0) { const nl = (lo - bl) | 0; hi = (hi - bh - ((lo >>> 0) < (bl >>> 0) ? 1 : 0)) | 0; lo = nl; }
  if (bh < 0) { const nl = (lo - al) | 0; hi = (hi - ah - ((lo >>> 0) < (al >>> 0) ? 1 : 0)) | 0; lo = nl; }
  w[d + 2] = lo; w[d + 3] = hi;
}
