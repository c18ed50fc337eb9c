// The JS-API wrapper objects (named as in the browser's WebAssembly namespace): Memory,
// Table, Global and Tag around the runtime's instances, plus the conversions between JS values
// and references (funcref <-> exported JS functions). Misusing the API (bad descriptors,
// wrong value kinds) throws TypeError as the browser does; out-of-range accesses are Traps.

import { RuntimeError, Trap } from '../errors.js';
import { FuncInstance, HostRef } from './objects.js';
import type { GlobalInstance, MemoryInstance, Ref, TableInstance, TagInstance, Value } from './objects.js';
import { LinearMemory, MemoryLimitError } from '../memory/linear-memory.js';
import { Table as TableImpl, TableLimitError } from '../memory/table.js';
import { OOB_TABLE } from '../memory/bounds.js';
import { anyref, externref, funcref } from '../syntax/types.js';
import type { FuncType, ValType } from '../syntax/types.js';
import { fromJS, makeGlobal, readGlobal, toJS, writeGlobal, ValueConversionError } from './values.js';
import { canonicalFuncTypeId } from './host-func.js';
import { anyRefFromJS, externRefFromJS, gcRefToJS, isExternHeap } from './gc/js-boundary.js';
import { ArrayObj, StructObj } from './gc/objects.js';

// ---- references at the boundary ---------------------------------------------------------

/** Exported-function wrappers by instance and back, so identity survives round trips. */
const wrappers = new WeakMap<FuncInstance, Function>();
const funcsOfWrappers = new WeakMap<Function, FuncInstance>();
/** Set by api-instance.ts: how a FuncInstance becomes a callable JS function. */
let makeWrapper: (f: FuncInstance) => Function = () => {
  throw new Error('function wrappers not initialised');
};

export function setWrapperFactory(make: (f: FuncInstance) => Function): void {
  makeWrapper = make;
}

/** The JS function for a wasm or host function (one per FuncInstance). */
export function wrapFunc(f: FuncInstance): Function {
  let w = wrappers.get(f);
  if (!w) {
    w = makeWrapper(f);
    wrappers.set(f, w);
    funcsOfWrappers.set(w, f);
  }
  return w;
}

/** The FuncInstance behind an exported function, or undefined for other JS values. */
export function funcOfWrapper(v: unknown): FuncInstance | undefined {
  return typeof v === 'function' ? funcsOfWrappers.get(v) : undefined;
}

/** JS value -> reference of type `t` (funcref needs an exported wasm function). */
export function jsToRef(v: unknown, t: ValType): Ref {
  if (typeof t === 'object') {
    const h = t.heap;
    if (h === 'func' || h === 'nofunc' || typeof h === 'number') {
      const f = funcOfWrapper(v);
      if (f) return f;
      // A concrete index may name a struct or array type: GC objects cross as themselves.
      if (typeof h === 'number' && (v instanceof StructObj || v instanceof ArrayObj)) return v;
      throw new TypeError('a funcref value must be an exported WebAssembly function');
    }
    if (isExternHeap(h)) return externRefFromJS(v);
    return anyRefFromJS(v);
  }
  return v instanceof HostRef ? v : new HostRef(v);
}

/** Reference -> JS value (functions as callable wrappers, host values unwrapped). */
export function refToJS(r: Ref): unknown {
  if (r instanceof FuncInstance) return wrapFunc(r);
  return gcRefToJS(r);
}

export function valueFromJS(t: ValType, v: unknown): Value {
  try {
    return fromJS(t, v, jsToRef);
  } catch (e) {
    if (e instanceof ValueConversionError) throw new TypeError(e.message);
    throw e;
  }
}

export function valueToJS(v: Value): unknown {
  try {
    return toJS(v, refToJS);
  } catch (e) {
    if (e instanceof ValueConversionError) throw new TypeError(e.message);
    throw e;
  }
}

/** JS-API value type names (`anyfunc` is the old spelling of `funcref`). */
export type ValueTypeName = 'i32' | 'i64' | 'f32' | 'f64' | 'v128' | 'funcref' | 'anyfunc' | 'externref' | 'anyref';

export function parseValueType(name: string): ValType {
  switch (name) {
    case 'i32': case 'i64': case 'f32': case 'f64': case 'v128': return name;
    case 'funcref': case 'anyfunc': return funcref;
    case 'externref': return externref;
    case 'anyref': return anyref;
    default: throw new TypeError(`unknown value type '${name}'`);
  }
}

function checkCount(v: unknown, what: string): number {
  const n = typeof v === 'bigint' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new TypeError(`${what} must be a non-negative integer`);
  return n;
}

// ---- Memory ---------------------------------------------------------------------------

export interface MemoryDescriptor {
  initial: number | bigint;
  maximum?: number | bigint;
  shared?: boolean;
  address?: 'i32' | 'i64';
  /** custom-page-sizes: 1 or 65536 (default). */
  pageSize?: number;
}

export class Memory {
  /** The runtime memory; what the engine links. */
  readonly raw: MemoryInstance;

