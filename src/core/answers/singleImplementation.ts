import { type AnswerFact, type AnswerPart, SymbolId } from '../result';
import type { CallSite, Parameter, SymbolDefinition } from '../parse/facts';
import { type AnswerContext, answerPart, fact, gap, inPart, inScope, locationOf, memo } from './context';
import { say } from './phrases';

/** Constructor settings told with their defaults, at most. */
const MAX_DEFAULTS = 12;

/** Calls of a console command's function told, at most. */
const MAX_ENTRY_CALLS = 6;

/**
 * A library with no interface to implement runs on one class (a worker, a client): said plainly,
 * with what its users give it, the callables its constructor takes (hooks, serializers, the
 * functions it runs) and the entries made by the library's own functions (`cron(...)`), the
 * attributes a settings record must set, and the defaults of the rest.
 */
export function singleImplementationParts(context: AnswerContext, central: string, records: readonly string[]): AnswerPart[] {
  const { index } = context;
  const constructor = `${central}.__init__`;
  const parameters = (index.definition(constructor)?.parameters ?? []).filter((parameter) => parameter.name !== 'self' && !parameter.splat);
  const path = SymbolId.parse(central).path;
  const plugged = parameters.flatMap((parameter) => pluggedFact(context, path, constructor, parameter));
  const pluggedNames = new Set(plugged.map((entry) => entry.name));
  const defaults = parameters.filter((parameter) => parameter.default !== undefined && !pluggedNames.has(parameter.name)).map((parameter) => `${parameter.name}=${parameter.default ?? ''}`);
  const facts: AnswerFact[] = [
    fact(locationOf(index, central), 'singleImplementation', SymbolId.label(central)),
    ...plugged.map((entry) => entry.fact),
    ...records.flatMap((record) => requiredFacts(context, record)),
    ...(defaults.length ? [fact(locationOf(index, constructor), 'settingDefaults', SymbolId.label(central), defaults.slice(0, MAX_DEFAULTS).join(', ') + (defaults.length > MAX_DEFAULTS ? ', …' : ''))] : []),
  ];
  return [answerPart(say('singleImplementationTopic', SymbolId.label(central)), facts), ...switchParts(context, central), ...consoleEntryParts(context)];
}

/** Switches told, at most. */
const MAX_SWITCHES = 8;

/** `x = y` as written: an assignment of a name or a dotted name to a name. */
const NAME_ASSIGNED = /^([A-Za-z_]\w*)\s*=\s*([A-Za-z_][\w.]*)$/;

/** A condition that is a flag read alone, or its negation as the scan writes an `else` branch (`settings.sentinel`, `not (settings.sentinel)`). */
const FLAG_CONDITION = /^(not \()?([A-Za-z_][\w.]*)\)?$/;

/**
 * What chooses between code paths at run time when one class does the work: a parameter left to
 * None that the function replaces by a default of its own (`if serializer is None: serializer =
 * pickle.dumps`), and a class made in one branch of a flag (`ArqRedis` where `settings.sentinel`
 * does not hold). Told as made in that branch, not only there: the other branch may make it too,
 * through a nested function or a keyword (`redis_class=ArqRedis`). With none, the gap says what was looked for.
 */
