// Per-opcode tables the code validator derives from the opcode table (src/syntax/opcodes.ts):
// fixed signatures with the address type resolved, immediate checks, the constant-instruction
// rule. (The dense rule codes live in code.ts: a const enum inlines only within its file.)

import { OPS } from '../syntax/opcodes.js';
import type { SigType } from '../syntax/opcodes.js';
import type { ValType } from '../syntax/types.js';

function resolveSig(sig: readonly SigType[] | null, addr: ValType): readonly ValType[] | null {
  if (!sig) return null;
  return sig.map((t) => (t === 'addr' ? addr : t));
}
export const SIG_P32 = OPS.map((o) => resolveSig(o.params, 'i32'));
export const SIG_R32 = OPS.map((o) => resolveSig(o.results, 'i32'));
export const SIG_P64 = OPS.map((o) => resolveSig(o.params, 'i64'));
export const SIG_R64 = OPS.map((o) => resolveSig(o.results, 'i64'));
/** 1: memarg immediate, 2: memory immediate (memory.size/grow) */
export const MEM_KIND = Uint8Array.from(OPS, (o) => (o.imms.includes('memarg') ? 1 : o.imms[0] === 'memory' && o.params ? 2 : 0));
export const HAS_LANE = Uint8Array.from(OPS, (o) => (o.imms.includes('lane') ? 1 : 0));

const CONST_NAMES = [
  'i32.const', 'i64.const', 'f32.const', 'f64.const', 'v128.const', 'i32.add', 'i32.sub',
  'i32.mul', 'i64.add', 'i64.sub', 'i64.mul', 'ref.null', 'ref.func', 'ref.i31', 'struct.new',
  'struct.new_default', 'array.new', 'array.new_default', 'array.new_fixed',
  'any.convert_extern', 'extern.convert_any', 'global.get', 'end', 'struct.new_desc',
  'struct.new_default_desc',
];
export const CONST_OK = Uint8Array.from(OPS, (o) => (CONST_NAMES.includes(o.name) ? 1 : 0));
