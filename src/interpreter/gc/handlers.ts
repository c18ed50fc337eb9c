// Execution of the GC instructions (structs, arrays, i31, casts, extern conversions and the
// custom-descriptors instructions), reached through the interpreter's SLOW instruction.
// Operands sit in consecutive slots from `base` (v128 takes two), results are written from
// `base`. Immediates, as the translator passes them:
//   struct.*            a = type index, b = field index
//   array.new_fixed     a = type index, b = count; array.new_data/elem, init_*: b = segment
//   array.copy          a = destination type index, b = source type index
//   ref.test/ref.cast*  a = encodeHeap(target), b = CAST_* flags
//   br_on_cast*         same; the test outcome (branch taken: 1) goes to I[base << 1], the
//                       int word of the reference's own slot, for a following BR_IF.

import { OP } from '../../syntax/opcodes.js';
import { Trap } from '../../errors.js';
import type { ModuleInstance, Ref } from '../../runtime/objects.js';
import type { Machine } from '../machine.js';
import { registerSlowHandler } from '../slow-ops.js';
import { arrayLayout, KIND_BYTES, SK_REF, SK_V128, structLayout } from '../../runtime/gc/layout.js';
import { ArrayObj, StructObj } from '../../runtime/gc/objects.js';
import { loadWords, storeWords, wordsFromBytes } from '../../runtime/gc/storage.js';
import { newArrayData, newArrayDefault, newArrayElem, newStructDefault, OOB_ARRAY } from '../../runtime/gc/alloc.js';
import { CAST_EXACT, CAST_NULLABLE, decodeHeap, refTest } from '../../runtime/gc/cast.js';
import { anyToExtern, externToAny } from '../../runtime/gc/convert.js';

const NULL_STRUCT = 'null structure reference';
const NULL_ARRAY = 'null array reference';
const NULL_I31 = 'null i31 reference';
const NULL_DESC = 'null descriptor reference';
const NULL_REF = 'null reference';
const CAST_FAILURE = 'cast failure';
const DESC_CAST_FAILURE = 'descriptor cast failure';

const EMPTY_BYTES = new Uint8Array(0);
const EMPTY_REFS: Ref[] = [];

function structAt(m: Machine, s: number): StructObj {
  const r = m.R[s];
  if (r === null) throw new Trap(NULL_STRUCT);
  return r as StructObj;
}

function arrayAt(m: Machine, s: number): ArrayObj {
  const r = m.R[s];
  if (r === null) throw new Trap(NULL_ARRAY);
  return r as ArrayObj;
}

const u32 = (m: Machine, s: number): number => m.I[s << 1] >>> 0;

/** Fills a fresh struct's fields from consecutive slots starting at s. */
function fillStruct(m: Machine, o: StructObj, s: number): void {
  const { kinds, pos } = o.layout;
  for (let k = 0; k < kinds.length; k++) {
    const kind = kinds[k];
    if (kind === SK_REF) { o.refs[pos[k]] = m.R[s]; s++; continue; }
    storeWords(kind, o.words, pos[k], m.I, s << 1);
    s += kind === SK_V128 ? 2 : 1;
  }
}

/** Writes element i of a to slot d (unpacked; packed kinds extend per `signed`). */
function getElem(m: Machine, a: ArrayObj, i: number, d: number, signed: boolean): void {
  if (i >= a.length) throw new Trap(OOB_ARRAY);
  if (a.refs !== null) { m.R[d] = a.refs[i]; return; }
  const l = a.layout;
  loadWords(l.kind, signed, m.I, d << 1, a.words!, i * l.stride);
}

/** Stores the value at slot s into elements [i, i+n) of a (bounds already checked). */
function fillElems(m: Machine, a: ArrayObj, i: number, n: number, s: number): void {
  if (a.refs !== null) { a.refs.fill(m.R[s], i, i + n); return; }
  const { kind, stride } = a.layout;
  const words = a.words!;
  for (let k = 0; k < n; k++) storeWords(kind, words, (i + k) * stride, m.I, s << 1);
}

function castOrTrap(m: Machine, inst: ModuleInstance, base: number, a: number, b: number): void {
  if (!refTest(m.R[base], decodeHeap(a, inst.typeIds), (b & CAST_NULLABLE) !== 0, (b & CAST_EXACT) !== 0)) {
    throw new Trap(CAST_FAILURE);
  }
}

/**
 * The descriptor test shared by ref.cast_desc_eq and br_on_cast_desc_eq*: true when the
 * reference at base (null allowed if nullable) has exactly the descriptor at base + 1.
 */
