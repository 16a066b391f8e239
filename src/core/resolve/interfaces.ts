import type { InterfaceDeclarations } from '../frameworks/frameworks';
import { isEmpty, listIn, NONE, sameList } from '../lists';
import { Turns } from '../nextTurn';
import type { SymbolDefinition } from '../parse/facts';
import type { InterfaceImplementations } from '../result';
import type { SymbolIndex } from './symbolIndex';

/** The bases that make a Python class a Protocol. */
export const PROTOCOL_BASES: ReadonlySet<string> = new Set(['typing.Protocol', 'typing_extensions.Protocol']);
/** Whether a class's bases make it a Protocol (`class Store(Protocol)`, `Protocol[T]`). */
export function isProtocolClass(index: SymbolIndex, path: string, definition: SymbolDefinition): boolean {
  return definition.bases.some((base) => qualifiedIn(index, path, base.split('[')[0] ?? base, PROTOCOL_BASES));
}
/** The bases that declare a Python class an interface: ABC and the Protocols. */
export const ABSTRACT_BASES: ReadonlySet<string> = new Set(['abc.ABC', ...PROTOCOL_BASES]);
/** A class named as abstract: `AbstractBroker`, `Abstract_Base` (not `Abstraction`). */
const ABSTRACT_NAME = /^_?Abstract(?=[A-Z_])/;
export const ABSTRACT_METACLASSES: ReadonlySet<string> = new Set(['abc.ABCMeta']);
const ABSTRACT_DECORATORS = new Set(['abc.abstractmethod', 'abc.abstractproperty', 'abc.abstractclassmethod', 'abc.abstractstaticmethod']);
/** A callable's annotation as typing and collections.abc spell it (`Callable[[User], None]`, `t.Callable[..., Any]`). */
const CALLABLE_TYPE = /^(?:(?:typing|t|abc|collections\.abc)\.)?Callable\b/;

/** What the stage reads of one class: plain data, so that a part worked out again from an edited file can be told the same. */
interface ClassEntry {
  symbol: string;
  path: string;
  /** A TypeScript or Go `interface`: it implements nothing itself. */
  isInterface: boolean;
  /** An interface the framework implements at run time (a Spring Data repository): it implements the workspace interfaces it extends. */
  implementedByFramework: boolean;
  /** Its own methods that always raise NotImplementedError, by name. */
  notImplemented: readonly string[];
  /** Python: attributes it declares as callables without giving them (`hook: Callable[[User], None]`), by name. */
  callableHooks: readonly string[];
  /** Its own methods that do something: neither raising NotImplementedError nor abstract. */
  implemented: readonly string[];
  /** Declared an interface by the class itself (its bases, metaclass, keywords or abstract methods). */
  declared: boolean;
  /** An interface of a library that declares them (zope.interface's `Interface` among its ancestors): it implements none of them. */
  declaredByLibrary: boolean;
  /** A Protocol deriving from another: it declares an interface and implements nothing. */
  extendsProtocol: boolean;
  /** Derives itself from an abstract class a framework has code extend to write an implementation (Django's `Storage`). */
  extendsFrameworkAbstract: boolean;
  /** The workspace interfaces the class says it implements with a library's class decorator (`@implementer(IRequest)`). */
  implements: readonly string[];
  /** The names of its own methods and attributes. */
  members: readonly string[];
  /** The names of its own methods. */
  methods: readonly string[];
  /** Methods its own methods call on `self`/`this` that it does not define itself. */
  usesUndefined: readonly string[];
  /** The workspace classes it derives from, nearest first. */
  ancestors: readonly string[];
  /** Go: the methods it has, its own and those of the types it embeds, as `name/arity`. */
  goMethods: readonly string[];
}