function switchParts(context: AnswerContext, central: string): AnswerPart[] {
  const { index } = context;
  const facts: AnswerFact[] = [];
  for (const file of context.result.files) {
    if (!inScope(context, file.path)) continue;
    for (const { symbol, definition } of index.definitionsIn(file.path)) {
      if (definition.kind !== 'function' && definition.kind !== 'method') continue;
      // Only a parameter that takes something to run or to make: a default string or number is a setting, not a code path.
      const pluggable = (parameter: Parameter) => {
        const annotation = (parameter.annotation ?? '').replace(/['"]/g, '');
        return /\bCallable\b/.test(annotation) || (annotation.match(/[A-Za-z_][\w.]*/g) ?? []).some((name) => callableShape(context, file.path, name) !== undefined || index.definition(index.resolve(file.path, name) ?? '')?.kind === 'class');
      };
      const leftToNone = new Set((definition.parameters ?? []).filter((parameter) => parameter.default === 'None' && pluggable(parameter)).map((parameter) => parameter.name));
      const raisedAt = new Set((definition.raises ?? []).map((raised) => raised.line));
      for (const check of definition.typeChecks ?? []) {
        const [, assigned, fallback] = NAME_ASSIGNED.exec(check.then) ?? [];
        if (!check.negated && check.types.length === 1 && check.types[0] === 'None' && leftToNone.has(check.subject) && assigned === check.subject && fallback) {
          facts.push(fact({ path: file.path, line: check.line }, 'usesWhenNotGiven', SymbolId.label(symbol), fallback, check.subject));
        }
      }
      for (const call of definition.calls ?? []) {
        const [, negated, flag] = FLAG_CONDITION.exec(call.condition ?? '') ?? [];
        const made = classGivenTo(context, file.path, definition, call);
        const madeClass = [call.callee, made].find((written) => written && index.definition(index.resolve(file.path, written) ?? '')?.kind === 'class');
        if (flag && madeClass && !raisedAt.has(call.line)) facts.push(fact({ path: file.path, line: call.line }, negated ? 'makesUnlessFlag' : 'makesWhenFlag', SymbolId.label(symbol), madeClass, flag));
      }
    }
  }
  return [answerPart(say('switchesTopic'), facts.slice(0, MAX_SWITCHES), gap('noSwitches', locationOf(index, central)))];
}

/**
 * The class a call given a class first makes (`client = build(SentryClient, host)`), read from that
 * call's own assignment: the same factory called in two branches makes one class in each, and the
 * locals the function keeps by name hold only one of them.
 */
function classGivenTo(context: AnswerContext, path: string, definition: SymbolDefinition, call: CallSite): string | undefined {
  if (!(definition.locals ?? []).some((local) => local.madeWith?.callee === call.callee)) return undefined;
  const own = (definition.fills ?? []).filter((fill) => !fill.target.includes('.') && fill.calls.includes(call.callee) && fill.line <= call.line).pop();
  const first = own?.reads[0];
  return first && context.index.definition(context.index.resolve(path, first) ?? '')?.kind === 'class' ? first : undefined;
}

/**
 * What a constructor parameter takes from the user, when it is something to plug in: a callable
 * (its annotation is a `Callable`, an alias of one, or a Protocol with `__call__`), or entries the
 * library's own function makes (`cron_jobs: Sequence[CronJob]`, `CronJob` returned by `cron`).
 */
function pluggedFact(context: AnswerContext, path: string, constructor: string, parameter: Parameter): { name: string; fact: AnswerFact }[] {
  const annotation = (parameter.annotation ?? '').replace(/['"]/g, '');
  const names = annotation.match(/[A-Za-z_][\w.]*/g) ?? [];
  const shown = `${parameter.name}: ${annotation}${parameter.default !== undefined ? ` = ${parameter.default}` : ''}`;
  const at = locationOf(context.index, constructor);
  const shape = /\bCallable\b/.test(annotation) ? annotation : names.map((name) => callableShape(context, path, name)).find((found) => found !== undefined);
  if (shape) return [{ name: parameter.name, fact: fact(at, 'takesCallable', SymbolId.label(constructor), shown, shape) }];
  for (const name of names) {
    const symbol = context.index.resolve(path, name);
    const maker = symbol ? makerOf(context, symbol) : undefined;
    if (maker) return [{ name: parameter.name, fact: fact(at, 'takesMadeBy', SymbolId.label(constructor), shown, SymbolId.label(maker)) }];
  }
  return [];
}

/**
 * The shape of a callable a workspace type names: a type alias of a `Callable` as written
 * (`Callable[[Dict[str, Any]], bytes]`), or the signature of a class's `__call__` (a Protocol a
 * user's function must match: `(ctx: Dict[Any, Any], *args, **kwargs)`); undefined for any other type.
 */
function callableShape(context: AnswerContext, path: string, name: string): string | undefined {
  const symbol = context.index.resolve(path, name);
  const definition = symbol ? context.index.definition(symbol) : undefined;
  if (!symbol || !definition) return undefined;
  if (definition.kind === 'variable') return /\bCallable\b/.test(definition.alias ?? '') ? definition.alias : undefined;
  const call = definition.kind === 'class' ? context.index.definition(`${symbol}.__call__`) : undefined;
  if (!call) return undefined;
  const parameters = (call.parameters ?? []).filter((parameter) => parameter.name !== 'self').map((parameter) => `${parameter.splat === 'keywords' ? '**' : parameter.splat === 'positional' ? '*' : ''}${parameter.name}${parameter.annotation ? `: ${parameter.annotation}` : ''}`);
  return `(${parameters.join(', ')})${call.returns ? ` -> ${call.returns}` : ''}`;
}

/** The library's public module-level function that returns instances of a class (`def cron(...) -> CronJob`). */
function makerOf(context: AnswerContext, symbol: string): string | undefined {
  const makers = memo(context, 'makers by the class they return', () => {
    const found = new Map<string, string>();
    for (const file of context.result.files) {
      if (!inScope(context, file.path)) continue;
      for (const { symbol: maker, definition } of context.index.definitionsIn(file.path)) {
        const returned = (definition.returns ?? '').replace(/['"]/g, '');
        if (definition.kind === 'function' && !definition.name.startsWith('_') && returned && !found.has(returned)) found.set(returned, maker);
      }
    }
    return found;
  });
  return makers.get(SymbolId.label(symbol));
}

/** The attributes a settings record (a Protocol of attributes) declares with no default: what every settings value must set. */
function requiredFacts(context: AnswerContext, record: string): AnswerFact[] {
  const required = (context.index.definition(record)?.attributes ?? []).filter((attribute) => !attribute.name.startsWith('_') && attribute.shape === undefined).map((attribute) => attribute.name);
  return required.length ? [fact(locationOf(context.index, record), 'requiredSettings', SymbolId.label(record), required.join(', '))] : [];
}

/** A `[project.scripts]` entry (`name = 'package.module:function'`). */
const SCRIPT_ENTRY = /^\s*["']?([\w.-]+)["']?\s*=\s*["']([\w.]+):([\w.]+)["']/;

/**
 * The console commands the package installs (`[project.scripts]`), each traced one step: the
 * function it runs and the library's own functions that function calls (loading the settings,
 * building and running the worker).
 */
function consoleEntryParts(context: AnswerContext): AnswerPart[] {
  const { index } = context;
  const facts: AnswerFact[] = [];
  for (const document of context.documents.filter((candidate) => /(^|\/)pyproject\.toml$/.test(candidate.path) && inPart(context, candidate.path))) {
    const lines = document.text.split('\n');
    const start = lines.findIndex((line) => line.trim() === '[project.scripts]');
    if (start < 0) continue;
    for (let line = start + 1; line < lines.length && !/^\s*\[/.test(lines[line] ?? ''); line++) {
      const entry = SCRIPT_ENTRY.exec(lines[line] ?? '');
      const [, command = '', module = '', name = ''] = entry ?? [];
      const file = entry ? index.moduleFile(module) : undefined;
      if (!file) continue;
      const symbol = `${file}:${name}`;
      const calls = [...new Set((index.definition(symbol)?.calls ?? []).flatMap((call) => {
        const called = index.resolve(file, call.callee.split('(')[0] ?? call.callee);
        return called && called !== symbol && index.definition(called) ? [`\`${SymbolId.label(called)}\``] : [];
      }))];
      facts.push(fact({ path: document.path, line }, 'consoleCommand', command, SymbolId.label(symbol), file));
      if (calls.length) facts.push(fact(locationOf(index, symbol), 'consoleCommandCalls', SymbolId.label(symbol), calls.slice(0, MAX_ENTRY_CALLS).join(', ') + (calls.length > MAX_ENTRY_CALLS ? ', …' : '')));
    }
  }
  return facts.length ? [answerPart(say('consoleEntryTopic'), facts)] : [];
}
