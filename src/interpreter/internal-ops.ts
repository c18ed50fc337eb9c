// The interpreter's INTERNAL instruction set: what translate.ts emits into an Int32Array and
// run.ts dispatches on. These are not wasm opcodes (those live only in src/syntax/opcodes.ts);
// an internal instruction names registers (frame-relative slot indices) and immediates.
// Rare wasm instructions go through the generic `SLOW` form carrying the wasm OpInfo id, so
// this list only grows for instructions worth a dedicated dispatch.
//
// Operand legend: d = destination slot, a/b/c = source slots, t = jump target (code index).

export const enum I {
  // control
  FUEL, //           cost offset            charge `cost` wasm instructions (block entry)
  NOP, //                                    exact mode: a wasm instruction with no effect
  UNREACHABLE,
  BR, //             t
  BR_IF, //          a t                    jump when I32[a] != 0
  BR_UNLESS, //      a t                    jump when I32[a] == 0
  BR_TABLE, //       a n t0 .. tn           index a, n+1 targets (last is the default)
  RETURN, //         a n                    results: n slots starting at a
  CALL, //           funcIdx base           arguments at slots base.., results there too
  // fast mode: CALL after the moves of its last one or two arguments (d s: slot d = slot s)
  CALL_MOV1, //      funcIdx base d s
  CALL_MOV2, //      funcIdx base d s d2 s2
  CALL_INDIRECT, //  typeIdx tableIdx base idxSlot
  CALL_REF, //       base refSlot
  RETURN_CALL, //    funcIdx base n         n = argument slots
  RETURN_CALL_INDIRECT, // typeIdx tableIdx base idxSlot n
  RETURN_CALL_REF, // base refSlot n
  THROW, //          tagIdx base
  THROW_REF, //      a
  RETHROW, //        hiddenSlot
  BR_ON_NULL, //     a t                    jump when R[a] is null
  BR_ON_NON_NULL, // a t
  // moves and constants
  MOV, //            d a                    two words (any numeric type)
  MOV_REF, //        d a
  MOV_V128, //       d a                    two slots
  CONST, //          d lo hi
  CONST_V128, //     d w0 w1 w2 w3
  REF_NULL, //       d
  REF_FUNC, //       d funcIdx
  REF_IS_NULL, //    d a
  REF_AS_NON_NULL, // d a
  SELECT, //         d a b c               I32[c] ? a : b
  SELECT_REF,
  SELECT_V128,
  GLOBAL_GET, //     d g
  GLOBAL_SET, //     g a
  GLOBAL_GET_REF,
  GLOBAL_SET_REF,
  GLOBAL_GET_V128,
  GLOBAL_SET_V128,
  // everything else with the wasm OpInfo id: rare or complex (see slow-ops.ts)
  SLOW, //           wasmOp base immA immB immC immD
  NUM, //            wasmOp d a b          scalar numerics from numerics/table.ts (b unused if unary)
  // i32
  I32_EQZ, I32_EQ, I32_NE, I32_LT_S, I32_LT_U, I32_GT_S, I32_GT_U, I32_LE_S, I32_LE_U, I32_GE_S,
  I32_GE_U, I32_ADD, I32_SUB, I32_MUL, I32_DIV_S, I32_DIV_U, I32_REM_S, I32_REM_U, I32_AND,
  I32_OR, I32_XOR, I32_SHL, I32_SHR_S, I32_SHR_U, I32_ROTL, I32_ROTR, I32_CLZ, I32_CTZ,
  I32_POPCNT, I32_EXTEND8_S, I32_EXTEND16_S, I32_WRAP_I64,
  // i32 with a constant right operand (fast mode):  d a imm
  I32_ADD_IMM, I32_MUL_IMM, I32_AND_IMM, I32_OR_IMM, I32_XOR_IMM, I32_SHL_IMM, I32_SHR_S_IMM,
  I32_SHR_U_IMM, I32_ROTL_IMM, // (rotr by a constant is rotl by 32 - n)
  I32_ADD_IMM2, //   d1 a1 imm1 d2 a2 imm2   two i32.add-constant results stored to locals, in order
  I32_ADD_IMM_BR, // d a imm t            i32.add of a constant, then BR t (while-loop steps)
  I32_ADD_IMM_BR_IF, // d a imm t         the same, then jump when the result is not 0 (countdowns)
  // back edge into a loop whose header is only `BR_IF_<cmp>_IMM x k exit` (while loops): the
  // header runs inline (its fuel `cost` paid here) and control goes to exit or to the body;
  // short of fuel it goes to the header itself. test: the header's compare as the relations
  // of x to k that exit (1 less, 2 equal, 4 greater; +8 unsigned), translate.ts LOOP_TEST
  BR_LOOP, //           test x k cost exit body header
  I32_ADD_IMM_LOOP, //  d a imm test x k cost exit body header   (an i32.add-constant first)
  // i32.add of a constant, then a compare-and-branch (counted loops: i += 1; br_if (i != n))
  // xor of rotations of one value (hash and cipher mixing, sha-2's sigma functions), fast mode:
  I32_ROTL_XOR2, //  d x k1 k2              rotl(x, k1) ^ rotl(x, k2)
  I32_ROTL_XOR3, //  d x k1 k2 k3           ... ^ rotl(x, k3)
  I32_ROTL_XOR2_SHR, // d x k1 k2 k3        ... ^ (x >>> k3)
  I32_ADD_IMM_BR_IF_NE, //     d a imm x y t    jump when x != y
  I32_ADD_IMM_BR_IF_NE_IMM, // d a imm x k t    jump when x != k
  I32_EQ_IMM, I32_NE_IMM, I32_LT_S_IMM, I32_LT_U_IMM, I32_GT_S_IMM, I32_GT_U_IMM, I32_LE_S_IMM,
  I32_LE_U_IMM, I32_GE_S_IMM, I32_GE_U_IMM,
  // fused compare-with-constant + branch:  a imm t
  BR_IF_EQ_IMM, BR_IF_NE_IMM, BR_IF_LT_S_IMM, BR_IF_LT_U_IMM, BR_IF_GT_S_IMM, BR_IF_GT_U_IMM,
  BR_IF_LE_S_IMM, BR_IF_LE_U_IMM, BR_IF_GE_S_IMM, BR_IF_GE_U_IMM,
  // fused compare + branch (fast mode):  a b t
  BR_IF_EQ, BR_IF_NE, BR_IF_LT_S, BR_IF_LT_U, BR_IF_GT_S, BR_IF_GT_U, BR_IF_LE_S, BR_IF_LE_U,
  BR_IF_GE_S, BR_IF_GE_U,
  // i64 (two words)
  I64_EQZ, I64_EQ, I64_NE, I64_LT_S, I64_LT_U, I64_GT_S, I64_GT_U, I64_LE_S, I64_LE_U, I64_GE_S,
  I64_GE_U, I64_ADD, I64_SUB, I64_AND, I64_OR, I64_XOR, I64_SHL, I64_SHR_S, I64_SHR_U,
  I64_EXTEND_I32_S, I64_EXTEND_I32_U,
  // i64 through numerics/ with a direct (monomorphic, inlinable) call:  d a b
  I64_MUL, I64_ROTL, I64_ROTR, I64_DIV_U, I64_REM_U, I64_DIV_S, I64_REM_S,
  // i64 with a constant right operand (fast mode; keep I64_ADD_IMM first):  d a lo hi
  I64_ADD_IMM, I64_AND_IMM, I64_OR_IMM, I64_XOR_IMM, I64_SHL_IMM, I64_SHR_S_IMM, I64_SHR_U_IMM,
  I64_MUL_IMM, I64_ROTL_IMM, // (rotr by a constant is rotl by 64 - n)
  I64_XOR_ROTL_IMM, // d x a k             x ^ rotl(a, k) (fast mode: i64.xor of a rotation)
  // floats
  F32_ADD, F32_SUB, F32_MUL, F32_DIV, F32_EQ, F32_NE, F32_LT, F32_GT, F32_LE, F32_GE,
  F64_ADD, F64_SUB, F64_MUL, F64_DIV, F64_EQ, F64_NE, F64_LT, F64_GT, F64_LE, F64_GE,
  F64_CONVERT_I32_S, F64_CONVERT_I32_U, F64_SQRT,
  // memory 0 with 32-bit addresses: d/a addr off add (offset as u32 bits; the address is
  // (addr + add) mod 2^32: fast mode folds a preceding i32.add of a constant into `add`)
  I32_LOAD, I64_LOAD, F32_LOAD, F64_LOAD, I32_LOAD8_S, I32_LOAD8_U, I32_LOAD16_S, I32_LOAD16_U,
  I64_LOAD8_S, I64_LOAD8_U, I64_LOAD16_S, I64_LOAD16_U, I64_LOAD32_S, I64_LOAD32_U,
  // select on a compare just made (fast mode): d a b x y (d = x < y ? a : b, ...)
  SELECT_LT_S, SELECT_GT_S, SELECT_LT_U, SELECT_GT_U, SELECT_F32_LT, SELECT_F32_GT, SELECT_F64_LT,
  SELECT_F64_GT,
  // i32.add / i32.mul of a value and a load (fast mode): d x addr off add (d = x + load)
  I32_ADD_LOAD, I32_ADD_LOAD8_S, I32_ADD_LOAD8_U, I32_ADD_LOAD16_S, I32_ADD_LOAD16_U,
  I32_MUL_LOAD, I32_MUL_LOAD8_S, I32_MUL_LOAD8_U, I32_MUL_LOAD16_S, I32_MUL_LOAD16_U,
  // stores: addr value off add
  I32_STORE, I64_STORE, F32_STORE, F64_STORE, I32_STORE8, I32_STORE16, I64_STORE8, I64_STORE16,
  I64_STORE32,
  // stores of a constant (fast mode): addr imm off add (I64_STORE_IMM: addr lo off add hi)
  I32_STORE_IMM, I32_STORE8_IMM, I32_STORE16_IMM, I64_STORE_IMM,
  // fused f64.load + f64 binop whose right operand is the loaded value (fast mode):
  //   d a t addr off add       (t = the load's slot, still written: the NaN path reads it)
  F64_ADD_LOAD, F64_SUB_LOAD, F64_MUL_LOAD,
  // the same, followed by f64.store of the result to the address it loaded from (x[i] += v):
  //   d a t addr off add
  F64_ADD_LOAD_STORE, F64_SUB_LOAD_STORE, F64_MUL_LOAD_STORE,
  // F64_MUL_LOAD feeding F64_ADD_LOAD_STORE (c[i] += x * b[j]): t x addrB offB addB addrC offC u
  //   (t, u: scratch slots for the NaN path; pc + 1 has its own wasm offset, the access to c)
  F64_MULADD_LOAD_STORE,
  // the same with the loaded value as the left operand (d = load op a): d a t addr off add
  F64_LOAD_ADD, F64_LOAD_SUB, F64_LOAD_MUL,
  // f32.load fused into f32 add/sub/mul, loaded value right (F32_*_LOAD) or left (F32_LOAD_*)
  F32_ADD_LOAD, F32_SUB_LOAD, F32_MUL_LOAD, F32_LOAD_ADD, F32_LOAD_SUB, F32_LOAD_MUL,
  // f64.mul into a temporary t, then f64.add/sub of it and c (fast mode): d a b c t
  //   MUL_ADD t + c, ADD_MUL c + t, MUL_SUB t - c, SUB_MUL c - t  (t = a * b; the NaN path
  //   recomputes both steps through t, so a NaN keeps the unfused operand order)
  F64_MUL_ADD, F64_ADD_MUL, F64_MUL_SUB, F64_SUB_MUL,
  // one of those whose c is an f64 loaded from, and whose result is stored back to, one
  // address (x[i] -= a * b): kind a b addr off add t l (kind: the F64_MUL_ADD.. opcode; t, l:
  // scratch slots for the NaN path)
  F64_MULADD_MEM,
  // exact mode: charge one unit of fuel, then MOV / CONST (the FUEL op of a local.get,
  // local.set or const merged with its only instruction; out of fuel pauses here)
  FUEL_MOV, //      d a
  FUEL_CONST, //    d lo hi
  // fast mode: x ^ (x >>> n) on i64 (xorshift / splitmix hashing):  d x n
  I64_XOR_SHR_U_IMM,
  // fast mode: (x ^ (x >>> n)) * c on i64, the mixing step of splitmix/murmur/xxhash
  // finalizers:  d x n lo hi
  I64_XOR_SHR_U_MUL_IMM,
  // v128 in registers (fast and exact mode): lane ops of SIMD_DIRECT (simd/table.ts) on any
  // slots, so locals feed them without MOV_V128 (d a b sop / d a sop; sop = wasm OpInfo id),
  // and v128.load/store on an i32 memory 0 like the scalar ones (d/addr value off add)
  V128_BIN, V128_UN, V128_LOAD, V128_STORE,
  // other non-memory v128 instructions in registers: SIMD_OPS[sop](w, d, a, b, x) with
  //   V128_LANE d a b sop lane     (lane immediate; scalar operands/results: splat, shifts,
  //                                 extract/replace_lane, bitmask, all_true, ...)
  //   V128_TERN d a b c sop        (bitselect, relaxed madd/laneselect/dot_add)
  //   V128_SHUFFLE d a b id        (id: interned lane pattern, simd/handler.ts)
  V128_LANE, V128_TERN, V128_SHUFFLE,
  // the commonest lane ops inline in the run loop: d a b
  I32X4_ADD, I32X4_SUB, I32X4_MUL, F32X4_ADD, F32X4_SUB, F32X4_MUL, V128_AND, V128_OR, V128_XOR,
  // lane ops vectorized loops use most, each calling its simd/fast-lanes.ts function directly
  // (a direct call site, not the indirect one of V128_BIN): d a b (shift: b = count slot)
  I16X8_ADD, I16X8_MUL, I16X8_SHR_U, I8X16_EQ, I32X4_MAX_S, I8X16_NARROW_I16X8_U, F32X4_PMIN,
  F32X4_PMAX,
  // the same, unary: d a
  I16X8_EXTEND_LOW_I8X16_U, I32X4_EXTEND_LOW_I16X8_U, I16X8_EXTEND_HIGH_I8X16_U,
  I16X8_SHR_U_IMM, //  d a k                  i16x8.shr_u by a constant count k (0..15)
  V128_SHUFFLE_W, //   d a b w0 w1 w2 w3      i8x16.shuffle moving whole words: word i of d is
  //                                           word wi of a (0..3) or of b (4..7)
  V128_LOAD32_ZERO, // d addr off add         v128.load32_zero / load64_zero of memory 0
  V128_LOAD64_ZERO,
  I16X8_MUL_EXTEND, // d x a half             x * i16x8.extend_{low,high}_i8x16_u(a) (half 0/1)
  I16X8_ADD_SHR_U_IMM, // d a b k             i16x8.shr_u(a + b, k), k in 0..15
  I32X4_SPLAT, //     d a                    i32x4.splat and f32x4.splat (one word to four)
  I64X2_SPLAT, //     d a                    i64x2.splat and f64x2.splat
  // fast mode: a v128.load into a temporary that is one operand of i32x4.add/mul or
  // f32x4.add/mul: d x t addr off add k, d = x op mem (k: 0 i32x4.add, 1 i32x4.mul,
  // 2 f32x4.add, 3 f32x4.mul; +4 when the load is the left operand; t the load's temporary,
  // written only on the NaN path; +16 on an i32x4 op: the result is stored back to the loaded
  // address, not to d)
  V128_OP_LOAD,
  F32X4_PMAX_PMIN, // d a b c                 fast mode: f32x4.pmin(f32x4.pmax(a, b), c), a clamp
  // fast mode: i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(a)), the four bytes of a's
  // low word widened to i32 lanes (a may be the scalar of a splat the pair read), each and-ed
  // with m (0xff for the extends alone; a shuffle spreading those bytes, and-ed with
  // splat(m), is the same): d a m
  I32X4_EXTEND_U8,
  // fast mode: v128.and of a shuffle's result with a constant: d a b id (id: simd/handler.ts's
  // MASKED_SHUFFLES plan, the bytes the mask keeps)
  V128_SHUFFLE_MASKED,
  // struct.get of a field that is not packed, in register form: d s p (s: the struct
  // reference, p: the field's index in its object's refs, or its first word in its words)
  STRUCT_GET_REF, STRUCT_GET_W, STRUCT_GET_W2,
  STRUCT_NEW, //     base typeIdx           struct.new: fields in slots from base, the struct to base
  // fast mode, pairs.ts: instruction A immediately followed by B, as A's operands under this
  // opcode; its case in run.ts does A and falls through into B's case (one dispatch for two)
  I32_ADD_IMM_THEN_F64_MULADD_LOAD_STORE, I32_ADD_IMM2_THEN_I32_ADD_IMM_BR_IF_NE,
  I32_ADD_THEN_I32_ADD, MOV_THEN_MOV, I32_ADD_THEN_BR_IF_LT_U_IMM, I32_ADD_IMM_THEN_I32_LOAD,
  I32_AND_IMM_THEN_I64_SHR_U, I64_ADD_THEN_I64_ADD_IMM, I64_XOR_SHR_U_IMM_THEN_I64_XOR_ROTL_IMM,
  F64_MUL_THEN_F64_MUL, I32_ADD_THEN_I32_MUL_IMM, I32_MUL_IMM_THEN_I32_STORE,
  I32_STORE_THEN_I32_ADD_IMM_LOOP, I32_AND_IMM_THEN_BR_UNLESS, I64_SHR_U_IMM_THEN_I64_XOR,
  I32_ADD_THEN_I32_GT_U_IMM, I32_ADD_IMM_THEN_BR_IF, I32_LOAD_THEN_BR_IF_LT_S,
  F64_MUL_THEN_F64_OP_LOAD, I32_ADD_IMM_THEN_V128_LOAD,
  // more pairs, and pairs whose second is itself a pair (a chain of three: pairs.ts's second pass)
  I32_STORE8_IMM_THEN_I32_ADD_THEN_BR_IF_LT_U_IMM, I32_ADD_IMM_THEN_F64_MUL2,
  I32_ADD_IMM2_THEN_BR_IF_NE_IMM, MOV_THEN_BR_IF_GT_S, I32_ADD_IMM2_THEN_I32_LOAD_THEN_BR_IF_LT_S,
  I32_ADD_THEN_RETURN, I32_SHL_IMM_THEN_I32_XOR, I32_AND_IMM_THEN_BR_TABLE,
  I32_SHR_U_IMM_THEN_FUEL, GLOBAL_GET_THEN_BR_IF_GE_U, I64_XOR_THEN_I64_SHR_U_IMM_THEN_I64_XOR,
  I32_SHR_U_IMM_THEN_I32_STORE8, I32_ADD_THEN_I32_SHR_U_IMM, MOV_THEN_I32_ADD_IMM_BR_IF_NE_IMM,
  I32_LOAD_THEN_I32_ROTL_XOR2_SHR, I32_ADD_THEN_MOV_THEN_MOV,
  I32_ADD_IMM_THEN_CALL, I32_ADD_IMM_THEN_MOV_THEN_BR_IF_GT_S, F64_LOAD_THEN_F64_LOAD, F64_ADD_THEN_F64_STORE,
  I64_ADD_THEN_I64_LT_U,
  // pairs sharing their second's case with another pair (run.ts picks the copy by opcode)
  I32_SHL_IMM_THEN_I32_ADD, I32_ADD_THEN_FUEL, I32_AND_IMM_THEN_BR_IF,
  REF_IS_NULL_THEN_BR_UNLESS, I32_ADD_IMM_THEN_I32_LOAD_THEN_BR_IF_LT_S,
  I32_LOAD8_U_THEN_BR_IF, I32_EQ_THEN_I32_ADD, I32_LOAD8_U_THEN_I32_EQ_THEN_I32_ADD, I64_LOAD_THEN_I32_XOR,
  MOV_THEN_I32_AND, MOV_THEN_I32_XOR, MOV_THEN_I32_XOR_IMM, MOV_THEN_I32_ROTL_XOR3,
  MOV_THEN_I32_ADD_IMM_BR_IF, I32_ADD_THEN_I32_STORE, I32_XOR_THEN_I32_STORE8, I32_SUB_THEN_I32_ADD,
  I32_ADD_IMM_THEN_I32_LOAD8_U,
  // exact mode: a FUEL_MOV that falls through into the FUEL_MOV or FUEL_CONST after it (made by
  // translate.ts, not a THEN_PAIRS pair: its case is not a copy of FUEL_MOV's):  d a
  FUEL_MOV_THEN_FUEL_X,
  COUNT,
}