/**
 * Every workspace interface with the classes that derive from it, directly or through other
 * classes, in any file. An interface: a class with ABC or Protocol among its own bases, an ABCMeta
 * metaclass, an `@abstractmethod`, or a base class whose methods raise NotImplementedError (when
 * two of them do, or when something derives from it), or that declares callables its subclasses
 * write as methods; or an interface of a library that declares them (zope.interface), implemented
 * by the classes its class decorator names them on.
 *
 * Each file's classes (with their ancestries) and typed constants are a part of the file; the
 * stage combines them and is kept while every part is the same object. A part worked out again
 * that says what the kept one said is kept as that object, so an edit that changes no class's
 * members, ancestry or methods' calls on itself costs the stage its loop over the parts alone.
 */
export async function interfaceImplementations(index: SymbolIndex, declarations: InterfaceDeclarations, turns = new Turns(), underStudy: (path: string) => boolean = () => true): Promise<InterfaceImplementations[]> {
  const given = [...declarations.bases, '|', ...declarations.implementedWith, '|', ...declarations.extendedToImplement, '|', ...declarations.implementedByFramework].join(' ');
  const classParts: (readonly ClassEntry[])[] = [];
  const typedParts: (readonly (readonly [string, string])[])[] = [];
  // The files with classes or typed constants only: the combination is made from their entries, and an empty part adds none.
  await index.eachPart('interface-classes', turns, (file) => classEntries(index, file.path, declarations), (part) => classParts.push(part), given, sameClassEntries, isEmpty);
  await index.eachPart('typed-implementations', turns, (file) => typedImplementations(index, file.path), (part) => typedParts.push(part), '', samePairs, isEmpty);
  return index.combined('interfaces', [...classParts, ...typedParts], () => combine(classParts.flat(), typedParts.flat(), underStudy));
}

