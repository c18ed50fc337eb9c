// Translation of one validated function body into register code (see internal-ops.ts).
//
// Frame layout, in 8-byte slots from the frame pointer: parameters, other locals, hidden
// slots (the caught exception of each legacy `try`), then the operand stack. The operand
// stack's entry at depth k always has the same "canonical" slot, so at every label all values
// sit where branches put them and no stack-shuffling code is needed at joins.
//
// Fast mode keeps `local.get` as an alias (the local's own slot) until the end of the basic
// block, writes results straight into `local.set` targets and fuses i32 compare + br_if.
// Exact mode emits one internal instruction group per wasm instruction, preceded by FUEL 1.
//
// Fuel: each basic block starts with FUEL(cost, wasm offset of its first instruction). At a
// FUEL op every operand-stack entry is materialized in its canonical slot in both modes, so
// the run loop can switch a frame from fast to exact code at any FUEL op (by wasm offset).
//
// Types come from the validator: its side table (validator/side-table.ts) gives, per
// instruction, the entries popped, the types pushed and the arity of branch targets, so the
// translator never looks up block, call, tag, global, field or address types itself.

import { InstrReader } from '../decoder/instr-reader.js';
import { OP, OPS } from '../syntax/opcodes.js';
import type { FuncInstance, ModuleInstance } from '../runtime/objects.js';
import type { Module } from '../syntax/module.js';
import { validationOf } from '../runtime/instantiate.js';
import type { SideTable } from '../validator/side-table.js';
import { T_I32, T_I64, T_F32, T_F64, T_V128, T_REF, typeCodeOf } from '../validator/side-table.js';
import { I } from './internal-ops.js';
import { Trap } from '../errors.js';
import { SCALAR_OPS } from './numerics/table.js';
import { gcBranchForm, gcSlowForm } from './gc/translate-gc.js';
import { SK_F32, SK_F64, SK_I32, SK_I64, SK_REF, structLayout } from '../runtime/gc/layout.js';
import { internMaskedShuffle, internShuffle, shuffleLanes, simdImmA } from './simd/handler.js';
import { pairUp } from './pairs.js';
import { SIMD_DIRECT, SIMD_OPS } from './simd/table.js';

/** Value type codes tracked per slot (for moves and for state()): the validator's. */
export { T_I32, T_I64, T_F32, T_F64, T_V128, T_REF };

const slotsOf = (t: number): number => (t === T_V128 ? 2 : 1);

export interface Catch {
  /** 0 catch, 1 catch_ref, 2 catch_all, 3 catch_all_ref (legacy catch = 0, catch_all = 2). */
  readonly kind: number;
  readonly tag: number;
  target: number;
  /** First slot receiving the payload (and then the exnref). */
  readonly slot: number;
}

export interface Handler {
  /** Code range [start, end) the handler covers. */
  start: number;
  end: number;
  /** Handler searched next when no clause matches (-1: the caller). */
  parent: number;
  /** Delegating legacy try: the handler that takes over (-1: the caller), or -2 if not. */
  delegate: number;
  /** Legacy try: slot where the caught exception is kept for `rethrow` (-1 otherwise). */
  hidden: number;
  readonly catches: Catch[];
}

export interface Compiled {
  readonly code: Int32Array;
  readonly exact: boolean;
  readonly func: FuncInstance;
  readonly numParamSlots: number;
  /** Slots of params + locals + hidden slots (zeroed beyond the params on entry). */
  readonly numLocalSlots: number;
  readonly frameSlots: number;
  readonly handlers: Handler[];
  /** Sorted instruction-start pcs and their wasm byte offsets (traps, stack traces). */
  readonly pcs: Int32Array;
  readonly offsets: Int32Array;
  /** Exact mode: wasm offset -> pc of that instruction's FUEL op. */
  readonly pcOfOffset: Map<number, number> | null;
  /** Exact mode: operand-stack type codes before the instruction at pc (a FUEL op). */
  readonly stackAt: Map<number, Uint8Array> | null;
  readonly localTypes: Uint8Array;
  readonly localSlots: Int32Array;
  readonly stackBase: number;
  /** A result is a reference: RETURN moves the reference array too. */
  readonly retRefs: boolean;
  /** A local (not a parameter) or hidden slot holds a reference: entry nulls them. */
  readonly refLocals: boolean;
}

interface Ctrl {
  kind: number; // see K_* below
  height: number; // type-stack entries below the block's params
  slot: number; // canonical slot of the entry at `height`
  loopPc: number;
  patches: number[];
  catchPatches: Catch[];
  elsePatch: number;
  dead: boolean;
  /** Handler active for instructions inside this block (after `catch`: the outer one). */
  inner: number;
  outer: number;
  handler: number;
  hidden: number;
}

const K_BLOCK = 0, K_LOOP = 1, K_IF = 2, K_ELSE = 3, K_TRY_TABLE = 4, K_TRY = 5, K_CATCH = 6,
  K_FUNC = 7;

/** Dedicated internal op for hot numeric wasm ops (by OpInfo id), else -1. */
const HOT = new Int16Array(OPS.length).fill(-1);
/** Dedicated internal op for loads/stores of memory 0 with i32 addresses, else -1. */
const MEM_HOT = new Int16Array(OPS.length).fill(-1);
const I32_CMP = new Int16Array(I.COUNT).fill(-1);
/** Store -> its form with a constant value (fast mode), else -1. */
const STORE_IMM = new Int16Array(I.COUNT).fill(-1);
/** Compare -> fused branch taken when the comparison is false (for `if`). */
const I32_CMP_NOT = new Int16Array(I.COUNT).fill(-1);
/** i32 load -> its I32_ADD_LOAD* form (the I32_MUL_LOAD* forms follow in the same order). */
const ADD_LOAD_OF = new Int16Array(I.COUNT).fill(-1);
ADD_LOAD_OF[I.I32_LOAD] = I.I32_ADD_LOAD;
ADD_LOAD_OF[I.I32_LOAD8_S] = I.I32_ADD_LOAD8_S;
ADD_LOAD_OF[I.I32_LOAD8_U] = I.I32_ADD_LOAD8_U;
ADD_LOAD_OF[I.I32_LOAD16_S] = I.I32_ADD_LOAD16_S;
ADD_LOAD_OF[I.I32_LOAD16_U] = I.I32_ADD_LOAD16_U;
/** Compare (two slots) -> the select on it (fast mode), else -1. */
const SELECT_OF = new Int16Array(I.COUNT).fill(-1);
SELECT_OF[I.I32_LT_S] = I.SELECT_LT_S;
SELECT_OF[I.I32_GT_S] = I.SELECT_GT_S;
SELECT_OF[I.I32_LT_U] = I.SELECT_LT_U;
SELECT_OF[I.I32_GT_U] = I.SELECT_GT_U;
SELECT_OF[I.F32_LT] = I.SELECT_F32_LT;
SELECT_OF[I.F32_GT] = I.SELECT_F32_GT;
SELECT_OF[I.F64_LT] = I.SELECT_F64_LT;
SELECT_OF[I.F64_GT] = I.SELECT_F64_GT;
/** A v128 extend_low (by OpInfo id) -> the extend_high of the same lane shapes, else -1. */
const EXTEND_HIGH = new Int16Array(OPS.length).fill(-1);
for (const [to, from] of [['i16x8', 'i8x16'], ['i32x4', 'i16x8'], ['i64x2', 'i32x4']]) {
  for (const sign of ['s', 'u']) {
    EXTEND_HIGH[OP[`${to}_extend_low_${from}_${sign}`]] = OP[`${to}_extend_high_${from}_${sign}`];
  }
}

/**
 * The word moves of an i8x16.shuffle that moves whole aligned words (output word i = input
 * word w_i of a (0..3) or b (4..7)), else null.
 */
function shuffleWords(lanes: ArrayLike<number>): number[] | null {
  const words: number[] = [];
  for (let i = 0; i < 16; i += 4) {
    const k = lanes[i];
    if ((k & 3) !== 0 || lanes[i + 1] !== k + 1 || lanes[i + 2] !== k + 2 || lanes[i + 3] !== k + 3) return null;
    words.push(k >> 2);
  }
  return words;
}

/**
 * BR_LOOP's test for each BR_IF_<cmp>_IMM from EQ to GE_U (the enum's order): the relations
 * of x to k that exit (1 less, 2 equal, 4 greater), plus 8 for an unsigned compare. run.ts
 * tests it with two plain compares, no jump table.
 */
const LOOP_TEST = [2, 5, 1, 1 | 8, 4, 4 | 8, 3, 3 | 8, 6, 6 | 8];

