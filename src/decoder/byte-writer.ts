// Growable byte buffer with the binary format's primitive writers (LEB128 of every width,
// raw float bits, names, types). Used by the encoder and by the text parser when it lowers
// instructions to bytes.

import type { HeapType, RefType, StorageType, ValType } from '../syntax/types.js';
import { ABS_HEAP_CODES, NUM_TYPE_CODES } from '../syntax/types.js';

const utf8 = new TextEncoder();

export class ByteWriter {
  private buf = new Uint8Array(256);
  length = 0;

  private ensure(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  byte(b: number): this {
    this.ensure(1);
    this.buf[this.length++] = b & 0xff;
    return this;
  }

  bytes(data: Uint8Array | readonly number[]): this {
    this.ensure(data.length);
    this.buf.set(data, this.length);
    this.length += data.length;
    return this;
  }

  /** Unsigned LEB128 of a non-negative integer up to 2^53 (u32 and u64 alike). */
  u32(v: number): this {
    do {
      let b = v % 128;
      v = Math.floor(v / 128);
      if (v !== 0) b |= 0x80;
      this.byte(b);
    } while (v !== 0);
    return this;
  }

  u64(v: number): this {
    return this.u32(v);
  }

  /** Signed LEB128 of an integer in the safe range (s32, s33). */
  s32(v: number): this {
    for (;;) {
      const b = v & 0x7f;
      v = Math.floor(v / 128);
      if ((v === 0 && !(b & 0x40)) || (v === -1 && (b & 0x40))) {
        this.byte(b);
        return this;
      }
      this.byte(b | 0x80);
    }
  }

  s33(v: number): this {
    return this.s32(v);
  }

  /** Signed LEB128 of a 64-bit value given as two int32 words. */
  s64(lo: number, hi: number): this {
    for (;;) {
      const b = lo & 0x7f;
      // arithmetic shift right by 7 across the two words
      lo = (lo >>> 7) | (hi << 25);
      hi >>= 7;
      const done = (hi === 0 && lo === 0 && !(b & 0x40)) || (hi === -1 && lo === -1 && (b & 0x40));
      if (done) {
        this.byte(b);
        return this;
      }
      this.byte(b | 0x80);
    }
  }

  /** Signed LEB128 of a bigint (convenience for tools; not for hot paths). */
  s64Big(v: bigint): this {
    const w = BigInt.asIntN(64, v);
    return this.s64(Number(BigInt.asIntN(32, w)), Number(BigInt.asIntN(32, w >> 32n)));
  }

  /** Four bytes little-endian (f32 bits, or any int32). */
  i32le(v: number): this {
    this.ensure(4);
    const p = this.length;
    this.buf[p] = v;
    this.buf[p + 1] = v >>> 8;
    this.buf[p + 2] = v >>> 16;
    this.buf[p + 3] = v >>> 24;
    this.length += 4;
    return this;
  }

  name(s: string): this {
    const b = utf8.encode(s);
    this.u32(b.length);
    return this.bytes(b);
  }

  heapType(h: HeapType): this {
    if (typeof h === 'number') return this.s33(h);
    return this.byte(ABS_HEAP_CODES[h]);
  }

  /** A heap type; `exact` (custom-descriptors) writes `0x62 typeidx` (signed LEB, as read). */
  heapTypeExact(h: HeapType, exact: boolean): this {
    if (exact) {
      this.byte(0x62);
      if (typeof h === 'number') return this.s32(h);
    }
    return this.heapType(h);
  }

  refType(t: RefType): this {
    if (t.nullable && !t.exact && typeof t.heap === 'string') return this.byte(ABS_HEAP_CODES[t.heap]);
    this.byte(t.nullable ? 0x63 : 0x64);
    return this.heapTypeExact(t.heap, t.exact);
  }

  valType(t: ValType): this {
    if (typeof t === 'string') return this.byte(NUM_TYPE_CODES[t]);
    return this.refType(t);
  }

  storageType(t: StorageType): this {
    if (t === 'i8') return this.byte(0x78);
    if (t === 'i16') return this.byte(0x77);
    return this.valType(t);
  }

  /** A nested section or sub-structure: writes its size (u32) then its bytes. */
  sized(inner: ByteWriter): this {
    this.u32(inner.length);
    return this.bytes(inner.finish());
  }

  /** The bytes written so far (a view; copy if you keep writing). */
  finish(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}
