import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseModuleText } from '../../src/text/parse-module.js';
import { encodeModule } from '../../src/decoder/encode.js';
it('perf', () => {
  const src = readFileSync('/tmp/big.wat', 'utf8');
  const t0 = performance.now();
  const m = parseModuleText(src);
  const t1 = performance.now();
  const b = encodeModule(m);
  const orig = readFileSync('/work/main/bench/wasm/big.wasm');
  console.log(`parse ${(t1 - t0).toFixed(0)} ms, ${src.length} chars, funcs ${m.funcs.length}, bytes ${b.length} vs ${orig.length}, identical ${Buffer.compare(Buffer.from(b), orig) === 0}`);
});