/** The stage from its parts: it reads nothing else. */
function combine(entries: readonly ClassEntry[], typedPairs: readonly (readonly [string, string])[], underStudy: (path: string) => boolean): InterfaceImplementations[] {
  const classes = new Map<string, ClassEntry>();
  const declared = new Set<string>();
  for (const entry of entries) {
    classes.set(entry.symbol, entry);
    if (entry.declared) declared.add(entry.symbol);
  }
  const implementations = new Map<string, string[]>();
  // Classes whose methods raise NotImplementedError (an interface's or an object type's signatures say the same, and are told by the rules below).
  const byNotImplemented = entries.filter((entry) => !declared.has(entry.symbol) && entry.notImplemented.length > 0 && !entry.isInterface);
  for (const entry of entries) {
    // A TypeScript interface extending another implements nothing: only classes do, and the interfaces a framework
    // implements, of the workspace's interfaces they extend (a domain's repository port; not a base of repositories).
    if (entry.isInterface && !entry.implementedByFramework) continue;
    for (const ancestor of entry.ancestors) {
      if (!entry.implementedByFramework || !classes.get(ancestor)?.implementedByFramework) listIn(implementations, ancestor).push(entry.symbol);
    }
  }
  // `@implementer(IFoo)` says the class implements IFoo, and so do the classes deriving from it.
  for (const entry of entries) {
    for (const base of entry.implements) {
      implementations.set(base, [...(implementations.get(base) ?? []), entry.symbol, ...(implementations.get(entry.symbol) ?? [])]);
      declared.add(base);
    }
  }
  for (const [base, implementers] of goImplementations(entries.filter((entry) => entry.path.endsWith('.go')))) listIn(implementations, base).push(...implementers);
  const typed = new Map<string, string[]>();
  for (const [symbol, base] of typedPairs) listIn(typed, base).push(symbol);
  // One constant of a type is a value of it (a configuration, its defaults); several are the implementations a plugin interface has.
  for (const [base, implementers] of typed) if (implementers.length >= 2) listIn(implementations, base).push(...implementers);
  for (const entry of byNotImplemented) {
    // In TypeScript and JavaScript, `throw new Error('Method not implemented.')` is also the stub an editor writes into a
    // concrete class: a class is left to implement there only when workspace classes derive from it.
    const python = entry.path.endsWith('.py');
    if ((python && leftToSubclasses(entry, classes) >= 2) || implementations.has(entry.symbol)) declared.add(entry.symbol);
  }
  // Who defines a name is asked only of the names a class with subclasses calls on itself undefined: a map of every
  // member of every class was half of this stage's time on a workspace of thousands of classes.
  const candidates = entries.filter((entry) => !declared.has(entry.symbol) && entry.usesUndefined.length > 0 && (implementations.get(entry.symbol)?.length ?? 0) > 0);
  const asked = new Set(candidates.flatMap((entry) => entry.usesUndefined));
  const definers = new Map<string, string[]>();
  if (asked.size) {
    for (const entry of entries) for (const name of entry.members) if (asked.has(name)) listIn(definers, name).push(entry.symbol);
  }
  for (const entry of candidates) {
    if (leavesToSubclasses(entry, classes, definers, implementations.get(entry.symbol))) declared.add(entry.symbol);
  }
  for (const entry of entries) {
    if (entry.isInterface && implementations.has(entry.symbol)) declared.add(entry.symbol);
    // Hooks declared as callables and written as methods by subclasses: the class declares the methods its subclasses implement
    // (a plugin base's `order_created: Callable[...]`). A dataclass's callback field, which no subclass defines, is not such a hook.
    if (entry.callableHooks.length && implementations.get(entry.symbol)?.some((symbol) => classes.get(symbol)?.methods.some((name) => entry.callableHooks.includes(name)))) declared.add(entry.symbol);
    // A framework's abstract class is outside the workspace: the workspace's base of a family of implementations of it stands for it.
    if (entry.extendsFrameworkAbstract && implementations.has(entry.symbol)) declared.add(entry.symbol);
    // `AbstractFileSystem`, `AbstractMigrationsLoader`: the name says the class is there to be derived from, and workspace classes do.
    if (ABSTRACT_NAME.test(lastSegment(entry.symbol)) && implementations.has(entry.symbol)) declared.add(entry.symbol);
  }
  // An abstract class between an interface and the concrete classes implements the interface too (`AsyncFileSystem` of
  // `AbstractFileSystem`); an interface that only extends another (a Protocol of a Protocol) does not.
  const protocols = new Set([...declared].filter((symbol) => classes.get(symbol)?.extendsProtocol === true));
  const extending = new Set([...declared].filter((symbol) => protocols.has(symbol) || classes.get(symbol)?.declaredByLibrary));
  for (const [protocol, implementers] of structuralImplementations(classes, protocols, implementations, underStudy)) implementations.set(protocol, [...(implementations.get(protocol) ?? []), ...implementers]);
  return [...declared]
    .sort()
    .map((base) => ({ base, implementations: [...new Set(implementations.get(base))].filter((symbol) => !extending.has(symbol)).sort() }))
    .filter((entry) => entry.implementations.length > 0 || !protocols.has(entry.base));
}

/**
 * A Protocol is implemented by structure (PEP 544): a Python class that has every member the
 * Protocol declares (its own and those of the Protocols it extends), its own or inherited from
 * workspace classes, implements it without naming it. Asked only of Protocols no class derives
 * from, by their named members (a `__call__` alone is the shape of every function), of the code
 * under study (a test's class of that shape is a stand-in the test passes). A Protocol that nothing
 * implements is the type of something the code is given, and is not listed; so is one that declares
 * attributes and no method (a settings Protocol): it is the shape of a record the code is
 * given (settings), which any class holding the same fields would match.
 */
