import type { SymbolDefinition } from '../parse/facts';
import { ABSTRACT_BASES, ABSTRACT_METACLASSES, isAbstractMethod, isProtocolClass } from '../resolve/interfaces';
import type { SymbolIndex } from '../resolve/symbolIndex';
import { type AnswerFact, type AnswerTable, type InterfaceImplementations, type SourceLocation, SymbolId } from '../result';
import { type AnswerContext, inScope, locationOf } from './context';
import { type PhraseKey, say } from './phrases';

/** What an interface asks of its implementations, method by method. */
export interface Contract {
  base: string;
  /** Implementations in the code under study (tests' fakes left out). */
  implementations: string[];
  methods: ContractMethod[];
}

export interface ContractMethod {
  name: string;
  /** The class that declares it: the interface, or an interface it derives from. */
  symbol: string;
  /**
   * `abstract`: `@abstractmethod`; `not-implemented`: its body raises NotImplementedError;
   * `switched-off`: it raises NotImplementedError in a class built on one from outside the
   * workspace, and an implementation inherits the raise; `declared`: a TypeScript signature;
   * `provided`: a body implementations inherit.
   */
  status: 'abstract' | 'not-implemented' | 'switched-off' | 'declared' | 'called' | 'provided';
  /** `called`: where the interface calls it on itself. */
  calledAt?: SourceLocation;
  /** `switched-off`: the outside class the declaring class is built on, and the implementations that inherit the raise. */
  switchedOff?: { outside: string; inheritors: string[] };
}

/** The interfaces of the code under study, the one with most implementations first (ties: more methods). */
export function studyInterfaces(context: AnswerContext): Contract[] {
  const contracts = context.result.interfaces
    .filter((entry) => inScope(context, SymbolId.parse(entry.base).path))
    .map((entry) => contractOf(context, entry))
    .filter((contract) => contract.implementations.length > 0);
  return contracts.sort((a, b) => b.implementations.length - a.implementations.length || b.methods.length - a.methods.length || a.base.localeCompare(b.base));
}

function contractOf(context: AnswerContext, entry: InterfaceImplementations): Contract {
  const { index } = context;
  const implementations = entry.implementations.filter((symbol) => inScope(context, SymbolId.parse(symbol).path));
  const methods: ContractMethod[] = [];
  // The interface's own methods, then those of the interfaces it derives from (nearest first).
  const declaring = [entry.base, ...index.ancestry(entry.base).classes.filter((ancestor) => context.result.interfaces.some((other) => other.base === ancestor))];
  for (const owner of declaring) {
    const { path } = SymbolId.parse(owner);
    const ownerDefinition = index.definition(owner);
    const protocol = ownerDefinition !== undefined && isProtocolClass(index, path, ownerDefinition);
    for (const { name, symbol, definition } of index.methodsOf(owner)) {
      if (methods.some((method) => method.name === name) || isConstructor(name)) continue;
      const status = methodStatus(index, path, definition, protocol);
      if (status === 'provided' && !isPublic(name)) continue;
      const switchedOff = status === 'not-implemented' ? switchedOffBy(index, owner, name, entry.base, implementations) : undefined;
      methods.push(switchedOff ? { name, symbol, status: 'switched-off', switchedOff } : { name, symbol, status });
    }
  }
  methods.push(...calledUndefined(index, entry.base, declaring, implementations, methods));
  methods.sort((a, b) => Number(a.status === 'provided') - Number(b.status === 'provided'));
  return { base: entry.base, implementations, methods };
}

/**
 * The methods the interface's own methods call on itself, that neither it nor its bases define and
 * every implementation does (a base's `fetch` calling `self._load()`, which only its subclasses define):
 * abstract in all but name, an implementation without one fails when the call is made.
 */
