/**
 * Just enough binary reading to size a module's sections (for "bytes of code"). Kept here
 * rather than using the engine's decoder so the benchmark's yardstick does not depend on the
 * code it measures.
 */
function readU32(bytes: Uint8Array, pos: number): [value: number, next: number] {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[pos++];
    if (b === undefined) throw new Error('truncated LEB128');
    result |= (b & 0x7f) << shift;
    if ((b & 0x80) === 0) return [result >>> 0, pos];
    shift += 7;
    if (shift > 28) throw new Error('LEB128 too long');
  }
}

/** Total size in bytes of the code section's payload (all function bodies). */
export function codeSectionSize(bytes: Uint8Array): number {
  let pos = 8;
  while (pos < bytes.length) {
    const id = bytes[pos++]!;
    const [size, start] = readU32(bytes, pos);
    if (id === 10) return size;
    pos = start + size;
  }
  return 0;
}

/** Number of function bodies in the code section. */
export function functionCount(bytes: Uint8Array): number {
  let pos = 8;
  while (pos < bytes.length) {
    const id = bytes[pos++]!;
    const [size, start] = readU32(bytes, pos);
    if (id === 10) return readU32(bytes, start)[0];
    pos = start + size;
  }
  return 0;
}
