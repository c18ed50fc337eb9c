// Validation of function bodies and constant expressions: the spec's appendix algorithm
// (operand stack of value types, control stack of frames, the unreachable/polymorphic stack),
// in one streaming pass with InstrReader. Stacks are reused arrays; the operand stack holds
// canonical value types (strings for numbers/vectors, interned RefTypes) or null for the
// algorithm's "unknown" type on unreachable stacks.
//
// Instructions with a fixed signature in the opcode table share one generic path; the switch
// below only holds rules the table cannot express.

import { InstrReader } from '../decoder/instr-reader.js';
import { OPCODE_1, OPS } from '../syntax/opcodes.js';
import { OP } from '../syntax/opcodes.js';
import type { Features } from '../syntax/features.js';
import { CONST_OK, HAS_LANE, MEM_KIND, SIG_P32, SIG_P64, SIG_R32, SIG_R64 } from './op-rules.js';
import type { Expr } from '../syntax/module.js';
import type {
  ArrayType, FuncType, HeapType, RefType, StorageType, StructType, ValType,
} from '../syntax/types.js';
import { exnref, valTypeToString } from '../syntax/types.js';
import { canonicalType as canonicalOf } from './canonical.js';
import type { ModuleContext } from './context.js';
import { fail } from './context.js';
import { canonValType, internRef, isBottomHeap, refSub, topHeap, valSub, valTypesSub } from './match.js';
import type { SideTable } from './side-table.js';
import { typeCodeOf } from './side-table.js';

/**
 * The validator's own typing rules, one per instruction the opcode table gives no fixed
 * signature (names are OP keys). KIND[op id] is the rule (0 = fixed signature, the generic
 * path). A const enum makes the cases literals, so the dispatch switch becomes a jump table.
 */
const enum K {
  generic = 0,
  /** The instruction's feature is off. */
  disabled = 254,
  /** Not a constant instruction (constant-expression tables only). */
  not_const = 253,
  any_convert_extern = 1,
  array_copy = 2,
  array_fill = 3,
  array_get = 4,
  array_get_s = 5,
  array_get_u = 6,
  array_init_data = 7,
  array_init_elem = 8,
  array_new = 9,
  array_new_data = 10,
  array_new_default = 11,
  array_new_elem = 12,
  array_new_fixed = 13,
  array_set = 14,
  block = 15,
  br = 16,
  br_if = 17,
  br_on_cast = 18,
  br_on_cast_desc_eq = 19,
  br_on_cast_desc_eq_fail = 20,
  br_on_cast_fail = 21,
  br_on_non_null = 22,
  br_on_null = 23,
  br_table = 24,
  call = 25,
  call_indirect = 26,
  call_ref = 27,
  catch = 28,
  catch_all = 29,
  data_drop = 30,
  delegate = 31,
  drop = 32,
  elem_drop = 33,
  else = 34,
  end = 35,
  extern_convert_any = 36,
  global_get = 37,
  global_set = 38,
  if = 39,
  local_get = 40,
  local_set = 41,
  local_tee = 42,
  loop = 43,
  memory_copy = 44,
  memory_fill = 45,
  memory_init = 46,
  nop = 47,
  ref_as_non_null = 48,
  ref_cast = 49,
  ref_cast_desc_eq = 50,
  ref_cast_desc_eq_null = 51,
  ref_cast_null = 52,
  ref_func = 53,
  ref_get_desc = 54,
  ref_is_null = 55,
  ref_null = 56,
  ref_test = 57,
  ref_test_null = 58,
  rethrow = 59,
  return = 60,
  return_call = 61,
  return_call_indirect = 62,
  return_call_ref = 63,
  select = 64,
  select_t = 65,
  struct_get = 66,
  struct_get_s = 67,
  struct_get_u = 68,
  struct_new = 69,
  struct_new_default = 70,
  struct_new_default_desc = 71,
  struct_new_desc = 72,
  struct_set = 73,
  table_copy = 74,
  table_fill = 75,
  table_get = 76,
  table_grow = 77,
  table_init = 78,
  table_set = 79,
  table_size = 80,
  throw = 81,
  throw_ref = 82,
  try = 83,
  try_table = 84,
  unreachable = 85,
}

const K_BY_NAME = {
  any_convert_extern: K.any_convert_extern,
  array_copy: K.array_copy,
  array_fill: K.array_fill,
  array_get: K.array_get,
  array_get_s: K.array_get_s,
  array_get_u: K.array_get_u,
  array_init_data: K.array_init_data,
  array_init_elem: K.array_init_elem,
  array_new: K.array_new,
  array_new_data: K.array_new_data,
  array_new_default: K.array_new_default,
  array_new_elem: K.array_new_elem,
  array_new_fixed: K.array_new_fixed,
  array_set: K.array_set,
  block: K.block,
  br: K.br,
  br_if: K.br_if,
  br_on_cast: K.br_on_cast,
  br_on_cast_desc_eq: K.br_on_cast_desc_eq,
  br_on_cast_desc_eq_fail: K.br_on_cast_desc_eq_fail,
  br_on_cast_fail: K.br_on_cast_fail,
  br_on_non_null: K.br_on_non_null,
  br_on_null: K.br_on_null,
  br_table: K.br_table,
  call: K.call,
  call_indirect: K.call_indirect,
  call_ref: K.call_ref,
  catch: K.catch,
  catch_all: K.catch_all,
  data_drop: K.data_drop,
  delegate: K.delegate,
  drop: K.drop,
  elem_drop: K.elem_drop,
  else: K.else,
  end: K.end,
  extern_convert_any: K.extern_convert_any,
  global_get: K.global_get,
  global_set: K.global_set,
  if: K.if,
  local_get: K.local_get,
  local_set: K.local_set,
  local_tee: K.local_tee,
  loop: K.loop,
  memory_copy: K.memory_copy,
  memory_fill: K.memory_fill,
  memory_init: K.memory_init,
  nop: K.nop,
  ref_as_non_null: K.ref_as_non_null,
  ref_cast: K.ref_cast,
  ref_cast_desc_eq: K.ref_cast_desc_eq,
  ref_cast_desc_eq_null: K.ref_cast_desc_eq_null,
  ref_cast_null: K.ref_cast_null,
  ref_func: K.ref_func,
  ref_get_desc: K.ref_get_desc,
  ref_is_null: K.ref_is_null,
  ref_null: K.ref_null,
  ref_test: K.ref_test,
  ref_test_null: K.ref_test_null,
  rethrow: K.rethrow,
  return: K.return,
  return_call: K.return_call,
  return_call_indirect: K.return_call_indirect,
  return_call_ref: K.return_call_ref,
  select: K.select,
  select_t: K.select_t,
  struct_get: K.struct_get,
  struct_get_s: K.struct_get_s,
  struct_get_u: K.struct_get_u,
  struct_new: K.struct_new,
  struct_new_default: K.struct_new_default,
  struct_new_default_desc: K.struct_new_default_desc,
  struct_new_desc: K.struct_new_desc,
  struct_set: K.struct_set,
  table_copy: K.table_copy,
  table_fill: K.table_fill,
  table_get: K.table_get,
  table_grow: K.table_grow,
  table_init: K.table_init,
  table_set: K.table_set,
  table_size: K.table_size,
  throw: K.throw,
  throw_ref: K.throw_ref,
  try: K.try,
  try_table: K.try_table,
  unreachable: K.unreachable,
};

