// The WAST script AST: what src/text's script parser produces and spec-tests' runner executes.
// Every command keeps its 1-based source line for reports.

/** A module as the script wrote it. */
export type ScriptModule =
  | { readonly kind: 'text'; readonly source: string; readonly line: number }   // (module ...) text, parsed lazily
  | { readonly kind: 'binary'; readonly bytes: Uint8Array }                     // (module binary "...")
  | { readonly kind: 'quote'; readonly source: string };                         // (module quote "...")

/** A constant argument or expected result. Floats as raw bits; NaN patterns for results. */
export type ScriptValue =
  | { readonly type: 'i32'; readonly value: number }
  | { readonly type: 'i64'; readonly value: bigint }
  | { readonly type: 'f32'; readonly bits: number }
  | { readonly type: 'f64'; readonly bits: bigint }
  | { readonly type: 'f32'; readonly nan: 'canonical' | 'arithmetic' }
  | { readonly type: 'f64'; readonly nan: 'canonical' | 'arithmetic' }
  /** lanes as the script wrote them: each lane a ScriptValue of the lane's shape */
  | { readonly type: 'v128'; readonly shape: 'i8' | 'i16' | 'i32' | 'i64' | 'f32' | 'f64'; readonly lanes: readonly ScriptValue[] }
  /** ref.null HT */
  | { readonly type: 'ref.null'; readonly heap: string | null }
  /** ref.extern N / ref.host N; N absent in a result pattern means "any non-null extern" */
  | { readonly type: 'ref.extern'; readonly value: number | null }
  | { readonly type: 'ref.host'; readonly value: number | null }
  /** result patterns: any non-null reference of that kind */
  | { readonly type: 'ref.func' | 'ref.any' | 'ref.eq' | 'ref.i31' | 'ref.struct' | 'ref.array' | 'ref.exn' | 'ref'; readonly value?: number | null }
  /** (either r1 r2 ...) in results */
  | { readonly type: 'either'; readonly options: readonly ScriptValue[] };

export type Action =
  | { readonly kind: 'invoke'; readonly module: string | null; readonly name: string; readonly args: readonly ScriptValue[] }
  | { readonly kind: 'get'; readonly module: string | null; readonly name: string };

export type Command = { readonly line: number } & (
  /** (module $id? ...) and (module definition $id? ...) / (module instance $id $def?) */
  | { readonly cmd: 'module'; readonly name: string | null; readonly module: ScriptModule; readonly definition: boolean }
  | { readonly cmd: 'module_instance'; readonly name: string | null; readonly definition: string | null }
  | { readonly cmd: 'register'; readonly as: string; readonly name: string | null }
  | { readonly cmd: 'action'; readonly action: Action }
  | { readonly cmd: 'assert_return'; readonly action: Action; readonly expected: readonly ScriptValue[] }
  | { readonly cmd: 'assert_trap'; readonly action: Action; readonly message: string }
  | { readonly cmd: 'assert_trap_module'; readonly module: ScriptModule; readonly message: string }
  | { readonly cmd: 'assert_exhaustion'; readonly action: Action; readonly message: string }
  | { readonly cmd: 'assert_exception'; readonly action: Action }
  | { readonly cmd: 'assert_invalid'; readonly module: ScriptModule; readonly message: string }
  | { readonly cmd: 'assert_malformed'; readonly module: ScriptModule; readonly message: string }
  | { readonly cmd: 'assert_unlinkable'; readonly module: ScriptModule; readonly message: string }
  | { readonly cmd: 'assert_uninstantiable'; readonly module: ScriptModule; readonly message: string }
  /** any command the parser recognises but the runner may not support (named, never skipped) */
  | { readonly cmd: 'other'; readonly name: string; readonly text: string }
);
