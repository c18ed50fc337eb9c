// Executes one WAST script: every top-level command once, in order, each recorded as passed or
// failed (with what was expected and what happened). The semantics follow the reference
// interpreter's script runner (WebAssembly/spec interpreter/script/runner.ml):
//   - `(module ...)` defines and instantiates; `(module definition ...)` only defines;
//     `(module instance $i $m?)` instantiates a definition. The last module / instance is the
//     "current" one that unnamed actions and registers use.
//   - `register` makes an instance's exports importable under a module name.
//   - error assertions compare the expected text as a PREFIX of the engine's message.
// Unlike the reference (which aborts a script at its first error), a failing command is
// recorded and the script goes on: a module that failed leaves a "broken" placeholder, so the
// commands using it fail with a clear reason rather than against a stale module.
// Everything the engine throws is caught: a raw JS error is an engine bug, recorded as such.

import {
  CompileError, DecodeError, LinkError, RuntimeError, Trap, ValidationError, WasmException,
} from '../src/errors.js';
import type { Features } from '../src/syntax/features.js';
import type { Module } from '../src/syntax/module.js';
import type { ExternValue, ModuleInstance, Value } from '../src/runtime/objects.js';
import { readGlobal, valueKind } from '../src/runtime/values.js';
import type { Action, Command, ScriptModule, ScriptValue } from '../src/text/script-ast.js';
import type { EngineStages } from './engine.js';
import { createSpectest } from './spectest-host.js';
import type { HostModule } from './spectest-host.js';
import {
  formatPatterns, formatValues, HostRefs, matchResult, ScriptValueError, toValue,
} from './script-values.js';
import { paddedAt, splitCommands } from './split-commands.js';
import type { RawCommand } from './split-commands.js';

/** The result of one top-level command. */
export interface CommandOutcome {
  readonly line: number;
  /** The command's keyword: module, register, invoke, get, assert_return, ... */
  readonly command: string;
  readonly ok: boolean;
  /** Why it failed: "expected ..., got ..." or the reason it could not run. */
  readonly message?: string;
}

/** A command about to run: lets a supervisor know what is left if the run dies. */
export interface PlannedCommand {
  readonly line: number;
  readonly command: string;
}

export interface RunOptions {
  readonly engine: EngineStages;
  readonly features: Features;
  /** Called once with every command of the script, before any runs. */
  readonly onPlan?: (plan: readonly PlannedCommand[]) => void;
  /** Called after each command. */
  readonly onOutcome?: (o: CommandOutcome) => void;
}

// ---- failures -------------------------------------------------------------------------------

/** A command failed: `message` says what was expected and what happened. */
class Failure extends Error {}

/** A stage the command needs is missing: the command fails as "not executed". */
class NotExecuted extends Failure {
  constructor(reason: string) {
    super(`not executed: ${reason}`);
  }
}

/** A module command that failed, standing in for the module or instance it would have bound. */
class Broken {
  constructor(readonly line: number, readonly reason: string, readonly notExecuted: boolean) {}
}

function broken(line: number, e: unknown): Broken {
  return new Broken(line, describeError(e), e instanceof NotExecuted);
}

/** How an unexpected error reads in a report: its class and message, marked when it is a bug. */
export function describeError(e: unknown): string {
  if (e instanceof Failure) return e.message;
  if (e instanceof ScriptValueError) return `script value error: ${e.message}`;
  if (e instanceof DecodeError) return `malformed: ${e.message}`;
  if (e instanceof ValidationError) return `invalid: ${e.message}`;
  if (e instanceof LinkError) return `link error: ${e.message}`;
  if (e instanceof Trap) return `trap: ${e.message}`;
  if (e instanceof WasmException) return `exception: ${e.message}`;
  if (e instanceof CompileError || e instanceof RuntimeError) return `${e.name}: ${e.message}`;
  if (e instanceof Error) return `engine bug: ${e.name}: ${e.message}${stackHint(e)}`;
  return `engine bug: threw ${typeof e}: ${String(e)}`;
}

/** The first engine frame of a raw JS error, so a report points at the bug. */
function stackHint(e: Error): string {
  const frame = (e.stack ?? '').split('\n').slice(1).find((l) => l.includes('/src/'));
  if (!frame) return '';
  const m = /(src\/[^\s)]+)/.exec(frame);
  return m ? ` (at ${m[1]})` : '';
}