function descTest(m: Machine, base: number, nullable: boolean): boolean {
  const desc = m.R[base + 1];
  if (desc === null) throw new Trap(NULL_DESC);
  const r = m.R[base];
  if (r === null) return nullable;
  return r instanceof StructObj && r.desc === desc;
}

function gcHandler(m: Machine, inst: ModuleInstance, op: number, base: number, a: number,
  b: number, _c: number): void {
  const I = m.I, R = m.R;
  const w = base << 1;
  switch (op) {
    case OP.struct_new: {
      const o = newStructDefault(inst.typeIds[a]);
      fillStruct(m, o, base);
      R[base] = o;
      return;
    }
    case OP.struct_new_default:
      R[base] = newStructDefault(inst.typeIds[a]);
      return;
    case OP.struct_new_desc: case OP.struct_new_default_desc: {
      const id = inst.typeIds[a];
      const layout = structLayout(id);
      const descSlot = op === OP.struct_new_default_desc ? base : base + fieldSlots(layout.kinds);
      const desc = R[descSlot];
      if (desc === null) throw new Trap(NULL_DESC);
      const o = newStructDefault(id, desc);
      if (op === OP.struct_new_desc) fillStruct(m, o, base);
      R[base] = o;
      return;
    }
    case OP.struct_get: case OP.struct_get_s: case OP.struct_get_u: {
      const o = structAt(m, base);
      const l = o.layout;
      const kind = l.kinds[b];
      if (kind === SK_REF) R[base] = o.refs[l.pos[b]];
      else loadWords(kind, op === OP.struct_get_s, I, w, o.words, l.pos[b]);
      return;
    }
    case OP.struct_set: {
      const o = structAt(m, base);
      const l = o.layout;
      const kind = l.kinds[b];
      if (kind === SK_REF) o.refs[l.pos[b]] = R[base + 1];
      else storeWords(kind, o.words, l.pos[b], I, (base + 1) << 1);
      return;
    }
    case OP.ref_get_desc: {
      const r = R[base];
      if (r === null) throw new Trap(NULL_REF);
      R[base] = (r as StructObj).desc;
      return;
    }
    case OP.array_new: {
      const id = inst.typeIds[a];
      const l = arrayLayout(id);
      const n = u32(m, base + (l.kind === SK_V128 ? 2 : 1));
      const arr = newArrayDefault(id, n);
      fillElems(m, arr, 0, n, base);
      R[base] = arr;
      return;
    }
    case OP.array_new_default:
      R[base] = newArrayDefault(inst.typeIds[a], u32(m, base));
      return;
    case OP.array_new_fixed: {
      const id = inst.typeIds[a];
      const arr = newArrayDefault(id, b >>> 0);
      const step = arr.layout.kind === SK_V128 ? 2 : 1;
      for (let k = 0; k < arr.length; k++) fillElems(m, arr, k, 1, base + k * step);
      R[base] = arr;
      return;
    }
    case OP.array_new_data:
      R[base] = newArrayData(inst.typeIds[a], inst.datas[b] ?? EMPTY_BYTES, u32(m, base), u32(m, base + 1));
      return;
    case OP.array_new_elem:
      R[base] = newArrayElem(inst.typeIds[a], inst.elems[b] ?? EMPTY_REFS, u32(m, base), u32(m, base + 1));
      return;
    case OP.array_get: case OP.array_get_s: case OP.array_get_u:
      getElem(m, arrayAt(m, base), u32(m, base + 1), base, op === OP.array_get_s);
      return;
    case OP.array_set: {
      const arr = arrayAt(m, base);
      const i = u32(m, base + 1);
      if (i >= arr.length) throw new Trap(OOB_ARRAY);
      fillElems(m, arr, i, 1, base + 2);
      return;
    }
    case OP.array_len:
      I[w] = arrayAt(m, base).length;
      I[w + 1] = 0;
      return;
    case OP.array_fill: {
      const arr = arrayAt(m, base);
      const i = u32(m, base + 1);
      const vs = base + 2;
      const n = u32(m, vs + (arr.layout.kind === SK_V128 ? 2 : 1));
      if (i + n > arr.length) throw new Trap(OOB_ARRAY);
      fillElems(m, arr, i, n, vs);
      return;
    }
    case OP.array_copy: {
      const dst = arrayAt(m, base);
      const d = u32(m, base + 1);
      const src = arrayAt(m, base + 2);
      const s = u32(m, base + 3);
      const n = u32(m, base + 4);
      if (d + n > dst.length || s + n > src.length) throw new Trap(OOB_ARRAY);
      if (dst.refs !== null) {
        if (dst === src) dst.refs.copyWithin(d, s, s + n);
        else for (let k = 0; k < n; k++) dst.refs[d + k] = src.refs![s + k];
      } else {
        const st = dst.layout.stride;
        dst.words!.set(src.words!.subarray(s * st, (s + n) * st), d * st);
      }
      return;
    }
    case OP.array_init_data: {
      const arr = arrayAt(m, base);
      const d = u32(m, base + 1), s = u32(m, base + 2), n = u32(m, base + 3);
      if (d + n > arr.length) throw new Trap(OOB_ARRAY);
      const data = inst.datas[b] ?? EMPTY_BYTES;
      const l = arr.layout;
      if (s + n * KIND_BYTES[l.kind] > data.length) throw new Trap('out of bounds memory access');
      wordsFromBytes(l.kind, data, s, n, arr.words!, d * l.stride, l.stride);
      return;
    }
    case OP.array_init_elem: {
      const arr = arrayAt(m, base);
      const d = u32(m, base + 1), s = u32(m, base + 2), n = u32(m, base + 3);
      if (d + n > arr.length) throw new Trap(OOB_ARRAY);
      const seg = inst.elems[b] ?? EMPTY_REFS;
      if (s + n > seg.length) throw new Trap('out of bounds table access');
      for (let k = 0; k < n; k++) arr.refs![d + k] = seg[s + k];
      return;
    }
    case OP.ref_i31:
      R[base] = (I[w] << 1) >> 1;
      return;
    case OP.i31_get_s: case OP.i31_get_u: {
      const r = R[base];
      if (r === null) throw new Trap(NULL_I31);
      I[w] = op === OP.i31_get_s ? (r as number) : (r as number) & 0x7fffffff;
      I[w + 1] = 0;
      return;
    }
    case OP.any_convert_extern:
      R[base] = externToAny(R[base]);
      return;
    case OP.extern_convert_any:
      R[base] = anyToExtern(R[base]);
      return;
    case OP.ref_test: case OP.ref_test_null:
      I[w] = refTest(R[base], decodeHeap(a, inst.typeIds), (b & CAST_NULLABLE) !== 0, (b & CAST_EXACT) !== 0) ? 1 : 0;
      I[w + 1] = 0;
      return;
    case OP.ref_cast: case OP.ref_cast_null:
      castOrTrap(m, inst, base, a, b);
      return;
    case OP.br_on_cast: case OP.br_on_cast_fail: {
      const ok = refTest(R[base], decodeHeap(a, inst.typeIds), (b & CAST_NULLABLE) !== 0, (b & CAST_EXACT) !== 0);
      I[w] = ok === (op === OP.br_on_cast) ? 1 : 0;
      return;
    }
    case OP.ref_cast_desc_eq: case OP.ref_cast_desc_eq_null:
      if (!descTest(m, base, (b & CAST_NULLABLE) !== 0)) throw new Trap(DESC_CAST_FAILURE);
      return;
    case OP.br_on_cast_desc_eq: case OP.br_on_cast_desc_eq_fail: {
      const ok = descTest(m, base, (b & CAST_NULLABLE) !== 0);
      I[w] = ok === (op === OP.br_on_cast_desc_eq) ? 1 : 0;
      return;
    }
  }
  throw new Trap(`unsupported instruction ${op}`);
}