function structuralImplementations(classes: ReadonlyMap<string, ClassEntry>, protocols: ReadonlySet<string>, nominal: ReadonlyMap<string, readonly string[]>, underStudy: (path: string) => boolean): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const wanted = [...protocols]
    .filter((symbol) => !nominal.get(symbol)?.some((implementer) => !protocols.has(implementer)) && classes.get(symbol)?.path.endsWith('.py'))
    .map((symbol) => ({ symbol, members: membersWithInherited(classes, symbol).filter((name) => !name.startsWith('__')) }))
    .filter((protocol) => protocol.members.length > 0 && membersWithInherited(classes, protocol.symbol, 'methods').some((name) => !name.startsWith('__')));
  if (!wanted.length) return found;
  for (const entry of classes.values()) {
    if (protocols.has(entry.symbol) || !entry.path.endsWith('.py') || !underStudy(entry.path)) continue;
    const members = new Set(membersWithInherited(classes, entry.symbol));
    for (const protocol of wanted) if (protocol.members.every((name) => members.has(name))) listIn(found, protocol.symbol).push(entry.symbol);
  }
  return found;
}

/**
 * How many of a class's methods that raise NotImplementedError are left for subclasses to write:
 * not those that override a method a workspace base implements, where the raise refuses an
 * inherited operation the class does not support (a registry that cannot `add`) rather than
 * declaring an abstract method.
 */
function leftToSubclasses(entry: ClassEntry, classes: ReadonlyMap<string, ClassEntry>): number {
  const implementedAbove = new Set(entry.ancestors.flatMap((ancestor) => classes.get(ancestor)?.implemented ?? []));
  return entry.notImplemented.filter((name) => !implementedAbove.has(name)).length;
}

/**
 * A template method: the class calls on itself a method that neither it nor its workspace bases
 * define, and that only its subclasses define (knex's `Client` calls `this._driver()`, each
 * dialect's client defines it). Read as the abstract method it is. A method some other class
 * defines too is a mixin's expectation of the class it is mixed with (Django REST framework's
 * `ListModelMixin` calls `self.get_queryset()`, which `GenericAPIView` defines), not one left to subclasses.
 */
function leavesToSubclasses(entry: ClassEntry, classes: ReadonlyMap<string, ClassEntry>, definers: ReadonlyMap<string, readonly string[]>, subclasses: readonly string[] | undefined): boolean {
  if (!entry.usesUndefined.length || !subclasses?.length) return false;
  const inherited = new Set(entry.ancestors.flatMap((ancestor) => classes.get(ancestor)?.members ?? []));
  const descendants = new Set(subclasses);
  return entry.usesUndefined.some((name) => {
    const defining = definers.get(name) ?? [];
    return !inherited.has(name) && defining.length > 0 && defining.every((symbol) => descendants.has(symbol));
  });
}

function membersWithInherited(classes: ReadonlyMap<string, ClassEntry>, symbol: string, kind: 'members' | 'methods' = 'members'): string[] {
  const own = classes.get(symbol);
  return [symbol, ...(own?.ancestors ?? [])].flatMap((owner) => classes.get(owner)?.[kind] ?? []);
}

function lastSegment(symbol: string): string {
  const name = symbol.slice(symbol.lastIndexOf(':') + 1);
  return name.slice(name.lastIndexOf('.') + 1);
}

/**
 * Go: a type implements an interface when it has every method the interface asks for (its own and
 * those of the interfaces it embeds), by name and number of parameters, its own or promoted from
 * the types it embeds — whatever it declares, as Go decides (Go compares whole signatures; their
 * types are written in each file's own names, so the count is what is compared).
 */
function goImplementations(entries: readonly ClassEntry[]): Map<string, string[]> {
  const interfaces = entries.filter((entry) => entry.isInterface && entry.goMethods.length > 0);
  const found = new Map<string, string[]>();
  if (!interfaces.length) return found;
  for (const entry of entries) {
    if (entry.isInterface || !entry.goMethods.length) continue;
    const has = new Set(entry.goMethods);
    for (const candidate of interfaces) {
      if (candidate.goMethods.every((method) => has.has(method))) listIn(found, candidate.symbol).push(entry.symbol);
    }
  }
  return found;
}

/**
 * The methods a Go type has, its own and those of the types it embeds, each as `name/arity` (the
 * parameters after the receiver), which is what goImplementations compares.
 */
