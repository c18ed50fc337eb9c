// GC references at the JS API boundary (JS API "ToWebAssemblyValue" / "ToJSValue"):
// structs and arrays cross as themselves (opaque objects that come back intact), i31 refs as
// JS numbers, and a value entering an externref is first made an anyref, then externalized.
// The JS API objects (src/runtime/api-objects.ts jsToRef / refToJS) are meant to call these
// for reference types outside the func hierarchy.

import { HostRef } from '../objects.js';
import type { Ref } from '../objects.js';
import type { HeapType } from '../../syntax/types.js';
import { anyToExtern } from './convert.js';
import { ArrayObj, ExternBox, StructObj } from './objects.js';

const I31_MIN = -(2 ** 30), I31_MAX = 2 ** 30 - 1;

/** ToWebAssemblyValue(v, anyref): i31-range integers become i31, GC objects stay themselves. */
export function anyRefFromJS(v: unknown): Ref {
  if (v === null) return null;
  if (typeof v === 'number' && Number.isInteger(v) && v >= I31_MIN && v <= I31_MAX && !Object.is(v, -0)) return v;
  if (v instanceof StructObj || v instanceof ArrayObj || v instanceof HostRef) return v;
  return new HostRef(v);
}

/** ToWebAssemblyValue(v, externref): the anyref conversion, then extern.convert_any. */
export function externRefFromJS(v: unknown): Ref {
  return anyToExtern(anyRefFromJS(v));
}

/** Whether a heap type belongs to the extern hierarchy. */
export function isExternHeap(h: HeapType): boolean {
  return h === 'extern' || h === 'noextern';
}

/** ToJSValue for references of the any and extern hierarchies (functions are not handled). */
export function gcRefToJS(r: Ref): unknown {
  if (r instanceof ExternBox) return r.inner;
  if (r instanceof HostRef) return r.value;
  return r;
}
