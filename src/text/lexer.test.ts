import { describe, expect, it } from 'vitest';
import { lex, decodeSourceBytes } from './lexer.js';
import { DecodeError } from '../errors.js';

function kinds(src: string): string[] {
  return lex(src).tokens.map((t) => `${t.kind}:${t.text}`);
}

function errorOf(src: string): string {
  try {
    lex(src);
  } catch (e) {
    if (e instanceof DecodeError) return `${e.reason}@${e.line}:${e.column}`;
    throw e;
  }
  return 'ok';
}

describe('lexer', () => {
  it('splits parens, atoms, ids and strings with positions', () => {
    const { tokens } = lex('(module $m\n  (func $"a b" (i32.const -0x1_0)))');
    expect(tokens.map((t) => t.kind)).toEqual(['(', 'atom', 'id', '(', 'atom', 'id', '(', 'atom', 'atom', ')', ')', ')']);
    expect(tokens[5].text).toBe('a b');
    expect([tokens[4].line, tokens[4].col]).toEqual([2, 4]);
  });

  it('skips comments and annotations, keeping @custom', () => {
    const r = lex('(; a (; nested ;) ;) x ;; line\n (@custom "n" "\\01") (@other (a b) "s") y');
    expect(r.tokens.map((t) => t.text)).toEqual(['x', 'y']);
    expect(r.annotations.map((a) => a.name)).toEqual(['custom', 'other']);
  });

  it('decodes every string escape', () => {
    const t = lex('"\\t\\n\\r\\"\\\'\\\\\\41\\u{1F600}é"').tokens[0];
    expect(Array.from(t.bytes!)).toEqual([9, 10, 13, 34, 39, 92, 0x41, 0xf0, 0x9f, 0x98, 0x80, 0xc3, 0xa9]);
  });

  it('reports malformed input with the reference messages', () => {
    expect(errorOf('"abc')).toBe('unclosed string literal@1:1');
    expect(errorOf('"a\\q"')).toBe('illegal escape@1:3');
    expect(errorOf('"\\u{d800}"')).toMatch(/^malformed UTF-8 encoding/);
    expect(errorOf('(; x')).toBe('unclosed comment@1:1');
    expect(errorOf('$')).toBe('empty identifier@1:1');
    expect(errorOf('(@a "x"')).toMatch(/^unclosed annotation/);
    expect(errorOf('(@)')).toMatch(/^empty annotation id/);
    expect(errorOf('\u0001')).toMatch(/^misplaced control character/);
    expect(errorOf(decodeSourceBytes(Uint8Array.of(0x28, 0xff, 0x29)))).toMatch(/^malformed UTF-8 encoding/);
  });

  it('classifies glued strings as reserved', () => {
    expect(kinds('a"b" "c"')).toEqual(['reserved:a"b"', 'str:"c"']);
  });
});
