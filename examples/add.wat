;; The README's first example: `glasswasm run examples/add.wat --invoke add 1 2` prints 3.
(module
  ;; Adds two 32-bit integers (wrapping on overflow, as wasm does).
  (func (export "add") (param $a i32) (param $b i32) (result i32)
    (i32.add (local.get $a) (local.get $b)))

  ;; Factorial of a 64-bit integer, recursively: `--invoke fac 20` prints 2432902008176640000.
  (func $fac (export "fac") (param $n i64) (result i64)
    (if (result i64) (i64.le_u (local.get $n) (i64.const 1))
      (then (i64.const 1))
      (else (i64.mul (local.get $n) (call $fac (i64.sub (local.get $n) (i64.const 1))))))))