/**
 * Fallthrough pairs (pairs.ts): [A, B, A-then-B]. A's body runs under the pair's opcode with
 * A's operands, then B's case runs on the instruction that follows, which stays as emitted.
 */
export const THEN_PAIRS: ReadonlyArray<readonly [I, I, I]> = [
  [I.I32_ADD_IMM, I.F64_MULADD_LOAD_STORE, I.I32_ADD_IMM_THEN_F64_MULADD_LOAD_STORE],
  [I.I32_ADD_IMM2, I.I32_ADD_IMM_BR_IF_NE, I.I32_ADD_IMM2_THEN_I32_ADD_IMM_BR_IF_NE],
  [I.I32_ADD, I.I32_ADD, I.I32_ADD_THEN_I32_ADD],
  [I.MOV, I.MOV, I.MOV_THEN_MOV],
  [I.I32_ADD, I.BR_IF_LT_U_IMM, I.I32_ADD_THEN_BR_IF_LT_U_IMM],
  [I.I32_ADD_IMM, I.I32_LOAD, I.I32_ADD_IMM_THEN_I32_LOAD],
  [I.I32_ADD_IMM, I.F32_LOAD, I.I32_ADD_IMM_THEN_I32_LOAD],
  [I.I32_AND_IMM, I.I64_SHR_U, I.I32_AND_IMM_THEN_I64_SHR_U],
  [I.I64_ADD, I.I64_ADD_IMM, I.I64_ADD_THEN_I64_ADD_IMM],
  [I.I64_XOR_SHR_U_IMM, I.I64_XOR_ROTL_IMM, I.I64_XOR_SHR_U_IMM_THEN_I64_XOR_ROTL_IMM],
  [I.F64_MUL, I.F64_MUL, I.F64_MUL_THEN_F64_MUL],
  [I.I32_ADD, I.I32_MUL_IMM, I.I32_ADD_THEN_I32_MUL_IMM],
  [I.I32_MUL_IMM, I.I32_STORE, I.I32_MUL_IMM_THEN_I32_STORE],
  [I.I32_MUL_IMM, I.F32_STORE, I.I32_MUL_IMM_THEN_I32_STORE],
  [I.I32_MUL_IMM, I.I64_STORE32, I.I32_MUL_IMM_THEN_I32_STORE],
  [I.I32_STORE, I.I32_ADD_IMM_LOOP, I.I32_STORE_THEN_I32_ADD_IMM_LOOP],
  [I.I32_AND_IMM, I.BR_UNLESS, I.I32_AND_IMM_THEN_BR_UNLESS],
  [I.I64_SHR_U_IMM, I.I64_XOR, I.I64_SHR_U_IMM_THEN_I64_XOR],
  [I.I32_ADD, I.I32_GT_U_IMM, I.I32_ADD_THEN_I32_GT_U_IMM],
  [I.I32_ADD_IMM, I.BR_IF, I.I32_ADD_IMM_THEN_BR_IF],
  [I.I32_LOAD, I.BR_IF_LT_S, I.I32_LOAD_THEN_BR_IF_LT_S],
  [I.F64_MUL, I.F64_ADD_LOAD_STORE, I.F64_MUL_THEN_F64_OP_LOAD],
  [I.F64_MUL, I.F64_ADD_LOAD, I.F64_MUL_THEN_F64_OP_LOAD],
  [I.F64_MUL, I.F64_SUB_LOAD, I.F64_MUL_THEN_F64_OP_LOAD],
  [I.F64_MUL, I.F64_MUL_LOAD, I.F64_MUL_THEN_F64_OP_LOAD],
  [I.F64_MUL, I.F64_SUB_LOAD_STORE, I.F64_MUL_THEN_F64_OP_LOAD],
  [I.F64_MUL, I.F64_MUL_LOAD_STORE, I.F64_MUL_THEN_F64_OP_LOAD],
  [I.I32_STORE8_IMM, I.I32_ADD_THEN_BR_IF_LT_U_IMM, I.I32_STORE8_IMM_THEN_I32_ADD_THEN_BR_IF_LT_U_IMM],
  [I.I32_ADD_IMM, I.F64_MUL_THEN_F64_MUL, I.I32_ADD_IMM_THEN_F64_MUL2],
  [I.I32_ADD_IMM2, I.BR_IF_NE_IMM, I.I32_ADD_IMM2_THEN_BR_IF_NE_IMM],
  [I.MOV, I.BR_IF_GT_S, I.MOV_THEN_BR_IF_GT_S],
  [I.I32_ADD_IMM2, I.I32_LOAD_THEN_BR_IF_LT_S, I.I32_ADD_IMM2_THEN_I32_LOAD_THEN_BR_IF_LT_S],
  [I.I32_ADD, I.RETURN, I.I32_ADD_THEN_RETURN],
  [I.I32_SHL_IMM, I.I32_XOR, I.I32_SHL_IMM_THEN_I32_XOR],
  [I.I32_AND_IMM, I.BR_TABLE, I.I32_AND_IMM_THEN_BR_TABLE],
  [I.I32_SHR_U_IMM, I.FUEL, I.I32_SHR_U_IMM_THEN_FUEL],
  [I.GLOBAL_GET, I.BR_IF_GE_U, I.GLOBAL_GET_THEN_BR_IF_GE_U],
  [I.I64_XOR, I.I64_SHR_U_IMM_THEN_I64_XOR, I.I64_XOR_THEN_I64_SHR_U_IMM_THEN_I64_XOR],
  [I.I32_SHR_U_IMM, I.I32_STORE8, I.I32_SHR_U_IMM_THEN_I32_STORE8],
  [I.I32_ADD, I.I32_SHR_U_IMM, I.I32_ADD_THEN_I32_SHR_U_IMM],
  [I.MOV, I.I32_ADD_IMM_BR_IF_NE_IMM, I.MOV_THEN_I32_ADD_IMM_BR_IF_NE_IMM],
  [I.I32_LOAD, I.I32_ROTL_XOR2_SHR, I.I32_LOAD_THEN_I32_ROTL_XOR2_SHR],
  [I.I32_ADD, I.MOV_THEN_MOV, I.I32_ADD_THEN_MOV_THEN_MOV],
  [I.I32_ADD_IMM, I.CALL, I.I32_ADD_IMM_THEN_CALL],
  [I.I32_ADD_IMM, I.MOV_THEN_BR_IF_GT_S, I.I32_ADD_IMM_THEN_MOV_THEN_BR_IF_GT_S],
  [I.F64_LOAD, I.F64_LOAD, I.F64_LOAD_THEN_F64_LOAD],
  [I.F64_ADD, I.F64_STORE, I.F64_ADD_THEN_F64_STORE],
  [I.I64_ADD, I.I64_LT_U, I.I64_ADD_THEN_I64_LT_U],
  [I.I32_SHL_IMM, I.I32_ADD, I.I32_SHL_IMM_THEN_I32_ADD],
  [I.I32_ADD, I.FUEL, I.I32_ADD_THEN_FUEL],
  [I.I32_AND_IMM, I.BR_IF, I.I32_AND_IMM_THEN_BR_IF],
  [I.REF_IS_NULL, I.BR_UNLESS, I.REF_IS_NULL_THEN_BR_UNLESS],
  [I.I32_ADD_IMM, I.I32_LOAD_THEN_BR_IF_LT_S, I.I32_ADD_IMM_THEN_I32_LOAD_THEN_BR_IF_LT_S],
  [I.I32_LOAD8_U, I.BR_IF, I.I32_LOAD8_U_THEN_BR_IF],
  [I.I32_EQ, I.I32_ADD, I.I32_EQ_THEN_I32_ADD],
  [I.I32_LOAD8_U, I.I32_EQ_THEN_I32_ADD, I.I32_LOAD8_U_THEN_I32_EQ_THEN_I32_ADD],
  [I.I64_LOAD, I.I32_XOR, I.I64_LOAD_THEN_I32_XOR],
  [I.MOV, I.I32_AND, I.MOV_THEN_I32_AND],
  [I.MOV, I.I32_XOR, I.MOV_THEN_I32_XOR],
  [I.MOV, I.I32_XOR_IMM, I.MOV_THEN_I32_XOR_IMM],
  [I.MOV, I.I32_ROTL_XOR3, I.MOV_THEN_I32_ROTL_XOR3],
  [I.MOV, I.I32_ADD_IMM_BR_IF, I.MOV_THEN_I32_ADD_IMM_BR_IF],
  [I.I32_ADD, I.I32_STORE, I.I32_ADD_THEN_I32_STORE],
  [I.I32_XOR, I.I32_STORE8, I.I32_XOR_THEN_I32_STORE8],
  [I.I32_SUB, I.I32_ADD, I.I32_SUB_THEN_I32_ADD],
  [I.I32_ADD_IMM, I.I32_LOAD8_U, I.I32_ADD_IMM_THEN_I32_LOAD8_U],
  [I.I32_ADD_IMM, I.V128_LOAD, I.I32_ADD_IMM_THEN_V128_LOAD],
];