function messageMatches(actual: string, expected: string): boolean {
  return actual.startsWith(expected);
}

/** A trap matches on its message or on its kind (a host error's message adds detail). */
function trapMatches(e: Trap, expected: string): boolean {
  return messageMatches(e.message, expected) || messageMatches(e.kind, expected);
}

// ---- the script state -----------------------------------------------------------------------

const CURRENT = '';

class ScriptState {
  readonly definitions = new Map<string, Module | Broken>();
  readonly instances = new Map<string, ModuleInstance | Broken>();
  readonly registry = new Map<string, HostModule>();
  readonly hosts = new HostRefs();

  constructor(readonly engine: EngineStages, readonly features: Features) {
    this.registry.set('spectest', createSpectest());
  }

  private need<K extends 'parseModuleText' | 'decodeModule' | 'validateModule' | 'instantiate' | 'invoke'>(
    stage: K,
  ): NonNullable<EngineStages[K]> {
    const fn = this.engine[stage];
    if (!fn) throw new NotExecuted(this.engine.missing.get(stage) ?? `${stage} not available`);
    return fn as NonNullable<EngineStages[K]>;
  }

  /** Text or binary to a Module (no validation). Throws what the parser/decoder throws. */
  compile(sm: ScriptModule): Module {
    if (sm.kind === 'binary') return this.need('decodeModule')(sm.bytes, this.features);
    return this.need('parseModuleText')(sm.source, this.features);
  }

  validate(m: Module): void {
    if (this.engine.ensureValidated) this.engine.ensureValidated(m, this.features);
    else this.need('validateModule')(m, this.features);
  }

  instantiate(m: Module): ModuleInstance {
    const instantiate = this.need('instantiate');
    return instantiate(m, (module, name) => this.resolve(module, name), { features: this.features });
  }

  private resolve(module: string, name: string): ExternValue | undefined {
    return this.registry.get(module)?.(name);
  }

  bind<T>(map: Map<string, T>, name: string | null, value: T): void {
    map.set(CURRENT, value);
    if (name !== null) map.set(name, value);
  }

  definition(name: string | null): Module {
    return this.lookup(this.definitions, name, 'module');
  }

  instance(name: string | null): ModuleInstance {
    return this.lookup(this.instances, name, 'module instance');
  }

  private lookup<T>(map: Map<string, T | Broken>, name: string | null, what: string): T {
    const v = map.get(name ?? CURRENT);
    if (v === undefined) throw new Failure(name === null ? `no ${what} defined` : `unknown ${what} ${name}`);
    if (v instanceof Broken) {
      if (v.notExecuted) throw new NotExecuted(`the module at line ${v.line} was not instantiated (${v.reason.replace(/^not executed: /, '')})`);
      throw new Failure(`${what}${name ? ' ' + name : ''} is unavailable: the module at line ${v.line} failed (${v.reason})`);
    }
    return v;
  }

  register(as: string, name: string | null): void {
    const inst = this.instance(name);
    this.registry.set(as, (item) => inst.exports.get(item));
  }

  /** Runs an action; throws what the engine throws (Trap, WasmException, ...). */
  act(action: Action): Value[] {
    const inst = this.instance(action.module);
    const ext = inst.exports.get(action.name);
    if (!ext) throw new Failure(`undefined export "${action.name}"`);
    if (action.kind === 'get') {
      if (ext.kind !== 'global') throw new Failure(`export "${action.name}" is not a global`);
      return [readGlobal(ext.value)];
    }
    if (ext.kind !== 'func') throw new Failure(`export "${action.name}" is not a function`);
    const params = ext.value.type.params;
    if (action.args.length !== params.length) {
      throw new Failure(`wrong number of arguments: ${action.args.length} for ${params.length} parameters`);
    }
    const args = action.args.map((a, i) => {
      const v = toValue(a, this.hosts);
      if (v.type !== valueKind(params[i])) throw new Failure(`wrong type of argument ${i}: ${v.type}`);
      return v;
    });
    return this.need('invoke')(ext.value, args);
  }
}

// ---- commands -------------------------------------------------------------------------------

