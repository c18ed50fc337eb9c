// The one table of WebAssembly instructions. Every other part of the engine (decoder, encoder,
// text parser, validator, disassembler, interpreter translator) reads instructions through it;
// nothing else lists opcodes.
//
// Row syntax:   CODE NAME [IMMEDIATE ...] [null] [: PARAMS -> RESULTS]
//   - `@group PREFIX FEATURE` sets the prefix byte (0 for single-byte opcodes) and the feature
//     (proposal) of the rows that follow. Prefixed opcodes are PREFIX then a u32 LEB128 CODE.
//   - IMMEDIATE kinds are listed in binary order (see ImmKind). `memarg/N` carries N = log2 of
//     the natural alignment; `lane/N` the lane count (lane index must be < N).
//   - `null` marks the nullable twin of ref.test / ref.cast / ref.cast_desc_eq (same mnemonic).
//   - `: PARAMS -> RESULTS` is the fixed stack type. `addr` is the address type of the memory
//     named by the memarg or memory immediate (i32, or i64 for memory64). `T!` is a non-null
//     reference. Rows without a signature are typed by the validator's own rule.

import type { RefType, ValType } from './types.js';
import { refType } from './types.js';

export type ImmKind =
  | 'blocktype' | 'label' | 'labels' | 'func' | 'type' | 'table' | 'memory' | 'global'
  | 'local' | 'tag' | 'elem' | 'data' | 'memarg' | 'i32' | 'i64' | 'f32' | 'f64' | 'v128'
  | 'lane' | 'shuffle' | 'heaptype' | 'valtypes' | 'field' | 'u32' | 'castflags' | 'catches'
  | 'zero';

export type Feature =
  | 'mvp' | 'sign-ext' | 'sat-conv' | 'bulk-memory' | 'ref-types' | 'tail-call'
  | 'function-references' | 'gc' | 'exceptions' | 'legacy-exceptions' | 'wide-arithmetic'
  | 'custom-descriptors' | 'simd' | 'relaxed-simd' | 'threads';

/** A signature slot: a value type, or `addr` (the memory's address type). */
export type SigType = ValType | 'addr';

export interface OpInfo {
  /** Dense index into OPS; the interpreter and validator switch on it. */
  readonly id: number;
  /** Text-format mnemonic. Two rows share one (ref.test/ref.cast nullable twins, select). */
  readonly name: string;
  /** 0 for single-byte opcodes, else 0xfb, 0xfc, 0xfd or 0xfe. */
  readonly prefix: number;
  readonly code: number;
  readonly imms: readonly ImmKind[];
  /** For memarg ops: log2 of the natural alignment (the largest valid alignment). */
  readonly naturalAlign: number;
  /** For lane ops: the number of lanes (the lane immediate must be below it). */
  readonly laneCount: number;
  /** The nullable twin of a cast/test opcode. */
  readonly nullable: boolean;
  /** Fixed signature, or null when the validator types the instruction itself. */
  readonly params: readonly SigType[] | null;
  readonly results: readonly SigType[] | null;
  readonly feature: Feature;
}