// The rule names are OP keys: fail loudly at load if the opcode table ever renames one.
for (const key of Object.keys(K_BY_NAME)) {
  if (OP[key] === undefined) throw new Error(`validator: no instruction ${key} in the opcode table`);
}

const KIND = Uint8Array.from(OPS, (o) => {
  let key = o.name.replace(/\./g, '_');
  if (o.nullable) key += '_null';
  if (o.name === 'select' && o.imms.length > 0) key = 'select_t';
  return (K_BY_NAME as Record<string, number>)[key] ?? K.generic;
});
const SHUFFLE_ID = OP.i8x16_shuffle;

/**
 * Per opcode id: 1 for fixed-signature instructions with nothing else to check (no memory or
 * lane immediate, signature free of `addr`): generic()'s inline fast path.
 */
/** Gates.fast for constant expressions: no shortcuts. */
const NO_FAST = new Uint8Array(256);

const PLAIN = Uint8Array.from(OPS, (o, i) => (
  KIND[i] === K.generic && MEM_KIND[i] === 0 && !HAS_LANE[i] && i !== OP.i8x16_shuffle &&
  o.params !== null && o.results !== null && !o.params.includes('addr') && !o.results.includes('addr') ? 1 : 0));

/**
 * Per-feature-set rule tables, one lookup per instruction: rules[id] is the instruction's rule
 * (K, above), or K.disabled when its feature is off, or K.not_const in constant expressions.
 */
interface Gates {
  readonly code: Uint8Array;
  readonly konst: Uint8Array;
  /** Per first byte, function bodies only: the run loop's inline shortcut (V_*), or V_SLOW. */
  readonly fast: Uint8Array;
}
const gateCache = new WeakMap<Features, Gates>();
function gatesFor(f: Features): Gates {
  let g = gateCache.get(f);
  if (!g) {
    const code = Uint8Array.from(OPS, (o, i) => (f.ops.has(o.feature) ? KIND[i] : K.disabled));
    const konst = Uint8Array.from(OPS, (o, i) => (code[i] === K.disabled || CONST_OK[i] ? code[i] : K.not_const));
    const fast = new Uint8Array(256).fill(V_SLOW);
    for (let b = 0; b < 256; b++) {
      const id = OPCODE_1[b];
      if (id < 0) continue;
      const imms = OPS[id].imms;
      if (code[id] === K.local_get) fast[b] = V_LOCAL_GET;
      else if (code[id] !== K.generic || !PLAIN[id]) continue;
      else if (imms.length === 0) fast[b] = V_PLAIN;
      else if (imms.length === 1 && (imms[0] === 'i32' || imms[0] === 'i64')) fast[b] = V_PLAIN_LEB1;
    }
    gateCache.set(f, (g = { code, konst, fast }));
  }
  return g;
}

// The run loop's shortcuts for single-byte opcodes (Gates.fast): they read the instruction
// in place when its immediate (if any) is one LEB128 byte, which is always well formed.
const V_SLOW = 0;
/** A PLAIN instruction without immediates (i32.add, drop is not one: it has its own rule). */
const V_PLAIN = 1;
/** A PLAIN constant (i32.const, i64.const) whose value is not needed for typing. */
const V_PLAIN_LEB1 = 2;
/** local.get. */
const V_LOCAL_GET = 3;

type Slot = ValType | null;
const EMPTY: readonly ValType[] = [];

function str(t: Slot): string {
  return t === null ? '(unknown)' : valTypeToString(t);
}
function strs(ts: readonly Slot[]): string {
  return '[' + ts.map(str).join(' ') + ']';
}

function unpack(t: StorageType): ValType {
  return t === 'i8' || t === 'i16' ? 'i32' : t;
}

function defaultable(t: StorageType): boolean {
  return typeof t === 'string' || t.nullable;
}

const single = new Map<ValType, readonly ValType[]>();
function one(t: ValType): readonly ValType[] {
  let a = single.get(t);
  if (!a) single.set(t, (a = [t]));
  return a;
}

/** Frame kinds beyond opcode ids. */
const K_FUNC = 255;

export interface BodyInfo {
  /** Largest operand-stack height reached. */
  maxHeight: number;
}

export class CodeValidator {
  private c!: ModuleContext;
  private r!: InstrReader;
  private gates!: Gates;
  private fi = -1;

  private vals: Slot[] = [];
  private vh = 0;
  private maxH = 0;
  /** Lowest stack height since the current instruction began (side-table recording). */
  private low = 0;
  /** Label arity of the current branch instruction, or -1 (side-table recording). */
  private arity = -1;
  /** When set, the pass records what it learns per instruction (see side-table.ts). */
  recordInto: SideTable | null = null;

  private cKind: number[] = [];
  private cStart: (readonly ValType[])[] = [];
  private cEnd: (readonly ValType[])[] = [];
  private cHeight: number[] = [];
  private cUnreach: boolean[] = [];
  private cInit: number[] = [];
  private ch = 0;
  /** The top frame's stack height and unreachable flag (copies of cHeight/cUnreach[ch-1]). */
  private floor = 0;
  private floorUnreach = false;

