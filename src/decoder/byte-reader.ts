// Primitive readers of the binary format: bytes, LEB128 integers of every width, floats as raw
// bits, names. Errors are DecodeErrors with the spec's messages and absolute offsets.
// 64-bit integers are produced as two int32 words (lo, hi) or as an approximate number, never
// as BigInt on the hot path.

import { DecodeError } from '../errors.js';

// ignoreBOM: a leading U+FEFF is part of the name, not a byte-order mark to strip.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export class ByteReader {
  /** Index into `bytes` of the next unread byte. */
  pos: number;
  /** Index one past the last readable byte (a section or body end). */
  end: number;
  /** Low/high words of the last s64/u64 read with s64()/u64Words(). */
  lo = 0;
  hi = 0;

  /**
   * @param bytes the buffer
   * @param base absolute offset of bytes[0] in the module (for error offsets)
   */
  constructor(readonly bytes: Uint8Array, readonly base = 0, start = 0, end = bytes.length) {
    this.pos = start;
    // Never past the buffer, whatever a caller's size field claimed.
    this.end = Math.min(end, bytes.length);
  }

  /** Absolute offset of the next unread byte. */
  get absPos(): number {
    return this.base + this.pos;
  }

  atEnd(): boolean {
    return this.pos >= this.end;
  }

  error(message: string, at = this.pos): DecodeError {
    return new DecodeError(message, this.base + at);
  }

  /** Reading past the end. The reference interpreter has one message for every case. */
  eof(): DecodeError {
    return this.error('unexpected end of section or function', Math.min(this.pos, this.end));
  }

  u8(): number {
    if (this.pos >= this.end) throw this.eof();
    return this.bytes[this.pos++];
  }

  peek(): number {
    if (this.pos >= this.end) throw this.eof();
    return this.bytes[this.pos];
  }

  // The LEB128 readers below work on a local position and write it back once (they are on
  // every hot path); errors leave `pos` where the byte-at-a-time reading would have.

  /** Unsigned LEB128, at most 32 bits. */
  u32(): number {
    const bytes = this.bytes;
    const end = this.end;
    let p = this.pos;
    let result = 0;
    let shift = 0;
    for (;;) {
      if (p >= end) {
        this.pos = p;
        throw this.eof();
      }
      const b = bytes[p++];
      if (shift === 28) {
        this.pos = p;
        // The spec checks the value bits first, then the continuation bit.
        if (b & 0x70) throw this.error('integer too large', p - 1);
        if (b & 0x80) throw this.error('integer representation too long', p);
        return (result | (b << 28)) >>> 0;
      }
      result |= (b & 0x7f) << shift;
      if (!(b & 0x80)) {
        this.pos = p;
        return result >>> 0;
      }
      shift += 7;
    }
  }

  /** Signed LEB128, at most 32 bits; returns an int32. */
  s32(): number {
    const bytes = this.bytes;
    const end = this.end;
    let p = this.pos;
    let result = 0;
    let shift = 0;
    for (;;) {
      if (p >= end) {
        this.pos = p;
        throw this.eof();
      }
      const b = bytes[p++];
      if (shift === 28) {
        this.pos = p;
        const rest = b & 0x78;
        if (rest !== 0 && rest !== 0x78) throw this.error('integer too large', p - 1);
        if (b & 0x80) throw this.error('integer representation too long', p);
        return result | (b << 28);
      }
      result |= (b & 0x7f) << shift;
      shift += 7;
      if (!(b & 0x80)) {
        this.pos = p;
        if (shift < 32 && (b & 0x40)) result |= -1 << shift;
        return result;
      }
    }
  }

  /**
   * Signed LEB128, 33 bits (block types). Returns a number: negative values are the
   * single-byte type codes (e.g. -64 for 0x40), non-negative values type indices.
   */
  s33(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.u8();
      if (shift === 28) {
        const rest = b & 0x70;
        if (rest !== 0 && rest !== 0x70) throw this.error('integer too large', this.pos - 1);
        if (b & 0x80) throw this.error('integer representation too long', this.pos);
        // bits 28..32 of the value; bit 32 is the sign.
        const top = b & 0x1f;
        const value = result >>> 0;
        return (top & 0x10 ? (top - 0x20) : top) * 0x10000000 + value;
      }
      result |= (b & 0x7f) << shift;
      shift += 7;
      if (!(b & 0x80)) {
        if (b & 0x40) return (result | (-1 << shift));
        return result >>> 0;
      }
    }
  }

  /** Signed LEB128, at most 64 bits, into this.lo / this.hi. */
  s64(): void {
    this.leb64(true);
  }

  /** Unsigned LEB128, at most 64 bits, into this.lo / this.hi. */
  u64Words(): void {
    this.leb64(false);
  }

  /** Unsigned LEB128 up to 64 bits as a number (exact below 2^53, approximate above). */
  u64(): number {
    this.leb64(false);
    return (this.hi >>> 0) * 0x100000000 + (this.lo >>> 0);
  }

  private leb64(signed: boolean): void {
    const bytes = this.bytes;
    const end = this.end;
    let p = this.pos;
    let lo = 0;
    let hi = 0;
    let shift = 0;
    for (;;) {
      if (p >= end) {
        this.pos = p;
        throw this.eof();
      }
      const b = bytes[p++];
      const v = b & 0x7f;
      if (shift === 63) {
        this.pos = p;
        if (signed ? (v !== 0 && v !== 0x7f) : (v & 0x7e) !== 0) throw this.error('integer too large', p - 1);
        if (b & 0x80) throw this.error('integer representation too long', p);
        hi |= (v & 1) << 31;
        this.lo = lo;
        this.hi = hi;
        return;
      }
      if (shift < 32) {
        lo |= v << shift;
        if (shift > 25) hi |= v >>> (32 - shift);
      } else {
        hi |= v << (shift - 32);
      }
      shift += 7;
      if (!(b & 0x80)) {
        this.pos = p;
        if (signed && (b & 0x40)) {
          if (shift < 32) {
            lo |= -1 << shift;
            hi = -1;
          } else {
            hi |= -1 << (shift - 32);
          }
        }
        this.lo = lo;
        this.hi = hi;
        return;
      }
    }
  }

  /** Four bytes, little-endian, as an int32 (float bits stay bits). */
  i32le(): number {
    if (this.pos + 4 > this.end) {
      this.pos = this.end;
      throw this.eof();
    }
    const b = this.bytes;
    const p = this.pos;
    this.pos = p + 4;
    return b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24);
  }

  bytesN(n: number): Uint8Array {
    if (n > this.end - this.pos) {
      this.pos = this.end;
      throw this.eof();
    }
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /**
   * A length-prefixed count (vector length, string length): the spec rejects a count larger
   * than the bytes left (measured from the count's own position) before anything allocates.
   */
  len32(): number {
    const at = this.pos;
    const n = this.u32();
    if (n > this.end - at) throw this.error('length out of bounds', at);
    return n;
  }

  /** A UTF-8 name. */
  name(): string {
    const len = this.len32();
    const at = this.pos;
    const raw = this.bytesN(len);
    try {
      return utf8.decode(raw);
    } catch {
      throw this.error('malformed UTF-8 encoding', at);
    }
  }
}
