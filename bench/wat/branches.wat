;; Micro-workload: control flow. Collatz trajectories (if/else, br_if) with a
;; br_table dispatch on the low bits of each step.
(module
  (global $limit (mut i32) (i32.const 120000))

  (func (export "run") (result i32)
    (local $n i32) (local $x i32) (local $steps i32) (local $acc i32)
    (local.set $n (i32.const 1))
    (block $all_done
      (loop $next_n
        (br_if $all_done (i32.gt_u (local.get $n) (global.get $limit)))
        (local.set $x (local.get $n))
        (block $reached_one
          (loop $step
            (br_if $reached_one (i32.le_u (local.get $x) (i32.const 1)))
            (if (i32.and (local.get $x) (i32.const 1))
              (then (local.set $x (i32.add (i32.mul (local.get $x) (i32.const 3)) (i32.const 1))))
              (else (local.set $x (i32.shr_u (local.get $x) (i32.const 1)))))
            (block $d3 (block $d2 (block $d1 (block $d0
              (br_table $d0 $d1 $d2 $d3 (i32.and (local.get $x) (i32.const 3))))
              (local.set $acc (i32.add (local.get $acc) (i32.const 1))) (br $d3))
              (local.set $acc (i32.xor (local.get $acc) (local.get $x))) (br $d3))
              (local.set $acc (i32.rotl (local.get $acc) (i32.const 3))) (br $d3))
            (local.set $steps (i32.add (local.get $steps) (i32.const 1)))
            (br $step)))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $next_n)))
    (i32.add (local.get $acc) (local.get $steps))))
