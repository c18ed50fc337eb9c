// Decoding of value, heap, reference and storage types: shared by the section decoder and the
// instruction reader (block types, typed select, ref.null, casts).
//
// Error messages follow the reference interpreter, including its fallbacks: a byte that starts
// no value type reports "malformed reference type" (the last alternative it tries), a storage
// type that is neither a value type nor a packed type "malformed storage type", and a type
// code byte with the LEB continuation bit "integer representation too long" (type codes are
// one-byte signed LEBs).

import type { ByteReader } from './byte-reader.js';
import { DecodeError } from '../errors.js';
import type { AbsHeapType, HeapType, RefType, StorageType, ValType } from '../syntax/types.js';
import { refType } from '../syntax/types.js';

/** Abstract heap type by its single-byte code. */
export const ABS_HEAP_BY_CODE: ReadonlyMap<number, AbsHeapType> = new Map<number, AbsHeapType>([
  [0x73, 'nofunc'], [0x72, 'noextern'], [0x71, 'none'], [0x70, 'func'], [0x6f, 'extern'],
  [0x6e, 'any'], [0x6d, 'eq'], [0x6c, 'i31'], [0x6b, 'struct'], [0x6a, 'array'],
  [0x69, 'exn'], [0x74, 'noexn'],
]);

const NUM_BY_CODE: ReadonlyMap<number, ValType> = new Map<number, ValType>([
  [0x7f, 'i32'], [0x7e, 'i64'], [0x7d, 'f32'], [0x7c, 'f64'], [0x7b, 'v128'],
]);

/** custom-descriptors: the `exact` heap-type prefix (`0x62 typeidx`). */
export const EXACT_CODE = 0x62;

/** A one-byte type code (an s7 LEB): the continuation bit makes it too long. */
function typeCode(r: ByteReader): number {
  const b = r.u8();
  if (b & 0x80) throw r.error('integer representation too long', r.pos);
  return b;
}

/** A type index written as a signed LEB (s33, or s32 after `exact`); must be >= 0. */
function typeIndexS(r: ByteReader, bits: 32 | 33): number {
  const at = r.pos;
  const v = bits === 33 ? r.s33() : r.s32();
  if (v < 0 || v > 0x7fffffff) throw r.error('malformed type index', at);
  return v;
}

/**
 * Heap type without the exact prefix: an abstract code or a type index (s33 >= 0).
 * `allowExact` callers handle 0x62 themselves (see readHeapTypeExact).
 */
export function readHeapType(r: ByteReader): HeapType {
  const at = r.pos;
  try {
    const v = r.s33();
    if (v >= 0 && v <= 0x7fffffff) return v;
  } catch (e) {
    if (!(e instanceof DecodeError)) throw e;
  }
  r.pos = at;
  const b = typeCode(r);
  const abs = ABS_HEAP_BY_CODE.get(b);
  if (abs !== undefined) return abs;
  throw r.error('malformed heap type', at);
}

/**
 * Heap type that may be `exact` (0x62 typeidx). Returns the heap type; `exactOut[0]` is set
 * to whether it was exact (a caller-owned one-slot array: no allocation per call).
 */
export function readHeapTypeExact(r: ByteReader, exactOut: boolean[]): HeapType {
  if (r.peek() === EXACT_CODE) {
    r.pos++;
    exactOut[0] = true;
    return typeIndexS(r, 32);
  }
  exactOut[0] = false;
  return readHeapType(r);
}

const exactSlot: boolean[] = [false];

/** Reference type: an abstract shorthand byte, or 0x63/0x64 (nullable / non-null) + heap type. */
export function readRefType(r: ByteReader): RefType {
  const at = r.pos;
  const b = typeCode(r);
  const t = refFromByte(r, b);
  if (t) return t;
  throw r.error('malformed reference type', at);
}

/** A value type: number, vector or reference type. */
export function readValType(r: ByteReader): ValType {
  const at = r.pos;
  const b = typeCode(r);
  const num = NUM_BY_CODE.get(b);
  if (num !== undefined) return num;
  const t = refFromByte(r, b);
  if (t) return t;
  throw r.error('malformed reference type', at);
}

/** A field's storage type: a value type or a packed type (i8 0x78, i16 0x77). */
export function readStorageType(r: ByteReader): StorageType {
  const at = r.pos;
  try {
    return readValType(r);
  } catch (e) {
    if (!(e instanceof DecodeError)) throw e;
  }
  // Like the reference interpreter, any failure inside a value type falls back to the packed
  // alternative, whose error is what gets reported.
  r.pos = at;
  const b = typeCode(r);
  if (b === 0x78) return 'i8';
  if (b === 0x77) return 'i16';
  throw r.error('malformed storage type', at);
}

function refFromByte(r: ByteReader, b: number): RefType | null {
  if (b === 0x64 || b === 0x63) {
    const heap = readHeapTypeExact(r, exactSlot);
    return refType(b === 0x63, heap, exactSlot[0]);
  }
  const abs = ABS_HEAP_BY_CODE.get(b);
  if (abs !== undefined) return refType(true, abs);
  return null;
}