  private localTypes: ValType[] = [];
  private localInit = new Uint8Array(64);
  private nLocals = 0;
  private initStack: number[] = [];
  private ih = 0;

  private results: readonly ValType[] = EMPTY;
  private scratch: Slot[] = [];

  /** Constant-expression mode: only constant instructions; globals visible below this count. */
  private constMode = false;
  private constGlobals = 0;

  constructor(ctx: ModuleContext) {
    this.c = ctx;
    this.gates = gatesFor(ctx.features);
  }

  // ---- entry points ----------------------------------------------------------------------

  /**
   * Validates a defined function's body. `fi` is its function index; its locals are given as
   * the declarations' canonical types and counts (the first `nDecls` entries), so no per-local
   * list is built twice. Returns the largest operand-stack height reached.
   */
  validateFunc(
    fi: number, type: FuncType, declTypes: readonly ValType[], declCounts: readonly number[],
    nDecls: number, body: Expr,
  ): number {
    this.fi = fi;
    this.constMode = false;
    const params = type.params;
    const np = params.length;
    let n = np;
    for (let k = 0; k < nDecls; k++) n += declCounts[k];
    if (this.localInit.length < n) this.localInit = new Uint8Array(n * 2);
    const init = this.localInit;
    const lt = this.localTypes;
    for (let i = 0; i < np; i++) lt[i] = params[i];
    init.fill(1, 0, np);
    let i = np;
    for (let k = 0; k < nDecls; k++) {
      const t = declTypes[k];
      const from = i;
      for (let j = declCounts[k]; j > 0; j--) lt[i++] = t;
      // Non-defaultable locals (non-null references) start uninitialized.
      init.fill(defaultable(t) ? 1 : 0, from, i);
    }
    this.nLocals = n;
    this.ih = 0;
    this.results = type.results;
    this.run(body, EMPTY, type.results);
    return this.maxH;
  }

  /** Validates a constant expression of result type `t`; `globals` earlier globals are visible. */
  validateConst(expr: Expr, t: ValType, globals: number): void {
    this.fi = -1;
    this.constMode = true;
    this.constGlobals = globals;
    this.nLocals = 0;
    this.ih = 0;
    this.results = EMPTY;
    this.run(expr, EMPTY, one(t));
  }

  // ---- stacks ----------------------------------------------------------------------------

  private err(msg: string): never {
    fail(msg, this.fi, this.r.offset);
  }

  private push(t: Slot): void {
    this.vals[this.vh++] = t;
    if (this.vh > this.maxH) this.maxH = this.vh;
  }

  private pushVals(ts: readonly ValType[]): void {
    for (let i = 0; i < ts.length; i++) this.push(ts[i]);
  }

  /** Re-reads the top frame's height and unreachable flag after the control stack changed. */
  private syncTop(): void {
    const top = this.ch - 1;
    if (top >= 0) {
      this.floor = this.cHeight[top];
      this.floorUnreach = this.cUnreach[top];
    }
  }

  private pop(): Slot {
    if (this.vh === this.floor) {
      if (this.floorUnreach) return null;
      this.err('type mismatch: instruction requires a value but stack has []');
    }
    const v = this.vals[--this.vh];
    if (this.vh < this.low) this.low = this.vh;
    return v;
  }

  private popExpect(t: ValType): Slot {
    if (this.vh === this.floor) {
      if (this.floorUnreach) return null;
      this.err(`type mismatch: instruction requires [${str(t)}] but stack has []`);
    }
    const a = this.vals[--this.vh];
    if (this.vh < this.low) this.low = this.vh;
    if (a !== t && a !== null && !valSub(a, t)) {
      this.err(`type mismatch: instruction requires [${str(t)}] but stack has [${str(a)}]`);
    }
    return a;
  }

  private popVals(ts: readonly ValType[]): void {
    for (let i = ts.length - 1; i >= 0; i--) this.popExpect(ts[i]);
  }

  /** Pops a reference (or unknown); errors on numbers and vectors. */
  private popRef(): RefType | null {
    const a = this.pop();
    if (a !== null && typeof a !== 'object') {
      this.err(`type mismatch: instruction requires reference type but stack has ${str(a)}`);
    }
    return a;
  }

  private pushCtl(kind: number, start: readonly ValType[], end: readonly ValType[]): void {
    const i = this.ch++;
    this.cKind[i] = kind;
    this.cStart[i] = start;
    this.cEnd[i] = end;
    this.cHeight[i] = this.vh;
    this.cUnreach[i] = false;
    this.floor = this.vh;
    this.floorUnreach = false;
    this.cInit[i] = this.ih;
    this.pushVals(start);
  }

  /** Checks the top frame's results and leaves the frame on the stack with an empty body. */
  private checkFrameEnd(): number {
    const top = this.ch - 1;
    const end = this.cEnd[top];
    const before = this.vh;
    this.popVals(end);
    if (this.vh !== this.cHeight[top]) {
      this.err(`type mismatch: block requires ${strs(end)} but stack has ${strs(this.vals.slice(this.cHeight[top], before))}`);
    }
    this.resetInits(this.cInit[top]);
    return top;
  }

  private unreachable(): void {
    const top = this.ch - 1;
    this.vh = this.cHeight[top];
    if (this.vh < this.low) this.low = this.vh;
    this.cUnreach[top] = true;
    this.floorUnreach = true;
  }

  private labelTypes(depth: number): readonly ValType[] {
    if (depth >= this.ch) this.err(`unknown label ${depth}`);
    const i = this.ch - 1 - depth;
    const ts = this.cKind[i] === K.loop ? this.cStart[i] : this.cEnd[i];
    this.arity = ts.length;
    return ts;
  }

  private resetInits(to: number): void {
    while (this.ih > to) this.localInit[this.initStack[--this.ih]] = 0;
  }

  // ---- immediates ------------------------------------------------------------------------

  private canonT(t: ValType): ValType {
    if (typeof t === 'object' && typeof t.heap === 'number' && t.heap >= this.c.types.length) {
      this.err(`unknown type ${t.heap}`);
    }
    return canonValType(t, this.c.ids);
  }

  private heapC(h: HeapType): HeapType {
    if (typeof h === 'string') return h;
    if (h >= this.c.types.length) this.err(`unknown type ${h}`);
    return this.c.ids[h];
  }