/** A pair's opcode -> its first instruction's opcode (the operands are that op's). */
const THEN_FIRST: (I | undefined)[] = [];
for (const [a, , then] of THEN_PAIRS) THEN_FIRST[then] = a;

/** Operand words following each internal opcode (BR_TABLE is variable: 2 + n + 1). */
export function operandCount(op: number): number {
  const first = THEN_FIRST[op];
  if (first !== undefined) op = first;
  switch (op) {
    case I.NOP: case I.UNREACHABLE: return 0;
    case I.BR: case I.THROW_REF: case I.RETHROW: case I.REF_NULL: return 1;
    case I.FUEL: case I.BR_IF: case I.BR_UNLESS: case I.RETURN: case I.CALL: case I.CALL_REF:
    case I.THROW: case I.BR_ON_NULL: case I.BR_ON_NON_NULL: case I.MOV: case I.MOV_REF:
    case I.MOV_V128: case I.REF_FUNC: case I.REF_IS_NULL: case I.REF_AS_NON_NULL:
    case I.GLOBAL_GET: case I.GLOBAL_SET: case I.GLOBAL_GET_REF: case I.GLOBAL_SET_REF:
    case I.GLOBAL_GET_V128: case I.GLOBAL_SET_V128:
    case I.I32_EQZ: case I.I32_CLZ: case I.I32_CTZ: case I.I32_POPCNT: case I.I32_EXTEND8_S:
    case I.I32_EXTEND16_S: case I.I32_WRAP_I64: case I.I64_EQZ: case I.I64_EXTEND_I32_S:
    case I.I64_EXTEND_I32_U: case I.F64_CONVERT_I32_S: case I.F64_CONVERT_I32_U: case I.F64_SQRT:
      return 2;
    case I.FUEL_MOV: case I.FUEL_MOV_THEN_FUEL_X: case I.STRUCT_NEW: case I.I16X8_EXTEND_LOW_I8X16_U: case I.I32X4_EXTEND_LOW_I16X8_U:
    case I.I16X8_EXTEND_HIGH_I8X16_U: case I.I32X4_SPLAT: case I.I64X2_SPLAT: return 2;
    case I.V128_SHUFFLE_W: return 7;
    case I.I16X8_MUL_EXTEND: case I.I16X8_ADD_SHR_U_IMM: case I.F32X4_PMAX_PMIN: return 4;
    case I.V128_OP_LOAD: return 7;
    case I.V128_LOAD32_ZERO: case I.V128_LOAD64_ZERO: return 4;
    case I.I64_XOR_SHR_U_IMM: case I.V128_UN: case I.I32X4_EXTEND_U8: return 3;
    case I.V128_BIN: case I.V128_LOAD: case I.V128_STORE: case I.V128_SHUFFLE: case I.V128_SHUFFLE_MASKED: return 4;
    case I.V128_LANE: case I.V128_TERN: return 5;
    case I.RETURN_CALL: case I.RETURN_CALL_REF: case I.CONST: case I.FUEL_CONST: return 3;
    case I.CALL_INDIRECT: case I.SELECT: case I.SELECT_REF: case I.SELECT_V128: return 4;
    case I.RETURN_CALL_INDIRECT: case I.CONST_V128: return 5;
    case I.CALL_MOV1: return 4;
    case I.CALL_MOV2: return 6;
    case I.I64_ADD_IMM: case I.I64_AND_IMM: case I.I64_OR_IMM: case I.I64_XOR_IMM:
    case I.I64_SHL_IMM: case I.I64_SHR_S_IMM: case I.I64_SHR_U_IMM: case I.I64_MUL_IMM:
    case I.I64_ROTL_IMM: case I.NUM: return 4;
    case I.SLOW: case I.F64_ADD_LOAD: case I.F64_SUB_LOAD: case I.F64_MUL_LOAD:
    case I.F64_ADD_LOAD_STORE: case I.F64_SUB_LOAD_STORE: case I.F64_MUL_LOAD_STORE:
    case I.F64_LOAD_ADD: case I.F64_LOAD_SUB: case I.F64_LOAD_MUL: case I.F32_ADD_LOAD:
    case I.F32_SUB_LOAD: case I.F32_MUL_LOAD: case I.F32_LOAD_ADD: case I.F32_LOAD_SUB: case I.F32_LOAD_MUL:
    case I.I32_ADD_IMM2: case I.I32_ADD_IMM_BR_IF_NE: case I.I32_ADD_IMM_BR_IF_NE_IMM: return 6;
    case I.I32_ROTL_XOR2: case I.I64_XOR_ROTL_IMM: return 4;
    case I.BR_LOOP: return 7;
    case I.I32_ADD_IMM_LOOP: return 10;
    case I.I32_ADD_LOAD: case I.I32_ADD_LOAD8_S: case I.I32_ADD_LOAD8_U: case I.I32_ADD_LOAD16_S:
    case I.SELECT_LT_S: case I.SELECT_GT_S: case I.SELECT_LT_U: case I.SELECT_GT_U:
    case I.SELECT_F32_LT: case I.SELECT_F32_GT: case I.SELECT_F64_LT: case I.SELECT_F64_GT:
    case I.I32_ADD_LOAD16_U: case I.I32_MUL_LOAD: case I.I32_MUL_LOAD8_S: case I.I32_MUL_LOAD8_U:
    case I.I32_MUL_LOAD16_S: case I.I32_MUL_LOAD16_U: return 5;
    case I.F64_MULADD_LOAD_STORE: case I.F64_MULADD_MEM: return 8;
    case I.I32_ROTL_XOR3: case I.I32_ROTL_XOR2_SHR: return 5;
    case I.F64_MUL_ADD: case I.F64_ADD_MUL: case I.F64_MUL_SUB: case I.F64_SUB_MUL: return 5;
    case I.I32_LOAD: case I.I64_LOAD: case I.F32_LOAD: case I.F64_LOAD: case I.I32_LOAD8_S:
    case I.I32_LOAD8_U: case I.I32_LOAD16_S: case I.I32_LOAD16_U: case I.I64_LOAD8_S:
    case I.I64_LOAD8_U: case I.I64_LOAD16_S: case I.I64_LOAD16_U: case I.I64_LOAD32_S:
    case I.I64_LOAD32_U: case I.I32_STORE: case I.I64_STORE: case I.F32_STORE: case I.F64_STORE:
    case I.I32_STORE8: case I.I32_STORE16: case I.I64_STORE8: case I.I64_STORE16:
    case I.I64_STORE32: case I.I32_STORE_IMM: case I.I32_STORE8_IMM: case I.I32_STORE16_IMM:
    case I.I32_ADD_IMM_BR: case I.I32_ADD_IMM_BR_IF: return 4;
    case I.I64_STORE_IMM: case I.I64_XOR_SHR_U_MUL_IMM: return 5;
    default: return 3; // binary ops d a b, loads d a off, stores a v off, fused branches a b t
  }
}

/** Words of the instruction at `pc` (opcode and operands; BR_TABLE's depend on its count). */
export function instructionSize(code: ArrayLike<number>, pc: number): number {
  return 1 + (code[pc] === I.BR_TABLE ? 2 + code[pc + 2] + 1 : operandCount(code[pc]));
}