/** The keyword a command is reported under. */
export function commandName(c: Command): string {
  switch (c.cmd) {
    case 'action': return c.action.kind;
    case 'module_instance': return 'module';
    case 'assert_trap_module': return 'assert_trap';
    case 'other': return c.name;
    default: return c.cmd;
  }
}

function runCommand(s: ScriptState, c: Command): void {
  switch (c.cmd) {
    case 'module': return runModule(s, c.line, c.name, c.module, c.definition);
    case 'module_instance': {
      let inst: ModuleInstance | Broken;
      try {
        inst = s.instantiate(s.definition(c.definition));
      } catch (e) {
        s.bind(s.instances, c.name, broken(c.line, e));
        throw e;
      }
      s.bind(s.instances, c.name, inst);
      return;
    }
    case 'register': return s.register(c.as, c.name);
    case 'action': s.act(c.action); return;
    case 'assert_return': return assertReturn(s, c.action, c.expected);
    case 'assert_trap': return assertTrap(s, c.action, c.message, 'trap');
    case 'assert_exhaustion': return assertTrap(s, c.action, c.message, 'exhaustion');
    case 'assert_exception': return assertException(s, c.action);
    case 'assert_trap_module':
    case 'assert_uninstantiable': return assertUninstantiable(s, c.module, c.message);
    case 'assert_unlinkable': return assertUnlinkable(s, c.module, c.message);
    case 'assert_invalid': return assertInvalid(s, c.module, c.message, false);
    case 'assert_malformed': return assertMalformed(s, c.module, c.message, false);
    case 'other': return runOther(s, c.line, c.name, c.text);
  }
}

function runModule(s: ScriptState, line: number, name: string | null, sm: ScriptModule, definitionOnly: boolean): void {
  let m: Module;
  try {
    m = s.compile(sm);
    s.validate(m);
  } catch (e) {
    const failed = broken(line, e);
    s.bind(s.definitions, name, failed);
    if (!definitionOnly) s.bind(s.instances, name, failed);
    throw e;
  }
  s.bind(s.definitions, name, m);
  if (definitionOnly) return;
  let inst: ModuleInstance;
  try {
    inst = s.instantiate(m);
  } catch (e) {
    s.bind(s.instances, name, broken(line, e));
    throw e;
  }
  s.bind(s.instances, name, inst);
}

function assertReturn(s: ScriptState, action: Action, expected: readonly ScriptValue[]): void {
  let got: Value[];
  try {
    got = s.act(action);
  } catch (e) {
    if (e instanceof NotExecuted) throw e;
    throw new Failure(`expected ${formatPatterns(expected)}, got ${describeError(e)}`);
  }
  const ok = got.length === expected.length && got.every((v, i) => matchResult(v, expected[i]));
  if (!ok) throw new Failure(`expected ${formatPatterns(expected)}, got ${formatValues(got)}`);
}

function assertTrap(s: ScriptState, action: Action, message: string, what: 'trap' | 'exhaustion'): void {
  let got: Value[];
  try {
    got = s.act(action);
  } catch (e) {
    if (e instanceof Trap && trapMatches(e, message)) return;
    if (e instanceof NotExecuted) throw e;
    throw new Failure(`expected ${what} "${message}", got ${describeError(e)}`);
  }
  throw new Failure(`expected ${what} "${message}", got ${formatValues(got)}`);
}

function assertException(s: ScriptState, action: Action): void {
  let got: Value[];
  try {
    got = s.act(action);
  } catch (e) {
    if (e instanceof WasmException) return;
    if (e instanceof NotExecuted) throw e;
    throw new Failure(`expected an exception, got ${describeError(e)}`);
  }
  throw new Failure(`expected an exception, got ${formatValues(got)}`);
}

/** Compiles and validates a module an assertion says is fine up to instantiation. */
function compileValid(s: ScriptState, sm: ScriptModule, expectation: string): Module {
  try {
    const m = s.compile(sm);
    s.validate(m);
    return m;
  } catch (e) {
    if (e instanceof NotExecuted) throw e;
    throw new Failure(`expected ${expectation}, got ${describeError(e)} before instantiation`);
  }
}

