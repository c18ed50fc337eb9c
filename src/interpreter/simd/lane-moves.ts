// Lane moves: splat, extract_lane, replace_lane, shuffle, swizzle. Lane ops take the lane
// index as their last argument (c in V128Op); scalars sit in word slots (i64/f64 as lo, hi).
// All of these move bits only.

import { A, B, R, S16, S32, S8, U8, ld, st } from './scratch.js';

export function i8x16_splat(w: Int32Array, d: number, a: number): void {
  const v = Math.imul(w[a] & 0xff, 0x01010101);
  w[d] = v; w[d + 1] = v; w[d + 2] = v; w[d + 3] = v;
}
export function i16x8_splat(w: Int32Array, d: number, a: number): void {
  const v = Math.imul(w[a] & 0xffff, 0x00010001);
  w[d] = v; w[d + 1] = v; w[d + 2] = v; w[d + 3] = v;
}
export function i32x4_splat(w: Int32Array, d: number, a: number): void {
  const v = w[a];
  w[d] = v; w[d + 1] = v; w[d + 2] = v; w[d + 3] = v;
}
export function i64x2_splat(w: Int32Array, d: number, a: number): void {
  const lo = w[a], hi = w[a + 1];
  w[d] = lo; w[d + 1] = hi; w[d + 2] = lo; w[d + 3] = hi;
}
export const f32x4_splat = i32x4_splat;
export const f64x2_splat = i64x2_splat;

export function i8x16_extract_lane_s(w: Int32Array, d: number, a: number, _b: number, lane: number): void {
  w[d] = (w[a + (lane >> 2)] << (24 - 8 * (lane & 3))) >> 24;
}
export function i8x16_extract_lane_u(w: Int32Array, d: number, a: number, _b: number, lane: number): void {
  w[d] = (w[a + (lane >> 2)] >>> (8 * (lane & 3))) & 0xff;
}
export function i16x8_extract_lane_s(w: Int32Array, d: number, a: number, _b: number, lane: number): void {
  w[d] = (w[a + (lane >> 1)] << (16 - 16 * (lane & 1))) >> 16;
}
export function i16x8_extract_lane_u(w: Int32Array, d: number, a: number, _b: number, lane: number): void {
  w[d] = (w[a + (lane >> 1)] >>> (16 * (lane & 1))) & 0xffff;
}
export function i32x4_extract_lane(w: Int32Array, d: number, a: number, _b: number, lane: number): void {
  w[d] = w[a + lane];
}
export function i64x2_extract_lane(w: Int32Array, d: number, a: number, _b: number, lane: number): void {
  const lo = w[a + 2 * lane], hi = w[a + 2 * lane + 1];
  w[d] = lo; w[d + 1] = hi;
}
export const f32x4_extract_lane = i32x4_extract_lane;
export const f64x2_extract_lane = i64x2_extract_lane;

/** replace_lane: the vector at a with lane `lane` replaced by the scalar at word b. */
export function i8x16_replace_lane(w: Int32Array, d: number, a: number, b: number, lane: number): void {
  const v = w[b];
  ld(w, a, R);
  S8[48 + lane] = v;
  st(w, d);
}
export function i16x8_replace_lane(w: Int32Array, d: number, a: number, b: number, lane: number): void {
  const v = w[b];
  ld(w, a, R);
  S16[24 + lane] = v;
  st(w, d);
}
export function i32x4_replace_lane(w: Int32Array, d: number, a: number, b: number, lane: number): void {
  const v = w[b];
  ld(w, a, R);
  S32[12 + lane] = v;
  st(w, d);
}
export function i64x2_replace_lane(w: Int32Array, d: number, a: number, b: number, lane: number): void {
  const lo = w[b], hi = w[b + 1];
  ld(w, a, R);
  S32[12 + 2 * lane] = lo; S32[13 + 2 * lane] = hi;
  st(w, d);
}
export const f32x4_replace_lane = i32x4_replace_lane;
export const f64x2_replace_lane = i64x2_replace_lane;

/** i8x16.shuffle: result byte i is byte lanes[i] of a ++ b (lane indices 0..31, validated). */
export function i8x16_shuffle(w: Int32Array, d: number, a: number, b: number, lanes: ArrayLike<number>): void {
  ld(w, a, A); ld(w, b, B);
  for (let i = 0; i < 16; i++) U8[48 + i] = U8[lanes[i]];
  st(w, d);
}

/** i8x16.swizzle: byte i is a[b[i]], or 0 when the index is out of range. */
export function i8x16_swizzle(w: Int32Array, d: number, a: number, b: number): void {
  ld(w, a, A); ld(w, b, B);
  for (let i = 0; i < 16; i++) { const k = U8[16 + i]; U8[48 + i] = k < 16 ? U8[k] : 0; }
  st(w, d);
}
