// Decoding of value, heap and reference types: shared by the section decoder and the
// instruction reader (block types, typed select, ref.null, casts).

import type { ByteReader } from './byte-reader.js';
import type { AbsHeapType, HeapType, RefType, ValType } from '../syntax/types.js';
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

/** Heap type: an abstract code (one byte, negative as s33) or a type index (s33 >= 0). */
export function readHeapType(r: ByteReader): HeapType {
  const at = r.pos;
  const b = r.peek();
  const abs = ABS_HEAP_BY_CODE.get(b);
  if (abs !== undefined) {
    r.pos++;
    return abs;
  }
  const v = r.s33();
  if (v < 0) throw r.error('malformed heap type', at);
  return v;
}

/** Reads the byte after an `exact` prefix (0x62): `0x64 ht`, `0x63 ht`, or an abstract code. */
function readExact(r: ByteReader): RefType {
  const at = r.pos;
  const b = r.u8();
  if (b === 0x64) return refType(false, readHeapType(r), true);
  if (b === 0x63) return refType(true, readHeapType(r), true);
  const abs = ABS_HEAP_BY_CODE.get(b);
  if (abs !== undefined) return refType(true, abs, true);
  throw r.error('malformed reference type', at);
}

/** A value type; `what` names the error (value type vs reference type contexts). */
export function readValType(r: ByteReader): ValType {
  const at = r.pos;
  const b = r.u8();
  const num = NUM_BY_CODE.get(b);
  if (num !== undefined) return num;
  const t = refFromByte(r, b);
  if (t) return t;
  throw r.error('malformed value type', at);
}

export function readRefType(r: ByteReader): RefType {
  const at = r.pos;
  const b = r.u8();
  const t = refFromByte(r, b);
  if (t) return t;
  throw r.error('malformed reference type', at);
}

function refFromByte(r: ByteReader, b: number): RefType | null {
  if (b === 0x64) return refType(false, readHeapType(r));
  if (b === 0x63) return refType(true, readHeapType(r));
  if (b === 0x62) return readExact(r);
  const abs = ABS_HEAP_BY_CODE.get(b);
  if (abs !== undefined) return refType(true, abs);
  return null;
}
