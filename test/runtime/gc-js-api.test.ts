// GC references through the JS-API surface: structs and arrays cross to JS as opaque objects
// and come back intact; i31 refs cross as numbers; externref values round-trip.
import { describe, expect, it } from 'vitest';
import { compile, instantiate } from '../../src/index.js';

const WAT = `(module
  (type $s (struct (field (mut i32))))
  (func (export "make") (param i32) (result (ref null $s)) (struct.new $s (local.get 0)))
  (func (export "get") (param (ref null $s)) (result i32) (struct.get $s 0 (local.get 0)))
  (func (export "id_any") (param anyref) (result anyref) (local.get 0))
  (func (export "is_i31") (param anyref) (result i32) (ref.test (ref i31) (local.get 0)))
  (func (export "id_extern") (param externref) (result externref) (local.get 0)))`;

describe('GC references at the JS API boundary', () => {
  const exports = instantiate(compile(WAT)).exports as Record<string, (...a: unknown[]) => unknown>;

  it('passes a struct out and back in', () => {
    const s = exports.make(41);
    expect(typeof s).toBe('object');
    expect(exports.get(s)).toBe(41);
    expect(exports.get(exports.id_any(s))).toBe(41);
  });

  it('turns small integers into i31 refs for anyref', () => {
    expect(exports.is_i31(5)).toBe(1);
    expect(exports.id_any(5)).toBe(5);
    expect(exports.is_i31({})).toBe(0);
  });

  it('round-trips externref host values', () => {
    const o = { a: 1 };
    expect(exports.id_extern(o)).toBe(o);
    expect(exports.id_extern(7)).toBe(7);
    expect(exports.id_extern(null)).toBe(null);
  });
});
