import { describe, expect, it } from 'vitest';
import { evalConst, UnsupportedConstError } from './const-eval.js';
import { FuncInstance } from './objects.js';
import { makeGlobal } from './values.js';
import { CompileError } from '../errors.js';

const expr = (...bytes: number[]) => ({ bytes: Uint8Array.from([...bytes, 0x0b]), offset: 0 });
const f = new FuncInstance({ kind: 'func', params: [], results: [] }, 0, null, 0, null, () => [], 'f');
const ctx = {
  funcs: [f],
  globals: [makeGlobal({ type: 'i32', mutable: false }, { type: 'i32', value: 40 }),
    makeGlobal({ type: 'i64', mutable: false }, { type: 'i64', value: -3n })],
};

describe('constant expressions', () => {
  it('numeric constants', () => {
    expect(evalConst(expr(0x41, 0x7f), ctx)).toEqual({ type: 'i32', value: -1 });
    expect(evalConst(expr(0x42, 0x80, 0x80, 0x80, 0x80, 0x10), ctx)).toEqual({ type: 'i64', value: 2n ** 32n });
    expect(evalConst(expr(0x43, 0x00, 0x00, 0xc0, 0x7f), ctx)).toEqual({ type: 'f32', bits: 0x7fc00000 });
    expect(evalConst(expr(0x44, 1, 0, 0, 0, 0, 0, 0xf8, 0x7f), ctx)).toEqual({ type: 'f64', bits: 0x7ff8000000000001n });
    const v = evalConst(expr(0xfd, 0x0c, ...Array.from({ length: 16 }, (_, i) => i)), ctx);
    expect(v.type === 'v128' && Array.from(v.words)).toEqual([0x03020100, 0x07060504, 0x0b0a0908, 0x0f0e0d0c]);
  });

  it('references and globals', () => {
    expect(evalConst(expr(0xd0, 0x70), ctx)).toEqual({ type: 'ref', value: null });
    expect(evalConst(expr(0xd2, 0x00), ctx)).toEqual({ type: 'ref', value: f });
    expect(evalConst(expr(0x23, 0x00), ctx)).toEqual({ type: 'i32', value: 40 });
  });

  it('extended constants wrap like the instructions', () => {
    // global.get 0; i32.const 2; i32.add; i32.const 3; i32.mul  => (40 + 2) * 3
    expect(evalConst(expr(0x23, 0, 0x41, 2, 0x6a, 0x41, 3, 0x6c), ctx)).toEqual({ type: 'i32', value: 126 });
    // i32.const 0x7fffffff; i32.const 1; i32.add => wraps
    expect(evalConst(expr(0x41, 0xff, 0xff, 0xff, 0xff, 0x07, 0x41, 1, 0x6a), ctx)).toEqual({ type: 'i32', value: -(2 ** 31) });
    // global.get 1; i64.const 1; i64.sub
    expect(evalConst(expr(0x23, 1, 0x42, 1, 0x7d), ctx)).toEqual({ type: 'i64', value: -4n });
  });

  it('GC constants: ref.i31 evaluates; allocation without type ids is a CompileError', () => {
    // i32.const 1; ref.i31
    expect(evalConst(expr(0x41, 1, 0xfb, 0x1c), ctx)).toEqual({ type: 'ref', value: 1 });
    // struct.new_default 0 with no typeIds in the context
    const run = () => evalConst(expr(0xfb, 0x01, 0x00), ctx);
    expect(run).toThrow(UnsupportedConstError);
    expect(run).toThrow(CompileError);
  });
});
