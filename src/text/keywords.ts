// Every keyword of the text format (module fields, types, script commands) plus every
// instruction mnemonic from the opcode table. An atom outside this set that is not a number is
// an "unknown operator", as in the reference lexer.

import { OPS_BY_NAME } from '../syntax/opcodes.js';

const WORDS = `
i8 i16 i32 i64 f32 f64 v128 i8x16 i16x8 i32x4 i64x2 f32x4 f64x2
any anyref none nullref eq eqref i31 i31ref struct structref array arrayref nofunc funcref
nullfuncref exn noexn exnref nullexnref extern noextern externref nullexternref ref null
field mut sub final rec exact descriptor describes then
type tag global memory table func param result local data elem declare offset item start
import export module binary quote definition instance script register invoke get
assert_malformed assert_invalid assert_malformed_custom assert_invalid_custom assert_unlinkable
assert_uninstantiable assert_return assert_trap assert_exception assert_exhaustion
nan:canonical nan:arithmetic either input output pagesize shared unshared
ref.struct ref.array ref.exn ref.extern ref.host ref.i31 ref.any ref.eq ref.func ref.null
thread wait catch catch_ref catch_all catch_all_ref
`;

export const KEYWORDS: ReadonlySet<string> = new Set([
  ...WORDS.split(/\s+/).filter((w) => w.length > 0),
  ...OPS_BY_NAME.keys(),
]);

export function isKeyword(text: string): boolean {
  return KEYWORDS.has(text) || /^(offset|align)=/.test(text);
}
