import type { ValueShape } from '../parse/facts';
import { type AnswerFact, type SourceLocation, SymbolId } from '../result';
import type { Contract } from './contract';
import { type AnswerContext, fact, inScope, locationOf } from './context';

/** A class a written reference stands for: a name, or a dotted path as a string (`"pkg.backends.redis:RedisBackend"`, `"pkg.local.LocalFileSystem"`). */
function referencedClass(context: AnswerContext, path: string, value: ValueShape): string | undefined {
  const { index } = context;
  if (value.kind === 'name') return index.resolve(path, value.value);
  if (value.kind === 'call') return index.resolve(path, value.callee);
  return value.kind === 'string' ? index.definitionAtImportPath(value.value) : undefined;
}

/** The implementation an entry of a table names: its value, or a string inside it (`{"class": "pkg.local.LocalFileSystem", "err": "..."}`). */
function entryImplementation(context: AnswerContext, path: string, value: ValueShape, implementations: ReadonlySet<string>): string | undefined {
  const candidates = value.kind === 'dict' ? value.entries.map((entry) => entry.value) : [value];
  return candidates.map((candidate) => referencedClass(context, path, candidate)).find((symbol) => symbol !== undefined && implementations.has(symbol));
}

/** The implementations a list or dict of a registry names, in order. */
function listedImplementations(context: AnswerContext, path: string, shape: ValueShape, implementations: ReadonlySet<string>): string[] {
  const values = shape.kind === 'list' ? shape.items : shape.kind === 'dict' ? shape.entries.map((entry) => entry.value) : [];
  const found = values.map((value) => (shape.kind === 'dict' ? entryImplementation(context, path, value, implementations) : referencedClass(context, path, value)));
  return found.filter((item): item is string => item !== undefined && implementations.has(item));
}

const keyText = (key: ValueShape) => (key.kind === 'string' ? `"${key.value}"` : key.kind === 'name' ? key.value : '?');

/** Entries listed in a fact, at most. */
const MAX_KEYS = 8;

/**
 * How the library picks an implementation of a contract at run time, as its code says it:
 * tables from names or URL schemes to implementations (classes or dotted paths), lists of
 * implementations, a string attribute each implementation names itself by, factories that make
 * one of several, and entry points read from installed packages' metadata.
 */
export function selectionFacts(context: AnswerContext, contract: Contract): AnswerFact[] {
  const { index } = context;
  const implementations = new Set(contract.implementations);
  const facts: AnswerFact[] = [];
  for (const file of context.result.files) {
    if (!inScope(context, file.path)) continue;
    for (const { symbol, definition } of index.definitionsIn(file.path)) {
      const held = definition.kind === 'variable' ? [{ name: symbol, shape: definition.shape, line: definition.range.start.line, additions: definition.additions ?? [] }] : definition.kind === 'class' ? (definition.attributes ?? []).map((attribute) => ({ name: `${symbol}.${attribute.name}`, shape: attribute.shape, line: attribute.line, additions: [] })) : [];
      for (const { name, shape, line, additions } of held) {
        const implementationsIn = (added: ValueShape) => listedImplementations(context, file.path, added, implementations);
        const members = shape ? [shape, ...additions.map((addition) => addition.shape)].flatMap(implementationsIn) : [];
        if (shape?.kind === 'dict') {
          const keys = [shape, ...additions.map((addition) => addition.shape)].flatMap((added) => (added.kind === 'dict' ? added.entries : []));
          const named = keys.filter(({ value }) => entryImplementation(context, file.path, value, implementations));
          if (named.length >= 2) facts.push(fact({ path: file.path, line }, 'registryMaps', SymbolId.label(name), keys.length, named.slice(0, MAX_KEYS).map(({ key }) => keyText(key)).join(', ')));
        } else if (shape?.kind === 'list' && members.length) {
          facts.push(fact({ path: file.path, line }, 'registryLists', SymbolId.label(name), members.map((item) => SymbolId.label(item)).join(', ')));
        }
        if (!members.length || (shape?.kind === 'dict' && members.length < 2)) continue;
        for (const addition of additions) {
          const added = implementationsIn(addition.shape).map((item) => SymbolId.label(item)).join(', ');
          if (added && addition.requires) facts.push(fact({ path: file.path, line: addition.line }, 'registryAddsIfInstalled', SymbolId.label(name), added, addition.requires.join('`, `')));
          else if (added) facts.push(addition.inside ? fact({ path: file.path, line: addition.line }, 'registryAddsInside', SymbolId.label(name), added, addition.inside) : fact({ path: file.path, line: addition.line }, 'registryAdds', SymbolId.label(name), added));
        }
      }
      if (definition.kind === 'function' || definition.kind === 'method') {
        const made = new Set((definition.calls ?? []).map((call) => index.resolve(file.path, call.callee)).filter((called): called is string => called !== undefined && implementations.has(called)));
        if (made.size >= 2) facts.push(fact(locationOf(index, symbol), 'factoryMakes', SymbolId.label(symbol), [...made].map((item) => SymbolId.label(item)).join(', ')));
        const reader = (definition.calls ?? []).flatMap((call) => index.qualifiedNames(file.path, call.callee)).find((name) => context.frameworks.entryPointReaders.has(name));
        if (reader) facts.push(fact(locationOf(index, symbol), 'readsEntryPoints', SymbolId.label(symbol), reader));
      }
    }
  }
  facts.push(...filledRegistryFacts(context, contract));
  facts.push(...wrapperTypeFacts(context, implementations));
  const naming = namingAttribute(context, contract);
  if (naming) facts.push(naming);
  return facts;
}

