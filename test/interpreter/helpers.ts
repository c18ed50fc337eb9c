// Test helpers: compile WAT text, instantiate with optional host imports, call exports with
// plain numbers/bigints.
import { compile } from '../../src/index.js';
import { instantiate } from '../../src/runtime/instantiate.js';
import type { ExternValue, FuncInstance, ModuleInstance, Value } from '../../src/runtime/objects.js';
import { exactCode, fastCode } from '../../src/interpreter/translate.js';
import { instructionSize } from '../../src/interpreter/internal-ops.js';

export function load(wat: string, imports: Record<string, ExternValue> = {}): ModuleInstance {
  const m = compile(wat);
  return instantiate(m, (mod, name) => imports[`${mod}.${name}`]);
}

export function fn(inst: ModuleInstance, name: string): FuncInstance {
  const e = inst.exports.get(name);
  if (!e || e.kind !== 'func') throw new Error(`no func export ${name}`);
  return e.value;
}

export const i32 = (value: number): Value => ({ type: 'i32', value: value | 0 });
export const i64 = (value: bigint): Value => ({ type: 'i64', value: BigInt.asIntN(64, value) });
export const f32 = (bits: number): Value => ({ type: 'f32', bits: bits >>> 0 });
export const f64 = (bits: bigint): Value => ({ type: 'f64', bits: BigInt.asUintN(64, bits) });

/** The opcodes of a function's fast code in order (operands skipped, so none is mistaken for one). */
export function fastOps(inst: ModuleInstance, name: string, exact = false): number[] {
  const f = fn(inst, name);
  const code = (exact ? exactCode(f) : fastCode(f)).code;
  const ops: number[] = [];
  for (let pc = 0; pc < code.length; pc += instructionSize(code, pc)) ops.push(code[pc]);
  return ops;
}
