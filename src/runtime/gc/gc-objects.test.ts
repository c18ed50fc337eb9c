import { describe, expect, it } from 'vitest';
import { canonicalTypeIds } from '../../validator/canonical.js';
import { parseModuleText } from '../../text/parse-module.js';
import { ExnInstance, FuncInstance, HostRef } from '../objects.js';
import { decodeHeap, encodeHeap, refTest } from './cast.js';
import { anyToExtern, externToAny } from './convert.js';
import { arrayLayout, SK_F32, SK_I16, SK_I8, SK_REF, structLayout } from './layout.js';
import { ArrayObj, ExternBox, StructObj } from './objects.js';
import { loadWords, storeWords, wordsFromBytes } from './storage.js';
import { newArrayData, newArrayDefault, newArrayElem } from './alloc.js';

const ids = canonicalTypeIds(parseModuleText(`(module
  (type $a (sub (struct (field i8) (field (mut f32)) (field anyref) (field i64))))
  (type $b (sub $a (struct (field i8) (field (mut f32)) (field anyref) (field i64) (field v128))))
  (type $bytes (array (mut i8)))
  (type $refs (array (mut anyref)))
  (type $f (func)))`));
const [A, B, BYTES, REFS, F] = ids;

describe('layouts', () => {
  it('numbers share words, references get their own array', () => {
    const l = structLayout(B);
    expect(Array.from(l.kinds)).toEqual([SK_I8, SK_F32, SK_REF, 3, 6]);
    expect(Array.from(l.pos)).toEqual([0, 1, 0, 2, 4]);
    expect(l.numWords).toBe(8);
    expect(l.numRefs).toBe(1);
    expect(arrayLayout(BYTES).stride).toBe(1);
    expect(arrayLayout(REFS).stride).toBe(0);
  });
});

describe('storage', () => {
  it('packs i8/i16 and extends on load', () => {
    const w = new Int32Array(2), slot = new Int32Array(2);
    storeWords(SK_I8, w, 0, Int32Array.of(0x1ff), 0);
    expect(w[0]).toBe(0xff);
    loadWords(SK_I8, true, slot, 0, w, 0);
    expect(slot[0]).toBe(-1);
    loadWords(SK_I8, false, slot, 0, w, 0);
    expect(slot[0]).toBe(255);
    storeWords(SK_I16, w, 0, Int32Array.of(-2), 0);
    loadWords(SK_I16, false, slot, 0, w, 0);
    expect(slot[0]).toBe(0xfffe);
  });
  it('keeps float NaN payloads bit for bit', () => {
    const w = new Int32Array(1), out = new Int32Array(2);
    storeWords(SK_F32, w, 0, Int32Array.of(0x7fa00001), 0);
    loadWords(SK_F32, false, out, 0, w, 0);
    expect(out[0]).toBe(0x7fa00001);
  });
  it('reads little-endian segment bytes', () => {
    const out = new Int32Array(2);
    wordsFromBytes(SK_I16, Uint8Array.of(1, 2, 3, 4), 0, 2, out, 0, 1);
    expect(Array.from(out)).toEqual([0x0201, 0x0403]);
  });
});

describe('allocation', () => {
  it('array.new_data / new_elem check their segments', () => {
    expect(Array.from(newArrayData(BYTES, Uint8Array.of(9, 8, 7), 1, 2).words!)).toEqual([8, 7]);
    expect(() => newArrayData(BYTES, Uint8Array.of(1), 0, 2)).toThrow(/^out of bounds memory access/);
    expect(() => newArrayElem(REFS, [null], 1, 1)).toThrow(/^out of bounds table access/);
  });
  it('refuses huge arrays with a trap instead of allocating', () => {
    expect(() => newArrayDefault(BYTES, 0xffffffff)).toThrow(/out of memory/);
  });
});

describe('casts', () => {
  const s = new StructObj(structLayout(B));
  const arr = new ArrayObj(arrayLayout(BYTES), 0);
  const host = new HostRef('x');
  const fn = new FuncInstance({ kind: 'func', params: [], results: [] }, F, null, 0, null, () => [], null);
  it('abstract heap types', () => {
    expect(refTest(7, 'i31', false, false)).toBe(true);
    expect(refTest(7, 'eq', false, false)).toBe(true);
    expect(refTest(7, 'struct', false, false)).toBe(false);
    expect(refTest(s, 'struct', false, false)).toBe(true);
    expect(refTest(arr, 'array', false, false)).toBe(true);
    expect(refTest(host, 'any', false, false)).toBe(true);
    expect(refTest(host, 'eq', false, false)).toBe(false);
    expect(refTest(fn, 'func', false, false)).toBe(true);
    expect(refTest(new ExnInstance({} as never, []), 'exn', false, false)).toBe(true);
    expect(refTest(null, 'none', true, false)).toBe(true);
    expect(refTest(null, 'any', false, false)).toBe(false);
  });
  it('concrete types follow declared subtyping; exact excludes subtypes', () => {
    expect(refTest(s, A, false, false)).toBe(true);
    expect(refTest(s, A, false, true)).toBe(false);
    expect(refTest(s, B, false, true)).toBe(true);
    expect(refTest(new StructObj(structLayout(A)), B, false, false)).toBe(false);
    expect(refTest(fn, F, false, true)).toBe(true);
  });
  it('heap codes round-trip', () => {
    expect(decodeHeap(encodeHeap('noextern'), ids)).toBe('noextern');
    expect(decodeHeap(encodeHeap(1), ids)).toBe(B);
  });
  it('extern conversions keep identity', () => {
    const e = anyToExtern(s);
    expect(e).toBeInstanceOf(ExternBox);
    expect(externToAny(e)).toBe(s);
    expect(anyToExtern(host)).toBe(host);
    expect(externToAny(host)).toBe(host);
    expect(anyToExtern(null)).toBe(null);
  });
});

describe('JS boundary', async () => {
  const { anyRefFromJS, externRefFromJS, gcRefToJS } = await import('./js-boundary.js');
  it('i31-range integers become i31, GC objects stay themselves, the rest is a host ref', () => {
    const s = new StructObj(structLayout(A));
    expect(anyRefFromJS(5)).toBe(5);
    expect(anyRefFromJS(2 ** 30)).toBeInstanceOf(HostRef);
    expect(anyRefFromJS(1.5)).toBeInstanceOf(HostRef);
    expect(anyRefFromJS(s)).toBe(s);
    expect(gcRefToJS(externRefFromJS(s))).toBe(s);
    expect(gcRefToJS(externRefFromJS(7))).toBe(7);
    expect(gcRefToJS(externRefFromJS('str'))).toBe('str');
    expect(externToAny(externRefFromJS(s))).toBe(s);
  });
});
