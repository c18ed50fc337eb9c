// What the translator needs to emit a GC instruction as a SLOW op: the immediates handlers.ts
// expects (the entries it consumes and the types it leaves come from the validator's side
// table). Importing this file also registers the handlers.

import type { InstrReader } from '../../decoder/instr-reader.js';
import { OP } from '../../syntax/opcodes.js';
import { CAST_EXACT, CAST_NULLABLE, encodeHeap } from '../../runtime/gc/cast.js';
import './handlers.js';

/** Immediates of a GC instruction's SLOW op (operands and results: the validator's side table). */
export interface GcSlowForm {
  readonly a: number;
  readonly b: number;
}

const form = (a = 0, b = 0): GcSlowForm => ({ a, b });

/** The SLOW form of the GC instruction just read, or null for other instructions. */
export function gcSlowForm(r: InstrReader): GcSlowForm | null {
  const x = r.x;
  switch (r.op) {
    case OP.struct_new: case OP.struct_new_default: case OP.struct_new_desc:
    case OP.struct_new_default_desc: case OP.ref_get_desc: case OP.array_new:
    case OP.array_new_default: case OP.array_get: case OP.array_get_s: case OP.array_get_u:
    case OP.array_set: case OP.array_fill:
      return form(x);
    case OP.struct_get: case OP.struct_get_s: case OP.struct_get_u: case OP.struct_set:
    case OP.array_new_fixed: case OP.array_new_data: case OP.array_new_elem: case OP.array_copy:
    case OP.array_init_data: case OP.array_init_elem:
      return form(x, r.y);
    case OP.array_len: case OP.any_convert_extern: case OP.extern_convert_any: case OP.ref_i31:
    case OP.i31_get_s: case OP.i31_get_u:
      return form();
    case OP.ref_test: case OP.ref_test_null:
      return form(encodeHeap(r.heap), castFlags(r.op === OP.ref_test_null, r.exact));
    case OP.ref_cast: case OP.ref_cast_null:
      return form(encodeHeap(r.heap), castFlags(r.op === OP.ref_cast_null, r.exact));
    case OP.ref_cast_desc_eq: case OP.ref_cast_desc_eq_null:
      return form(encodeHeap(r.heap), castFlags(r.op === OP.ref_cast_desc_eq_null, r.exact));
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
    case OP.br_on_cast: case OP.br_on_cast_fail: case OP.br_on_cast_desc_eq:
    case OP.br_on_cast_desc_eq_fail:
      return form(encodeHeap(r.heap2), castFlags((r.castFlags & 2) !== 0, r.exact2));
    default: return null;
  }
}
