// Allocation entry points shared by the interpreter and constant expressions: default
// values, length limits, and array.new_data/new_elem's segment reads with their traps.

import { Trap } from '../../errors.js';
import type { Ref } from '../objects.js';
import { arrayLayout, KIND_BYTES, SK_REF, structLayout } from './layout.js';
import { ArrayObj, MAX_ARRAY_LENGTH, MAX_ARRAY_WORDS, StructObj } from './objects.js';
import { wordsFromBytes } from './storage.js';

export const OOB_ARRAY = 'out of bounds array access';

export function newStructDefault(typeId: number, desc: Ref = null): StructObj {
  return new StructObj(structLayout(typeId), desc);
}

/** An array of `length` default elements; traps when it is beyond the engine's limits. */
export function newArrayDefault(typeId: number, length: number): ArrayObj {
  const l = arrayLayout(typeId);
  if (length > MAX_ARRAY_LENGTH || length * l.stride > MAX_ARRAY_WORDS) {
    throw new Trap('out of memory: array too large');
  }
  return new ArrayObj(l, length);
}

export function newArrayData(typeId: number, data: Uint8Array, offset: number, length: number): ArrayObj {
  const l = arrayLayout(typeId);
  const size = KIND_BYTES[l.kind];
  if (offset + length * size > data.length) throw new Trap('out of bounds memory access');
  const a = newArrayDefault(typeId, length);
  wordsFromBytes(l.kind, data, offset, length, a.words!, 0, l.stride);
  return a;
}

export function newArrayElem(typeId: number, seg: readonly Ref[], offset: number, length: number): ArrayObj {
  const l = arrayLayout(typeId);
  if (offset + length > seg.length) throw new Trap('out of bounds table access');
  if (l.kind !== SK_REF) throw new TypeError('array.new_elem on a numeric array');
  const a = newArrayDefault(typeId, length);
  const refs = a.refs!;
  for (let k = 0; k < length; k++) refs[k] = seg[offset + k];
  return a;
}
