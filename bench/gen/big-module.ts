/**
 * Generates the C source of the multi-megabyte decode-throughput module (bench/wasm/big.wasm).
 *
 * Why generated C rather than generated wasm: compiled C gives the instruction mix, local
 * counts, block nesting and LEB sizes real toolchains emit, which is what decode and validate
 * throughput should be measured on. The output is deterministic (fixed PRNG seed), so
 * `bench/build.sh` reproduces the same module.
 *
 * Usage: node dist/bench/gen/big-module.js [functionCount] > big.c
 */

/** Small deterministic PRNG (xorshift32), so the module is identical on every build. */
class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 1;
  }
  next(): number {
    let s = this.s;
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    this.s = s >>> 0;
    return this.s;
  }
  below(n: number): number {
    return this.next() % n;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)]!;
  }
}

const INT_OPS = ['+', '-', '*', '^', '|', '&'] as const;
const CMP_OPS = ['<', '>', '==', '!=', '<=', '>='] as const;

function intExpr(rng: Rng, vars: readonly string[], depth: number): string {
  if (depth <= 0 || rng.below(3) === 0) {
    return rng.below(2) === 0 ? rng.pick(vars) : `${rng.below(1000) + 1}u`;
  }
  switch (rng.below(5)) {
    case 0:
      return `(${intExpr(rng, vars, depth - 1)} >> ${rng.below(31) + 1})`;
    case 1:
      return `(${intExpr(rng, vars, depth - 1)} << ${rng.below(31) + 1})`;
    case 2:
      return `(${intExpr(rng, vars, depth - 1)} ${rng.pick(CMP_OPS)} ${intExpr(rng, vars, depth - 1)} ? ${intExpr(rng, vars, depth - 1)} : ${rng.pick(vars)})`;
    default:
      return `(${intExpr(rng, vars, depth - 1)} ${rng.pick(INT_OPS)} ${intExpr(rng, vars, depth - 1)})`;
  }
}

function floatExpr(rng: Rng, vars: readonly string[], depth: number): string {
  if (depth <= 0 || rng.below(3) === 0) {
    return rng.below(2) === 0 ? rng.pick(vars) : `${(rng.below(10000) / 100).toFixed(2)}`;
  }
  const op = rng.pick(['+', '-', '*', '/'] as const);
  return `(${floatExpr(rng, vars, depth - 1)} ${op} ${floatExpr(rng, vars, depth - 1)})`;
}