const TABLE = `
@group 0x00 mvp
0x00 unreachable
0x01 nop
0x02 block blocktype
0x03 loop blocktype
0x04 if blocktype
0x05 else
0x0b end
0x0c br label
0x0d br_if label
0x0e br_table labels
0x0f return
0x10 call func
0x11 call_indirect type table
0x1a drop
0x1b select
0x20 local.get local
0x21 local.set local
0x22 local.tee local
0x23 global.get global
0x24 global.set global
0x28 i32.load memarg/2 : addr -> i32
0x29 i64.load memarg/3 : addr -> i64
0x2a f32.load memarg/2 : addr -> f32
0x2b f64.load memarg/3 : addr -> f64
0x2c i32.load8_s memarg/0 : addr -> i32
0x2d i32.load8_u memarg/0 : addr -> i32
0x2e i32.load16_s memarg/1 : addr -> i32
0x2f i32.load16_u memarg/1 : addr -> i32
0x30 i64.load8_s memarg/0 : addr -> i64
0x31 i64.load8_u memarg/0 : addr -> i64
0x32 i64.load16_s memarg/1 : addr -> i64
0x33 i64.load16_u memarg/1 : addr -> i64
0x34 i64.load32_s memarg/2 : addr -> i64
0x35 i64.load32_u memarg/2 : addr -> i64
0x36 i32.store memarg/2 : addr i32 ->
0x37 i64.store memarg/3 : addr i64 ->
0x38 f32.store memarg/2 : addr f32 ->
0x39 f64.store memarg/3 : addr f64 ->
0x3a i32.store8 memarg/0 : addr i32 ->
0x3b i32.store16 memarg/1 : addr i32 ->
0x3c i64.store8 memarg/0 : addr i64 ->
0x3d i64.store16 memarg/1 : addr i64 ->
0x3e i64.store32 memarg/2 : addr i64 ->
0x3f memory.size memory : -> addr
0x40 memory.grow memory : addr -> addr
0x41 i32.const i32 : -> i32
0x42 i64.const i64 : -> i64
0x43 f32.const f32 : -> f32
0x44 f64.const f64 : -> f64
0x45 i32.eqz : i32 -> i32
0x46 i32.eq : i32 i32 -> i32
0x47 i32.ne : i32 i32 -> i32
0x48 i32.lt_s : i32 i32 -> i32
0x49 i32.lt_u : i32 i32 -> i32
0x4a i32.gt_s : i32 i32 -> i32
0x4b i32.gt_u : i32 i32 -> i32
0x4c i32.le_s : i32 i32 -> i32
0x4d i32.le_u : i32 i32 -> i32
0x4e i32.ge_s : i32 i32 -> i32
0x4f i32.ge_u : i32 i32 -> i32
0x50 i64.eqz : i64 -> i32
0x51 i64.eq : i64 i64 -> i32
0x52 i64.ne : i64 i64 -> i32
0x53 i64.lt_s : i64 i64 -> i32
0x54 i64.lt_u : i64 i64 -> i32
0x55 i64.gt_s : i64 i64 -> i32
0x56 i64.gt_u : i64 i64 -> i32
0x57 i64.le_s : i64 i64 -> i32
0x58 i64.le_u : i64 i64 -> i32
0x59 i64.ge_s : i64 i64 -> i32
0x5a i64.ge_u : i64 i64 -> i32
0x5b f32.eq : f32 f32 -> i32
0x5c f32.ne : f32 f32 -> i32
0x5d f32.lt : f32 f32 -> i32
0x5e f32.gt : f32 f32 -> i32
0x5f f32.le : f32 f32 -> i32
0x60 f32.ge : f32 f32 -> i32
0x61 f64.eq : f64 f64 -> i32
0x62 f64.ne : f64 f64 -> i32
0x63 f64.lt : f64 f64 -> i32
0x64 f64.gt : f64 f64 -> i32
0x65 f64.le : f64 f64 -> i32
0x66 f64.ge : f64 f64 -> i32
0x67 i32.clz : i32 -> i32
0x68 i32.ctz : i32 -> i32
0x69 i32.popcnt : i32 -> i32
0x6a i32.add : i32 i32 -> i32
0x6b i32.sub : i32 i32 -> i32
0x6c i32.mul : i32 i32 -> i32
0x6d i32.div_s : i32 i32 -> i32
0x6e i32.div_u : i32 i32 -> i32
0x6f i32.rem_s : i32 i32 -> i32
0x70 i32.rem_u : i32 i32 -> i32
0x71 i32.and : i32 i32 -> i32
0x72 i32.or : i32 i32 -> i32
0x73 i32.xor : i32 i32 -> i32
0x74 i32.shl : i32 i32 -> i32
0x75 i32.shr_s : i32 i32 -> i32
0x76 i32.shr_u : i32 i32 -> i32
0x77 i32.rotl : i32 i32 -> i32
0x78 i32.rotr : i32 i32 -> i32
0x79 i64.clz : i64 -> i64
0x7a i64.ctz : i64 -> i64
0x7b i64.popcnt : i64 -> i64
0x7c i64.add : i64 i64 -> i64
0x7d i64.sub : i64 i64 -> i64
0x7e i64.mul : i64 i64 -> i64
0x7f i64.div_s : i64 i64 -> i64
0x80 i64.div_u : i64 i64 -> i64
0x81 i64.rem_s : i64 i64 -> i64
0x82 i64.rem_u : i64 i64 -> i64
0x83 i64.and : i64 i64 -> i64
0x84 i64.or : i64 i64 -> i64
0x85 i64.xor : i64 i64 -> i64
0x86 i64.shl : i64 i64 -> i64
0x87 i64.shr_s : i64 i64 -> i64
0x88 i64.shr_u : i64 i64 -> i64
0x89 i64.rotl : i64 i64 -> i64
0x8a i64.rotr : i64 i64 -> i64
0x8b f32.abs : f32 -> f32
0x8c f32.neg : f32 -> f32
0x8d f32.ceil : f32 -> f32
0x8e f32.floor : f32 -> f32
0x8f f32.trunc : f32 -> f32
0x90 f32.nearest : f32 -> f32
0x91 f32.sqrt : f32 -> f32
0x92 f32.add : f32 f32 -> f32
0x93 f32.sub : f32 f32 -> f32
0x94 f32.mul : f32 f32 -> f32
0x95 f32.div : f32 f32 -> f32
0x96 f32.min : f32 f32 -> f32
0x97 f32.max : f32 f32 -> f32
0x98 f32.copysign : f32 f32 -> f32
0x99 f64.abs : f64 -> f64
0x9a f64.neg : f64 -> f64
0x9b f64.ceil : f64 -> f64
0x9c f64.floor : f64 -> f64
0x9d f64.trunc : f64 -> f64
0x9e f64.nearest : f64 -> f64
0x9f f64.sqrt : f64 -> f64
0xa0 f64.add : f64 f64 -> f64
0xa1 f64.sub : f64 f64 -> f64
0xa2 f64.mul : f64 f64 -> f64
0xa3 f64.div : f64 f64 -> f64
0xa4 f64.min : f64 f64 -> f64
0xa5 f64.max : f64 f64 -> f64
0xa6 f64.copysign : f64 f64 -> f64
0xa7 i32.wrap_i64 : i64 -> i32
0xa8 i32.trunc_f32_s : f32 -> i32
0xa9 i32.trunc_f32_u : f32 -> i32
0xaa i32.trunc_f64_s : f64 -> i32
0xab i32.trunc_f64_u : f64 -> i32
0xac i64.extend_i32_s : i32 -> i64
0xad i64.extend_i32_u : i32 -> i64
0xae i64.trunc_f32_s : f32 -> i64
0xaf i64.trunc_f32_u : f32 -> i64
0xb0 i64.trunc_f64_s : f64 -> i64
0xb1 i64.trunc_f64_u : f64 -> i64
0xb2 f32.convert_i32_s : i32 -> f32
0xb3 f32.convert_i32_u : i32 -> f32
0xb4 f32.convert_i64_s : i64 -> f32
0xb5 f32.convert_i64_u : i64 -> f32
0xb6 f32.demote_f64 : f64 -> f32
0xb7 f64.convert_i32_s : i32 -> f64
0xb8 f64.convert_i32_u : i32 -> f64
0xb9 f64.convert_i64_s : i64 -> f64
0xba f64.convert_i64_u : i64 -> f64
0xbb f64.promote_f32 : f32 -> f64
0xbc i32.reinterpret_f32 : f32 -> i32
0xbd i64.reinterpret_f64 : f64 -> i64
0xbe f32.reinterpret_i32 : i32 -> f32
0xbf f64.reinterpret_i64 : i64 -> f64
@group 0x00 sign-ext
0xc0 i32.extend8_s : i32 -> i32
0xc1 i32.extend16_s : i32 -> i32
0xc2 i64.extend8_s : i64 -> i64
0xc3 i64.extend16_s : i64 -> i64
0xc4 i64.extend32_s : i64 -> i64
@group 0x00 ref-types
0x1c select valtypes
0x25 table.get table
0x26 table.set table
0xd0 ref.null heaptype
0xd1 ref.is_null
0xd2 ref.func func
@group 0x00 tail-call
0x12 return_call func
0x13 return_call_indirect type table
@group 0x00 function-references
0x14 call_ref type
0x15 return_call_ref type
0xd4 ref.as_non_null
0xd5 br_on_null label
0xd6 br_on_non_null label
@group 0x00 gc
0xd3 ref.eq : eqref eqref -> i32
@group 0x00 exceptions
0x08 throw tag
0x0a throw_ref
0x1f try_table blocktype catches
@group 0x00 legacy-exceptions
0x06 try blocktype
0x07 catch tag
0x09 rethrow label
0x18 delegate label
0x19 catch_all
@group 0xfc sat-conv
0x00 i32.trunc_sat_f32_s : f32 -> i32
0x01 i32.trunc_sat_f32_u : f32 -> i32
0x02 i32.trunc_sat_f64_s : f64 -> i32
0x03 i32.trunc_sat_f64_u : f64 -> i32
0x04 i64.trunc_sat_f32_s : f32 -> i64
0x05 i64.trunc_sat_f32_u : f32 -> i64
0x06 i64.trunc_sat_f64_s : f64 -> i64
0x07 i64.trunc_sat_f64_u : f64 -> i64
@group 0xfc bulk-memory
0x08 memory.init data memory
0x09 data.drop data : ->
0x0a memory.copy memory memory
0x0b memory.fill memory
0x0c table.init elem table
0x0d elem.drop elem : ->
0x0e table.copy table table
0x0f table.grow table
0x10 table.size table
0x11 table.fill table
@group 0xfc wide-arithmetic
0x13 i64.add128 : i64 i64 i64 i64 -> i64 i64
0x14 i64.sub128 : i64 i64 i64 i64 -> i64 i64
0x15 i64.mul_wide_s : i64 i64 -> i64 i64
0x16 i64.mul_wide_u : i64 i64 -> i64 i64
@group 0xfb gc
0x00 struct.new type
0x01 struct.new_default type
0x02 struct.get type field
0x03 struct.get_s type field
0x04 struct.get_u type field
0x05 struct.set type field
0x06 array.new type
0x07 array.new_default type
0x08 array.new_fixed type u32
0x09 array.new_data type data
0x0a array.new_elem type elem
0x0b array.get type
0x0c array.get_s type
0x0d array.get_u type
0x0e array.set type
0x0f array.len : arrayref -> i32
0x10 array.fill type
0x11 array.copy type type
0x12 array.init_data type data
0x13 array.init_elem type elem
0x14 ref.test heaptype
0x15 ref.test heaptype null
0x16 ref.cast heaptype
0x17 ref.cast heaptype null
0x18 br_on_cast castflags label heaptype heaptype
0x19 br_on_cast_fail castflags label heaptype heaptype
0x1a any.convert_extern
0x1b extern.convert_any
0x1c ref.i31 : i32 -> i31ref!
0x1d i31.get_s : i31ref -> i32
0x1e i31.get_u : i31ref -> i32
@group 0xfb custom-descriptors
0x20 struct.new_desc type
0x21 struct.new_default_desc type
0x22 ref.get_desc type
0x23 ref.cast_desc_eq heaptype
0x24 ref.cast_desc_eq heaptype null
0x25 br_on_cast_desc_eq castflags label heaptype heaptype
0x26 br_on_cast_desc_eq_fail castflags label heaptype heaptype
@group 0xfd simd
0x00 v128.load memarg/4 : addr -> v128
0x01 v128.load8x8_s memarg/3 : addr -> v128
0x02 v128.load8x8_u memarg/3 : addr -> v128
0x03 v128.load16x4_s memarg/3 : addr -> v128
0x04 v128.load16x4_u memarg/3 : addr -> v128
0x05 v128.load32x2_s memarg/3 : addr -> v128
0x06 v128.load32x2_u memarg/3 : addr -> v128
0x07 v128.load8_splat memarg/0 : addr -> v128
0x08 v128.load16_splat memarg/1 : addr -> v128
0x09 v128.load32_splat memarg/2 : addr -> v128
0x0a v128.load64_splat memarg/3 : addr -> v128
0x0b v128.store memarg/4 : addr v128 ->
0x0c v128.const v128 : -> v128
0x0d i8x16.shuffle shuffle : v128 v128 -> v128
0x0e i8x16.swizzle : v128 v128 -> v128
0x0f i8x16.splat : i32 -> v128
0x10 i16x8.splat : i32 -> v128
0x11 i32x4.splat : i32 -> v128
0x12 i64x2.splat : i64 -> v128
0x13 f32x4.splat : f32 -> v128
0x14 f64x2.splat : f64 -> v128
0x15 i8x16.extract_lane_s lane/16 : v128 -> i32
0x16 i8x16.extract_lane_u lane/16 : v128 -> i32
0x17 i8x16.replace_lane lane/16 : v128 i32 -> v128
0x18 i16x8.extract_lane_s lane/8 : v128 -> i32
0x19 i16x8.extract_lane_u lane/8 : v128 -> i32
0x1a i16x8.replace_lane lane/8 : v128 i32 -> v128
0x1b i32x4.extract_lane lane/4 : v128 -> i32
0x1c i32x4.replace_lane lane/4 : v128 i32 -> v128
0x1d i64x2.extract_lane lane/2 : v128 -> i64
0x1e i64x2.replace_lane lane/2 : v128 i64 -> v128
0x1f f32x4.extract_lane lane/4 : v128 -> f32
0x20 f32x4.replace_lane lane/4 : v128 f32 -> v128
0x21 f64x2.extract_lane lane/2 : v128 -> f64
0x22 f64x2.replace_lane lane/2 : v128 f64 -> v128
0x23 i8x16.eq : v128 v128 -> v128
0x24 i8x16.ne : v128 v128 -> v128
0x25 i8x16.lt_s : v128 v128 -> v128
0x26 i8x16.lt_u : v128 v128 -> v128
0x27 i8x16.gt_s : v128 v128 -> v128
0x28 i8x16.gt_u : v128 v128 -> v128
0x29 i8x16.le_s : v128 v128 -> v128
0x2a i8x16.le_u : v128 v128 -> v128
0x2b i8x16.ge_s : v128 v128 -> v128
0x2c i8x16.ge_u : v128 v128 -> v128
0x2d i16x8.eq : v128 v128 -> v128
0x2e i16x8.ne : v128 v128 -> v128
0x2f i16x8.lt_s : v128 v128 -> v128
0x30 i16x8.lt_u : v128 v128 -> v128
0x31 i16x8.gt_s : v128 v128 -> v128
0x32 i16x8.gt_u : v128 v128 -> v128
0x33 i16x8.le_s : v128 v128 -> v128
0x34 i16x8.le_u : v128 v128 -> v128
0x35 i16x8.ge_s : v128 v128 -> v128
0x36 i16x8.ge_u : v128 v128 -> v128
0x37 i32x4.eq : v128 v128 -> v128
0x38 i32x4.ne : v128 v128 -> v128
0x39 i32x4.lt_s : v128 v128 -> v128
0x3a i32x4.lt_u : v128 v128 -> v128
0x3b i32x4.gt_s : v128 v128 -> v128
0x3c i32x4.gt_u : v128 v128 -> v128
0x3d i32x4.le_s : v128 v128 -> v128
0x3e i32x4.le_u : v128 v128 -> v128
0x3f i32x4.ge_s : v128 v128 -> v128
0x40 i32x4.ge_u : v128 v128 -> v128
0x41 f32x4.eq : v128 v128 -> v128
0x42 f32x4.ne : v128 v128 -> v128
0x43 f32x4.lt : v128 v128 -> v128
0x44 f32x4.gt : v128 v128 -> v128
0x45 f32x4.le : v128 v128 -> v128
0x46 f32x4.ge : v128 v128 -> v128
0x47 f64x2.eq : v128 v128 -> v128
0x48 f64x2.ne : v128 v128 -> v128
0x49 f64x2.lt : v128 v128 -> v128
0x4a f64x2.gt : v128 v128 -> v128
0x4b f64x2.le : v128 v128 -> v128
0x4c f64x2.ge : v128 v128 -> v128
0x4d v128.not : v128 -> v128
0x4e v128.and : v128 v128 -> v128
0x4f v128.andnot : v128 v128 -> v128
0x50 v128.or : v128 v128 -> v128
0x51 v128.xor : v128 v128 -> v128
0x52 v128.bitselect : v128 v128 v128 -> v128
0x53 v128.any_true : v128 -> i32
0x54 v128.load8_lane memarg/0 lane/16 : addr v128 -> v128
0x55 v128.load16_lane memarg/1 lane/8 : addr v128 -> v128
0x56 v128.load32_lane memarg/2 lane/4 : addr v128 -> v128
0x57 v128.load64_lane memarg/3 lane/2 : addr v128 -> v128
0x58 v128.store8_lane memarg/0 lane/16 : addr v128 ->
0x59 v128.store16_lane memarg/1 lane/8 : addr v128 ->
0x5a v128.store32_lane memarg/2 lane/4 : addr v128 ->
0x5b v128.store64_lane memarg/3 lane/2 : addr v128 ->
0x5c v128.load32_zero memarg/2 : addr -> v128
0x5d v128.load64_zero memarg/3 : addr -> v128
0x5e f32x4.demote_f64x2_zero : v128 -> v128
0x5f f64x2.promote_low_f32x4 : v128 -> v128
0x60 i8x16.abs : v128 -> v128
0x61 i8x16.neg : v128 -> v128
0x62 i8x16.popcnt : v128 -> v128
0x63 i8x16.all_true : v128 -> i32
0x64 i8x16.bitmask : v128 -> i32
0x65 i8x16.narrow_i16x8_s : v128 v128 -> v128
0x66 i8x16.narrow_i16x8_u : v128 v128 -> v128
0x67 f32x4.ceil : v128 -> v128
0x68 f32x4.floor : v128 -> v128
0x69 f32x4.trunc : v128 -> v128
0x6a f32x4.nearest : v128 -> v128
0x6b i8x16.shl : v128 i32 -> v128
0x6c i8x16.shr_s : v128 i32 -> v128
0x6d i8x16.shr_u : v128 i32 -> v128
0x6e i8x16.add : v128 v128 -> v128
0x6f i8x16.add_sat_s : v128 v128 -> v128
0x70 i8x16.add_sat_u : v128 v128 -> v128
0x71 i8x16.sub : v128 v128 -> v128
0x72 i8x16.sub_sat_s : v128 v128 -> v128
0x73 i8x16.sub_sat_u : v128 v128 -> v128
0x74 f64x2.ceil : v128 -> v128
0x75 f64x2.floor : v128 -> v128
0x76 i8x16.min_s : v128 v128 -> v128
0x77 i8x16.min_u : v128 v128 -> v128
0x78 i8x16.max_s : v128 v128 -> v128
0x79 i8x16.max_u : v128 v128 -> v128
0x7a f64x2.trunc : v128 -> v128
0x7b i8x16.avgr_u : v128 v128 -> v128
0x7c i16x8.extadd_pairwise_i8x16_s : v128 -> v128
0x7d i16x8.extadd_pairwise_i8x16_u : v128 -> v128
0x7e i32x4.extadd_pairwise_i16x8_s : v128 -> v128
0x7f i32x4.extadd_pairwise_i16x8_u : v128 -> v128
0x80 i16x8.abs : v128 -> v128
0x81 i16x8.neg : v128 -> v128
0x82 i16x8.q15mulr_sat_s : v128 v128 -> v128
0x83 i16x8.all_true : v128 -> i32
0x84 i16x8.bitmask : v128 -> i32
0x85 i16x8.narrow_i32x4_s : v128 v128 -> v128
0x86 i16x8.narrow_i32x4_u : v128 v128 -> v128
0x87 i16x8.extend_low_i8x16_s : v128 -> v128
0x88 i16x8.extend_high_i8x16_s : v128 -> v128
0x89 i16x8.extend_low_i8x16_u : v128 -> v128
0x8a i16x8.extend_high_i8x16_u : v128 -> v128
0x8b i16x8.shl : v128 i32 -> v128
0x8c i16x8.shr_s : v128 i32 -> v128
0x8d i16x8.shr_u : v128 i32 -> v128
0x8e i16x8.add : v128 v128 -> v128
0x8f i16x8.add_sat_s : v128 v128 -> v128
0x90 i16x8.add_sat_u : v128 v128 -> v128
0x91 i16x8.sub : v128 v128 -> v128
0x92 i16x8.sub_sat_s : v128 v128 -> v128
0x93 i16x8.sub_sat_u : v128 v128 -> v128
0x94 f64x2.nearest : v128 -> v128
0x95 i16x8.mul : v128 v128 -> v128
0x96 i16x8.min_s : v128 v128 -> v128
0x97 i16x8.min_u : v128 v128 -> v128
0x98 i16x8.max_s : v128 v128 -> v128
0x99 i16x8.max_u : v128 v128 -> v128
0x9b i16x8.avgr_u : v128 v128 -> v128
0x9c i16x8.extmul_low_i8x16_s : v128 v128 -> v128
0x9d i16x8.extmul_high_i8x16_s : v128 v128 -> v128
0x9e i16x8.extmul_low_i8x16_u : v128 v128 -> v128
0x9f i16x8.extmul_high_i8x16_u : v128 v128 -> v128
0xa0 i32x4.abs : v128 -> v128
0xa1 i32x4.neg : v128 -> v128
0xa3 i32x4.all_true : v128 -> i32
0xa4 i32x4.bitmask : v128 -> i32
0xa7 i32x4.extend_low_i16x8_s : v128 -> v128
0xa8 i32x4.extend_high_i16x8_s : v128 -> v128
0xa9 i32x4.extend_low_i16x8_u : v128 -> v128
0xaa i32x4.extend_high_i16x8_u : v128 -> v128
0xab i32x4.shl : v128 i32 -> v128
0xac i32x4.shr_s : v128 i32 -> v128
0xad i32x4.shr_u : v128 i32 -> v128
0xae i32x4.add : v128 v128 -> v128
0xb1 i32x4.sub : v128 v128 -> v128
0xb5 i32x4.mul : v128 v128 -> v128
0xb6 i32x4.min_s : v128 v128 -> v128
0xb7 i32x4.min_u : v128 v128 -> v128
0xb8 i32x4.max_s : v128 v128 -> v128
0xb9 i32x4.max_u : v128 v128 -> v128
0xba i32x4.dot_i16x8_s : v128 v128 -> v128
0xbc i32x4.extmul_low_i16x8_s : v128 v128 -> v128
0xbd i32x4.extmul_high_i16x8_s : v128 v128 -> v128
0xbe i32x4.extmul_low_i16x8_u : v128 v128 -> v128
0xbf i32x4.extmul_high_i16x8_u : v128 v128 -> v128
0xc0 i64x2.abs : v128 -> v128
0xc1 i64x2.neg : v128 -> v128
0xc3 i64x2.all_true : v128 -> i32
0xc4 i64x2.bitmask : v128 -> i32
0xc7 i64x2.extend_low_i32x4_s : v128 -> v128
0xc8 i64x2.extend_high_i32x4_s : v128 -> v128
0xc9 i64x2.extend_low_i32x4_u : v128 -> v128
0xca i64x2.extend_high_i32x4_u : v128 -> v128
0xcb i64x2.shl : v128 i32 -> v128
0xcc i64x2.shr_s : v128 i32 -> v128
0xcd i64x2.shr_u : v128 i32 -> v128
0xce i64x2.add : v128 v128 -> v128
0xd1 i64x2.sub : v128 v128 -> v128
0xd5 i64x2.mul : v128 v128 -> v128
0xd6 i64x2.eq : v128 v128 -> v128
0xd7 i64x2.ne : v128 v128 -> v128
0xd8 i64x2.lt_s : v128 v128 -> v128
0xd9 i64x2.gt_s : v128 v128 -> v128
0xda i64x2.le_s : v128 v128 -> v128
0xdb i64x2.ge_s : v128 v128 -> v128
0xdc i64x2.extmul_low_i32x4_s : v128 v128 -> v128
0xdd i64x2.extmul_high_i32x4_s : v128 v128 -> v128
0xde i64x2.extmul_low_i32x4_u : v128 v128 -> v128
0xdf i64x2.extmul_high_i32x4_u : v128 v128 -> v128
0xe0 f32x4.abs : v128 -> v128
0xe1 f32x4.neg : v128 -> v128
0xe3 f32x4.sqrt : v128 -> v128
0xe4 f32x4.add : v128 v128 -> v128
0xe5 f32x4.sub : v128 v128 -> v128
0xe6 f32x4.mul : v128 v128 -> v128
0xe7 f32x4.div : v128 v128 -> v128
0xe8 f32x4.min : v128 v128 -> v128
0xe9 f32x4.max : v128 v128 -> v128
0xea f32x4.pmin : v128 v128 -> v128
0xeb f32x4.pmax : v128 v128 -> v128
0xec f64x2.abs : v128 -> v128
0xed f64x2.neg : v128 -> v128
0xef f64x2.sqrt : v128 -> v128
0xf0 f64x2.add : v128 v128 -> v128
0xf1 f64x2.sub : v128 v128 -> v128
0xf2 f64x2.mul : v128 v128 -> v128
0xf3 f64x2.div : v128 v128 -> v128
0xf4 f64x2.min : v128 v128 -> v128
0xf5 f64x2.max : v128 v128 -> v128
0xf6 f64x2.pmin : v128 v128 -> v128
0xf7 f64x2.pmax : v128 v128 -> v128
0xf8 i32x4.trunc_sat_f32x4_s : v128 -> v128
0xf9 i32x4.trunc_sat_f32x4_u : v128 -> v128
0xfa f32x4.convert_i32x4_s : v128 -> v128
0xfb f32x4.convert_i32x4_u : v128 -> v128
0xfc i32x4.trunc_sat_f64x2_s_zero : v128 -> v128
0xfd i32x4.trunc_sat_f64x2_u_zero : v128 -> v128
0xfe f64x2.convert_low_i32x4_s : v128 -> v128
0xff f64x2.convert_low_i32x4_u : v128 -> v128
@group 0xfd relaxed-simd
0x100 i8x16.relaxed_swizzle : v128 v128 -> v128
0x101 i32x4.relaxed_trunc_f32x4_s : v128 -> v128
0x102 i32x4.relaxed_trunc_f32x4_u : v128 -> v128
0x103 i32x4.relaxed_trunc_f64x2_s_zero : v128 -> v128
0x104 i32x4.relaxed_trunc_f64x2_u_zero : v128 -> v128
0x105 f32x4.relaxed_madd : v128 v128 v128 -> v128
0x106 f32x4.relaxed_nmadd : v128 v128 v128 -> v128
0x107 f64x2.relaxed_madd : v128 v128 v128 -> v128
0x108 f64x2.relaxed_nmadd : v128 v128 v128 -> v128
0x109 i8x16.relaxed_laneselect : v128 v128 v128 -> v128
0x10a i16x8.relaxed_laneselect : v128 v128 v128 -> v128
0x10b i32x4.relaxed_laneselect : v128 v128 v128 -> v128
0x10c i64x2.relaxed_laneselect : v128 v128 v128 -> v128
0x10d f32x4.relaxed_min : v128 v128 -> v128
0x10e f32x4.relaxed_max : v128 v128 -> v128
0x10f f64x2.relaxed_min : v128 v128 -> v128
0x110 f64x2.relaxed_max : v128 v128 -> v128
0x111 i16x8.relaxed_q15mulr_s : v128 v128 -> v128
0x112 i16x8.relaxed_dot_i8x16_i7x16_s : v128 v128 -> v128
0x113 i32x4.relaxed_dot_i8x16_i7x16_add_s : v128 v128 v128 -> v128
@group 0xfe threads
0x00 memory.atomic.notify memarg/2 : addr i32 -> i32
0x01 memory.atomic.wait32 memarg/2 : addr i32 i64 -> i32
0x02 memory.atomic.wait64 memarg/3 : addr i64 i64 -> i32
0x03 atomic.fence zero : ->
0x10 i32.atomic.load memarg/2 : addr -> i32
0x11 i64.atomic.load memarg/3 : addr -> i64
0x12 i32.atomic.load8_u memarg/0 : addr -> i32
0x13 i32.atomic.load16_u memarg/1 : addr -> i32
0x14 i64.atomic.load8_u memarg/0 : addr -> i64
0x15 i64.atomic.load16_u memarg/1 : addr -> i64
0x16 i64.atomic.load32_u memarg/2 : addr -> i64
0x17 i32.atomic.store memarg/2 : addr i32 ->
0x18 i64.atomic.store memarg/3 : addr i64 ->
0x19 i32.atomic.store8 memarg/0 : addr i32 ->
0x1a i32.atomic.store16 memarg/1 : addr i32 ->
0x1b i64.atomic.store8 memarg/0 : addr i64 ->
0x1c i64.atomic.store16 memarg/1 : addr i64 ->
0x1d i64.atomic.store32 memarg/2 : addr i64 ->
0x1e i32.atomic.rmw.add memarg/2 : addr i32 -> i32
0x1f i64.atomic.rmw.add memarg/3 : addr i64 -> i64
0x20 i32.atomic.rmw8.add_u memarg/0 : addr i32 -> i32
0x21 i32.atomic.rmw16.add_u memarg/1 : addr i32 -> i32
0x22 i64.atomic.rmw8.add_u memarg/0 : addr i64 -> i64
0x23 i64.atomic.rmw16.add_u memarg/1 : addr i64 -> i64
0x24 i64.atomic.rmw32.add_u memarg/2 : addr i64 -> i64
0x25 i32.atomic.rmw.sub memarg/2 : addr i32 -> i32
0x26 i64.atomic.rmw.sub memarg/3 : addr i64 -> i64
0x27 i32.atomic.rmw8.sub_u memarg/0 : addr i32 -> i32
0x28 i32.atomic.rmw16.sub_u memarg/1 : addr i32 -> i32
0x29 i64.atomic.rmw8.sub_u memarg/0 : addr i64 -> i64
0x2a i64.atomic.rmw16.sub_u memarg/1 : addr i64 -> i64
0x2b i64.atomic.rmw32.sub_u memarg/2 : addr i64 -> i64
0x2c i32.atomic.rmw.and memarg/2 : addr i32 -> i32
0x2d i64.atomic.rmw.and memarg/3 : addr i64 -> i64
0x2e i32.atomic.rmw8.and_u memarg/0 : addr i32 -> i32
0x2f i32.atomic.rmw16.and_u memarg/1 : addr i32 -> i32
0x30 i64.atomic.rmw8.and_u memarg/0 : addr i64 -> i64
0x31 i64.atomic.rmw16.and_u memarg/1 : addr i64 -> i64
0x32 i64.atomic.rmw32.and_u memarg/2 : addr i64 -> i64
0x33 i32.atomic.rmw.or memarg/2 : addr i32 -> i32
0x34 i64.atomic.rmw.or memarg/3 : addr i64 -> i64
0x35 i32.atomic.rmw8.or_u memarg/0 : addr i32 -> i32
0x36 i32.atomic.rmw16.or_u memarg/1 : addr i32 -> i32
0x37 i64.atomic.rmw8.or_u memarg/0 : addr i64 -> i64
0x38 i64.atomic.rmw16.or_u memarg/1 : addr i64 -> i64
0x39 i64.atomic.rmw32.or_u memarg/2 : addr i64 -> i64
0x3a i32.atomic.rmw.xor memarg/2 : addr i32 -> i32
0x3b i64.atomic.rmw.xor memarg/3 : addr i64 -> i64
0x3c i32.atomic.rmw8.xor_u memarg/0 : addr i32 -> i32
0x3d i32.atomic.rmw16.xor_u memarg/1 : addr i32 -> i32
0x3e i64.atomic.rmw8.xor_u memarg/0 : addr i64 -> i64
0x3f i64.atomic.rmw16.xor_u memarg/1 : addr i64 -> i64
0x40 i64.atomic.rmw32.xor_u memarg/2 : addr i64 -> i64
0x41 i32.atomic.rmw.xchg memarg/2 : addr i32 -> i32
0x42 i64.atomic.rmw.xchg memarg/3 : addr i64 -> i64
0x43 i32.atomic.rmw8.xchg_u memarg/0 : addr i32 -> i32
0x44 i32.atomic.rmw16.xchg_u memarg/1 : addr i32 -> i32
0x45 i64.atomic.rmw8.xchg_u memarg/0 : addr i64 -> i64
0x46 i64.atomic.rmw16.xchg_u memarg/1 : addr i64 -> i64
0x47 i64.atomic.rmw32.xchg_u memarg/2 : addr i64 -> i64
0x48 i32.atomic.rmw.cmpxchg memarg/2 : addr i32 i32 -> i32
0x49 i64.atomic.rmw.cmpxchg memarg/3 : addr i64 i64 -> i64
0x4a i32.atomic.rmw8.cmpxchg_u memarg/0 : addr i32 i32 -> i32
0x4b i32.atomic.rmw16.cmpxchg_u memarg/1 : addr i32 i32 -> i32
0x4c i64.atomic.rmw8.cmpxchg_u memarg/0 : addr i64 i64 -> i64
0x4d i64.atomic.rmw16.cmpxchg_u memarg/1 : addr i64 i64 -> i64
0x4e i64.atomic.rmw32.cmpxchg_u memarg/2 : addr i64 i64 -> i64
`;

