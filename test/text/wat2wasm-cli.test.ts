import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/wat2wasm.js';

const dir = mkdtempSync(join(tmpdir(), 'glasswasm-wat2wasm-'));
afterEach(() => vi.restoreAllMocks());

describe('glasswasm wat2wasm', () => {
  it('writes the binary next to the input or to -o', async () => {
    const src = join(dir, 'ok.wat');
    writeFileSync(src, '(module (func (export "f") (result i32) (i32.const 42)))');
    expect(await main([src])).toBe(0);
    const bytes = new Uint8Array(readFileSync(join(dir, 'ok.wasm')));
    const inst = new WebAssembly.Instance(new WebAssembly.Module(bytes)); // oracle only
    expect((inst.exports.f as () => number)()).toBe(42);
    expect(await main([src, '-o', join(dir, 'out.wasm')])).toBe(0);
    expect(readFileSync(join(dir, 'out.wasm'))).toEqual(readFileSync(join(dir, 'ok.wasm')));
  });

  it('reports file:line:col: message and exits 1 on errors', async () => {
    const src = join(dir, 'bad.wat');
    writeFileSync(src, '(module\n  (func (i32.bogus)))');
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main([src])).toBe(1);
    expect(String(err.mock.calls[0][0])).toBe(`${src}:2:10: unknown operator i32.bogus\n`);
  });

  it('exits 2 on bad arguments', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main([])).toBe(2);
    expect(await main(['a.wat', 'b.wat'])).toBe(2);
    expect(await main(['a.wat', '-o'])).toBe(2);
    expect(await main(['--bogus'])).toBe(2);
  });
});

process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
