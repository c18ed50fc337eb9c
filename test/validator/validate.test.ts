// Targeted validation rules and the ValidatedModule shape, on small text modules.
import { describe, expect, it } from 'vitest';
import { parseModuleText } from '../../src/text/parse-module.js';
import { decodeModule } from '../../src/decoder/decode.js';
import { validateModule } from '../../src/validator/validate.js';
import { ValidationError } from '../../src/errors.js';
import { withFeatures } from '../../src/syntax/features.js';

const v = (src: string, f = withFeatures({})) => validateModule(parseModuleText(src), f);
function reason(src: string, f = withFeatures({})): string {
  try {
    v(src, f);
  } catch (e) {
    if (e instanceof ValidationError) return e.reason;
    throw e;
  }
  return 'ok';
}

describe('validateModule', () => {
  it('reports canonical ids, function types and stack heights', () => {
    const vm = v(`(module (type $t (func (param i32) (result i32)))
      (import "m" "f" (func (type $t)))
      (func (type $t) (i32.add (local.get 0) (i32.mul (i32.const 2) (i32.const 3)))))`);
    expect(vm.funcTypeIdx(1)).toBe(0);
    expect(vm.funcTypeId(0)).toBe(vm.typeIds[0]);
    expect(vm.maxStackHeight[0]).toBe(3);
  });
  it('equal types in two modules share canonical ids', () => {
    const a = v('(module (type (func (param i64))))');
    const b = v('(module (type (struct)) (type (func (param i64))))');
    expect(a.typeIds[0]).toBe(b.typeIds[1]);
  });
  it('spec messages with locations', () => {
    expect(reason('(module (func (result i32) (i64.const 1)))')).toMatch(/^type mismatch/);
    expect(reason('(module (func (local (ref any)) (drop (local.get 0))))')).toBe('uninitialized local');
    expect(reason('(module (func (local (ref func)) (local.set 0 (ref.func 0)) (drop (local.get 0))) (elem declare func 0))')).toBe('ok');
    expect(reason('(module (func (drop (ref.func 0))))')).toMatch(/^undeclared function reference/);
    expect(reason('(module (memory 1) (func (drop (i32.load align=8 (i32.const 0)))))')).toBe('alignment must not be larger than natural');
    expect(reason('(module (memory 0) (memory 0))', withFeatures({ multiMemory: false }))).toBe('multiple memories');
    expect(reason('(module (memory 65537))')).toBe('memory size must be at most 65536 pages (4GiB)');
    expect(reason('(module (func (export "a")) (func (export "a")))')).toBe('duplicate export name "a"');
    expect(reason('(module (global i32 (global.get 1)) (global i32 (i32.const 0)))')).toBe('unknown global 1');
  });
  it('instructions of disabled features are unknown operators', () => {
    const m = parseModuleText('(module (func (try (do) (catch_all))))');
    expect(() => validateModule(m)).not.toThrow();
    const ops = new Set(withFeatures({}).ops);
    ops.delete('legacy-exceptions');
    expect(() => validateModule(m, withFeatures({ ops }))).toThrow(/^unknown operator try/);
  });
  it('errors carry the function index and offset', () => {
    const bytes = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0,
      10, 6, 1, 4, 0, 0x41, 0, 0x0b]); // (func (i32.const 0)) with no results
    try {
      validateModule(decodeModule(bytes));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      const ve = e as ValidationError;
      expect(ve.reason).toMatch(/^type mismatch/);
      expect(ve.funcIndex).toBe(0);
      expect(ve.offset).toBe(25);
    }
  });
});
