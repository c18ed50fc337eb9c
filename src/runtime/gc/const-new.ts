// GC allocation from boundary Values, for constant expressions (global and element
// initializers): struct.new*, array.new*, with the same storage rules as the interpreter.

import type { Ref, Value } from '../objects.js';
import { arrayLayout, SK_REF, structLayout } from './layout.js';
import { newArrayDefault, newStructDefault } from './alloc.js';
import type { ArrayObj, StructObj } from './objects.js';
import { storeWords } from './storage.js';

const SCRATCH = new Int32Array(4);

/** The value's words, as the interpreter keeps them in a slot. */
function wordsOf(v: Value): Int32Array {
  SCRATCH.fill(0);
  switch (v.type) {
    case 'i32': SCRATCH[0] = v.value; break;
    case 'f32': SCRATCH[0] = v.bits | 0; break;
    case 'i64': SCRATCH[0] = Number(BigInt.asIntN(32, v.value)); SCRATCH[1] = Number(BigInt.asIntN(32, v.value >> 32n)); break;
    case 'f64': SCRATCH[0] = Number(BigInt.asIntN(32, v.bits)); SCRATCH[1] = Number(BigInt.asIntN(32, v.bits >> 32n)); break;
    case 'v128': SCRATCH.set(v.words.subarray(0, 4)); break;
    default: break;
  }
  return SCRATCH;
}

function refOf(v: Value): Ref {
  return v.type === 'ref' ? v.value : null;
}

/** struct.new with field values in order (null for struct.new_default). */
export function structFromValues(typeId: number, fields: readonly Value[] | null, desc: Ref = null): StructObj {
  const o = newStructDefault(typeId, desc);
  if (fields === null) return o;
  const l = structLayout(typeId);
  fields.forEach((v, k) => {
    const kind = l.kinds[k];
    if (kind === SK_REF) o.setRef(l.pos[k], refOf(v));
    else storeWords(kind, o.words, l.pos[k], wordsOf(v), 0);
  });
  return o;
}

/** An array whose elements are the given values. */
export function arrayFromValues(typeId: number, elems: readonly Value[]): ArrayObj {
  const a = newArrayDefault(typeId, elems.length);
  fillFromValue(a, elems, 0);
  return a;
}

/** array.new: `length` copies of v (null v: array.new_default). */
export function arrayOfLength(typeId: number, length: number, v: Value | null): ArrayObj {
  const a = newArrayDefault(typeId, length);
  if (v === null) return a;
  const l = arrayLayout(typeId);
  if (l.kind === SK_REF) { a.refs!.fill(refOf(v)); return a; }
  const w = wordsOf(v);
  for (let k = 0; k < length; k++) storeWords(l.kind, a.words!, k * l.stride, w, 0);
  return a;
}

function fillFromValue(a: ArrayObj, elems: readonly Value[], at: number): void {
  const l = arrayLayout(a.typeId);
  for (let k = 0; k < elems.length; k++) {
    if (l.kind === SK_REF) a.refs![at + k] = refOf(elems[k]);
    else storeWords(l.kind, a.words!, (at + k) * l.stride, wordsOf(elems[k]), 0);
  }
}