  private funcType(x: number): FuncType {
    if (x >= this.c.types.length) this.err(`unknown type ${x}`);
    const comp = this.c.types[x].comp;
    if (comp.kind !== 'func') this.err(`non-function type ${x}`);
    return comp;
  }

  private structType(x: number): StructType {
    if (x >= this.c.types.length) this.err(`unknown type ${x}`);
    const comp = this.c.types[x].comp;
    if (comp.kind !== 'struct') this.err(`non-structure type ${x}`);
    return comp;
  }

  private arrayType(x: number): ArrayType {
    if (x >= this.c.types.length) this.err(`unknown type ${x}`);
    const comp = this.c.types[x].comp;
    if (comp.kind !== 'array') this.err(`non-array type ${x}`);
    return comp;
  }

  private refTo(x: number, nullable: boolean, exact = false): RefType {
    return internRef(nullable, this.c.ids[x], exact);
  }

  private blockParams: readonly ValType[] = EMPTY;
  private blockResults: readonly ValType[] = EMPTY;
  private blockSig(): void {
    const bt = this.r.blockType;
    if (bt === null) {
      this.blockParams = EMPTY;
      this.blockResults = EMPTY;
    } else if (typeof bt === 'number') {
      const ft = this.funcType(bt);
      this.blockParams = ft.params;
      this.blockResults = ft.results;
    } else {
      this.blockParams = EMPTY;
      this.blockResults = one(this.canonT(bt));
    }
  }

  private memAddr(i: number): ValType {
    const mems = this.c.memories;
    if (i >= mems.length) this.err(`unknown memory ${i}`);
    return mems[i].limits.is64 ? 'i64' : 'i32';
  }

  private table(i: number): { addr: ValType; elem: RefType } {
    const ts = this.c.tables;
    if (i >= ts.length) this.err(`unknown table ${i}`);
    return { addr: ts[i].limits.is64 ? 'i64' : 'i32', elem: ts[i].elem };
  }

  private elemType(i: number): RefType {
    if (i >= this.c.elemTypes.length) this.err(`unknown elem segment ${i}`);
    return this.c.elemTypes[i];
  }

  private data(i: number): void {
    // The binary decoder enforces "data count section required"; text modules carry none.
    if (i >= this.c.dataCount) this.err(`unknown data segment ${i}`);
  }

  private tagParams(i: number): readonly ValType[] {
    if (i >= this.c.tags.length) this.err(`unknown tag ${i}`);
    return this.funcType(this.c.tags[i]).params;
  }

  private funcOf(i: number): FuncType {
    if (i >= this.c.funcTypeIdx.length) this.err(`unknown function ${i}`);
    return this.funcType(this.c.funcTypeIdx[i]);
  }

  private checkReturnResults(ft: FuncType): void {
    if (!valTypesSub(ft.results, this.results)) {
      this.err(`type mismatch: current function requires result type ${strs(this.results)} but callee returns ${strs(ft.results)}`);
    }
  }

  // ---- the pass ----------------------------------------------------------------------------

  /**
   * A reader positioned on `expr`. Bodies decoded from one binary are views of one buffer, so
   * one reader over that buffer serves them all (no per-function reader allocation).
   */
  private readerFor(expr: Expr): InstrReader {
    const b = expr.bytes;
    const base = expr.offset - b.byteOffset;
    let r = this.cachedReader;
    if (r === null || r.bytes.buffer !== b.buffer || r.base !== base) {
      r = new InstrReader(new Uint8Array(b.buffer), base);
      this.cachedReader = r;
    }
    r.pos = b.byteOffset;
    r.end = b.byteOffset + b.length;
    return r;
  }
  private cachedReader: InstrReader | null = null;

  private run(expr: Expr, start: readonly ValType[], end: readonly ValType[]): void {
    const r = this.readerFor(expr);
    this.r = r;
    this.vh = 0;
    this.maxH = 0;
    this.ch = 0;
    this.pushCtl(K_FUNC, start, end);
    const rules = this.constMode ? this.gates.konst : this.gates.code;
    if (this.recordInto !== null && !this.constMode) this.recordLoop(rules);
    else this.loop(rules);
    if (r.pos < r.end) fail('operators remaining after end of function', this.fi, r.absPos);
  }

  private loop(rules: Uint8Array): void {
    const r = this.r;
    // The loop keeps only the commonest rules inline (fixed signatures without immediates to
    // check, locals); everything else is one call to step(), which keeps this loop small
    // enough for the compiler to optimize as a whole. In function bodies, the commonest
    // single-byte instructions are read in place (see V_*) instead of through r.next().
    const fast = this.constMode ? NO_FAST : this.gates.fast;
    const bytes = r.bytes;
    const base = r.base;
    const limit = r.end - 1;
    while (this.ch > 0) {
      const p = r.pos;
      if (p < limit) {
        const b = bytes[p];
        const f = fast[b];
        if (f !== V_SLOW) {
          if (f === V_PLAIN) {
            r.offset = base + p;
            r.pos = p + 1;
            this.plain(OPCODE_1[b]);
            continue;
          }
          const x = bytes[p + 1];
          if (x < 0x80) {
            r.offset = base + p;
            r.pos = p + 2;
            if (f === V_PLAIN_LEB1) this.plain(OPCODE_1[b]);
            else this.localGet(x);
            continue;
          }
        }
      }
      this.dispatch(r.next(), rules);
    }
  }

  /**
   * The same pass, one instruction at a time through r.next(), writing each instruction's
   * stack height, pops, pushed types and branch arity into `recordInto` (side-table.ts).
   */
  private recordLoop(rules: Uint8Array): void {
    const r = this.r;
    const t = this.recordInto!;
    const vals = this.vals;
    let k = 0;
    let nt = 0;
    while (this.ch > 0) {
      const h0 = this.vh;
      this.low = h0;
      this.arity = -1;
      this.dispatch(r.next(), rules);
      const low = this.low;
      const vh = this.vh;
      t.reserve(k, nt + vh - low);
      const w = t.words;
      const at = 4 * k++;
      w[at] = h0;
      w[at + 1] = h0 - low;
      w[at + 2] = nt;
      w[at + 3] = this.arity;
      for (let i = low; i < vh; i++) t.types[nt++] = typeCodeOf(vals[i]);
    }
    t.words[4 * k + 2] = nt;
    t.count = k;
  }