/** One generated function `f<index>(uint32_t a, uint32_t b)`, of one of several shapes. */
function generateFunction(rng: Rng, index: number): string {
  const name = `f${index}`;
  const callee = index > 0 ? `f${rng.below(index)}` : '';
  const lines: string[] = [];
  lines.push(`__attribute__((noinline)) uint32_t ${name}(uint32_t a, uint32_t b) {`);
  const shape = rng.below(5);
  const iv = ['a', 'b', 'x', 'y', 'i'];
  if (shape === 0) {
    // Array loop with conditionals: loads, stores, compares.
    lines.push(`  uint32_t x = a, y = b;`);
    lines.push(`  for (uint32_t i = 0; i < (b & 63) + 8; i++) {`);
    for (let k = 0; k < 4 + rng.below(6); k++) {
      lines.push(`    if (${intExpr(rng, iv, 2)} ${rng.pick(CMP_OPS)} ${intExpr(rng, iv, 2)}) x = ${intExpr(rng, iv, 3)};`);
      lines.push(`    else y ^= ${intExpr(rng, iv, 2)};`);
      lines.push(`    scratch[(i + ${k}u) & 1023] = x + y;`);
    }
    lines.push(`  }`);
    lines.push(`  return x ^ y ^ scratch[(a ^ b) & 1023];`);
  } else if (shape === 1) {
    // State machine: switch dispatch in a loop.
    const cases = 4 + rng.below(8);
    lines.push(`  uint32_t x = a, y = b, state = a % ${cases}u;`);
    lines.push(`  for (uint32_t i = 0; i < 32; i++) {`);
    lines.push(`    switch (state) {`);
    for (let c = 0; c < cases; c++) {
      lines.push(`      case ${c}: x = ${intExpr(rng, iv, 3)}; state = (x ${rng.pick(INT_OPS)} ${rng.below(97)}u) % ${cases}u; break;`);
    }
    lines.push(`      default: y += x; break;`);
    lines.push(`    }`);
    lines.push(`  }`);
    lines.push(`  return x + y;`);
  } else if (shape === 2) {
    // Floating point.
    const fv = ['fa', 'fb', 'fc'];
    lines.push(`  double fa = (double)a * 0.5, fb = (double)b + 1.0, fc = 3.25;`);
    for (let k = 0; k < 6 + rng.below(8); k++) {
      lines.push(`  fc = ${floatExpr(rng, fv, 3)};`);
      lines.push(`  if (fc > 1e9 || fc < -1e9 || fc != fc) fc = ${(rng.below(100) / 10).toFixed(1)};`);
      lines.push(`  fa = fb; fb = fc;`);
    }
    lines.push(`  return (uint32_t)(int32_t)fc ^ a;`);
  } else if (shape === 3) {
    // 64-bit integers.
    lines.push(`  uint64_t w = ((uint64_t)a << 32) | b, z = 0x9e3779b97f4a7c15ull;`);
    for (let k = 0; k < 6 + rng.below(8); k++) {
      lines.push(`  w = (w ^ (w >> ${rng.below(63) + 1})) * 0x${((rng.next() | 1) >>> 0).toString(16)}${rng.next().toString(16).padStart(8, '0')}ull;`);
      lines.push(`  z += w ${rng.pick(['+', '^', '|', '&'] as const)} (z << ${rng.below(63) + 1});`);
    }
    lines.push(`  return (uint32_t)(w ^ z ^ (z >> 32));`);
  } else {
    // Straight-line integer code with calls into earlier functions.
    lines.push(`  uint32_t x = a + ${rng.below(100)}u, y = b ^ ${rng.below(100)}u, i = a & b;`);
    for (let k = 0; k < 8 + rng.below(10); k++) {
      lines.push(`  ${rng.pick(['x', 'y', 'i'] as const)} = ${intExpr(rng, iv, 3)};`);
    }
    if (callee) lines.push(`  if ((x & 255) == 17) y += ${callee}(x, y);`);
    lines.push(`  return x ^ y ^ i;`);
  }
  lines.push(`}`);
  return lines.join('\n');
}

function generate(functionCount: number): string {
  const rng = new Rng(0x5eed1234);
  const out: string[] = [];
  out.push('/* Generated by bench/gen/big-module.ts: do not edit. */');
  out.push('#include <stdint.h>');
  out.push('static uint32_t scratch[1024];');
  for (let i = 0; i < functionCount; i++) {
    out.push(`uint32_t f${i}(uint32_t a, uint32_t b);`);
  }
  for (let i = 0; i < functionCount; i++) out.push(generateFunction(rng, i));
  // Every function is reachable through this table, so the linker keeps them all.
  out.push('typedef uint32_t (*fn)(uint32_t, uint32_t);');
  out.push('static fn const table[] = {');
  for (let i = 0; i < functionCount; i++) out.push(`  f${i},`);
  out.push('};');
  out.push('__attribute__((export_name("run"))) uint32_t run(uint32_t n) {');
  out.push('  uint32_t acc = 1;');
  out.push(`  for (uint32_t i = 0; i < n; i++) acc = table[i % ${functionCount}u](acc, i) + acc * 31u;`);
  out.push('  return acc;');
  out.push('}');
  return out.join('\n') + '\n';
}

const count = Number(process.argv[2] ?? '40000');
if (!Number.isInteger(count) || count < 1) {
  process.stderr.write('usage: big-module.js [functionCount]\n');
  process.exit(2);
}
process.stdout.write(generate(count));
