import type { SymbolDefinition } from '../parse/facts';
import { isAbstractMethod } from '../resolve/interfaces';
import type { SymbolIndex } from '../resolve/symbolIndex';
import { type AnswerFact, type AnswerTable, type InterfaceImplementations, SymbolId } from '../result';
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
  /** `abstract`: `@abstractmethod`; `not-implemented`: its body raises NotImplementedError; `declared`: a TypeScript signature; `provided`: a body implementations inherit. */
  status: 'abstract' | 'not-implemented' | 'declared' | 'provided';
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
    for (const { name, symbol, definition } of index.methodsOf(owner)) {
      if (methods.some((method) => method.name === name) || isConstructor(name)) continue;
      const status = methodStatus(index, path, definition);
      if (status === 'provided' && !isPublic(name)) continue;
      methods.push({ name, symbol, status });
    }
  }
  methods.sort((a, b) => Number(a.status === 'provided') - Number(b.status === 'provided'));
  return { base: entry.base, implementations, methods };
}

function methodStatus(index: SymbolIndex, path: string, definition: SymbolDefinition): ContractMethod['status'] {
  if (isAbstractMethod(index, path, definition)) return 'abstract';
  if (!definition.notImplemented) return 'provided';
  return /\.(py|pyi)$/.test(path) ? 'not-implemented' : 'declared';
}

const isConstructor = (name: string) => name === '__init__' || name === 'constructor';
const isPublic = (name: string) => !name.startsWith('_') || /^__\w+__$/.test(name);

/** A method every implementation must define. */
export const isMandatory = (method: ContractMethod) => method.status !== 'provided';

const STATUS_PHRASES: Readonly<Record<ContractMethod['status'], PhraseKey>> = {
  abstract: 'abstractMethod',
  'not-implemented': 'notImplementedMethod',
  declared: 'interfaceMember',
  provided: 'providedMethod',
};

/**
 * The contract as facts: each method an implementation must define, and why; the methods with a
 * body, when they are many, in one fact that names them all, so that no list is cut.
 */
export function contractFacts(index: SymbolIndex, contract: Contract): AnswerFact[] {
  const mandatory = contract.methods.filter(isMandatory);
  const provided = contract.methods.filter((method) => !isMandatory(method));
  const each = (method: ContractMethod): AnswerFact => ({ ...say(STATUS_PHRASES[method.status], isMandatory(method) ? signatureOf(index, method.symbol) : SymbolId.label(method.symbol), SymbolId.label(contract.base)), location: locationOf(index, method.symbol) });
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