  private dispatch(id: number, rules: Uint8Array): void {
    const op = rules[id];
    if (op === K.generic) {
      if (PLAIN[id]) this.plain(id); else this.generic(id);
    } else if (op === K.local_get) {
      this.localGet(this.r.x);
    } else {
      this.step(op, id);
    }
  }

  private localGet(x: number): void {
    if (x >= this.nLocals) this.err(`unknown local ${x}`);
    if (!this.localInit[x]) this.err('uninitialized local');
    this.push(this.localTypes[x]);
  }

  /** One instruction with its own typing rule (`op`, a K code; `id` its opcode id). */
  private step(op: number, id: number): void {
    const r = this.r;
    const c = this.c;
    switch (op) {
      case K.unreachable: this.unreachable(); break;
      case K.nop: break;
      case K.block: case K.loop: {
        this.blockSig();
        this.popVals(this.blockParams);
        this.pushCtl(op, this.blockParams, this.blockResults);
        break;
      }
      case K.if: {
        this.blockSig();
        this.popExpect('i32');
        this.popVals(this.blockParams);
        this.pushCtl(op, this.blockParams, this.blockResults);
        break;
      }
      case K.else: {
        const top = this.ch - 1;
        if (this.cKind[top] !== K.if) this.err('else without if');
        this.checkFrameEnd();
        this.cKind[top] = K.else;
        this.cUnreach[top] = false;
        this.floorUnreach = false;
        this.pushVals(this.cStart[top]);
        break;
      }
      case K.end: {
        const top = this.checkFrameEnd();
        const kind = this.cKind[top];
        const startT = this.cStart[top];
        const endT = this.cEnd[top];
        this.ch--;
        this.syncTop();
        if (kind === K.if && !valTypesSub(startT, endT)) {
          this.err(`type mismatch: block requires ${strs(endT)} but stack has ${strs(startT)}`);
        }
        if (this.ch > 0) this.pushVals(endT);
        break;
      }
      case K.br: {
        this.popVals(this.labelTypes(r.x));
        this.unreachable();
        break;
      }
      case K.br_if: {
        this.popExpect('i32');
        const lt = this.labelTypes(r.x);
        this.popVals(lt);
        this.pushVals(lt);
        break;
      }
      case K.br_table: this.brTable(); break;
      case K.return: {
        this.arity = this.results.length;
        this.popVals(this.results);
        this.unreachable();
        break;
      }
      case K.call: {
        const ft = this.funcOf(r.x);
        this.popVals(ft.params);
        this.pushVals(ft.results);
        break;
      }
      case K.return_call: {
        const ft = this.funcOf(r.x);
        this.checkReturnResults(ft);
        this.popVals(ft.params);
        this.unreachable();
        break;
      }
      case K.call_indirect: case K.return_call_indirect: {
        const tb = this.table(r.y);
        const ft = this.funcType(r.x);
        if (!refSub(tb.elem, internRef(true, 'func', false))) {
          this.err(`type mismatch: instruction requires table of function type but table has element type ${str(tb.elem)}`);
        }
        if (op === K.return_call_indirect) this.checkReturnResults(ft);
        this.popExpect(tb.addr);
        this.popVals(ft.params);
        if (op === K.call_indirect) this.pushVals(ft.results); else this.unreachable();
        break;
      }
      case K.call_ref: case K.return_call_ref: {
        const ft = this.funcType(r.x);
        if (op === K.return_call_ref) this.checkReturnResults(ft);
        this.popExpect(this.refTo(r.x, true));
        this.popVals(ft.params);
        if (op === K.call_ref) this.pushVals(ft.results); else this.unreachable();
        break;
      }
      case K.drop: this.pop(); break;
      case K.select: {
        this.popExpect('i32');
        const t1 = this.pop();
        const t2 = this.pop();
        if ((t1 !== null && typeof t1 === 'object') || (t2 !== null && typeof t2 === 'object')) {
          this.err(`type mismatch: instruction requires numeric or vector type but stack has ${str(t1 ?? t2)}`);
        }
        if (t1 !== null && t2 !== null && t1 !== t2) {
          this.err(`type mismatch: instruction requires [${str(t2)}] but stack has [${str(t1)}]`);
        }
        this.push(t1 ?? t2);
        break;
      }
      case K.select_t: {
        if (r.valTypes.length !== 1) this.err('invalid result arity other than 1 is not (yet) allowed');
        const t = this.canonT(r.valTypes[0]);
        this.popExpect('i32');
        this.popExpect(t);
        this.popExpect(t);
        this.push(t);
        break;
      }
      case K.local_get: {
        const x = r.x;
        if (x >= this.nLocals) this.err(`unknown local ${x}`);
        if (!this.localInit[x]) this.err('uninitialized local');
        this.push(this.localTypes[x]);
        break;
      }
      case K.local_set: case K.local_tee: {
        const x = r.x;
        if (x >= this.nLocals) this.err(`unknown local ${x}`);
        const t = this.localTypes[x];
        this.popExpect(t);
        if (!this.localInit[x]) {
          this.localInit[x] = 1;
          this.initStack[this.ih++] = x;
        }
        if (op === K.local_tee) this.push(t);
        break;
      }
      case K.global_get: {
        const x = r.x;
        const limit = this.constMode ? this.constGlobals : c.globals.length;
        if (x >= limit) this.err(`unknown global ${x}`);
        const g = c.globals[x];
        if (this.constMode && g.mutable) this.err('constant expression required');
        this.push(g.type);
        break;
      }
      case K.global_set: {
        const x = r.x;
        if (x >= c.globals.length) this.err(`unknown global ${x}`);
        const g = c.globals[x];
        if (!g.mutable) this.err('immutable global');
        this.popExpect(g.type);
        break;
      }
      case K.table_get: {
        const tb = this.table(r.x);
        this.popExpect(tb.addr);
        this.push(tb.elem);
        break;
      }
      case K.table_set: {
        const tb = this.table(r.x);
        this.popExpect(tb.elem);
        this.popExpect(tb.addr);
        break;
      }
      case K.table_size: this.push(this.table(r.x).addr); break;
      case K.table_grow: {
        const tb = this.table(r.x);
        this.popExpect(tb.addr);
        this.popExpect(tb.elem);
        this.push(tb.addr);
        break;
      }
      case K.table_fill: {
        const tb = this.table(r.x);
        this.popExpect(tb.addr);
        this.popExpect(tb.elem);
        this.popExpect(tb.addr);
        break;
      }
      case K.table_copy: {
        const dst = this.table(r.x);
        const src = this.table(r.y);
        if (!refSub(src.elem, dst.elem)) {
          this.err(`type mismatch: source element type ${str(src.elem)} does not match destination element type ${str(dst.elem)}`);
        }
        this.popExpect(dst.addr === 'i64' && src.addr === 'i64' ? 'i64' : 'i32');
        this.popExpect(src.addr);
        this.popExpect(dst.addr);
        break;
      }
      case K.table_init: {
        const tb = this.table(r.y);
        const et = this.elemType(r.x);
        if (!refSub(et, tb.elem)) {
          this.err(`type mismatch: element segment's type ${str(et)} does not match table's element type ${str(tb.elem)}`);
        }
        this.popExpect('i32');
        this.popExpect('i32');
        this.popExpect(tb.addr);
        break;
      }
      case K.elem_drop: this.elemType(r.x); break;
      case K.memory_init: {
        const a = this.memAddr(r.y);
        this.data(r.x);
        this.popExpect('i32');
        this.popExpect('i32');
        this.popExpect(a);
        break;
      }
      case K.data_drop: this.data(r.x); break;
      case K.memory_copy: {
        const ad = this.memAddr(r.x);
        const as = this.memAddr(r.y);
        this.popExpect(ad === 'i64' && as === 'i64' ? 'i64' : 'i32');
        this.popExpect(as);
        this.popExpect(ad);
        break;
      }
      case K.memory_fill: {
        const a = this.memAddr(r.x);
        this.popExpect(a);
        this.popExpect('i32');
        this.popExpect(a);
        break;
      }
      case K.ref_null: this.push(internRef(true, this.heapC(r.heap), r.exact)); break;
      case K.ref_is_null: this.popRef(); this.push('i32'); break;
      case K.ref_as_non_null: {
        const a = this.popRef();
        this.push(a === null ? null : internRef(false, a.heap, a.exact));
        break;
      }
      case K.ref_func: {
        const x = r.x;
        if (x >= c.funcTypeIdx.length) this.err(`unknown function ${x}`);
        if (!c.declaredFuncs[x]) this.err(`undeclared function reference ${x}`);
        this.push(this.refTo(c.funcTypeIdx[x], false, c.funcExact[x] === 1));
        break;
      }
      case K.br_on_null: {
        const a = this.popRef();
        const lt = this.labelTypes(r.x);
        this.popVals(lt);
        this.pushVals(lt);
        this.push(a === null ? null : internRef(false, a.heap, a.exact));
        break;
      }
      case K.br_on_non_null: {
        const lt = this.labelTypes(r.x);
        const last = lt.length > 0 ? lt[lt.length - 1] : null;
        if (last === null || typeof last !== 'object') {
          this.err(`type mismatch: instruction requires reference type but label has ${strs(lt)}`);
        }
        this.popExpect(internRef(true, last.heap, last.exact));
        for (let i = lt.length - 2; i >= 0; i--) this.popExpect(lt[i]);
        for (let i = 0; i < lt.length - 1; i++) this.push(lt[i]);
        break;
      }
      case K.throw: {
        this.popVals(this.tagParams(r.x));
        this.unreachable();
        break;
      }
      case K.throw_ref: this.popExpect(exnref); this.unreachable(); break;
      case K.try_table: {
        this.blockSig();
        const params = this.blockParams;
        const results = this.blockResults;
        for (const k of r.catches) this.checkCatch(k.kind, k.tag, k.label);
        this.arity = -1; // not a branch: the clauses' labels are checked, not taken
        this.popVals(params);
        this.pushCtl(op, params, results);
        break;
      }
      case K.try: {
        this.blockSig();
        this.popVals(this.blockParams);
        this.pushCtl(op, this.blockParams, this.blockResults);
        break;
      }
      case K.catch: case K.catch_all: {
        const top = this.ch - 1;
        const k = this.cKind[top];
        if (k !== K.try && k !== K.catch) this.err(op === K.catch ? 'catch without try' : 'catch_all without try');
        this.checkFrameEnd();
        this.cKind[top] = op;
        this.cUnreach[top] = false;
        this.floorUnreach = false;
        if (op === K.catch) this.pushVals(this.tagParams(r.x));
        break;
      }
      case K.delegate: {
        const top = this.ch - 1;
        if (this.cKind[top] !== K.try) this.err('delegate without try');
        this.checkFrameEnd();
        const endT = this.cEnd[top];
        this.ch--;
        this.syncTop();
        if (r.x >= this.ch) this.err(`unknown label ${r.x}`);
        this.pushVals(endT);
        break;
      }
      case K.rethrow: {
        if (r.x >= this.ch) this.err(`unknown label ${r.x}`);
        const k = this.cKind[this.ch - 1 - r.x];
        if (k !== K.catch && k !== K.catch_all) this.err('invalid rethrow label');
        this.unreachable();
        break;
      }
      case K.disabled: this.err(`unknown operator ${OPS[id].name}`);
      case K.not_const: this.err('constant expression required');
      default:
        this.gcOp(op);
    }
  }