/** Internal op -> its variant with a constant right operand, else -1. */
const IMM = new Int16Array(I.COUNT).fill(-1);
/** Distinct in-loop constants given a frame slot per function (each costs a write per call). */
const MAX_LOOP_CONSTS = 32;
/** Operand-stack alias marking a constant that has not been written to its slot yet. */
const CONST_ALIAS = -2;
{
  const hot = (name: string, op: I): void => { HOT[OP[name]] = op; };
  const names = ['eqz', 'eq', 'ne', 'lt_s', 'lt_u', 'gt_s', 'gt_u', 'le_s', 'le_u', 'ge_s', 'ge_u',
    'add', 'sub', 'mul', 'div_s', 'div_u', 'rem_s', 'rem_u', 'and', 'or', 'xor', 'shl', 'shr_s',
    'shr_u', 'rotl', 'rotr', 'clz', 'ctz', 'popcnt', 'extend8_s', 'extend16_s'];
  names.forEach((n, k) => hot(`i32_${n}`, I.I32_EQZ + k));
  hot('i32_wrap_i64', I.I32_WRAP_I64);
  const n64 = ['eqz', 'eq', 'ne', 'lt_s', 'lt_u', 'gt_s', 'gt_u', 'le_s', 'le_u', 'ge_s', 'ge_u',
    'add', 'sub', 'and', 'or', 'xor', 'shl', 'shr_s', 'shr_u', 'extend_i32_s', 'extend_i32_u'];
  n64.forEach((n, k) => hot(`i64_${n}`, I.I64_EQZ + k));
  ['mul', 'rotl', 'rotr', 'div_u', 'rem_u', 'div_s', 'rem_s'].forEach((n, k) => hot(`i64_${n}`, I.I64_MUL + k));
  const nf = ['add', 'sub', 'mul', 'div', 'eq', 'ne', 'lt', 'gt', 'le', 'ge'];
  nf.forEach((n, k) => { hot(`f32_${n}`, I.F32_ADD + k); hot(`f64_${n}`, I.F64_ADD + k); });
  hot('f64_convert_i32_s', I.F64_CONVERT_I32_S);
  hot('f64_sqrt', I.F64_SQRT);
  hot('f64_convert_i32_u', I.F64_CONVERT_I32_U);
  const loads = ['i32_load', 'i64_load', 'f32_load', 'f64_load', 'i32_load8_s', 'i32_load8_u',
    'i32_load16_s', 'i32_load16_u', 'i64_load8_s', 'i64_load8_u', 'i64_load16_s', 'i64_load16_u',
    'i64_load32_s', 'i64_load32_u'];
  loads.forEach((n, k) => { MEM_HOT[OP[n]] = I.I32_LOAD + k; });
  const stores = ['i32_store', 'i64_store', 'f32_store', 'f64_store', 'i32_store8', 'i32_store16',
    'i64_store8', 'i64_store16', 'i64_store32'];
  stores.forEach((n, k) => { MEM_HOT[OP[n]] = I.I32_STORE + k; });
  const v128Hot = ['i32x4_add', 'i32x4_sub', 'i32x4_mul', 'f32x4_add', 'f32x4_sub', 'f32x4_mul',
    'v128_and', 'v128_or', 'v128_xor'];
  v128Hot.forEach((n, k) => { HOT[OP[n]] = I.I32X4_ADD + k; });
  const v128Direct = ['i16x8_add', 'i16x8_mul', 'i16x8_shr_u', 'i8x16_eq', 'i32x4_max_s',
    'i8x16_narrow_i16x8_u', 'f32x4_pmin', 'f32x4_pmax', 'i16x8_extend_low_i8x16_u',
    'i32x4_extend_low_i16x8_u', 'i16x8_extend_high_i8x16_u'];
  v128Direct.forEach((n, k) => { HOT[OP[n]] = I.I16X8_ADD + k; });
  STORE_IMM[I.I32_STORE] = STORE_IMM[I.F32_STORE] = STORE_IMM[I.I64_STORE32] = I.I32_STORE_IMM;
  STORE_IMM[I.I32_STORE8] = STORE_IMM[I.I64_STORE8] = I.I32_STORE8_IMM;
  STORE_IMM[I.I32_STORE16] = STORE_IMM[I.I64_STORE16] = I.I32_STORE16_IMM;
  STORE_IMM[I.I64_STORE] = STORE_IMM[I.F64_STORE] = I.I64_STORE_IMM;
  MEM_HOT[OP.v128_load] = I.V128_LOAD;
  MEM_HOT[OP.v128_store] = I.V128_STORE;
  MEM_HOT[OP.v128_load32_zero] = I.V128_LOAD32_ZERO;
  MEM_HOT[OP.v128_load64_zero] = I.V128_LOAD64_ZERO;
  IMM[I.I16X8_SHR_U] = I.I16X8_SHR_U_IMM;
  HOT[OP.i32x4_splat] = HOT[OP.f32x4_splat] = I.I32X4_SPLAT;
  HOT[OP.i64x2_splat] = HOT[OP.f64x2_splat] = I.I64X2_SPLAT;
  const cmps = ['eq', 'ne', 'lt_s', 'lt_u', 'gt_s', 'gt_u', 'le_s', 'le_u', 'ge_s', 'ge_u'];
  const inverse = [1, 0, 8, 9, 6, 7, 4, 5, 2, 3];
  cmps.forEach((n, k) => {
    I32_CMP_NOT[I.I32_EQ + k] = I.BR_IF_EQ + inverse[k];
    I32_CMP_NOT[I.I32_EQ_IMM + k] = I.BR_IF_EQ_IMM + inverse[k];
    I32_CMP[I.I32_EQ + k] = I.BR_IF_EQ + k;
    I32_CMP[I.I32_EQ_IMM + k] = I.BR_IF_EQ_IMM + k;
    IMM[I.I32_EQ + k] = I.I32_EQ_IMM + k;
  });
  IMM[I.I32_ADD] = I.I32_ADD_IMM;
  IMM[I.I32_SUB] = I.I32_ADD_IMM; // with the constant negated
  IMM[I.I32_MUL] = I.I32_MUL_IMM;
  IMM[I.I32_AND] = I.I32_AND_IMM;
  IMM[I.I32_OR] = I.I32_OR_IMM;
  IMM[I.I32_XOR] = I.I32_XOR_IMM;
  IMM[I.I32_SHL] = I.I32_SHL_IMM;
  IMM[I.I32_SHR_S] = I.I32_SHR_S_IMM;
  IMM[I.I32_SHR_U] = I.I32_SHR_U_IMM;
  IMM[I.I32_ROTL] = I.I32_ROTL_IMM;
  IMM[I.I32_ROTR] = I.I32_ROTL_IMM; // with the count turned into 32 - n
  IMM[I.I64_ADD] = I.I64_ADD_IMM;
  IMM[I.I64_SUB] = I.I64_ADD_IMM; // with the constant negated
  IMM[I.I64_AND] = I.I64_AND_IMM;
  IMM[I.I64_OR] = I.I64_OR_IMM;
  IMM[I.I64_XOR] = I.I64_XOR_IMM;
  IMM[I.I64_SHL] = I.I64_SHL_IMM;
  IMM[I.I64_SHR_S] = I.I64_SHR_S_IMM;
  IMM[I.I64_SHR_U] = I.I64_SHR_U_IMM;
  IMM[I.I64_MUL] = I.I64_MUL_IMM;
  IMM[I.I64_ROTL] = I.I64_ROTL_IMM;
  IMM[I.I64_ROTR] = I.I64_ROTL_IMM; // with the count turned into 64 - n
}

/** Whether memory 0 is a 32-bit memory (its loads and stores have dedicated ops). */
const MEM0_IS32 = new WeakMap<Module, boolean>();

function mem0Is32(m: Module): boolean {
  let b = MEM0_IS32.get(m);
  if (b === undefined) {
    const imported = m.imports.find((i) => i.desc.kind === 'memory');
    const t = imported !== undefined ? (imported.desc as { type: { limits: { is64: boolean } } }).type
      : m.memories[0]?.type;
    MEM0_IS32.set(m, (b = t !== undefined && !t.limits.is64));
  }
  return b;
}

/** Exact-mode twins, keyed by the function. */
const EXACT = new WeakMap<FuncInstance, Compiled>();

/** The function's fast code, translated on first use. */
export function fastCode(f: FuncInstance): Compiled {
  return (f.compiled as Compiled | null) ?? (f.compiled = translate(f, false)) as Compiled;
}

/** The function's exact code (one internal group per wasm instruction), on demand. */
export function exactCode(f: FuncInstance): Compiled {
  let c = EXACT.get(f);
  if (!c) EXACT.set(f, (c = translate(f, true)));
  return c;
}

/** The words of the constant instruction r just read (f32: [bits, 0]; f64: [lo, hi]). */
function constWords(t: number, r: InstrReader): number[] {
  if (t === T_V128) return [r.v128[0], r.v128[1], r.v128[2], r.v128[3]];
  return t === T_F32 ? [r.i32, 0] : [r.lo, r.hi];
}

export function translate(func: FuncInstance, exact: boolean): Compiled {
  return new Translator(func, exact).run();
}

class Translator {
  private readonly m: Module;
  private readonly mem0Is32: boolean;
  /** The validator's side table of this function, and the current instruction's index in it. */
  private readonly side: SideTable;
  private k = -1;
  private code: number[] = [];
  private pcs: number[] = [];
  private offs: number[] = [];
  // operand stack: type code, canonical slot, alias (local slot or -1)
  private sType: number[] = [];
  private sSlot: number[] = [];
  private sAlias: number[] = [];
  /** Value of a CONST_ALIAS entry (fast mode: i32 constants stay immediates until needed). */
  private sConst: number[] = [];
  private sConstHi: number[] = [];
  /** High word of the constant popConst() returned last. */
  private constHi = 0;
  private aliases = 0;
  private ctrl: Ctrl[] = [];
  private maxSlot = 0;
  private readonly localTypes: number[] = [];
  private readonly localSlots: number[] = [];
  private stackBase = 0;
  private hiddenNext = 0;
  /**
   * Constants used inside loops that no instruction takes as an immediate (v128, f32, f64),
   * keyed `type:words` -> their frame slot. Such a constant would otherwise be rewritten
   * (CONST / CONST_V128) on every iteration; fast code writes each distinct one once at
   * entry and reads it in place, like a local. The slots are reserved in both modes (the
   * frame layout of fast and exact code must match); exact code does not use them.
   */
  private readonly loopConsts = new Map<string, number>();
  /** Fast mode: the words of each v128 loop constant, by its slot. */
  private readonly loopV128At = new Map<number, number[]>();
  private zeroSlot = 0;
  private handlers: Handler[] = [];
  private curHandler = -1;
  // fuel block being counted
  private fuelPos = -1;
  // the last emitted value-producing instruction (for retargeting and fusion)
  private lastStart = -1;
  private lastDst = -1;
  /** Start of the value-producing instruction right before the last one, else -1 (see emitDst). */
  private prevStart = -1;
  private lastEnd = -1;
  private readonly pcOfOffset: Map<number, number> | null;
  private readonly stackAt: Map<number, Uint8Array> | null;
  private numParamSlots = 0;
  private resultTypes: number[] = [];

  constructor(private readonly func: FuncInstance, private readonly exact: boolean) {
    const inst = func.instance as ModuleInstance;
    this.m = inst.module;
    this.mem0Is32 = mem0Is32(this.m);
    const v = validationOf(this.m);
    if (v === undefined) throw new Trap('internal error: function of an unvalidated module');
    this.side = v.sideTable(func.index);
    this.pcOfOffset = exact ? new Map() : null;
    this.stackAt = exact ? new Map() : null;
  }

  run(): Compiled {
    const fn = this.func.code!;
    const type = this.func.type;
    let slot = 0;
    for (const p of type.params) {
      const t = typeCodeOf(p);
      this.localTypes.push(t);
      this.localSlots.push(slot);
      slot += slotsOf(t);
    }
    this.numParamSlots = slot;
    for (const d of fn.locals) {
      const t = typeCodeOf(d.type);
      for (let k = 0; k < d.count; k++) {
        this.localTypes.push(t);
        this.localSlots.push(slot);
        slot += slotsOf(t);
      }
    }
    // hidden slots: one per legacy `try`, and constant slots (see loopConsts), from a quick
    // pre-scan of the body
    const body = fn.body;
    const scan = new InstrReader(body.bytes, body.offset);
    let tries = 0;
    const consts: { key: string; type: number; w: number[] }[] = [];
    const inLoop: boolean[] = []; // per open block: is it (or an enclosing block) a loop
    while (scan.pos < scan.end) {
      const op = scan.next();
      if (op === OP.try) tries++;
      if (op === OP.block || op === OP.if || op === OP.try || op === OP.try_table || op === OP.loop) {
        inLoop.push(op === OP.loop || (inLoop.length > 0 && inLoop[inLoop.length - 1]));
      } else if (op === OP.end) {
        inLoop.pop();
      } else if ((op === OP.v128_const || op === OP.f32_const || op === OP.f64_const)
        && inLoop.length > 0 && inLoop[inLoop.length - 1] && consts.length < MAX_LOOP_CONSTS) {
        const type = op === OP.v128_const ? T_V128 : op === OP.f32_const ? T_F32 : T_F64;
        const w = constWords(type, scan);
        const key = `${type}:${w.join(',')}`;
        if (!this.loopConsts.has(key)) {
          this.loopConsts.set(key, -1);
          consts.push({ key, type, w });
        }
      }
    }
    this.hiddenNext = slot;
    slot += tries;
    for (const c of consts) {
      this.loopConsts.set(c.key, slot);
      if (!this.exact) {
        if (c.type === T_V128) {
          this.emit(I.CONST_V128, slot, c.w[0], c.w[1], c.w[2], c.w[3]);
          this.loopV128At.set(slot, c.w);
        }
        else this.emit(I.CONST, slot, c.w[0], c.w[1]);
      }
      slot += slotsOf(c.type);
    }
    // one slot that is zeroed on entry and never written: the base of constant addresses
    // (same layout in fast and exact code, which share frames)
    this.zeroSlot = slot++;
    const numLocalSlots = slot;
    this.stackBase = slot;
    this.maxSlot = slot;
    this.resultTypes = type.results.map(typeCodeOf);
    this.ctrl.push(this.newCtrl(K_FUNC, 0));
    const r = new InstrReader(body.bytes, body.offset);
    while (r.pos < r.end) {
      r.next();
      this.instr(r);
    }
    // try_table clauses that branch to the function's own label land on a return
    let retPc = -1;
    for (const h of this.handlers) {
      for (const c of h.catches) {
        if (c.target !== -2) continue;
        if (retPc < 0) retPc = this.emit(I.RETURN, this.stackBase, this.resultSlots());
        c.target = retPc;
      }
    }
    pairUp(this.code);
    return {
      code: Int32Array.from(this.code), exact: this.exact, func: this.func,
      numParamSlots: this.numParamSlots, numLocalSlots,
      frameSlots: this.maxSlot + 4, handlers: this.handlers,
      pcs: Int32Array.from(this.pcs), offsets: Int32Array.from(this.offs),
      pcOfOffset: this.pcOfOffset, stackAt: this.stackAt,
      localTypes: Uint8Array.from(this.localTypes), localSlots: Int32Array.from(this.localSlots),
      stackBase: this.stackBase, retRefs: this.resultTypes.includes(T_REF),
      refLocals: tries > 0
        || this.localTypes.slice(type.params.length).includes(T_REF),
    };
  }