function calledUndefined(index: SymbolIndex, base: string, declaring: readonly string[], implementations: readonly string[], declared: readonly ContractMethod[]): ContractMethod[] {
  const owners = [...new Set([...declaring, ...index.ancestry(base).classes])];
  // A base outside the workspace (a dependency's class under the workspace's) may define what is called: nothing is told then.
  if (!implementations.length || owners.some((owner) => outsideBases(index, owner))) return [];
  // The classes no other implementation derives from are the ones that must define it (an intermediate base leaves it to its own subclasses).
  const leaves = implementations.filter((implementation) => !implementations.some((other) => index.ancestry(other).classes.includes(implementation)));
  const defined = new Set([...declared.map((method) => method.name), ...owners.flatMap((owner) => [...index.methodsOf(owner).map((method) => method.name), ...(index.definition(owner)?.attributes ?? []).map((attribute) => attribute.name)])]);
  const found: ContractMethod[] = [];
  for (const owner of declaring) {
    for (const { definition } of index.methodsOf(owner)) {
      const self = definition.parameters?.[0]?.name;
      if (!self || definition.decorators.includes('staticmethod')) continue;
      for (const call of definition.calls ?? []) {
        const name = call.callee.startsWith(`${self}.`) ? call.callee.slice(self.length + 1) : '';
        if (!/^\w+$/.test(name) || defined.has(name) || found.some((method) => method.name === name)) continue;
        const definers = leaves.map((implementation) => definingClass(index, implementation, name, base));
        const [first] = definers;
        if (!first || definers.some((definer) => !definer)) continue;
        found.push({ name, symbol: `${first}.${name}`, status: 'called', calledAt: { path: SymbolId.parse(owner).path, line: call.line } });
      }
    }
  }
  return found;
}

/**
 * A NotImplementedError raise in a class built on a class from outside the workspace, that an
 * implementation inherits without defining the method: the raise turns off a method for the whole
 * family (a subclass of a dependency's collection refusing one of its operations), it asks nothing
 * of implementations — one that does not define it is not told as breaking a contract.
 */
function switchedOffBy(index: SymbolIndex, owner: string, name: string, base: string, implementations: readonly string[]): ContractMethod['switchedOff'] {
  const outside = outsideBase(index, owner);
  const inheritors = implementations.filter((implementation) => !definingClass(index, implementation, name, base));
  return outside && inheritors.length ? { outside, inheritors } : undefined;
}

/** Bases that only mark a class (`object`, `Generic[T]`, and those that declare an interface: `ABC`, `Protocol`): they define nothing an implementation is asked for. */
const MARKER_BASES: ReadonlySet<string> = new Set(['object', 'typing.Generic', 'typing_extensions.Generic', ...ABSTRACT_BASES, ...ABSTRACT_METACLASSES]);

/** Whether a class derives from a class outside the workspace, other than a marker. */
function outsideBases(index: SymbolIndex, owner: string): boolean {
  return outsideBase(index, owner) !== undefined;
}

/** The first class outside the workspace, other than a marker, that a class derives from directly, by its qualified name. */
function outsideBase(index: SymbolIndex, owner: string): string | undefined {
  const { path } = SymbolId.parse(owner);
  for (const base of index.definition(owner)?.bases ?? []) {
    const target = index.qualify(path, base.split('[')[0] ?? base);
    if (target !== undefined && 'external' in target && !MARKER_BASES.has(target.external)) return target.external;
  }
  return undefined;
}

/** A Protocol's members without a body (`...`) are what a conforming class defines, as an interface's are. */
function methodStatus(index: SymbolIndex, path: string, definition: SymbolDefinition, protocol: boolean): ContractMethod['status'] {
  if (isAbstractMethod(index, path, definition)) return 'abstract';
  if (protocol && definition.stub) return 'declared';
  if (!definition.notImplemented) return 'provided';
  return /\.(py|pyi)$/.test(path) ? 'not-implemented' : 'declared';
}

const isConstructor = (name: string) => name === '__init__' || name === 'constructor';
const isPublic = (name: string) => !name.startsWith('_') || /^__\w+__$/.test(name);

/** A method every implementation must define. */
export const isMandatory = (method: ContractMethod) => method.status !== 'provided' && method.status !== 'switched-off';

