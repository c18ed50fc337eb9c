// What the translator needs to emit a GC instruction as a SLOW op: how many stack entries it
// consumes, the types it leaves, and the immediates handlers.ts expects. Importing this file
// also registers the handlers.

import type { InstrReader } from '../../decoder/instr-reader.js';
import { OP } from '../../syntax/opcodes.js';
import type { Module } from '../../syntax/module.js';
import type { ArrayType, StorageType, StructType, ValType } from '../../syntax/types.js';
import { refType } from '../../syntax/types.js';
import { CAST_EXACT, CAST_NULLABLE, encodeHeap } from '../../runtime/gc/cast.js';
import './handlers.js';

export interface GcSlowForm {
  /** Operand stack entries consumed (operands start at the first one's slot). */
  readonly nParams: number;
  readonly results: readonly ValType[];
  readonly a: number;
  readonly b: number;
}

const REF: ValType = refType(true, 'any');
const NONE: readonly ValType[] = [];
const ONE_REF: readonly ValType[] = [REF];
const ONE_I32: readonly ValType[] = ['i32'];

const unpacked = (t: StorageType): ValType => (t === 'i8' || t === 'i16' ? 'i32' : t);

function structOf(m: Module, x: number): StructType {
  return m.types[x].comp as StructType;
}

function arrayOf(m: Module, x: number): ArrayType {
  return m.types[x].comp as ArrayType;
}

const form = (nParams: number, results: readonly ValType[], a = 0, b = 0): GcSlowForm =>
  ({ nParams, results, a, b });

/** The SLOW form of the GC instruction just read, or null for other instructions. */
export function gcSlowForm(m: Module, r: InstrReader): GcSlowForm | null {
  const x = r.x;
  switch (r.op) {
    case OP.struct_new: return form(structOf(m, x).fields.length, ONE_REF, x);
    case OP.struct_new_default: return form(0, ONE_REF, x);
    case OP.struct_new_desc: return form(structOf(m, x).fields.length + 1, ONE_REF, x);
    case OP.struct_new_default_desc: return form(1, ONE_REF, x);
    case OP.struct_get: case OP.struct_get_s: case OP.struct_get_u:
      return form(1, [unpacked(structOf(m, x).fields[r.y].type)], x, r.y);
    case OP.struct_set: return form(2, NONE, x, r.y);
    case OP.ref_get_desc: return form(1, ONE_REF, x);
    case OP.array_new: return form(2, ONE_REF, x);
    case OP.array_new_default: return form(1, ONE_REF, x);
    case OP.array_new_fixed: return form(r.y, ONE_REF, x, r.y);
    case OP.array_new_data: case OP.array_new_elem: return form(2, ONE_REF, x, r.y);
    case OP.array_get: case OP.array_get_s: case OP.array_get_u:
      return form(2, [unpacked(arrayOf(m, x).elem.type)], x);
    case OP.array_set: return form(3, NONE, x);
    case OP.array_len: return form(1, ONE_I32);
    case OP.array_fill: return form(4, NONE, x);
    case OP.array_copy: return form(5, NONE, x, r.y);
    case OP.array_init_data: case OP.array_init_elem: return form(4, NONE, x, r.y);
    case OP.ref_test: case OP.ref_test_null:
      return form(1, ONE_I32, encodeHeap(r.heap), castFlags(r.op === OP.ref_test_null, r.exact));
    case OP.ref_cast: case OP.ref_cast_null:
      return form(1, ONE_REF, encodeHeap(r.heap), castFlags(r.op === OP.ref_cast_null, r.exact));
    case OP.ref_cast_desc_eq: case OP.ref_cast_desc_eq_null:
      return form(2, ONE_REF, encodeHeap(r.heap), castFlags(r.op === OP.ref_cast_desc_eq_null, r.exact));
    case OP.any_convert_extern: case OP.extern_convert_any: return form(1, ONE_REF);
    case OP.ref_i31: return form(1, ONE_REF);
    case OP.i31_get_s: case OP.i31_get_u: return form(1, ONE_I32);
    default: return null;
  }
}

function castFlags(nullable: boolean, exact: boolean): number {
  return (nullable ? CAST_NULLABLE : 0) | (exact ? CAST_EXACT : 0);
}

/**
 * br_on_cast, br_on_cast_fail, br_on_cast_desc_eq[_fail]: operands (the reference, plus the
 * descriptor for the _desc_eq forms) and immediates. The SLOW op leaves the reference in place
 * and writes 1 to the int word of its slot when the branch is taken.
 */
export function gcBranchForm(r: InstrReader): GcSlowForm | null {
  switch (r.op) {
    case OP.br_on_cast: case OP.br_on_cast_fail:
      return form(1, NONE, encodeHeap(r.heap2), castFlags((r.castFlags & 2) !== 0, r.exact2));
    case OP.br_on_cast_desc_eq: case OP.br_on_cast_desc_eq_fail:
      return form(2, NONE, encodeHeap(r.heap2), castFlags((r.castFlags & 2) !== 0, r.exact2));
    default: return null;
  }
}
