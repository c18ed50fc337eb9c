// Decode + validate throughput on the multi-megabyte clang -O2 module of the benchmarks
// (bench/wasm/big.wasm). Logs MB/s (CPU time, best of several runs); asserts only validity.
import { existsSync, readFileSync } from 'node:fs';
import { it } from 'vitest';
import { decodeModule } from '../../src/decoder/decode.js';
import { validateModule } from '../../src/validator/validate.js';

const FILE = new URL('../../bench/wasm/big.wasm', import.meta.url);

it.skipIf(!existsSync(FILE))('decode + validate throughput', () => {
  const bytes = new Uint8Array(readFileSync(FILE));
  const cpu = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let dec = Infinity;
  let val = Infinity;
  for (let k = 0; k < 6; k++) {
    const t0 = cpu();
    const m = decodeModule(bytes);
    const t1 = cpu();
    validateModule(m);
    const t2 = cpu();
    dec = Math.min(dec, t1 - t0);
    val = Math.min(val, t2 - t1);
  }
  const mb = bytes.length / 1e6;
  console.log(`${mb.toFixed(1)} MB: decode ${dec.toFixed(0)} ms, validate ${val.toFixed(0)} ms; ` +
    `decode+validate ${(mb / ((dec + val) / 1000)).toFixed(1)} MB/s, validate alone ${(mb / (val / 1000)).toFixed(1)} MB/s`);
});
