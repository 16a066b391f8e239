import type { CallSite, SymbolDefinition } from '../parse/facts';
import type { SymbolIndex } from '../resolve/symbolIndex';
import { type AnswerFact, type AnswerPart, SymbolId } from '../result';
import { isLogging } from '../trace/trace';
import { type Contract } from './contract';
import { type AnswerContext, answerPart, fact, locationOf } from './context';
import { say } from './phrases';

/** Calls told per method, at most: the rest are counted. */
const MAX_CALLS_SHOWN = 8;

/**
 * How an implementation does its work, method by method (its own methods, in source order): the
 * calls each makes on its client or store (`self.client.scan`), into the modules it imports
 * (`GlideClient.create`, `asyncio.gather`) and to its own helpers (`self._cas`), each with the
 * condition it is made under (`self.client.persist` when `ttl == 0`); and a method that is another
 * by assignment (`_gets = _get`). Data moves, builtins and logging are no steps of the algorithm.
 */
export function implementationWorkPart(context: AnswerContext, contract: Contract, implementation: string): AnswerPart | undefined {
  const { index } = context;
  const { path } = SymbolId.parse(implementation);
  const facts: AnswerFact[] = [];
  const prefix = `${SymbolId.parse(implementation).name}.`;
  for (const { symbol, definition } of index.definitionsIn(path)) {
    const name = definition.name.slice(prefix.length);
    if (!definition.name.startsWith(prefix) || name.includes('.')) continue;
    if (definition.kind === 'variable') {
      if (definition.alias && /^\w+$/.test(definition.alias) && index.definition(`${implementation}.${definition.alias}`)) facts.push(fact(locationOf(index, symbol), 'methodIsAlias', SymbolId.label(symbol), `${name} = ${definition.alias}`));
      continue;
    }
    if (definition.kind !== 'method') continue;
    const steps = workCalls(index, path, implementation, definition);
    if (!steps.length) continue;
    // Each step as code (`if ttl == 0: self.client.persist`): the condition is the code's, not prose to translate.
    const shown = steps.slice(0, MAX_CALLS_SHOWN).map((call) => `\`${call.condition ? `if ${call.condition}: ` : ''}${call.callee}\``);
    const text = shown.join(', ') + (steps.length > MAX_CALLS_SHOWN ? ', …' : '');
    // Its own helper: neither the contract's nor an ancestor's method (`_close` overrides one), nor a dunder (`__aenter__`);
    // a class studied for want of an interface (its own contract) has no such helpers.
    const inherited = contract.base === implementation || contract.methods.some((method) => method.name === name) || /^(__\w+__|constructor)$/.test(name) || index.ancestry(implementation).classes.some((owner) => index.definition(`${owner}.${name}`));
    const key = inherited ? 'methodCalls' : 'helperCalls';
    facts.push(fact(locationOf(index, symbol), key, SymbolId.label(symbol), text));
  }
  return facts.length ? answerPart(say('implementationWorkTopic', SymbolId.label(implementation)), facts) : undefined;
}

/**
 * The calls of a method that are steps of the implementation's work: on `self`'s attributes
 * (its client, its store), to its own methods, and into outside modules it imports (directly or
 * through a local made by one), each callee once.
 */
