// Types of the WebAssembly 3.0 structure chapter (plus the custom-descriptors proposal's
// exact references and descriptor clauses). Plain data: every stage (decoder, text parser,
// validator, runtime) shares these shapes. Type indices are module-relative here; the validator
// canonicalizes them (iso-recursive equivalence) for cross-module comparison.

export type NumType = 'i32' | 'i64' | 'f32' | 'f64';
export type VecType = 'v128';

/** Abstract heap types. `exact` is not one of them: it is a flag on RefType. */
export type AbsHeapType =
  | 'func' | 'nofunc'
  | 'extern' | 'noextern'
  | 'any' | 'eq' | 'i31' | 'struct' | 'array' | 'none'
  | 'exn' | 'noexn';

/** An abstract heap type, or a concrete type index into the module's type section. */
export type HeapType = AbsHeapType | number;

export interface RefType {
  readonly kind: 'ref';
  readonly nullable: boolean;
  /** custom-descriptors: `(ref exact $t)` excludes strict subtypes. */
  readonly exact: boolean;
  readonly heap: HeapType;
}

export type ValType = NumType | VecType | RefType;

export type PackedType = 'i8' | 'i16';
export type StorageType = ValType | PackedType;

export interface FieldType {
  readonly type: StorageType;
  readonly mutable: boolean;
}

export interface FuncType {
  readonly kind: 'func';
  readonly params: readonly ValType[];
  readonly results: readonly ValType[];
}
export interface StructType {
  readonly kind: 'struct';
  readonly fields: readonly FieldType[];
}
export interface ArrayType {
  readonly kind: 'array';
  readonly elem: FieldType;
}
export type CompType = FuncType | StructType | ArrayType;

/** One entry of the type index space. */
export interface SubType {
  readonly final: boolean;
  /** Declared supertypes (type indices); at most one is valid. */
  readonly supers: readonly number[];
  readonly comp: CompType;
  /** custom-descriptors: `(descriptor $x)` clause. */
  readonly descriptor?: number;
  /** custom-descriptors: `(describes $x)` clause. */
  readonly describes?: number;
}

/** A recursion group: the types module.types[start .. start+count). */
export interface RecGroup {
  readonly start: number;
  readonly count: number;
  /**
   * True when the binary/text wrote an explicit `rec` (0x4e). A group of one written without
   * `rec` is the same type; the flag only keeps encode(decode(b)) == b.
   */
  readonly explicit: boolean;
}

export interface Limits {
  /** Minimum, in pages (memories) or elements (tables). Exact below 2^53. */
  readonly min: number;
  /** Maximum, or null when absent. Exact below 2^53. */
  readonly max: number | null;
  /** Address type is i64 (memory64 / table64). */
  readonly is64: boolean;
}

export interface MemType {
  readonly limits: Limits;
  readonly shared: boolean;
  /** log2 of the page size: 16 by default; the custom-page-sizes proposal allows 0. */
  readonly pageSizeLog2: number;
  /** True when the page size was written explicitly (binary flag bit 3 / text `(pagesize N)`). */
  readonly explicitPageSize?: boolean;
}

export interface TableType {
  readonly elem: RefType;
  readonly limits: Limits;
}

export interface GlobalType {
  readonly type: ValType;
  readonly mutable: boolean;
}

export interface TagType {
  /** Index of a function type; its results must be empty. */
  readonly typeIdx: number;
}

export type ExternKind = 'func' | 'table' | 'memory' | 'global' | 'tag';

// ---- shared constants and helpers -------------------------------------------------------

function ref(nullable: boolean, heap: HeapType, exact = false): RefType {
  return { kind: 'ref', nullable, exact, heap };
}

/** Interned common reference types: compare with equalValType, not ===, in general code. */
export const funcref: RefType = ref(true, 'func');
export const externref: RefType = ref(true, 'extern');
export const anyref: RefType = ref(true, 'any');
export const eqref: RefType = ref(true, 'eq');
export const i31ref: RefType = ref(true, 'i31');
export const structref: RefType = ref(true, 'struct');
export const arrayref: RefType = ref(true, 'array');
export const exnref: RefType = ref(true, 'exn');
export const nullref: RefType = ref(true, 'none');
export const nullfuncref: RefType = ref(true, 'nofunc');
export const nullexternref: RefType = ref(true, 'noextern');
export const nullexnref: RefType = ref(true, 'noexn');

const internedNullable = new Map<HeapType, RefType>([
  ['func', funcref], ['extern', externref], ['any', anyref], ['eq', eqref], ['i31', i31ref],
  ['struct', structref], ['array', arrayref], ['exn', exnref], ['none', nullref],
  ['nofunc', nullfuncref], ['noextern', nullexternref], ['noexn', nullexnref],
]);

/** Build a reference type, reusing interned objects for the common abstract shorthands. */
export function refType(nullable: boolean, heap: HeapType, exact = false): RefType {
  if (nullable && !exact && typeof heap === 'string') return internedNullable.get(heap)!;
  return ref(nullable, heap, exact);
}

export function isRefType(t: StorageType): t is RefType {
  return typeof t === 'object';
}

export function equalHeapType(a: HeapType, b: HeapType): boolean {
  return a === b;
}

/** Syntactic equality (module-relative indices). Use the validator for canonical equality. */
export function equalValType(a: StorageType, b: StorageType): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  return a.nullable === b.nullable && a.exact === b.exact && a.heap === b.heap;
}

export function equalValTypes(a: readonly ValType[], b: readonly ValType[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!equalValType(a[i], b[i])) return false;
  return true;
}

/** Abstract heap types as the text format spells them, with their binary codes. */
export const ABS_HEAP_CODES: Readonly<Record<AbsHeapType, number>> = {
  nofunc: 0x73, noextern: 0x72, none: 0x71, func: 0x70, extern: 0x6f, any: 0x6e,
  eq: 0x6d, i31: 0x6c, struct: 0x6b, array: 0x6a, exn: 0x69, noexn: 0x74,
};

export const NUM_TYPE_CODES: Readonly<Record<NumType | VecType, number>> = {
  i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c, v128: 0x7b,
};

/** Text of a value type in the text format, e.g. `(ref null $3)` or `funcref`. */
export function valTypeToString(t: StorageType): string {
  if (typeof t === 'string') return t;
  const heap = typeof t.heap === 'number' ? String(t.heap) : t.heap;
  if (t.nullable && !t.exact && typeof t.heap === 'string') {
    const short: Partial<Record<AbsHeapType, string>> = {
      func: 'funcref', extern: 'externref', any: 'anyref', eq: 'eqref', i31: 'i31ref',
      struct: 'structref', array: 'arrayref', exn: 'exnref', none: 'nullref',
      nofunc: 'nullfuncref', noextern: 'nullexternref', noexn: 'nullexnref',
    };
    return short[t.heap]!;
  }
  return `(ref${t.nullable ? ' null' : ''} ${t.exact ? `(exact ${heap})` : heap})`;
}

/** Byte width of a storage type's slot in memory-like contexts (packed fields, arrays). */
export function storageSize(t: StorageType): number {
  switch (t) {
    case 'i8': return 1;
    case 'i16': return 2;
    case 'i32': case 'f32': return 4;
    case 'i64': case 'f64': return 8;
    case 'v128': return 16;
    default: return 8;
  }
}
