;; Micro-workload: linear-memory traffic. Fills 1 MiB with i32 stores, then
;; sums it back with i32, i64, 16-bit and 8-bit loads at various offsets.
(module
  (memory 17)
  (global $passes (mut i32) (i32.const 100))

  (func (export "run") (result i32)
    (local $p i32) (local $i i32) (local $acc i32) (local $pass i32)
    (block $passes_done
      (loop $pass_loop
        (br_if $passes_done (i32.ge_u (local.get $pass) (global.get $passes)))
        ;; fill
        (local.set $i (i32.const 0))
        (block $filled
          (loop $fill
            (br_if $filled (i32.ge_u (local.get $i) (i32.const 1048576)))
            (i32.store (local.get $i)
              (i32.mul (i32.add (local.get $i) (local.get $pass)) (i32.const 0x9e3779b1)))
            (local.set $i (i32.add (local.get $i) (i32.const 4)))
            (br $fill)))
        ;; read back with mixed widths
        (local.set $p (i32.const 0))
        (block $read
          (loop $sum
            (br_if $read (i32.ge_u (local.get $p) (i32.const 1048560)))
            (local.set $acc (i32.add (local.get $acc) (i32.load offset=4 (local.get $p))))
            (local.set $acc (i32.xor (local.get $acc)
              (i32.wrap_i64 (i64.load offset=8 (local.get $p)))))
            (local.set $acc (i32.add (local.get $acc) (i32.load16_s offset=2 (local.get $p))))
            (local.set $acc (i32.add (local.get $acc) (i32.load8_u (local.get $p))))
            (local.set $p (i32.add (local.get $p) (i32.const 16)))
            (br $sum)))
        (local.set $pass (i32.add (local.get $pass) (i32.const 1)))
        (br $pass_loop)))
    (local.get $acc)))