const SIG_NAMES: Record<string, SigType> = {
  i32: 'i32', i64: 'i64', f32: 'f32', f64: 'f64', v128: 'v128', addr: 'addr',
};

function sigType(tok: string): SigType {
  const simple = SIG_NAMES[tok];
  if (simple) return simple;
  const nonNull = tok.endsWith('!');
  const base = nonNull ? tok.slice(0, -1) : tok;
  if (!base.endsWith('ref')) throw new Error(`opcode table: bad type ${tok}`);
  const heap = base.slice(0, -3) as RefType['heap'];
  return refType(!nonNull, heap);
}

function parseTable(): OpInfo[] {
  const ops: OpInfo[] = [];
  let prefix = 0;
  let feature: Feature = 'mvp';
  for (const raw of TABLE.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const parts = line.split(/\s+/);
    if (parts[0] === '@group') {
      prefix = parseInt(parts[1], 16);
      feature = parts[2] as Feature;
      continue;
    }
    const colon = parts.indexOf(':');
    const head = colon < 0 ? parts : parts.slice(0, colon);
    const code = parseInt(head[0], 16);
    const name = head[1];
    const imms: ImmKind[] = [];
    let naturalAlign = 0;
    let laneCount = 0;
    let nullable = false;
    for (const tok of head.slice(2)) {
      if (tok === 'null') { nullable = true; continue; }
      const [kind, arg] = tok.split('/');
      if (kind === 'memarg') naturalAlign = Number(arg);
      if (kind === 'lane') laneCount = Number(arg);
      imms.push(kind as ImmKind);
    }
    let params: SigType[] | null = null;
    let results: SigType[] | null = null;
    if (colon >= 0) {
      const sig = parts.slice(colon + 1);
      const arrow = sig.indexOf('->');
      params = sig.slice(0, arrow).map(sigType);
      results = sig.slice(arrow + 1).map(sigType);
    }
    ops.push({
      id: ops.length, name, prefix, code, imms, naturalAlign, laneCount, nullable,
      params, results, feature,
    });
  }
  return ops;
}

