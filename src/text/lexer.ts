// The WAT/WAST lexer (spec text format, lexical.rst). Produces a flat token array with
// line:column on every token and source offsets (so a script can keep a module's exact text).
// Comments, whitespace and annotations `(@id ...)` are skipped; `(@custom ...)` annotations are
// kept aside (with their tokens) because the custom-section syntax needs them.

import { DecodeError } from '../errors.js';

export type TokKind = '(' | ')' | 'atom' | 'id' | 'str' | 'reserved';

export interface Token {
  readonly kind: TokKind;
  /** Source text of the token (for `id`: the identifier's name without `$`, decoded). */
  readonly text: string;
  readonly line: number;
  readonly col: number;
  /** Source offsets [start, end). */
  readonly start: number;
  readonly end: number;
  /** String literal contents as bytes (kind 'str'). */
  readonly bytes?: Uint8Array;
}

/** An annotation kept for later passes: its name and its tokens (without the outer parens). */
export interface Annotation {
  readonly name: string;
  readonly tokens: Token[];
  /** Index in the main token array before which the annotation appeared. */
  readonly at: number;
  readonly line: number;
  readonly col: number;
}

export interface Lexed {
  readonly tokens: Token[];
  readonly annotations: Annotation[];
}

const SYMBOLS = "+-*/\\^~=<>!?@#$%&|:`.'";

/** ASCII idchar table: letters, digits, `_` and the symbol set. */
const ID_CHARS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ID_CHARS[c] = /[0-9A-Za-z_]/.test(ch) || SYMBOLS.includes(ch) ? 1 : 0;
}

function isIdChar(c: number): boolean {
  return c < 128 && ID_CHARS[c] === 1;
}

/** Encodes one code point as UTF-8 into `out`. */
function pushUtf8(out: number[], cp: number): void {
  if (cp < 0x80) out.push(cp);
  else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
  else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
}

/**
 * Decodes script bytes (e.g. `module quote` strings) into a source string. Invalid UTF-8 bytes
 * become lone low surrogates U+DC80..U+DCFF, which the lexer reports as malformed UTF-8.
 */
export function decodeSourceBytes(b: Uint8Array): string {
  let s = '';
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let n = 0;
    let cp = 0;
    if (c < 0x80) { s += String.fromCharCode(c); i++; continue; }
    if (c >= 0xc2 && c <= 0xdf) { n = 1; cp = c & 0x1f; }
    else if (c >= 0xe0 && c <= 0xef) { n = 2; cp = c & 0x0f; }
    else if (c >= 0xf0 && c <= 0xf4) { n = 3; cp = c & 0x07; }
    else { s += String.fromCharCode(0xdc00 | c); i++; continue; }
    let ok = i + n < b.length;
    for (let k = 1; ok && k <= n; k++) {
      const d = b[i + k];
      if ((d & 0xc0) !== 0x80) ok = false; else cp = (cp << 6) | (d & 63);
    }
    if (ok && n === 2 && (cp < 0x800 || (cp >= 0xd800 && cp < 0xe000))) ok = false;
    if (ok && n === 3 && (cp < 0x10000 || cp > 0x10ffff)) ok = false;
    if (!ok) { s += String.fromCharCode(0xdc00 | c); i++; continue; }
    s += String.fromCodePoint(cp);
    i += n + 1;
  }
  return s;
}