  // ---- operand stack ----------------------------------------------------------------------

  private nextSlot(): number {
    const n = this.sType.length;
    return n === 0 ? this.stackBase : this.sSlot[n - 1] + slotsOf(this.sType[n - 1]);
  }

  private push(t: number): number {
    const s = this.nextSlot();
    this.sType.push(t);
    this.sSlot.push(s);
    this.sAlias.push(-1);
    this.sConst.push(0);
    this.sConstHi.push(0);
    const top = s + slotsOf(t);
    if (top > this.maxSlot) this.maxSlot = top;
    return s;
  }

  /** Pops one entry; returns the slot to read it from (its alias or canonical slot). */
  private pop(): number {
    const a = this.sAlias.pop()!;
    this.sType.pop();
    const s = this.sSlot.pop()!;
    const v = this.sConst.pop()!;
    const vh = this.sConstHi.pop()!;
    if (a >= 0) { this.aliases--; return a; }
    if (a === CONST_ALIAS) {
      this.aliases--;
      this.emitDst(I.CONST, s, v, vh);
    }
    return s;
  }

  /** True when the top entry is a pending i32 constant. */
  private topIsConst(): boolean {
    return this.sAlias[this.sAlias.length - 1] === CONST_ALIAS;
  }

  /** Pops a pending constant without writing it anywhere; returns its value. */
  private popConst(): number {
    this.sType.pop();
    this.sSlot.pop();
    this.sAlias.pop();
    this.aliases--;
    this.constHi = this.sConstHi.pop()!;
    return this.sConst.pop()!;
  }

  private topType(): number {
    return this.sType[this.sType.length - 1];
  }

  private truncate(h: number): void {
    while (this.sType.length > h) this.discard();
  }

  /** Pops an entry whose value is not needed (a pending constant emits nothing). */
  private discard(): void {
    if (this.topIsConst()) this.popConst(); else this.pop();
  }

  private materialize(i: number): void {
    const a = this.sAlias[i];
    if (a === -1) return;
    if (a === CONST_ALIAS) {
      this.emit(I.CONST, this.sSlot[i], this.sConst[i], this.sConstHi[i]);
    } else {
      this.move(this.sSlot[i], a, this.sType[i]);
    }
    this.sAlias[i] = -1;
    this.aliases--;
  }

  private materializeAll(): void {
    if (this.aliases === 0) return;
    for (let i = 0; i < this.sType.length; i++) this.materialize(i);
  }

  /** Materializes the top n entries and returns the first one's slot. */
  private args(n: number): number {
    const h = this.sType.length;
    for (let i = h - n; i < h; i++) this.materialize(i);
    return n === 0 ? this.nextSlot() : this.sSlot[h - n];
  }

  private move(dst: number, src: number, t: number): void {
    if (dst === src) return;
    this.emit(t === T_REF ? I.MOV_REF : t === T_V128 ? I.MOV_V128 : I.MOV, dst, src);
  }

  // ---- emission -----------------------------------------------------------------------------

  private curOffset = 0;
  /** Exact code: where the last FUEL_MOV that may fall into its neighbour is, and its end. */
  private lastFuelMov = -1;
  private lastFuelMovEnd = -1;

  private emit(...xs: number[]): number {
    const at = this.code.length;
    if (this.exact && (xs[0] === I.MOV || xs[0] === I.CONST) && this.fuelPos >= 0
      && at === this.fuelPos + 2 && this.code[this.fuelPos] === 1) {
      // exact mode: the instruction's FUEL op (just opened, cost 1) and this first MOV/CONST
      // become one FUEL_MOV/FUEL_CONST at the FUEL op's pc (same pc, offset and stack map)
      const p = this.fuelPos - 1;
      this.code.length = p;
      this.code.push(xs[0] === I.MOV ? I.FUEL_MOV : I.FUEL_CONST);
      for (let k = 1; k < xs.length; k++) this.code.push(xs[k]);
      this.fuelPos = -1;
      this.lastDst = -1;
      // a FUEL_MOV right before this one falls through into it (run.ts); one that another
      // falls into keeps its opcode, which its case reads
      let into = false;
      if (this.lastFuelMov >= 0 && this.lastFuelMovEnd === p) {
        this.code[this.lastFuelMov] = I.FUEL_MOV_THEN_FUEL_X;
        into = true;
      }
      this.lastFuelMov = xs[0] === I.MOV && !into ? p : -1;
      this.lastFuelMovEnd = this.code.length;
      return p;
    }
    this.pcs.push(at);
    this.offs.push(this.curOffset);
    for (const x of xs) this.code.push(x);
    this.lastDst = -1;
    return at;
  }

  /** Emits an instruction whose operand 1 is a destination slot equal to the new top. */
  private emitDst(...xs: number[]): void {
    const prev = this.lastDst >= 0 && this.lastEnd === this.code.length ? this.lastStart : -1;
    const at = this.emit(...xs);
    this.prevStart = prev;
    this.lastStart = at;
    this.lastDst = at + 1;
    this.lastEnd = this.code.length;
  }

  private openFuel(offset: number): void {
    this.materializeAll();
    this.fuelPos = this.emit(I.FUEL, 0, offset) + 1;
    this.lastDst = -1;
    if (this.exact) {
      this.pcOfOffset!.set(offset, this.fuelPos - 1);
      this.stackAt!.set(this.fuelPos - 1, Uint8Array.from(this.sType));
    }
  }

  /** Ends the current basic block (the next instruction starts a new one). */
  private closeFuel(): void {
    this.materializeAll();
    this.fuelPos = -1;
  }

  private get top(): Ctrl {
    return this.ctrl[this.ctrl.length - 1];
  }

  private newCtrl(kind: number, nParams: number): Ctrl {
    const height = this.sType.length - nParams;
    const slot = height === 0 ? this.stackBase
      : this.sSlot[height - 1] + slotsOf(this.sType[height - 1]);
    return {
      kind, height, slot, loopPc: -1, patches: [], catchPatches: [],
      elsePatch: -1, dead: false, inner: this.curHandler, outer: this.curHandler, handler: -1,
      hidden: -1,
    };
  }

  // ---- what the validator recorded for the current instruction -------------------------------

  /** Operand-stack entries the instruction consumes. */
  private recPops(): number {
    return this.side.pops(this.k);
  }

  /** Type code of the instruction's j-th pushed entry. */
  private recType(j: number): number {
    return this.side.pushType(this.k, j);
  }

  /** Pushes every entry the instruction leaves, with the recorded types. */
  private pushRecorded(): void {
    const n = this.side.pushCount(this.k);
    for (let j = 0; j < n; j++) this.push(this.side.pushType(this.k, j));
  }

  /** Label arity of the current branch instruction. */
  private recArity(): number {
    return this.side.arity(this.k);
  }

  /**
   * Moves the top values into label c's slots (no pops). The label's values are the top
   * `arity` entries (recorded by the validator); their slot kinds are the entries' own.
   */
  private moveToLabel(c: Ctrl): void {
    const n = this.recArity();
    const h = this.sType.length;
    let dst = c.slot;
    for (let k = 0; k < n; k++) {
      const i = h - n + k;
      const t = this.sType[i];
      if (this.sAlias[i] === CONST_ALIAS) {
        this.emit(I.CONST, dst, this.sConst[i], this.sConstHi[i]);
      } else {
        const src = this.sAlias[i] >= 0 ? this.sAlias[i] : this.sSlot[i];
        this.move(dst, src, t);
      }
      dst += slotsOf(t);
    }
  }

  private labelNeedsMoves(c: Ctrl): boolean {
    const n = this.recArity();
    const h = this.sType.length;
    if (n === 0) return false;
    const i = h - n;
    if (this.sSlot[i] !== c.slot) return true;
    for (let k = i; k < h; k++) if (this.sAlias[k] !== -1) return true;
    return false;
  }

  /** Emits an unconditional jump to label depth l (values already moved). */
  private jumpTo(l: number): void {
    const c = this.ctrl[this.ctrl.length - 1 - l];
    if (c.kind === K_FUNC) {
      this.emit(I.RETURN, c.slot, this.resultSlots());
      return;
    }
    const at = this.emitBr(c.kind === K_LOOP ? c.loopPc : -1);
    if (c.kind !== K_LOOP) c.patches.push(at);
  }

  /**
   * Emits BR_IF cond (target to patch); returns the position of its target word. Fast mode:
   * when cond was just computed by an i32.add of a constant (br_if (local.tee $n (i32.sub
   * $n 1))), the two become one I32_ADD_IMM_BR_IF.
   */
  private emitBrIf(cond: number): number {
    const s = this.lastAddImm();
    if (s >= 0 && this.code[s + 1] === cond) {
      this.code[s] = I.I32_ADD_IMM_BR_IF;
      this.code.push(-1);
      this.lastDst = -1;
      return s + 4;
    }
    return this.emit(I.BR_IF, cond, -1) + 2;
  }

  /**
   * Emits BR t; returns the position of its target word. Fast mode: right after an i32.add
   * of a constant (a loop step before the back edge) the two become one I32_ADD_IMM_BR.
   */
  private emitBr(t: number): number {
    if (t >= 0 && this.loopBack(t)) return -1;
    const s = this.lastAddImm();
    if (s >= 0) {
      this.code[s] = I.I32_ADD_IMM_BR;
      this.code.push(t);
      this.lastDst = -1;
      return s + 4;
    }
    return this.emit(I.BR, t) + 1;
  }

  /**
   * Fast mode: a back edge to the loop at L whose header block is only a compare-with-constant
   * branch out (`FUEL; BR_IF_<cmp>_IMM x k exit`, the body's FUEL right after) becomes one
   * BR_LOOP (I32_ADD_IMM_LOOP with an i32.add-constant just before): the header's test runs
   * in the back edge, one dispatch less per pass of a while loop. The exit target, when not
   * known yet, is patched with the header's (same block label).
   */
  private loopBack(L: number): boolean {
    const code = this.code;
    const cmp = code[L + 3];
    if (this.exact || code[L] !== I.FUEL || cmp < I.BR_IF_EQ_IMM || cmp > I.BR_IF_GE_U_IMM
      || L + 7 >= code.length || code[L + 7] !== I.FUEL) return false;
    const x = code[L + 4], k = code[L + 5], cost = code[L + 1], exitPos = L + 6;
    const test = LOOP_TEST[cmp - I.BR_IF_EQ_IMM];
    let owner: Ctrl | undefined;
    if (code[exitPos] < 0) {
      owner = this.ctrl.find((c) => c.patches.includes(exitPos));
      if (owner === undefined) return false;
    }
    const s = this.lastAddImm();
    let at: number;
    if (s >= 0) {
      code[s] = I.I32_ADD_IMM_LOOP;
      code.push(test, x, k, cost, code[exitPos], L + 7, L);
      at = s + 8;
    } else {
      at = this.emit(I.BR_LOOP, test, x, k, cost, code[exitPos], L + 7, L) + 5;
    }
    owner?.patches.push(at);
    this.lastDst = -1;
    return true;
  }

  /** Fast mode: the start of the last instruction when it is an I32_ADD_IMM, else -1. */
  private lastAddImm(): number {
    const n = this.pcs.length;
    const s = n > 0 ? this.pcs[n - 1] : -1;
    return !this.exact && s >= 0 && this.code[s] === I.I32_ADD_IMM && s + 4 === this.code.length ? s : -1;
  }

  private resultSlots(): number {
    let n = 0;
    for (const t of this.resultTypes) n += slotsOf(t);
    return n;
  }