/** Every instruction, indexed by OpInfo.id. */
export const OPS: readonly OpInfo[] = parseTable();

/** Single-byte opcodes: OPCODE_1[byte] is the OpInfo id, or -1. */
export const OPCODE_1: Int16Array = new Int16Array(256).fill(-1);
/** Prefixed opcodes: PREFIXED.get(prefix)![code] is the OpInfo id (absent: unknown). */
export const PREFIXED: ReadonlyMap<number, ReadonlyMap<number, number>> = (() => {
  const m = new Map<number, Map<number, number>>();
  for (const op of OPS) {
    if (op.prefix === 0) {
      OPCODE_1[op.code] = op.id;
    } else {
      let sub = m.get(op.prefix);
      if (!sub) m.set(op.prefix, (sub = new Map()));
      sub.set(op.code, op.id);
    }
  }
  return m;
})();

/** Mnemonic -> rows (usually one; two for the nullable twins and `select`). */
export const OPS_BY_NAME: ReadonlyMap<string, readonly OpInfo[]> = (() => {
  const m = new Map<string, OpInfo[]>();
  for (const op of OPS) {
    const list = m.get(op.name);
    if (list) list.push(op); else m.set(op.name, [op]);
  }
  return m;
})();

/** The unique row for a mnemonic; throws for unknown names (a programming error). */
export function opByName(name: string, nullable = false): OpInfo {
  const list = OPS_BY_NAME.get(name);
  if (!list) throw new Error(`no instruction named ${name}`);
  return list.find((o) => o.nullable === nullable) ?? list[0];
}

/**
 * Numeric ids of the instructions the engine's code names directly, e.g. `OP.i32_add`.
 * Built from the table, so ids never drift. Nullable twins get a `_null` suffix; the typed
 * `select` is `select_t`.
 */
export const OP: Readonly<Record<string, number>> = (() => {
  const o: Record<string, number> = {};
  for (const op of OPS) {
    let key = op.name.replace(/\./g, '_');
    if (op.nullable) key += '_null';
    if (op.name === 'select' && op.imms.length > 0) key = 'select_t';
    o[key] = op.id;
  }
  return o;
})();