function fieldSlots(kinds: Uint8Array): number {
  let n = 0;
  for (const k of kinds) n += k === SK_V128 ? 2 : 1;
  return n;
}

/** The wasm instructions this file executes. */
export const GC_OPS: readonly number[] = [
  OP.struct_new, OP.struct_new_default, OP.struct_get, OP.struct_get_s, OP.struct_get_u,
  OP.struct_set, OP.array_new, OP.array_new_default, OP.array_new_fixed, OP.array_new_data,
  OP.array_new_elem, OP.array_get, OP.array_get_s, OP.array_get_u, OP.array_set, OP.array_len,
  OP.array_fill, OP.array_copy, OP.array_init_data, OP.array_init_elem, OP.ref_test,
  OP.ref_test_null, OP.ref_cast, OP.ref_cast_null, OP.br_on_cast, OP.br_on_cast_fail,
  OP.any_convert_extern, OP.extern_convert_any, OP.ref_i31, OP.i31_get_s, OP.i31_get_u,
  OP.struct_new_desc, OP.struct_new_default_desc, OP.ref_get_desc, OP.ref_cast_desc_eq,
  OP.ref_cast_desc_eq_null, OP.br_on_cast_desc_eq, OP.br_on_cast_desc_eq_fail,
];

registerSlowHandler(GC_OPS, gcHandler);