function assertUninstantiable(s: ScriptState, sm: ScriptModule, message: string): void {
  const expectation = `instantiation trap "${message}"`;
  const m = compileValid(s, sm, expectation);
  try {
    s.instantiate(m);
  } catch (e) {
    // The reference accepts a trap or an uncaught exception from the start function.
    if (e instanceof Trap ? trapMatches(e, message) : e instanceof WasmException && messageMatches(e.message, message)) return;
    if (e instanceof NotExecuted) throw e;
    throw new Failure(`expected ${expectation}, got ${describeError(e)}`);
  }
  throw new Failure(`expected ${expectation}, got an instance`);
}

function assertUnlinkable(s: ScriptState, sm: ScriptModule, message: string): void {
  const expectation = `link error "${message}"`;
  const m = compileValid(s, sm, expectation);
  try {
    s.instantiate(m);
  } catch (e) {
    // A LinkError, or another instantiation-time failure of the engine's classes (a resource
    // limit, say) as long as its message is the one the test expects. Never a trap.
    const engineError = e instanceof LinkError || (e instanceof RuntimeError && !(e instanceof Trap));
    if (engineError && messageMatches(e.message, message)) return;
    if (e instanceof NotExecuted) throw e;
    throw new Failure(`expected ${expectation}, got ${describeError(e)}`);
  }
  throw new Failure(`expected ${expectation}, got an instance`);
}

/**
 * assert_invalid: the module parses/decodes, then fails validation with the message.
 * `custom` (assert_invalid_custom): annotation/custom-section errors may surface from the text
 * parser as well, so a DecodeError with the expected message also passes.
 */
function assertInvalid(s: ScriptState, sm: ScriptModule, message: string, custom: boolean): void {
  const expectation = `invalid "${message}"`;
  let m: Module;
  try {
    m = s.compile(sm);
  } catch (e) {
    // A front end may find a validation error while reading (an index out of range, say):
    // what counts is the error's class and message, not the stage that raised it.
    if (e instanceof ValidationError && messageMatches(e.message, message)) return;
    if (custom && e instanceof CompileError && messageMatches(e.message, message)) return;
    if (e instanceof NotExecuted) throw e;
    throw new Failure(`expected ${expectation}, got ${describeError(e)}`);
  }
  try {
    s.validate(m);
  } catch (e) {
    if (e instanceof ValidationError && messageMatches(e.message, message)) return;
    if (custom && e instanceof CompileError && messageMatches(e.message, message)) return;
    if (e instanceof NotExecuted) throw e;
    throw new Failure(`expected ${expectation}, got ${describeError(e)}`);
  }
  throw new Failure(`expected ${expectation}, got a valid module`);
}

/** assert_malformed(_custom): parsing or decoding fails with the message (no validation). */
function assertMalformed(s: ScriptState, sm: ScriptModule, message: string, custom: boolean): void {
  const expectation = `malformed${custom ? ' (custom)' : ''} "${message}"`;
  try {
    s.compile(sm);
  } catch (e) {
    if (e instanceof DecodeError && messageMatches(e.message, message)) return;
    if (e instanceof NotExecuted) throw e;
    throw new Failure(`expected ${expectation}, got ${describeError(e)}`);
  }
  throw new Failure(`expected ${expectation}, got a well-formed module`);
}

/**
 * Commands the script AST keeps as text. assert_malformed_custom / assert_invalid_custom
 * (custom/ annotations) are re-parsed here: their module is parsed as a `(module ...)`
 * command and the message is the last string. Anything else is unsupported, a failure.
 */
function runOther(s: ScriptState, line: number, name: string, text: string): void {
  if (name !== 'assert_malformed_custom' && name !== 'assert_invalid_custom') {
    throw new Failure(`unsupported command ${name}`);
  }
  const inner = text.slice(text.indexOf(name) + name.length, text.lastIndexOf(')'));
  const [modText] = splitCommands(inner);
  const msg = /"((?:[^"\\]|\\.)*)"\s*$/.exec(inner);
  if (!modText || !msg) throw new Failure(`cannot read ${name} at line ${line}`);
  const parseScript = s.engine.parseScript;
  if (!parseScript) throw new NotExecuted(s.engine.missing.get('parseScript') ?? 'parseScript not available');
  const [cmd] = parseScript(modText.text);
  if (!cmd || cmd.cmd !== 'module') throw new Failure(`cannot read the module of ${name}`);
  const message = unescapeWast(msg[1]);
  if (name === 'assert_malformed_custom') assertMalformed(s, cmd.module, message, true);
  else assertInvalid(s, cmd.module, message, true);
}

