// Moving one field/element value between the interpreter's slot words and an object's
// storage words, with the packing rules of i8/i16 (stored wrapped, read sign- or
// zero-extended) and exact bits for floats and v128.

import { SK_I16, SK_I8, KIND_BYTES } from './layout.js';

/** Stores the value of `kind` found at words src[s..] into dst[d..]. */
export function storeWords(kind: number, dst: Int32Array, d: number, src: Int32Array, s: number): void {
  switch (kind) {
    case SK_I8: dst[d] = src[s] & 0xff; return;
    case SK_I16: dst[d] = src[s] & 0xffff; return;
    case 2: case 4: dst[d] = src[s]; return;
    case 3: case 5: dst[d] = src[s]; dst[d + 1] = src[s + 1]; return;
    default: dst[d] = src[s]; dst[d + 1] = src[s + 1]; dst[d + 2] = src[s + 2]; dst[d + 3] = src[s + 3];
  }
}

/**
 * Loads the value at src[s..] into dst[d..] as its unpacked value type (i32 values clear the
 * slot's upper word); packed kinds extend per `signed`.
 */
export function loadWords(kind: number, signed: boolean, dst: Int32Array, d: number, src: Int32Array, s: number): void {
  switch (kind) {
    case SK_I8: dst[d] = signed ? (src[s] << 24) >> 24 : src[s] & 0xff; dst[d + 1] = 0; return;
    case SK_I16: dst[d] = signed ? (src[s] << 16) >> 16 : src[s] & 0xffff; dst[d + 1] = 0; return;
    case 2: case 4: dst[d] = src[s]; dst[d + 1] = 0; return;
    case 3: case 5: dst[d] = src[s]; dst[d + 1] = src[s + 1]; return;
    default: dst[d] = src[s]; dst[d + 1] = src[s + 1]; dst[d + 2] = src[s + 2]; dst[d + 3] = src[s + 3];
  }
}

/** Reads `count` little-endian values of `kind` from bytes[at..] into words (stride apart). */
export function wordsFromBytes(kind: number, bytes: Uint8Array, at: number, count: number,
  out: Int32Array, outAt: number, stride: number): void {
  const size = KIND_BYTES[kind];
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let k = 0; k < count; k++) {
    const p = at + k * size;
    const w = outAt + k * stride;
    switch (size) {
      case 1: out[w] = dv.getUint8(p); break;
      case 2: out[w] = dv.getUint16(p, true); break;
      default:
        for (let j = 0; j < size >> 2; j++) out[w + j] = dv.getInt32(p + 4 * j, true);
    }
  }
}