const STATUS_PHRASES: Readonly<Record<ContractMethod['status'], PhraseKey>> = {
  abstract: 'abstractMethod',
  'not-implemented': 'notImplementedMethod',
  'switched-off': 'switchedOffMethod',
  declared: 'interfaceMember',
  called: 'calledOnSelfMethod',
  provided: 'providedMethod',
};

/**
 * The contract as facts: each method an implementation must define, and why; the methods with a
 * body, when they are many, in one fact that names them all, so that no list is cut.
 */
export function contractFacts(index: SymbolIndex, contract: Contract): AnswerFact[] {
  const mandatory = contract.methods.filter((method) => method.status !== 'provided');
  const provided = contract.methods.filter((method) => method.status === 'provided');
  // A method only implementations define is named without the implementation its signature is read from.
  const named = (method: ContractMethod) => (method.status === 'called' ? signatureOf(index, method.symbol).replace(/^[\w.]+\./, '') : method.status !== 'provided' ? signatureOf(index, method.symbol) : SymbolId.label(method.symbol));
  const each = (method: ContractMethod): AnswerFact => {
    const location = method.calledAt ?? locationOf(index, method.symbol);
    const off = method.switchedOff;
    if (off) return { ...say('switchedOffMethod', named(method), SymbolId.label(SymbolId.owner(method.symbol) ?? contract.base), off.outside, off.inheritors.map((symbol) => SymbolId.label(symbol)).join('`, `')), location };
    return { ...say(STATUS_PHRASES[method.status], named(method), SymbolId.label(contract.base)), location };
  };
  const [first] = provided;
  if (!first || mandatory.length + provided.length <= MAX_METHOD_FACTS) return contract.methods.map(each);
  return [...mandatory.map(each), { ...say('providedMethods', SymbolId.label(contract.base), provided.length, provided.map((method) => method.name).join(', ')), location: locationOf(index, first.symbol) }];
}

/** A method with the parameters an implementation receives (`BaseCache._set(key, value, ttl=None, _cas_token=None)`), its receiver left out. */
function signatureOf(index: SymbolIndex, symbol: string): string {
  const definition = index.definition(symbol);
  const parameters = (definition?.parameters ?? []).filter((parameter, position) => !(position === 0 && /^(self|cls|this)$/.test(parameter.name)));
  const written = parameters.map((parameter) => (parameter.default !== undefined && parameter.default.length <= MAX_DEFAULT_SHOWN ? `${parameter.name}=${parameter.default}` : parameter.name)).join(', ');
  return definition?.parameters ? `${SymbolId.label(symbol)}(${written})` : SymbolId.label(symbol);
}

/** A default longer than this is left out of a signature: the parameter's name is told alone. */
const MAX_DEFAULT_SHOWN = 24;

/** Methods told one by one, at most: a longer contract tells the inherited ones in one fact. */
const MAX_METHOD_FACTS = 20;

/** Columns an implementation table shows at most: the mandatory methods come first. */
const MAX_TABLE_METHODS = 16;

/** Which implementation defines which method of the contract, and which inherit or miss it. */
export function implementationTable(index: SymbolIndex, contract: Contract): AnswerTable {
  const methods = contract.methods.slice(0, MAX_TABLE_METHODS);
  return {
    subject: contract.base,
    methods: methods.map((method) => method.name),
    rows: contract.implementations.map((implementation) => ({
      implementation,
      location: locationOf(index, implementation),
      cells: methods.map((method) => {
        const definer = definingClass(index, implementation, method.name, contract.base);
        if (definer) return 'defines';
        return isMandatory(method) ? 'missing' : 'inherits';
      }),
    })),
  };
}

/** The class between an implementation and its interface (the implementation included) that defines a method, if any. */
export function definingClass(index: SymbolIndex, implementation: string, method: string, base: string): string | undefined {
  for (const owner of [implementation, ...index.ancestry(implementation).classes]) {
    if (owner === base) return undefined;
    if (index.definition(`${owner}.${method}`)) return owner;
  }
  return undefined;
}
