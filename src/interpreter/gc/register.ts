// Wires the GC instructions into the interpreter through the translator's generic hook
// (registerStackEffect): such an instruction runs as SLOW with immediates (r.x, r.y).
//
// TEMPORARY, until the translator calls gcSlowForm / gcBranchForm (translate-gc.ts) itself:
// - the hook passes r.x and r.y as the SLOW immediates, so the effect below rewrites them to
//   the immediates handlers.ts expects (for casts: the encoded heap type and cast flags);
// - only the number of parameter entries matters to the hook, so params are placeholders;
// - br_on_cast* (branches) still need the translator's own support.

import { registerStackEffect, typeCode, T_REF } from '../translate.js';
import { OP } from '../../syntax/opcodes.js';
import { gcSlowForm } from './translate-gc.js';
import { GC_OPS } from './handlers.js';

const BRANCHES = new Set<number>([OP.br_on_cast, OP.br_on_cast_fail, OP.br_on_cast_desc_eq,
  OP.br_on_cast_desc_eq_fail]);

registerStackEffect(GC_OPS.filter((op) => !BRANCHES.has(op)), (r, m) => {
  const f = gcSlowForm(m, r)!;
  r.x = f.a;
  r.y = f.b;
  return [new Array<number>(f.nParams).fill(T_REF), f.results.map(typeCode)];
});