  constructor(desc: MemoryDescriptor | { raw: MemoryInstance }, maxBytes?: number) {
    if ('raw' in desc) {
      this.raw = desc.raw;
      return;
    }
    const pageSize = desc.pageSize ?? 65536;
    if (pageSize !== 1 && pageSize !== 65536) throw new TypeError('pageSize must be 1 or 65536');
    const min = checkCount(desc.initial, 'initial');
    const max = desc.maximum === undefined ? null : checkCount(desc.maximum, 'maximum');
    if (max !== null && max < min) throw new TypeError('maximum must not be less than initial');
    try {
      this.raw = new LinearMemory({
        limits: { min, max, is64: desc.address === 'i64' }, shared: desc.shared ?? false,
        pageSizeLog2: pageSize === 1 ? 0 : 16,
      }, { maxBytes });
    } catch (e) {
      if (e instanceof MemoryLimitError) throw new RuntimeError(`resource limit exceeded: ${e.message}`, { cause: e });
      throw e;
    }
  }

  get buffer(): ArrayBuffer {
    return this.raw.buffer;
  }

  /** Grows by `delta` pages; returns the old size in pages. Throws RuntimeError when refused. */
  grow(delta: number | bigint): number {
    const old = this.raw.grow(checkCount(delta, 'delta'));
    if (old < 0) throw new RuntimeError('failed to grow memory');
    return old;
  }
}

// ---- Table ----------------------------------------------------------------------------

export interface TableDescriptor {
  element: 'funcref' | 'anyfunc' | 'externref' | 'anyref';
  initial: number | bigint;
  maximum?: number | bigint;
  address?: 'i32' | 'i64';
}

export class Table {
  readonly raw: TableInstance;

  constructor(desc: TableDescriptor | { raw: TableInstance }, value?: unknown, maxElements?: number) {
    if ('raw' in desc) {
      this.raw = desc.raw;
      return;
    }
    const elem = parseValueType(desc.element);
    if (typeof elem !== 'object') throw new TypeError('table elements must be a reference type');
    const min = checkCount(desc.initial, 'initial');
    const max = desc.maximum === undefined ? null : checkCount(desc.maximum, 'maximum');
    if (max !== null && max < min) throw new TypeError('maximum must not be less than initial');
    const init = value === undefined || value === null ? null : jsToRef(value, elem);
    try {
      this.raw = new TableImpl({ elem, limits: { min, max, is64: desc.address === 'i64' } }, init, { maxElements });
    } catch (e) {
      if (e instanceof TableLimitError) throw new RuntimeError(`resource limit exceeded: ${e.message}`, { cause: e });
      throw e;
    }
  }

  get length(): number {
    return this.raw.elements.length;
  }

  get(index: number): unknown {
    const i = checkCount(index, 'index');
    if (i >= this.raw.elements.length) throw new Trap(OOB_TABLE);
    const r = this.raw.elements[i];
    return r === null ? null : refToJS(r);
  }

  set(index: number, value: unknown = null): void {
    const i = checkCount(index, 'index');
    if (i >= this.raw.elements.length) throw new Trap(OOB_TABLE);
    this.raw.elements[i] = value === null ? null : jsToRef(value, this.raw.type.elem);
  }

  grow(delta: number, value: unknown = null): number {
    const init = value === null ? null : jsToRef(value, this.raw.type.elem);
    const old = this.raw.grow(checkCount(delta, 'delta'), init);
    if (old < 0) throw new RuntimeError('failed to grow table');
    return old;
  }
}

// ---- Global ---------------------------------------------------------------------------

export interface GlobalDescriptor {
  value: ValueTypeName;
  mutable?: boolean;
}

export class Global {
  readonly raw: GlobalInstance;

  constructor(desc: GlobalDescriptor | { raw: GlobalInstance }, value?: unknown) {
    if ('raw' in desc) {
      this.raw = desc.raw;
      return;
    }
    const type = { type: parseValueType(desc.value), mutable: desc.mutable ?? false };
    this.raw = makeGlobal(type, value === undefined ? undefined : valueFromJS(type.type, value));
  }

  get value(): unknown {
    return valueToJS(readGlobal(this.raw));
  }

  set value(v: unknown) {
    if (!this.raw.type.mutable) throw new TypeError('cannot set an immutable global');
    writeGlobal(this.raw, valueFromJS(this.raw.type.type, v));
  }

  valueOf(): unknown {
    return this.value;
  }
}

// ---- Tag ------------------------------------------------------------------------------

export class Tag {
  readonly raw: TagInstance;

  constructor(desc: { parameters: ValueTypeName[] } | { raw: TagInstance }) {
    if ('raw' in desc) {
      this.raw = desc.raw;
      return;
    }
    const funcType: FuncType = { kind: 'func', params: desc.parameters.map(parseValueType), results: [] };
    this.raw = { type: { typeIdx: -1 }, funcType, typeId: canonicalFuncTypeId(funcType) };
  }
}
