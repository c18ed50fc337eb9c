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
import { OOB_MEMORY, OOB_TABLE } from '../../memory/bounds.js';
import type { ModuleInstance, Ref } from '../../runtime/objects.js';
import type { Machine } from '../machine.js';
import { registerSlowHandler } from '../slow-ops.js';
import type { SlowHandler } from '../slow-ops.js';
import { arrayLayout, KIND_BYTES, SK_REF, SK_V128, structLayout } from '../../runtime/gc/layout.js';
import { ArrayObj, StructObj } from '../../runtime/gc/objects.js';
import { loadWords, storeWords, wordsFromBytes } from '../../runtime/gc/storage.js';
import { newArrayData, newArrayDefault, newArrayElem, newStructDefault, OOB_ARRAY } from '../../runtime/gc/alloc.js';
import { CAST_EXACT, CAST_NULLABLE, decodeHeap, refTest } from '../../runtime/gc/cast.js';
import { anyToExtern, externToAny } from '../../runtime/gc/convert.js';

export const NULL_STRUCT = 'null structure reference';
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

/** Fills a fresh struct's fields from consecutive slots starting at s (also run.ts's STRUCT_NEW). */
export function fillStruct(m: Machine, o: StructObj, s: number): void {
  const { kinds, pos } = o.layout;
  for (let k = 0; k < kinds.length; k++) {
    const kind = kinds[k];
    if (kind === SK_REF) { o.setRef(pos[k], m.R[s]); s++; continue; }
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

/** The wasm instructions this file executes. */
export const GC_OPS: number[] = [];

/** Registers the handler of some instructions (one function per instruction group). */
function on(ops: readonly number[], h: SlowHandler): void {
  registerSlowHandler(ops, h);
  GC_OPS.push(...ops);
}

const writeI32 = (m: Machine, s: number, v: number): void => {
  m.I[s << 1] = v;
  m.I[(s << 1) + 1] = 0;
};

// ---- structs --------------------------------------------------------------------------------

on([OP.struct_new], (m, inst, _op, base, a) => {
  const o = newStructDefault(inst.typeIds[a]);
  fillStruct(m, o, base);
  m.R[base] = o;
});

on([OP.struct_new_default], (m, inst, _op, base, a) => {
  m.R[base] = newStructDefault(inst.typeIds[a]);
});

function newWithDesc(m: Machine, inst: ModuleInstance, base: number, a: number, fields: boolean): void {
  const id = inst.typeIds[a];
  const desc = m.R[fields ? base + fieldSlots(structLayout(id).kinds) : base];
  if (desc === null) throw new Trap(NULL_DESC);
  const o = newStructDefault(id, desc);
  if (fields) fillStruct(m, o, base);
  m.R[base] = o;
}

on([OP.struct_new_desc], (m, inst, _op, base, a) => newWithDesc(m, inst, base, a, true));
on([OP.struct_new_default_desc], (m, inst, _op, base, a) => newWithDesc(m, inst, base, a, false));

function structGet(signed: boolean): SlowHandler {
  return (m, _inst, _op, base, _a, b) => {
    const o = structAt(m, base);
    const l = o.layout;
    const kind = l.kinds[b];
    if (kind === SK_REF) m.R[base] = o.getRef(l.pos[b]);
    else loadWords(kind, signed, m.I, base << 1, o.words, l.pos[b]);
  };
}

on([OP.struct_get, OP.struct_get_u], structGet(false));
on([OP.struct_get_s], structGet(true));

on([OP.struct_set], (m, _inst, _op, base, _a, b) => {
  const o = structAt(m, base);
  const l = o.layout;
  const kind = l.kinds[b];
  if (kind === SK_REF) o.setRef(l.pos[b], m.R[base + 1]);
  else storeWords(kind, o.words, l.pos[b], m.I, (base + 1) << 1);
});

on([OP.ref_get_desc], (m, _inst, _op, base) => {
  const r = m.R[base];
  if (r === null) throw new Trap(NULL_REF);
  m.R[base] = (r as StructObj).desc;
});

// ---- arrays ---------------------------------------------------------------------------------

on([OP.array_new], (m, inst, _op, base, a) => {
  const id = inst.typeIds[a];
  const n = u32(m, base + (arrayLayout(id).kind === SK_V128 ? 2 : 1));
  const arr = newArrayDefault(id, n);
  fillElems(m, arr, 0, n, base);
  m.R[base] = arr;
});

on([OP.array_new_default], (m, inst, _op, base, a) => {
  m.R[base] = newArrayDefault(inst.typeIds[a], u32(m, base));
});

on([OP.array_new_fixed], (m, inst, _op, base, a, b) => {
  const arr = newArrayDefault(inst.typeIds[a], b >>> 0);
  const step = arr.layout.kind === SK_V128 ? 2 : 1;
  for (let k = 0; k < arr.length; k++) fillElems(m, arr, k, 1, base + k * step);
  m.R[base] = arr;
});

on([OP.array_new_data], (m, inst, _op, base, a, b) => {
  m.R[base] = newArrayData(inst.typeIds[a], inst.datas[b] ?? EMPTY_BYTES, u32(m, base), u32(m, base + 1));
});

on([OP.array_new_elem], (m, inst, _op, base, a, b) => {
  m.R[base] = newArrayElem(inst.typeIds[a], inst.elems[b] ?? EMPTY_REFS, u32(m, base), u32(m, base + 1));
});

on([OP.array_get, OP.array_get_u], (m, _inst, _op, base) => {
  getElem(m, arrayAt(m, base), u32(m, base + 1), base, false);
});

on([OP.array_get_s], (m, _inst, _op, base) => {
  getElem(m, arrayAt(m, base), u32(m, base + 1), base, true);
});

on([OP.array_set], (m, _inst, _op, base) => {
  const arr = arrayAt(m, base);
  const i = u32(m, base + 1);
  if (i >= arr.length) throw new Trap(OOB_ARRAY);
  fillElems(m, arr, i, 1, base + 2);
});

on([OP.array_len], (m, _inst, _op, base) => writeI32(m, base, arrayAt(m, base).length));

on([OP.array_fill], (m, _inst, _op, base) => {
  const arr = arrayAt(m, base);
  const i = u32(m, base + 1);
  const n = u32(m, base + 2 + (arr.layout.kind === SK_V128 ? 2 : 1));
  if (i + n > arr.length) throw new Trap(OOB_ARRAY);
  fillElems(m, arr, i, n, base + 2);
});

on([OP.array_copy], (m, _inst, _op, base) => {
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
    // same element type (validated), so the same stride; TypedArray.set handles overlap
    const st = dst.layout.stride;
    dst.words!.set(src.words!.subarray(s * st, (s + n) * st), d * st);
  }
});

on([OP.array_init_data], (m, inst, _op, base, _a, b) => {
  const arr = arrayAt(m, base);
  const d = u32(m, base + 1), s = u32(m, base + 2), n = u32(m, base + 3);
  if (d + n > arr.length) throw new Trap(OOB_ARRAY);
  const data = inst.datas[b] ?? EMPTY_BYTES;
  const l = arr.layout;
  if (s + n * KIND_BYTES[l.kind] > data.length) throw new Trap(OOB_MEMORY);
  wordsFromBytes(l.kind, data, s, n, arr.words!, d * l.stride, l.stride);
});

on([OP.array_init_elem], (m, inst, _op, base, _a, b) => {
  const arr = arrayAt(m, base);
  const d = u32(m, base + 1), s = u32(m, base + 2), n = u32(m, base + 3);
  if (d + n > arr.length) throw new Trap(OOB_ARRAY);
  const seg = inst.elems[b] ?? EMPTY_REFS;
  if (s + n > seg.length) throw new Trap(OOB_TABLE);
  for (let k = 0; k < n; k++) arr.refs![d + k] = seg[s + k];
});

// ---- i31 and conversions --------------------------------------------------------------------

on([OP.ref_i31], (m, _inst, _op, base) => {
  m.R[base] = (m.I[base << 1] << 1) >> 1;
});

function i31Get(signed: boolean): SlowHandler {
  return (m, _inst, _op, base) => {
    const r = m.R[base];
    if (r === null) throw new Trap(NULL_I31);
    writeI32(m, base, signed ? (r as number) : (r as number) & 0x7fffffff);
  };
}

on([OP.i31_get_s], i31Get(true));
on([OP.i31_get_u], i31Get(false));

on([OP.any_convert_extern], (m, _inst, _op, base) => { m.R[base] = externToAny(m.R[base]); });
on([OP.extern_convert_any], (m, _inst, _op, base) => { m.R[base] = anyToExtern(m.R[base]); });

// ---- casts ----------------------------------------------------------------------------------

const testAt = (m: Machine, inst: ModuleInstance, base: number, a: number, b: number): boolean =>
  refTest(m.R[base], decodeHeap(a, inst.typeIds), (b & CAST_NULLABLE) !== 0, (b & CAST_EXACT) !== 0);

on([OP.ref_test, OP.ref_test_null], (m, inst, _op, base, a, b) => {
  writeI32(m, base, testAt(m, inst, base, a, b) ? 1 : 0);
});

on([OP.ref_cast, OP.ref_cast_null], (m, inst, _op, base, a, b) => {
  if (!testAt(m, inst, base, a, b)) throw new Trap(CAST_FAILURE);
});

on([OP.br_on_cast], (m, inst, _op, base, a, b) => {
  m.I[base << 1] = testAt(m, inst, base, a, b) ? 1 : 0;
});

on([OP.br_on_cast_fail], (m, inst, _op, base, a, b) => {
  m.I[base << 1] = testAt(m, inst, base, a, b) ? 0 : 1;
});

on([OP.ref_cast_desc_eq, OP.ref_cast_desc_eq_null], (m, _inst, _op, base, _a, b) => {
  if (!descTest(m, base, (b & CAST_NULLABLE) !== 0)) throw new Trap(DESC_CAST_FAILURE);
});

on([OP.br_on_cast_desc_eq], (m, _inst, _op, base, _a, b) => {
  m.I[base << 1] = descTest(m, base, (b & CAST_NULLABLE) !== 0) ? 1 : 0;
});

on([OP.br_on_cast_desc_eq_fail], (m, _inst, _op, base, _a, b) => {
  m.I[base << 1] = descTest(m, base, (b & CAST_NULLABLE) !== 0) ? 0 : 1;
});

function fieldSlots(kinds: Uint8Array): number {
  let n = 0;
  for (const k of kinds) n += k === SK_V128 ? 2 : 1;
  return n;
}
