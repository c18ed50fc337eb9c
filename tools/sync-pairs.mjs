// Dev tool: rewrites the body of every fallthrough-pair case in src/interpreter/run.ts
// (`case Op.A_THEN_B:` ... `// falls through`) as a copy of A's own case without its
// `continue loop`, after A's case changed (tools/pair-cases.mjs says what each must read).
// test/interpreter/pairs.test.ts fails until the copies match. A new pair's case is written
// by hand once, as `case Op.A_THEN_B: {}` and a `// falls through` line right before B's case
// (or before the first label of B's group); pairs into the same case share its label line.
//   node tools/sync-pairs.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { pairCases } from './pair-cases.mjs';

const runPath = new URL('../src/interpreter/run.ts', import.meta.url);
const opsSrc = readFileSync(new URL('../src/interpreter/internal-ops.ts', import.meta.url), 'utf8');
let src = readFileSync(runPath, 'utf8');

let changed = 0;
const cases = pairCases(src, opsSrc);
// from the last, so earlier positions stay valid
for (const { start, end, text } of [...cases].sort((a, b) => b.start - a.start)) {
  if (src.slice(start, end) !== text) { src = src.slice(0, start) + text + src.slice(end); changed++; }
}
writeFileSync(runPath, src);
console.log(`${changed} pair case(s) rewritten, ${cases.length} checked`);
