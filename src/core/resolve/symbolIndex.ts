import { atLength, NONE } from '../lists';
import { Turns } from '../nextTurn';
import type { FileFacts, ImportStatement, SymbolDefinition } from '../parse/facts';
import { STATIC_IMPORT } from '../parse/java';
import { folderOf, goExternalPath, goImportName, PackageTable } from './packages';
import { SymbolId } from '../result';
import { type AnsweredFile, KeptAnswers, newSurfaceVersion, noAnswers, sameSurface, type SurfaceReads } from './keptAnswers';
import { absoluteModule, importRootsMayChange, isWithinModule, ModuleResolution, pythonModules, type PythonModules, scriptFolderModule } from './modules';
import type { ModulePaths } from './tsconfig';

/** What a name written in a file stands for: a workspace symbol, or a name outside the workspace. */
export type Target =
  | { symbol: string }
  /**
   * `candidates`: every name it may be when the code leaves it open — a Java class imported on
   * demand (`import org.springframework.web.bind.annotation.*`) is in one of the packages imported so.
   */
  | { external: string; candidates?: readonly string[] };

type Entry = { symbol: string; path: string; definition: SymbolDefinition };

/** What an index holds of one file, in one record (see `SymbolIndex.indexed`). */
interface IndexedFile extends AnsweredFile<Target> {
  /** Its definitions by symbol, in source order (a name defined twice is its last definition, where the first was); made when first asked for. */
  entries: Map<string, Entry> | undefined;
}

const MAX_RESOLUTION_DEPTH = 16; // re-export chains longer than this are cycles in practice

/**
 * The workspace's symbols, queryable by id and by the names a file can see: what it defines and
 * what it imports from other workspace files (absolute and relative imports, aliases, re-exports
 * through `__init__.py`, `src/` layouts). Names from outside the workspace are qualified by their
 * import (`models.Model` after `from django.db import models` is `django.db.models.Model`).
 * Which file a module name is, is `ModuleResolution`'s to say; what an update can keep of the
 * answers, `KeptAnswers`'s.
 */
export class SymbolIndex {
  /**
   * What the index holds of each file, in one record: every stage asks for a file's facts, surface
   * version and kept parts together, tens of thousands of times an update.
   */
  private readonly indexed: Map<string, IndexedFile>;
  /** The facts of the files analysed, in the order given. */
  private readonly analysed: readonly FileFacts[];
  /** Their surface versions, in the same order. */
  private readonly surfaces: readonly number[];
  // The fields below are each stored once, in the constructor, whether made or taken over from an
  // earlier index: a field stored again after it was made changes the objects' hidden class, and
  // V8 then drops the code it compiled for them.
  private readonly modules: ModuleResolution;
  private readonly answers: KeptAnswers<Target>;
  private readonly ancestryCache: Map<string, { ancestry: Ancestry; surfaces: SurfaceReads }>;
  /** One object per target the lookups found: thousands of files name `models.Model`, each lookup kept keeps the same one. */
  private readonly targets: Map<string, Target>;
  /** The classes whose ancestry is being worked out: a class deriving from a member of its own instance (`class A(a.Model)`, `a = A()`) ends there. */
  private readonly ancestriesUnderWay = new Set<string>();
  /**
   * The lookups made while one name is answered, a map for each answer under way: imports that
   * meet again (`from .a import *` in many `__init__.py`, a name tried as an attribute and then as
   * a submodule) are followed once, so an answer costs the files and names it reaches, not the
   * paths between them.
   */
  private readonly lookupsUnderWay: Map<string, { depth: number; target: Target | undefined }>[] = [];

  /**
   * `earlier`, the index of the same workspace before an edit, lends what still holds. The
   * entries of every file whose facts are the same are taken over. When `shareAnswers` (the same
   * files, path aliases and rules), so are the answers worked out from it — lookups, ancestries,
   * the stages' parts and combinations — each still checked, when asked for, against the facts
   * and surface versions it was worked out from: an edit inside a body keeps every answer but the
   * edited file's parts; a new function keeps those that read nothing of that file's surface. A
   * change of the Python import roots changes every module name: then nothing is shared.
   */
  constructor(
    files: readonly FileFacts[],
    /** TypeScript path aliases (`@app/*`), for imports that name workspace files through them. */
    modulePaths: ModulePaths = { aliases: [] },
    earlier?: { index: SymbolIndex; shareAnswers: boolean },
    /** Whether to keep the stages' parts and combinations for later indexes (an analysis that will be updated). */
    keepParts = true,
    /** What `SymbolIndex.build` worked out in turns; worked out here otherwise. */
    prepared: Prepared = finished(SymbolIndex.preparation(files, earlier, modulePaths)),
  ) {
    this.indexed = prepared.indexed;
    this.analysed = prepared.analysed;
    this.surfaces = prepared.surfaces;
    this.modules = new ModuleResolution(prepared.python, prepared.packages, modulePaths, prepared.indexed);
    const shared = prepared.sameModules ? earlier?.index : undefined;
    // Shared, not copied: each answer says what it was worked out from, and each index checks that against its own files.
    this.answers = new KeptAnswers(prepared.indexed, keepParts, shared?.answers);
    this.ancestryCache = shared ? shared.ancestryCache : new Map<string, { ancestry: Ancestry; surfaces: SurfaceReads }>();
    this.targets = shared ? shared.targets : new Map<string, Target>();
  }

