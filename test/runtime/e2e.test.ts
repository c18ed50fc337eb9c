// End to end through the public API: decode, validate, link JS imports, run exports in the
// interpreter, traps, host calls, memory/table/global wrappers. Native WebAssembly is the
// oracle where results are compared.
import { describe, expect, it } from 'vitest';
import { compile, instantiate, Memory, Table, Global, Trap, LinkError, RuntimeError, validate, WasmException, Tag, moduleImports, moduleExports } from '../../src/index.js';

/*
(module
  (import "env" "log" (func $log (param i32) (result i32)))
  (import "env" "mem" (memory 1 4))
  (func $add (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)
  (func $fib (export "fib") (param i32) (result i32)
    local.get 0 i32.const 2 i32.lt_u
    if (result i32) local.get 0
    else local.get 0 i32.const 1 i32.sub call $fib local.get 0 i32.const 2 i32.sub call $fib i32.add end)
  (func $boom (export "boom") (param i32) (result i32) local.get 0 if unreachable end local.get 0 call $boom)
  (func (export "callLog") (param i32) (result i32) local.get 0 call $log i32.const 1 i32.add)
  (func (export "load") (param i32) (result i32) local.get 0 i32.load)
  (func (export "store") (param i32 i32) local.get 0 local.get 1 i32.store)
  (func (export "add64") (param i64 i64) (result i64) local.get 0 local.get 1 i64.add)
  (func (export "fdiv") (param f64 f64) (result f64) local.get 0 local.get 1 f64.div)
  (func (export "grow") (param i32) (result i32) local.get 0 memory.grow)
  (func (export "callT") (param i32 i32 i32) (result i32) local.get 0 local.get 1 local.get 2 call_indirect (param i32 i32) (result i32))
  (global (export "g") (mut i32) (i32.const 7))
  (table (export "t") 2 funcref) (elem (i32.const 0) $add $fib))
wat2wasm --enable-all */
const E2E = Uint8Array.from(Buffer.from(
  'AGFzbQEAAAABJAZgAX8Bf2ACf38Bf2ACf38AYAJ+fgF+YAJ8fAF8YAN/f38BfwIXAgNlbnYDbG9nAAADZW52A21lbQIBAQQDCwoBAAAAAAIDBAAFBAQBcAACBgYBfwFBBwsHUwwDYWRkAAEDZmliAAIEYm9vbQADB2NhbGxMb2cABARsb2FkAAUFc3RvcmUABgVhZGQ2NAAHBGZkaXYACARncm93AAkFY2FsbFQACgFnAwABdAEACQgBAEEACwIBAgpyCgcAIAAgAWoLHAAgAEECSQR/IAAFIABBAWsQAiAAQQJrEAJqCwsMACAABEAACyAAEAMLCQAgABAAQQFqCwcAIAAoAgALCQAgACABNgIACwcAIAAgAXwLBwAgACABowsGACAAQAALCwAgACABIAIRAQAL',
  'base64'));

type Exports = Record<string, any>;

function setup(log: (x: number) => number = (x) => x * 2) {
  const mem = new Memory({ initial: 1, maximum: 4 });
  const inst = instantiate(compile(E2E), { env: { log, mem } });
  return { mem, ex: inst.exports as Exports };
}

