// Evaluation of constant expressions (global, table and element initializers, segment
// offsets). The validator has already checked the expression is constant and well typed, so
// this is a tiny stack machine over the shared InstrReader. GC constant instructions
// (struct.new*, array.new*, ref.i31, any/extern conversions) allocate through src/runtime/gc.

import { CompileError } from '../errors.js';
import { InstrReader } from '../decoder/instr-reader.js';
import { OP, OPS } from '../syntax/opcodes.js';
import type { Expr } from '../syntax/module.js';
import type { FuncInstance, GlobalInstance, Ref, Value } from './objects.js';
import { readGlobal, wordsToBigInt } from './values.js';
import { arrayFromValues, arrayOfLength, structFromValues } from './gc/const-new.js';
import { structLayout } from './gc/layout.js';
import { anyToExtern, externToAny } from './gc/convert.js';
import { Trap } from '../errors.js';

/** What a constant expression may refer to. */
export interface ConstContext {
  readonly funcs: readonly FuncInstance[];
  readonly globals: readonly GlobalInstance[];
  /** Module type index -> canonical id (GC allocations); a ModuleInstance has it. */
  readonly typeIds?: readonly number[];
}

/** A constant instruction the engine cannot evaluate yet (GC constants). */
export class UnsupportedConstError extends CompileError {
  override name = 'UnsupportedConstError';
}

export function evalConst(expr: Expr, ctx: ConstContext): Value {
  const r = new InstrReader(expr.bytes, expr.offset);
  const stack: Value[] = [];
  const pop = (): Value => {
    const v = stack.pop();
    if (v === undefined) throw new CompileError('type mismatch: constant expression stack underflow');
    return v;
  };
  const popN = (n: number): Value[] => {
    if (n > stack.length) throw new CompileError('type mismatch: constant expression stack underflow');
    return stack.splice(stack.length - n, n);
  };
  const popRef = () => { const v = pop(); return v.type === 'ref' ? v.value : null; };
  const popU32 = () => { const v = pop(); return v.type === 'i32' ? v.value >>> 0 : 0; };
  const typeId = (x: number): number => {
    const id = ctx.typeIds?.[x];
    if (id === undefined) throw new UnsupportedConstError(`not supported: GC constant without type ids (type ${x})`);
    return id;
  };
  const ref = (value: Ref): Value => ({ type: 'ref', value });
  for (;;) {
    const op = r.next();
    switch (op) {
      case OP.end: {
        if (stack.length !== 1) throw new CompileError('type mismatch: constant expression must leave one value');
        return stack[0];
      }
      case OP.i32_const: stack.push({ type: 'i32', value: r.i32 }); break;
      case OP.i64_const: stack.push({ type: 'i64', value: wordsToBigInt(r.lo, r.hi) }); break;
      case OP.f32_const: stack.push({ type: 'f32', bits: r.i32 >>> 0 }); break;
      case OP.f64_const: stack.push({ type: 'f64', bits: BigInt.asUintN(64, wordsToBigInt(r.lo, r.hi)) }); break;
      case OP.v128_const: stack.push({ type: 'v128', words: Int32Array.from(r.v128) }); break;
      case OP.ref_null: stack.push({ type: 'ref', value: null }); break;
      case OP.ref_func: stack.push({ type: 'ref', value: ctx.funcs[r.x] }); break;
      case OP.global_get: {
        const g = ctx.globals[r.x];
        if (g === undefined) throw new CompileError(`unknown global ${r.x}`);
        stack.push(readGlobal(g));
        break;
      }
      case OP.i32_add: case OP.i32_sub: case OP.i32_mul: {
        const b = pop(), a = pop();
        if (a.type !== 'i32' || b.type !== 'i32') throw new CompileError('type mismatch');
        const v = op === OP.i32_add ? (a.value + b.value) | 0
          : op === OP.i32_sub ? (a.value - b.value) | 0 : Math.imul(a.value, b.value);
        stack.push({ type: 'i32', value: v });
        break;
      }
      case OP.i64_add: case OP.i64_sub: case OP.i64_mul: {
        const b = pop(), a = pop();
        if (a.type !== 'i64' || b.type !== 'i64') throw new CompileError('type mismatch');
        const v = op === OP.i64_add ? a.value + b.value
          : op === OP.i64_sub ? a.value - b.value : a.value * b.value;
        stack.push({ type: 'i64', value: BigInt.asIntN(64, v) });
        break;
      }
      case OP.ref_i31: {
        const v = pop();
        stack.push(ref(v.type === 'i32' ? (v.value << 1) >> 1 : 0));
        break;
      }
      case OP.any_convert_extern: stack.push(ref(externToAny(popRef()))); break;
      case OP.extern_convert_any: stack.push(ref(anyToExtern(popRef()))); break;
      case OP.struct_new: case OP.struct_new_default: case OP.struct_new_desc:
      case OP.struct_new_default_desc: {
        const id = typeId(r.x);
        const withDesc = op === OP.struct_new_desc || op === OP.struct_new_default_desc;
        const desc = withDesc ? popRef() : null;
        if (withDesc && desc === null) throw new Trap('null descriptor reference');
        const fields = op === OP.struct_new || op === OP.struct_new_desc
          ? popN(structLayout(id).kinds.length) : null;
        stack.push(ref(structFromValues(id, fields, desc)));
        break;
      }
      case OP.array_new: {
        const n = popU32();
        const v = pop();
        stack.push(ref(arrayOfLength(typeId(r.x), n, v)));
        break;
      }
      case OP.array_new_default: stack.push(ref(arrayOfLength(typeId(r.x), popU32(), null))); break;
      case OP.array_new_fixed: {
        const id = typeId(r.x);
        stack.push(ref(arrayFromValues(id, popN(r.y))));
        break;
      }
      default:
        throw new UnsupportedConstError(
          `not supported yet: constant instruction ${OPS[op].name} (at offset ${r.offset})`);
    }
  }
}
