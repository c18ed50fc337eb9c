// v128 memory forms on an already bounds-checked byte range: the caller resolves the
// effective address (and traps if addr + access size exceeds the memory) and passes the
// memory's bytes. Little-endian through a DataView, so no alignment is assumed.
// Signature: (w, d, a, mem, addr, lane): loads write the v128 at word d; load_lane reads the
// vector at a; stores read the vector at a (d unused).

import { A, R, S16, S32, S8, U16, U8, ld, st } from './scratch.js';

export type V128MemOp = (w: Int32Array, d: number, a: number, mem: Uint8Array, addr: number, lane: number) => void;

// A DataView over the memory's bytes, cached per byte array (a grown memory gets a new one).
let lastMem: Uint8Array | null = null;
let lastView: DataView = new DataView(new ArrayBuffer(0));
function viewOf(m: Uint8Array): DataView {
  if (m !== lastMem) { lastMem = m; lastView = new DataView(m.buffer, m.byteOffset, m.byteLength); }
  return lastView;
}
function rd32(m: Uint8Array, p: number): number {
  return viewOf(m).getInt32(p, true);
}

/** v128.load for a run loop holding a DataView: 16 bytes at ea (bounds already checked) to word d. */
export function v128LoadWords(dv: DataView, ea: number, w: Int32Array, d: number): void {
  const x0 = dv.getInt32(ea, true), x1 = dv.getInt32(ea + 4, true), x2 = dv.getInt32(ea + 8, true), x3 = dv.getInt32(ea + 12, true);
  w[d] = x0; w[d + 1] = x1; w[d + 2] = x2; w[d + 3] = x3;
}
/** v128.store for a run loop holding a DataView: the v128 at word a to 16 bytes at ea. */
export function v128StoreWords(dv: DataView, ea: number, w: Int32Array, a: number): void {
  dv.setInt32(ea, w[a], true); dv.setInt32(ea + 4, w[a + 1], true);
  dv.setInt32(ea + 8, w[a + 2], true); dv.setInt32(ea + 12, w[a + 3], true);
}

/** Access sizes in bytes, by mnemonic, for the caller's bounds check. */
export function v128AccessSize(name: string): number {
  if (name === 'v128.load' || name === 'v128.store') return 16;
  const m = /(8|16|32|64)(x\d|_splat|_lane|_zero)/.exec(name);
  if (!m) return 16;
  return m[2].startsWith('x') ? 8 : Number(m[1]) / 8;
}

export function v128_load(w: Int32Array, d: number, _a: number, m: Uint8Array, p: number): void {
  v128LoadWords(viewOf(m), p, w, d);
}

export function v128_store(w: Int32Array, _d: number, a: number, m: Uint8Array, p: number): void {
  v128StoreWords(viewOf(m), p, w, a);
}

/** loadNxM_s/u: 8 bytes, M lanes of N bits, each extended to 2N bits. */
function loadExtend(bits: number, signed: boolean): V128MemOp {
  return (w, d, _a, m, p) => {
    S32[0] = rd32(m, p); S32[1] = rd32(m, p + 4);
    if (bits === 8) for (let i = 0; i < 8; i++) S16[24 + i] = signed ? S8[i] : U8[i];
    else if (bits === 16) for (let i = 0; i < 4; i++) S32[12 + i] = signed ? S16[i] : U16[i];
    else {
      const x = S32[0], y = S32[1];
      S32[12] = x; S32[13] = signed ? x >> 31 : 0; S32[14] = y; S32[15] = signed ? y >> 31 : 0;
    }
    st(w, d);
  };
}
export const v128_load8x8_s = loadExtend(8, true);
export const v128_load8x8_u = loadExtend(8, false);
export const v128_load16x4_s = loadExtend(16, true);
export const v128_load16x4_u = loadExtend(16, false);
export const v128_load32x2_s = loadExtend(32, true);
export const v128_load32x2_u = loadExtend(32, false);

export function v128_load8_splat(w: Int32Array, d: number, _a: number, m: Uint8Array, p: number): void {
  const v = Math.imul(m[p], 0x01010101);
  w[d] = v; w[d + 1] = v; w[d + 2] = v; w[d + 3] = v;
}
export function v128_load16_splat(w: Int32Array, d: number, _a: number, m: Uint8Array, p: number): void {
  const v = Math.imul(m[p] | (m[p + 1] << 8), 0x00010001);
  w[d] = v; w[d + 1] = v; w[d + 2] = v; w[d + 3] = v;
}
export function v128_load32_splat(w: Int32Array, d: number, _a: number, m: Uint8Array, p: number): void {
  const v = rd32(m, p);
  w[d] = v; w[d + 1] = v; w[d + 2] = v; w[d + 3] = v;
}
export function v128_load64_splat(w: Int32Array, d: number, _a: number, m: Uint8Array, p: number): void {
  const lo = rd32(m, p), hi = rd32(m, p + 4);
  w[d] = lo; w[d + 1] = hi; w[d + 2] = lo; w[d + 3] = hi;
}

export function v128_load32_zero(w: Int32Array, d: number, _a: number, m: Uint8Array, p: number): void {
  w[d] = rd32(m, p); w[d + 1] = 0; w[d + 2] = 0; w[d + 3] = 0;
}
export function v128_load64_zero(w: Int32Array, d: number, _a: number, m: Uint8Array, p: number): void {
  w[d] = rd32(m, p); w[d + 1] = rd32(m, p + 4); w[d + 2] = 0; w[d + 3] = 0;
}

/** loadN_lane: the vector at a with lane `lane` replaced from memory. */
function loadLane(bytes: number): V128MemOp {
  return (w, d, a, m, p, lane) => {
    ld(w, a, R);
    const at = 48 + lane * bytes;
    for (let i = 0; i < bytes; i++) U8[at + i] = m[p + i];
    st(w, d);
  };
}
export const v128_load8_lane = loadLane(1);
export const v128_load16_lane = loadLane(2);
export const v128_load32_lane = loadLane(4);
export const v128_load64_lane = loadLane(8);

/** storeN_lane: lane `lane` of the vector at a to memory. */
function storeLane(bytes: number): V128MemOp {
  return (w, _d, a, m, p, lane) => {
    ld(w, a, A);
    const at = lane * bytes;
    for (let i = 0; i < bytes; i++) m[p + i] = U8[at + i];
  };
}
export const v128_store8_lane = storeLane(1);
export const v128_store16_lane = storeLane(2);
export const v128_store32_lane = storeLane(4);
export const v128_store64_lane = storeLane(8);
