;; Micro-workload: i64 arithmetic. An xorshift64* generator feeding adds,
;; multiplies, rotates, compares and an occasional unsigned division.
(module
  (global $iterations (mut i32) (i32.const 4000000))

  (func (export "run") (result i32)
    (local $i i32) (local $s i64) (local $acc i64) (local $t i64)
    (local.set $s (i64.const 0x2545f4914f6cdd1d))
    (block $done
      (loop $again
        (br_if $done (i32.ge_u (local.get $i) (global.get $iterations)))
        (local.set $s (i64.xor (local.get $s) (i64.shr_u (local.get $s) (i64.const 12))))
        (local.set $s (i64.xor (local.get $s) (i64.shl (local.get $s) (i64.const 25))))
        (local.set $s (i64.xor (local.get $s) (i64.shr_u (local.get $s) (i64.const 27))))
        (local.set $t (i64.mul (local.get $s) (i64.const 0x2545f4914f6cdd1d)))
        (local.set $acc (i64.add (i64.rotl (local.get $acc) (i64.const 5)) (local.get $t)))
        (if (i64.lt_u (local.get $t) (local.get $acc))
          (then (local.set $acc (i64.sub (local.get $acc) (i64.shr_s (local.get $t) (i64.const 3))))))
        (if (i32.eqz (i32.and (local.get $i) (i32.const 15)))
          (then (local.set $acc (i64.add (local.get $acc)
            (i64.div_u (local.get $t) (i64.or (i64.and (local.get $acc) (i64.const 0xffff)) (i64.const 1)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $again)))
    (i32.wrap_i64 (i64.xor (local.get $acc) (i64.shr_u (local.get $acc) (i64.const 32))))))
