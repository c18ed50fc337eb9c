// The runner's engine loader: `--mode exact` makes every call a script makes run exact code.
import { describe, expect, it } from 'vitest';
import { loadEngine } from './engine.js';
import type { EngineStages } from './engine.js';
import type { FuncInstance } from '../src/runtime/objects.js';

const WAT = `(module
  (func $sq (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))
  (func (export "f") (param i32) (result i32) (i32.add (call $sq (local.get 0)) (i32.const 1))))`;

function exportedF(engine: EngineStages): { f: FuncInstance; sq: FuncInstance } {
  const inst = engine.instantiate!(engine.parseModuleText!(WAT), () => undefined);
  const ext = inst.exports.get('f')!;
  return { f: ext.value as FuncInstance, sq: inst.funcs[0] };
}

describe('loadEngine', () => {
  it('runs the calls in fast code by default, and in exact code with mode exact', async () => {
    const fast = await loadEngine();
    const exact = await loadEngine('exact');
    expect(await loadEngine('fast')).toBe(fast);
    expect(exact).not.toBe(fast);
    const a = exportedF(fast);
    expect(fast.invoke!(a.f, [{ type: 'i32', value: 7 }])).toEqual([{ type: 'i32', value: 50 }]);
    expect(a.f.compiled).not.toBeNull(); // fast code was translated for the call
    const b = exportedF(exact);
    expect(exact.invoke!(b.f, [{ type: 'i32', value: 7 }])).toEqual([{ type: 'i32', value: 50 }]);
    // exact code is kept apart from FuncInstance.compiled (the fast code): none was made,
    // neither for the function called nor for the one it calls
    expect(b.f.compiled).toBeNull();
    expect(b.sq.compiled).toBeNull();
  });
});