/** How a class comes to be stored in a registry, by the role of the function that stores it. */
type FillerRole = 'registryFilledByMetaclass' | 'registryFilledBySubclassHook' | 'registryFilledByDecorator';

/**
 * Registries the library fills at run time rather than writes out: a table the metaclass of a
 * class of the contract, its `__init_subclass__`, or a decorator on an implementation stores each
 * class in (`SCHEMES[scheme] = cls`); and the functions that look a key up in that table and make
 * or return what they find (`SCHEMES[scheme](uri)`, `BACKENDS.get(name)`).
 */
function filledRegistryFacts(context: AnswerContext, contract: Contract): AnswerFact[] {
  const { index } = context;
  const classes = [contract.base, ...contract.implementations];
  const related = new Set(classes.flatMap((symbol) => [symbol, ...index.ancestry(symbol).classes]));
  const resolvedFrom = (symbol: string, written: string | undefined) => (written ? index.resolve(SymbolId.parse(symbol).path, written) : undefined);
  const metaclasses = new Set([...related].flatMap((symbol) => resolvedFrom(symbol, index.definition(symbol)?.metaclass) ?? []));
  const decorators = new Set(contract.implementations.flatMap((symbol) => (index.definition(symbol)?.decorators ?? []).flatMap((written) => resolvedFrom(symbol, written) ?? [])));
  const fillers = new Map<string, { filler: string; role: FillerRole; stored: string; location: SourceLocation }>();
  for (const file of context.result.files) {
    if (!inScope(context, file.path)) continue;
    for (const { symbol, definition } of index.definitionsIn(file.path)) {
      if (!definition.stores?.length) continue;
      const owner = definition.kind === 'method' ? SymbolId.owner(symbol) : undefined;
      const role: FillerRole | undefined =
        owner && metaclasses.has(owner) ? 'registryFilledByMetaclass' : owner && related.has(owner) && definition.name.endsWith('.__init_subclass__') ? 'registryFilledBySubclassHook' : decorators.has(symbol) ? 'registryFilledByDecorator' : undefined;
      if (!role) continue;
      for (const store of definition.stores) {
        // `cls._registry[key] = cls` in a method stores in its own class's table.
        const [head = '', ...rest] = store.table.split('.');
        const table = owner && rest.length && (definition.parameters ?? [])[0]?.name === head ? [SymbolId.parse(owner).name, ...rest].join('.') : store.table;
        const resolved = index.resolve(file.path, table) ?? SymbolId.of(file.path, table);
        if (!fillers.has(resolved)) fillers.set(resolved, { filler: symbol, role, stored: `${store.table}[…] = ${store.value}`, location: { path: file.path, line: store.line } });
      }
    }
  }
  if (!fillers.size) return [];
  const facts: AnswerFact[] = [];
  for (const [table, { filler, role, stored, location }] of fillers) {
    facts.push(fact(location, role, SymbolId.label(table), SymbolId.label(filler), stored));
  }
  for (const file of context.result.files) {
    if (!inScope(context, file.path)) continue;
    for (const { symbol, definition } of index.definitionsIn(file.path)) {
      if (definition.kind !== 'function' && definition.kind !== 'method') continue;
      const isTable = (written: string) => {
        const resolved = index.resolve(file.path, written);
        return resolved !== undefined && fillers.has(resolved) && index.definition(resolved)?.kind === 'variable';
      };
      const lookup = (definition.calls ?? []).find((call) => isTable(call.callee.endsWith('.get') ? call.callee.slice(0, -'.get'.length) : call.callee));
      // A class taken from the table into a local, then called (`cls = STORES[scheme]` … `cls(url)`).
      const taken = lookup ? undefined : (definition.calls ?? []).flatMap((call) => {
        const fill = (definition.fills ?? []).find((candidate) => candidate.target === call.callee && candidate.line <= call.line && candidate.reads.some(isTable));
        const table = fill?.reads.find(isTable);
        return table ? [{ line: fill?.line ?? call.line, table }] : [];
      })[0];
      if (lookup) facts.push(fact({ path: file.path, line: lookup.line }, 'registryLookedUp', SymbolId.label(symbol), lookup.callee.replace(/\.get$/, '')));
      else if (taken) facts.push(fact({ path: file.path, line: taken.line }, 'registryLookedUp', SymbolId.label(symbol), taken.table));
    }
  }
  return facts;
}

