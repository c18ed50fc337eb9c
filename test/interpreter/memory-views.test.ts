// The run loop keeps the memory's views and byte length in locals (run.ts: u8, dv, memLen),
// so every way a memory can grow while a function runs must refresh them before the
// function's next access: its own memory.grow, a host import, and a call into another
// instance that grows a memory both share. A return from another instance's code must also
// bring back the caller's own memory.
import { describe, expect, it } from 'vitest';
import { instantiate, Memory, RuntimeError } from '../../src/index.js';

type Fn = () => number;
const PAST_OLD_END = 65536 + 4464; // one page plus a bit: valid only after growing by a page

for (const mode of ['fast', 'exact'] as const) {
  const opts = { exec: { mode } };

  describe(`memory views across growth and calls (${mode} mode)`, () => {
    it('follow memory.grow in the same function', () => {
      const src = `(module (memory 1 4)
        (func (export "f") (result i32)
          (drop (memory.grow (i32.const 1)))
          (i32.store (i32.const ${PAST_OLD_END}) (i32.const 42))
          (i32.load (i32.const ${PAST_OLD_END}))))`;
      expect((instantiate(src, {}, opts).exports.f as Fn)()).toBe(42);
    });

    it('follow a host import that grows the memory', () => {
      const mem = new Memory({ initial: 1, maximum: 4 });
      const src = `(module (import "env" "grow" (func $g)) (import "env" "mem" (memory 1 4))
        (func (export "f") (result i32)
          (call $g)
          (i32.store (i32.const ${PAST_OLD_END}) (i32.const 7))
          (i32.load (i32.const ${PAST_OLD_END}))))`;
      const env = { grow: () => { mem.grow(1); }, mem };
      expect((instantiate(src, { env }, opts).exports.f as Fn)()).toBe(7);
    });

    it('follow another instance growing a memory they share, and trap at its new end', () => {
      const owner = instantiate(`(module (memory (export "m") 1 4)
        (func (export "grow") (drop (memory.grow (i32.const 1)))))`, {}, opts).exports;
      const src = `(module (import "b" "m" (memory 1 4)) (import "b" "grow" (func $g))
        (func (export "f") (result i32)
          (call $g)
          (i32.store (i32.const ${PAST_OLD_END}) (i32.const 9))
          (i32.load (i32.const ${PAST_OLD_END})))
        (func (export "edge") (result i32) (i32.load (i32.const ${2 * 65536 - 2}))))`;
      const user = instantiate(src, { b: owner }, opts).exports;
      expect((user.f as Fn)()).toBe(9);
      expect(() => (user.edge as Fn)()).toThrow(RuntimeError);
      expect(() => (user.edge as Fn)()).toThrow(/out of bounds/);
    });

    it('go back to the caller\'s own memory when a call into an instance with a bigger one returns', () => {
      const big = instantiate(`(module (memory 3)
        (func (export "peek") (result i32) (i32.load (i32.const ${2 * 65536}))))`, {}, opts).exports;
      const src = `(module (import "b" "peek" (func $peek (result i32))) (memory 1)
        (func (export "f") (result i32) (drop (call $peek)) (i32.load (i32.const ${2 * 65536}))))`;
      const small = instantiate(src, { b: big }, opts).exports;
      expect(() => (small.f as Fn)()).toThrow(RuntimeError);
      expect(() => (small.f as Fn)()).toThrow(/out of bounds/);
    });
  });
}