  private checkCatch(kind: number, tag: number, label: number): void {
    let ts: ValType[] = [];
    if (kind === 0 || kind === 1) ts = [...this.tagParams(tag)];
    if (kind === 1 || kind === 3) ts.push(internRef(false, 'exn', false));
    const lt = this.labelTypes(label);
    if (!valTypesSub(ts, lt)) {
      this.err(`type mismatch: catch handler requires ${strs(lt)} but label has ${strs(ts)}`);
    }
  }

  private brTable(): void {
    const r = this.r;
    this.popExpect('i32');
    const def = this.labelTypes(r.x);
    const arity = def.length;
    const sc = this.scratch;
    for (let k = 0; k < r.labelCount; k++) {
      const lt = this.labelTypes(r.labels[k]);
      if (lt.length !== arity) this.err('type mismatch: br_table targets have inconsistent arity');
      for (let i = arity - 1; i >= 0; i--) sc[i] = this.popExpect(lt[i]);
      for (let i = 0; i < arity; i++) this.push(sc[i]);
    }
    this.popVals(def);
    this.unreachable();
  }

  /** Fixed signature, no immediate to check, no address type (PLAIN): pops and pushes inline. */
  private plain(op: number): void {
    const ps = SIG_P32[op]!;
    const rs = SIG_R32[op]!;
    const vals = this.vals;
    let vh = this.vh;
    const floor = this.floor;
    for (let i = ps.length - 1; i >= 0; i--) {
      if (vh === floor) {
        if (this.floorUnreach) continue;
        this.vh = vh;
        this.popExpect(ps[i]); // reports the error
      }
      const a = vals[--vh];
      const t = ps[i];
      if (a !== t && a !== null && !valSub(a, t)) {
        this.vh = vh + 1;
        this.popExpect(t); // reports the error
      }
    }
    if (vh < this.low) this.low = vh;
    for (let i = 0; i < rs.length; i++) vals[vh++] = rs[i];
    this.vh = vh;
    if (vh > this.maxH) this.maxH = vh;
  }

