// Scratch space for v128 lane work: four 4-word vectors A, B, C (operands) and R (result) in
// one 64-byte buffer, seen as every lane type. Operations copy operands in, compute lanes,
// then copy R out, so a destination may alias any operand. Lane i of vector V in a view with
// n lanes per vector is at index V * n + i (A = 0, B = 1, C = 2, R = 3).

const BUF = new ArrayBuffer(64);
export const S32 = new Int32Array(BUF);
export const U32 = new Uint32Array(BUF);
export const S16 = new Int16Array(BUF);
export const U16 = new Uint16Array(BUF);
export const S8 = new Int8Array(BUF);
export const U8 = new Uint8Array(BUF);
export const F32 = new Float32Array(BUF);
export const F64 = new Float64Array(BUF);

export const A = 0, B = 1, C = 2, R = 3;

/** Copies the v128 at word a into scratch vector v. */
export function ld(w: Int32Array, a: number, v: number): void {
  const o = v * 4;
  S32[o] = w[a]; S32[o + 1] = w[a + 1]; S32[o + 2] = w[a + 2]; S32[o + 3] = w[a + 3];
}

/** Copies scratch R to the v128 at word d. */
export function st(w: Int32Array, d: number): void {
  w[d] = S32[12]; w[d + 1] = S32[13]; w[d + 2] = S32[14]; w[d + 3] = S32[15];
}

/**
 * A v128 operation over the word array: operands at word indices a, b (second operand, or
 * the scalar shift count / replacement value) and c (third operand, or the lane index for
 * lane operations); result at d (a v128, or one word for i32/f32 results, two for i64/f64).
 */
export type V128Op = (w: Int32Array, d: number, a: number, b: number, c: number) => void;

export type IntView = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array;

/** Signed and unsigned lane views for an integer lane width in bits (8, 16, 32). */
export function viewsFor(bits: number): { s: IntView; u: IntView; n: number } {
  if (bits === 8) return { s: S8, u: U8, n: 16 };
  if (bits === 16) return { s: S16, u: U16, n: 8 };
  return { s: S32, u: U32, n: 4 };
}