  /** Records a jump-target word to patch: for loops now, for blocks at their end. */
  private target(l: number, pos: number): void {
    const c = this.ctrl[this.ctrl.length - 1 - l];
    if (c.kind === K_LOOP) this.code[pos] = c.loopPc;
    else c.patches.push(pos);
  }

  private br(l: number): void {
    const c = this.ctrl[this.ctrl.length - 1 - l];
    this.moveToLabel(c);
    this.jumpTo(l);
  }

  private setDead(): void {
    const c = this.top;
    this.truncate(c.height);
    c.dead = true;
    this.fuelPos = -1;
  }

  // ---- the instruction walk -----------------------------------------------------------------

  private deadDepth = 0;

  private instr(r: InstrReader): void {
    const op = r.op;
    this.k++;
    this.curOffset = r.offset;
    if (this.top.dead) {
      if (op === OP.block || op === OP.loop || op === OP.if || op === OP.try_table || op === OP.try) {
        this.deadDepth++;
        return;
      }
      if (this.deadDepth > 0) {
        if (op === OP.end) this.deadDepth--;
        return;
      }
      if (op !== OP.end && op !== OP.else && op !== OP.catch && op !== OP.catch_all
        && op !== OP.delegate) return;
    } else {
      // reachable code: the translator's stack must be the validator's
      if (this.sType.length !== this.side.height(this.k)) {
        throw new Trap(`internal error: stack height ${this.sType.length} at offset ${r.offset}, validator recorded ${this.side.height(this.k)}`);
      }
      if (this.exact) {
        this.closeFuel();
        this.openFuel(r.offset);
        this.code[this.fuelPos] = 1;
      } else {
        if (this.fuelPos < 0) this.openFuel(r.offset);
        this.code[this.fuelPos]++;
      }
    }
    const info = OPS[op];
    switch (op) {
      case OP.nop:
        // (in exact code nop, drop and block are their FUEL op alone: one step, one pause point)
        return;
      case OP.unreachable:
        this.emit(I.UNREACHABLE);
        this.setDead();
        return;
      case OP.block: case OP.loop: case OP.if: case OP.try_table: case OP.try: {
        // the validator pops a block's parameters and pushes them back as its first values
        const nParams = this.side.pushCount(this.k);
        let cond = -1;
        if (op === OP.if) cond = this.pop();
        this.materializeAll();
        if (op === OP.try_table) {
          // catch labels are resolved outside the try_table's own label
          this.openHandler(nParams, r);
          return;
        }
        const c = this.newCtrl(op === OP.block ? K_BLOCK : op === OP.loop ? K_LOOP
          : op === OP.if ? K_IF : K_TRY, nParams);
        if (op === OP.loop) {
          this.closeFuel();
          c.loopPc = this.code.length;
        } else if (op === OP.if) {
          c.elsePatch = this.fuseBranch(cond, true);
          if (c.elsePatch < 0) c.elsePatch = this.emit(I.BR_UNLESS, cond, -1) + 2;
          this.closeFuel();
        } else if (op === OP.try) {
          c.hidden = this.hiddenNext++;
          c.handler = this.handlers.length;
          this.handlers.push({ start: this.code.length, end: -1, parent: this.curHandler,
            delegate: -2, hidden: c.hidden, catches: [] });
          c.inner = this.curHandler = c.handler;
        }
        this.ctrl.push(c);
        return;
      }
      case OP.else: {
        const c = this.top;
        if (!c.dead) {
          this.materializeAll();
          const at = this.emit(I.BR, -1);
          c.patches.push(at + 1);
        }
        this.code[c.elsePatch] = this.code.length;
        c.elsePatch = -1;
        c.kind = K_ELSE;
        c.dead = false;
        this.truncate(c.height);
        this.pushRecorded(); // the block's parameters again
        this.fuelPos = -1;
        return;
      }
      case OP.catch: case OP.catch_all: {
        const c = this.top;
        if (!c.dead) {
          this.materializeAll();
          const at = this.emit(I.BR, -1);
          c.patches.push(at + 1);
        }
        const h = this.handlers[c.handler];
        if (h.end < 0) h.end = this.code.length;
        this.curHandler = c.inner = c.outer;
        c.kind = K_CATCH;
        c.dead = false;
        this.truncate(c.height);
        if (op === OP.catch) {
          const slot = this.nextSlot();
          this.pushRecorded(); // the tag's parameters
          h.catches.push({ kind: 0, tag: r.x, target: this.code.length, slot });
        } else {
          h.catches.push({ kind: 2, tag: -1, target: this.code.length, slot: this.nextSlot() });
        }
        this.fuelPos = -1;
        return;
      }
      case OP.delegate: {
        const c = this.top;
        const h = this.handlers[c.handler];
        h.end = this.code.length;
        const tc = this.ctrl[this.ctrl.length - 2 - r.x];
        h.delegate = tc.kind === K_FUNC ? -1 : tc.inner;
        this.endBlock(r);
        return;
      }
      case OP.end:
        this.endBlock(r);
        return;
      case OP.br:
        this.br(r.x);
        this.setDead();
        return;
      case OP.br_if: {
        const cond = this.pop();
        const c = this.ctrl[this.ctrl.length - 1 - r.x];
        if (c.kind !== K_FUNC && !this.labelNeedsMoves(c)) {
          this.materializeAll();
          const fusedAt = this.fuseBranch(cond, false);
          if (fusedAt >= 0) {
            this.target(r.x, fusedAt);
            this.closeFuel();
            return;
          }
          this.target(r.x, this.emitBrIf(cond));
        } else {
          this.materializeAll();
          const skip = this.emit(I.BR_UNLESS, cond, -1) + 2;
          this.br(r.x);
          this.code[skip] = this.code.length;
        }
        this.closeFuel();
        return;
      }
      case OP.br_table: {
        const idx = this.pop();
        this.materializeAll();
        const n = r.labelCount;
        const labels = r.labels.slice(0, n);
        labels.push(r.x);
        const at = this.emit(I.BR_TABLE, idx, n);
        for (let k = 0; k <= n; k++) this.code.push(-1);
        for (let k = 0; k <= n; k++) {
          const l = labels[k];
          const c = this.ctrl[this.ctrl.length - 1 - l];
          if (c.kind !== K_FUNC && !this.labelNeedsMoves(c)) {
            this.target(l, at + 3 + k);
          } else {
            this.code[at + 3 + k] = this.code.length; // a trampoline: moves, then jump
            this.br(l);
          }
        }
        this.setDead();
        return;
      }
      case OP.return: {
        this.br(this.ctrl.length - 1);
        this.setDead();
        return;
      }
      case OP.call: case OP.return_call: {
        this.call(op === OP.return_call, this.recPops(), (base, n) => op === OP.call
          ? [I.CALL, r.x, base] : [I.RETURN_CALL, r.x, base, n]);
        return;
      }
      case OP.call_indirect: case OP.return_call_indirect: {
        const it = this.topType(); // the table's address type
        const idx = this.pop();
        const idx2 = this.push(it);
        this.materializeAll();
        if (idx !== idx2) this.move(idx2, idx, it);
        this.pop();
        const x = r.x, y = r.y;
        this.call(op === OP.return_call_indirect, this.recPops() - 1, (base, n) =>
          op === OP.call_indirect ? [I.CALL_INDIRECT, x, y, base, idx2]
            : [I.RETURN_CALL_INDIRECT, x, y, base, idx2, n]);
        return;
      }
      case OP.call_ref: case OP.return_call_ref: {
        const ref = this.pop();
        const ref2 = this.push(T_REF);
        this.materializeAll();
        if (ref !== ref2) this.move(ref2, ref, T_REF);
        this.pop();
        this.call(op === OP.return_call_ref, this.recPops() - 1, (base, n) => op === OP.call_ref
          ? [I.CALL_REF, base, ref2] : [I.RETURN_CALL_REF, base, ref2, n]);
        return;
      }
      case OP.throw: {
        const base = this.args(this.recPops());
        this.materializeAll();
        this.emit(I.THROW, r.x, base);
        this.setDead();
        return;
      }
      case OP.throw_ref: {
        const a = this.pop();
        this.materializeAll();
        this.emit(I.THROW_REF, a);
        this.setDead();
        return;
      }
      case OP.rethrow: {
        const c = this.ctrl[this.ctrl.length - 1 - r.x];
        this.materializeAll();
        this.emit(I.RETHROW, c.hidden);
        this.setDead();
        return;
      }
      case OP.i32_wrap_i64: case OP.i32_reinterpret_f32: case OP.f32_reinterpret_i32:
      case OP.i64_reinterpret_f64: case OP.f64_reinterpret_i64:
        // fast mode: the slot already holds the result's bits (an i32 reads the low word of
        // an i64), so the entry only changes type: no instruction
        if (!this.exact) {
          this.sType[this.sType.length - 1] = this.recType(0);
          return;
        }
        this.generic(r, op, info.params);
        return;
      case OP.drop:
        this.discard();
        return;
      case OP.select: case OP.select_t: {
        if (this.fuseSelect()) return;
        const c = this.pop();
        const b = this.pop();
        const t = this.topType();
        const a = this.pop();
        const d = this.push(t);
        this.emitDst(t === T_REF ? I.SELECT_REF : t === T_V128 ? I.SELECT_V128 : I.SELECT,
          d, a, b, c);
        return;
      }
      case OP.local_get: {
        const t = this.localTypes[r.x];
        const ls = this.localSlots[r.x];
        if (this.exact) {
          const d = this.push(t);
          this.move(d, ls, t);
        } else {
          this.push(t);
          this.sAlias[this.sAlias.length - 1] = ls;
          this.aliases++;
        }
        return;
      }
      case OP.local_set: case OP.local_tee: {
        const ls = this.localSlots[r.x];
        const t = this.localTypes[r.x];
        // entries aliasing this local must read its old value first
        if (this.aliases > 0) {
          for (let i = 0; i < this.sType.length - 1; i++) {
            if (this.sAlias[i] === ls) this.materialize(i);
          }
        }
        const h = this.sType.length - 1;
        const topSlot = this.sSlot[h];
        let src = -1;
        if (this.topIsConst()) {
          const v = this.popConst();
          this.emitDst(I.CONST, ls, v, this.constHi);
        } else if (!this.exact && this.sAlias[h] === -1 && this.lastDst >= 0
          && this.code.length === this.lastEnd && this.code[this.lastDst] === topSlot) {
          this.code[this.lastDst] = ls; // the producer writes the local directly
          this.lastDst = -1;
          this.pop();
          this.mergeAddImm();
        } else {
          src = this.pop();
          this.move(ls, src, t);
          if (this.exact && src === ls) this.emit(I.NOP);
        }
        if (op === OP.local_tee) {
          const d = this.push(t);
          // exact mode: the value is still in its stack slot (d is the slot it was popped from)
          if (this.exact) {
            if (d !== src) this.move(d, ls, t);
          } else {
            this.sAlias[this.sAlias.length - 1] = ls;
            this.aliases++;
          }
        }
        return;
      }
      case OP.global_get: {
        const t = this.recType(0);
        const d = this.push(t);
        this.emitDst(t === T_REF ? I.GLOBAL_GET_REF : t === T_V128 ? I.GLOBAL_GET_V128
          : I.GLOBAL_GET, d, r.x);
        return;
      }
      case OP.global_set: {
        const t = this.topType();
        const a = this.pop();
        this.emit(t === T_REF ? I.GLOBAL_SET_REF : t === T_V128 ? I.GLOBAL_SET_V128
          : I.GLOBAL_SET, r.x, a);
        return;
      }
      case OP.i32_const: case OP.f32_const: case OP.i64_const: case OP.f64_const: {
        const t = op === OP.i32_const ? T_I32 : op === OP.f32_const ? T_F32
          : op === OP.i64_const ? T_I64 : T_F64;
        if ((t === T_F32 || t === T_F64) && this.aliasLoopConst(t, r)) return;
        const lo = t === T_I32 || t === T_F32 ? r.i32 : r.lo;
        const hi = t === T_I32 ? (r.i32 < 0 ? -1 : 0) : t === T_F32 ? 0 : r.hi;
        const d = this.push(t);
        if (this.exact) {
          this.emitDst(I.CONST, d, lo, hi);
        } else {
          // fast mode: the constant stays an immediate until something needs it in a slot
          const k = this.sAlias.length - 1;
          this.sAlias[k] = CONST_ALIAS;
          this.sConst[k] = lo;
          this.sConstHi[k] = hi;
          this.aliases++;
        }
        return;
      }
      case OP.v128_const: {
        if (this.aliasLoopConst(T_V128, r)) return;
        const d = this.push(T_V128);
        this.emitDst(I.CONST_V128, d, r.v128[0], r.v128[1], r.v128[2], r.v128[3]);
        return;
      }
      case OP.ref_null: {
        const d = this.push(T_REF);
        this.emitDst(I.REF_NULL, d);
        return;
      }
      case OP.ref_func: {
        const d = this.push(T_REF);
        this.emitDst(I.REF_FUNC, d, r.x);
        return;
      }
      case OP.ref_is_null: {
        const a = this.pop();
        const d = this.push(T_I32);
        this.emitDst(I.REF_IS_NULL, d, a);
        return;
      }
      case OP.ref_as_non_null: {
        const a = this.pop();
        const d = this.push(T_REF);
        this.emitDst(I.REF_AS_NON_NULL, d, a);
        return;
      }
      case OP.br_on_null: case OP.br_on_non_null: {
        const a = this.pop();
        const ra = this.push(T_REF);
        this.materializeAll();
        if (a !== ra) this.move(ra, a, T_REF);
        if (op === OP.br_on_null) {
          this.pop();
          const c = this.ctrl[this.ctrl.length - 1 - r.x];
          if (c.kind !== K_FUNC && !this.labelNeedsMoves(c)) {
            const at = this.emit(I.BR_ON_NULL, ra, -1);
            this.target(r.x, at + 2);
          } else {
            const skip = this.emit(I.BR_ON_NON_NULL, ra, -1) + 2;
            this.br(r.x);
            this.code[skip] = this.code.length;
          }
          this.push(T_REF);
        } else {
          // the branch carries the non-null ref as the label's last value
          const c = this.ctrl[this.ctrl.length - 1 - r.x];
          const skip = this.emit(I.BR_ON_NULL, ra, -1) + 2;
          this.br(r.x);
          this.code[skip] = this.code.length;
          this.pop();
          void c;
        }
        this.closeFuel();
        return;
      }
      case OP.memory_size: case OP.memory_grow: case OP.table_size: case OP.table_grow:
      case OP.table_get: case OP.table_set: case OP.table_fill: case OP.elem_drop:
      case OP.data_drop:
        this.slowOp(op, r.x, 0, 0);
        return;
      case OP.table_copy: case OP.table_init: case OP.memory_init: case OP.memory_copy:
      case OP.memory_fill:
        this.slowOp(op, r.x, r.y, 0);
        return;
      case OP.br_on_cast: case OP.br_on_cast_fail: case OP.br_on_cast_desc_eq:
      case OP.br_on_cast_desc_eq_fail: {
        // the SLOW op tests the reference (kept in place) and writes the branch condition to
        // the int word of its slot
        // operands: the reference (and a descriptor); the label's other values stay below
        const f = gcBranchForm(r)!;
        const nParams = this.recPops() - this.side.pushCount(this.k) + 1;
        const base = this.args(nParams);
        this.truncate(this.sType.length - nParams + 1);
        this.materializeAll();
        this.emit(I.SLOW, op, base, f.a, f.b, 0, 0);
        const c = this.ctrl[this.ctrl.length - 1 - r.x];
        if (c.kind !== K_FUNC && !this.labelNeedsMoves(c)) {
          const at = this.emit(I.BR_IF, base, -1);
          this.target(r.x, at + 2);
        } else {
          const skip = this.emit(I.BR_UNLESS, base, -1) + 2;
          this.br(r.x);
          this.code[skip] = this.code.length;
        }
        this.closeFuel();
        return;
      }
      default: {
        if ((op === OP.struct_get || op === OP.struct_get_u) && this.structGet(r)) return;
        if (op === OP.struct_new) {
          // the SLOW operand layout, run by its own case (allocation-heavy code)
          this.emit(I.STRUCT_NEW, this.slotsFromBase(), r.x);
          return;
        }
        const gc = gcSlowForm(r);
        if (gc !== null) {
          this.slowOp(op, gc.a, gc.b, 0);
          return;
        }
        this.generic(r, op, info.params);
      }
    }
  }