  /** Fixed-signature instructions: the opcode table gives the type. */
  private generic(op: number): void {
    const r = this.r;
    const mk = MEM_KIND[op];
    let is64 = false;
    if (mk !== 0) {
      const info = OPS[op];
      const mi = mk === 1 ? r.memIdx : r.x;
      is64 = this.memAddr(mi) === 'i64';
      if (mk === 1) {
        if (r.align > info.naturalAlign) this.err('alignment must not be larger than natural');
        if (info.prefix === 0xfe && r.align !== info.naturalAlign) this.err('alignment must be exactly natural');
        if (!is64 && r.memOffset > 0xffffffff) this.err('offset out of range');
      }
    }
    if (HAS_LANE[op] && r.lane >= OPS[op].laneCount) this.err('invalid lane index');
    if (op === SHUFFLE_ID) {
      for (let k = 0; k < 16; k++) if (r.lanes[k] >= 32) this.err('invalid lane index');
    }
    const ps = is64 ? SIG_P64[op] : SIG_P32[op];
    const rs = is64 ? SIG_R64[op] : SIG_R32[op];
    if (ps === null || rs === null) this.err(`unsupported instruction ${OPS[op].name}`);
    for (let i = ps.length - 1; i >= 0; i--) this.popExpect(ps[i]);
    for (let i = 0; i < rs.length; i++) this.push(rs[i]);
  }

