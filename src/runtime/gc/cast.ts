// Runtime type tests (ref.test, ref.cast, br_on_cast*): does a reference belong to a heap
// type? Concrete types are canonical ids, so the subtype check works across modules.

import { ExnInstance, FuncInstance, HostRef } from '../objects.js';
import type { Ref } from '../objects.js';
import type { AbsHeapType, HeapType } from '../../syntax/types.js';
import { isSubtypeId } from '../../validator/canonical.js';
import { ArrayObj, ExternBox, StructObj } from './objects.js';

/** Abstract heap types in a fixed order, so an instruction can carry one as a small code. */
const ABSTRACT: readonly AbsHeapType[] = ['func', 'nofunc', 'extern', 'noextern', 'any', 'eq',
  'i31', 'struct', 'array', 'none', 'exn', 'noexn'];

/**
 * A heap type as one int: a module type index x as itself (>= 0), an abstract type as a
 * negative code. Decoded by decodeHeap with the instance's canonical ids.
 */
export function encodeHeap(h: HeapType): number {
  return typeof h === 'number' ? h : -1 - ABSTRACT.indexOf(h);
}

/** The heap type an encodeHeap code names, with type indices mapped to canonical ids. */
export function decodeHeap(code: number, typeIds: readonly number[]): HeapType {
  return code >= 0 ? typeIds[code] : ABSTRACT[-1 - code];
}

/** Flags word of a test/cast: bit 0 the target is nullable, bit 1 it is exact. */
export const CAST_NULLABLE = 1, CAST_EXACT = 2;

/** Whether the non-null reference r is in heap type h (concrete h: a canonical id). */
export function inHeap(r: object | number, h: HeapType, exact: boolean): boolean {
  if (typeof h === 'number') {
    let id: number;
    if (r instanceof StructObj || r instanceof ArrayObj) id = r.layout.typeId;
    else if (r instanceof FuncInstance) id = r.typeId;
    else return false;
    return exact ? id === h : isSubtypeId(id, h);
  }
  switch (h) {
    case 'any': return !(r instanceof FuncInstance || r instanceof ExnInstance || r instanceof ExternBox);
    case 'eq': return typeof r === 'number' || r instanceof StructObj || r instanceof ArrayObj;
    case 'i31': return typeof r === 'number';
    case 'struct': return r instanceof StructObj;
    case 'array': return r instanceof ArrayObj;
    case 'func': return r instanceof FuncInstance;
    case 'extern': return r instanceof HostRef || r instanceof ExternBox;
    case 'exn': return r instanceof ExnInstance;
    default: return false; // the bottom types hold only null
  }
}

/** ref.test: r is in (ref null? exact? h). */
export function refTest(r: Ref, h: HeapType, nullable: boolean, exact: boolean): boolean {
  return r === null ? nullable : inHeap(r, h, exact);
}