  /**
   * Fast mode: when `cond` was just computed by an i32 compare or eqz, rewrites that
   * instruction into a conditional branch (taken when cond is true, or false if `negate`).
   * Returns the position of its target word, or -1.
   */
  private fuseBranch(cond: number, negate: boolean): number {
    if (this.exact || this.lastDst < 0 || this.code.length !== this.lastEnd
      || this.code[this.lastDst] !== cond || cond < this.stackBase) return -1;
    const s = this.lastStart;
    const op = this.code[s];
    this.lastDst = -1;
    if (op === I.I32_EQZ) {
      this.code[s] = negate ? I.BR_IF : I.BR_UNLESS;
      this.code[s + 1] = this.code[s + 2];
      this.code[s + 2] = -1;
      return s + 2;
    }
    const fused = negate ? I32_CMP_NOT[op] : I32_CMP[op];
    if (fused < 0) return -1;
    const x = this.code[s + 2], y = this.code[s + 3];
    // a counted loop's step right before: one I32_ADD_IMM_BR_IF_NE(_IMM) (same basic block:
    // the compare's position is no label, since it did not start with a FUEL op)
    const n = this.pcs.length;
    const p = n >= 2 ? this.pcs[n - 2] : -1;
    if ((fused === I.BR_IF_NE || fused === I.BR_IF_NE_IMM) && p > this.fuelPos && p + 4 === s
      && this.code[p] === I.I32_ADD_IMM && !this.handlers.some((h) => h.start === s || h.end === s)) {
      this.code[p] = fused === I.BR_IF_NE ? I.I32_ADD_IMM_BR_IF_NE : I.I32_ADD_IMM_BR_IF_NE_IMM;
      this.code.length = s;
      this.code.push(x, y, -1);
      this.pcs.pop();
      this.offs.pop();
      return p + 6;
    }
    this.code[s] = fused;
    this.code[s + 1] = x;
    this.code[s + 2] = y;
    this.code[s + 3] = -1;
    return s + 3;
  }

  /**
   * struct.get of a reference, 32-bit or 64-bit field in register form (STRUCT_GET_REF / _W /
   * _W2); packed and v128 fields stay SLOW. Returns false for those.
   */
  private structGet(r: InstrReader): boolean {
    const l = structLayout(this.func.instance!.typeIds[r.x]);
    const kind = l.kinds[r.y];
    const ins = kind === SK_REF ? I.STRUCT_GET_REF : kind === SK_I32 || kind === SK_F32 ? I.STRUCT_GET_W
      : kind === SK_I64 || kind === SK_F64 ? I.STRUCT_GET_W2 : -1;
    if (ins < 0) return false;
    const s = this.pop();
    const d = this.push(this.recType(0));
    this.emitDst(ins, d, s, l.pos[r.y]);
    return true;
  }

  /** Fast mode: pushes a constant that has a slot (loopConsts) as an alias of it. */
  private aliasLoopConst(t: number, r: InstrReader): boolean {
    if (this.exact || this.loopConsts.size === 0) return false;
    const cs = this.loopConsts.get(`${t}:${constWords(t, r).join(',')}`);
    if (cs === undefined || cs < 0) return false;
    this.push(t);
    this.sAlias[this.sAlias.length - 1] = cs;
    this.aliases++;
    return true;
  }

  /** A call with `n` arguments on top; its results are the recorded pushes. */
  private call(tail: boolean, n: number, make: (base: number, n: number) => number[]): void {
    // entries below the arguments first, so the arguments' own moves come right before the call
    for (let i = 0; i < this.sType.length - n; i++) this.materialize(i);
    const base = this.args(n);
    let slots = 0;
    for (let k = this.sType.length - n; k < this.sType.length; k++) slots += slotsOf(this.sType[k]);
    this.truncate(this.sType.length - n);
    const ins = make(base, slots);
    if (ins[0] !== I.CALL || !this.fuseArgMoves(ins[1], base)) this.emit(...ins);
    if (tail) { this.setDead(); return; }
    this.pushRecorded();
    this.closeFuel();
  }

  /**
   * Fast mode: the last one or two instructions emitted are MOVs (of this basic block) into
   * the call's argument slots, which a CALL_MOV1 / CALL_MOV2 makes itself (one or two
   * dispatches less per call). Returns false when they are not.
   */
  private fuseArgMoves(f: number, base: number): boolean {
    if (this.exact) return false;
    const code = this.code, pcs = this.pcs, n = pcs.length;
    // a MOV of this basic block, right before the next instruction (or the end of the code)
    const isMove = (k: number): boolean => k >= 0 && pcs[k] > this.fuelPos && code[pcs[k]] === I.MOV
      && pcs[k] + 3 === (k + 1 < n ? pcs[k + 1] : code.length);
    if (!isMove(n - 1)) return false;
    const k0 = isMove(n - 2) ? n - 2 : n - 1;
    const first = pcs[k0];
    // a try_table opened or closed after the first move would no longer cover the call
    for (const h of this.handlers) if (h.start > first || h.end > first) return false;
    const moves: number[] = [];
    for (let k = k0; k < n; k++) moves.push(code[pcs[k] + 1], code[pcs[k] + 2]);
    code.length = first;
    pcs.length = k0;
    this.offs.length = k0;
    this.emit(k0 === n - 2 ? I.CALL_MOV2 : I.CALL_MOV1, f, base, ...moves);
    return true;
  }

  private openHandler(nParams: number, r: InstrReader): void {
    const h = this.handlers.length;
    const handler: Handler = { start: this.code.length, end: -1, parent: this.curHandler,
      delegate: -2, hidden: -1, catches: [] };
    this.handlers.push(handler);
    for (const cl of r.catches) {
      const lc = this.ctrl[this.ctrl.length - 1 - cl.label];
      const c: Catch = { kind: cl.kind, tag: cl.tag, target: -1, slot: lc.slot };
      handler.catches.push(c);
      if (lc.kind === K_LOOP) c.target = lc.loopPc;
      else if (lc.kind === K_FUNC) c.target = -2; // catch to the function label: return
      else lc.catchPatches.push(c);
    }
    const c = this.newCtrl(K_TRY_TABLE, nParams);
    c.handler = h;
    c.inner = this.curHandler = h;
    if (this.exact) this.emit(I.NOP);
    this.ctrl.push(c);
  }

  private endBlock(r: InstrReader): void {
    const c = this.top;
    if (!c.dead) this.materializeAll();
    if (c.kind === K_FUNC) {
      if (!c.dead) this.emit(I.RETURN, c.slot, this.resultSlots());
      this.ctrl.pop();
      return;
    }
    this.ctrl.pop();
    if (c.kind === K_TRY || c.kind === K_CATCH || c.kind === K_TRY_TABLE) {
      const h = this.handlers[c.handler];
      if (h.end < 0) h.end = this.code.length;
      this.curHandler = c.outer;
    }
    if (c.elsePatch >= 0) this.code[c.elsePatch] = this.code.length; // `if` without `else`
    const end = this.code.length;
    for (const p of c.patches) this.code[p] = end;
    for (const k of c.catchPatches) k.target = end;
    this.truncate(c.height);
    this.pushRecorded(); // the block's results
    this.fuelPos = -1;
    void r;
  }

