// The runtime object model shared by the runtime (instantiation, linking, API) and the
// interpreter. Field shapes here are a contract between src/runtime and src/interpreter:
// change them in both places at once.
//
// References (the `Ref` type) are JS values:
//   null             the null reference of every heap type
//   FuncInstance     funcref
//   HostRef          an externref/anyref the host passed in (wraps any JS value)
//   number           an i31 (int31 value, kept as a small integer: no allocation)
//   ExnInstance      exnref
//   GC objects       structs/arrays (src/runtime/gc.ts, issue 7), plain JS objects
// Numbers never mean anything but i31, so extern host numbers are always wrapped in HostRef.

import type { FuncType, GlobalType, MemType, TableType, TagType, ValType } from '../syntax/types.js';
import type { Func, Module } from '../syntax/module.js';

export type Ref = null | object | number;

/** A host value seen by wasm as externref (or anyref after any.convert_extern). */
export class HostRef {
  constructor(readonly value: unknown) {}
}

/**
 * A value at the engine's boundary (API calls, globals' get/set, the script runner).
 * Floats travel as raw bits so NaN payloads survive; i64 as bigint (boundary only).
 */
export type Value =
  | { readonly type: 'i32'; readonly value: number }
  | { readonly type: 'i64'; readonly value: bigint }
  | { readonly type: 'f32'; readonly bits: number }
  | { readonly type: 'f64'; readonly bits: bigint }
  | { readonly type: 'v128'; readonly words: Int32Array }
  | { readonly type: 'ref'; readonly value: Ref };

/** A host function: receives and returns boundary Values. Throwing makes a trap. */
export type HostFunc = (args: Value[]) => Value[];

export class FuncInstance {
  /** Lazily translated internal code, owned by the interpreter (opaque to the runtime). */
  compiled: unknown = null;
  constructor(
    readonly type: FuncType,
    /** Canonical type id (validator's canonicalization); call_indirect and casts compare it. */
    readonly typeId: number,
    /** The defining instance; null for host functions. */
    readonly instance: ModuleInstance | null,
    /** Function index within its defining module (-1 for host functions). */
    readonly index: number,
    /** The code, for wasm functions. */
    readonly code: Func | null,
    /** The callback, for host functions. */
    readonly host: HostFunc | null,
    /** Display name (name section or export name) for stack traces. */
    public name: string | null = null,
  ) {}
}

export interface GlobalInstance {
  readonly type: GlobalType;
  /** The value's words: i32/f32 use [0]; i64/f64 use [0]=lo [1]=hi; v128 all four. */
  readonly words: Int32Array;
  /** The value when the type is a reference. */
  ref: Ref;
}

export interface TagInstance {
  readonly type: TagType;
  readonly funcType: FuncType;
  readonly typeId: number;
}

/** A caught-and-rethrowable exception (exnref). */
export class ExnInstance {
  constructor(readonly tag: TagInstance, readonly payload: Value[]) {}
}

/** Interface of linear memories; the class lives in src/memory. */
export interface MemoryInstance {
  readonly type: MemType;
  /** Current contents; replaced on grow (re-read views after any call that may grow). */
  buffer: ArrayBuffer;
  u8: Uint8Array;
  view: DataView;
  /** Size in pages of (1 << type.pageSizeLog2) bytes. */
  pages(): number;
  /** Grows by `delta` pages; returns the old size or -1 (never throws, never over-allocates). */
  grow(delta: number): number;
}

export interface TableInstance {
  readonly type: TableType;
  elements: Ref[];
  /** Grows by `delta` filled with `init`; returns the old size or -1. */
  grow(delta: number, init: Ref): number;
}

export type ExternValue =
  | { readonly kind: 'func'; readonly value: FuncInstance }
  | { readonly kind: 'table'; readonly value: TableInstance }
  | { readonly kind: 'memory'; readonly value: MemoryInstance }
  | { readonly kind: 'global'; readonly value: GlobalInstance }
  | { readonly kind: 'tag'; readonly value: TagInstance };

export interface ModuleInstance {
  readonly module: Module;
  /** Module type index -> canonical type id. */
  readonly typeIds: readonly number[];
  readonly funcs: FuncInstance[];
  readonly tables: TableInstance[];
  readonly memories: MemoryInstance[];
  readonly globals: GlobalInstance[];
  readonly tags: TagInstance[];
  /** Element segments' values; null once dropped. */
  readonly elems: (Ref[] | null)[];
  /** Data segments' bytes; null once dropped. */
  readonly datas: (Uint8Array | null)[];
  readonly exports: Map<string, ExternValue>;
}

export type { ValType };