function goMethodSignatures(index: SymbolIndex, symbol: string, ancestors: readonly string[]): readonly string[] {
  return [...new Set([symbol, ...ancestors].flatMap((owner) => index.methodsOf(owner).map(({ name, definition }) => `${name}/${Math.max(0, (definition.parameters?.length ?? 1) - 1)}`)))];
}

/**
 * TypeScript: a constant declared with an interface's type implements it (`const memory: Driver =
 * {...}`), and so does a function declared with a function type that returns one (`const driver:
 * DriverFactory<Options> = (opts) => {...}`, `type DriverFactory<O> = (opts: O) => Driver<O>`):
 * what the type checker holds it to. Only an `interface` with behaviour counts (methods, or
 * properties of function type), not one that describes data, nor an object `type` (as for classes,
 * options with callbacks are written so). `[implementation, interface]` pairs.
 */
function typedImplementations(index: SymbolIndex, path: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const { symbol, definition } of index.definitionsIn(path)) {
    if (!definition.declaredType) continue;
    let target = index.resolve(path, definition.declaredType);
    const made = target ? index.definition(target) : undefined;
    if (target && made?.kind === 'variable' && made.returns) target = index.resolve(index.pathOf(target), made.returns);
    const base = target ? index.definition(target) : undefined;
    if (target && base?.keywords?.['interface'] === 'true' && base.keywords['alias'] !== 'true' && hasBehaviour(index, target, base)) pairs.push([symbol, target]);
  }
  return pairs;
}

function hasBehaviour(index: SymbolIndex, symbol: string, definition: SymbolDefinition): boolean {
  return index.methodsOf(symbol).length > 0 || (definition.attributes ?? []).some(({ type }) => type !== undefined && /=>/.test(type));
}

/** The classes one file defines, with what their own methods say and what they derive from. */
function classEntries(index: SymbolIndex, path: string, declarations: InterfaceDeclarations): ClassEntry[] {
  const entries: ClassEntry[] = [];
  const go = path.endsWith('.go');
  for (const { symbol, definition } of index.definitionsIn(path)) {
    if (definition.kind !== 'class') continue;
    const methods = index.methodsOf(symbol);
    const members = new Set([...methods.map(({ name }) => name), ...(definition.attributes ?? []).map(({ name }) => name)]);
    const calledOnSelf = new Set<string>();
    const notImplemented: string[] = [];
    const concrete: string[] = [];
    let abstractMethods = 0;
    for (const { name, definition: method } of methods) {
      if (isAbstractMethod(index, path, method)) abstractMethods++;
      else concrete.push(name);
      if (method.notImplemented) notImplemented.push(name);
      const self = method.parameters?.[0]?.name;
      if (!self || method.decorators.includes('staticmethod')) continue;
      for (const { callee } of method.calls ?? []) {
        const called = callee.startsWith(`${self}.`) ? callee.slice(self.length + 1) : '';
        if (/^\w+$/.test(called) && !members.has(called)) calledOnSelf.add(called);
      }
    }
    const implemented = [...new Set(concrete.filter((name) => !notImplemented.includes(name)))];
    const ancestry = index.ancestry(symbol);
    const declaredByLibrary = declarations.bases.size > 0 && ancestry.names.some((name) => declarations.bases.has(name));
    const isInterface = definition.keywords?.['interface'] === 'true';
    entries.push({
      symbol,
      path,
      isInterface,
      implementedByFramework: isInterface && ancestry.names.some((name) => declarations.implementedByFramework.has(name)),
      notImplemented,
      callableHooks: (definition.attributes ?? []).filter(({ unassigned, type }) => unassigned && type !== undefined && CALLABLE_TYPE.test(type)).map(({ name }) => name),
      implemented,
      declared: declaredByLibrary || abstractMethods > 0 || declaresInterface(index, path, definition, notImplemented.length),
      declaredByLibrary,
      extendsProtocol: isProtocolClass(index, path, definition),
      extendsFrameworkAbstract: declarations.extendedToImplement.size > 0 && definition.bases.some((base) => qualifiedIn(index, path, base, declarations.extendedToImplement)),
      implements: implementedBy(index, path, definition, declarations),
      members: [...members],
      methods: [...new Set(methods.map(({ name }) => name))],
      usesUndefined: [...calledOnSelf],
      ancestors: ancestry.classes,
      goMethods: go ? goMethodSignatures(index, symbol, ancestry.classes) : NONE,
    });
  }
  return entries;
}