  /**
   * Fast mode: the opcode of the last value-producing instruction when nothing was emitted
   * since, it is `words` long and it wrote `slot`, a temporary (so only the entry being
   * consumed reads it); else -1. The fusions below rewrite or drop that instruction.
   */
  private lastProducer(words: number, slot: number): number {
    if (this.exact || this.lastDst < 0 || this.code.length !== this.lastEnd
      || this.lastEnd - this.lastStart !== words || this.code[this.lastDst] !== slot
      || slot < this.stackBase) return -1;
    return this.code[this.lastStart];
  }

  /**
   * Fast mode: `V128_SHUFFLE t a b L` just emitted, its result (a temporary) the operand of
   * this extend_low. When L's low eight lanes are the low or high half of a or b in order,
   * the pair is one extend_low or extend_high of that operand: clang widens a vector's high
   * half this way, and a generic byte shuffle costs more than the extend itself.
   */
  private fuseShuffleExtend(op: number): boolean {
    const h = this.sType.length - 1;
    if (h < 0 || this.sAlias[h] !== -1 || this.lastProducer(5, this.sSlot[h]) !== I.V128_SHUFFLE) return false;
    const s = this.lastStart;
    const lanes = shuffleLanes(this.code[s + 4]);
    const first = lanes[0];
    if ((first & 7) !== 0) return false;
    for (let i = 1; i < 8; i++) if (lanes[i] !== first + i) return false;
    const src = this.code[first < 16 ? s + 2 : s + 3];
    const use = (first & 8) === 0 ? op : EXTEND_HIGH[op];
    this.dropLast();
    this.pop();
    const d = this.push(T_V128);
    if (HOT[use] >= 0) this.emitDst(HOT[use], d, src);
    else this.emitDst(I.V128_UN, d, src, use);
    return true;
  }

  /**
   * Fast mode: one operand of this i16x8.mul is a temporary just made by
   * `I16X8_EXTEND_LOW/HIGH_I8X16_U t a`: the pair becomes I16X8_MUL_EXTEND d x a half (lanes
   * of x times the widened bytes of a's low (0) or high (1) half; integer lanes commute).
   */
  private fuseMulExtend(): boolean {
    const h = this.sType.length - 1;
    let side = -1;
    for (const k of [h, h - 1]) {
      if (k < 0 || this.sAlias[k] !== -1) continue;
      const p = this.lastProducer(3, this.sSlot[k]);
      if (p === I.I16X8_EXTEND_LOW_I8X16_U || p === I.I16X8_EXTEND_HIGH_I8X16_U) { side = k; break; }
    }
    if (side < 0) return false;
    const s = this.lastStart;
    const half = this.code[s] === I.I16X8_EXTEND_HIGH_I8X16_U ? 1 : 0, a = this.code[s + 2];
    this.dropLast();
    const top = this.pop();
    const below = this.pop();
    const x = side === h ? below : top;
    const d = this.push(T_V128);
    this.emitDst(I.I16X8_MUL_EXTEND, d, x, a, half);
    return true;
  }

  /**
   * Fast mode: this i16x8.shr_u by a constant k shifts a temporary just made by
   * `I16X8_ADD t a b`: the pair becomes I16X8_ADD_SHR_U_IMM d a b k.
   */
  private fuseAddShift(k: number): boolean {
    const h = this.sType.length - 1;
    if (h < 0 || this.sAlias[h] !== -1 || this.lastProducer(4, this.sSlot[h]) !== I.I16X8_ADD) return false;
    const s = this.lastStart;
    const a = this.code[s + 2], b = this.code[s + 3];
    this.dropLast();
    this.pop();
    const d = this.push(T_V128);
    this.emitDst(I.I16X8_ADD_SHR_U_IMM, d, a, b, k);
    return true;
  }

  /**
   * Removes the last instruction emitted, which a fusion took over (or the one at `start`,
   * when it is the last one left).
   */
  private dropLast(start = this.lastStart): void {
    this.code.length = start;
    this.pcs.pop();
    this.offs.pop();
    this.lastDst = -1;
  }

  /**
   * Fast mode: when the address (`depth` entries below the top) is a temporary computed by
   * `I32_ADD_IMM t a c`, the last instruction emitted (so nothing since can have written `a`),
   * drops that instruction and returns [a, c] for the memory op to add itself (one dispatch
   * less per access). The caller still pops the entry (its slot is then dead).
   */
  private foldAddressAdd(depth: number): [number, number] | null {
    const h = this.sType.length - 1 - depth;
    if (h < 0 || this.sAlias[h] !== -1 || this.lastProducer(4, this.sSlot[h]) !== I.I32_ADD_IMM) return null;
    const s = this.lastStart;
    const a = this.code[s + 2], c = this.code[s + 3];
    this.dropLast();
    return [a, c];
  }

  /**
   * Fast mode: which operand of the binary op about to be emitted the last instruction made,
   * when that is a load (5 words) accepted by `isLoad` into a temporary: 1 the right one, 0
   * the left one (the right then needed no instruction), -1 neither.
   */
  private loadOperand(isLoad: (op: number) => boolean): number {
    const h = this.sType.length - 1;
    if (h < 1) return -1;
    if (this.sAlias[h] === -1 && isLoad(this.lastProducer(5, this.sSlot[h]))) return 1;
    if (this.sAlias[h - 1] === -1 && isLoad(this.lastProducer(5, this.sSlot[h - 1]))) return 0;
    return -1;
  }

  /**
   * Replaces that load and the binary op by one `op d x [t] addr off add` (x the other
   * operand, t the load's temporary, kept for a NaN path). It keeps the load's wasm offset:
   * only the load part can trap.
   */
  private emitWithLoad(op: number, type: number, right: boolean, withTemp: boolean, ...extra: number[]): void {
    const s = this.lastStart;
    const addr = this.code[s + 2], off = this.code[s + 3], add = this.code[s + 4];
    const loadOffset = this.offs[this.offs.length - 1];
    this.dropLast();
    const b = this.pop();
    const a = this.pop();
    const d = this.push(type);
    const x = right ? a : b, t = right ? b : a;
    if (withTemp) this.emitDst(op, d, x, t, addr, off, add, ...extra);
    else this.emitDst(op, d, x, addr, off, add, ...extra);
    this.offs[this.offs.length - 1] = loadOffset;
  }

  /**
   * Fast mode: an f64.load (f32.load) making one operand of this f64 (f32) add/sub/mul is
   * merged with it: F64_*_LOAD when it is the right operand, F64_LOAD_* when it is the left
   * one, and the same for f32.
   */
  private fuseLoad(hot: number): boolean {
    const f64 = hot === I.F64_ADD || hot === I.F64_SUB || hot === I.F64_MUL;
    const load = f64 ? I.F64_LOAD : I.F32_LOAD;
    const side = this.loadOperand((op) => op === load);
    if (side < 0) return false;
    const k = hot === I.F64_ADD || hot === I.F32_ADD ? 0 : hot === I.F64_SUB || hot === I.F32_SUB ? 1 : 2;
    const first = f64 ? (side === 1 ? I.F64_ADD_LOAD : I.F64_LOAD_ADD) : (side === 1 ? I.F32_ADD_LOAD : I.F32_LOAD_ADD);
    this.emitWithLoad(first + k, f64 ? T_F64 : T_F32, side === 1, true);
    return true;
  }

  /**
   * Fast mode: a v128.load making one operand of this i32x4.add/mul or f32x4.add/mul is
   * merged with it into V128_OP_LOAD (saxpy's a*x[i], a dot product's x[i]*y[i]).
   */
  private fuseV128Load(hot: number): boolean {
    const side = this.loadOperand((op) => op === I.V128_LOAD);
    if (side < 0) return false;
    const k = hot === I.I32X4_ADD ? 0 : hot === I.I32X4_MUL ? 1 : hot === I.F32X4_ADD ? 2 : 3;
    this.emitWithLoad(I.V128_OP_LOAD, T_V128, side === 1, true, side === 1 ? k : k + 4);
    return true;
  }

  /**
   * Fast mode: this i32x4.extend_low_i16x8_u widens a temporary just made by
   * `I16X8_EXTEND_LOW_I8X16_U t a`: both become I32X4_EXTEND_U8 d a (four bytes to four
   * lanes). When a is itself a temporary made right before by an i32x4/i64x2 splat of s, only
   * s's low word is read, so the splat goes too (clang's u8 -> i32 widening of a scalar load).
   */
  private fuseExtendU8(): boolean {
    const h = this.sType.length - 1;
    if (h < 0 || this.sAlias[h] !== -1 || this.lastProducer(3, this.sSlot[h]) !== I.I16X8_EXTEND_LOW_I8X16_U) return false;
    const s = this.lastStart, p = this.prevStart;
    let a = this.code[s + 2];
    this.dropLast();
    if (p >= 0 && p + 3 === s && (this.code[p] === I.I32X4_SPLAT || this.code[p] === I.I64X2_SPLAT)
      && this.code[p + 1] === a && a >= this.stackBase) {
      a = this.code[p + 2];
      this.dropLast(p);
    }
    this.pop();
    const d = this.push(T_V128);
    this.emitDst(I.I32X4_EXTEND_U8, d, a, 0xff);
    return true;
  }

  /**
   * Fast mode: this v128.and takes a temporary just made by `V128_SHUFFLE t a b L` and a v128
   * loop constant: the two become V128_SHUFFLE_MASKED d a b id, which gathers only the bytes
   * the mask keeps, or I32X4_EXTEND_U8 d a m when the shuffle spreads a's four low bytes to
   * the lanes and the mask is splat(m) (clang's widening of compare results: m = 1).
   */
  private fuseShuffleMask(): boolean {
    const h = this.sType.length - 1;
    if (h < 1) return false;
    for (const [t, m] of [[h - 1, h], [h, h - 1]]) {
      if (this.sAlias[t] !== -1 || this.lastProducer(5, this.sSlot[t]) !== I.V128_SHUFFLE) continue;
      const mask = this.sAlias[m] >= 0 ? this.loopV128At.get(this.sAlias[m]) : undefined;
      if (mask === undefined) continue;
      const s = this.lastStart;
      const a = this.code[s + 2], b = this.code[s + 3], lanes = shuffleLanes(this.code[s + 4]);
      this.dropLast();
      this.pop();
      this.pop();
      const d = this.push(T_V128);
      // bytes 0..3 of a, one to each lane's low byte, and-ed with splat(m): a masked u8 extend
      const k = mask[0];
      if (k >= 0 && k < 256 && mask.every((w, j) => w === k && lanes[4 * j] === j)) {
        this.emitDst(I.I32X4_EXTEND_U8, d, a, k);
      } else {
        this.emitDst(I.V128_SHUFFLE_MASKED, d, a, b, internMaskedShuffle(lanes, mask));
      }
      return true;
    }
    return false;
  }

  /**
   * Fast mode: this f32x4.pmin's left operand is a temporary just made by `F32X4_PMAX t a b`
   * (clang's clamp): the two become F32X4_PMAX_PMIN d a b c.
   */
  private fuseClamp(): boolean {
    const h = this.sType.length - 1;
    if (h < 1 || this.sAlias[h - 1] !== -1 || this.lastProducer(4, this.sSlot[h - 1]) !== I.F32X4_PMAX) return false;
    const s = this.lastStart;
    const a = this.code[s + 2], b = this.code[s + 3];
    this.dropLast();
    const c = this.pop();
    this.pop();
    const d = this.push(T_V128);
    this.emitDst(I.F32X4_PMAX_PMIN, d, a, b, c);
    return true;
  }

  /**
   * Fast mode: an i32 load (32, 16 or 8 bits) making one operand of this i32.add or i32.mul
   * (both commute exactly) is merged with it: I32_ADD_LOAD* / I32_MUL_LOAD* d x addr off add
   * (sum += a[i], a[i] * k).
   */
  private fuseAddLoad(mul: boolean): boolean {
    const side = this.loadOperand((op) => ADD_LOAD_OF[op] >= 0);
    if (side < 0) return false;
    const add = ADD_LOAD_OF[this.code[this.lastStart]];
    this.emitWithLoad(mul ? add - I.I32_ADD_LOAD + I.I32_MUL_LOAD : add, T_I32, side === 1, false);
    return true;
  }

