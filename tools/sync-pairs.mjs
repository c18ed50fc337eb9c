// Dev tool: rewrites the body of every fallthrough-pair case in src/interpreter/run.ts
// (`case Op.A_THEN_B:` ... `// falls through`) as a copy of A's own case without its
// `continue loop`, after A's case changed. test/interpreter/pairs.test.ts fails until the
// copies match. A new pair's case is written by hand once (placed right before B's case, or
// before the first label of B's group); this keeps it in step afterwards.
//   node tools/sync-pairs.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const runPath = new URL('../src/interpreter/run.ts', import.meta.url);
const opsSrc = readFileSync(new URL('../src/interpreter/internal-ops.ts', import.meta.url), 'utf8');
let src = readFileSync(runPath, 'utf8');

/** A's case body as run.ts has it (labels at the loop's case indent). */
function bodyOf(name) {
  const m = new RegExp(`\\n {10}(?:case Op\\.\\w+: )*case Op\\.${name}:(?: case Op\\.\\w+:)*[ ]?`).exec(src);
  if (m === null) throw new Error(`no case for ${name}`);
  const rest = src.slice(m.index + m[0].length);
  const line = rest.slice(0, rest.indexOf('\n'));
  if (line.startsWith('{') && line.trimEnd().endsWith('}')) return line;
  if (rest.startsWith('{')) return rest.slice(0, rest.indexOf('\n          }') + 12);
  return rest.slice(0, rest.indexOf('continue loop;') + 'continue loop;'.length);
}

const seen = new Set();
let changed = 0;
for (const [, a, , then] of opsSrc.matchAll(/\[I\.(\w+), I\.(\w+), I\.(\w+)\]/g)) {
  if (seen.has(then)) continue;
  seen.add(then);
  const body = bodyOf(a).replace(/pc \+= (\d+); continue loop;/, 'pc += $1;');
  const at = src.indexOf(`case Op.${then}:`);
  if (at < 0) throw new Error(`no case for ${then}: write it by hand first`);
  const end = src.lastIndexOf('\n', src.indexOf('// falls through', at));
  const next = `case Op.${then}:${body.startsWith('\n') ? body : ` ${body}`}`.replace(/[ \t]+$/gm, '').trimEnd();
  if (src.slice(at, end) !== next) { src = src.slice(0, at) + next + src.slice(end); changed++; }
}
writeFileSync(runPath, src);
console.log(`${changed} pair case(s) rewritten, ${seen.size} checked`);
