;; Micro-workload: GC allocation (the Benchmarks Game's binary-trees). Builds many short-lived
;; complete binary trees of GC structs and walks them, while one long-lived tree stays
;; reachable. Stresses struct.new, struct.get, ref.is_null and calls; the garbage is left to
;; the engine's collector. Checksum: the sum of all node counts.
(module
  (type $node (struct (field $left (ref null $node)) (field $right (ref null $node))))
  (global $minDepth i32 (i32.const 4))
  (global $maxDepth i32 (i32.const 14))
  (global $longLived (mut (ref null $node)) (ref.null $node))

  (func $make (param $d i32) (result (ref $node))
    (if (result (ref $node)) (i32.eqz (local.get $d))
      (then (struct.new $node (ref.null $node) (ref.null $node)))
      (else
        (struct.new $node
          (call $make (i32.sub (local.get $d) (i32.const 1)))
          (call $make (i32.sub (local.get $d) (i32.const 1)))))))

  ;; Number of nodes of the tree.
  (func $check (param $n (ref $node)) (result i32)
    (local $l (ref null $node))
    (local.set $l (struct.get $node $left (local.get $n)))
    (if (result i32) (ref.is_null (local.get $l))
      (then (i32.const 1))
      (else
        (i32.add (i32.const 1)
          (i32.add
            (call $check (ref.as_non_null (local.get $l)))
            (call $check (ref.as_non_null (struct.get $node $right (local.get $n)))))))))

  (func (export "run") (result i32)
    (local $sum i32) (local $d i32) (local $iters i32) (local $i i32)
    ;; stretch tree
    (local.set $sum (call $check (call $make (i32.add (global.get $maxDepth) (i32.const 1)))))
    (global.set $longLived (call $make (global.get $maxDepth)))
    (local.set $d (global.get $minDepth))
    (block $done
      (loop $depths
        (br_if $done (i32.gt_s (local.get $d) (global.get $maxDepth)))
        ;; 2^(maxDepth - d + minDepth) trees of depth d
        (local.set $iters
          (i32.shl (i32.const 1)
            (i32.add (i32.sub (global.get $maxDepth) (local.get $d)) (global.get $minDepth))))
        (local.set $i (i32.const 0))
        (block $trees_done
          (loop $trees
            (br_if $trees_done (i32.ge_u (local.get $i) (local.get $iters)))
            (local.set $sum
              (i32.add (local.get $sum) (call $check (call $make (local.get $d)))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $trees)))
        (local.set $d (i32.add (local.get $d) (i32.const 2)))
        (br $depths)))
    (i32.add (local.get $sum)
      (call $check (ref.as_non_null (global.get $longLived))))))