  /**
   * Fast mode: `F64_MUL t a b` just emitted, producing one operand of this f64.add/sub (a
   * temporary): the two become one F64_MUL_ADD / ADD_MUL / MUL_SUB / SUB_MUL d a b c t.
   */
  private fuseMulAdd(add: boolean): boolean {
    const h = this.sType.length - 1;
    if (h < 1) return false;
    const right = this.sAlias[h] === -1 && this.lastProducer(4, this.sSlot[h]) === I.F64_MUL;
    if (!right && !(this.sAlias[h - 1] === -1 && this.lastProducer(4, this.sSlot[h - 1]) === I.F64_MUL)) return false;
    const s = this.lastStart;
    const t = this.code[s + 1], a = this.code[s + 2], b = this.code[s + 3];
    this.dropLast();
    const y = this.pop();
    const x = this.pop();
    const d = this.push(T_F64);
    const op = add ? (right ? I.F64_ADD_MUL : I.F64_MUL_ADD) : (right ? I.F64_SUB_MUL : I.F64_MUL_SUB);
    this.emitDst(op, d, a, b, right ? x : y, t);
    return true;
  }

  /**
   * Fast mode: an i64 shift or rotate reads only the low 6 bits of its count, so a count just
   * made by i64.extend_i32_[su] (into a temporary) can be the i32 itself: the extend is
   * dropped and the count entry aliases its source.
   */
  private dropCountExtend(): void {
    const h = this.sType.length - 1;
    if (this.sAlias[h] !== -1) return;
    const op = this.lastProducer(3, this.sSlot[h]);
    if (op !== I.I64_EXTEND_I32_U && op !== I.I64_EXTEND_I32_S) return;
    const src = this.code[this.lastStart + 2];
    this.dropLast();
    if (src !== this.sSlot[h]) { this.sAlias[h] = src; this.aliases++; }
  }

  /**
   * Fast mode: `F64_<op>_LOAD t a u addr off 0` just emitted, and this f64.store (offset `off`)
   * writes its result t (a temporary) back to the same address: x[i] op= v becomes one
   * F64_<op>_LOAD_STORE. Returns false when the pattern does not match.
   */
  private fuseLoadOpStore(off: number): boolean {
    const h = this.sType.length - 1;
    if (h < 1 || this.sAlias[h] !== -1) return false;
    const op = this.lastProducer(7, this.sSlot[h]);
    if (op !== I.F64_ADD_LOAD && op !== I.F64_SUB_LOAD && op !== I.F64_MUL_LOAD) return false;
    const s = this.lastStart;
    const d = this.code[s + 1], t = this.code[s + 3], addr = this.code[s + 4];
    const a = this.sAlias[h - 1];
    const addrSlot = a >= 0 ? a : a === -1 ? this.sSlot[h - 1] : -1;
    if (addrSlot !== addr || addr === d || addr === t
      || this.code[s + 5] !== off || this.code[s + 6] !== 0) return false;
    this.code[s] = op - I.F64_ADD_LOAD + I.F64_ADD_LOAD_STORE;
    this.pop();
    this.pop();
    this.lastDst = -1;
    if (op === I.F64_ADD_LOAD) this.fuseMulAddStore(s);
    return true;
  }

  /**
   * Fast mode: `V128_OP_LOAD d x t addr off 0 k` (an i32x4 op) just emitted, and this
   * v128.store (offset `off`) writes d (a temporary) back to that address: a[i] += x becomes
   * that one instruction with k + 16 (the store cannot trap when the load did not).
   */
  private fuseV128OpStore(off: number): boolean {
    const h = this.sType.length - 1;
    if (h < 1 || this.sAlias[h] !== -1 || this.lastProducer(8, this.sSlot[h]) !== I.V128_OP_LOAD) return false;
    const s = this.lastStart;
    const d = this.code[s + 1], t = this.code[s + 3], addr = this.code[s + 4];
    const a = this.sAlias[h - 1];
    const addrSlot = a >= 0 ? a : a === -1 ? this.sSlot[h - 1] : -1;
    if ((this.code[s + 7] & 2) !== 0 || addrSlot !== addr || addr === d || addr === t
      || this.code[s + 5] !== off || this.code[s + 6] !== 0) return false;
    this.code[s + 7] += 16;
    this.pop();
    this.pop();
    this.lastDst = -1;
    return true;
  }

  /**
   * Fast mode: `F64_LOAD l addr off 0; F64_MUL_ADD|ADD_MUL|MUL_SUB|SUB_MUL d a b l t` just
   * emitted, and this f64.store (offset `off`) writes d (a temporary) back to that address:
   * x[i] -= a * b and the like become one F64_MULADD_MEM (the store cannot trap when the
   * load did not: same address and size).
   */
  private fuseMulAddMem(off: number): boolean {
    const h = this.sType.length - 1;
    const n = this.pcs.length;
    if (h < 1 || n < 2 || this.sAlias[h] !== -1) return false;
    const kind = this.lastProducer(6, this.sSlot[h]);
    if (kind !== I.F64_MUL_ADD && kind !== I.F64_ADD_MUL && kind !== I.F64_MUL_SUB && kind !== I.F64_SUB_MUL) return false;
    const code = this.code, s = this.lastStart;
    const d = code[s + 1], a = code[s + 2], b = code[s + 3], l = code[s + 4], t = code[s + 5];
    const al = this.sAlias[h - 1];
    const addr = al >= 0 ? al : al === -1 ? this.sSlot[h - 1] : -1;
    // the load is right before, or before one F64_MUL (pure: the load may move after it)
    let k = n - 2;
    let mid: number[] = [];
    if (k >= 1 && code[this.pcs[k]] === I.F64_MUL && this.pcs[k] + 4 === s
      && code[this.pcs[k] + 1] !== addr && code[this.pcs[k] + 1] !== l
      && code[this.pcs[k] + 2] !== l && code[this.pcs[k] + 3] !== l) {
      mid = Array.from(code.slice(this.pcs[k], s));
      k--;
    }
    const p = this.pcs[k];
    if (p + 5 + mid.length !== s || p <= this.fuelPos || code[p] !== I.F64_LOAD || code[p + 1] !== l
      || l < this.stackBase || code[p + 2] !== addr || code[p + 3] !== off || code[p + 4] !== 0
      || addr === d || addr === t || addr === l || a === l || b === l) return false;
    const loadOffset = this.offs[k], midOffset = this.offs[k + 1];
    code.length = p;
    this.pcs.length = k;
    this.offs.length = k;
    this.pop();
    this.pop();
    if (mid.length > 0) {
      this.emit(...mid);
      this.offs[this.offs.length - 1] = midOffset;
    }
    this.emit(I.F64_MULADD_MEM, kind, a, b, addr, off, 0, t, l);
    this.offs[this.offs.length - 1] = loadOffset;
    return true;
  }

  /**
   * Fast mode: `F64_MUL_LOAD t x u addrB offB addB` right before the F64_ADD_LOAD_STORE at s
   * whose left operand is t (c[i] += x * b[j]) become one F64_MULADD_LOAD_STORE. Its two
   * accesses trap at their own wasm offsets: the op's pcs entry has b's, a second entry at
   * the op's pc + 1 has c's (the run loop steps pc there before that trap).
   */
  private fuseMulAddStore(s: number): void {
    const code = this.code, n = this.pcs.length, p = n >= 2 ? this.pcs[n - 2] : -1;
    if (this.pcs[n - 1] !== s || p + 7 !== s || code[p] !== I.F64_MUL_LOAD) return;
    const t = code[p + 1], u = code[p + 3], addrC = code[s + 4];
    // t only feeds the add; neither scratch slot is c's address register
    if (code[s + 2] !== t || t < this.stackBase || addrC === t || addrC === u) return;
    const offB = this.offs[n - 2], offC = this.offs[n - 1];
    const x = code[p + 2], addrB = code[p + 4], memB = code[p + 5], addB = code[p + 6], memC = code[s + 5];
    code.length = p;
    this.pcs.length = n - 2;
    this.offs.length = n - 2;
    // t (a temporary, never slot 0) first: pc + 1 is the second pcs entry, and offsetAt reads
    // a 0 there as a FUEL op
    this.emit(I.F64_MULADD_LOAD_STORE, t, x, addrB, memB, addB, addrC, memC, u);
    this.offs[n - 2] = offB;
    this.pcs.push(p + 1);
    this.offs.push(offC);
  }

  /**
   * Fast mode: the i32.add-constant just emitted had its result retargeted to a local, right
   * after another such add into a local: the two become one I32_ADD_IMM2 (pointer and counter
   * increments come in runs). Adjacent instructions of one basic block: no label between.
   */
  private mergeAddImm(): void {
    const s = this.lastStart;
    const n = this.pcs.length;
    if (this.code[s] !== I.I32_ADD_IMM || this.code.length !== s + 4 || n < 2) return;
    const prev = this.pcs[n - 2];
    if (prev + 4 !== s || this.code[prev] !== I.I32_ADD_IMM || this.code[prev + 1] >= this.stackBase) return;
    for (const h of this.handlers) if (h.start === s || h.end === s) return;
    this.code[prev] = I.I32_ADD_IMM2;
    this.code.splice(s, 1);
    this.pcs.pop();
    this.offs.pop();
  }

  /**
   * Fast mode: `I64_XOR_SHR_U_IMM t x n` just emitted, producing the operand `a` (a
   * temporary) of i64.mul by a constant: the two become one I64_XOR_SHR_U_MUL_IMM.
   */
  private fuseXorShiftMul(d: number, a: number, lo: number, hi: number): boolean {
    if (this.lastProducer(4, a) !== I.I64_XOR_SHR_U_IMM) return false;
    const x = this.code[this.lastStart + 2], n = this.code[this.lastStart + 3];
    this.dropLast();
    this.emitDst(I.I64_XOR_SHR_U_MUL_IMM, d, x, n, lo, hi);
    return true;
  }

  /**
   * Fast mode: `I64_SHR_U_IMM t x n` just emitted, producing the left operand (a temporary),
   * with x itself as the right operand: i64.xor becomes one I64_XOR_SHR_U_IMM d x n.
   */
  private fuseXorShift(): boolean {
    const h = this.sType.length - 1;
    if (h < 1 || this.sAlias[h - 1] !== -1 || this.sAlias[h] === CONST_ALIAS
      || this.lastProducer(5, this.sSlot[h - 1]) !== I.I64_SHR_U_IMM) return false;
    const s = this.lastStart;
    const x = this.code[s + 2], n = this.code[s + 3];
    const b = this.sAlias[h] >= 0 ? this.sAlias[h] : this.sSlot[h];
    if (b !== x) return false;
    this.dropLast();
    this.pop();
    this.pop();
    const d = this.push(T_I64);
    this.emitDst(I.I64_XOR_SHR_U_IMM, d, x, n);
    return true;
  }