/** Wrapper types listed in a fact, at most. */
const MAX_WRAPPERS = 8;

/**
 * Sibling classes (deriving from the same workspace class) whose methods each make an
 * implementation, two implementations at least between them (`OneWrap.__call__` makes `OneSet`,
 * `ManyWrap.__call__` makes `ManySet`): the wrapper's type is what chooses the implementation.
 */
function wrapperTypeFacts(context: AnswerContext, implementations: ReadonlySet<string>): AnswerFact[] {
  const { index } = context;
  const bySharedBase = new Map<string, { wrapper: string; made: string }[]>();
  for (const file of context.result.files) {
    if (!inScope(context, file.path)) continue;
    for (const { symbol, definition } of index.definitionsIn(file.path)) {
      const parent = definition.kind === 'class' && !implementations.has(symbol) ? index.ancestry(symbol).classes[0] : undefined;
      if (!parent || implementations.has(parent)) continue;
      const made = new Set(
        index.methodsOf(symbol).flatMap((method) => (method.definition.calls ?? []).map((call) => index.resolve(file.path, call.callee)).filter((called): called is string => called !== undefined && implementations.has(called))),
      );
      // A class making several is a factory of its own, told by its method; a wrapper makes one.
      const [only] = made;
      if (only && made.size === 1) bySharedBase.set(parent, [...(bySharedBase.get(parent) ?? []), { wrapper: symbol, made: only }]);
    }
  }
  return [...bySharedBase].flatMap(([parent, wrappers]) => {
    if (new Set(wrappers.map((entry) => entry.made)).size < 2) return [];
    const pairs = wrappers.slice(0, MAX_WRAPPERS).map((entry) => `${SymbolId.label(entry.wrapper)} → ${SymbolId.label(entry.made)}`).join(', ') + (wrappers.length > MAX_WRAPPERS ? ', …' : '');
    return [fact(locationOf(index, wrappers[0]?.wrapper ?? parent), 'wrapperTypesMake', SymbolId.label(parent), pairs)];
  });
}

/** A list of string literals, written as its items joined (`["redis", "rediss"]` → `redis", "rediss`, quoted around as one). */
function namesListed(shape: ValueShape | undefined): string | undefined {
  const items = shape?.kind === 'list' ? shape.items : [];
  return items.length && items.every((item) => item.kind === 'string') ? items.map((item) => (item.kind === 'string' ? item.value : '')).join('", "') : undefined;
}

/**
 * A string class attribute (or a list of strings) most implementations (half of them, two at least) set to a value of
 * their own: the name the library chooses them by (`protocol = "s3"`, `NAME = "memory"`).
 */
function namingAttribute(context: AnswerContext, contract: Contract): AnswerFact | undefined {
  const byName = new Map<string, { value: string; path: string; line: number }[]>();
  for (const implementation of contract.implementations) {
    for (const attribute of context.index.definition(implementation)?.attributes ?? []) {
      const value = attribute.literal ?? namesListed(attribute.shape);
      if (value !== undefined) byName.set(attribute.name, [...(byName.get(attribute.name) ?? []), { value, path: SymbolId.parse(implementation).path, line: attribute.line }]);
    }
  }
  for (const [name, set] of byName) {
    const distinct = new Set(set.map((entry) => entry.value)).size === set.length;
    const first = set[0];
    if (first && distinct && set.length >= 2 && set.length * 2 >= contract.implementations.length) {
      return fact({ path: first.path, line: first.line }, 'namedBy', name, set.slice(0, MAX_KEYS).map((entry) => `"${entry.value}"`).join(', ') + (set.length > MAX_KEYS ? ', …' : ''));
    }
  }
  return undefined;
}
