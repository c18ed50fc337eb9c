// The README's "Stepping and fuel" example, through the public entry: a run paused by fuel,
// its state read, one step, and the rest run to the result.
import { describe, expect, it } from 'vitest';
import { compile, Execution, instantiateModule } from '../../src/index.js';
import type { FuncInstance } from '../../src/index.js';

const WAT = `(module
  (func (export "sum") (param $n i32) (result i32) (local $acc i32)
    (loop $l
      (local.set $acc (i32.add (local.get $acc) (local.get $n)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $acc)))`;

describe('Execution through the public API', () => {
  it('pauses on fuel, shows the state, steps and resumes', () => {
    const inst = instantiateModule(compile(WAT), () => undefined);
    const sum = inst.exports.get('sum')!.value as FuncInstance;
    const ex = new Execution(sum, [{ type: 'i32', value: 10 }], { fuel: 7 });
    expect(ex.run()).toEqual({ status: 'paused' });
    const s = ex.state();
    expect(s.name).toBe('sum');
    expect(s.locals).toEqual([{ type: 'i32', value: 10 }, { type: 'i32', value: 10 }]);
    // loop, local.get, local.get, i32.add, local.set, local.get, i32.const ran: i32.sub is next
    expect(s.stack).toEqual([{ type: 'i32', value: 10 }, { type: 'i32', value: 1 }]);
    ex.step();
    expect(ex.state().stack).toEqual([{ type: 'i32', value: 9 }]);
    expect(ex.run(Infinity)).toEqual({ status: 'done', results: [{ type: 'i32', value: 55 }] });
  });

  it('counts the same instructions in exact mode', () => {
    const inst = instantiateModule(compile(WAT), () => undefined);
    const sum = inst.exports.get('sum')!.value as FuncInstance;
    const fast = new Execution(sum, [{ type: 'i32', value: 10 }], { fuel: 1000 });
    const exact = new Execution(sum, [{ type: 'i32', value: 10 }], { fuel: 1000, mode: 'exact' });
    fast.run();
    exact.run();
    expect(exact.fuelLeft).toBe(fast.fuelLeft);
  });
});
