// A cursor over lexed tokens with the small vocabulary every text parser needs: peeking at
// `(keyword`, expecting parens, reading numbers and strings, and the reference parser's error
// texts ("unexpected token", "unknown operator", "constant out of range").

import { DecodeError } from '../errors.js';
import type { Token } from './lexer.js';
import { isKeyword } from './keywords.js';
import { intValue, isFloatLit, isInt, isNat } from './numbers.js';
import { isValidUtf8 } from './lexer.js';

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

export class Cursor {
  i: number;

  constructor(readonly toks: readonly Token[], start = 0, readonly end = toks.length) {
    this.i = start;
  }

  get done(): boolean {
    return this.i >= this.end;
  }

  peek(k = 0): Token | undefined {
    const j = this.i + k;
    return j < this.end ? this.toks[j] : undefined;
  }

  /** Error at a token (or at the end of input). */
  errAt(tok: Token | undefined, msg: string): DecodeError {
    const t = tok ?? this.toks[this.end - 1] ?? this.toks[this.toks.length - 1];
    return new DecodeError(msg, -1, t ? t.line : 1, t ? t.col : 1);
  }

  /** The reference parser's error for a token it did not expect here. */
  unexpected(tok: Token | undefined = this.peek()): DecodeError {
    if (!tok) return this.errAt(tok, 'unexpected token');
    if (tok.kind === 'reserved') return this.errAt(tok, `unknown operator ${tok.text}`);
    if (tok.kind === 'atom' && !isKeyword(tok.text) && !isFloatLit(tok.text)) {
      return this.errAt(tok, `unknown operator ${tok.text}`);
    }
    return this.errAt(tok, 'unexpected token');
  }

  next(): Token {
    const t = this.peek();
    if (!t) throw this.unexpected(t);
    this.i++;
    return t;
  }

  isOpen(): boolean {
    return this.peek()?.kind === '(';
  }
  isClose(): boolean {
    return this.peek()?.kind === ')';
  }

  /** True when the next tokens are `(` `word`. */
  isField(word: string): boolean {
    const a = this.peek();
    const b = this.peek(1);
    return a?.kind === '(' && b?.kind === 'atom' && b.text === word;
  }

  /** The keyword after `(`, or null. */
  fieldName(): string | null {
    const a = this.peek();
    const b = this.peek(1);
    return a?.kind === '(' && b?.kind === 'atom' ? b.text : null;
  }

  isAtom(word?: string): boolean {
    const t = this.peek();
    return t?.kind === 'atom' && (word === undefined || t.text === word);
  }

  open(): Token {
    const t = this.peek();
    if (t?.kind !== '(') throw this.unexpected(t);
    this.i++;
    return t;
  }

  close(): void {
    const t = this.peek();
    if (t?.kind !== ')') throw this.unexpected(t);
    this.i++;
  }

  /** Consumes `(` word. */
  openField(word: string): Token {
    if (!this.isField(word)) throw this.unexpected(this.isOpen() ? this.peek(1) : this.peek());
    const t = this.toks[this.i];
    this.i += 2;
    return t;
  }

  keyword(word: string): Token {
    const t = this.peek();
    if (t?.kind !== 'atom' || t.text !== word) throw this.unexpected(t);
    this.i++;
    return t;
  }

  /** Index of the token just after the `)` matching the `(` at position `at`. */
  skipParens(at = this.i): number {
    let depth = 0;
    for (let j = at; j < this.end; j++) {
      const k = this.toks[j].kind;
      if (k === '(') depth++;
      else if (k === ')') {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    throw this.errAt(this.toks[at], 'unexpected token');
  }

  optId(): string | null {
    const t = this.peek();
    if (t?.kind === 'id') {
      this.i++;
      return t.text;
    }
    return null;
  }

  isString(): boolean {
    return this.peek()?.kind === 'str';
  }

  stringBytes(): Uint8Array {
    const t = this.peek();
    if (t?.kind !== 'str') throw this.unexpected(t);
    this.i++;
    return t.bytes!;
  }

  /** A name: a string that must be valid UTF-8. */
  name(): string {
    const t = this.peek();
    const b = this.stringBytes();
    if (!isValidUtf8(b)) throw this.errAt(t, 'malformed UTF-8 encoding');
    return utf8.decode(b);
  }

  isNat(): boolean {
    const t = this.peek();
    return t?.kind === 'atom' && isNat(t.text);
  }

  isNumber(): boolean {
    const t = this.peek();
    return t?.kind === 'atom' && isFloatLit(t.text);
  }

  /** An unsigned literal below 2^bits (u32 indices, limits, lane indices). */
  nat(bits = 32): number {
    const t = this.peek();
    if (t?.kind !== 'atom' || !isNat(t.text)) throw this.unexpected(t);
    this.i++;
    const v = intValue(t.text);
    if (v >= 1n << BigInt(bits)) throw this.errAt(t, 'constant out of range');
    return Number(v);
  }

  /** An unsigned 64-bit literal as a bigint. */
  nat64(): bigint {
    const t = this.peek();
    if (t?.kind !== 'atom' || !isNat(t.text)) throw this.unexpected(t);
    this.i++;
    const v = intValue(t.text);
    if (v >= 1n << 64n) throw this.errAt(t, 'i64 constant out of range');
    return v;
  }

  /** `$id` or a nat ahead. */
  isIndex(): boolean {
    const t = this.peek();
    return t !== undefined && (t.kind === 'id' || (t.kind === 'atom' && isNat(t.text)));
  }

  /** A signed or unsigned integer literal token (not consumed when absent). */
  isIntLit(): boolean {
    const t = this.peek();
    return t?.kind === 'atom' && isInt(t.text);
  }
}