  /** GC and custom-descriptor instructions without fixed signatures; false if not one. */
  private gcOp(op: number): boolean {
    const r = this.r;
    const c = this.c;
    switch (op) {
      case K.struct_new: case K.struct_new_default:
      case K.struct_new_desc: case K.struct_new_default_desc: {
        const st = this.structType(r.x);
        const sub = c.types[r.x];
        const withDesc = op === K.struct_new_desc || op === K.struct_new_default_desc;
        if (withDesc && sub.descriptor === undefined) this.err('type without descriptor requires non-descriptor allocation');
        if (!withDesc && sub.descriptor !== undefined) this.err('type with descriptor requires descriptor allocation');
        if (withDesc) this.popExpect(internRef(true, sub.descriptor!, true));
        if (op === K.struct_new || op === K.struct_new_desc) {
          for (let i = st.fields.length - 1; i >= 0; i--) this.popExpect(unpack(st.fields[i].type));
        } else {
          for (const f of st.fields) if (!defaultable(f.type)) this.err('field type is not defaultable');
        }
        this.push(this.refTo(r.x, false, c.features.ops.has('custom-descriptors')));
        return true;
      }
      case K.struct_get: case K.struct_get_s: case K.struct_get_u: {
        const st = this.structType(r.x);
        if (r.y >= st.fields.length) this.err(`unknown field ${r.y}`);
        const f = st.fields[r.y];
        const packed = f.type === 'i8' || f.type === 'i16';
        if (op === K.struct_get && packed) this.err('field is packed');
        if (op !== K.struct_get && !packed) this.err('field is unpacked');
        this.popExpect(this.refTo(r.x, true));
        this.push(unpack(f.type));
        return true;
      }
      case K.struct_set: {
        const st = this.structType(r.x);
        if (r.y >= st.fields.length) this.err(`unknown field ${r.y}`);
        const f = st.fields[r.y];
        if (!f.mutable) this.err('immutable field');
        this.popExpect(unpack(f.type));
        this.popExpect(this.refTo(r.x, true));
        return true;
      }
      case K.array_new: case K.array_new_default: {
        const at = this.arrayType(r.x);
        this.popExpect('i32');
        if (op === K.array_new) this.popExpect(unpack(at.elem.type));
        else if (!defaultable(at.elem.type)) this.err('array type is not defaultable');
        this.push(this.refTo(r.x, false, c.features.ops.has('custom-descriptors')));
        return true;
      }
      case K.array_new_fixed: {
        const at = this.arrayType(r.x);
        const t = unpack(at.elem.type);
        // Bound the loop by the real stack: a huge count on an unreachable stack must not spin.
        const top = this.ch - 1;
        const avail = this.vh - this.cHeight[top];
        if (r.y > avail && !this.cUnreach[top]) {
          this.err(`type mismatch: instruction requires ${r.y} operands but stack has ${avail}`);
        }
        for (let i = Math.min(r.y, avail); i > 0; i--) this.popExpect(t);
        if (r.y > avail) this.vh = this.cHeight[top]; // (low is already there: avail pops)
        this.push(this.refTo(r.x, false, c.features.ops.has('custom-descriptors')));
        return true;
      }
      case K.array_new_data: case K.array_new_elem: {
        const at = this.arrayType(r.x);
        const t = unpack(at.elem.type);
        if (op === K.array_new_data) {
          if (typeof t === 'object') this.err('array type is not numeric or vector');
          this.data(r.y);
        } else {
          const et = this.elemType(r.y);
          if (!valSub(et, t)) this.err(`type mismatch: element segment's type ${str(et)} does not match array's field type ${str(t)}`);
        }
        this.popExpect('i32');
        this.popExpect('i32');
        this.push(this.refTo(r.x, false, c.features.ops.has('custom-descriptors')));
        return true;
      }
      case K.array_get: case K.array_get_s: case K.array_get_u: {
        const at = this.arrayType(r.x);
        const packed = at.elem.type === 'i8' || at.elem.type === 'i16';
        if (op === K.array_get && packed) this.err('array is packed');
        if (op !== K.array_get && !packed) this.err('array is unpacked');
        this.popExpect('i32');
        this.popExpect(this.refTo(r.x, true));
        this.push(unpack(at.elem.type));
        return true;
      }
      case K.array_set: {
        const at = this.arrayType(r.x);
        if (!at.elem.mutable) this.err('immutable array');
        this.popExpect(unpack(at.elem.type));
        this.popExpect('i32');
        this.popExpect(this.refTo(r.x, true));
        return true;
      }
      case K.array_fill: {
        const at = this.arrayType(r.x);
        if (!at.elem.mutable) this.err('immutable array');
        this.popExpect('i32');
        this.popExpect(unpack(at.elem.type));
        this.popExpect('i32');
        this.popExpect(this.refTo(r.x, true));
        return true;
      }
      case K.array_copy: {
        const dt = this.arrayType(r.x);
        const st = this.arrayType(r.y);
        if (!dt.elem.mutable) this.err('immutable array');
        const a = st.elem.type;
        const b = dt.elem.type;
        const ok = a === b || (typeof a === 'object' && typeof b === 'object' && refSub(a, b));
        if (!ok) this.err('array types do not match');
        this.popExpect('i32');
        this.popExpect('i32');
        this.popExpect(this.refTo(r.y, true));
        this.popExpect('i32');
        this.popExpect(this.refTo(r.x, true));
        return true;
      }
      case K.array_init_data: case K.array_init_elem: {
        const at = this.arrayType(r.x);
        if (!at.elem.mutable) this.err('immutable array');
        const t = unpack(at.elem.type);
        if (op === K.array_init_data) {
          if (typeof t === 'object') this.err('array type is not numeric or vector');
          this.data(r.y);
        } else {
          const et = this.elemType(r.y);
          if (!valSub(et, t)) this.err(`type mismatch: element segment's type ${str(et)} does not match array's field type ${str(t)}`);
        }
        this.popExpect('i32');
        this.popExpect('i32');
        this.popExpect('i32');
        this.popExpect(this.refTo(r.x, true));
        return true;
      }
      case K.ref_test: case K.ref_test_null: case K.ref_cast: case K.ref_cast_null: {
        const h = this.heapC(r.heap);
        const nullable = op === K.ref_test_null || op === K.ref_cast_null;
        this.popExpect(internRef(true, topHeap(h), false));
        if (op === K.ref_test || op === K.ref_test_null) this.push('i32');
        else this.push(internRef(nullable, h, r.exact));
        return true;
      }
      case K.br_on_cast: case K.br_on_cast_fail:
      case K.br_on_cast_desc_eq: case K.br_on_cast_desc_eq_fail: {
        const rt1 = internRef((r.castFlags & 1) !== 0, this.heapC(r.heap), r.exact);
        const rt2 = internRef((r.castFlags & 2) !== 0, this.heapC(r.heap2), r.exact2);
        const fails = op === K.br_on_cast_fail || op === K.br_on_cast_desc_eq_fail;
        const desc = op === K.br_on_cast_desc_eq || op === K.br_on_cast_desc_eq_fail;
        // custom-descriptors relaxes the cast rule: both types need only share a hierarchy.
        const castOk = c.features.ops.has('custom-descriptors')
          ? topHeap(rt2.heap) === topHeap(rt1.heap)
          : refSub(rt2, rt1);
        if (!castOk) {
          this.err(`type mismatch on cast: type ${str(rt2)} does not match ${str(rt1)}`);
        }
        const diff = internRef(rt2.nullable ? false : rt1.nullable, rt1.heap, rt1.exact);
        const toLabel = fails ? diff : rt2;
        const lt = this.labelTypes(r.x);
        if (lt.length === 0 || !valSub(toLabel, lt[lt.length - 1])) {
          this.err(`type mismatch: instruction requires type ${str(toLabel)} but label has ${strs(lt)}`);
        }
        if (desc) this.popDescriptorOf(rt2.heap, r.heap2, rt2.exact);
        this.popExpect(rt1);
        for (let i = lt.length - 2; i >= 0; i--) this.popExpect(lt[i]);
        for (let i = 0; i < lt.length - 1; i++) this.push(lt[i]);
        this.push(fails ? rt2 : diff);
        return true;
      }
      case K.ref_cast_desc_eq: case K.ref_cast_desc_eq_null: {
        const h = this.heapC(r.heap);
        this.popDescriptorOf(h, r.heap, r.exact);
        this.popExpect(internRef(true, topHeap(h), false));
        this.push(internRef(op === K.ref_cast_desc_eq_null, h, r.exact));
        return true;
      }
      case K.ref_get_desc: {
        if (r.x >= c.types.length) this.err(`unknown type ${r.x}`);
        const d = c.types[r.x].descriptor;
        if (d === undefined) this.err('type without descriptor');
        const a = this.popExpect(this.refTo(r.x, true));
        // Exact only for exact inputs of exactly this type (or bottom / unknown inputs).
        const ar = a as RefType | null;
        const exact = ar === null || isBottomHeap(ar.heap) || (ar.exact && ar.heap === c.ids[r.x]);
        this.push(internRef(false, d, exact));
        return true;
      }
      case K.any_convert_extern: case K.extern_convert_any: {
        const from = op === K.any_convert_extern ? 'extern' : 'any';
        const to = op === K.any_convert_extern ? 'any' : 'extern';
        const a = this.popExpect(internRef(true, from, false));
        this.push(internRef(a === null ? true : (a as RefType).nullable, to, false));
        return true;
      }
      default:
        return false;
    }
  }

  /** Pops the descriptor operand of a descriptor cast targeting canonical heap type h. */
  private popDescriptorOf(h: HeapType, written: HeapType, exact: boolean): void {
    if (typeof h !== 'number' || isBottomHeap(h)) this.err(`type ${String(written)} does not have a descriptor`);
    const { type } = canonicalOf(h);
    if (type.descriptor === undefined) this.err(`type ${String(written)} does not have a descriptor`);
    // An exact cast needs an exact descriptor; an inexact one accepts any descriptor subtype.
    this.popExpect(internRef(true, type.descriptor, exact));
  }
}