/** Whether two answers of `interface-classes` for a file say the same. */
function sameClassEntries(before: readonly ClassEntry[], after: readonly ClassEntry[]): boolean {
  return sameList(before, after, (a, b) =>
    a.symbol === b.symbol &&
    a.path === b.path &&
    a.isInterface === b.isInterface &&
    a.implementedByFramework === b.implementedByFramework &&
    a.declared === b.declared &&
    a.declaredByLibrary === b.declaredByLibrary &&
    a.extendsProtocol === b.extendsProtocol &&
    a.extendsFrameworkAbstract === b.extendsFrameworkAbstract &&
    sameList(a.notImplemented, b.notImplemented) &&
    sameList(a.callableHooks, b.callableHooks) &&
    sameList(a.methods, b.methods) &&
    sameList(a.implemented, b.implemented) &&
    sameList(a.implements, b.implements) &&
    sameList(a.members, b.members) &&
    sameList(a.usesUndefined, b.usesUndefined) &&
    sameList(a.ancestors, b.ancestors) &&
    sameList(a.goMethods, b.goMethods),
  );
}

function samePairs(before: readonly (readonly [string, string])[], after: readonly (readonly [string, string])[]): boolean {
  return sameList(before, after, (a, b) => a[0] === b[0] && a[1] === b[1]);
}

/** The workspace classes a class decorator of a library that declares interfaces names (`@implementer(IRequest, IResponse)`). */
function implementedBy(index: SymbolIndex, path: string, definition: SymbolDefinition, declarations: InterfaceDeclarations): string[] {
  if (!declarations.implementedWith.size) return [];
  return Object.entries(definition.decoratorCalls ?? {}).flatMap(([decorator, call]) => {
    if (!qualifiedIn(index, path, decorator, declarations.implementedWith)) return [];
    return call.args.flatMap((written) => {
      const target = /^[\w.]+$/.test(written) ? index.resolve(path, written) : undefined;
      return target && index.definition(target)?.kind === 'class' ? [target] : [];
    });
  });
}

/** A method marked abstract (`@abstractmethod` and its kin), as written in `path`. */
export function isAbstractMethod(index: SymbolIndex, path: string, method: SymbolDefinition): boolean {
  return method.decorators.some((decorator) => qualifiedIn(index, path, decorator, ABSTRACT_DECORATORS));
}

function declaresInterface(index: SymbolIndex, path: string, definition: SymbolDefinition, notImplementedMethods: number): boolean {
  // TypeScript says it in so many words: `abstract class X`, and `interface X` when it declares
  // methods (an interface of properties only describes data, not behaviour to implement). An object
  // `type` is one only when a class declares it implements it (options often carry callbacks).
  const keywords = definition.keywords;
  if (keywords?.['abstract'] === 'true' || (keywords?.['interface'] === 'true' && keywords['alias'] !== 'true' && notImplementedMethods > 0)) return true;
  if (definition.bases.some((base) => qualifiedIn(index, path, base, ABSTRACT_BASES))) return true;
  return definition.metaclass !== undefined && qualifiedIn(index, path, definition.metaclass, ABSTRACT_METACLASSES);
}

function qualifiedIn(index: SymbolIndex, path: string, name: string, names: ReadonlySet<string>): boolean {
  return index.qualifiedNames(path, name).some((qualified) => names.has(qualified));
}