  /**
   * Fast mode: i32.xor of two temporaries made by the last two instructions, both from one
   * value x: `ROTL_IMM t1 x k1; ROTL_IMM t2 x k2` become I32_ROTL_XOR2 d x k1 k2, and
   * `I32_ROTL_XOR2 t1 x k1 k2; ROTL_IMM|SHR_U_IMM t2 x k3` I32_ROTL_XOR3|_XOR2_SHR. The
   * first must not overwrite x (t1 !== x). Adjacent instructions: one basic block.
   */
  private fuseRotlXor(): boolean {
    const h = this.sType.length - 1;
    const n = this.pcs.length;
    if (this.exact || h < 1 || n < 2 || this.sAlias[h] !== -1 || this.sAlias[h - 1] !== -1) return false;
    const code = this.code, p = this.pcs[n - 2], q = this.pcs[n - 1];
    const last = code[q], first = code[p];
    if (code.length !== q + 4 || code[q + 1] !== this.sSlot[h] || code[p + 1] !== this.sSlot[h - 1]
      || (last !== I.I32_ROTL_IMM && last !== I.I32_SHR_U_IMM)) return false;
    const x = code[q + 2], k = code[q + 3];
    if (code[p + 2] !== x || code[p + 1] === x || this.sSlot[h] < this.stackBase || this.sSlot[h - 1] < this.stackBase) return false;
    let ins: number[];
    if (first === I.I32_ROTL_IMM && p + 4 === q && last === I.I32_ROTL_IMM) {
      ins = [I.I32_ROTL_XOR2, x, code[p + 3], k];
    } else if (first === I.I32_ROTL_XOR2 && p + 5 === q) {
      ins = [last === I.I32_ROTL_IMM ? I.I32_ROTL_XOR3 : I.I32_ROTL_XOR2_SHR, x, code[p + 3], code[p + 4], k];
    } else {
      return false;
    }
    code.length = p;
    this.pcs.length = n - 2;
    this.offs.length = n - 2;
    this.pop();
    this.pop();
    const d = this.push(T_I32);
    this.emitDst(ins[0], d, ...ins.slice(1));
    return true;
  }

  /**
   * Fast mode: `I64_ROTL_IMM t a k` just emitted, producing one operand of this i64.xor (a
   * temporary): the two become one I64_XOR_ROTL_IMM d x a k (x the other operand).
   */
  private fuseXorRotl(): boolean {
    const h = this.sType.length - 1;
    if (h < 1) return false;
    const right = this.sAlias[h] === -1 && this.lastProducer(5, this.sSlot[h]) === I.I64_ROTL_IMM;
    if (!right && !(this.sAlias[h - 1] === -1 && this.lastProducer(5, this.sSlot[h - 1]) === I.I64_ROTL_IMM)) return false;
    const s = this.lastStart;
    const a = this.code[s + 2], k = this.code[s + 3] & 63;
    this.dropLast();
    const y = this.pop();
    const x = this.pop();
    const d = this.push(T_I64);
    this.emitDst(I.I64_XOR_ROTL_IMM, d, right ? x : y, a, k);
    return true;
  }

  /**
   * Fast mode: a select of numbers whose condition is a temporary just made by an i32
   * lt/gt (signed or not) or f32/f64 lt/gt of two slots becomes one SELECT_<cmp> d a b x y
   * (clamps, min/max, medians).
   */
  private fuseSelect(): boolean {
    const h = this.sType.length - 1;
    if (h < 2 || this.sAlias[h] !== -1) return false;
    const t = this.sType[h - 1];
    if (t === T_REF || t === T_V128) return false;
    const cmp = this.lastProducer(4, this.sSlot[h]);
    const op = cmp >= 0 ? SELECT_OF[cmp] : -1;
    if (op < 0) return false;
    const x = this.code[this.lastStart + 2], y = this.code[this.lastStart + 3];
    this.dropLast();
    this.pop();
    const b = this.pop();
    const a = this.pop();
    const d = this.push(t);
    this.emitDst(op, d, a, b, x, y);
    return true;
  }

  /** Fast mode: a pending constant address on top is popped and becomes [zeroSlot, value]. */
  private constAddress(): [number, number] | null {
    if (this.exact || this.sType.length === 0 || !this.topIsConst()) return null;
    return [this.zeroSlot, this.popConst()];
  }

  /**
   * A SLOW op with immediates a..d: its operands are the entries the instruction consumes
   * (from the first one's slot), its results the entries it pushes (validator-recorded).
   */
  private slowOp(op: number, a: number, b: number, c: number, d = 0): void {
    this.emit(I.SLOW, op, this.slotsFromBase(), a, b, c, d);
  }

  /** Operands to consecutive slots from a base (returned), results pushed from there. */
  private slotsFromBase(): number {
    const nParams = this.recPops();
    const base = this.args(nParams);
    this.truncate(this.sType.length - nParams);
    this.pushRecorded();
    return base;
  }

  /** Instructions with a fixed signature in the opcode table. */
  private generic(r: InstrReader, op: number, params: readonly unknown[] | null): void {
    if (params === null) throw new Trap(`internal error: no translation for ${OPS[op].name}`);
    const info = OPS[op];
    if (EXTEND_HIGH[op] >= 0 && this.fuseShuffleExtend(op)) return;
    const hot = HOT[op];
    if (hot >= 0) {
      if (params.length === 2 && IMM[hot] >= 0 && this.topIsConst()) {
        let v = this.popConst();
        let vh = this.constHi;
        if (IMM[hot] === I.I16X8_SHR_U_IMM && this.fuseAddShift(v & 15)) return;
        const a = this.pop();
        const d = this.push(this.recType(0));
        if (IMM[hot] === I.I16X8_SHR_U_IMM) {
          this.emitDst(I.I16X8_SHR_U_IMM, d, a, v & 15);
        } else if (IMM[hot] >= I.I64_ADD_IMM) {
          if (op === OP.i64_sub) { // negate: two's complement of (vh, v)
            vh = (~vh + (v === 0 ? 1 : 0)) | 0;
            v = -v | 0;
          } else if (op === OP.i64_rotr) {
            v = (64 - (v & 63)) & 63;
          }
          if (IMM[hot] === I.I64_MUL_IMM && this.fuseXorShiftMul(d, a, v, vh)) return;
          this.emitDst(IMM[hot], d, a, v, vh);
        } else {
          if (op === OP.i32_sub) v = -v | 0;
          else if (op === OP.i32_rotr) v = (32 - (v & 31)) & 31;
          else if (op === OP.i32_rotl) v &= 31;
          this.emitDst(IMM[hot], d, a, v);
        }
        return;
      }
      if (params.length === 2) {
        if ((hot === I.F64_ADD || hot === I.F64_SUB || hot === I.F64_MUL || hot === I.F32_ADD
          || hot === I.F32_SUB || hot === I.F32_MUL) && this.fuseLoad(hot)) return;
        if ((hot === I.F64_ADD || hot === I.F64_SUB) && this.fuseMulAdd(hot === I.F64_ADD)) return;
        if (hot === I.I64_XOR && (this.fuseXorShift() || this.fuseXorRotl())) return;
        if (hot === I.I16X8_MUL && this.fuseMulExtend()) return;
        if ((hot === I.I32X4_ADD || hot === I.I32X4_MUL || hot === I.F32X4_ADD || hot === I.F32X4_MUL)
          && this.fuseV128Load(hot)) return;
        if (hot === I.F32X4_PMIN && this.fuseClamp()) return;
        if (hot === I.V128_AND && this.fuseShuffleMask()) return;
        if (hot === I.I32_XOR && this.fuseRotlXor()) return;
        if ((hot === I.I32_ADD || hot === I.I32_MUL) && this.fuseAddLoad(hot === I.I32_MUL)) return;
        if (hot === I.I64_SHL || hot === I.I64_SHR_S || hot === I.I64_SHR_U || hot === I.I64_ROTL
          || hot === I.I64_ROTR) this.dropCountExtend();
        const b = this.pop();
        const a = this.pop();
        const d = this.push(this.recType(0));
        this.emitDst(hot, d, a, b);
      } else {
        if (hot === I.I32X4_EXTEND_LOW_I16X8_U && this.fuseExtendU8()) return;
        const a = this.pop();
        const d = this.push(this.recType(0));
        this.emitDst(hot, d, a);
      }
      return;
    }
    if (info.prefix === 0xfd && (SIMD_OPS[op] !== undefined || op === OP.i8x16_shuffle)) {
      // in register form (operands from their slots or aliases)
      if (SIMD_DIRECT[op] === undefined) {
        if (params.length === 3) {
          const c = this.pop();
          const b = this.pop();
          const a = this.pop();
          const d = this.push(this.recType(0));
          this.emitDst(I.V128_TERN, d, a, b, c, op);
          return;
        }
        const b = params.length === 2 ? this.pop() : -1;
        const a = this.pop();
        const d = this.push(this.recType(0));
        if (op === OP.i8x16_shuffle) {
          const words = shuffleWords(r.lanes);
          if (words !== null) this.emitDst(I.V128_SHUFFLE_W, d, a, b, ...words);
          else this.emitDst(I.V128_SHUFFLE, d, a, b, internShuffle(r.lanes));
        }
        else this.emitDst(I.V128_LANE, d, a, b < 0 ? a : b, op, info.laneCount > 0 ? r.lane : 0);
        return;
      }
      if (params.length === 2) {
        const b = this.pop();
        const a = this.pop();
        const d = this.push(T_V128);
        this.emitDst(I.V128_BIN, d, a, b, op);
      } else {
        const a = this.pop();
        const d = this.push(T_V128);
        this.emitDst(I.V128_UN, d, a, op);
      }
      return;
    }
    if (info.prefix === 0xfd && MEM_HOT[op] < 0) {
      // v128 instructions run in simd/handler.ts, which defines its immediate `a`
      const a = simdImmA(op, r);
      const lo = r.memOffset % 4294967296;
      const hi = Math.floor(r.memOffset / 4294967296);
      if (info.imms.includes('memarg')) this.slowOp(op, a, lo | 0, hi | 0);
      else this.slowOp(op, a, 0, 0);
      return;
    }
    const memHot = MEM_HOT[op];
    if (info.imms[0] === 'memarg') {
      if (memHot >= 0 && r.memIdx === 0 && this.mem0Is32 && r.memOffset < 2 ** 32) {
        const off = r.memOffset | 0;
        if (this.side.pushCount(this.k) === 1) { // a load
          const add = this.constAddress() ?? this.foldAddressAdd(0);
          const a = add !== null && add[0] === this.zeroSlot ? -1 : this.pop();
          const d = this.push(this.recType(0));
          this.emitDst(memHot, d, add === null ? a : add[0], off, add === null ? 0 : add[1]);
        } else {
          if (memHot === I.F64_STORE && (this.fuseLoadOpStore(off) || this.fuseMulAddMem(off))) return;
          if (memHot === I.V128_STORE && this.fuseV128OpStore(off)) return;
          let add = this.foldAddressAdd(1);
          const imm = this.exact || !this.topIsConst() ? -1 : STORE_IMM[memHot];
          let v = 0, vh = 0;
          if (imm >= 0) { // the value is a pending constant: it becomes the store's immediate
            v = this.popConst();
            vh = this.constHi;
          } else {
            v = this.pop();
          }
          if (add === null) add = this.constAddress();
          const a = add !== null && add[0] === this.zeroSlot ? -1 : this.pop();
          const at = add === null ? a : add[0], plus = add === null ? 0 : add[1];
          if (imm === I.I64_STORE_IMM) this.emit(imm, at, v, off, plus, vh);
          else this.emit(imm >= 0 ? imm : memHot, at, v, off, plus);
        }
        return;
      }
      const lo = r.memOffset % 4294967296;
      const hi = Math.floor(r.memOffset / 4294967296);
      this.slowOp(op, r.memIdx, lo | 0, hi | 0, r.lane);
      return;
    }
    const scalar = SCALAR_OPS[op];
    if (scalar !== undefined && params.length <= 2 && info.results!.length === 1) {
      if (params.length === 2) {
        const b = this.pop();
        const a = this.pop();
        const d = this.push(this.recType(0));
        this.emitDst(I.NUM, op, d, a, b);
      } else {
        const a = this.pop();
        const d = this.push(this.recType(0));
        this.emitDst(I.NUM, op, d, a, a);
      }
      this.lastDst = this.lastStart + 2;
      return;
    }
    const imms = info.imms;
    if (imms.includes('shuffle')) {
      const l = r.lanes;
      const word = (k: number): number => l[k] | (l[k + 1] << 8) | (l[k + 2] << 16) | (l[k + 3] << 24);
      this.slowOp(op, word(0), word(4), word(8), word(12));
      return;
    }
    const a = imms.includes('lane') ? r.lane : imms.length > 0 ? r.x : 0;
    this.slowOp(op, a, r.y, 0);
  }
}
