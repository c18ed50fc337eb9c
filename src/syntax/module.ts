// The Module AST: what both the binary decoder and the text parser produce, what the encoder
// writes, and what the validator and runtime read. Code and constant expressions stay as byte
// ranges (`Expr`); tools stream over them with InstrReader (src/decoder/instr-reader.ts).

import type {
  ExternKind, GlobalType, MemType, RecGroup, RefType, SubType, TableType, TagType,
} from './types.js';

/**
 * Encoded instructions, including the final `end` (0x0b) for expressions and function bodies.
 * `offset` is the absolute byte offset of `bytes[0]` in the module binary (0 when unknown),
 * so errors and steppers can report module offsets.
 */
export interface Expr {
  readonly bytes: Uint8Array;
  readonly offset: number;
}

export type ImportDesc =
  | { readonly kind: 'func'; readonly typeIdx: number; readonly exact?: boolean }
  | { readonly kind: 'table'; readonly type: TableType }
  | { readonly kind: 'memory'; readonly type: MemType }
  | { readonly kind: 'global'; readonly type: GlobalType }
  | { readonly kind: 'tag'; readonly type: TagType };

export interface Import {
  readonly module: string;
  readonly name: string;
  readonly desc: ImportDesc;
}

export interface Export {
  readonly name: string;
  readonly kind: ExternKind;
  readonly index: number;
}

export interface LocalDecl {
  readonly count: number;
  readonly type: import('./types.js').ValType;
}

/** A defined (not imported) function: its type and its code. */
export interface Func {
  readonly typeIdx: number;
  readonly locals: readonly LocalDecl[];
  /** Body instructions, ending with `end`. */
  readonly body: Expr;
}

export interface Table {
  readonly type: TableType;
  /** Initializer expression (3.0 tables), or null for the implicit `ref.null`. */
  readonly init: Expr | null;
}

export interface Memory {
  readonly type: MemType;
}

export interface Global {
  readonly type: GlobalType;
  readonly init: Expr;
}

export interface Tag {
  readonly type: TagType;
}

export type ElemMode =
  | { readonly kind: 'passive' }
  | { readonly kind: 'declarative' }
  | { readonly kind: 'active'; readonly table: number; readonly offset: Expr };

export interface Elem {
  readonly mode: ElemMode;
  readonly type: RefType;
  /**
   * Either function indices (binary flags 0-3, text `func $f ...`) or expressions
   * (flags 4-7, text `(item ...)`). Both mean the same; the form is kept for round trips.
   */
  readonly init:
    | { readonly kind: 'funcs'; readonly funcs: readonly number[] }
    | { readonly kind: 'exprs'; readonly exprs: readonly Expr[] };
}

export type DataMode =
  | { readonly kind: 'passive' }
  | { readonly kind: 'active'; readonly memory: number; readonly offset: Expr };

export interface Data {
  readonly mode: DataMode;
  readonly bytes: Uint8Array;
}

/** Section ids of the binary format, in the order the spec requires them. */
export const SECTION_ORDER: readonly number[] = [1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11];
export const SECTION_NAMES: Readonly<Record<number, string>> = {
  0: 'custom', 1: 'type', 2: 'import', 3: 'function', 4: 'table', 5: 'memory', 6: 'global',
  7: 'export', 8: 'start', 9: 'elem', 10: 'code', 11: 'data', 12: 'datacount', 13: 'tag',
};

export interface CustomSection {
  readonly name: string;
  readonly bytes: Uint8Array;
  /**
   * Where it stood: after the last non-custom section with this id (0: before all of them).
   * Lets the encoder put it back in place.
   */
  readonly after: number;
  /** Absolute offset of the section's payload (after its name), for tools. */
  readonly offset?: number;
}

/** The decoded `name` custom section (names are advisory: a malformed one is ignored). */
export interface NameSection {
  module?: string;
  readonly funcs: Map<number, string>;
  readonly locals: Map<number, Map<number, string>>;
  readonly labels?: Map<number, Map<number, string>>;
  readonly types?: Map<number, string>;
  readonly fields?: Map<number, Map<number, string>>;
  readonly tables?: Map<number, string>;
  readonly memories?: Map<number, string>;
  readonly globals?: Map<number, string>;
  readonly elems?: Map<number, string>;
  readonly datas?: Map<number, string>;
  readonly tags?: Map<number, string>;
}

export interface Module {
  /** The flat type index space; `recGroups` partitions it. */
  readonly types: SubType[];
  readonly recGroups: RecGroup[];
  readonly imports: Import[];
  /** Defined functions (function index = number of imported functions + position). */
  readonly funcs: Func[];
  readonly tables: Table[];
  readonly memories: Memory[];
  readonly globals: Global[];
  readonly tags: Tag[];
  readonly exports: Export[];
  start: number | null;
  readonly elems: Elem[];
  readonly datas: Data[];
  /** The data count section's value, or null when the section is absent. */
  dataCount: number | null;
  readonly customs: CustomSection[];
  names: NameSection | null;
}

export function emptyModule(): Module {
  return {
    types: [], recGroups: [], imports: [], funcs: [], tables: [], memories: [], globals: [],
    tags: [], exports: [], start: null, elems: [], datas: [], dataCount: null, customs: [],
    names: null,
  };
}

/** Counts of imported entities per kind; index spaces put imports first. */
export interface ImportCounts {
  func: number;
  table: number;
  memory: number;
  global: number;
  tag: number;
}

export function importCounts(m: Module): ImportCounts {
  const c: ImportCounts = { func: 0, table: 0, memory: 0, global: 0, tag: 0 };
  for (const imp of m.imports) c[imp.desc.kind]++;
  return c;
}