function workCalls(index: SymbolIndex, path: string, implementation: string, definition: SymbolDefinition): CallSite[] {
  const selfName = definition.parameters?.[0]?.name ?? 'self';
  const seen = new Set<string>();
  return (definition.calls ?? []).filter((call) => {
    const parts = call.callee.split('.');
    const head = parts[0] ?? '';
    if (seen.has(call.callee) || isLogging(parts) || /[()"'[\]]/.test(call.callee)) return false;
    const kept = head === selfName || head === 'this' ? parts.length >= 2 && isOwnStep(index, implementation, parts) : isOutside(index, path, definition, head) || (parts.length >= 2 && namedForAttribute(index, implementation, definition, head));
    if (kept) seen.add(call.callee);
    return kept;
  });
}

/** `self.client.get` (an attribute's method), or `self._cas` (a method of the class or of a workspace ancestor); not `self.emit_*` data copies of unknown kind. */
function isOwnStep(index: SymbolIndex, implementation: string, parts: readonly string[]): boolean {
  if (parts.length > 2) return true;
  const name = parts[1] ?? '';
  return [implementation, ...index.ancestry(implementation).classes].some((owner) => index.definition(`${owner}.${name}`) !== undefined);
}

/**
 * A local named for one of the class's attributes (`const client = await this.getClient()` for
 * `this._client`): the same client or store, reached through a local the syntax gives no type.
 */
function namedForAttribute(index: SymbolIndex, implementation: string, definition: SymbolDefinition, head: string): boolean {
  if (definition.parameters?.some((parameter) => parameter.name === head)) return false;
  return [implementation, ...index.ancestry(implementation).classes].some((owner) => index.definition(owner)?.attributes?.some((attribute) => attribute.name.replace(/^_+/, '') === head));
}

/** A name the file imports from outside the workspace (`aiomcache`, `ExpirySet`), or a local made by one (`loop = asyncio.get_running_loop()`). */
function isOutside(index: SymbolIndex, path: string, definition: SymbolDefinition, head: string): boolean {
  const local = definition.locals?.find((candidate) => candidate.name === head);
  if (local) return local.type !== undefined && local.type.split('.')[0] !== head && isOutside(index, path, { ...definition, locals: [] }, local.type.split('.')[0] ?? '');
  if (/^[A-Z][a-zA-Z]*Error$|^[A-Z][a-zA-Z]*Exception$/.test(head)) return false;
  for (const statement of index.file(path)?.imports ?? []) {
    const bound = statement.names.length ? statement.names.some((name) => (name.alias ?? name.name) === head) : (statement.alias ?? statement.module.split('.')[0]) === head;
    if (bound) return statement.level === 0 && !statement.module.startsWith('.') && !index.moduleFile(statement.module);
  }
  return false;
}

/** Operations told per object, at most. */
const MAX_OPERATIONS = 16;

/**
 * The operations an implementation performs on each object it holds (`self.client`: get, mget,
 * set, scan…; `self._cache`: move_to_end, popitem…): the commands of its driver or the data
 * structure it keeps, where implementations differ most.
 */
export function operationsFacts(context: AnswerContext, implementation: string): AnswerFact[] {
  const { index } = context;
  const { path } = SymbolId.parse(implementation);
  const byObject = new Map<string, { operations: string[]; line: number }>();
  for (const { definition } of index.methodsOf(implementation)) {
    const selfName = definition.parameters?.[0]?.name ?? 'self';
    for (const call of definition.calls ?? []) {
      const parts = call.callee.split('.');
      if (parts.length !== 3 || (parts[0] !== selfName && parts[0] !== 'this') || /[()"'[\]]/.test(call.callee)) continue;
      const object = `${parts[0]}.${parts[1]}`;
      const entry = byObject.get(object) ?? { operations: [], line: call.line };
      if (!entry.operations.includes(parts[2] ?? '')) entry.operations.push(parts[2] ?? '');
      byObject.set(object, entry);
    }
  }
  return [...byObject]
    .filter(([, entry]) => entry.operations.length >= 2)
    .map(([object, entry]) => fact({ path, line: entry.line }, 'operatesOn', SymbolId.label(implementation), object, entry.operations.slice(0, MAX_OPERATIONS).join(', ') + (entry.operations.length > MAX_OPERATIONS ? ', …' : '')));
}

/** Context-manager entries and what their `with` statement is: where an implementation may make what it needs. */
const ENTRIES: Readonly<Record<string, string>> = { __aenter__: 'async with', __enter__: 'with' };

/**
 * An object an implementation makes only when its `with` block is entered (`self.client =
 * await GlideClient.create(...)` in `__aenter__`), not in its constructor: a user must enter it
 * before any call.
 */
export function lifecycleFacts(context: AnswerContext, implementation: string): AnswerFact[] {
  const { index } = context;
  const attributes = index.definition(implementation)?.attributes ?? [];
  const constructor = index.definition(`${implementation}.__init__`)?.range;
  const inConstructor = (name: string) => attributes.some((attribute) => attribute.name === name && constructor !== undefined && constructor.start.line <= attribute.line && attribute.line <= constructor.end.line);
  return Object.entries(ENTRIES).flatMap(([method, statement]) => {
    const range = index.definition(`${implementation}.${method}`)?.range;
    if (!range) return [];
    const made = attributes.filter((attribute) => range.start.line <= attribute.line && attribute.line <= range.end.line && !inConstructor(attribute.name));
    return made.map((attribute) => fact({ path: SymbolId.parse(implementation).path, line: attribute.line }, 'madeOnEntry', SymbolId.label(implementation), attribute.name, method, statement));
  });
}
