// The fallthrough-pair cases of src/interpreter/run.ts as they must read, derived from the
// cases of their first instructions (THEN_PAIRS in src/interpreter/internal-ops.ts). Shared by
// tools/sync-pairs.mjs, which rewrites them, and test/interpreter/pairs.test.ts, which checks
// them. A pair's case is a copy of its first instruction's case without `continue loop`,
// placed right before its second's case (or that case's group) so it falls through into it.
// Several pairs may fall into the same case: their labels share one line, and the copies are
// chosen by opcode (`if (code[pc] === Op.T1) {...} else {...}`), one compare instead of a
// dispatch.

const CASE_INDENT = '          ';

/** [first, second, pair] opcode names, in THEN_PAIRS order. */
export function thenPairs(opsSrc) {
  return [...opsSrc.matchAll(/\[I\.(\w+), I\.(\w+), I\.(\w+)\]/g)].map((m) => [m[1], m[2], m[3]]);
}

/**
 * A case's own text in run.ts (labels at the loop's case indent, `name` among them): a
 * one-line block, a block to its closing brace, or statements to the first `continue loop;`.
 */
export function caseBody(src, name) {
  const m = new RegExp(`\\n {10}(?:case Op\\.\\w+: )*case Op\\.${name}:(?: case Op\\.\\w+:)*[ ]?`).exec(src);
  if (m === null) throw new Error(`no case for ${name} in run.ts`);
  const rest = src.slice(m.index + m[0].length);
  const line = rest.slice(0, rest.indexOf('\n'));
  if (line.startsWith('{') && line.trimEnd().endsWith('}')) return line;
  if (rest.startsWith('{')) return rest.slice(0, rest.indexOf('\n          }') + 12);
  return rest.slice(0, rest.indexOf('continue loop;') + 'continue loop;'.length);
}

/** A first instruction's case as a pair's body: its `pc += n; continue loop;` made `pc += n;`. */
export function pairBody(src, first) {
  return caseBody(src, first).replace(/pc \+= (\d+); continue loop;/, 'pc += $1;');
}

/**
 * Every pair case: where it is in `src` ([start, end), from its first label to the end of
 * the line before its `// falls through`), the text it must have, and the first
 * instructions it copies.
 */
export function pairCases(src, opsSrc) {
  const firstOf = new Map(thenPairs(opsSrc).map(([a, , t]) => [t, a]));
  const out = [];
  const done = new Set();
  for (const t of firstOf.keys()) {
    if (done.has(t)) continue;
    const at = src.indexOf(`case Op.${t}:`);
    if (at < 0) throw new Error(`no case for ${t}: write it by hand first`);
    const lineStart = src.lastIndexOf('\n', at) + 1;
    if (!src.startsWith(`${CASE_INDENT}case Op.`, lineStart)) throw new Error(`case ${t} not at the case indent`);
    const start = lineStart + CASE_INDENT.length;
    const lineEnd = src.indexOf('\n', at);
    const labels = [...src.slice(start, lineEnd).matchAll(/case Op\.(\w+):/g)].map((m) => m[1]);
    for (const l of labels) {
      if (!firstOf.has(l)) throw new Error(`case line of ${t} also labels ${l}, not a pair`);
      done.add(l);
    }
    const end = src.lastIndexOf('\n', src.indexOf('// falls through', at));
    let text;
    if (labels.length === 1) {
      const body = pairBody(src, firstOf.get(t));
      text = `case Op.${t}:${body.startsWith('\n') ? body : ` ${body}`}`;
    } else {
      // one copy per pair, chosen by opcode; statements without a block get one
      const blocks = labels.map((l) => {
        const b = pairBody(src, firstOf.get(l)).trim();
        if (b.startsWith('{')) return b.replace(/\n/g, '\n  ');
        const lines = b.split('\n').map((x) => x.trim());
        return lines.length === 1 ? `{ ${lines[0]} }`
          : `{\n${lines.map((x) => `${CASE_INDENT}    ${x}`).join('\n')}\n${CASE_INDENT}  }`;
      });
      const arms = blocks.map((b, k) => (k === blocks.length - 1 && k > 0 ? `else ${b}`
        : `${k > 0 ? 'else ' : ''}if (code[pc] === Op.${labels[k]}) ${b}`));
      text = `${labels.map((l) => `case Op.${l}:`).join(' ')}\n${arms.map((a) => `${CASE_INDENT}  ${a}`).join('\n')}`;
    }
    out.push({ start, end, text: text.replace(/[ \t]+$/gm, '').trimEnd(), firsts: labels.map((l) => firstOf.get(l)) });
  }
  return out;
}
