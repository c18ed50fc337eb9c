// The interpreter's entry points: `invoke` (run a call to completion) and `Execution` (one call
// as a resumable handle: run with fuel, step one instruction, inspect state). Wasm exceptions
// are unwound here, between runs of the loop in run.ts; traps get their wasm stack here.

import { Trap, WasmException } from '../errors.js';
import type { WasmFrame } from '../errors.js';
import type { ExnInstance, FuncInstance, Value } from '../runtime/objects.js';
import type { ValType } from '../syntax/types.js';
import { DEFAULT_MAX_CALL_DEPTH, FUEL_CHUNK, Machine, Thrown, readValue, readValues, writeValue, writeValues } from './machine.js';
import { execute } from './run.js';
import { exactCode, fastCode, T_F32, T_F64, T_I32, T_I64, T_V128 } from './translate.js';
import type { Compiled } from './translate.js';

export interface ExecOptions {
  /** Budget in wasm instructions; running out pauses an Execution, or traps "out of fuel" in invoke. */
  fuel?: number;
  /** Maximum depth of nested wasm calls before the trap "call stack exhausted". */
  maxCallDepth?: number;
  /** 'fast' (default) or 'exact' (every frame runs exact code: one step per instruction). */
  mode?: 'fast' | 'exact';
}

export type RunResult = { status: 'done'; results: Value[] } | { status: 'paused' };

export interface ExecState {
  /** Function index (in its module) of the innermost frame, and its name if known. */
  readonly funcIndex: number;
  readonly name: string | null;
  /** Absolute byte offset of the next instruction to execute. */
  readonly offset: number;
  /** Operand stack of the innermost frame, bottom first. */
  readonly stack: Value[];
  readonly locals: Value[];
  readonly globals: Value[];
  /** Number of active frames. */
  readonly depth: number;
}

const POOL: Machine[] = [];

/** Calls `func` to completion. Throws Trap, or WasmException for an uncaught exception. */
export function invoke(func: FuncInstance, args: Value[], options?: ExecOptions): Value[] {
  if (func.host !== null) return func.host(args);
  const ex = new Execution(func, args, options, POOL.pop());
  try {
    const r = ex.run();
    if (r.status === 'paused') throw new Trap('out of fuel', ex.trapStack());
    return r.results;
  } finally {
    ex.release(POOL);
  }
}

export class Execution {
  private m: Machine;
  private finished = false;
  private results: Value[] | null = null;

  constructor(readonly func: FuncInstance, args: Value[], options: ExecOptions = {},
    machine?: Machine) {
    if (func.host !== null) throw new TypeError('Execution needs a wasm function');
    const m = machine ?? new Machine();
    m.reset();
    this.m = m;
    m.maxDepth = options.maxCallDepth ?? DEFAULT_MAX_CALL_DEPTH;
    m.exactAll = options.mode === 'exact';
    const comp = options.mode === 'exact' ? exactCode(func) : fastCode(func);
    m.grow(comp.frameSlots + 16);
    writeValues(m, 0, func.type.params, args);
    for (let s = comp.numParamSlots; s < comp.numLocalSlots; s++) {
      m.I[s << 1] = 0; m.I[(s << 1) + 1] = 0; m.R[s] = null;
    }
    m.comp = comp;
    m.pc = 0;
    m.fp = 0;
    this.setFuel(options.fuel);
  }

  private setFuel(fuel: number | undefined): void {
    const m = this.m;
    if (fuel === undefined || fuel === Infinity) {
      m.fuel = FUEL_CHUNK;
      m.reserve = Infinity;
    } else {
      const f = Math.max(0, Math.floor(fuel));
      m.fuel = Math.min(f, FUEL_CHUNK);
      m.reserve = f - m.fuel;
    }
  }

  /** Fuel left (Infinity when unlimited). */
  get fuelLeft(): number {
    return this.m.fuel + this.m.reserve;
  }

  /**
   * Runs until the call returns or `fuel` wasm instructions ran (then 'paused'; call again to
   * resume). Without `fuel` it runs with the budget given at construction (default unlimited).
   */
  run(fuel?: number): RunResult {
    if (this.finished) return { status: 'done', results: this.results! };
    if (fuel !== undefined) this.setFuel(fuel);
    const m = this.m;
    for (;;) {
      try {
        if (!execute(m)) return { status: 'paused' };
        break;
      } catch (e) {
        if (e instanceof Thrown) {
          if (unwind(m, e.exn)) continue;
          this.finished = true;
          throw new WasmException(e.exn.tag, e.exn.payload, e.exn);
        }
        this.finished = true;
        if (e instanceof Trap) {
          if (e.wasmStack.length === 0) e.wasmStack = this.trapStack();
          throw e;
        }
        if (e instanceof RangeError && /call stack/i.test(e.message)) {
          throw new Trap('call stack exhausted', this.trapStack(), e);
        }
        throw e;
      }
    }
    this.finished = true;
    this.results = readValues(m, m.fp, this.func.type.results);
    return { status: 'done', results: this.results };
  }

  /** Alias of run() for a paused execution. */
  resume(fuel?: number): RunResult {
    return this.run(fuel);
  }

  /** Executes exactly one wasm instruction (exact mode). */
  step(): RunResult {
    if (this.finished) return { status: 'done', results: this.results! };
    this.toExact();
    const saved = this.m.fuel + this.m.reserve;
    const r = this.run(1);
    if (r.status === 'paused') {
      this.setFuel(saved === Infinity ? undefined : Math.max(0, saved - 1));
    }
    return r;
  }

