// Storage layouts of GC types, computed once per canonical type id (src/validator/canonical.ts)
// and shared by every module that uses the type. A field or element is stored by its
// storage kind: numbers as int32 words (floats as raw bits so NaN payloads survive, i64/f64
// as two words lo/hi, v128 as four), references in a separate JS array.

import { canonicalType } from '../../validator/canonical.js';
import type { StorageType } from '../../syntax/types.js';

export const SK_I8 = 0, SK_I16 = 1, SK_I32 = 2, SK_I64 = 3, SK_F32 = 4, SK_F64 = 5,
  SK_V128 = 6, SK_REF = 7;

/** Int32 words one value of each storage kind occupies (references: none). */
export const KIND_WORDS: readonly number[] = [1, 1, 1, 2, 1, 2, 4, 0];
/** Bytes one value occupies in a data segment (array.new_data / array.init_data). */
export const KIND_BYTES: readonly number[] = [1, 2, 4, 8, 4, 8, 16, 0];

export function storageKind(t: StorageType): number {
  switch (t) {
    case 'i8': return SK_I8;
    case 'i16': return SK_I16;
    case 'i32': return SK_I32;
    case 'i64': return SK_I64;
    case 'f32': return SK_F32;
    case 'f64': return SK_F64;
    case 'v128': return SK_V128;
    default: return SK_REF;
  }
}

export interface StructLayout {
  readonly typeId: number;
  /** Storage kind of each field. */
  readonly kinds: Uint8Array;
  /** Each field's first word (numeric kinds) or its index in `refs` (references). */
  readonly pos: Int32Array;
  readonly numWords: number;
  readonly numRefs: number;
  /** Canonical id of the descriptor type (custom-descriptors), or -1. */
  readonly descriptor: number;
}

export interface ArrayLayout {
  readonly typeId: number;
  readonly kind: number;
  /** Words per element (0 for references, kept in a Ref array). */
  readonly stride: number;
}

const structs: (StructLayout | undefined)[] = [];
const arrays: (ArrayLayout | undefined)[] = [];

export function structLayout(id: number): StructLayout {
  let l = structs[id];
  if (l) return l;
  const t = canonicalType(id).type;
  if (t.comp.kind !== 'struct') throw new TypeError(`type ${id} is not a struct`);
  const n = t.comp.fields.length;
  const kinds = new Uint8Array(n);
  const pos = new Int32Array(n);
  let words = 0, refs = 0;
  t.comp.fields.forEach((f, k) => {
    const kind = storageKind(f.type);
    kinds[k] = kind;
    if (kind === SK_REF) pos[k] = refs++;
    else { pos[k] = words; words += KIND_WORDS[kind]; }
  });
  l = { typeId: id, kinds, pos, numWords: words, numRefs: refs, descriptor: t.descriptor ?? -1 };
  structs[id] = l;
  return l;
}

export function arrayLayout(id: number): ArrayLayout {
  let l = arrays[id];
  if (l) return l;
  const t = canonicalType(id).type;
  if (t.comp.kind !== 'array') throw new TypeError(`type ${id} is not an array`);
  const kind = storageKind(t.comp.elem.type);
  l = { typeId: id, kind, stride: KIND_WORDS[kind] };
  arrays[id] = l;
  return l;
}
