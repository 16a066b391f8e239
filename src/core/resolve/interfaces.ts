import type { SymbolDefinition } from '../parse/facts';
import type { InterfaceImplementations } from '../result';
import type { SymbolIndex } from './symbolIndex';

const ABSTRACT_BASES = new Set(['ABC', 'abc.ABC', 'Protocol', 'typing.Protocol', 'typing_extensions.Protocol']);
const ABSTRACT_METACLASSES = new Set(['ABCMeta', 'abc.ABCMeta']);
const ABSTRACT_DECORATORS = new Set(['abstractmethod', 'abc.abstractmethod', 'abstractproperty', 'abc.abstractproperty']);

/** Classes that declare an interface: ABC or Protocol bases, an ABCMeta metaclass, or abstract methods. */
function declaresInterface(definition: SymbolDefinition, hasAbstractMethods: boolean): boolean {
  return (
    hasAbstractMethods ||
    definition.bases.some((base) => ABSTRACT_BASES.has(base)) ||
    (definition.metaclass !== undefined && ABSTRACT_METACLASSES.has(definition.metaclass))
  );
}

/** Every workspace interface with the concrete classes that derive from it, directly or through other classes. */
export function interfaceImplementations(index: SymbolIndex): InterfaceImplementations[] {
  const parents = new Map<string, string[]>();
  const classes: { symbol: string; definition: SymbolDefinition }[] = [];
  const withAbstractMethods = new Set<string>();
  for (const { symbol, path, definition } of index.allDefinitions()) {
    if (definition.kind === 'method' && definition.decorators.some((decorator) => ABSTRACT_DECORATORS.has(decorator))) {
      withAbstractMethods.add(symbol.slice(0, symbol.lastIndexOf('.')));
    }
    if (definition.kind !== 'class') continue;
    classes.push({ symbol, definition });
    parents.set(symbol, definition.bases.flatMap((base) => index.resolve(path, base) ?? []));
  }
  const interfaces = new Set(
    classes.filter(({ symbol, definition }) => declaresInterface(definition, withAbstractMethods.has(symbol))).map(({ symbol }) => symbol),
  );
  const implementations = new Map<string, string[]>([...interfaces].map((symbol) => [symbol, []]));
  for (const { symbol } of classes) {
    if (interfaces.has(symbol)) continue;
    for (const ancestor of ancestorsOf(symbol, parents)) implementations.get(ancestor)?.push(symbol);
  }
  return [...implementations].map(([base, found]) => ({ base, implementations: found.sort() })).sort((a, b) => a.base.localeCompare(b.base));
}

/** Iterative and cycle-safe: `class A(B)` / `class B(A)` across files must not loop. */
function ancestorsOf(symbol: string, parents: ReadonlyMap<string, readonly string[]>): Set<string> {
  const seen = new Set<string>();
  const pending = [...(parents.get(symbol) ?? [])];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (seen.has(next) || next === symbol) continue;
    seen.add(next);
    pending.push(...(parents.get(next) ?? []));
  }
  return seen;
}
