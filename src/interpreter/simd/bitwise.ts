// Bitwise v128 operations: pure word operations, so every bit (NaN payloads included) moves
// unchanged.

export function v128_not(w: Int32Array, d: number, a: number): void {
  w[d] = ~w[a]; w[d + 1] = ~w[a + 1]; w[d + 2] = ~w[a + 2]; w[d + 3] = ~w[a + 3];
}
export function v128_and(w: Int32Array, d: number, a: number, b: number): void {
  for (let i = 0; i < 4; i++) w[d + i] = w[a + i] & w[b + i];
}
export function v128_andnot(w: Int32Array, d: number, a: number, b: number): void {
  for (let i = 0; i < 4; i++) w[d + i] = w[a + i] & ~w[b + i];
}
export function v128_or(w: Int32Array, d: number, a: number, b: number): void {
  for (let i = 0; i < 4; i++) w[d + i] = w[a + i] | w[b + i];
}
export function v128_xor(w: Int32Array, d: number, a: number, b: number): void {
  for (let i = 0; i < 4; i++) w[d + i] = w[a + i] ^ w[b + i];
}
/** Bits of a where the mask c is 1, of b where it is 0. */
export function v128_bitselect(w: Int32Array, d: number, a: number, b: number, c: number): void {
  for (let i = 0; i < 4; i++) { const m = w[c + i]; w[d + i] = (w[a + i] & m) | (w[b + i] & ~m); }
}
export function v128_any_true(w: Int32Array, d: number, a: number): void {
  w[d] = (w[a] | w[a + 1] | w[a + 2] | w[a + 3]) !== 0 ? 1 : 0;
}
