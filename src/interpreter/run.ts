// The run loop: one function, one switch over internal opcodes (internal-ops.ts), hot state in
// locals. Calls push onto the explicit frame stack in Machine (no JS recursion per wasm call).
// Returns true when the outermost frame returned, false when paused for fuel. Traps and wasm
// exceptions leave as JS exceptions after the loop wrote its state back (for unwinding and
// stack traces: m.pc is then the start of the faulting instruction).

import { Trap, WasmException } from '../errors.js';
import { OOB_MEMORY } from '../memory/bounds.js';
import { ExnInstance } from '../runtime/objects.js';
import type { StructObj } from '../runtime/gc/objects.js';
import { newStructDefault } from '../runtime/gc/alloc.js';
import { NULL_STRUCT, fillStruct } from './gc/handlers.js';
import type { FuncInstance, ModuleInstance, Ref, TagInstance } from '../runtime/objects.js';
import { isSubtypeId } from '../validator/canonical.js';
import { I as Op } from './internal-ops.js';
import { FUEL_CHUNK, Machine, Thrown, readValues, writeValues } from './machine.js';
import { SCALAR_OPS } from './numerics/table.js';
import { slowOp } from './slow-ops.js';
import { SIMD_DIRECT, SIMD_OPS, i8x16_shuffle } from './simd/table.js';
import { MASKED_SHUFFLES, shuffleLanes } from './simd/handler.js';
import {
  f32x4_pmax, f32x4_pmin, i16x8_add, i16x8_add_shr_u_imm, i16x8_extend_high_i8x16_u, i16x8_extend_low_i8x16_u, i16x8_mul, i16x8_shr_u, i16x8_shr_u_imm,
  i32x4_extend_low_i16x8_u, i32x4_max_s, i8x16_narrow_i16x8_u, i8x16_shuffle_masked, i8x16_shuffle_words,
} from './simd/fast-lanes.js';

const F32X4_ADD_ID = OP.f32x4_add, F32X4_SUB_ID = OP.f32x4_sub, F32X4_MUL_ID = OP.f32x4_mul;

/**
 * V128_OP_LOAD's f32x4 path when a lane is NaN: the loaded lanes go to the load's temporary t
 * and the lane op runs in wasm operand order (k > 4: the load was the left operand), for the
 * NaN rule's choice of payload. Out of the run loop: its bytecode size is limited.
 */
function f32x4OpLoadNaN(I: Int32Array, dv: DataView, ea: number, d: number, x: number, t: number, k: number): void {
  for (let j = 0; j < 4; j++) I[t + j] = dv.getInt32(ea + 4 * j, true);
  SIMD_OPS[(k & 1) !== 0 ? F32X4_MUL_ID : F32X4_ADD_ID]!(I, d, k > 4 ? t : x, k > 4 ? x : t, 0);
}
import { i64_div_s, i64_div_u, i64_rem_s, i64_rem_u } from './numerics/i64.js';
import { exactCode, fastCode } from './translate.js';
import type { Compiled } from './translate.js';
import { OP } from '../syntax/opcodes.js';

const EMPTY_BUF = new ArrayBuffer(0);
const EMPTY_U8 = new Uint8Array(EMPTY_BUF);
const EMPTY_DV = new DataView(EMPTY_BUF);

const F32_ADD = SCALAR_OPS[OP.f32_add]!, F32_SUB = SCALAR_OPS[OP.f32_sub]!;
const F32_MUL = SCALAR_OPS[OP.f32_mul]!, F32_DIV = SCALAR_OPS[OP.f32_div]!;
const F64_ADD = SCALAR_OPS[OP.f64_add]!, F64_SUB = SCALAR_OPS[OP.f64_sub]!, F64_SQRT = SCALAR_OPS[OP.f64_sqrt]!;
const F64_MUL = SCALAR_OPS[OP.f64_mul]!, F64_DIV = SCALAR_OPS[OP.f64_div]!;

function trap(kind: string): Trap {
  return new Trap(kind);
}

/** High word of the unsigned product of two u32 words, on 16-bit limbs in int32 arithmetic
 *  (no doubles: numerics/i64.ts mulHiU32 is correct but slower in the loop). */
function mulHi(a: number, b: number): number {
  const a0 = a & 0xffff, a1 = a >>> 16, b0 = b & 0xffff, b1 = b >>> 16;
  const m1 = Math.imul(a1, b0), m2 = Math.imul(a0, b1);
  const carry = ((Math.imul(a0, b0) >>> 16) + (m1 & 0xffff) + (m2 & 0xffff)) >>> 16;
  return (Math.imul(a1, b1) + (m1 >>> 16) + (m2 >>> 16) + carry) | 0;
}

function storeWords64(dv: DataView, ea: number, I: Int32Array, w: number): void {
  dv.setInt32(ea, I[w], true);
  dv.setInt32(ea + 4, I[w + 1], true);
}

function popcnt32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Handles an exhausted FUEL op; false = pause here (state saved in m). */
function fuelSlow(m: Machine): boolean {
  const comp = m.comp!;
  const cost = comp.code[m.pc + 1];
  if (m.reserve > 0) {
    const take = Math.min(m.reserve, FUEL_CHUNK - m.fuel);
    m.reserve -= take;
    m.fuel += take;
    if (m.fuel >= cost) return true;
  }
  if (!comp.exact) {
    // finish this block instruction by instruction, so the pause point is exact
    const ex = exactCode(comp.func);
    const pc = ex.pcOfOffset!.get(comp.code[m.pc + 2]);
    if (pc === undefined) throw new Error('interpreter: no exact twin for a fuel point');
    m.comp = ex;
    m.pc = pc;
    return true;
  }
  return false;
}

/** Exact code's fused FUEL_* ops out of fuel: refill one unit from the reserve, else pause. */
function fuelRefill(m: Machine): boolean {
  if (m.reserve > 0) {
    const take = Math.min(m.reserve, FUEL_CHUNK - m.fuel);
    m.reserve -= take;
    m.fuel += take;
    if (m.fuel >= 1) return true;
  }
  return false;
}

/** Calls a host function with its arguments at slot `base`; results land there too. */
function callHost(m: Machine, f: FuncInstance, base: number): void {
  const args = readValues(m, base, f.type.params);
  let results;
  try {
    results = f.host!(args);
  } catch (e) {
    if (e instanceof WasmException) {
      const exn = e.exnRef instanceof ExnInstance ? e.exnRef
        : new ExnInstance(e.tag as TagInstance, e.payload as never);
      throw new Thrown(exn);
    }
    throw e;
  }
  writeValues(m, base, f.type.results, results);
}

function throwTag(m: Machine, inst: ModuleInstance, tagIdx: number, base: number): never {
  const tag = inst.tags[tagIdx];
  throw new Thrown(new ExnInstance(tag, readValues(m, base, tag.funcType.params)));
}

function indirectCallee(m: Machine, inst: ModuleInstance, typeIdx: number, tableIdx: number,
  idxSlot: number): FuncInstance {
  const table = inst.tables[tableIdx];
  const w = idxSlot << 1;
  const i = table.type.limits.is64 ? (m.I[w + 1] >>> 0) * 4294967296 + (m.I[w] >>> 0) : m.I[w] >>> 0;
  if (i >= table.elements.length) throw trap('undefined element');
  const f = table.elements[i] as FuncInstance | null;
  if (f === null) throw trap(`uninitialized element ${i}`);
  const want = inst.typeIds[typeIdx];
  if (f.typeId !== want && !isSubtypeId(f.typeId, want)) throw trap('indirect call type mismatch');
  return f;
}