/** Validates UTF-8 bytes (names must be valid UTF-8). */
export function isValidUtf8(b: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

export class Lexer {
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  readonly tokens: Token[] = [];
  readonly annotations: Annotation[] = [];

  constructor(private readonly src: string) {}

  private err(msg: string, at = this.pos): DecodeError {
    // Columns are 1-based; the line is the one containing `at` (at >= lineStart here).
    return new DecodeError(msg, -1, this.line, at - this.lineStart + 1);
  }

  private newline(at: number): void {
    this.line++;
    this.lineStart = at + 1;
  }

  run(): Lexed {
    const out = this.tokens;
    // annotation nesting: each open annotation collects tokens until its closing paren
    const annStack: { name: string; depth: number; tokens: Token[]; at: number; line: number; col: number }[] = [];
    let depthInAnn = 0;
    for (;;) {
      const t = this.next(annStack.length > 0);
      if (!t) break;
      if (annStack.length > 0) {
        const top = annStack[annStack.length - 1];
        if (t.kind === '(' || (t.kind === 'reserved' && t.text.startsWith('(@'))) depthInAnn++;
        if (t.kind === ')') {
          if (depthInAnn === top.depth) {
            annStack.pop();
            if (annStack.length === 0) {
              this.annotations.push({ name: top.name, tokens: top.tokens, at: out.length, line: top.line, col: top.col });
            } else {
              annStack[annStack.length - 1].tokens.push(t);
            }
            depthInAnn--;
            continue;
          }
          depthInAnn--;
        }
        top.tokens.push(t);
        if (t.kind === 'reserved' && t.text.startsWith('(@')) {
          // nested annotation inside an annotation: keep as plain tokens
        }
        continue;
      }
      if (t.kind === 'reserved' && t.text.startsWith('(@')) {
        depthInAnn++;
        annStack.push({ name: t.text.slice(2), depth: depthInAnn, tokens: [], at: out.length, line: t.line, col: t.col });
        continue;
      }
      out.push(t);
    }
    if (annStack.length > 0) {
      const a = annStack[0];
      throw new DecodeError('unclosed annotation', -1, a.line, a.col);
    }
    return { tokens: out, annotations: this.annotations };
  }

  private tok(kind: TokKind, text: string, line: number, col: number, start: number, bytes?: Uint8Array): Token {
    return { kind, text, line, col, start, end: this.pos, bytes };
  }

  /** Next token, skipping space and comments; null at end. */
  private next(inAnnotation = false): Token | null {
    const s = this.src;
    for (;;) {
      if (this.pos >= s.length) return null;
      const c = s.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x09) { this.pos++; continue; }
      if (c === 0x0a) { this.newline(this.pos); this.pos++; continue; }
      if (c === 0x0d) {
        if (s.charCodeAt(this.pos + 1) === 0x0a) this.pos++;
        this.newline(this.pos); this.pos++; continue;
      }
      if (c === 0x3b && s.charCodeAt(this.pos + 1) === 0x3b) {
        while (this.pos < s.length && s.charCodeAt(this.pos) !== 0x0a && s.charCodeAt(this.pos) !== 0x0d) {
          const d = s.charCodeAt(this.pos);
          if (d >= 0xd800 && d < 0xdc00) { this.pos += 2; continue; }
          if (d >= 0xdc00 && d < 0xe000) throw this.err('malformed UTF-8 encoding');
          this.pos++;
        }
        continue;
      }
      if (c === 0x28 && s.charCodeAt(this.pos + 1) === 0x3b) { this.blockComment(); continue; }
      break;
    }
    const start = this.pos;
    const line = this.line;
    const col = start - this.lineStart + 1;
    const c = s.charCodeAt(start);
    if (c === 0x28) {
      this.pos++;
      const after = s.charCodeAt(this.pos + 1);
      const hasId = after === 0x22 || (after < 0x80 && isIdChar(after));
      if (s.charCodeAt(this.pos) === 0x40 && (hasId || !inAnnotation)) {
        // annotation start `(@id` or `(@"id"`
        this.pos++;
        let name: string;
        if (s.charCodeAt(this.pos) === 0x22) {
          let b: Uint8Array;
          try { b = this.string(); } catch { throw this.err('empty annotation id', start); }
          if (b.length === 0) throw this.err('empty annotation id', start);
          if (!isValidUtf8(b)) throw this.err('malformed UTF-8 encoding', start);
          name = new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);
        } else {
          const p0 = this.pos;
          while (this.pos < s.length && isIdChar(s.charCodeAt(this.pos))) this.pos++;
          if (this.pos === p0) throw this.err('empty annotation id', start);
          name = s.slice(p0, this.pos);
        }
        return this.tok('reserved', '(@' + name, line, col, start);
      }
      return this.tok('(', '(', line, col, start);
    }
    if (c === 0x29) { this.pos++; return this.tok(')', ')', line, col, start); }
    // A word: idchars and strings glued together. One string alone is a string token; pure
    // idchars an atom or identifier; any other mix is reserved ("unknown operator").
    let strings = 0;
    let idchars = 0;
    let bytes: Uint8Array | undefined;
    for (;;) {
      const d = s.charCodeAt(this.pos);
      if (this.pos >= s.length) break;
      if (d === 0x22) {
        if (this.pos === start + 1 && c === 0x24) {
          // `$"..."`: a bad string after `$` leaves a lone `$`, an empty identifier
          try { bytes = this.string(); } catch { throw this.err('empty identifier', start); }
        } else bytes = this.string();
        strings++;
        continue;
      }
      if (isIdChar(d)) { this.pos++; idchars++; continue; }
      break;
    }
    if (strings === 0 && idchars === 0) {
      if (c === 0x2c || c === 0x3b || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d) {
        this.pos++;
        return this.tok('reserved', s[start], line, col, start);
      }
      if (c >= 0xd800 && c < 0xe000) {
        const d = s.charCodeAt(start + 1);
        if (!(c < 0xdc00 && d >= 0xdc00 && d < 0xe000)) throw this.err('malformed UTF-8 encoding', start);
      }
      if (inAnnotation) throw this.err('illegal character', start);
      if (c < 0x20 || c === 0x7f) throw this.err('misplaced control character', start);
      if (c >= 0x80) throw this.err('misplaced unicode character', start);
      throw this.err('illegal character', start);
    }
    const text = s.slice(start, this.pos);
    if (strings === 1 && idchars === 0) return this.tok('str', text, line, col, start, bytes);
    if (c === 0x24 && (strings === 0 || (strings === 1 && idchars === 1))) {
      if (strings === 1) {
        if (bytes!.length === 0) throw this.err('empty identifier', start);
        if (!isValidUtf8(bytes!)) throw this.err('malformed UTF-8 encoding', start);
        return this.tok('id', new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), line, col, start);
      }
      if (idchars === 1) throw this.err('empty identifier', start);
      return this.tok('id', text.slice(1), line, col, start);
    }
    if (strings > 0) return this.tok('reserved', text, line, col, start);
    return this.tok('atom', text, line, col, start);
  }

  private blockComment(): void {
    const s = this.src;
    const startLine = this.line;
    const startCol = this.pos - this.lineStart + 1;
    let depth = 0;
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      if (c === 0x28 && s.charCodeAt(this.pos + 1) === 0x3b) { depth++; this.pos += 2; continue; }
      if (c === 0x3b && s.charCodeAt(this.pos + 1) === 0x29) {
        depth--; this.pos += 2;
        if (depth === 0) return;
        continue;
      }
      if (c === 0x0a) this.newline(this.pos);
      else if (c === 0x0d) { if (s.charCodeAt(this.pos + 1) !== 0x0a) this.newline(this.pos); }
      else if (c >= 0xd800 && c < 0xe000) {
        // a valid surrogate pair is fine; a lone one came from invalid UTF-8
        const d = s.charCodeAt(this.pos + 1);
        if (c < 0xdc00 && d >= 0xdc00 && d < 0xe000) { this.pos += 2; continue; }
        throw this.err('malformed UTF-8 encoding');
      }
      this.pos++;
    }
    throw new DecodeError('unclosed comment', -1, startLine, startCol);
  }

  /** Reads a string literal at pos (which is a `"`), returns its bytes. */
  private string(): Uint8Array {
    const s = this.src;
    const start = this.pos;
    this.pos++;
    const out: number[] = [];
    for (;;) {
      if (this.pos >= s.length) throw this.err('unclosed string literal', start);
      const c = s.charCodeAt(this.pos);
      if (c === 0x22) { this.pos++; break; }
      if (c === 0x0a || c === 0x0d) throw this.err('unclosed string literal', start);
      if (c < 0x20 || c === 0x7f) throw this.err('illegal control character in string literal', this.pos);
      if (c === 0x5c) {
        const e = s[this.pos + 1];
        const escAt = this.pos;
        this.pos += 2;
        switch (e) {
          case 'n': out.push(10); break;
          case 't': out.push(9); break;
          case 'r': out.push(13); break;
          case '"': out.push(0x22); break;
          case "'": out.push(0x27); break;
          case '\\': out.push(0x5c); break;
          case 'u': {
            const m = /^\{([0-9a-fA-F](?:_?[0-9a-fA-F])*)\}/.exec(s.slice(this.pos, this.pos + 40));
            if (!m) throw this.err('illegal escape', escAt);
            const cp = parseInt(m[1].replace(/_/g, ''), 16);
            if (!(cp < 0xd800 || (cp >= 0xe000 && cp < 0x110000))) throw this.err('malformed UTF-8 encoding', escAt);
            pushUtf8(out, cp);
            this.pos += m[0].length;
            break;
          }
          default: {
            const h = s.slice(escAt + 1, escAt + 3);
            if (!/^[0-9a-fA-F]{2}$/.test(h)) {
              if (e === undefined) throw this.err('unclosed string literal', start);
              throw this.err('illegal escape', escAt);
            }
            out.push(parseInt(h, 16));
            this.pos = escAt + 3;
          }
        }
        continue;
      }
      if (c >= 0xd800 && c < 0xe000) {
        const d = s.charCodeAt(this.pos + 1);
        if (c < 0xdc00 && d >= 0xdc00 && d < 0xe000) {
          pushUtf8(out, s.codePointAt(this.pos)!);
          this.pos += 2;
          continue;
        }
        throw this.err('malformed UTF-8 encoding');
      }
      if (c < 0x80) out.push(c); else pushUtf8(out, c);
      this.pos++;
    }
    return Uint8Array.from(out);
  }
}

export function lex(src: string): Lexed {
  return new Lexer(src).run();
}

