// Test-only: pulls the `(module binary "...")` modules out of .wast scripts, with the
// command they sit in (`assert_malformed` + its expected message, or anything else), so the
// decoder can be checked against the suite before the spec runner exists. Knows just enough
// WAST: parentheses, string literals (\xx, \n, \t, \r, \", \', \\, \u{...}), line and
// (nestable) block comments.

export interface WastBinary {
  file: string;
  line: number;
  bytes: Uint8Array;
  /** Expected message when inside assert_malformed, else null (must decode). */
  malformed: string | null;
}

type Tok = { kind: '(' | ')' } | { kind: 'atom'; text: string } | { kind: 'str'; bytes: number[] };

interface Node {
  items: Array<Node | Tok>;
  line: number;
}

const enc = new TextEncoder();

function decodeString(src: string, start: number): { bytes: number[]; end: number } {
  const out: number[] = [];
  let i = start + 1;
  for (;;) {
    const c = src[i];
    if (c === undefined) throw new Error('unterminated string');
    if (c === '"') return { bytes: out, end: i + 1 };
    if (c !== '\\') {
      const cp = src.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      out.push(...enc.encode(ch));
      i += ch.length;
      continue;
    }
    const e = src[i + 1];
    i += 2;
    switch (e) {
      case 'n': out.push(10); break;
      case 't': out.push(9); break;
      case 'r': out.push(13); break;
      case '"': out.push(34); break;
      case "'": out.push(39); break;
      case '\\': out.push(92); break;
      case 'u': {
        const close = src.indexOf('}', i);
        const cp = parseInt(src.slice(i + 1, close).replace(/_/g, ''), 16);
        out.push(...enc.encode(String.fromCodePoint(cp)));
        i = close + 1;
        break;
      }
      default:
        out.push(parseInt(src.slice(i - 1, i + 1), 16));
        i += 1;
    }
  }
}

function parse(src: string): Node {
  const root: Node = { items: [], line: 1 };
  const stack: Node[] = [root];
  let line = 1;
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '\n') { line++; i++; continue; }
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    if (c === ';' && src[i + 1] === ';') {
      const nl = src.indexOf('\n', i);
      i = nl < 0 ? src.length : nl;
      continue;
    }
    if (c === '(' && src[i + 1] === ';') {
      let depth = 1;
      i += 2;
      while (depth > 0 && i < src.length) {
        if (src[i] === '(' && src[i + 1] === ';') { depth++; i += 2; } else if (src[i] === ';' && src[i + 1] === ')') { depth--; i += 2; } else { if (src[i] === '\n') line++; i++; }
      }
      continue;
    }
    if (c === '(') {
      const n: Node = { items: [], line };
      stack[stack.length - 1].items.push(n);
      stack.push(n);
      i++;
      continue;
    }
    if (c === ')') { stack.pop(); i++; continue; }
    if (c === '"') {
      const s = decodeString(src, i);
      for (let k = i; k < s.end; k++) if (src[k] === '\n') line++;
      stack[stack.length - 1].items.push({ kind: 'str', bytes: s.bytes });
      i = s.end;
      continue;
    }
    let j = i;
    while (j < src.length && !/[\s()";]/.test(src[j])) j++;
    if (j === i) j++;
    stack[stack.length - 1].items.push({ kind: 'atom', text: src.slice(i, j) });
    i = j;
  }
  return root;
}

function isNode(x: Node | Tok): x is Node {
  return 'items' in x;
}

function atom(x: Node | Tok | undefined): string | null {
  return x && !isNode(x) && x.kind === 'atom' ? x.text : null;
}

/** The bytes of `(module [$id] [definition] binary "..."*)`, or null for other modules. */
function moduleBinary(n: Node): Uint8Array | null {
  if (atom(n.items[0]) !== 'module') return null;
  let k = 1;
  while (k < n.items.length) {
    const a = atom(n.items[k]);
    if (a === null) return null;
    if (a === 'binary') break;
    if (a.startsWith('$') || a === 'definition') { k++; continue; }
    return null;
  }
  if (k >= n.items.length) return null;
  const bytes: number[] = [];
  for (const it of n.items.slice(k + 1)) {
    if (!isNode(it) && it.kind === 'str') bytes.push(...it.bytes);
  }
  return Uint8Array.from(bytes);
}

export function extractBinaries(file: string, src: string): WastBinary[] {
  const out: WastBinary[] = [];
  const walk = (n: Node, malformedMsg: string | null): void => {
    const bytes = moduleBinary(n);
    if (bytes) {
      out.push({ file, line: n.line, bytes, malformed: malformedMsg });
      return;
    }
    let msg: string | null = null;
    if (atom(n.items[0]) === 'assert_malformed') {
      const last = n.items[n.items.length - 1];
      if (!isNode(last) && last.kind === 'str') msg = new TextDecoder().decode(Uint8Array.from(last.bytes));
    }
    for (const it of n.items) if (isNode(it)) walk(it, msg);
  };
  walk(parse(src), null);
  return out;
}