  /** The same index, made with the event loop let in whenever a turn is due: a large workspace's preparation is too long for one step. */
  static async build(files: readonly FileFacts[], modulePaths?: ModulePaths, earlier?: { index: SymbolIndex; shareAnswers: boolean }, keepParts = true): Promise<SymbolIndex> {
    const steps = SymbolIndex.preparation(files, earlier, modulePaths);
    const turns = new Turns();
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) return new SymbolIndex(files, modulePaths, earlier, keepParts, step.value);
      if (turns.due()) await turns.next();
    }
  }

  /**
   * Works out what an index is made from, a file at a time (it yields after each), taking over from
   * `earlier` what still holds: the entries of every file whose facts are the same, the surface
   * versions of those whose surface is, the module names while the import roots are.
   */
  private static *preparation(files: readonly FileFacts[], earlier: { index: SymbolIndex; shareAnswers: boolean } | undefined, modulePaths: ModulePaths | undefined): Generator<void, Prepared> {
    const before = earlier?.index;
    const shared = earlier?.shareAnswers ? before : undefined;
    const indexed = new Map<string, IndexedFile>();
    const analysed: FileFacts[] = [];
    const surfaces: number[] = [];
    let importsChanged = false;
    for (const facts of files) {
      yield;
      if (facts.skipped) continue;
      analysed.push(facts);
      const previous = before?.indexed.get(facts.path);
      const sameFacts = previous?.facts === facts;
      const surfaceKept = shared !== undefined && previous !== undefined && (sameFacts || sameSurface(previous.facts, facts));
      if (!surfaceKept && previous && importRootsMayChange(previous.facts, facts)) importsChanged = true;
      const surface = surfaceKept ? previous.surface : newSurfaceVersion();
      surfaces.push(surface);
      // The same facts, answers shared: the record would say what the earlier one says, and is that record.
      const same = shared !== undefined && sameFacts;
      indexed.set(facts.path, same ? previous : {
        facts,
        surface,
        entries: sameFacts ? previous.entries : undefined,
        // Shared, not copied: each answer says what it read, checked against this index's files when asked for.
        answers: shared && previous ? previous.answers : noAnswers(),
      });
    }
    const python = yield* pythonModules(
      analysed.filter((facts) => facts.language === 'python'),
      shared?.modules.python,
      importsChanged,
    );
    const packages = PackageTable.of(analysed, modulePaths?.goModules ?? []);
    // A class or package-level name added or gone changes what the names of other files stand for.
    const sameModules = shared !== undefined && python === shared.modules.python && packages.key === shared.modules.packages.key;
    if (shared && !sameModules) {
      // Other module names: no answer worked out with the earlier ones holds.
      // New records: the earlier index's, some of them taken over above, keep their answers.
      for (const [path, file] of indexed) indexed.set(path, { facts: file.facts, surface: file.surface, entries: file.entries, answers: noAnswers() });
    }
    return { indexed, analysed, surfaces, python, packages, sameModules };
  }

  /**
   * A whole-workspace stage's answer for one file, worked out by `compute` from that file and
   * the lookups of this index — or kept from an earlier index (see the constructor) when nothing it
   * read has changed since. Reads are recorded: `definition`, `definitionsIn`, `methodsOf` and
   * `file` note the facts of the file they read; lookups (`qualify`, `ancestry`, …) note the
   * surface versions of the files they went through.
   * `compute` must read nothing else that can change between analyses (other stages' results, the
   * list of every file) except what `given` spells out (a part is kept only for the same `given`);
   * a stage combines the parts with the rest afterwards. Kept answers are shared: the caller copies
   * what it will change. A part worked out again that `same` finds says what the kept one said is
   * that kept object, so that what combines the parts (see `combined`) stays kept.
   */
  part<T>(stage: string, path: string, compute: () => T, given = '', same?: (kept: T, made: T) => boolean): T {
    return this.answers.part(stage, path, compute, given, same);
  }

  /**
   * A stage's part of every file, in the order of `files()`, each given to `step` — as a loop
   * over the files calling `part` would, letting the event loop in when a turn is due, but with
   * the parts that read their own file alone checked against the stage's last run by position.
   * A part `nothing` tells as giving the stage nothing is not given to `step`, and an unchanged
   * file's such part is not visited at all (see `KeptAnswers.eachPart`).
   */
  eachPart<T>(stage: string, turns: Turns, compute: (file: FileFacts) => T, step: (value: T, file: FileFacts) => void, given = '', same?: (kept: T, made: T) => boolean, nothing?: (value: T) => boolean): Promise<void> {
    return this.answers.eachPart(stage, this.analysed, this.surfaces, turns, compute, step, given, same, nothing);
  }

  /**
   * A whole stage's answer, made by `compute` from `inputs` — parts (which `part` keeps as the
   * same objects while they hold), other stages' answers, keys — and kept while every input is
   * the same object, or equal string, as when it was made, and nothing it read itself has changed.
   * An edit that changes none of a stage's parts then costs the stage nothing.
   */
  combined<T>(stage: string, inputs: readonly unknown[], compute: () => T): T {
    return this.answers.combined(stage, inputs, compute);
  }

  definition(symbol: string): SymbolDefinition | undefined {
    const entry = this.entry(symbol);
    if (entry) this.answers.noteRead(entry.path);
    return entry?.definition;
  }

  /** A file's entries, made when first asked for: a cold analysis makes them in the stages' loops, which let the event loop in. */
  private entriesIn(path: string): Map<string, Entry> | undefined {
    const file = this.indexed.get(path);
    if (!file) return undefined;
    return (file.entries ??= entriesOf(file.facts));
  }

  private entry(symbol: string): Entry | undefined {
    return this.entriesIn(symbol.slice(0, symbol.lastIndexOf(':')))?.get(symbol);
  }

  /** The definitions of one file, in source order (the stored entries, not copies): what a part walks. */
  definitionsIn(path: string): Iterable<Readonly<Entry>> {
    this.answers.noteRead(path);
    return this.entriesIn(path)?.values() ?? [];
  }

  /**
   * The methods a class defines itself (not inherited ones), in source order: found in its file (a
   * Go type's, in every file of its package), so no index of every method is kept.
   */
  methodsOf(classSymbol: string): readonly { symbol: string; name: string; definition: SymbolDefinition }[] {
    const { path, name: className } = SymbolId.parse(classSymbol);
    const prefix = `${className}.`;
    const methods: { symbol: string; name: string; definition: SymbolDefinition }[] = [];
    for (const file of this.filesOfType(path)) {
      this.answers.noteRead(file);
      for (const definition of this.indexed.get(file)?.facts.symbols ?? []) {
        if (definition.kind !== 'method' || !definition.name.startsWith(prefix) || definition.name.indexOf('.', prefix.length) >= 0) continue;
        methods.push({ symbol: SymbolId.of(file, definition.name), name: definition.name.slice(prefix.length), definition });
      }
    }
    return methods;
  }

  /** A method a class defines itself, by name: in its file, or (Go) in any file of its package. */
  method(classSymbol: string, name: string): string | undefined {
    const own = `${classSymbol}.${name}`;
    if (this.definition(own)) return own;
    const { path, name: className } = SymbolId.parse(classSymbol);
    if (this.indexed.get(path)?.facts.language !== 'go') return undefined;
    const file = this.modules.packages.goDefinition(folderOf(path), `${className}.${name}`);
    const symbol = file === undefined ? undefined : SymbolId.of(file, `${className}.${name}`);
    return symbol !== undefined && this.definition(symbol) ? symbol : undefined;
  }

  /** A method of a class or, when it defines none of that name, of its nearest workspace ancestor that does. */
  methodOrInherited(classSymbol: string, name: string): string | undefined {
    for (const owner of [classSymbol, ...this.ancestry(classSymbol).classes]) {
      const found = this.method(owner, name);
      if (found) return found;
    }
    return undefined;
  }

  /** The files of the workspace's Go package an import path names (`github.com/acme/shop/internal/service`); none for an outside one. */
  goPackageFiles(importPath: string): readonly string[] {
    const folder = this.modules.packages.goFolder(importPath);
    return folder === undefined ? [] : this.modules.packages.goFiles(folder);
  }

  /** The files a type's methods may be declared in: its own, and for Go every file of its package. */
  private filesOfType(path: string): readonly string[] {
    if (this.indexed.get(path)?.facts.language !== 'go') return [path];
    const files = this.modules.packages.goFiles(folderOf(path));
    return files.includes(path) ? files : [path];
  }

  files(): readonly FileFacts[] {
    this.answers.notInPart('files');
    return this.analysed;
  }

  file(path: string): FileFacts | undefined {
    this.answers.noteRead(path);
    return this.indexed.get(path)?.facts;
  }

  /** The functions and methods of a file whose lines hold `line`, innermost first (a function written in place is one). */
  functionsAround(path: string, line: number): SymbolDefinition[] {
    const around = (this.file(path)?.symbols ?? []).filter((symbol) => (symbol.kind === 'function' || symbol.kind === 'method') && symbol.range.start.line <= line && line <= symbol.range.end.line);
    return around.sort((a, b) => b.range.start.line - a.range.start.line);
  }

  /**
   * The path of a symbol's file, as the index holds it (one string per file, that lookups by path
   * then compare by identity); reading it reads nothing of the file.
   */
  pathOf(symbol: string): string {
    const path = symbol.slice(0, symbol.lastIndexOf(':'));
    return this.indexed.get(path)?.facts.path ?? path;
  }

  /** The files the workspace's npm packages name their entries (`main`, `exports`). */
  packageEntryFiles(): ReadonlySet<string> {
    return this.modules.packageEntryFiles();
  }

  moduleFile(module: string): string | undefined {
    return this.modules.moduleFile(module);
  }

  /**
   * The workspace definition an import path written as a string names (`"shop.tasks.purge"`,
   * `"shop.backends.redis:RedisBackend"`): the module before the last dot or the colon, then the
   * name in it. Task queues, settings and registries name what they load this way.
   */
  definitionAtImportPath(written: string): string | undefined {
    const cut = written.includes(':') ? written.indexOf(':') : written.lastIndexOf('.');
    const file = cut > 0 ? this.moduleFile(written.slice(0, cut)) : undefined;
    if (!file) return undefined;
    const name = written.slice(cut + 1);
    if (this.definition(SymbolId.of(file, name))) return SymbolId.of(file, name);
    // A package's `__init__` that imports it from a module of its own (`from .domains import CsrfViewMiddleware`) offers it too.
    const imported = /^\w+$/.test(name) ? this.resolve(file, name) : undefined;
    return imported && this.definition(imported) ? imported : undefined;
  }

  /** The workspace file an import statement's module (or its submodule `name`) is, if it is one. */
  importedModuleFile(path: string, statement: ImportStatement, name?: string): string | undefined {
    return this.modules.importedModuleFile(path, statement, name);
  }

  /**
   * The dotted names a target goes by: an outside name as it is, a workspace symbol by each module
   * name of its file (`src/starlette/routing.py:Route` is `starlette.routing.Route`; Java's by its
   * package, `spark.Spark.get`; Go's by its package's import path, `github.com/gorilla/mux.NewRouter`),
   * so rules written for a framework also hold when the framework's own repository is analysed.
   */
  namesOf(target: Target): string[] {
    if ('external' in target && target.candidates) return [...target.candidates];
    const written = 'symbol' in target ? target.symbol : target.external;
    const made = /^(.+?:[\w.]+)(\(\).*)$/.exec(written); // `path:Class().attr`: what an instance offers
    const symbol = 'symbol' in target ? target.symbol : made?.[1];
    if (!symbol) return [written];
    const { path, name } = SymbolId.parse(symbol);
    const suffix = 'symbol' in target ? '' : (made?.[2] ?? '');
    const packageName = this.packageQualifierOf(path);
    const names = [written, ...(this.modules.moduleNamesOf(path) ?? []).map((module) => `${module}.${name}${suffix}`), ...(packageName !== undefined ? [`${packageName ? `${packageName}.` : ''}${name}${suffix}`] : [])];
    names.push(...this.packageNamesOf(path, name).map((qualified) => `${qualified}${suffix}`));
    // What an instance of a workspace subclass offers, it offers as an instance of each ancestor (`class SQLAlchemy(flask_sqlalchemy.SQLAlchemy)`: `db.Model`).
    if (suffix && this.entry(symbol)?.definition.kind === 'class') for (const ancestor of this.ancestry(symbol).names) names.push(`${ancestor}${suffix}`);
    return names;
  }

  /** What qualifies the names a Java or Go file defines: its package (`com.acme.orders`), its package's import path without the major version. */
  private packageQualifierOf(path: string): string | undefined {
    const facts = this.indexed.get(path)?.facts;
    if (facts?.language === 'java') return facts.packageName ?? '';
    if (facts?.language !== 'go') return undefined;
    const importPath = this.modules.packages.goImportPath(folderOf(path));
    return importPath === undefined ? undefined : goExternalPath(importPath);
  }

  /**
   * The names a workspace package gives a symbol, as its users import it: `@scope/app.App` for a
   * class its entry exports, the package's own name for its default export (what `require('pkg')`
   * returns). So a rule written for a framework's package still holds in the framework's own monorepo.
   */
  private packageNamesOf(path: string, name: string): string[] {
    const holding = this.modules.workspacePackagesHolding(path);
    if (holding.length === 0) return [];
    const [head = '', ...rest] = name.split('.');
    const symbol = SymbolId.of(path, head);
    const names: string[] = [];
    for (const pkg of holding) {
      const entry = this.modules.workspacePackageEntry(pkg.name);
      if (!entry) continue;
      const exported = this.defaultExportOf(entry);
      const asDefault = exported !== undefined && this.resolve(entry, exported) === symbol;
      if (asDefault) names.push([pkg.name, ...rest].join('.'), [pkg.name, 'default', ...rest].join('.'));
      else if (this.resolve(entry, head) === symbol) names.push([pkg.name, head, ...rest].join('.'));
    }
    return names;
  }

  /** Every dotted name a name written in `path` goes by (see namesOf). */
  qualifiedNames(path: string, dottedName: string): string[] {
    const target = this.qualify(path, dottedName);
    return target ? this.namesOf(target) : [];
  }

  /** The workspace symbol a dotted name written in `path` refers to, or undefined. */
  resolve(path: string, dottedName: string): string | undefined {
    const target = this.qualify(path, dottedName);
    return target && 'symbol' in target ? target.symbol : undefined;
  }

  /** What a dotted name written in `path` stands for; undefined only when the file is unknown. */
  qualify(path: string, dottedName: string): Target | undefined {
    const file = this.indexed.get(path);
    if (!file) return undefined;
    // Kept for the file's surface version; what else the lookup read of other files' surfaces (imports followed, re-exports) is kept with it.
    return (
      this.answers.keptLookup(file, dottedName) ??
      // A name nothing binds is a builtin, or a name this analysis cannot see.
      this.answers.keepLookup(file, dottedName, () => this.interned(this.answering(() => this.lookup(path, dottedName, 0)) ?? { external: dottedName }))
    );
  }

  /**
   * Runs the lookups of one answer, each file and name followed once (see `lookupsUnderWay`). A map
   * never outlives the answer it is made for: what a lookup read is noted once, in that answer's reads.
   */
  private answering<T>(compute: () => T): T {
    this.lookupsUnderWay.push(new Map());
    try {
      return compute();
    } finally {
      this.lookupsUnderWay.pop();
    }
  }

  private interned(target: Target): Target {
    const key = 'symbol' in target ? target.symbol : `\0${target.external}${target.candidates ? `\0${target.candidates.join('\0')}` : ''}`;
    const known = this.targets.get(key);
    if (known) return known;
    this.targets.set(key, target);
    return target;
  }

  /**
   * What the name is bound to in the file, or undefined when the file binds no such name; a name
   * asked again while it is looked up binds nothing (an import cycle). An answer found as deep or
   * deeper is reused; one reached deeper may have been cut short by the depth bound, so a
   * shallower way there looks again (each file and name at most MAX_RESOLUTION_DEPTH times).
   */
  private lookup(path: string, dottedName: string, depth: number): Target | undefined {
    const made = this.lookupsUnderWay.at(-1);
    if (!made) return this.answering(() => this.lookup(path, dottedName, depth));
    const key = `${path}\0${dottedName}`;
    const known = made.get(key);
    if (known && known.depth <= depth) return known.target;
    made.set(key, { depth, target: undefined });
    const target = this.bindingIn(path, dottedName, depth);
    made.set(key, { depth, target });
    return target;
  }

  private bindingIn(path: string, dottedName: string, depth: number): Target | undefined {
    const facts = this.indexed.get(path)?.facts;
    if (!facts || depth > MAX_RESOLUTION_DEPTH) return undefined;
    this.answers.noteSurface(path);
    const [head = '', ...rest] = dottedName.split('.');
    if (this.entriesIn(path)?.has(SymbolId.of(path, dottedName))) return { symbol: SymbolId.of(path, dottedName) };
    const headSymbol = SymbolId.of(path, head);
    const headDefinition = this.entriesIn(path)?.get(headSymbol)?.definition;
    if (headDefinition) {
      // `db = SQLAlchemy()` then `db.Model`: the name stands for a member of the call's result.
      // `export default { isAuth, attachCurrentUser }` then `middlewares.isAuth`: a property that names something stands for it.
      if (headDefinition.kind === 'variable' && headDefinition.shape?.kind === 'object' && rest.length) {
        const property = headDefinition.shape.properties[rest[0] ?? ''];
        return property?.kind === 'name' && property.value !== dottedName ? this.lookup(path, [property.value, ...rest.slice(1)].join('.'), depth + 1) : undefined;
      }
      if (headDefinition.kind === 'variable' && headDefinition.value && rest.length) {
        const made = this.madeBy(path, headDefinition.value.callee, depth);
        return { external: `${'external' in made ? made.external : made.symbol}().${rest.join('.')}` };
      }
      return rest.length ? undefined : { symbol: headSymbol };
    }
    if (facts.language === 'java') return this.qualifyInJava(path, facts, head, rest, depth);
    if (facts.language === 'go') return this.qualifyInGo(path, facts, head, rest, depth);
    const ecmascript = facts.language !== 'python';
    for (let index = facts.imports.length - 1; index >= 0; index--) {
      const statement = facts.imports[index] as ImportStatement;
      const target = ecmascript ? this.qualifyThroughEcmaImport(path, statement, head, rest, depth) : this.qualifyThroughImport(path, statement, head, rest, depth);
      if (target) return target;
    }
    if (!ecmascript) return undefined;
    // A name the framework gives without an import (Nuxt's server code: what `server/utils` defines).
    for (const file of this.modules.autoImportedFiles(path)) {
      if (file === path) continue;
      this.answers.noteSurface(file);
      if (this.entriesIn(file)?.has(SymbolId.of(file, head))) return this.lookup(file, dottedName, depth + 1);
    }
    return undefined;
  }

  /**
   * What a module's variable made by `functools.partial(f, ...)` calls: `f`, some of its arguments
   * bound (`job = partial(JobDecorator, connection=redis)`: `@job("default")` is `JobDecorator("default", connection=redis)`).
   */
  partialOf(symbol: string): Target | undefined {
    const entry = this.entry(symbol);
    const value = entry?.definition.kind === 'variable' ? entry.definition.value : undefined;
    const first = value?.args[0];
    if (!entry || !value || !first || !/^[\w.]+$/.test(first)) return undefined;
    this.answers.noteSurface(entry.path);
    const made = this.qualify(entry.path, value.callee);
    return made && 'external' in made && made.external === 'functools.partial' ? this.qualify(entry.path, first) : undefined;
  }

  /** What a workspace variable holds when a call made it (`const visits = new Queue('visits')`): the class called, as `madeBy` finds it. */
  instanceOf(symbol: string): Target | undefined {
    const entry = this.entry(symbol);
    const callee = entry?.definition.kind === 'variable' ? entry.definition.value?.callee : undefined;
    if (!entry || !callee) return undefined;
    this.answers.noteSurface(entry.path);
    return this.madeBy(entry.path, callee, 0);
  }

  /**
   * What a call written in `path` makes: the class called, or, for a workspace factory function
   * that states what it returns (`def make_celery(app): ... return celery` of a `Celery(...)`),
   * that class.
   */
  private madeBy(path: string, callee: string, depth: number): Target {
    const made = this.lookup(path, callee, depth + 1) ?? { external: callee };
    if (!('symbol' in made)) return made;
    const entry = this.entry(made.symbol);
    const returns = entry?.definition.kind === 'function' ? entry.definition.returns : undefined;
    if (!entry || !returns || !/^[\w.]+$/.test(returns)) return made;
    this.answers.noteSurface(entry.path);
    return this.lookup(entry.path, returns, depth + 1) ?? { external: returns };
  }

  /**
   * ES imports and `require`: a relative specifier names a workspace file (extensions and `index`
   * files as Node and TypeScript resolve them); a package's names are qualified by the package
   * (`import { Controller } from '@nestjs/common'` makes `Controller` `@nestjs/common.Controller`;
   * a default or namespace import of `express` is `express`).
   */
  private qualifyThroughEcmaImport(path: string, statement: ImportStatement, head: string, rest: string[], depth: number): Target | undefined {
    const file = this.modules.ecmaModuleFile(path, statement.module);
    const external = (parts: string[]) => ({ external: [statement.module, ...parts].join('.') });
    if (statement.names.length === 0) {
      if (statement.alias !== head) return undefined;
      // `routes.api` of `const routes = require('./routes')`: a name the module binds, else a property
      // of what it exports whole (`module.exports = { api: apiRouter }`, or another module's: `module.exports = require('./routes')`).
      if (file && rest.length) return this.lookup(file, rest.join('.'), depth + 1) ?? this.lookup(file, [this.exportedWhole(file), ...rest].join('.'), depth + 1) ?? external(rest);
      // `const router = require('./router')`: what the module exports (`module.exports = router`).
      return (file ? this.lookup(file, this.exportedWhole(file), depth + 1) : undefined) ?? external(rest);
    }
    for (const imported of statement.names) {
      if (imported.name === '*') {
        const found = file && file !== path ? this.lookup(file, [head, ...rest].join('.'), depth + 1) : undefined;
        if (found && 'symbol' in found) return found;
        continue;
      }
      if ((imported.alias ?? imported.name) !== head) continue;
      if (!file) return imported.name === 'default' ? external(rest) : external([imported.name, ...rest]);
      // A module with no default of its own may re-export another's (`export { default } from './router'`).
      const name = imported.name === 'default' ? this.exportedWhole(file) : imported.name;
      return (name ? this.lookup(file, [name, ...rest].join('.'), depth + 1) : undefined) ?? external([imported.name, ...rest]);
    }
    return undefined;
  }

  /**
   * Java: a member of a class of this file written alone (`BY_ID`, `Inner`); then a class imported
   * by name (a member imported `static`), of the file's own package, of a package imported on demand,
   * or written with its package (`com.acme.Order`). A class outside the workspace is named by its
   * import; imported on demand, by each package it may be in (`candidates`).
   */
  private qualifyInJava(path: string, facts: FileFacts, head: string, rest: readonly string[], depth: number): Target | undefined {
    const dotted = [head, ...rest].join('.');
    for (const symbol of facts.symbols) {
      if (symbol.kind === 'class' && this.entriesIn(path)?.has(SymbolId.of(path, `${symbol.name}.${dotted}`))) return { symbol: SymbolId.of(path, `${symbol.name}.${dotted}`) };
    }
    const inClass = (qualifiedClass: string, member: readonly string[]): Target | undefined => {
      const file = this.modules.packages.javaClassFile(qualifiedClass);
      const className = qualifiedClass.slice(qualifiedClass.lastIndexOf('.') + 1);
      return file ? this.lookup(file, [className, ...member].join('.'), depth + 1) : undefined;
    };
    const onDemand: string[] = [];
    const staticOnDemand: string[] = [];
    for (const statement of facts.imports) {
      const [imported] = statement.names;
      if (!imported) continue;
      const isStatic = statement.alias === STATIC_IMPORT;
      if (imported.name === '*') {
        const found = isStatic ? inClass(statement.module, [head, ...rest]) : inClass(`${statement.module}.${head}`, rest);
        if (found) return found;
        (isStatic ? staticOnDemand : onDemand).push(statement.module);
      } else if (imported.name === head) {
        const qualified = `${statement.module}.${head}`;
        return (isStatic ? inClass(statement.module, [head, ...rest]) : inClass(qualified, rest)) ?? { external: [qualified, ...rest].join('.') };
      }
    }
    const samePackage = inClass(facts.packageName ? `${facts.packageName}.${head}` : head, rest);
    if (samePackage) return samePackage;
    // `get(...)` after `import static spark.Spark.*`: a member of one of the outside classes imported so. A
    // workspace class imported so was asked above: a name it lacks (`@GetMapping` beside `import static
    // com.acme.Codes.*`) is a type of a package imported on demand, as Java resolves it.
    const staticMembers = rest.length ? [] : staticOnDemand.filter((module) => !this.modules.packages.javaClassFile(module)).map((module) => `${module}.${head}`);
    // `com.acme.orders.Order.create`: the longest prefix that is a class of the workspace.
    if (/^[a-z]/.test(head)) {
      if (staticMembers.length) return { external: staticMembers[0] as string, candidates: staticMembers };
      const parts = [head, ...rest];
      for (let end = parts.length; end > 1; end--) {
        const found = inClass(parts.slice(0, end).join('.'), parts.slice(end));
        if (found) return found;
      }
      return undefined;
    }
    const candidates = [...staticMembers, ...(onDemand.length ? [...onDemand, 'java.lang'].map((module) => `${module}.${dotted}`) : [])];
    return candidates.length ? { external: candidates[0] as string, candidates } : undefined;
  }

  /**
   * Go: a name of the file's package (whichever of its files defines it); then `pkg.Name` through
   * an import (its alias, else the package's name), into a package of the workspace or named by
   * its import path (`github.com/go-chi/chi.NewRouter`, the major version dropped).
   */
  private qualifyInGo(path: string, facts: FileFacts, head: string, rest: readonly string[], depth: number): Target | undefined {
    const folder = folderOf(path);
    const dotted = [head, ...rest].join('.');
    const inPackage = (packageFolder: string, name: string) => {
      const file = this.modules.packages.goDefinition(packageFolder, name) ?? this.modules.packages.goDefinition(packageFolder, name.slice(0, name.includes('.') ? name.indexOf('.') : name.length));
      return file && file !== path ? this.lookup(file, name, depth + 1) : undefined;
    };
    if (this.modules.packages.goPackageName(folder) === facts.packageName) {
      const found = inPackage(folder, dotted);
      if (found) return found;
    }
    for (const statement of facts.imports) {
      if (statement.alias === '_') continue;
      const importedFolder = this.modules.packages.goFolder(statement.module);
      if (statement.names[0]?.name === '*') {
        const found = importedFolder === undefined ? undefined : inPackage(importedFolder, dotted);
        if (found) return found;
        continue;
      }
      if ((statement.alias ?? goImportName(statement.module, this.modules.packages)) !== head) continue;
      if (!rest.length) return { external: goExternalPath(statement.module) };
      const found = importedFolder === undefined ? undefined : inPackage(importedFolder, rest.join('.'));
      return found ?? { external: `${goExternalPath(statement.module)}.${rest.join('.')}` };
    }
    return undefined;
  }

  /** The value the workspace's environment files (`.env.example`) give a key, if any. */
  environmentValue(key: string): string | undefined {
    return this.modules.environmentValue(key);
  }

  /** What `require(specifier)` written in `path` returns, when it is a workspace symbol: what the module exports whole (`module.exports = polka().use(...)`). */
  requiredExport(path: string, specifier: string): string | undefined {
    const file = this.modules.ecmaModuleFile(path, specifier);
    const target = file ? this.qualify(file, this.exportedWhole(file)) : undefined;
    return target && 'symbol' in target ? target.symbol : undefined;
  }

  /**
   * The class a container's service definitions name for an id (`class: ../controllers/StatusGetController`):
   * the module's default export, else its class named as its file. None when no definition names a
   * workspace class, or the definitions of several files name different ones.
   */
  serviceClass(id: string): string | undefined {
    const classes = new Set<string>();
    for (const file of this.modules.serviceClassFiles(id)) {
      const named = this.defaultExportOf(file) ?? file.slice(file.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '');
      if (this.entry(SymbolId.of(file, named))?.definition.kind === 'class') classes.add(SymbolId.of(file, named));
    }
    return classes.size === 1 ? [...classes][0] : undefined;
  }

  /** The classes the container's service definitions name, each once. */
  serviceClasses(): string[] {
    const classes = this.modules.serviceIds().map((id) => this.serviceClass(id));
    return [...new Set(classes.filter((found): found is string => found !== undefined))];
  }

  /** The name a module's default export goes by in it: its own symbol's, else `default` (bound by a re-export: `export { default } from`, `module.exports = require(...)`). */
  private exportedWhole(file: string): string {
    return this.defaultExportOf(file) ?? 'default';
  }

  private defaultExportOf(file: string): string | undefined {
    this.answers.noteSurface(file);
    return this.indexed.get(file)?.facts.symbols.find((symbol) => symbol.defaultExport)?.name;
  }

  private qualifyThroughImport(path: string, statement: ImportStatement, head: string, rest: string[], depth: number): Target | undefined {
    const base = absoluteModule(path, statement);
    if (statement.names.length === 0) {
      // `import a.b.c` binds `a`; `import a.b as x` binds `x`. (Every import is asked about every name looked up: nothing made to compare.)
      const binds = statement.alias !== undefined ? statement.alias === head : isWithinModule(statement.module, head);
      if (!binds) return undefined;
      const written = statement.alias ? [statement.module, ...rest] : [head, ...rest];
      return this.qualifyModuleMember(path, written.join('.'), depth);
    }
    for (const imported of statement.names) {
      if (imported.name === '*') {
        // Like a named import, a script's `from tasks import *` reads the module beside it when the import roots have none.
        const rooted = this.modules.moduleFile(base);
        const folder = rooted === undefined ? scriptFolderModule(path) : undefined;
        const file = rooted ?? (folder ? this.modules.moduleFile(`${folder}.${base}`) : undefined);
        const found = file && file !== path ? this.lookup(file, [head, ...rest].join('.'), depth + 1) : undefined;
        if (found && 'symbol' in found) return found;
        continue;
      }
      if ((imported.alias ?? imported.name) !== head) continue;
      // `from pkg import cron` is the package's attribute before its submodule (Python's own order): the
      // function `arq/__init__.py` binds with `from .cron import cron`, not the module `arq/cron.py`.
      const importedFrom = base ? this.modules.moduleFile(base) : undefined;
      const bound = importedFrom && importedFrom !== path ? this.lookup(importedFrom, [imported.name, ...rest].join('.'), depth + 1) : undefined;
      if (bound && 'symbol' in bound) return bound;
      const qualified = base ? `${base}.${imported.name}` : imported.name;
      return this.qualifyModuleMember(path, [qualified, ...rest].join('.'), depth);
    }
    return undefined;
  }

  /**
   * `pkg.module.Class.method` → the longest module prefix that is a workspace file, then the member
   * in it. A module not found from the import roots is looked for beside the importing file, as a
   * script's own folder is on its import path (`from config import app` in examples/x/tasks.py).
   */
  private qualifyModuleMember(importer: string, dotted: string, depth: number): Target {
    let folder: string | undefined; // the importer's own folder, as a module: only when the import roots have no such module
    // Each module prefix, longest first (`a.b.c`, `a.b`, `a`), cut from the name where it was split and joined.
    for (let end = dotted.length; end > 0; end = dotted.lastIndexOf('.', end - 1)) {
      const module = dotted.slice(0, end);
      let file = this.modules.moduleFile(module);
      if (file === undefined) {
        folder ??= scriptFolderModule(importer);
        if (folder) file = this.modules.moduleFile(`${folder}.${module}`);
      }
      if (!file) continue;
      const member = dotted.slice(end + 1);
      if (!member) return { external: dotted }; // a module itself is not a symbol
      const found = this.lookup(file, member, depth + 1);
      if (found) return found;
    }
    return { external: dotted };
  }

  /**
   * Every class a class derives from, through workspace classes (across files) down to the
   * names outside the workspace it ends on. Cycle-safe and cached.
   */
  ancestry(symbol: string): Ancestry {
    const cached = this.ancestryCache.get(symbol);
    if (cached && this.answers.stillThrough(cached.surfaces)) {
      this.answers.noteSurfaces(cached.surfaces);
      return cached.ancestry;
    }
    if (this.ancestriesUnderWay.has(symbol)) return { classes: NONE, names: NONE };
    this.ancestriesUnderWay.add(symbol);
    try {
      const { value: ancestry, read } = this.answers.recording(() => this.ancestryOf(symbol));
      this.ancestryCache.set(symbol, { ancestry, surfaces: read.surfaces });
      return ancestry;
    } finally {
      this.ancestriesUnderWay.delete(symbol);
    }
  }

  /** Whether a workspace class derives from one of these classes (dotted names, the workspace's own by their module names). */
  derivesFromAny(symbol: string, bases: readonly string[]): boolean {
    return this.definition(symbol)?.kind === 'class' && this.ancestry(symbol).names.some((name) => bases.includes(name));
  }

  /**
   * A class deriving from one of a framework's classes, and its workspace ancestors, nearest first,
   * less the framework's own classes: in the framework's own repository they are workspace classes
   * too, and their methods (a default `get` that answers 405) are not the application's.
   */
  applicationLineage(symbol: string, frameworkBases: readonly string[]): string[] {
    const { classes } = this.ancestry(symbol);
    const isFramework = (candidate: string) => this.namesOf({ symbol: candidate }).some((name) => frameworkBases.includes(name));
    const frameworkClasses = new Set(classes.filter(isFramework).flatMap((candidate) => [candidate, ...this.ancestry(candidate).classes]));
    return [symbol, ...classes].filter((candidate) => !frameworkClasses.has(candidate));
  }

  /** A workspace name that is another name for a class (`BaseModel = db.Model`, `type KyselyDB = Kysely<DB>`) stands for what it names. */
  throughAliases(target: Target | undefined): Target | undefined {
    for (let depth = 0; target && 'symbol' in target && depth < MAX_RESOLUTION_DEPTH; depth++) {
      const entry = this.entry(target.symbol);
      const alias = entry?.definition.kind === 'variable' ? entry.definition.alias : undefined;
      if (!entry || !alias || !/^[\w.]+$/.test(alias)) break;
      this.answers.noteSurface(entry.path);
      target = this.qualify(entry.path, alias);
    }
    return target;
  }

  private ancestryOf(symbol: string): Ancestry {
    const ancestry = { classes: [] as string[], names: new Set<string>() };
    const seen = new Set<string>([symbol]);
    const pending = [symbol];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      const entry = this.entry(next);
      if (!entry) continue;
      this.answers.noteSurface(entry.path);
      for (const base of entry.definition.bases) {
        const made = base.endsWith('()');
        const target = this.throughAliases(this.qualify(entry.path, made ? base.slice(0, -2) : base));
        if (!target) continue;
        if (made) {
          // `extends factory(Entity)`: a workspace function stands for the class it returns (its bases are that class's);
          // what an outside one makes is named as Python's `declarative_base()` is.
          if ('external' in target) for (const name of this.namesOf(target)) ancestry.names.add(`${name}()`);
          else if (!seen.has(target.symbol) && this.entry(target.symbol)?.definition.kind === 'function') {
            seen.add(target.symbol);
            pending.push(target.symbol);
          }
          continue;
        }
        if ('external' in target) {
          for (const name of this.namesOf(target)) ancestry.names.add(name);
        } else if (!seen.has(target.symbol)) {
          seen.add(target.symbol);
          const baseDefinition = this.entry(target.symbol)?.definition;
          this.answers.noteSurface(SymbolId.parse(target.symbol).path);
          if (baseDefinition?.kind === 'variable' && baseDefinition.value) {
            // `Base = declarative_base()`: the class derives from what the call makes.
            const made = this.qualify(SymbolId.parse(target.symbol).path, baseDefinition.value.callee);
            for (const name of made ? this.namesOf(made) : []) ancestry.names.add(`${name}()`);
            continue;
          }
          ancestry.classes.push(target.symbol);
          for (const name of this.namesOf(target)) ancestry.names.add(name);
          pending.push(target.symbol);
        }
      }
    }
    return { classes: atLength(ancestry.classes), names: atLength([...ancestry.names]) };
  }
}

/** Kept for every class the stages ask about: lists at their length, not sets (a set of three names takes 200 bytes). */
export interface Ancestry {
  /** Workspace classes, nearest first. */
  classes: readonly string[];
  /**
   * The dotted names of every ancestor: outside the workspace (`django.db.models.Model`,
   * `sqlalchemy.orm.declarative_base()`) and, by their module names, inside it.
   */
  names: readonly string[];
}

/** What an index is made from before its answers: its files' facts, entries and surface versions, and the Python module names. */
interface Prepared {
  indexed: Map<string, IndexedFile>;
  analysed: FileFacts[];
  /** The surface version of each file analysed, in the same order. */
  surfaces: number[];
  python: PythonModules;
  /** Java's classes and Go's packages. */
  packages: PackageTable;
  /** The module names are the earlier index's: its answers can be shared. */
  sameModules: boolean;
}

/** Runs a preparation to its end at once. */
function finished<T>(steps: Generator<void, T>): T {
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

function entriesOf(facts: FileFacts): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  for (const definition of facts.symbols) {
    const symbol = SymbolId.of(facts.path, definition.name);
    entries.set(symbol, { symbol, path: facts.path, definition });
  }
  return entries;
}