  /** Moves the innermost frame to exact code at the same instruction (it is at a FUEL op). */
  private toExact(): void {
    const m = this.m;
    const comp = m.comp!;
    if (comp.exact) return;
    const ex = exactCode(comp.func);
    const pc = ex.pcOfOffset!.get(comp.code[m.pc + 2]);
    if (pc !== undefined) {
      m.comp = ex;
      m.pc = pc;
    }
  }

  get done(): boolean {
    return this.finished;
  }

  /** The innermost frame: function, next instruction's offset, operand stack, locals, globals. */
  state(): ExecState {
    const m = this.m;
    if (!this.finished) this.toExact();
    const comp = m.comp!;
    const f = comp.func;
    const inst = f.instance!;
    const locals: Value[] = [];
    for (let k = 0; k < comp.localTypes.length; k++) {
      locals.push(slotValue(m, m.fp + comp.localSlots[k], comp.localTypes[k]));
    }
    const stack: Value[] = [];
    const kinds = comp.stackAt?.get(m.pc);
    if (kinds !== undefined && !this.finished) {
      let s = m.fp + comp.stackBase;
      for (const t of kinds) {
        stack.push(slotValue(m, s, t));
        s += t === T_V128 ? 2 : 1;
      }
    }
    const globals = inst.globals.map((g) => readGlobalValue(g.type.type, g.words, g.ref));
    return {
      funcIndex: f.index, name: f.name, offset: this.finished ? -1 : offsetAt(comp, m.pc),
      stack, locals, globals, depth: m.depth + 1,
    };
  }

  /** The wasm call stack at the current point, innermost first. */
  trapStack(): WasmFrame[] {
    const m = this.m;
    const frames: WasmFrame[] = [];
    if (m.comp === null) return frames;
    const push = (c: Compiled, pc: number): void => {
      frames.push({ funcIndex: c.func.index, name: c.func.name, offset: offsetAt(c, pc) });
    };
    push(m.comp, m.pc);
    for (let k = m.depth - 1; k >= 0 && frames.length < 64; k--) push(m.fComp[k], m.frames[2 * k] - 1);
    return frames;
  }

  /** Returns the machine to a pool (invoke only). */
  release(pool: Machine[]): void {
    if (pool.length < 4) {
      this.m.reset();
      pool.push(this.m);
    }
  }
}

function slotValue(m: Machine, s: number, t: number): Value {
  const vt: ValType = t === T_I32 ? 'i32' : t === T_I64 ? 'i64' : t === T_F32 ? 'f32'
    : t === T_F64 ? 'f64' : t === T_V128 ? 'v128' : { kind: 'ref', nullable: true, exact: false, heap: 'any' };
  return readValue(m, s, vt);
}

function readGlobalValue(t: ValType, words: Int32Array, ref: unknown): Value {
  switch (t) {
    case 'i32': return { type: 'i32', value: words[0] };
    case 'f32': return { type: 'f32', bits: words[0] >>> 0 };
    case 'i64': return { type: 'i64', value: (BigInt(words[1]) << 32n) | BigInt(words[0] >>> 0) };
    case 'f64': return { type: 'f64', bits: (BigInt(words[1] >>> 0) << 32n) | BigInt(words[0] >>> 0) };
    case 'v128': return { type: 'v128', words: words.slice(0, 4) };
    default: return { type: 'ref', value: ref as never };
  }
}

/** The wasm byte offset of the instruction containing pc. */
function offsetAt(c: Compiled, pc: number): number {
  const pcs = c.pcs;
  let lo = 0, hi = pcs.length - 1, at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pcs[mid] <= pc) { at = mid; lo = mid + 1; } else hi = mid - 1;
  }
  if (at < 0) return -1;
  // a FUEL op announces the instruction that follows it
  if (c.code[pcs[at]] === 0 /* I.FUEL */ && pcs[at] === pc) return c.code[pc + 2];
  return c.offsets[at];
}

/**
 * Finds the handler for a wasm exception, from the faulting frame outwards, and lands there
 * (payload written to the label's slots). False when no frame catches it.
 */
function unwind(m: Machine, exn: ExnInstance): boolean {
  let pc = m.pc;
  for (;;) {
    const comp = m.comp!;
    const hs = comp.handlers;
    let h = -1;
    for (let k = hs.length - 1; k >= 0; k--) {
      if (hs[k].start <= pc && pc < hs[k].end) { h = k; break; }
    }
    const inst = comp.func.instance!;
    while (h >= 0) {
      const H = hs[h];
      if (H.delegate !== -2) { h = H.delegate; continue; }
      for (const c of H.catches) {
        if (c.kind < 2 && inst.tags[c.tag] !== exn.tag) continue;
        let s = m.fp + c.slot;
        if (c.kind < 2) {
          const params = exn.tag.funcType.params;
          writeValues(m, s, params, exn.payload);
          for (const t of params) s += t === 'v128' ? 2 : 1;
        }
        if (c.kind === 1 || c.kind === 3) writeValue(m, s, { type: 'ref', value: exn });
        if (H.hidden >= 0) m.R[m.fp + H.hidden] = exn;
        m.pc = c.target;
        return true;
      }
      h = H.parent;
    }
    if (m.depth === 0) return false;
    const k = --m.depth;
    m.comp = m.fComp[k];
    pc = m.frames[2 * k] - 1;
    m.fp = m.frames[2 * k + 1];
    m.pc = pc;
  }
}