describe('end to end', () => {
  it('validates', () => {
    expect(validate(E2E)).toBe(true);
    expect(validate(E2E.subarray(0, 20))).toBe(false);
    const m = compile(E2E);
    expect(moduleImports(m)).toEqual([{ module: 'env', name: 'log', kind: 'func' }, { module: 'env', name: 'mem', kind: 'memory' }]);
    expect(moduleExports(m).map((e) => e.name)).toContain('fib');
  });

  it('add and fib agree with native WebAssembly', async () => {
    const { ex } = setup();
    const native = (await WebAssembly.instantiate(E2E, {
      env: { log: (x: number) => x * 2, mem: new WebAssembly.Memory({ initial: 1, maximum: 4 }) },
    })).instance.exports as Exports;
    for (const [a, b] of [[1, 2], [-1, 1], [0x7fffffff, 1], [2 ** 32 - 1, 5]]) expect(ex.add(a, b)).toBe(native.add(a, b));
    for (let n = 0; n <= 20; n++) expect(ex.fib(n)).toBe(native.fib(n));
    expect(ex.add64(2n ** 63n - 1n, 1n)).toBe(native.add64(2n ** 63n - 1n, 1n));
    expect(ex.fdiv(1, 0)).toBe(Infinity);
    expect(Number.isNaN(ex.fdiv(0, 0))).toBe(true);
  });

  it('traps with the spec message and a wasm stack', () => {
    const { ex } = setup();
    let err: unknown;
    try { ex.boom(1); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(Trap);
    expect(err).toBeInstanceOf(RuntimeError);
    expect((err as Trap).message).toMatch(/^unreachable/);
    expect(() => ex.load(65533)).toThrow(/^out of bounds memory access/);
    expect(() => ex.callT(1, 2, 5)).toThrow(/^undefined element|^out of bounds table access/);
    expect(() => ex.callT(1, 2, 1)).toThrow(/^indirect call type mismatch/);
    expect(ex.callT(1, 2, 0)).toBe(3);
  });

  it('deep recursion is a clean "call stack exhausted" trap', () => {
    const { ex } = setup();
    expect(() => ex.boom(0)).toThrow(/^call stack exhausted/);
  });

  it('host imports: round trip and host errors', () => {
    const seen: number[] = [];
    const { ex } = setup((x) => { seen.push(x); return x + 100; });
    expect(ex.callLog(5)).toBe(106);
    expect(seen).toEqual([5]);
    const bad = setup(() => { throw new Error('nope'); }).ex;
    let err: unknown;
    try { bad.callLog(1); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(Trap);
    expect((err as Trap).kind).toBe('host error');
    expect((err as Error).message).toContain('nope');
  });

  it('memory, table and global wrappers share state with the instance', () => {
    const { mem, ex } = setup();
    new DataView(mem.buffer).setInt32(8, 1234, true);
    expect(ex.load(8)).toBe(1234);
    ex.store(12, -5);
    expect(new DataView(mem.buffer).getInt32(12, true)).toBe(-5);
    expect(ex.grow(2)).toBe(1);
    expect(mem.buffer.byteLength).toBe(3 * 65536);
    expect(ex.grow(5)).toBe(-1);
    const g = ex.g as Global;
    expect(g.value).toBe(7);
    g.value = 9;
    expect(g.value).toBe(9);
    const t = ex.t as Table;
    expect(t.length).toBe(2);
    expect(t.get(0)).toBe(ex.add);
    expect((t.get(1) as (n: number) => number)(10)).toBe(55);
  });

  it('link errors name the import', () => {
    expect(() => instantiate(compile(E2E), {})).toThrow(LinkError);
    expect(() => instantiate(compile(E2E), {})).toThrow(/^unknown import: env\.log/);
    expect(() => instantiate(compile(E2E), { env: { log: () => 0, mem: new Memory({ initial: 1 }) } }))
      .toThrow(/^incompatible import type: env\.mem/);
    expect(() => instantiate(compile(E2E), { env: { log: 5, mem: new Memory({ initial: 1, maximum: 2 }) } }))
      .toThrow(/^incompatible import type: env\.log/);
  });

  it('options: fuel and call depth limits', () => {
    const env = () => ({ env: { log: (x: number) => x, mem: new Memory({ initial: 1, maximum: 4 }) } });
    const fueled = instantiate(E2E, env(), { fuel: 1000 }).exports as Exports;
    expect(fueled.fib(5)).toBe(5);
    expect(() => fueled.fib(20)).toThrow(/^out of fuel/);
    const shallow = instantiate(E2E, env(), { limits: { callDepth: 20 } }).exports as Exports;
    expect(shallow.fib(10)).toBe(55);
    expect(() => shallow.fib(25)).toThrow(/^call stack exhausted/);
    const capped = instantiate(E2E, { env: { log: (x: number) => x, mem: new Memory({ initial: 1, maximum: 4 }, 2 * 65536) } }).exports as Exports;
    expect(capped.grow(1)).toBe(1);
    expect(capped.grow(1)).toBe(-1);
    const own = '(module (memory (export "m") 1) (func (export "grow") (param i32) (result i32) local.get 0 memory.grow))';
    const limited = instantiate(own, {}, { limits: { memoryBytes: 3 * 65536 } }).exports as Exports;
    expect(limited.grow(2)).toBe(1);
    expect(limited.grow(1)).toBe(-1);
    expect(() => instantiate('(module (memory 4))', {}, { limits: { memoryBytes: 65536 } })).toThrow(RuntimeError);
  });

  it('uncaught wasm exceptions reach JS as WasmException; Tag objects link', () => {
    const tag = new Tag({ parameters: ['i32'] });
    const src = '(module (import "env" "t" (tag $t (param i32))) (func (export "thr") (param i32) local.get 0 throw $t)'
      + ' (func (export "catch") (param i32) (result i32) (block $h (result i32) (try_table (catch $t $h) local.get 0 throw $t) i32.const -1)))';
    const ex = instantiate(src, { env: { t: tag } }).exports as Exports;
    let err: unknown;
    try { ex.thr(5); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(WasmException);
    expect((err as WasmException).tag).toBe(tag.raw);
    expect(ex.catch(9)).toBe(9);
    expect(() => instantiate(src, { env: { t: new Tag({ parameters: ['i64'] }) } })).toThrow(/^incompatible import type/);
  });

  it('one JS function can serve imports of different types', () => {
    const seen: unknown[] = [];
    const src = '(module (import "env" "f" (func $a (param i32))) (import "env" "f" (func $b (param i64)))'
      + ' (import "env" "g" (global $g i64)) (import "env" "r" (func $r (result i32 f64)))'
      + ' (func (export "go") (result i32 f64) i32.const 7 call $a global.get $g call $b call $r))';
    const ex = instantiate(src, { env: { f: (x: unknown) => { seen.push(x); }, g: 5n, r: () => [3, 1.5] } }).exports as Exports;
    expect(ex.go()).toEqual([3, 1.5]);
    expect(seen).toEqual([7, 5n]);
  });

  it('compiles WAT text', () => {
    const inst = instantiate('(module (func (export "sq") (param i32) (result i32) local.get 0 local.get 0 i32.mul))');
    expect((inst.exports as Exports).sq(12)).toBe(144);
  });
});