export function execute(m: Machine): boolean {
  let comp = m.comp!;
  let code = comp.code;
  let pc = m.pc | 0;
  let fp = m.fp | 0;
  let fuel = m.fuel | 0;
  let I = m.I, F32 = m.F32, F64 = m.F64, R = m.R;
  let inst = comp.func.instance!;
  let funcs = inst.funcs;
  let globals = inst.globals;
  let mem = inst.memories.length > 0 ? inst.memories[0] : null;
  let u8 = mem !== null ? mem.u8 : EMPTY_U8;
  // the memory's size in bytes, kept beside u8 (set wherever u8 is): a bounds check then reads
  // one number instead of the typed array's map and length
  let memLen = u8.length;
  let dv = mem !== null ? mem.view : EMPTY_DV;
  try {
    loop: for (;;) {
      // A no-op (no code array is near 2^30 entries) that types pc as a small non-negative
      // int32 for V8: every code[pc + k] then needs no overflow check, which was about 5% of
      // the run loop's time in fast mode (one check per operand read)
      pc &= 0x3fffffff;
      let callee: FuncInstance;
      let base: number;
      let tail: number; // -1: ordinary call, else the argument slot count to move down
      let next: number; // the return pc of an ordinary call
      let head: number; // where control arrives after a branch (taken or not) or a return
      arrive: {
      call: {
        // Cases named A_THEN_B are fallthrough pairs (pairs.ts): a copy of A's case, without its
        // `continue loop`, placed right before B's case. test/interpreter/pairs.test.ts checks
        // every copy against A's case (tools/sync-pairs.mjs recopies them). Mind the size: V8
        // leaves a function of more than 61,440 bytes of bytecode unoptimized
        // (test/interpreter/run-loop-size.test.ts).
        switch (code[pc]) {
          case Op.I32_SHR_U_IMM_THEN_FUEL: case Op.I32_ADD_THEN_FUEL:
            if (code[pc] === Op.I32_SHR_U_IMM_THEN_FUEL) { const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3]; I[(fp + code[pc + 1]) << 1] = a >>> b; pc += 4; }
            else { I[(fp + code[pc + 1]) << 1] = (I[(fp + code[pc + 2]) << 1] + I[(fp + code[pc + 3]) << 1]) | 0; pc += 4; }
          // falls through
          case Op.FUEL: {
            const cost = code[pc + 1];
            if (fuel >= cost) { fuel -= cost; pc += 3; continue loop; }
            m.comp = comp; m.pc = pc; m.fp = fp; m.fuel = fuel;
            if (!fuelSlow(m)) return false;
            comp = m.comp!; code = comp.code; pc = m.pc | 0; fuel = m.fuel | 0;
            continue loop;
          }
          case Op.FUEL_MOV_THEN_FUEL_X:
            // exact code: a local.get whose next instruction is another local.get or a constant
            // (FUEL_MOV's work, then its neighbour's case below: one dispatch for both). Out of
            // fuel, pc stays here and the case below refills or pauses at this instruction
            if (fuel >= 1) {
              fuel--;
              const d = (fp + code[pc + 1]) << 1, a = (fp + code[pc + 2]) << 1;
              I[d] = I[a]; I[d + 1] = I[a + 1];
              pc += 3;
            }
          // falls through
          case Op.FUEL_MOV: case Op.FUEL_CONST: {
            if (fuel < 1) {
              m.comp = comp; m.pc = pc; m.fp = fp; m.fuel = fuel;
              if (!fuelRefill(m)) return false;
              fuel = m.fuel | 0;
              continue loop;
            }
            fuel--;
            const d = (fp + code[pc + 1]) << 1;
            if (code[pc] === Op.FUEL_MOV) {
              const a = (fp + code[pc + 2]) << 1;
              I[d] = I[a]; I[d + 1] = I[a + 1];
              head = pc + 3;
            } else {
              I[d] = code[pc + 2]; I[d + 1] = code[pc + 3];
              head = pc + 4;
            }
            // exact code only: the next instruction's FUEL op is usually next, paid on arrival
            break arrive;
          }
          case Op.NOP: pc += 1; continue loop;
          case Op.UNREACHABLE: throw trap('unreachable');
          case Op.BR: head = code[pc + 1]; break arrive;
          case Op.I32_ADD_IMM_THEN_BR_IF: case Op.I32_AND_IMM_THEN_BR_IF: case Op.I32_LOAD8_U_THEN_BR_IF:
            if (code[pc] === Op.I32_ADD_IMM_THEN_BR_IF) { const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3]; I[(fp + code[pc + 1]) << 1] = (a + b) | 0; pc += 4; }
            else if (code[pc] === Op.I32_AND_IMM_THEN_BR_IF) { const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3]; I[(fp + code[pc + 1]) << 1] = a & b; pc += 4; }
            else { // apart from its group: no opcode test, and pairs can copy it
              const ea = ((I[(fp + code[pc + 2]) << 1] + code[pc + 4]) >>> 0) + (code[pc + 3] >>> 0);
              if (ea + 1 > memLen) throw trap(OOB_MEMORY);
              I[(fp + code[pc + 1]) << 1] = u8[ea];
              pc += 5;
            }
          // falls through
          case Op.BR_IF: head = I[(fp + code[pc + 1]) << 1] !== 0 ? code[pc + 2] : pc + 3; break arrive;
          case Op.I32_AND_IMM_THEN_BR_UNLESS: case Op.REF_IS_NULL_THEN_BR_UNLESS:
            if (code[pc] === Op.I32_AND_IMM_THEN_BR_UNLESS) { const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3]; I[(fp + code[pc + 1]) << 1] = a & b; pc += 4; }
            else {
              I[(fp + code[pc + 1]) << 1] = R[fp + code[pc + 2]] === null ? 1 : 0;
              pc += 3;
            }
          // falls through
          case Op.BR_UNLESS: head = I[(fp + code[pc + 1]) << 1] === 0 ? code[pc + 2] : pc + 3; break arrive;
          case Op.I32_AND_IMM_THEN_BR_TABLE: { const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3]; I[(fp + code[pc + 1]) << 1] = a & b; pc += 4; }
          // falls through
          case Op.BR_TABLE: {
            const n = code[pc + 2];
            let i = I[(fp + code[pc + 1]) << 1] >>> 0;
            if (i > n) i = n;
            head = code[pc + 3 + i];
            break arrive;
          }
          case Op.BR_IF_EQ: head = I[(fp + code[pc + 1]) << 1] === I[(fp + code[pc + 2]) << 1] ? code[pc + 3] : pc + 4; break arrive;
          case Op.BR_IF_NE: head = I[(fp + code[pc + 1]) << 1] !== I[(fp + code[pc + 2]) << 1] ? code[pc + 3] : pc + 4; break arrive;
          case Op.I32_ADD_IMM2_THEN_I32_LOAD_THEN_BR_IF_LT_S: case Op.I32_ADD_IMM_THEN_I32_LOAD_THEN_BR_IF_LT_S:
            if (code[pc] === Op.I32_ADD_IMM2_THEN_I32_LOAD_THEN_BR_IF_LT_S) {
              I[(fp + code[pc + 1]) << 1] = (I[(fp + code[pc + 2]) << 1] + code[pc + 3]) | 0;
              I[(fp + code[pc + 4]) << 1] = (I[(fp + code[pc + 5]) << 1] + code[pc + 6]) | 0;
              pc += 7;
            }
            else { const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3]; I[(fp + code[pc + 1]) << 1] = (a + b) | 0; pc += 4; }
          // falls through
          case Op.I32_LOAD_THEN_BR_IF_LT_S: {
            const ea = ((I[(fp + code[pc + 2]) << 1] + code[pc + 4]) >>> 0) + (code[pc + 3] >>> 0);
            if (ea + 4 > memLen) throw trap(OOB_MEMORY);
            I[(fp + code[pc + 1]) << 1] = dv.getInt32(ea, true);
            pc += 5;
          }
          // falls through
          case Op.BR_IF_LT_S: head = I[(fp + code[pc + 1]) << 1] < I[(fp + code[pc + 2]) << 1] ? code[pc + 3] : pc + 4; break arrive;
          case Op.BR_IF_LT_U: head = (I[(fp + code[pc + 1]) << 1] >>> 0) < (I[(fp + code[pc + 2]) << 1] >>> 0) ? code[pc + 3] : pc + 4; break arrive;
          case Op.I32_ADD_IMM_THEN_MOV_THEN_BR_IF_GT_S: { const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3]; I[(fp + code[pc + 1]) << 1] = (a + b) | 0; pc += 4; }
          // falls through
          case Op.MOV_THEN_BR_IF_GT_S: {
            const d = (fp + code[pc + 1]) << 1, a = (fp + code[pc + 2]) << 1;
            I[d] = I[a]; I[d + 1] = I[a + 1];
            pc += 3;
          }
          // falls through
          case Op.BR_IF_GT_S: head = I[(fp + code[pc + 1]) << 1] > I[(fp + code[pc + 2]) << 1] ? code[pc + 3] : pc + 4; break arrive;
          case Op.BR_IF_GT_U: head = (I[(fp + code[pc + 1]) << 1] >>> 0) > (I[(fp + code[pc + 2]) << 1] >>> 0) ? code[pc + 3] : pc + 4; break arrive;
          case Op.BR_IF_LE_S: head = I[(fp + code[pc + 1]) << 1] <= I[(fp + code[pc + 2]) << 1] ? code[pc + 3] : pc + 4; break arrive;
          case Op.BR_IF_LE_U: head = (I[(fp + code[pc + 1]) << 1] >>> 0) <= (I[(fp + code[pc + 2]) << 1] >>> 0) ? code[pc + 3] : pc + 4; break arrive;
          case Op.BR_IF_GE_S: head = I[(fp + code[pc + 1]) << 1] >= I[(fp + code[pc + 2]) << 1] ? code[pc + 3] : pc + 4; break arrive;
          case Op.GLOBAL_GET_THEN_BR_IF_GE_U: {
            const g = globals[code[pc + 2]].words;
            const d = (fp + code[pc + 1]) << 1;
            I[d] = g[0]; I[d + 1] = g[1];
            pc += 3;
          }
          // falls through
          case Op.BR_IF_GE_U: head = (I[(fp + code[pc + 1]) << 1] >>> 0) >= (I[(fp + code[pc + 2]) << 1] >>> 0) ? code[pc + 3] : pc + 4; break arrive;
          case Op.BR_ON_NULL: head = R[fp + code[pc + 1]] === null ? code[pc + 2] : pc + 3; break arrive;
          case Op.BR_ON_NON_NULL: head = R[fp + code[pc + 1]] !== null ? code[pc + 2] : pc + 3; break arrive;
          case Op.I32_ADD_THEN_RETURN: I[(fp + code[pc + 1]) << 1] = (I[(fp + code[pc + 2]) << 1] + I[(fp + code[pc + 3]) << 1]) | 0; pc += 4;
          // falls through
          case Op.RETURN: {
            const src = fp + code[pc + 1];
            const n = code[pc + 2];
            if (src !== fp) {
              // results move down to the frame base (src > fp: a forward copy is safe); a
              // plain loop beats copyWithin's builtin call for the usual one or two slots
              for (let k = 0; k < n; k++) {
                const d = (fp + k) << 1, s2 = (src + k) << 1;
                I[d] = I[s2]; I[d + 1] = I[s2 + 1];
              }
              if (comp.retRefs) for (let k = 0; k < n; k++) R[fp + k] = R[src + k];
            }
            if (m.depth === 0) {
              m.comp = comp; m.pc = pc; m.fp = fp; m.fuel = fuel; m.done = true;
              return true;
            }
            const k = m.depth - 1;
            m.depth = k;
            comp = m.fComp[k];
            pc = m.frames[k << 1];
            fp = m.frames[(k << 1) + 1];
            code = comp.code;
            // same instance: the memory views are already current (every op that may grow
            // memory, SLOW and host calls, reloads them), so only a cross-instance return
            // needs the reload
            if (comp.func.instance !== inst) {
              inst = comp.func.instance!;
              funcs = inst.funcs;
              globals = inst.globals;
              mem = inst.memories.length > 0 ? inst.memories[0] : null;
              u8 = mem !== null ? mem.u8 : EMPTY_U8;
              memLen = u8.length;
              dv = mem !== null ? mem.view : EMPTY_DV;
            }
            head = pc;
            break arrive;
          }
          case Op.I32_ADD_IMM_THEN_CALL: { const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3]; I[(fp + code[pc + 1]) << 1] = (a + b) | 0; pc += 4; }
          // falls through
          case Op.CALL:
            callee = funcs[code[pc + 1]];
            base = fp + code[pc + 2];
            tail = -1;
            next = pc + 3;
            break call;
          case Op.CALL_MOV1: case Op.CALL_MOV2: {
            // the moves in their original order (a second one may read the first's slot)
            let d = (fp + code[pc + 3]) << 1, s = (fp + code[pc + 4]) << 1;
            I[d] = I[s]; I[d + 1] = I[s + 1];
            if (code[pc] === Op.CALL_MOV2) {
              d = (fp + code[pc + 5]) << 1; s = (fp + code[pc + 6]) << 1;
              I[d] = I[s]; I[d + 1] = I[s + 1];
              next = pc + 7;
            } else {
              next = pc + 5;
            }
            callee = funcs[code[pc + 1]];
            base = fp + code[pc + 2];
            tail = -1;
            break call;
          }
          case Op.RETURN_CALL:
            callee = funcs[code[pc + 1]];
            base = fp + code[pc + 2];
            tail = code[pc + 3];
            next = pc;
            break call;
          case Op.CALL_INDIRECT:
            callee = indirectCallee(m, inst, code[pc + 1], code[pc + 2], fp + code[pc + 4]);
            base = fp + code[pc + 3];
            tail = -1;
            next = pc + 5;
            break call;
          case Op.RETURN_CALL_INDIRECT:
            callee = indirectCallee(m, inst, code[pc + 1], code[pc + 2], fp + code[pc + 4]);
            base = fp + code[pc + 3];
            tail = code[pc + 5];
            next = pc;
            break call;
          case Op.CALL_REF: {
            const f = R[fp + code[pc + 2]];
            if (f === null) throw trap('null function reference');
            callee = f as FuncInstance;
            base = fp + code[pc + 1];
            tail = -1;
            next = pc + 3;
            break call;
          }
          case Op.RETURN_CALL_REF: {
            const f = R[fp + code[pc + 2]];
            if (f === null) throw trap('null function reference');
            callee = f as FuncInstance;
            base = fp + code[pc + 1];
            tail = code[pc + 3];
            next = pc;
            break call;
          }
          case Op.THROW:
            m.comp = comp; m.pc = pc; m.fp = fp;
            throwTag(m, inst, code[pc + 1], fp + code[pc + 2]);
          // falls through never (throwTag throws)
          case Op.THROW_REF: {
            const e = R[fp + code[pc + 1]];
            if (e === null) throw trap('null exception reference');
            throw new Thrown(e as ExnInstance);
          }
          case Op.RETHROW:
            throw new Thrown(R[fp + code[pc + 1]] as ExnInstance);
          case Op.I32_ADD_THEN_MOV_THEN_MOV: I[(fp + code[pc + 1]) << 1] = (I[(fp + code[pc + 2]) << 1] + I[(fp + code[pc + 3]) << 1]) | 0; pc += 4;
          // falls through
          case Op.MOV_THEN_MOV: {
            const d = (fp + code[pc + 1]) << 1, a = (fp + code[pc + 2]) << 1;
            I[d] = I[a]; I[d + 1] = I[a + 1];
            pc += 3;
          }
          // falls through
          case Op.MOV: {
            const d = (fp + code[pc + 1]) << 1, a = (fp + code[pc + 2]) << 1;
            I[d] = I[a]; I[d + 1] = I[a + 1];
            pc += 3; continue loop;
          }
          case Op.MOV_REF: R[fp + code[pc + 1]] = R[fp + code[pc + 2]]; pc += 3; continue loop;
          case Op.MOV_V128: {
            const d = (fp + code[pc + 1]) << 1, a = (fp + code[pc + 2]) << 1;
            I[d] = I[a]; I[d + 1] = I[a + 1]; I[d + 2] = I[a + 2]; I[d + 3] = I[a + 3];
            pc += 3; continue loop;
          }
          case Op.CONST: {
            const d = (fp + code[pc + 1]) << 1;
            I[d] = code[pc + 2]; I[d + 1] = code[pc + 3];
            pc += 4; continue loop;
          }
          case Op.CONST_V128: {
            const d = (fp + code[pc + 1]) << 1;
            I[d] = code[pc + 2]; I[d + 1] = code[pc + 3]; I[d + 2] = code[pc + 4]; I[d + 3] = code[pc + 5];
            pc += 6; continue loop;
          }
          case Op.REF_NULL: R[fp + code[pc + 1]] = null; pc += 2; continue loop;
          case Op.REF_FUNC: R[fp + code[pc + 1]] = funcs[code[pc + 2]]; pc += 3; continue loop;
          case Op.STRUCT_GET_REF: {
            const o = R[fp + code[pc + 2]];
            if (o === null) throw trap(NULL_STRUCT);
            R[fp + code[pc + 1]] = (o as StructObj).getRef(code[pc + 3]);
            pc += 4; continue loop;
          }
          case Op.STRUCT_GET_W: case Op.STRUCT_GET_W2: {
            const o = R[fp + code[pc + 2]];
            if (o === null) throw trap(NULL_STRUCT);
            const w = (o as StructObj).words, p = code[pc + 3], d = (fp + code[pc + 1]) << 1;
            I[d] = w[p];
            I[d + 1] = code[pc] === Op.STRUCT_GET_W2 ? w[p + 1] : 0;
            pc += 4; continue loop;
          }
          case Op.STRUCT_NEW: {
            const base = fp + code[pc + 1];
            const o = newStructDefault(inst.typeIds[code[pc + 2]]);
            fillStruct(m, o, base);
            R[base] = o;
            pc += 3; continue loop;
          }
          case Op.REF_IS_NULL:
            I[(fp + code[pc + 1]) << 1] = R[fp + code[pc + 2]] === null ? 1 : 0;
            pc += 3; continue loop;
          case Op.REF_AS_NON_NULL: {
            const r = R[fp + code[pc + 2]];
            if (r === null) throw trap('null reference');
            R[fp + code[pc + 1]] = r;
            pc += 3; continue loop;
          }
          case Op.SELECT: {
            const d = (fp + code[pc + 1]) << 1;
            const s = I[(fp + code[pc + 4]) << 1] !== 0 ? (fp + code[pc + 2]) << 1 : (fp + code[pc + 3]) << 1;
            I[d] = I[s]; I[d + 1] = I[s + 1];
            pc += 5; continue loop;
          }
          // select on a fused compare: d a b x y
          case Op.SELECT_LT_S: case Op.SELECT_GT_S: case Op.SELECT_LT_U: case Op.SELECT_GT_U: {
            const x = I[(fp + code[pc + 4]) << 1], y = I[(fp + code[pc + 5]) << 1], op = code[pc];
            const c = op === Op.SELECT_LT_S ? x < y : op === Op.SELECT_GT_S ? x > y
              : op === Op.SELECT_LT_U ? (x >>> 0) < (y >>> 0) : (x >>> 0) > (y >>> 0);
            const d = (fp + code[pc + 1]) << 1, s = (fp + code[c ? pc + 2 : pc + 3]) << 1;
            I[d] = I[s]; I[d + 1] = I[s + 1];
            pc += 6; continue loop;
          }
          case Op.SELECT_F32_LT: case Op.SELECT_F32_GT: {
            const x = F32[(fp + code[pc + 4]) << 1], y = F32[(fp + code[pc + 5]) << 1];
            const c = code[pc] === Op.SELECT_F32_LT ? x < y : x > y;
            const d = (fp + code[pc + 1]) << 1, s = (fp + code[c ? pc + 2 : pc + 3]) << 1;
            I[d] = I[s]; I[d + 1] = I[s + 1];
            pc += 6; continue loop;
          }
          case Op.SELECT_F64_LT: case Op.SELECT_F64_GT: {
            const x = F64[fp + code[pc + 4]], y = F64[fp + code[pc + 5]];
            const c = code[pc] === Op.SELECT_F64_LT ? x < y : x > y;
            const d = (fp + code[pc + 1]) << 1, s = (fp + code[c ? pc + 2 : pc + 3]) << 1;
            I[d] = I[s]; I[d + 1] = I[s + 1];
            pc += 6; continue loop;
          }
          case Op.SELECT_REF:
            R[fp + code[pc + 1]] = I[(fp + code[pc + 4]) << 1] !== 0 ? R[fp + code[pc + 2]] : R[fp + code[pc + 3]];
            pc += 5; continue loop;
          case Op.SELECT_V128: { // rare: a copy call keeps the case small (bytecode budget)
            const s = I[(fp + code[pc + 4]) << 1] !== 0 ? (fp + code[pc + 2]) << 1 : (fp + code[pc + 3]) << 1;
            I.copyWithin((fp + code[pc + 1]) << 1, s, s + 4);
            pc += 5; continue loop;
          }
          case Op.GLOBAL_GET: {
            const g = globals[code[pc + 2]].words;
            const d = (fp + code[pc + 1]) << 1;
            I[d] = g[0]; I[d + 1] = g[1];
            pc += 3; continue loop;
          }
          case Op.GLOBAL_SET: {
            const g = globals[code[pc + 1]].words;
            const a = (fp + code[pc + 2]) << 1;
            g[0] = I[a]; if (g.length > 1) g[1] = I[a + 1];
            pc += 3; continue loop;
          }
          case Op.GLOBAL_GET_REF: R[fp + code[pc + 1]] = globals[code[pc + 2]].ref; pc += 3; continue loop;
          case Op.GLOBAL_SET_REF: globals[code[pc + 1]].ref = R[fp + code[pc + 2]]; pc += 3; continue loop;
          // v128 globals are rare: copy calls keep these cases small (bytecode budget)
          case Op.GLOBAL_GET_V128: I.set(globals[code[pc + 2]].words, (fp + code[pc + 1]) << 1); pc += 3; continue loop;
          case Op.GLOBAL_SET_V128: {
            const a = (fp + code[pc + 2]) << 1;
            globals[code[pc + 1]].words.set(I.subarray(a, a + 4));
            pc += 3; continue loop;
          }
          case Op.V128_BIN:
            SIMD_DIRECT[code[pc + 4]]!(I, (fp + code[pc + 1]) << 1, (fp + code[pc + 2]) << 1, (fp + code[pc + 3]) << 1, 0);
            pc += 5; continue loop;
          case Op.V128_UN: {
            const a = (fp + code[pc + 2]) << 1;
            SIMD_DIRECT[code[pc + 3]]!(I, (fp + code[pc + 1]) << 1, a, a, 0);
            pc += 4; continue loop;
          }
          case Op.V128_LANE:
            SIMD_OPS[code[pc + 4]]!(I, (fp + code[pc + 1]) << 1, (fp + code[pc + 2]) << 1, (fp + code[pc + 3]) << 1, code[pc + 5]);
            pc += 6; continue loop;
          case Op.V128_TERN:
            SIMD_OPS[code[pc + 5]]!(I, (fp + code[pc + 1]) << 1, (fp + code[pc + 2]) << 1, (fp + code[pc + 3]) << 1, (fp + code[pc + 4]) << 1);
            pc += 6; continue loop;
          case Op.V128_SHUFFLE:
            i8x16_shuffle(I, (fp + code[pc + 1]) << 1, (fp + code[pc + 2]) << 1, (fp + code[pc + 3]) << 1, shuffleLanes(code[pc + 4]));
            pc += 5; continue loop;
          case Op.V128_SHUFFLE_MASKED:
            i8x16_shuffle_masked(I, (fp + code[pc + 1]) << 1, (fp + code[pc + 2]) << 1, (fp + code[pc + 3]) << 1, MASKED_SHUFFLES[code[pc + 4]]);
            pc += 5; continue loop;
          // lanewise: every lane of a and b is read before d is written (d may be a or b)
          case Op.I32X4_ADD: case Op.I32X4_SUB: case Op.I32X4_MUL: case Op.V128_AND: case Op.V128_OR:
          case Op.V128_XOR: {
            const d = (fp + code[pc + 1]) << 1, a = (fp + code[pc + 2]) << 1, b = (fp + code[pc + 3]) << 1;
            const a0 = I[a], a1 = I[a + 1], a2 = I[a + 2], a3 = I[a + 3];
            const b0 = I[b], b1 = I[b + 1], b2 = I[b + 2], b3 = I[b + 3];
            switch (code[pc]) {
              case Op.I32X4_ADD: I[d] = a0 + b0; I[d + 1] = a1 + b1; I[d + 2] = a2 + b2; I[d + 3] = a3 + b3; break;
              case Op.I32X4_SUB: I[d] = a0 - b0; I[d + 1] = a1 - b1; I[d + 2] = a2 - b2; I[d + 3] = a3 - b3; break;
              case Op.I32X4_MUL:
                I[d] = Math.imul(a0, b0); I[d + 1] = Math.imul(a1, b1); I[d + 2] = Math.imul(a2, b2); I[d + 3] = Math.imul(a3, b3);
                break;
              case Op.V128_AND: I[d] = a0 & b0; I[d + 1] = a1 & b1; I[d + 2] = a2 & b2; I[d + 3] = a3 & b3; break;
              case Op.V128_OR: I[d] = a0 | b0; I[d + 1] = a1 | b1; I[d + 2] = a2 | b2; I[d + 3] = a3 | b3; break;
              default: I[d] = a0 ^ b0; I[d + 1] = a1 ^ b1; I[d + 2] = a2 ^ b2; I[d + 3] = a3 ^ b3;
            }
            pc += 4; continue loop;
          }
          // inline, not calls to simd/fast-lanes.ts: a call from this loop costs more than the lanes
          // (the same formulas; test/interpreter/fused-simd.test.ts checks them against native)
          // lane ops no hot loop of the bench needs inline any more: direct calls (bytecode budget)
          case Op.I16X8_ADD: i16x8_add(I, (fp + code[pc + 1]) << 1, (fp + code[pc + 2]) << 1, (fp + code[pc + 3]) << 1); pc += 4; continue loop;
          // a direct call (no longer inline: clang's widening multiplies are I16X8_MUL_EXTEND)
          case Op.I16X8_MUL: i16x8_mul(I, (fp + code[pc + 1]) << 1, (fp + code[pc + 2]) << 1, (fp + code[pc + 3]) << 1); pc += 4; continue loop;
          case Op.I16X8_SHR_U: i16x8_shr_u(I, (fp + code[pc + 1]) << 1, (fp + code[pc + 2]) << 1, (fp + code[pc + 3]) << 1); pc += 4; continue loop;
          case Op.I8X16_EQ: {
            // per word: top bit of each byte of t = x ^ y set where that byte differs
            const d = (fp + code[pc + 1]) << 1, a = (fp + code[pc + 2]) << 1, b = (fp + code[pc + 3]) << 1;
            const t0 = I[a] ^ I[b], t1 = I[a + 1] ^ I[b + 1], t2 = I[a + 2] ^ I[b + 2], t3 = I[a + 3] ^ I[b + 3];
            I[d] = ~Math.imul(((((t0 & 0x7f7f7f7f) + 0x7f7f7f7f) | t0) & 0x80808080) >>> 7, 0xff);
            I[d + 1] = ~Math.imul(((((t1 & 0x7f7f7f7f) + 0x7f7f7f7f) | t1) & 0x80808080) >>> 7, 0xff);
            I[d + 2] = ~Math.imul(((((t2 & 0x7f7f7f7f) + 0x7f7f7f7f) | t2) & 0x80808080) >>> 7, 0xff);
            I[d + 3] = ~Math.imul(((((t3 & 0x7f7f7f7f) + 0x7f7f7f7f) | t3) & 0x80808080) >>> 7, 0xff);
            pc += 4; continue loop;
          }
          case Op.I32X4_MAX_S: i32x4_max_s(I, (fp + code[pc + 1]) << 1, (fp + code[pc + 2]) << 1, (fp + code[pc + 3]) << 1); pc += 4; continue loop;
          case Op.I8X16_NARROW_I16X8_U: // a direct call: its in-range fast path is in fast-lanes.ts
            i8x16_narrow_i16x8_u(I, (fp + code[pc + 1]) << 1, (fp + code[pc + 2]) << 1, (fp + code[pc + 3]) << 1);
            pc += 4; continue loop;
          case Op.I32X4_SPLAT: {
            const v = I[(fp + code[pc + 2]) << 1], d = (fp + code[pc + 1]) << 1;
            I[d] = v; I[d + 1] = v; I[d + 2] = v; I[d + 3] = v;
            pc += 3; continue loop;
          }
          case Op.I64X2_SPLAT: {
            const a = (fp + code[pc + 2]) << 1, lo = I[a], hi = I[a + 1], d = (fp + code[pc + 1]) << 1;
            I[d] = lo; I[d + 1] = hi; I[d + 2] = lo; I[d + 3] = hi;
            pc += 3; continue loop;
          }
          // (clamps are F32X4_PMAX_PMIN: these two alone are direct calls, for bytecode room)
          case Op.F32X4_PMIN: f32x4_pmin(I, (fp + code[pc + 1]) << 1, (fp + code[pc + 2]) << 1, (fp + code[pc + 3]) << 1); pc += 4; continue loop;
          case Op.F32X4_PMAX: f32x4_pmax(I, (fp + code[pc + 1]) << 1, (fp + code[pc + 2]) << 1, (fp + code[pc + 3]) << 1); pc += 4; continue loop;
          case Op.F32X4_PMAX_PMIN: {
            // t = pmax(a, b) then pmin(t, c), t's float kept beside its bits for the second test
            // (unrolled: as a loop over the lanes it is about a tenth slower)
            const d = (fp + code[pc + 1]) << 1, a = (fp + code[pc + 2]) << 1, b = (fp + code[pc + 3]) << 1;
            const c = (fp + code[pc + 4]) << 1;
            let x = F32[a], y = F32[b];
            const w0 = F32[c] < (x < y ? y : x) ? I[c] : x < y ? I[b] : I[a];
            x = F32[a + 1]; y = F32[b + 1];
            const w1 = F32[c + 1] < (x < y ? y : x) ? I[c + 1] : x < y ? I[b + 1] : I[a + 1];
            x = F32[a + 2]; y = F32[b + 2];
            const w2 = F32[c + 2] < (x < y ? y : x) ? I[c + 2] : x < y ? I[b + 2] : I[a + 2];
            x = F32[a + 3]; y = F32[b + 3];
            const w3 = F32[c + 3] < (x < y ? y : x) ? I[c + 3] : x < y ? I[b + 3] : I[a + 3];
            I[d] = w0; I[d + 1] = w1; I[d + 2] = w2; I[d + 3] = w3;
            pc += 5; continue loop;
          }
          case Op.V128_OP_LOAD: {
            // d = x op mem with the loaded lanes never stored to a slot (the ops commute)
            const ea = ((I[(fp + code[pc + 4]) << 1] + code[pc + 6]) >>> 0) + (code[pc + 5] >>> 0);
            if (ea + 16 > memLen) throw trap(OOB_MEMORY);
            const d = (fp + code[pc + 1]) << 1, x = (fp + code[pc + 2]) << 1, k = code[pc + 7];
            if ((k & 2) !== 0) {
              const m0 = dv.getFloat32(ea, true), m1 = dv.getFloat32(ea + 4, true);
              const m2 = dv.getFloat32(ea + 8, true), m3 = dv.getFloat32(ea + 12, true);
              const mul = (k & 1) !== 0;
              const r0 = mul ? F32[x] * m0 : F32[x] + m0, r1 = mul ? F32[x + 1] * m1 : F32[x + 1] + m1;
              const r2 = mul ? F32[x + 2] * m2 : F32[x + 2] + m2, r3 = mul ? F32[x + 3] * m3 : F32[x + 3] + m3;
              if (r0 === r0 && r1 === r1 && r2 === r2 && r3 === r3) {
                F32[d] = r0; F32[d + 1] = r1; F32[d + 2] = r2; F32[d + 3] = r3;
              } else {
                f32x4OpLoadNaN(I, dv, ea, d, x, (fp + code[pc + 3]) << 1, k);
              }
            } else {
              const m0 = dv.getInt32(ea, true), m1 = dv.getInt32(ea + 4, true);
              const m2 = dv.getInt32(ea + 8, true), m3 = dv.getInt32(ea + 12, true);
              const mul = (k & 1) !== 0;
              const r0 = mul ? Math.imul(I[x], m0) : I[x] + m0, r1 = mul ? Math.imul(I[x + 1], m1) : I[x + 1] + m1;
              const r2 = mul ? Math.imul(I[x + 2], m2) : I[x + 2] + m2, r3 = mul ? Math.imul(I[x + 3], m3) : I[x + 3] + m3;
              if ((k & 16) === 0) {
                I[d] = r0; I[d + 1] = r1; I[d + 2] = r2; I[d + 3] = r3;
              } else { // the result goes back to memory (a[i] += x): a store that cannot trap
                dv.setInt32(ea, r0, true); dv.setInt32(ea + 4, r1, true); dv.setInt32(ea + 8, r2, true); dv.setInt32(ea + 12, r3, true);
              }
            }
            pc += 8; continue loop;
          }
          case Op.I16X8_EXTEND_LOW_I8X16_U: i16x8_extend_low_i8x16_u(I, (fp + code[pc + 1]) << 1, (fp + code[pc + 2]) << 1); pc += 3; continue loop;
          case Op.I16X8_EXTEND_HIGH_I8X16_U: i16x8_extend_high_i8x16_u(I, (fp + code[pc + 1]) << 1, (fp + code[pc + 2]) << 1); pc += 3; continue loop;
          case Op.I32X4_EXTEND_U8: {
            const x = I[(fp + code[pc + 2]) << 1], d = (fp + code[pc + 1]) << 1, k = code[pc + 3];
            I[d] = x & k; I[d + 1] = (x >>> 8) & k; I[d + 2] = (x >>> 16) & k; I[d + 3] = (x >>> 24) & k;
            pc += 4; continue loop;
          }
          case Op.I32X4_EXTEND_LOW_I16X8_U: i32x4_extend_low_i16x8_u(I, (fp + code[pc + 1]) << 1, (fp + code[pc + 2]) << 1); pc += 3; continue loop;
          case Op.I16X8_MUL_EXTEND: {
            // 16-bit lanes of x times the zero-extended bytes of a's low or high half
            const d = (fp + code[pc + 1]) << 1, x = (fp + code[pc + 2]) << 1;
            const a = ((fp + code[pc + 3]) << 1) + (code[pc + 4] << 1);
            const u = I[a], v = I[a + 1];
            const x0 = I[x], x1 = I[x + 1], x2 = I[x + 2], x3 = I[x + 3];
            I[d] = (Math.imul(x0 & 0xffff, u & 0xff) & 0xffff) | (Math.imul(x0 >>> 16, (u >>> 8) & 0xff) << 16);
            I[d + 1] = (Math.imul(x1 & 0xffff, (u >>> 16) & 0xff) & 0xffff) | (Math.imul(x1 >>> 16, u >>> 24) << 16);
            I[d + 2] = (Math.imul(x2 & 0xffff, v & 0xff) & 0xffff) | (Math.imul(x2 >>> 16, (v >>> 8) & 0xff) << 16);
            I[d + 3] = (Math.imul(x3 & 0xffff, (v >>> 16) & 0xff) & 0xffff) | (Math.imul(x3 >>> 16, v >>> 24) << 16);
            pc += 5; continue loop;
          }
          case Op.I16X8_ADD_SHR_U_IMM:
            i16x8_add_shr_u_imm(I, (fp + code[pc + 1]) << 1, (fp + code[pc + 2]) << 1, (fp + code[pc + 3]) << 1, code[pc + 4]);
            pc += 5; continue loop;
          case Op.I16X8_SHR_U_IMM: i16x8_shr_u_imm(I, (fp + code[pc + 1]) << 1, (fp + code[pc + 2]) << 1, code[pc + 3]); pc += 4; continue loop;
          case Op.V128_SHUFFLE_W:
            i8x16_shuffle_words(I, (fp + code[pc + 1]) << 1, (fp + code[pc + 2]) << 1, (fp + code[pc + 3]) << 1, code[pc + 4], code[pc + 5], code[pc + 6], code[pc + 7]);
            pc += 8; continue loop;
          case Op.V128_LOAD32_ZERO: case Op.V128_LOAD64_ZERO: {
            const ea = ((I[(fp + code[pc + 2]) << 1] + code[pc + 4]) >>> 0) + (code[pc + 3] >>> 0);
            const wide = code[pc] === Op.V128_LOAD64_ZERO;
            if (ea + (wide ? 8 : 4) > memLen) throw trap(OOB_MEMORY);
            const d = (fp + code[pc + 1]) << 1;
            I[d] = dv.getInt32(ea, true); I[d + 1] = wide ? dv.getInt32(ea + 4, true) : 0;
            I[d + 2] = 0; I[d + 3] = 0;
            pc += 5; continue loop;
          }
          case Op.F32X4_ADD: case Op.F32X4_SUB: case Op.F32X4_MUL: {
            // f32 results computed in f64 round exactly; a NaN lane takes the lane ops' NaN rule
            const op = code[pc];
            const d = (fp + code[pc + 1]) << 1, a = (fp + code[pc + 2]) << 1, b = (fp + code[pc + 3]) << 1;
            let r0, r1, r2, r3;
            if (op === Op.F32X4_MUL) {
              r0 = F32[a] * F32[b]; r1 = F32[a + 1] * F32[b + 1]; r2 = F32[a + 2] * F32[b + 2]; r3 = F32[a + 3] * F32[b + 3];
            } else if (op === Op.F32X4_ADD) {
              r0 = F32[a] + F32[b]; r1 = F32[a + 1] + F32[b + 1]; r2 = F32[a + 2] + F32[b + 2]; r3 = F32[a + 3] + F32[b + 3];
            } else {
              r0 = F32[a] - F32[b]; r1 = F32[a + 1] - F32[b + 1]; r2 = F32[a + 2] - F32[b + 2]; r3 = F32[a + 3] - F32[b + 3];
            }
            if (r0 === r0 && r1 === r1 && r2 === r2 && r3 === r3) {
              F32[d] = r0; F32[d + 1] = r1; F32[d + 2] = r2; F32[d + 3] = r3;
            } else {
              SIMD_OPS[op === Op.F32X4_MUL ? F32X4_MUL_ID : op === Op.F32X4_ADD ? F32X4_ADD_ID : F32X4_SUB_ID]!(I, d, a, b, 0);
            }
            pc += 4; continue loop;
          }
          case Op.I32_ADD_IMM_THEN_V128_LOAD: { const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3]; I[(fp + code[pc + 1]) << 1] = (a + b) | 0; pc += 4; }
          // falls through
          case Op.V128_LOAD: {
            const ea = ((I[(fp + code[pc + 2]) << 1] + code[pc + 4]) >>> 0) + (code[pc + 3] >>> 0);
            if (ea + 16 > memLen) throw trap(OOB_MEMORY);
            const d = (fp + code[pc + 1]) << 1;
            I[d] = dv.getInt32(ea, true); I[d + 1] = dv.getInt32(ea + 4, true);
            I[d + 2] = dv.getInt32(ea + 8, true); I[d + 3] = dv.getInt32(ea + 12, true);
            pc += 5; continue loop;
          }
          case Op.V128_STORE: {
            const ea = ((I[(fp + code[pc + 1]) << 1] + code[pc + 4]) >>> 0) + (code[pc + 3] >>> 0);
            if (ea + 16 > memLen) throw trap(OOB_MEMORY);
            const v = (fp + code[pc + 2]) << 1;
            dv.setInt32(ea, I[v], true); dv.setInt32(ea + 4, I[v + 1], true);
            dv.setInt32(ea + 8, I[v + 2], true); dv.setInt32(ea + 12, I[v + 3], true);
            pc += 5; continue loop;
          }
          case Op.SLOW:
            m.comp = comp; m.pc = pc; m.fp = fp;
            slowOp(m, inst, code[pc + 1], fp + code[pc + 2], code[pc + 3], code[pc + 4], code[pc + 5], code[pc + 6]);
            mem = inst.memories.length > 0 ? inst.memories[0] : null;
            u8 = mem !== null ? mem.u8 : EMPTY_U8;
            memLen = u8.length;
            dv = mem !== null ? mem.view : EMPTY_DV;
            pc += 7; continue loop;
          case Op.NUM:
            SCALAR_OPS[code[pc + 1]]!(I, (fp + code[pc + 2]) << 1, (fp + code[pc + 3]) << 1, (fp + code[pc + 4]) << 1);
            pc += 5; continue loop;
          // ---- i32 ----
          case Op.I32_EQZ: I[(fp + code[pc + 1]) << 1] = I[(fp + code[pc + 2]) << 1] === 0 ? 1 : 0; pc += 3; continue loop;
          case Op.I32_EQ: I[(fp + code[pc + 1]) << 1] = I[(fp + code[pc + 2]) << 1] === I[(fp + code[pc + 3]) << 1] ? 1 : 0; pc += 4; continue loop;
          case Op.I32_NE: I[(fp + code[pc + 1]) << 1] = I[(fp + code[pc + 2]) << 1] !== I[(fp + code[pc + 3]) << 1] ? 1 : 0; pc += 4; continue loop;
          case Op.I32_LT_S: I[(fp + code[pc + 1]) << 1] = I[(fp + code[pc + 2]) << 1] < I[(fp + code[pc + 3]) << 1] ? 1 : 0; pc += 4; continue loop;
          case Op.I32_LT_U: I[(fp + code[pc + 1]) << 1] = (I[(fp + code[pc + 2]) << 1] >>> 0) < (I[(fp + code[pc + 3]) << 1] >>> 0) ? 1 : 0; pc += 4; continue loop;
          case Op.I32_GT_S: I[(fp + code[pc + 1]) << 1] = I[(fp + code[pc + 2]) << 1] > I[(fp + code[pc + 3]) << 1] ? 1 : 0; pc += 4; continue loop;
          case Op.I32_GT_U: I[(fp + code[pc + 1]) << 1] = (I[(fp + code[pc + 2]) << 1] >>> 0) > (I[(fp + code[pc + 3]) << 1] >>> 0) ? 1 : 0; pc += 4; continue loop;
          case Op.I32_LE_S: I[(fp + code[pc + 1]) << 1] = I[(fp + code[pc + 2]) << 1] <= I[(fp + code[pc + 3]) << 1] ? 1 : 0; pc += 4; continue loop;
          case Op.I32_LE_U: I[(fp + code[pc + 1]) << 1] = (I[(fp + code[pc + 2]) << 1] >>> 0) <= (I[(fp + code[pc + 3]) << 1] >>> 0) ? 1 : 0; pc += 4; continue loop;
          case Op.I32_GE_S: I[(fp + code[pc + 1]) << 1] = I[(fp + code[pc + 2]) << 1] >= I[(fp + code[pc + 3]) << 1] ? 1 : 0; pc += 4; continue loop;
          case Op.I32_GE_U: I[(fp + code[pc + 1]) << 1] = (I[(fp + code[pc + 2]) << 1] >>> 0) >= (I[(fp + code[pc + 3]) << 1] >>> 0) ? 1 : 0; pc += 4; continue loop;
          case Op.I32_LOAD8_U_THEN_I32_EQ_THEN_I32_ADD: { // apart from its group: no opcode test, and pairs can copy it
            const ea = ((I[(fp + code[pc + 2]) << 1] + code[pc + 4]) >>> 0) + (code[pc + 3] >>> 0);
            if (ea + 1 > memLen) throw trap(OOB_MEMORY);
            I[(fp + code[pc + 1]) << 1] = u8[ea];
            pc += 5;
          }
          // falls through
          case Op.I32_ADD_THEN_I32_ADD: case Op.I32_SHL_IMM_THEN_I32_ADD: case Op.I32_EQ_THEN_I32_ADD: case Op.I32_SUB_THEN_I32_ADD:
            if (code[pc] === Op.I32_ADD_THEN_I32_ADD) { I[(fp + code[pc + 1]) << 1] = (I[(fp + code[pc + 2]) << 1] + I[(fp + code[pc + 3]) << 1]) | 0; pc += 4; }
            else if (code[pc] === Op.I32_SHL_IMM_THEN_I32_ADD) { const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3]; I[(fp + code[pc + 1]) << 1] = a << b; pc += 4; }
            else if (code[pc] === Op.I32_EQ_THEN_I32_ADD) { I[(fp + code[pc + 1]) << 1] = I[(fp + code[pc + 2]) << 1] === I[(fp + code[pc + 3]) << 1] ? 1 : 0; pc += 4; }
            else { I[(fp + code[pc + 1]) << 1] = (I[(fp + code[pc + 2]) << 1] - I[(fp + code[pc + 3]) << 1]) | 0; pc += 4; }
          // falls through
          case Op.I32_ADD: I[(fp + code[pc + 1]) << 1] = (I[(fp + code[pc + 2]) << 1] + I[(fp + code[pc + 3]) << 1]) | 0; pc += 4; continue loop;
          case Op.I32_SUB: I[(fp + code[pc + 1]) << 1] = (I[(fp + code[pc + 2]) << 1] - I[(fp + code[pc + 3]) << 1]) | 0; pc += 4; continue loop;
          case Op.I32_MUL: I[(fp + code[pc + 1]) << 1] = Math.imul(I[(fp + code[pc + 2]) << 1], I[(fp + code[pc + 3]) << 1]); pc += 4; continue loop;
          case Op.I32_DIV_S: {
            const a = I[(fp + code[pc + 2]) << 1], b = I[(fp + code[pc + 3]) << 1];
            if (b === 0) throw trap('integer divide by zero');
            if (a === -0x80000000 && b === -1) throw trap('integer overflow');
            I[(fp + code[pc + 1]) << 1] = (a / b) | 0;
            pc += 4; continue loop;
          }
          case Op.I32_DIV_U: {
            const a = I[(fp + code[pc + 2]) << 1] >>> 0, b = I[(fp + code[pc + 3]) << 1] >>> 0;
            if (b === 0) throw trap('integer divide by zero');
            I[(fp + code[pc + 1]) << 1] = (a / b) | 0;
            pc += 4; continue loop;
          }
          case Op.I32_REM_S: {
            const a = I[(fp + code[pc + 2]) << 1], b = I[(fp + code[pc + 3]) << 1];
            if (b === 0) throw trap('integer divide by zero');
            I[(fp + code[pc + 1]) << 1] = (a % b) | 0;
            pc += 4; continue loop;
          }
          case Op.I32_REM_U: {
            const a = I[(fp + code[pc + 2]) << 1] >>> 0, b = I[(fp + code[pc + 3]) << 1] >>> 0;
            if (b === 0) throw trap('integer divide by zero');
            I[(fp + code[pc + 1]) << 1] = (a % b) | 0;
            pc += 4; continue loop;
          }
          case Op.MOV_THEN_I32_AND: {
            const d = (fp + code[pc + 1]) << 1, a = (fp + code[pc + 2]) << 1;
            I[d] = I[a]; I[d + 1] = I[a + 1];
            pc += 3;
          }
          // falls through
          case Op.I32_AND: I[(fp + code[pc + 1]) << 1] = I[(fp + code[pc + 2]) << 1] & I[(fp + code[pc + 3]) << 1]; pc += 4; continue loop;
          case Op.I32_OR: I[(fp + code[pc + 1]) << 1] = I[(fp + code[pc + 2]) << 1] | I[(fp + code[pc + 3]) << 1]; pc += 4; continue loop;
          case Op.I32_SHL_IMM_THEN_I32_XOR: case Op.I64_LOAD_THEN_I32_XOR: case Op.MOV_THEN_I32_XOR:
            if (code[pc] === Op.I32_SHL_IMM_THEN_I32_XOR) { const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3]; I[(fp + code[pc + 1]) << 1] = a << b; pc += 4; }
            else if (code[pc] === Op.I64_LOAD_THEN_I32_XOR) {
              const ea = ((I[(fp + code[pc + 2]) << 1] + code[pc + 4]) >>> 0) + (code[pc + 3] >>> 0);
              if (ea + 8 > memLen) throw trap(OOB_MEMORY);
              const d = (fp + code[pc + 1]) << 1;
              I[d] = dv.getInt32(ea, true); I[d + 1] = dv.getInt32(ea + 4, true);
              pc += 5;
            }
            else {
              const d = (fp + code[pc + 1]) << 1, a = (fp + code[pc + 2]) << 1;
              I[d] = I[a]; I[d + 1] = I[a + 1];
              pc += 3;
            }
          // falls through
          case Op.I32_XOR: I[(fp + code[pc + 1]) << 1] = I[(fp + code[pc + 2]) << 1] ^ I[(fp + code[pc + 3]) << 1]; pc += 4; continue loop;
          case Op.I32_SHL: I[(fp + code[pc + 1]) << 1] = I[(fp + code[pc + 2]) << 1] << I[(fp + code[pc + 3]) << 1]; pc += 4; continue loop;
          case Op.I32_SHR_S: I[(fp + code[pc + 1]) << 1] = I[(fp + code[pc + 2]) << 1] >> I[(fp + code[pc + 3]) << 1]; pc += 4; continue loop;
          case Op.I32_SHR_U: I[(fp + code[pc + 1]) << 1] = I[(fp + code[pc + 2]) << 1] >>> I[(fp + code[pc + 3]) << 1]; pc += 4; continue loop;
          case Op.I32_ROTL: {
            const a = I[(fp + code[pc + 2]) << 1], b = I[(fp + code[pc + 3]) << 1] & 31;
            I[(fp + code[pc + 1]) << 1] = (a << b) | (a >>> ((32 - b) & 31) & (b === 0 ? 0 : -1));
            pc += 4; continue loop;
          }
          case Op.I32_ROTR: {
            const a = I[(fp + code[pc + 2]) << 1], b = I[(fp + code[pc + 3]) << 1] & 31;
            I[(fp + code[pc + 1]) << 1] = (a >>> b) | (a << ((32 - b) & 31) & (b === 0 ? 0 : -1));
            pc += 4; continue loop;
          }
          case Op.I32_CLZ: I[(fp + code[pc + 1]) << 1] = Math.clz32(I[(fp + code[pc + 2]) << 1]); pc += 3; continue loop;
          case Op.I32_CTZ: {
            const a = I[(fp + code[pc + 2]) << 1];
            I[(fp + code[pc + 1]) << 1] = a === 0 ? 32 : 31 - Math.clz32(a & -a);
            pc += 3; continue loop;
          }
          case Op.I32_POPCNT: I[(fp + code[pc + 1]) << 1] = popcnt32(I[(fp + code[pc + 2]) << 1]); pc += 3; continue loop;
          case Op.I32_EXTEND8_S: I[(fp + code[pc + 1]) << 1] = (I[(fp + code[pc + 2]) << 1] << 24) >> 24; pc += 3; continue loop;
          case Op.I32_EXTEND16_S: I[(fp + code[pc + 1]) << 1] = (I[(fp + code[pc + 2]) << 1] << 16) >> 16; pc += 3; continue loop;
          case Op.I32_WRAP_I64: I[(fp + code[pc + 1]) << 1] = I[(fp + code[pc + 2]) << 1]; pc += 3; continue loop;
          // ---- i32 with a constant right operand ----
          case Op.I32_ADD_IMM: { const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3]; I[(fp + code[pc + 1]) << 1] = (a + b) | 0; pc += 4; continue loop; }
          case Op.I32_ADD_THEN_I32_MUL_IMM: I[(fp + code[pc + 1]) << 1] = (I[(fp + code[pc + 2]) << 1] + I[(fp + code[pc + 3]) << 1]) | 0; pc += 4;
          // falls through
          case Op.I32_MUL_IMM: { const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3]; I[(fp + code[pc + 1]) << 1] = Math.imul(a, b); pc += 4; continue loop; }
          case Op.I32_AND_IMM: { const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3]; I[(fp + code[pc + 1]) << 1] = a & b; pc += 4; continue loop; }
          case Op.I32_OR_IMM: { const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3]; I[(fp + code[pc + 1]) << 1] = a | b; pc += 4; continue loop; }
          case Op.MOV_THEN_I32_XOR_IMM: {
            const d = (fp + code[pc + 1]) << 1, a = (fp + code[pc + 2]) << 1;
            I[d] = I[a]; I[d + 1] = I[a + 1];
            pc += 3;
          }
          // falls through
          case Op.I32_XOR_IMM: { const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3]; I[(fp + code[pc + 1]) << 1] = a ^ b; pc += 4; continue loop; }
          case Op.I32_SHL_IMM: { const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3]; I[(fp + code[pc + 1]) << 1] = a << b; pc += 4; continue loop; }
          case Op.I32_SHR_S_IMM: { const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3]; I[(fp + code[pc + 1]) << 1] = a >> b; pc += 4; continue loop; }
          case Op.I32_ADD_THEN_I32_SHR_U_IMM: I[(fp + code[pc + 1]) << 1] = (I[(fp + code[pc + 2]) << 1] + I[(fp + code[pc + 3]) << 1]) | 0; pc += 4;
          // falls through
          case Op.I32_SHR_U_IMM: { const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3]; I[(fp + code[pc + 1]) << 1] = a >>> b; pc += 4; continue loop; }
          case Op.I32_ADD_IMM_BR:
            I[(fp + code[pc + 1]) << 1] = (I[(fp + code[pc + 2]) << 1] + code[pc + 3]) | 0;
            head = code[pc + 4];
            break arrive;
          case Op.MOV_THEN_I32_ADD_IMM_BR_IF: {
            const d = (fp + code[pc + 1]) << 1, a = (fp + code[pc + 2]) << 1;
            I[d] = I[a]; I[d + 1] = I[a + 1];
            pc += 3;
          }
          // falls through
          case Op.I32_ADD_IMM_BR_IF: {
            const v = (I[(fp + code[pc + 2]) << 1] + code[pc + 3]) | 0;
            I[(fp + code[pc + 1]) << 1] = v;
            head = v !== 0 ? code[pc + 4] : pc + 5;
            break arrive;
          }
          case Op.I32_ADD_IMM2_THEN_I32_ADD_IMM_BR_IF_NE:
            I[(fp + code[pc + 1]) << 1] = (I[(fp + code[pc + 2]) << 1] + code[pc + 3]) | 0;
            I[(fp + code[pc + 4]) << 1] = (I[(fp + code[pc + 5]) << 1] + code[pc + 6]) | 0;
            pc += 7;
          // falls through
          case Op.I32_ADD_IMM_BR_IF_NE:
            I[(fp + code[pc + 1]) << 1] = (I[(fp + code[pc + 2]) << 1] + code[pc + 3]) | 0;
            head = I[(fp + code[pc + 4]) << 1] !== I[(fp + code[pc + 5]) << 1] ? code[pc + 6] : pc + 7;
            break arrive;
          case Op.MOV_THEN_I32_ADD_IMM_BR_IF_NE_IMM: {
            const d = (fp + code[pc + 1]) << 1, a = (fp + code[pc + 2]) << 1;
            I[d] = I[a]; I[d + 1] = I[a + 1];
            pc += 3;
          }
          // falls through
          case Op.I32_ADD_IMM_BR_IF_NE_IMM:
            I[(fp + code[pc + 1]) << 1] = (I[(fp + code[pc + 2]) << 1] + code[pc + 3]) | 0;
            head = I[(fp + code[pc + 4]) << 1] !== code[pc + 5] ? code[pc + 6] : pc + 7;
            break arrive;
          case Op.I32_STORE_THEN_I32_ADD_IMM_LOOP: {
            const ea = ((I[(fp + code[pc + 1]) << 1] + code[pc + 4]) >>> 0) + (code[pc + 3] >>> 0);
            if (ea + 4 > memLen) throw trap(OOB_MEMORY);
            dv.setInt32(ea, I[(fp + code[pc + 2]) << 1], true);
            pc += 5;
          }
          // falls through
          case Op.BR_LOOP: case Op.I32_ADD_IMM_LOOP: {
            let p = pc;
            if (code[pc] === Op.I32_ADD_IMM_LOOP) {
              I[(fp + code[pc + 1]) << 1] = (I[(fp + code[pc + 2]) << 1] + code[pc + 3]) | 0;
              p = pc + 3;
            }
            // p + 1..7: test x k cost exit body header
            const cost = code[p + 4];
            if (fuel >= cost) {
              fuel -= cost;
              const t = code[p + 1];
              const flip = (t & 8) << 28; // unsigned: compare with the sign bits flipped
              const x = I[(fp + code[p + 2]) << 1] ^ flip, k = code[p + 3] ^ flip;
              if ((t & (x < k ? 1 : x === k ? 2 : 4)) !== 0) {
                head = code[p + 5];
              } else {
                // the body starts with its FUEL (translate.ts checked): paid here when it can be
                const body = code[p + 6], c = code[body + 1];
                if (fuel >= c) { fuel -= c; pc = body + 3; continue loop; }
                head = body;
              }
            } else {
              head = code[p + 7]; // the header pays (or pauses) as usual
            }
            break arrive;
          }
          case Op.I32_STORE_IMM: {
            const ea = ((I[(fp + code[pc + 1]) << 1] + code[pc + 4]) >>> 0) + (code[pc + 3] >>> 0);
            if (ea + 4 > memLen) throw trap(OOB_MEMORY);
            dv.setInt32(ea, code[pc + 2], true);
            pc += 5; continue loop;
          }
          case Op.I32_STORE8_IMM: {
            const ea = ((I[(fp + code[pc + 1]) << 1] + code[pc + 4]) >>> 0) + (code[pc + 3] >>> 0);
            if (ea + 1 > memLen) throw trap(OOB_MEMORY);
            u8[ea] = code[pc + 2];
            pc += 5; continue loop;
          }
          case Op.I32_STORE16_IMM: {
            const ea = ((I[(fp + code[pc + 1]) << 1] + code[pc + 4]) >>> 0) + (code[pc + 3] >>> 0);
            if (ea + 2 > memLen) throw trap(OOB_MEMORY);
            dv.setInt16(ea, code[pc + 2], true);
            pc += 5; continue loop;
          }
          case Op.I64_STORE_IMM: {
            const ea = ((I[(fp + code[pc + 1]) << 1] + code[pc + 4]) >>> 0) + (code[pc + 3] >>> 0);
            if (ea + 8 > memLen) throw trap(OOB_MEMORY);
            dv.setInt32(ea, code[pc + 2], true); dv.setInt32(ea + 4, code[pc + 5], true);
            pc += 6; continue loop;
          }
          case Op.I32_ADD_IMM2:
            I[(fp + code[pc + 1]) << 1] = (I[(fp + code[pc + 2]) << 1] + code[pc + 3]) | 0;
            I[(fp + code[pc + 4]) << 1] = (I[(fp + code[pc + 5]) << 1] + code[pc + 6]) | 0;
            pc += 7; continue loop;
          case Op.I32_ROTL_IMM: { // b in 0..31
            const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3];
            I[(fp + code[pc + 1]) << 1] = b === 0 ? a : (a << b) | (a >>> (32 - b));
            pc += 4; continue loop;
          }
          // rotl by k in 0..31 is (x << k) | (x >>> (32 - k)): a count of 32 shifts by 0
          case Op.I32_ROTL_XOR2: {
            const x = I[(fp + code[pc + 2]) << 1], k1 = code[pc + 3], k2 = code[pc + 4];
            I[(fp + code[pc + 1]) << 1] = ((x << k1) | (x >>> (32 - k1))) ^ ((x << k2) | (x >>> (32 - k2)));
            pc += 5; continue loop;
          }
          case Op.I32_LOAD_THEN_I32_ROTL_XOR2_SHR: case Op.MOV_THEN_I32_ROTL_XOR3:
            if (code[pc] === Op.I32_LOAD_THEN_I32_ROTL_XOR2_SHR) {
              const ea = ((I[(fp + code[pc + 2]) << 1] + code[pc + 4]) >>> 0) + (code[pc + 3] >>> 0);
              if (ea + 4 > memLen) throw trap(OOB_MEMORY);
              I[(fp + code[pc + 1]) << 1] = dv.getInt32(ea, true);
              pc += 5;
            }
            else {
              const d = (fp + code[pc + 1]) << 1, a = (fp + code[pc + 2]) << 1;
              I[d] = I[a]; I[d + 1] = I[a + 1];
              pc += 3;
            }
          // falls through
          case Op.I32_ROTL_XOR3: case Op.I32_ROTL_XOR2_SHR: {
            const x = I[(fp + code[pc + 2]) << 1], k1 = code[pc + 3], k2 = code[pc + 4], k3 = code[pc + 5];
            const r = ((x << k1) | (x >>> (32 - k1))) ^ ((x << k2) | (x >>> (32 - k2)));
            I[(fp + code[pc + 1]) << 1] = r ^ (code[pc] === Op.I32_ROTL_XOR3 ? (x << k3) | (x >>> (32 - k3)) : x >>> k3);
            pc += 6; continue loop;
          }
          case Op.I32_EQ_IMM: { const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3]; I[(fp + code[pc + 1]) << 1] = a === b ? 1 : 0; pc += 4; continue loop; }
          case Op.I32_NE_IMM: { const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3]; I[(fp + code[pc + 1]) << 1] = a !== b ? 1 : 0; pc += 4; continue loop; }
          case Op.I32_LT_S_IMM: { const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3]; I[(fp + code[pc + 1]) << 1] = a < b ? 1 : 0; pc += 4; continue loop; }
          case Op.I32_LT_U_IMM: { const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3]; I[(fp + code[pc + 1]) << 1] = (a >>> 0) < (b >>> 0) ? 1 : 0; pc += 4; continue loop; }
          case Op.I32_GT_S_IMM: { const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3]; I[(fp + code[pc + 1]) << 1] = a > b ? 1 : 0; pc += 4; continue loop; }
          case Op.I32_ADD_THEN_I32_GT_U_IMM: I[(fp + code[pc + 1]) << 1] = (I[(fp + code[pc + 2]) << 1] + I[(fp + code[pc + 3]) << 1]) | 0; pc += 4;
          // falls through
          case Op.I32_GT_U_IMM: { const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3]; I[(fp + code[pc + 1]) << 1] = (a >>> 0) > (b >>> 0) ? 1 : 0; pc += 4; continue loop; }
          case Op.I32_LE_S_IMM: { const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3]; I[(fp + code[pc + 1]) << 1] = a <= b ? 1 : 0; pc += 4; continue loop; }
          case Op.I32_LE_U_IMM: { const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3]; I[(fp + code[pc + 1]) << 1] = (a >>> 0) <= (b >>> 0) ? 1 : 0; pc += 4; continue loop; }
          case Op.I32_GE_S_IMM: { const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3]; I[(fp + code[pc + 1]) << 1] = a >= b ? 1 : 0; pc += 4; continue loop; }
          case Op.I32_GE_U_IMM: { const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3]; I[(fp + code[pc + 1]) << 1] = (a >>> 0) >= (b >>> 0) ? 1 : 0; pc += 4; continue loop; }
          case Op.BR_IF_EQ_IMM: { const a = I[(fp + code[pc + 1]) << 1], b = code[pc + 2]; head = a === b ? code[pc + 3] : pc + 4; break arrive; }
          case Op.I32_ADD_IMM2_THEN_BR_IF_NE_IMM:
            I[(fp + code[pc + 1]) << 1] = (I[(fp + code[pc + 2]) << 1] + code[pc + 3]) | 0;
            I[(fp + code[pc + 4]) << 1] = (I[(fp + code[pc + 5]) << 1] + code[pc + 6]) | 0;
            pc += 7;
          // falls through
          case Op.BR_IF_NE_IMM: { const a = I[(fp + code[pc + 1]) << 1], b = code[pc + 2]; head = a !== b ? code[pc + 3] : pc + 4; break arrive; }
          case Op.BR_IF_LT_S_IMM: { const a = I[(fp + code[pc + 1]) << 1], b = code[pc + 2]; head = a < b ? code[pc + 3] : pc + 4; break arrive; }
          case Op.I32_STORE8_IMM_THEN_I32_ADD_THEN_BR_IF_LT_U_IMM: {
            const ea = ((I[(fp + code[pc + 1]) << 1] + code[pc + 4]) >>> 0) + (code[pc + 3] >>> 0);
            if (ea + 1 > memLen) throw trap(OOB_MEMORY);
            u8[ea] = code[pc + 2];
            pc += 5;
          }
          // falls through
          case Op.I32_ADD_THEN_BR_IF_LT_U_IMM: I[(fp + code[pc + 1]) << 1] = (I[(fp + code[pc + 2]) << 1] + I[(fp + code[pc + 3]) << 1]) | 0; pc += 4;
          // falls through
          case Op.BR_IF_LT_U_IMM: { const a = I[(fp + code[pc + 1]) << 1], b = code[pc + 2]; head = (a >>> 0) < (b >>> 0) ? code[pc + 3] : pc + 4; break arrive; }
          case Op.BR_IF_GT_S_IMM: { const a = I[(fp + code[pc + 1]) << 1], b = code[pc + 2]; head = a > b ? code[pc + 3] : pc + 4; break arrive; }
          case Op.BR_IF_GT_U_IMM: { const a = I[(fp + code[pc + 1]) << 1], b = code[pc + 2]; head = (a >>> 0) > (b >>> 0) ? code[pc + 3] : pc + 4; break arrive; }
          case Op.BR_IF_LE_S_IMM: { const a = I[(fp + code[pc + 1]) << 1], b = code[pc + 2]; head = a <= b ? code[pc + 3] : pc + 4; break arrive; }
          case Op.BR_IF_LE_U_IMM: { const a = I[(fp + code[pc + 1]) << 1], b = code[pc + 2]; head = (a >>> 0) <= (b >>> 0) ? code[pc + 3] : pc + 4; break arrive; }
          case Op.BR_IF_GE_S_IMM: { const a = I[(fp + code[pc + 1]) << 1], b = code[pc + 2]; head = a >= b ? code[pc + 3] : pc + 4; break arrive; }
          case Op.BR_IF_GE_U_IMM: { const a = I[(fp + code[pc + 1]) << 1], b = code[pc + 2]; head = (a >>> 0) >= (b >>> 0) ? code[pc + 3] : pc + 4; break arrive; }
          // ---- i64 on (lo, hi) words ----
          case Op.I64_EQZ: {
            const a = (fp + code[pc + 2]) << 1;
            I[(fp + code[pc + 1]) << 1] = (I[a] | I[a + 1]) === 0 ? 1 : 0;
            pc += 3; continue loop;
          }
          case Op.I64_EQ: case Op.I64_NE: {
            const a = (fp + code[pc + 2]) << 1, b = (fp + code[pc + 3]) << 1;
            const eq = I[a] === I[b] && I[a + 1] === I[b + 1];
            I[(fp + code[pc + 1]) << 1] = (eq === (code[pc] === Op.I64_EQ)) ? 1 : 0;
            pc += 4; continue loop;
          }
          case Op.I64_ADD_THEN_I64_LT_U: {
            const a = (fp + code[pc + 2]) << 1, b = (fp + code[pc + 3]) << 1, d = (fp + code[pc + 1]) << 1;
            const al = I[a], lo = (al + I[b]) | 0;
            const hi = (I[a + 1] + I[b + 1] + ((lo >>> 0) < (al >>> 0) ? 1 : 0)) | 0;
            I[d] = lo; I[d + 1] = hi;
            pc += 4;
          }
          // falls through
          case Op.I64_LT_S: case Op.I64_LT_U: case Op.I64_GT_S: case Op.I64_GT_U:
          case Op.I64_LE_S: case Op.I64_LE_U: case Op.I64_GE_S: case Op.I64_GE_U: {
            const a = (fp + code[pc + 2]) << 1, b = (fp + code[pc + 3]) << 1;
            const op = code[pc];
            const signed = op === Op.I64_LT_S || op === Op.I64_GT_S || op === Op.I64_LE_S || op === Op.I64_GE_S;
            const ah = I[a + 1], bh = I[b + 1];
            let c: number;
            if (ah !== bh) c = signed ? (ah < bh ? -1 : 1) : ((ah >>> 0) < (bh >>> 0) ? -1 : 1);
            else { const al = I[a] >>> 0, bl = I[b] >>> 0; c = al < bl ? -1 : al > bl ? 1 : 0; }
            let r: boolean;
            switch (op) {
              case Op.I64_LT_S: case Op.I64_LT_U: r = c < 0; break;
              case Op.I64_GT_S: case Op.I64_GT_U: r = c > 0; break;
              case Op.I64_LE_S: case Op.I64_LE_U: r = c <= 0; break;
              default: r = c >= 0;
            }
            I[(fp + code[pc + 1]) << 1] = r ? 1 : 0;
            pc += 4; continue loop;
          }
          // carries in int32 arithmetic: the low sum wrapped below an addend (unsigned) carried
          case Op.I64_ADD: {
            const a = (fp + code[pc + 2]) << 1, b = (fp + code[pc + 3]) << 1, d = (fp + code[pc + 1]) << 1;
            const al = I[a], lo = (al + I[b]) | 0;
            const hi = (I[a + 1] + I[b + 1] + ((lo >>> 0) < (al >>> 0) ? 1 : 0)) | 0;
            I[d] = lo; I[d + 1] = hi;
            pc += 4; continue loop;
          }
          case Op.I64_SUB: {
            const a = (fp + code[pc + 2]) << 1, b = (fp + code[pc + 3]) << 1, d = (fp + code[pc + 1]) << 1;
            const al = I[a], bl = I[b];
            const hi = (I[a + 1] - I[b + 1] - ((al >>> 0) < (bl >>> 0) ? 1 : 0)) | 0;
            I[d] = (al - bl) | 0; I[d + 1] = hi;
            pc += 4; continue loop;
          }
          case Op.I64_AND: {
            const a = (fp + code[pc + 2]) << 1, b = (fp + code[pc + 3]) << 1, d = (fp + code[pc + 1]) << 1;
            const lo = I[a] & I[b], hi = I[a + 1] & I[b + 1];
            I[d] = lo; I[d + 1] = hi;
            pc += 4; continue loop;
          }
          case Op.I64_OR: {
            const a = (fp + code[pc + 2]) << 1, b = (fp + code[pc + 3]) << 1, d = (fp + code[pc + 1]) << 1;
            const lo = I[a] | I[b], hi = I[a + 1] | I[b + 1];
            I[d] = lo; I[d + 1] = hi;
            pc += 4; continue loop;
          }
          case Op.I64_XOR_THEN_I64_SHR_U_IMM_THEN_I64_XOR: {
            const a = (fp + code[pc + 2]) << 1, b = (fp + code[pc + 3]) << 1, d = (fp + code[pc + 1]) << 1;
            const lo = I[a] ^ I[b], hi = I[a + 1] ^ I[b + 1];
            I[d] = lo; I[d + 1] = hi;
            pc += 4;
          }
          // falls through
          case Op.I64_SHR_U_IMM_THEN_I64_XOR: {
            const a = (fp + code[pc + 2]) << 1, d = (fp + code[pc + 1]) << 1;
            const n = code[pc + 3] & 63;
            const al = I[a], ah = I[a + 1];
            if (n === 0) { I[d] = al; I[d + 1] = ah; }
            else if (n < 32) { I[d] = (al >>> n) | (ah << (32 - n)); I[d + 1] = ah >>> n; }
            else { I[d] = ah >>> (n - 32); I[d + 1] = 0; }
            pc += 5;
          }
          // falls through
          case Op.I64_XOR: {
            const a = (fp + code[pc + 2]) << 1, b = (fp + code[pc + 3]) << 1, d = (fp + code[pc + 1]) << 1;
            const lo = I[a] ^ I[b], hi = I[a + 1] ^ I[b + 1];
            I[d] = lo; I[d + 1] = hi;
            pc += 4; continue loop;
          }
          case Op.I64_SHL: {
            const a = (fp + code[pc + 2]) << 1, d = (fp + code[pc + 1]) << 1;
            const n = I[(fp + code[pc + 3]) << 1] & 63;
            const al = I[a], ah = I[a + 1];
            if (n === 0) { I[d] = al; I[d + 1] = ah; }
            else if (n < 32) { I[d + 1] = (ah << n) | (al >>> (32 - n)); I[d] = al << n; }
            else { I[d + 1] = al << (n - 32); I[d] = 0; }
            pc += 4; continue loop;
          }
          case Op.I64_SHR_S: {
            const a = (fp + code[pc + 2]) << 1, d = (fp + code[pc + 1]) << 1;
            const n = I[(fp + code[pc + 3]) << 1] & 63;
            const al = I[a], ah = I[a + 1];
            if (n === 0) { I[d] = al; I[d + 1] = ah; }
            else if (n < 32) { I[d] = (al >>> n) | (ah << (32 - n)); I[d + 1] = ah >> n; }
            else { I[d] = ah >> (n - 32); I[d + 1] = ah >> 31; }
            pc += 4; continue loop;
          }
          case Op.I32_AND_IMM_THEN_I64_SHR_U: { const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3]; I[(fp + code[pc + 1]) << 1] = a & b; pc += 4; }
          // falls through
          case Op.I64_SHR_U: {
            const a = (fp + code[pc + 2]) << 1, d = (fp + code[pc + 1]) << 1;
            const n = I[(fp + code[pc + 3]) << 1] & 63;
            const al = I[a], ah = I[a + 1];
            if (n === 0) { I[d] = al; I[d + 1] = ah; }
            else if (n < 32) { I[d] = (al >>> n) | (ah << (32 - n)); I[d + 1] = ah >>> n; }
            else { I[d] = ah >>> (n - 32); I[d + 1] = 0; }
            pc += 4; continue loop;
          }
          case Op.I64_EXTEND_I32_S: {
            const d = (fp + code[pc + 1]) << 1;
            const v = I[(fp + code[pc + 2]) << 1];
            I[d] = v; I[d + 1] = v >> 31;
            pc += 3; continue loop;
          }
          case Op.I64_EXTEND_I32_U: {
            const d = (fp + code[pc + 1]) << 1;
            I[d] = I[(fp + code[pc + 2]) << 1]; I[d + 1] = 0;
            pc += 3; continue loop;
          }
          // multiply and rotate inline: the run loop is too big for V8 to inline callees reliably
          case Op.I64_MUL: {
            const a = (fp + code[pc + 2]) << 1, b = (fp + code[pc + 3]) << 1;
            const al = I[a], bl = I[b];
            const hi = (mulHi(al, bl) + Math.imul(I[a + 1], bl) + Math.imul(al, I[b + 1])) | 0;
            const d = (fp + code[pc + 1]) << 1;
            I[d] = Math.imul(al, bl); I[d + 1] = hi;
            pc += 4; continue loop;
          }
          case Op.I64_MUL_IMM: {
            const a = (fp + code[pc + 2]) << 1;
            const al = I[a], bl = code[pc + 3];
            const hi = (mulHi(al, bl) + Math.imul(I[a + 1], bl) + Math.imul(al, code[pc + 4])) | 0;
            const d = (fp + code[pc + 1]) << 1;
            I[d] = Math.imul(al, bl); I[d + 1] = hi;
            pc += 5; continue loop;
          }
          case Op.I64_ROTL: case Op.I64_ROTR: case Op.I64_ROTL_IMM: {
            const a = (fp + code[pc + 2]) << 1;
            const op = code[pc];
            let k = op === Op.I64_ROTL_IMM ? code[pc + 3] & 63 : I[(fp + code[pc + 3]) << 1] & 63;
            if (op === Op.I64_ROTR) k = (64 - k) & 63;
            let lo = I[a], hi = I[a + 1];
            if (k >= 32) { const t = lo; lo = hi; hi = t; k -= 32; }
            const d = (fp + code[pc + 1]) << 1;
            if (k === 0) { I[d] = lo; I[d + 1] = hi; }
            else { I[d] = (lo << k) | (hi >>> (32 - k)); I[d + 1] = (hi << k) | (lo >>> (32 - k)); }
            pc += op === Op.I64_ROTL_IMM ? 5 : 4; continue loop;
          }
          case Op.I64_XOR_SHR_U_IMM_THEN_I64_XOR_ROTL_IMM: {
            const a = (fp + code[pc + 2]) << 1, d = (fp + code[pc + 1]) << 1;
            const n = code[pc + 3] & 63;
            const al = I[a], ah = I[a + 1];
            let sl: number, sh: number;
            if (n === 0) { sl = al; sh = ah; }
            else if (n < 32) { sl = (al >>> n) | (ah << (32 - n)); sh = ah >>> n; }
            else { sl = ah >>> (n - 32); sh = 0; }
            I[d] = al ^ sl; I[d + 1] = ah ^ sh;
            pc += 4;
          }
          // falls through
          case Op.I64_XOR_ROTL_IMM: {
            const a = (fp + code[pc + 3]) << 1, x = (fp + code[pc + 2]) << 1;
            let k = code[pc + 4], lo = I[a], hi = I[a + 1];
            if (k >= 32) { const t = lo; lo = hi; hi = t; k -= 32; }
            const rl = k === 0 ? lo : (lo << k) | (hi >>> (32 - k));
            const rh = k === 0 ? hi : (hi << k) | (lo >>> (32 - k));
            const d = (fp + code[pc + 1]) << 1;
            I[d] = I[x] ^ rl; I[d + 1] = I[x + 1] ^ rh;
            pc += 5; continue loop;
          }
          case Op.I64_DIV_U: i64_div_u(I, (fp + code[pc + 1]) << 1, (fp + code[pc + 2]) << 1, (fp + code[pc + 3]) << 1); pc += 4; continue loop;
          case Op.I64_REM_U: i64_rem_u(I, (fp + code[pc + 1]) << 1, (fp + code[pc + 2]) << 1, (fp + code[pc + 3]) << 1); pc += 4; continue loop;
          case Op.I64_DIV_S: i64_div_s(I, (fp + code[pc + 1]) << 1, (fp + code[pc + 2]) << 1, (fp + code[pc + 3]) << 1); pc += 4; continue loop;
          case Op.I64_REM_S: i64_rem_s(I, (fp + code[pc + 1]) << 1, (fp + code[pc + 2]) << 1, (fp + code[pc + 3]) << 1); pc += 4; continue loop;
          // ---- i64 with a constant right operand: d a lo hi ----
          case Op.I64_ADD_THEN_I64_ADD_IMM: {
            const a = (fp + code[pc + 2]) << 1, b = (fp + code[pc + 3]) << 1, d = (fp + code[pc + 1]) << 1;
            const al = I[a], lo = (al + I[b]) | 0;
            const hi = (I[a + 1] + I[b + 1] + ((lo >>> 0) < (al >>> 0) ? 1 : 0)) | 0;
            I[d] = lo; I[d + 1] = hi;
            pc += 4;
          }
          // falls through
          case Op.I64_ADD_IMM: {
            const a = (fp + code[pc + 2]) << 1, d = (fp + code[pc + 1]) << 1;
            const al = I[a], lo = (al + code[pc + 3]) | 0;
            const hi = (I[a + 1] + code[pc + 4] + ((lo >>> 0) < (al >>> 0) ? 1 : 0)) | 0;
            I[d] = lo; I[d + 1] = hi;
            pc += 5; continue loop;
          }
          case Op.I64_AND_IMM: {
            const a = (fp + code[pc + 2]) << 1, d = (fp + code[pc + 1]) << 1;
            const lo = I[a] & code[pc + 3], hi = I[a + 1] & code[pc + 4];
            I[d] = lo; I[d + 1] = hi;
            pc += 5; continue loop;
          }
          case Op.I64_OR_IMM: {
            const a = (fp + code[pc + 2]) << 1, d = (fp + code[pc + 1]) << 1;
            const lo = I[a] | code[pc + 3], hi = I[a + 1] | code[pc + 4];
            I[d] = lo; I[d + 1] = hi;
            pc += 5; continue loop;
          }
          case Op.I64_XOR_IMM: {
            const a = (fp + code[pc + 2]) << 1, d = (fp + code[pc + 1]) << 1;
            const lo = I[a] ^ code[pc + 3], hi = I[a + 1] ^ code[pc + 4];
            I[d] = lo; I[d + 1] = hi;
            pc += 5; continue loop;
          }
          case Op.I64_SHL_IMM: {
            const a = (fp + code[pc + 2]) << 1, d = (fp + code[pc + 1]) << 1;
            const n = code[pc + 3] & 63;
            const al = I[a], ah = I[a + 1];
            if (n === 0) { I[d] = al; I[d + 1] = ah; }
            else if (n < 32) { I[d + 1] = (ah << n) | (al >>> (32 - n)); I[d] = al << n; }
            else { I[d + 1] = al << (n - 32); I[d] = 0; }
            pc += 5; continue loop;
          }
          case Op.I64_SHR_S_IMM: {
            const a = (fp + code[pc + 2]) << 1, d = (fp + code[pc + 1]) << 1;
            const n = code[pc + 3] & 63;
            const al = I[a], ah = I[a + 1];
            if (n === 0) { I[d] = al; I[d + 1] = ah; }
            else if (n < 32) { I[d] = (al >>> n) | (ah << (32 - n)); I[d + 1] = ah >> n; }
            else { I[d] = ah >> (n - 32); I[d + 1] = ah >> 31; }
            pc += 5; continue loop;
          }
          case Op.I64_SHR_U_IMM: {
            const a = (fp + code[pc + 2]) << 1, d = (fp + code[pc + 1]) << 1;
            const n = code[pc + 3] & 63;
            const al = I[a], ah = I[a + 1];
            if (n === 0) { I[d] = al; I[d + 1] = ah; }
            else if (n < 32) { I[d] = (al >>> n) | (ah << (32 - n)); I[d + 1] = ah >>> n; }
            else { I[d] = ah >>> (n - 32); I[d + 1] = 0; }
            pc += 5; continue loop;
          }
          case Op.I64_XOR_SHR_U_MUL_IMM: {
            const a = (fp + code[pc + 2]) << 1;
            const n = code[pc + 3] & 63;
            const al = I[a], ah = I[a + 1];
            let sl: number, sh: number;
            if (n === 0) { sl = al; sh = ah; }
            else if (n < 32) { sl = (al >>> n) | (ah << (32 - n)); sh = ah >>> n; }
            else { sl = ah >>> (n - 32); sh = 0; }
            const zl = al ^ sl, zh = ah ^ sh, bl = code[pc + 4];
            const d = (fp + code[pc + 1]) << 1;
            I[d + 1] = (mulHi(zl, bl) + Math.imul(zh, bl) + Math.imul(zl, code[pc + 5])) | 0;
            I[d] = Math.imul(zl, bl);
            pc += 6; continue loop;
          }
          case Op.I64_XOR_SHR_U_IMM: {
            const a = (fp + code[pc + 2]) << 1, d = (fp + code[pc + 1]) << 1;
            const n = code[pc + 3] & 63;
            const al = I[a], ah = I[a + 1];
            let sl: number, sh: number;
            if (n === 0) { sl = al; sh = ah; }
            else if (n < 32) { sl = (al >>> n) | (ah << (32 - n)); sh = ah >>> n; }
            else { sl = ah >>> (n - 32); sh = 0; }
            I[d] = al ^ sl; I[d + 1] = ah ^ sh;
            pc += 4; continue loop;
          }
          // ---- floats: inline unless the result is a NaN (numerics/ picks its bits) ----
          case Op.F32_ADD: {
            const d = (fp + code[pc + 1]) << 1, a = (fp + code[pc + 2]) << 1, b = (fp + code[pc + 3]) << 1;
            const r = F32[a] + F32[b];
            if (r === r) F32[d] = r; else F32_ADD(I, d, a, b);
            pc += 4; continue loop;
          }
          case Op.F32_SUB: {
            const d = (fp + code[pc + 1]) << 1, a = (fp + code[pc + 2]) << 1, b = (fp + code[pc + 3]) << 1;
            const r = F32[a] - F32[b];
            if (r === r) F32[d] = r; else F32_SUB(I, d, a, b);
            pc += 4; continue loop;
          }
          case Op.F32_MUL: {
            const d = (fp + code[pc + 1]) << 1, a = (fp + code[pc + 2]) << 1, b = (fp + code[pc + 3]) << 1;
            const r = F32[a] * F32[b];
            if (r === r) F32[d] = r; else F32_MUL(I, d, a, b);
            pc += 4; continue loop;
          }
          case Op.F32_DIV: {
            const d = (fp + code[pc + 1]) << 1, a = (fp + code[pc + 2]) << 1, b = (fp + code[pc + 3]) << 1;
            const r = F32[a] / F32[b];
            if (r === r) F32[d] = r; else F32_DIV(I, d, a, b);
            pc += 4; continue loop;
          }
          case Op.F32_EQ: I[(fp + code[pc + 1]) << 1] = F32[(fp + code[pc + 2]) << 1] === F32[(fp + code[pc + 3]) << 1] ? 1 : 0; pc += 4; continue loop;
          case Op.F32_NE: I[(fp + code[pc + 1]) << 1] = F32[(fp + code[pc + 2]) << 1] !== F32[(fp + code[pc + 3]) << 1] ? 1 : 0; pc += 4; continue loop;
          case Op.F32_LT: I[(fp + code[pc + 1]) << 1] = F32[(fp + code[pc + 2]) << 1] < F32[(fp + code[pc + 3]) << 1] ? 1 : 0; pc += 4; continue loop;
          case Op.F32_GT: I[(fp + code[pc + 1]) << 1] = F32[(fp + code[pc + 2]) << 1] > F32[(fp + code[pc + 3]) << 1] ? 1 : 0; pc += 4; continue loop;
          case Op.F32_LE: I[(fp + code[pc + 1]) << 1] = F32[(fp + code[pc + 2]) << 1] <= F32[(fp + code[pc + 3]) << 1] ? 1 : 0; pc += 4; continue loop;
          case Op.F32_GE: I[(fp + code[pc + 1]) << 1] = F32[(fp + code[pc + 2]) << 1] >= F32[(fp + code[pc + 3]) << 1] ? 1 : 0; pc += 4; continue loop;
          case Op.F64_ADD: {
            const d = fp + code[pc + 1], a = fp + code[pc + 2], b = fp + code[pc + 3];
            const r = F64[a] + F64[b];
            if (r === r) F64[d] = r; else F64_ADD(I, d << 1, a << 1, b << 1);
            pc += 4; continue loop;
          }
          case Op.F64_SUB: {
            const d = fp + code[pc + 1], a = fp + code[pc + 2], b = fp + code[pc + 3];
            const r = F64[a] - F64[b];
            if (r === r) F64[d] = r; else F64_SUB(I, d << 1, a << 1, b << 1);
            pc += 4; continue loop;
          }
          case Op.I32_ADD_IMM_THEN_F64_MUL2: { const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3]; I[(fp + code[pc + 1]) << 1] = (a + b) | 0; pc += 4; }
          // falls through
          case Op.F64_MUL_THEN_F64_MUL: {
            const d = fp + code[pc + 1], a = fp + code[pc + 2], b = fp + code[pc + 3];
            const r = F64[a] * F64[b];
            if (r === r) F64[d] = r; else F64_MUL(I, d << 1, a << 1, b << 1);
            pc += 4;
          }
          // falls through
          case Op.F64_MUL: {
            const d = fp + code[pc + 1], a = fp + code[pc + 2], b = fp + code[pc + 3];
            const r = F64[a] * F64[b];
            if (r === r) F64[d] = r; else F64_MUL(I, d << 1, a << 1, b << 1);
            pc += 4; continue loop;
          }
          case Op.F64_DIV: {
            const d = fp + code[pc + 1], a = fp + code[pc + 2], b = fp + code[pc + 3];
            const r = F64[a] / F64[b];
            if (r === r) F64[d] = r; else F64_DIV(I, d << 1, a << 1, b << 1);
            pc += 4; continue loop;
          }
          case Op.F64_EQ: I[(fp + code[pc + 1]) << 1] = F64[fp + code[pc + 2]] === F64[fp + code[pc + 3]] ? 1 : 0; pc += 4; continue loop;
          case Op.F64_NE: I[(fp + code[pc + 1]) << 1] = F64[fp + code[pc + 2]] !== F64[fp + code[pc + 3]] ? 1 : 0; pc += 4; continue loop;
          case Op.F64_LT: I[(fp + code[pc + 1]) << 1] = F64[fp + code[pc + 2]] < F64[fp + code[pc + 3]] ? 1 : 0; pc += 4; continue loop;
          case Op.F64_GT: I[(fp + code[pc + 1]) << 1] = F64[fp + code[pc + 2]] > F64[fp + code[pc + 3]] ? 1 : 0; pc += 4; continue loop;
          case Op.F64_LE: I[(fp + code[pc + 1]) << 1] = F64[fp + code[pc + 2]] <= F64[fp + code[pc + 3]] ? 1 : 0; pc += 4; continue loop;
          case Op.F64_GE: I[(fp + code[pc + 1]) << 1] = F64[fp + code[pc + 2]] >= F64[fp + code[pc + 3]] ? 1 : 0; pc += 4; continue loop;
          case Op.F64_CONVERT_I32_S: F64[fp + code[pc + 1]] = I[(fp + code[pc + 2]) << 1]; pc += 3; continue loop;
          case Op.F64_CONVERT_I32_U: F64[fp + code[pc + 1]] = I[(fp + code[pc + 2]) << 1] >>> 0; pc += 3; continue loop;
          case Op.F64_SQRT: { // n-body's distances: a call through SCALAR_OPS cost more than the root
            const r = Math.sqrt(F64[fp + code[pc + 2]]);
            if (r === r) F64[fp + code[pc + 1]] = r; else F64_SQRT(I, (fp + code[pc + 1]) << 1, (fp + code[pc + 2]) << 1, 0);
            pc += 3; continue loop;
          }
          // ---- memory 0, i32 addresses: d/a, addr, offset, add (the address is addr + add, wrapped) ----
          case Op.I32_ADD_IMM_THEN_I32_LOAD: { const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3]; I[(fp + code[pc + 1]) << 1] = (a + b) | 0; pc += 4; }
          // falls through
          case Op.I32_LOAD: case Op.F32_LOAD: {
            const ea = ((I[(fp + code[pc + 2]) << 1] + code[pc + 4]) >>> 0) + (code[pc + 3] >>> 0);
            if (ea + 4 > memLen) throw trap(OOB_MEMORY);
            I[(fp + code[pc + 1]) << 1] = dv.getInt32(ea, true);
            pc += 5; continue loop;
          }
          case Op.I32_ADD_LOAD: case Op.I32_MUL_LOAD: {
            const ea = ((I[(fp + code[pc + 3]) << 1] + code[pc + 5]) >>> 0) + (code[pc + 4] >>> 0);
            if (ea + 4 > memLen) throw trap(OOB_MEMORY);
            const x = I[(fp + code[pc + 2]) << 1], v = dv.getInt32(ea, true);
            I[(fp + code[pc + 1]) << 1] = code[pc] === Op.I32_ADD_LOAD ? (x + v) | 0 : Math.imul(x, v);
            pc += 6; continue loop;
          }
          case Op.I32_ADD_LOAD8_S: case Op.I32_ADD_LOAD8_U: case Op.I32_MUL_LOAD8_S: case Op.I32_MUL_LOAD8_U: {
            const ea = ((I[(fp + code[pc + 3]) << 1] + code[pc + 5]) >>> 0) + (code[pc + 4] >>> 0);
            if (ea + 1 > memLen) throw trap(OOB_MEMORY);
            const op = code[pc];
            const v = op === Op.I32_ADD_LOAD8_S || op === Op.I32_MUL_LOAD8_S ? (u8[ea] << 24) >> 24 : u8[ea];
            const x = I[(fp + code[pc + 2]) << 1];
            I[(fp + code[pc + 1]) << 1] = op <= Op.I32_ADD_LOAD16_U ? (x + v) | 0 : Math.imul(x, v);
            pc += 6; continue loop;
          }
          case Op.I32_ADD_LOAD16_S: case Op.I32_ADD_LOAD16_U: case Op.I32_MUL_LOAD16_S: case Op.I32_MUL_LOAD16_U: {
            const ea = ((I[(fp + code[pc + 3]) << 1] + code[pc + 5]) >>> 0) + (code[pc + 4] >>> 0);
            if (ea + 2 > memLen) throw trap(OOB_MEMORY);
            const op = code[pc];
            const v = op === Op.I32_ADD_LOAD16_S || op === Op.I32_MUL_LOAD16_S ? dv.getInt16(ea, true) : dv.getUint16(ea, true);
            const x = I[(fp + code[pc + 2]) << 1];
            I[(fp + code[pc + 1]) << 1] = op <= Op.I32_ADD_LOAD16_U ? (x + v) | 0 : Math.imul(x, v);
            pc += 6; continue loop;
          }
          case Op.I64_LOAD: {
            const ea = ((I[(fp + code[pc + 2]) << 1] + code[pc + 4]) >>> 0) + (code[pc + 3] >>> 0);
            if (ea + 8 > memLen) throw trap(OOB_MEMORY);
            const d = (fp + code[pc + 1]) << 1;
            I[d] = dv.getInt32(ea, true); I[d + 1] = dv.getInt32(ea + 4, true);
            pc += 5; continue loop;
          }
          // f64 moves as one 64-bit double (bits kept: no arithmetic touches it): the f64 op
          // that reads the slot next would stall on two 32-bit stores (no store forwarding)
          case Op.F64_LOAD_THEN_F64_LOAD: {
            const ea = ((I[(fp + code[pc + 2]) << 1] + code[pc + 4]) >>> 0) + (code[pc + 3] >>> 0);
            if (ea + 8 > memLen) throw trap(OOB_MEMORY);
            F64[fp + code[pc + 1]] = dv.getFloat64(ea, true);
            pc += 5;
          }
          // falls through
          case Op.F64_LOAD: {
            const ea = ((I[(fp + code[pc + 2]) << 1] + code[pc + 4]) >>> 0) + (code[pc + 3] >>> 0);
            if (ea + 8 > memLen) throw trap(OOB_MEMORY);
            F64[fp + code[pc + 1]] = dv.getFloat64(ea, true);
            pc += 5; continue loop;
          }
          case Op.I32_ADD_IMM_THEN_I32_LOAD8_U: { const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3]; I[(fp + code[pc + 1]) << 1] = (a + b) | 0; pc += 4; }
          // falls through
          case Op.I32_LOAD8_U: { // apart from its group: no opcode test, and pairs can copy it
            const ea = ((I[(fp + code[pc + 2]) << 1] + code[pc + 4]) >>> 0) + (code[pc + 3] >>> 0);
            if (ea + 1 > memLen) throw trap(OOB_MEMORY);
            I[(fp + code[pc + 1]) << 1] = u8[ea];
            pc += 5; continue loop;
          }
          case Op.I32_LOAD8_S: case Op.I64_LOAD8_S: case Op.I64_LOAD8_U: {
            const ea = ((I[(fp + code[pc + 2]) << 1] + code[pc + 4]) >>> 0) + (code[pc + 3] >>> 0);
            if (ea + 1 > memLen) throw trap(OOB_MEMORY);
            const op = code[pc];
            const v = op === Op.I32_LOAD8_S || op === Op.I64_LOAD8_S ? (u8[ea] << 24) >> 24 : u8[ea];
            const d = (fp + code[pc + 1]) << 1;
            I[d] = v; I[d + 1] = v >> 31;
            pc += 5; continue loop;
          }
          case Op.I32_LOAD16_S: case Op.I32_LOAD16_U: case Op.I64_LOAD16_S: case Op.I64_LOAD16_U: {
            const ea = ((I[(fp + code[pc + 2]) << 1] + code[pc + 4]) >>> 0) + (code[pc + 3] >>> 0);
            if (ea + 2 > memLen) throw trap(OOB_MEMORY);
            const op = code[pc];
            const v = op === Op.I32_LOAD16_S || op === Op.I64_LOAD16_S ? dv.getInt16(ea, true) : dv.getUint16(ea, true);
            const d = (fp + code[pc + 1]) << 1;
            I[d] = v; I[d + 1] = v >> 31;
            pc += 5; continue loop;
          }
          case Op.I64_LOAD32_S: case Op.I64_LOAD32_U: {
            const ea = ((I[(fp + code[pc + 2]) << 1] + code[pc + 4]) >>> 0) + (code[pc + 3] >>> 0);
            if (ea + 4 > memLen) throw trap(OOB_MEMORY);
            const v = dv.getInt32(ea, true);
            const d = (fp + code[pc + 1]) << 1;
            I[d] = v; I[d + 1] = code[pc] === Op.I64_LOAD32_S ? v >> 31 : 0;
            pc += 5; continue loop;
          }
          case Op.I32_MUL_IMM_THEN_I32_STORE: case Op.I32_ADD_THEN_I32_STORE:
            if (code[pc] === Op.I32_MUL_IMM_THEN_I32_STORE) { const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3]; I[(fp + code[pc + 1]) << 1] = Math.imul(a, b); pc += 4; }
            else { I[(fp + code[pc + 1]) << 1] = (I[(fp + code[pc + 2]) << 1] + I[(fp + code[pc + 3]) << 1]) | 0; pc += 4; }
          // falls through
          case Op.I32_STORE: case Op.F32_STORE: case Op.I64_STORE32: {
            const ea = ((I[(fp + code[pc + 1]) << 1] + code[pc + 4]) >>> 0) + (code[pc + 3] >>> 0);
            if (ea + 4 > memLen) throw trap(OOB_MEMORY);
            dv.setInt32(ea, I[(fp + code[pc + 2]) << 1], true);
            pc += 5; continue loop;
          }
          case Op.I64_STORE: {
            const ea = ((I[(fp + code[pc + 1]) << 1] + code[pc + 4]) >>> 0) + (code[pc + 3] >>> 0);
            if (ea + 8 > memLen) throw trap(OOB_MEMORY);
            const v = (fp + code[pc + 2]) << 1;
            dv.setInt32(ea, I[v], true); dv.setInt32(ea + 4, I[v + 1], true);
            pc += 5; continue loop;
          }
          case Op.F64_ADD_THEN_F64_STORE: {
            const d = fp + code[pc + 1], a = fp + code[pc + 2], b = fp + code[pc + 3];
            const r = F64[a] + F64[b];
            if (r === r) F64[d] = r; else F64_ADD(I, d << 1, a << 1, b << 1);
            pc += 4;
          }
          // falls through
          case Op.F64_STORE: {
            const ea = ((I[(fp + code[pc + 1]) << 1] + code[pc + 4]) >>> 0) + (code[pc + 3] >>> 0);
            if (ea + 8 > memLen) throw trap(OOB_MEMORY);
            dv.setFloat64(ea, F64[fp + code[pc + 2]], true);
            pc += 5; continue loop;
          }
          case Op.I32_SHR_U_IMM_THEN_I32_STORE8: case Op.I32_XOR_THEN_I32_STORE8:
            if (code[pc] === Op.I32_SHR_U_IMM_THEN_I32_STORE8) { const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3]; I[(fp + code[pc + 1]) << 1] = a >>> b; pc += 4; }
            else { I[(fp + code[pc + 1]) << 1] = I[(fp + code[pc + 2]) << 1] ^ I[(fp + code[pc + 3]) << 1]; pc += 4; }
          // falls through
          case Op.I32_STORE8: case Op.I64_STORE8: {
            const ea = ((I[(fp + code[pc + 1]) << 1] + code[pc + 4]) >>> 0) + (code[pc + 3] >>> 0);
            if (ea + 1 > memLen) throw trap(OOB_MEMORY);
            u8[ea] = I[(fp + code[pc + 2]) << 1];
            pc += 5; continue loop;
          }
          case Op.I32_STORE16: case Op.I64_STORE16: {
            const ea = ((I[(fp + code[pc + 1]) << 1] + code[pc + 4]) >>> 0) + (code[pc + 3] >>> 0);
            if (ea + 2 > memLen) throw trap(OOB_MEMORY);
            dv.setInt16(ea, I[(fp + code[pc + 2]) << 1], true);
            pc += 5; continue loop;
          }
          // ---- f64.load fused into the right operand of an f64 binop: d a t addr off add ----
          // (t: the load's temporary, only the NaN rule reads it); the _STORE forms write the
          // result back where the load read (in bounds already), a NaN as its words (a NaN
          // passed as a JS number may lose its payload)
          case Op.F64_MUL_THEN_F64_OP_LOAD: {
            const d = fp + code[pc + 1], a = fp + code[pc + 2], b = fp + code[pc + 3];
            const r = F64[a] * F64[b];
            if (r === r) F64[d] = r; else F64_MUL(I, d << 1, a << 1, b << 1);
            pc += 4;
          }
          // falls through
          case Op.F64_ADD_LOAD: case Op.F64_SUB_LOAD: case Op.F64_MUL_LOAD:
          case Op.F64_ADD_LOAD_STORE: case Op.F64_SUB_LOAD_STORE: case Op.F64_MUL_LOAD_STORE: {
            const ea = ((I[(fp + code[pc + 4]) << 1] + code[pc + 6]) >>> 0) + (code[pc + 5] >>> 0);
            if (ea + 8 > memLen) throw trap(OOB_MEMORY);
            const op = code[pc];
            const d = fp + code[pc + 1], x = F64[fp + code[pc + 2]];
            const v = dv.getFloat64(ea, true);
            const mul = op === Op.F64_MUL_LOAD || op === Op.F64_MUL_LOAD_STORE;
            const add = op === Op.F64_ADD_LOAD || op === Op.F64_ADD_LOAD_STORE;
            const r = mul ? x * v : add ? x + v : x - v;
            const store = op >= Op.F64_ADD_LOAD_STORE;
            if (r === r) {
              F64[d] = r;
              if (store) dv.setFloat64(ea, r, true);
            } else {
              // the NaN rule reads the loaded operand's bits: copied as words, not as a number
              const t = (fp + code[pc + 3]) << 1;
              I[t] = dv.getInt32(ea, true); I[t + 1] = dv.getInt32(ea + 4, true);
              (mul ? F64_MUL : add ? F64_ADD : F64_SUB)(I, d << 1, (fp + code[pc + 2]) << 1, t);
              if (store) storeWords64(dv, ea, I, d << 1);
            }
            pc += 7; continue loop;
          }
          case Op.I32_ADD_IMM_THEN_F64_MULADD_LOAD_STORE: { const a = I[(fp + code[pc + 2]) << 1], b = code[pc + 3]; I[(fp + code[pc + 1]) << 1] = (a + b) | 0; pc += 4; }
          // falls through
          case Op.F64_MULADD_LOAD_STORE: {
            // t x addrB offB addB addrC offC u: c[eaC] += x * b[eaB], the accesses in their
            // unfused order (b, then c)
            const eaB = ((I[(fp + code[pc + 3]) << 1] + code[pc + 5]) >>> 0) + (code[pc + 4] >>> 0);
            if (eaB + 8 > memLen) throw trap(OOB_MEMORY);
            const eaC = (I[(fp + code[pc + 6]) << 1] >>> 0) + (code[pc + 7] >>> 0);
            if (eaC + 8 > memLen) { pc++; throw trap(OOB_MEMORY); } // pc + 1: c's wasm offset
            const r = F64[fp + code[pc + 2]] * dv.getFloat64(eaB, true) + dv.getFloat64(eaC, true);
            if (r === r) {
              dv.setFloat64(eaC, r, true);
            } else {
              // a NaN: both steps on words, in their order (product into t, then t + c)
              const t = (fp + code[pc + 1]) << 1, u = (fp + code[pc + 8]) << 1;
              I[u] = dv.getInt32(eaB, true); I[u + 1] = dv.getInt32(eaB + 4, true);
              F64_MUL(I, t, (fp + code[pc + 2]) << 1, u);
              I[u] = dv.getInt32(eaC, true); I[u + 1] = dv.getInt32(eaC + 4, true);
              F64_ADD(I, t, t, u);
              storeWords64(dv, eaC, I, t);
            }
            pc += 9; continue loop;
          }
          case Op.F64_MULADD_MEM: {
            // kind a b addr off add t l: the f64 c at the address becomes c +- a * b (or a * b - c)
            const ea = ((I[(fp + code[pc + 4]) << 1] + code[pc + 6]) >>> 0) + (code[pc + 5] >>> 0);
            if (ea + 8 > memLen) throw trap(OOB_MEMORY);
            const kind = code[pc + 1], a = fp + code[pc + 2], b = fp + code[pc + 3];
            const p = F64[a] * F64[b], c = dv.getFloat64(ea, true);
            const r = kind === Op.F64_MUL_SUB ? p - c : kind === Op.F64_SUB_MUL ? c - p : p + c;
            if (r === r) {
              dv.setFloat64(ea, r, true);
            } else {
              // a NaN: both steps on words in their unfused order, the sum into t
              const t = (fp + code[pc + 7]) << 1, l = (fp + code[pc + 8]) << 1;
              I[l] = dv.getInt32(ea, true); I[l + 1] = dv.getInt32(ea + 4, true);
              F64_MUL(I, t, a << 1, b << 1);
              if (kind === Op.F64_MUL_ADD) F64_ADD(I, t, t, l);
              else if (kind === Op.F64_ADD_MUL) F64_ADD(I, t, l, t);
              else if (kind === Op.F64_MUL_SUB) F64_SUB(I, t, t, l);
              else F64_SUB(I, t, l, t);
              storeWords64(dv, ea, I, t);
            }
            pc += 9; continue loop;
          }
          case Op.F64_LOAD_ADD: case Op.F64_LOAD_SUB: case Op.F64_LOAD_MUL: {
            const ea = ((I[(fp + code[pc + 4]) << 1] + code[pc + 6]) >>> 0) + (code[pc + 5] >>> 0);
            if (ea + 8 > memLen) throw trap(OOB_MEMORY);
            const op = code[pc];
            const d = fp + code[pc + 1], x = F64[fp + code[pc + 2]];
            const v = dv.getFloat64(ea, true);
            const r = op === Op.F64_LOAD_MUL ? v * x : op === Op.F64_LOAD_ADD ? v + x : v - x;
            if (r === r) {
              F64[d] = r;
            } else {
              const t = (fp + code[pc + 3]) << 1;
              I[t] = dv.getInt32(ea, true); I[t + 1] = dv.getInt32(ea + 4, true);
              (op === Op.F64_LOAD_MUL ? F64_MUL : op === Op.F64_LOAD_ADD ? F64_ADD : F64_SUB)(I, d << 1, t, (fp + code[pc + 2]) << 1);
            }
            pc += 7; continue loop;
          }
          case Op.F32_ADD_LOAD: case Op.F32_SUB_LOAD: case Op.F32_MUL_LOAD:
          case Op.F32_LOAD_ADD: case Op.F32_LOAD_SUB: case Op.F32_LOAD_MUL: {
            const ea = ((I[(fp + code[pc + 4]) << 1] + code[pc + 6]) >>> 0) + (code[pc + 5] >>> 0);
            if (ea + 4 > memLen) throw trap(OOB_MEMORY);
            const op = code[pc];
            const left = op >= Op.F32_LOAD_ADD;
            const k = left ? op - Op.F32_LOAD_ADD : op - Op.F32_ADD_LOAD; // add, sub, mul
            const d = (fp + code[pc + 1]) << 1, a = (fp + code[pc + 2]) << 1;
            const x = F32[a], v = dv.getFloat32(ea, true);
            // f32 results computed in f64 round exactly (see F32_ADD)
            const r = k === 2 ? x * v : k === 0 ? x + v : left ? v - x : x - v;
            if (r === r) {
              F32[d] = r;
            } else {
              // the NaN rule reads the loaded operand's bits: copied as a word, not a number
              const t = (fp + code[pc + 3]) << 1;
              I[t] = dv.getInt32(ea, true);
              const f = k === 2 ? F32_MUL : k === 0 ? F32_ADD : F32_SUB;
              if (left) f(I, d, t, a); else f(I, d, a, t);
            }
            pc += 7; continue loop;
          }
          case Op.F64_MUL_ADD: case Op.F64_ADD_MUL: case Op.F64_MUL_SUB: case Op.F64_SUB_MUL: {
            const op = code[pc];
            const d = fp + code[pc + 1], a = fp + code[pc + 2], b = fp + code[pc + 3], c = fp + code[pc + 4];
            const p = F64[a] * F64[b], x = F64[c];
            const r = op === Op.F64_MUL_SUB ? p - x : op === Op.F64_SUB_MUL ? x - p : p + x;
            if (r === r) {
              F64[d] = r;
            } else {
              // a NaN somewhere: both steps as separate instructions (NaN rule, operand order)
              const t = (fp + code[pc + 5]) << 1;
              F64_MUL(I, t, a << 1, b << 1);
              if (op === Op.F64_MUL_ADD) F64_ADD(I, d << 1, t, c << 1);
              else if (op === Op.F64_ADD_MUL) F64_ADD(I, d << 1, c << 1, t);
              else if (op === Op.F64_MUL_SUB) F64_SUB(I, d << 1, t, c << 1);
              else F64_SUB(I, d << 1, c << 1, t);
            }
            pc += 6; continue loop;
          }
          default:
            throw new Error(`interpreter: bad internal opcode ${code[pc]} at ${pc}`);
        }
      }
      // ---- the call sequence shared by every call form ----
      if (callee.host !== null) {
        m.comp = comp; m.pc = pc; m.fp = fp; m.fuel = fuel;
        callHost(m, callee, base);
        pc = next;
        mem = inst.memories.length > 0 ? inst.memories[0] : null;
        u8 = mem !== null ? mem.u8 : EMPTY_U8;
        memLen = u8.length;
        dv = mem !== null ? mem.view : EMPTY_DV;
        if (tail >= 0) {
          // a host function in tail position: return its results from this frame
          let n = 0;
          for (const t of callee.type.results) n += t === 'v128' ? 2 : 1;
          if (base !== fp) {
            I.copyWithin(fp << 1, base << 1, (base + n) << 1);
            for (let k = 0; k < n; k++) R[fp + k] = R[base + k];
          }
          if (m.depth === 0) {
            m.comp = comp; m.fp = fp; m.fuel = fuel; m.done = true;
            return true;
          }
          const k = m.depth - 1;
          m.depth = k;
          comp = m.fComp[k];
          pc = m.frames[k << 1];
          fp = m.frames[(k << 1) + 1];
          code = comp.code;
          inst = comp.func.instance!;
          funcs = inst.funcs;
          globals = inst.globals;
          mem = inst.memories.length > 0 ? inst.memories[0] : null;
          u8 = mem !== null ? mem.u8 : EMPTY_U8;
          memLen = u8.length;
          dv = mem !== null ? mem.view : EMPTY_DV;
        }
        continue loop;
      }
      const cc = m.exactAll ? exactCode(callee) : (callee.compiled as Compiled | null) ?? fastCode(callee);
      if (tail >= 0) {
        // tail call: the arguments move down to this frame's base, the frame is reused
        if (base !== fp) {
          I.copyWithin(fp << 1, base << 1, (base + tail) << 1);
          for (let k = 0; k < tail; k++) R[fp + k] = R[base + k];
        }
        base = fp;
      } else {
        const k = m.depth;
        if (k >= m.maxDepth) { m.comp = comp; m.pc = pc; m.fp = fp; throw trap('call stack exhausted'); }
        const frames = (k << 1) < m.frames.length ? m.frames : m.growFrames();
        frames[k << 1] = next;
        frames[(k << 1) + 1] = fp;
        m.fComp[k] = comp;
        m.depth = k + 1;
      }
      if (base + cc.frameSlots > m.cap) {
        m.grow(base + cc.frameSlots);
        I = m.I; F32 = m.F32; F64 = m.F64; R = m.R;
      }
      for (let s = base + cc.numParamSlots, e = base + cc.numLocalSlots; s < e; s++) {
        I[s << 1] = 0; I[(s << 1) + 1] = 0;
      }
      if (cc.refLocals) for (let s = base + cc.numParamSlots, e = base + cc.numLocalSlots; s < e; s++) R[s] = null;
      comp = cc;
      code = cc.code;
      fp = base;
      if (callee.instance !== inst) {
        inst = callee.instance!;
        funcs = inst.funcs;
        globals = inst.globals;
        mem = inst.memories.length > 0 ? inst.memories[0] : null;
        u8 = mem !== null ? mem.u8 : EMPTY_U8;
        memLen = u8.length;
        dv = mem !== null ? mem.view : EMPTY_DV;
      }
      head = 0;
      }
      // ---- arrival after a branch or return: blocks start with FUEL (translate.ts), which is
      // paid here instead of dispatched (a FUEL op short of fuel runs as usual: it refills,
      // switches to exact code or pauses)
      head &= 0x3fffffff; // typed small for V8, as pc is at the dispatch
      if (code[head] === Op.FUEL) {
        const cost = code[head + 1];
        if (fuel >= cost) { fuel -= cost; pc = head + 3; continue loop; }
      }
      pc = head;
    }
  } catch (e) {
    // leave the faulting frame's state behind for the unwinder and for stack traces
    m.comp = comp;
    m.pc = pc;
    m.fp = fp;
    m.fuel = fuel;
    throw e;
  }
}

export type { Ref };
