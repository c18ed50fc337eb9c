;; Micro-workload: function-call overhead. A loop makes a direct call (which
;; itself makes a direct call) and an indirect call through a table each iteration.
(module
  (type $binop (func (param i32 i32) (result i32)))
  (table 2 funcref)
  (elem (i32.const 0) $mix $add)
  (global $iterations (mut i32) (i32.const 3000000))

  (func $add (type $binop) (i32.add (local.get 0) (local.get 1)))

  (func $mix (type $binop)
    (i32.xor
      (call $add (local.get 0) (local.get 1))
      (i32.shl (local.get 0) (i32.const 1))))

  (func (export "run") (result i32)
    (local $i i32) (local $acc i32)
    (local.set $acc (i32.const 7))
    (block $done
      (loop $again
        (br_if $done (i32.ge_u (local.get $i) (global.get $iterations)))
        (local.set $acc (call $mix (local.get $acc) (local.get $i)))
        (local.set $acc
          (call_indirect (type $binop)
            (local.get $acc) (local.get $i) (i32.and (local.get $i) (i32.const 1))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $again)))
    (local.get $acc)))