/** A WAST string literal's body as text (escapes: \t \n \r \" \' \\ \hh \u{...}). */
function unescapeWast(body: string): string {
  return body.replace(/\\(u\{[0-9a-fA-F_]+\}|[0-9a-fA-F]{2}|.)/g, (_, e: string) => {
    if (e.startsWith('u{')) return String.fromCodePoint(parseInt(e.slice(2, -1).replace(/_/g, ''), 16));
    if (e.length === 2) return String.fromCharCode(parseInt(e, 16));
    return ({ t: '\t', n: '\n', r: '\r' } as Record<string, string>)[e] ?? e;
  });
}

// ---- a whole script -------------------------------------------------------------------------

/** A command to run, or one that failed before it could (its text did not parse). */
type Step =
  | { readonly line: number; readonly command: string; readonly cmd: Command }
  | { readonly line: number; readonly command: string; readonly error: string };

const MODULE_FIELDS = new Set([
  'type', 'rec', 'import', 'func', 'table', 'memory', 'global', 'tag', 'export', 'start', 'elem', 'data',
]);

/**
 * The script's commands. When the whole file parses, they are the parser's. When it does not,
 * each top-level form is parsed alone, so an unparsable one fails by itself with the parser's
 * message (and the file's other commands still run). A file of bare module fields is one
 * inline module. Without a script parser at all, every form fails as not executed.
 */
export function planScript(source: string, engine: EngineStages): Step[] {
  const parseScript = engine.parseScript;
  if (parseScript) {
    try {
      const cmds = parseScript(source);
      if (cmds.length > 0 && cmds.every((c) => c.cmd === 'other' && MODULE_FIELDS.has(c.name))) {
        return [inlineModule(source, cmds[0].line)];
      }
      return cmds.map((cmd) => ({ line: cmd.line, command: commandName(cmd), cmd }));
    } catch {
      // fall through to per-command parsing
    }
  }
  const raw = splitCommands(source);
  if (raw.length > 0 && raw.every((r) => MODULE_FIELDS.has(r.head))) return [inlineModule(source, raw[0].line)];
  return raw.map((r) => fallbackStep(r, parseScript, engine));
}

/**
 * A script made only of module fields is one module (the text format's inline module); the
 * module parser accepts bare fields.
 */
function inlineModule(source: string, line: number): Step {
  const cmd: Command = { line, cmd: 'module', name: null, definition: false, module: { kind: 'text', source, line: 1 } };
  return { line, command: 'module', cmd };
}

function fallbackStep(r: RawCommand, parseScript: EngineStages['parseScript'], engine: EngineStages): Step {
  const command = r.head || 'command';
  if (!parseScript) {
    return { line: r.line, command, error: `not executed: ${engine.missing.get('parseScript') ?? 'no script parser'}` };
  }
  try {
    const cmds = parseScript(paddedAt(r));
    if (cmds.length !== 1) return { line: r.line, command, error: `script parse error: ${cmds.length} commands in one form` };
    return { line: r.line, command: commandName(cmds[0]), cmd: cmds[0] };
  } catch (e) {
    return { line: r.line, command, error: `script parse error: ${describeError(e)}` };
  }
}

/** Runs a script's source. Returns every command's outcome (also streamed to onOutcome). */
export function runScript(source: string, options: RunOptions): CommandOutcome[] {
  const steps = planScript(source, options.engine);
  options.onPlan?.(steps.map((st) => ({ line: st.line, command: st.command })));
  const state = new ScriptState(options.engine, options.features);
  const outcomes: CommandOutcome[] = [];
  for (const st of steps) {
    let outcome: CommandOutcome;
    if ('error' in st) {
      outcome = { line: st.line, command: st.command, ok: false, message: st.error };
    } else {
      try {
        runCommand(state, st.cmd);
        outcome = { line: st.line, command: st.command, ok: true };
      } catch (e) {
        outcome = { line: st.line, command: st.command, ok: false, message: describeError(e) };
      }
    }
    outcomes.push(outcome);
    options.onOutcome?.(outcome);
  }
  return outcomes;
}
