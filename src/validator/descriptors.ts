// custom-descriptors proposal: the structural rules of `descriptor`/`describes` clauses
// inside one recursion group (WebAssembly/custom-descriptors Overview.md, "Type validation"),
// and how they constrain declared subtyping.

import type { Module } from '../syntax/module.js';
import type { RecGroup, SubType } from '../syntax/types.js';
import { isSubtypeId } from './canonical.js';
import { fail } from './context.js';

/** Group-local rules; run before canonicalization (outside references are errors here). */
export function checkDescriptorClauses(m: Module, g: RecGroup): void {
  const end = g.start + g.count;
  for (let x = g.start; x < end; x++) {
    const st = m.types[x];
    const d = st.descriptor;
    const b = st.describes;
    if (d !== undefined && (d < g.start || d >= end)) fail('descriptor type is outside rec group');
    if (b !== undefined && (b < g.start || b >= end)) fail('described type is outside rec group');
    if (b !== undefined && b >= x) fail('forward use of described type');
    if (d !== undefined && st.comp.kind !== 'struct') fail('descriptor type must be a struct');
    if (b !== undefined && st.comp.kind !== 'struct') fail('described type must be a struct');
    if (d !== undefined && m.types[d].describes !== x) fail('type is not described by its descriptor');
    if (b !== undefined && m.types[b].descriptor !== x) fail('described type is not described by descriptor');
  }
}

/**
 * Descriptor conditions of `sub` declarations: sub type x (module index) declares super s.
 * `ids` maps module indices to canonical ids; the canonical SubTypes hold canonical ids.
 */
export function checkDescriptorSubtyping(
  x: number, s: number, sub: SubType, sup: SubType, m: Module,
): void {
  const mismatch = (): never => fail(`sub type ${x} does not match super type ${s}`);
  if (sup.descriptor !== undefined && sub.descriptor === undefined) mismatch();
  if ((sup.describes === undefined) !== (sub.describes === undefined)) mismatch();
  if (sub.descriptor !== undefined && sup.descriptor !== undefined &&
      !isSubtypeId(sub.descriptor, sup.descriptor)) {
    fail(`descriptor type ${m.types[x].descriptor} does not match`);
  }
  if (sub.describes !== undefined && sup.describes !== undefined &&
      !isSubtypeId(sub.describes, sup.describes)) {
    fail(`described type ${m.types[x].describes} does not match`);
  }
}
