import { Turns } from '../nextTurn';
import type { SymbolDefinition } from '../parse/facts';
import type { InterfaceImplementations } from '../result';
import type { SymbolIndex } from './symbolIndex';

const ABSTRACT_BASES = new Set(['abc.ABC', 'typing.Protocol', 'typing_extensions.Protocol']);
const ABSTRACT_METACLASSES = new Set(['abc.ABCMeta']);
const ABSTRACT_DECORATORS = new Set(['abc.abstractmethod', 'abc.abstractproperty', 'abc.abstractclassmethod', 'abc.abstractstaticmethod']);

interface ClassEntry {
  symbol: string;
  path: string;
  definition: SymbolDefinition;
  abstractMethods: number;
  notImplementedMethods: number;
  /** Declared an interface by the class itself (its bases, metaclass, keywords or abstract methods). */
  declared: boolean;
}

/**
 * Every workspace interface with the classes that derive from it, directly or through other
 * classes, in any file. An interface: a class with ABC or Protocol among its own bases, an ABCMeta
 * metaclass, an `@abstractmethod`, or a base class whose methods raise NotImplementedError (when
 * two of them do, or when something derives from it).
 */
export async function interfaceImplementations(index: SymbolIndex, turns = new Turns()): Promise<InterfaceImplementations[]> {
  const classes = new Map<string, ClassEntry>();
  const declared = new Set<string>();
  await turns.each(index.files(), (file) => {
    for (const entry of index.part('interface-classes', file.path, () => classEntries(index, file.path))) {
      classes.set(entry.symbol, entry);
      if (entry.declared) declared.add(entry.symbol);
    }
  });

  const implementations = new Map<string, string[]>();
  const byNotImplemented = [...classes.values()].filter((entry) => !declared.has(entry.symbol) && entry.notImplementedMethods > 0);
  for (const entry of classes.values()) {
    // A TypeScript interface extending another implements nothing: only classes do.
    if (entry.definition.keywords?.['interface'] === 'true') continue;
    for (const ancestor of index.ancestry(entry.symbol).classes) {
      const list = implementations.get(ancestor) ?? [];
      list.push(entry.symbol);
      implementations.set(ancestor, list);
    }
  }
  for (const [base, implementers] of goImplementations(index, [...classes.values()].filter((entry) => entry.path.endsWith('.go')))) {
    implementations.set(base, [...(implementations.get(base) ?? []), ...implementers]);
  }
  for (const entry of byNotImplemented) {
    if (entry.notImplementedMethods >= 2 || implementations.has(entry.symbol)) declared.add(entry.symbol);
  }
  for (const entry of classes.values()) {
    if (entry.definition.keywords?.['interface'] === 'true' && implementations.has(entry.symbol)) declared.add(entry.symbol);
  }
  return [...declared]
    .sort()
    .map((base) => ({ base, implementations: (implementations.get(base) ?? []).filter((symbol) => !declared.has(symbol)).sort() }));
}

/**
 * Go: a type implements an interface when it has every method the interface asks for (its own and
 * those of the interfaces it embeds), by name, its own or promoted from the types it embeds —
 * whatever it declares, as Go decides.
 */
function goImplementations(index: SymbolIndex, entries: readonly ClassEntry[]): Map<string, string[]> {
  const methodNames = (symbol: string) => new Set([symbol, ...index.ancestry(symbol).classes].flatMap((owner) => index.methodsOf(owner).map((method) => method.name)));
  const interfaces = entries.filter((entry) => entry.definition.keywords?.['interface'] === 'true').map((entry) => ({ symbol: entry.symbol, methods: methodNames(entry.symbol) })).filter((entry) => entry.methods.size > 0);
  const found = new Map<string, string[]>();
  if (!interfaces.length) return found;
  for (const entry of entries) {
    if (entry.definition.keywords?.['interface'] === 'true') continue;
    const has = methodNames(entry.symbol);
    if (!has.size) continue;
    for (const candidate of interfaces) {
      if ([...candidate.methods].every((name) => has.has(name))) found.set(candidate.symbol, [...(found.get(candidate.symbol) ?? []), entry.symbol]);
    }
  }
  return found;
}

/** The classes one file defines, with what their own methods say. */
function classEntries(index: SymbolIndex, path: string): ClassEntry[] {
  const entries: ClassEntry[] = [];
  for (const { symbol, definition } of index.definitionsIn(path)) {
    if (definition.kind !== 'class') continue;
    const entry = { symbol, path, definition, abstractMethods: 0, notImplementedMethods: 0, declared: false };
    for (const { definition: method } of index.methodsOf(symbol)) {
      if (isAbstractMethod(index, path, method)) entry.abstractMethods++;
      if (method.notImplemented) entry.notImplementedMethods++;
    }
    entry.declared = declaresInterface(index, entry);
    entries.push(entry);
  }
  return entries;
}

/** A method marked abstract (`@abstractmethod` and its kin), as written in `path`. */
export function isAbstractMethod(index: SymbolIndex, path: string, method: SymbolDefinition): boolean {
  return method.decorators.some((decorator) => qualifiedIn(index, path, decorator, ABSTRACT_DECORATORS));
}

function declaresInterface(index: SymbolIndex, entry: ClassEntry): boolean {
  if (entry.abstractMethods > 0) return true;
  // TypeScript says it in so many words: `abstract class X`, and `interface X` when it declares
  // methods (an interface of properties only describes data, not behaviour to implement).
  const keywords = entry.definition.keywords;
  if (keywords?.['abstract'] === 'true' || (keywords?.['interface'] === 'true' && entry.notImplementedMethods > 0)) return true;
  if (entry.definition.bases.some((base) => qualifiedIn(index, entry.path, base, ABSTRACT_BASES))) return true;
  return entry.definition.metaclass !== undefined && qualifiedIn(index, entry.path, entry.definition.metaclass, ABSTRACT_METACLASSES);
}

function qualifiedIn(index: SymbolIndex, path: string, name: string, names: ReadonlySet<string>): boolean {
  return index.qualifiedNames(path, name).some((qualified) => names.has(qualified));
}
