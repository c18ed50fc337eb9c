// Splits a WAST script into its top-level S-expressions without understanding them. The runner
// uses it as a fallback when the script parser rejects a whole file: each command is then
// parsed on its own, so one unparsable command fails alone (with its line) instead of taking
// the whole file down, and a file nobody can parse still counts every command it holds.

export interface RawCommand {
  /** 1-based line of the opening parenthesis. */
  readonly line: number;
  /** 1-based column of the opening parenthesis. */
  readonly column: number;
  /** The command's head keyword (`module`, `assert_return`, ...), '' when there is none. */
  readonly head: string;
  /** Source text from '(' to the matching ')' inclusive. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The top-level parenthesised forms of `source`, in order. Skips `;;` line comments,
 * nested `(; ;)` block comments and string literals (with escapes). An unbalanced tail
 * becomes one last command running to the end of the file, so it is still counted.
 */
export function splitCommands(source: string): RawCommand[] {
  const out: RawCommand[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let depth = 0;
  let start = -1;
  let startLine = 0;
  let startCol = 0;
  const n = source.length;
  const newline = (at: number): void => { line++; lineStart = at + 1; };

  while (i < n) {
    const c = source.charCodeAt(i);
    if (c === 10 /* \n */) { newline(i); i++; continue; }
    if (c === 59 /* ; */ && source.charCodeAt(i + 1) === 59) {
      while (i < n && source.charCodeAt(i) !== 10) i++;
      continue;
    }
    if (c === 40 /* ( */ && source.charCodeAt(i + 1) === 59 /* ; */) {
      i = skipBlockComment(source, i, newline);
      continue;
    }
    if (c === 34 /* " */) {
      i++;
      while (i < n) {
        const d = source.charCodeAt(i);
        if (d === 92 /* \ */) { i += 2; continue; }
        if (d === 10) newline(i);
        i++;
        if (d === 34) break;
      }
      continue;
    }
    if (c === 40) {
      if (depth === 0) { start = i; startLine = line; startCol = i - lineStart + 1; }
      depth++;
    } else if (c === 41 /* ) */ && depth > 0) {
      depth--;
      if (depth === 0) out.push(make(source, start, i + 1, startLine, startCol));
    }
    i++;
  }
  if (depth > 0) out.push(make(source, start, n, startLine, startCol));
  return out;
}

function skipBlockComment(s: string, i: number, newline: (at: number) => void): number {
  let depth = 0;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 40 && s.charCodeAt(i + 1) === 59) { depth++; i += 2; continue; }
    if (c === 59 && s.charCodeAt(i + 1) === 41) { depth--; i += 2; if (depth === 0) return i; continue; }
    if (c === 10) newline(i);
    i++;
  }
  return n;
}

function make(source: string, start: number, end: number, line: number, column: number): RawCommand {
  const text = source.slice(start, end);
  const m = /^\(\s*([A-Za-z_][A-Za-z0-9_.]*)/.exec(text);
  return { line, column, head: m ? m[1] : '', text, start, end };
}

/**
 * `text` padded with blank lines and spaces so that a parser given it alone reports the same
 * line:column as in the whole file.
 */
export function paddedAt(cmd: RawCommand): string {
  return '\n'.repeat(cmd.line - 1) + ' '.repeat(cmd.column - 1) + cmd.text;
}
