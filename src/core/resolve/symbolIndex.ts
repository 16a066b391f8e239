import { Turns } from '../nextTurn';
import type { FileFacts, ImportStatement, SymbolDefinition } from '../parse/facts';
import { STATIC_IMPORT } from '../parse/java';
import { folderOf, goExternalPath, goImportName, PackageTable } from './packages';
import { SymbolId } from '../result';
import { joinPath, type ModulePaths } from './tsconfig';

/** What a name written in a file stands for: a workspace symbol, or a name outside the workspace. */
export type Target =
  | { symbol: string }
  /**
   * `candidates`: every name it may be when the code leaves it open — a Java class imported on
   * demand (`import org.springframework.web.bind.annotation.*`) is in one of the packages imported so.
   */
  | { external: string; candidates?: readonly string[] };

type Entry = { symbol: string; path: string; definition: SymbolDefinition };

/**
 * What an answer was worked out from: the facts of the files it read whole (by identity), and the
 * surface version of the files whose surface its lookups read (see `surfaceOf`), as
 * flat lists of pairs (`[path, facts, path, facts…]`, `[path, version…]`), each path once. Lists,
 * not maps: an answer reads few files, and there are hundreds of thousands of answers.
 */
interface Reads {
  facts: (string | FileFacts | undefined)[];
  surfaces: (string | number)[];
}

/** The same, as kept with an answer: one shared empty list for none. */
interface KeptReads {
  facts: readonly (string | FileFacts | undefined)[];
  surfaces: SurfaceReads;
}

type SurfaceReads = readonly (string | number)[];

const NONE: readonly never[] = Object.freeze([]);

/**
 * A list kept for the session, at its length: a list built by pushing holds room for 17 entries
 * or more, and hundreds of thousands of kept lists (reads, answers) are most of a kept index.
 */
function atLength<T>(list: readonly T[]): readonly T[] {
  return list.length ? list.slice() : NONE;
}

/**
 * Most parts read their own file's facts and surface and nothing else, and most find nothing: one
 * list of reads, and one part for "nothing found", serve every stage of a file (tens of megabytes
 * at 50,000 files). Kept by the file's facts, so they go with them.
 */
const ownReads = new WeakMap<FileFacts, { facts: KeptReads['facts']; surfaces?: SurfaceReads; nothing: readonly Part[] }>();

function ownReadsOf(facts: FileFacts): NonNullable<ReturnType<typeof ownReads.get>> {
  let reads = ownReads.get(facts);
  if (!reads) ownReads.set(facts, (reads = { facts: Object.freeze([facts.path, facts]), nothing: NONE }));
  return reads;
}

/** What an index holds of one file (see `SymbolIndex.indexed`). */
interface IndexedFile {
  readonly facts: FileFacts;
  /** The same while the file's surface stays (see `surfaceOf`), from index to index. */
  readonly surface: number;
  /** Its definitions by symbol, in source order (a name defined twice is its last definition, where the first was); made when first asked for. */
  entries: Map<string, Entry> | undefined;
  /**
   * The answers worked out for it, one object for every index that shares answers with the one
   * that made it: an update made from an analysis, and a rehearsal of that update (which the first
   * real edit must find done), both add to it.
   */
  answers: FileAnswers;
}

interface FileAnswers {
  /** Its parts (see `SymbolIndex.part`), by stage number: one list per file, not one map per stage (a tenth of the room at 50,000 files). */
  slots: (Part | undefined)[] | undefined;
  /** Every stage asks about the same names again (bases, decorators, callees): each is looked up once, per surface version. */
  qualified: { version: number; names: Map<string, KeptTarget> } | undefined;
}

/** A stage's answer for one file, and what it read to get it (its own file included). */
interface Part extends KeptReads {
  value: unknown;
  given: string;
}

/** A stage's answer, the inputs it was made from, and what it read itself. */
interface Combination extends KeptReads {
  value: unknown;
  inputs: readonly unknown[];
}

/** A lookup's answer; with the other files whose surfaces it read, when there are any. */
type KeptTarget = Target | { target: Target; through: SurfaceReads };

/** Whether a dotted name is `module` itself or inside it (`a.b.c` is inside `a.b`; `a.bc` is not); nothing is made to compare. */
export function isWithinModule(name: string, module: string): boolean {
  return name.startsWith(module) && (name.length === module.length || name[module.length] === '.');
}

/** Surface versions are numbered across indexes: a number is never reused for another surface. */
let lastSurfaceVersion = 0;

const MAX_RESOLUTION_DEPTH = 16; // re-export chains longer than this are cycles in practice
const ECMA_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/**
 * The workspace's symbols, queryable by id and by the names a file can see: what it defines and
 * what it imports from other workspace files (absolute and relative imports, aliases, re-exports
 * through `__init__.py`, `src/` layouts). Names from outside the workspace are qualified by their
 * import (`models.Model` after `from django.db import models` is `django.db.models.Model`).
 */
export class SymbolIndex {
  /**
   * What the index holds of each file, in one record: every stage asks for a file's facts, surface
   * version and kept parts together, tens of thousands of times an update.
   */
  private readonly indexed: Map<string, IndexedFile>;
  /** The facts of the files analysed, in the order given. */
  private readonly analysed: readonly FileFacts[];
  // The fields below are each stored once, in the constructor, whether made or taken over from an
  // earlier index: a field stored again after it was made changes the objects' hidden class, and
  // V8 throws away all the code compiled for it — at the first update, which then ran two to three
  // times slower than later ones.
  private readonly moduleFiles: Map<string, string>;
  private readonly moduleNamesByFile: Map<string, readonly string[]>;
  /** The Python import roots the module names come from, and the Java and Go packages, as one key. */
  private readonly rootsKey: string;
  /** Java's classes and Go's packages, by the names code reaches them by. */
  private readonly packages: PackageTable;
  private readonly ancestryCache: Map<string, { ancestry: Ancestry; surfaces: SurfaceReads }>;
  private readonly stageNumbers: Map<string, number>;
  /** One object per target the lookups found: thousands of files name `models.Model`, each lookup kept keeps the same one. */
  private readonly targets: Map<string, Target>;
  /** Whole stages' answers made from parts (see `combined`), by stage. */
  private readonly combinations: Map<string, Combination>;
  /** What the answers being worked out read, innermost last. */
  private readonly reading: Reads[] = [];
  /** The classes whose ancestry is being worked out: a class deriving from a member of its own instance (`class A(a.Model)`, `a = A()`) ends there. */
  private readonly ancestriesUnderWay = new Set<string>();

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
    private readonly modulePaths: ModulePaths = { aliases: [] },
    earlier?: { index: SymbolIndex; shareAnswers: boolean },
    /** Whether to keep the stages' parts and combinations for later indexes (an analysis that will be updated). */
    private readonly keepParts = true,
    /** What `SymbolIndex.build` worked out in turns; worked out here otherwise. */
    prepared: Prepared = finished(SymbolIndex.preparation(files, earlier, modulePaths)),
  ) {
    this.indexed = prepared.indexed;
    this.analysed = prepared.analysed;
    this.rootsKey = prepared.rootsKey;
    this.packages = prepared.packages;
    this.moduleFiles = prepared.moduleFiles;
    this.moduleNamesByFile = prepared.moduleNamesByFile;
    const shared = prepared.sameModules ? earlier?.index : undefined;
    // Shared, not copied: each answer says what it was worked out from, and each index checks that against its own files.
    this.ancestryCache = shared ? shared.ancestryCache : new Map();
    this.stageNumbers = shared ? shared.stageNumbers : new Map();
    this.targets = shared ? shared.targets : new Map();
    this.combinations = shared ? shared.combinations : new Map();
  }

  /** The same index, made with the event loop let in every 20 ms (50,000 files took 160 ms in one block). */
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
    let importsChanged = false;
    for (const facts of files) {
      yield;
      if (facts.skipped) continue;
      analysed.push(facts);
      const previous = before?.indexed.get(facts.path);
      const sameFacts = previous?.facts === facts;
      const sameSurface = shared !== undefined && previous !== undefined && (sameFacts || surfaceOf(previous.facts) === surfaceOf(facts));
      if (!sameSurface && previous && previous.facts.language === 'python' && importsOf(previous.facts) !== importsOf(facts)) importsChanged = true;
      indexed.set(facts.path, {
        facts,
        surface: sameSurface ? previous.surface : ++lastSurfaceVersion,
        entries: sameFacts ? previous.entries : undefined,
        // Shared, not copied: each answer says what it read, checked against this index's files when asked for.
        answers: shared && previous ? previous.answers : { slots: undefined, qualified: undefined },
      });
    }
    const python = analysed.filter((facts) => facts.language === 'python');
    const roots = shared && !importsChanged ? undefined : yield* pythonImportRoots(python);
    const packages = PackageTable.of(analysed, modulePaths?.goModules ?? []);
    // A class or package-level name added or gone changes what the names of other files stand for.
    const rootsKey = `${roots ? [...roots].sort().join('\n') : (shared?.rootsKey.slice(0, shared.rootsKey.indexOf('\0')) ?? '')}\0${packages.key}`;
    const sameModules = shared !== undefined && shared.rootsKey === rootsKey;
    if (shared && !sameModules) {
      // Other module names: no answer worked out with the earlier ones holds.
      for (const file of indexed.values()) file.answers = { slots: undefined, qualified: undefined };
    }
    const modules = sameModules ? { moduleFiles: shared.moduleFiles, moduleNamesByFile: shared.moduleNamesByFile } : yield* moduleNamesOf(python, roots ?? new Set());
    return { indexed, analysed, rootsKey, packages, ...modules, sameModules };
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
   * what it will change.
   */
  part<T>(stage: string, path: string, compute: () => T, given = ''): T {
    if (!this.keepParts) return compute();
    let stageNumber = this.stageNumbers.get(stage);
    if (stageNumber === undefined) this.stageNumbers.set(stage, (stageNumber = this.stageNumbers.size));
    const file = this.indexed.get(path);
    const kept = file?.answers.slots?.[stageNumber];
    if (kept && kept.given === given && this.stillReadsOwn(kept, file)) {
      this.noteReads(kept);
      return kept.value as T;
    }
    const { value, read } = this.recording(compute, path);
    // Most files give most stages nothing: one empty list kept for all of them.
    const stored = (Array.isArray(value) ? atLength(value) : value) as T;
    if (!file) return stored; // not a file of this index: nothing to keep it with
    const { answers } = file;
    let slots = answers.slots ?? [];
    // Assigned within the list's length: a list grown by assignment takes room for more stages than there are.
    if (stageNumber >= slots.length) answers.slots = slots = slots.concat(new Array<undefined>(stageNumber + 1 - slots.length));
    slots[stageNumber] = this.nothingPart(file.facts, stored, read, given) ?? { value: stored, facts: read.facts, surfaces: read.surfaces, given };
    return stored;
  }

  /**
   * The one part kept for every stage that found nothing in a file from its own reads alone:
   * "nothing" is a value the stage shares between files (undefined, or frozen: the empty list, or
   * the stage's own), and the part is the same object for every stage and index while the file stays.
   */
  private nothingPart(facts: FileFacts, value: unknown, read: KeptReads, given: string): Part | undefined {
    const shared = value === undefined || (typeof value === 'object' && value !== null && Object.isFrozen(value));
    if (given !== '' || !shared) return undefined;
    const own = ownReadsOf(facts);
    if (read.facts !== own.facts || (read.surfaces !== NONE && read.surfaces !== own.surfaces)) return undefined;
    let part = own.nothing.find((candidate) => candidate.value === value && candidate.surfaces === read.surfaces);
    if (!part) {
      part = Object.freeze({ value, facts: own.facts, surfaces: read.surfaces, given });
      own.nothing = own.nothing.concat(part); // at its length (see `atLength`)
    }
    return part;
  }

  /**
   * A whole stage's answer, made by `compute` from `inputs` — parts (which `part` keeps as the
   * same objects while they hold), other stages' answers, keys — and kept while every input is
   * the same object, or equal string, as when it was made, and nothing it read itself has changed.
   * An edit that changes none of a stage's parts then costs the stage nothing.
   */
  combined<T>(stage: string, inputs: readonly unknown[], compute: () => T): T {
    if (!this.keepParts) return compute();
    const kept = this.combinations.get(stage);
    if (kept && kept.inputs.length === inputs.length && kept.inputs.every((input, position) => input === inputs[position]) && this.stillReads(kept)) return kept.value as T;
    const { value, read } = this.recording(compute);
    this.combinations.set(stage, { value, inputs: [...inputs], ...read });
    return value;
  }

  /** Runs `compute`, noting what it reads (and, for the answer around it, that it read it too). */
  private recording<T>(compute: () => T, path?: string): { value: T; read: KeptReads } {
    const facts = path === undefined ? undefined : this.indexed.get(path)?.facts;
    const read: Reads = { facts: path === undefined ? [] : [path, facts], surfaces: [] };
    this.reading.push(read);
    let value: T;
    try {
      value = compute();
    } finally {
      this.reading.pop();
    }
    // Its own file's reads alone: the lists every part of that file shares.
    const own = facts ? ownReadsOf(facts) : undefined;
    const reads: KeptReads = { facts: own && read.facts.length === 2 ? own.facts : atLength(read.facts), surfaces: NONE };
    if (own && read.surfaces.length === 2 && read.surfaces[0] === path) {
      if (own.surfaces?.[1] !== read.surfaces[1]) own.surfaces = Object.freeze(atLength(read.surfaces));
      reads.surfaces = own.surfaces;
    } else reads.surfaces = atLength(read.surfaces);
    this.noteReads(reads);
    return { value, read: reads };
  }

  private stillReads(read: KeptReads): boolean {
    const { facts } = read;
    for (let at = 0; at < facts.length; at += 2) if (this.indexed.get(facts[at] as string)?.facts !== facts[at + 1]) return false;
    return this.stillThrough(read.surfaces);
  }

  /** The same, for a part of `file`: what it read of its own file (most parts read nothing else) is checked against the record in hand. */
  private stillReadsOwn(read: KeptReads, file: IndexedFile): boolean {
    const { facts, surfaces } = read;
    const path = file.facts.path;
    if (facts.length === 2 && facts[0] === path) {
      if (facts[1] !== file.facts) return false;
    } else if (!this.stillReads({ facts, surfaces: NONE })) return false;
    if (surfaces.length === 2 && surfaces[0] === path) return surfaces[1] === file.surface;
    return this.stillThrough(surfaces);
  }

  private noteReads(read: KeptReads): void {
    const outer = this.reading.at(-1);
    if (!outer) return;
    const { facts } = read;
    for (let at = 0; at < facts.length; at += 2) notePair(outer.facts, facts[at] as string, facts[at + 1]);
    this.noteSurfaces(read.surfaces);
  }

  private noteSurface(path: string): void {
    const outer = this.reading.at(-1);
    if (outer) notePair(outer.surfaces, path, this.indexed.get(path)?.surface ?? -1);
  }

  private noteSurfaces(surfaces: SurfaceReads): void {
    const outer = this.reading.at(-1);
    if (outer) for (let at = 0; at < surfaces.length; at += 2) notePair(outer.surfaces, surfaces[at] as string, surfaces[at + 1] as number);
  }

  private stillThrough(surfaces: SurfaceReads): boolean {
    for (let at = 0; at < surfaces.length; at += 2) if (this.indexed.get(surfaces[at] as string)?.surface !== surfaces[at + 1]) return false;
    return true;
  }

  /** A part that walked every file would be kept on the files it happened to note: a mistake, told at once. */
  private notInPart(method: string): void {
    if (this.reading.length) throw new Error(`SymbolIndex.${method} cannot be called while a part is worked out`);
  }

  private noteRead(path: string): void {
    const read = this.reading.at(-1);
    if (read) notePair(read.facts, path, this.indexed.get(path)?.facts);
  }

  definition(symbol: string): SymbolDefinition | undefined {
    const entry = this.entry(symbol);
    if (entry) this.noteRead(entry.path);
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
    this.noteRead(path);
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
      this.noteRead(file);
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
    const file = this.packages.goDefinition(folderOf(path), `${className}.${name}`);
    const symbol = file === undefined ? undefined : SymbolId.of(file, `${className}.${name}`);
    return symbol !== undefined && this.definition(symbol) ? symbol : undefined;
  }

  /** The files a type's methods may be declared in: its own, and for Go every file of its package. */
  private filesOfType(path: string): readonly string[] {
    if (this.indexed.get(path)?.facts.language !== 'go') return [path];
    const files = this.packages.goFiles(folderOf(path));
    return files.includes(path) ? files : [path];
  }

  files(): readonly FileFacts[] {
    this.notInPart('files');
    return this.analysed;
  }

  file(path: string): FileFacts | undefined {
    this.noteRead(path);
    return this.indexed.get(path)?.facts;
  }

  /**
   * The path of a symbol's file, as the index holds it (one string per file, that lookups by path
   * then compare by identity); reading it reads nothing of the file.
   */
  pathOf(symbol: string): string {
    const path = symbol.slice(0, symbol.lastIndexOf(':'));
    return this.indexed.get(path)?.facts.path ?? path;
  }

  moduleFile(module: string): string | undefined {
    return this.moduleFiles.get(module);
  }

  /** The workspace file an import statement's module (or its submodule `name`) is, if it is one. */
  importedModuleFile(path: string, statement: ImportStatement, name?: string): string | undefined {
    const module = absoluteModule(path, statement);
    return (name ? this.moduleFiles.get(module ? `${module}.${name}` : name) : undefined) ?? (statement.names.length ? this.moduleFiles.get(module) : this.moduleFiles.get(statement.module));
  }

  /**
   * The dotted names a target goes by: an outside name as it is, a workspace symbol by each module
   * name of its file (`src/starlette/routing.py:Route` is `starlette.routing.Route`), so rules
   * written for a framework also hold when the framework's own repository is analysed.
   */
  namesOf(target: Target): string[] {
    if ('external' in target && target.candidates) return [...target.candidates];
    const written = 'symbol' in target ? target.symbol : target.external;
    const made = /^(.+?:[\w.]+)(\(\).*)$/.exec(written); // `path:Class().attr`: what an instance offers
    const symbol = 'symbol' in target ? target.symbol : made?.[1];
    if (!symbol) return [written];
    const { path, name } = SymbolId.parse(symbol);
    const suffix = 'symbol' in target ? '' : (made?.[2] ?? '');
    const names = [written, ...(this.moduleNamesByFile.get(path) ?? []).map((module) => `${module}.${name}${suffix}`)];
    // What an instance of a workspace subclass offers, it offers as an instance of each ancestor (`class SQLAlchemy(flask_sqlalchemy.SQLAlchemy)`: `db.Model`).
    if (suffix && this.entry(symbol)?.definition.kind === 'class') for (const ancestor of this.ancestry(symbol).names) names.push(`${ancestor}${suffix}`);
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
    const version = file.surface;
    let inFile = file.answers.qualified;
    const kept = inFile?.version === version ? inFile.names.get(dottedName) : undefined;
    if (kept && (!('through' in kept) || this.stillThrough(kept.through))) {
      if (this.reading.length) {
        this.noteSurface(path);
        if ('through' in kept) this.noteSurfaces(kept.through);
      }
      return 'through' in kept ? kept.target : kept;
    }
    // What else the lookup reads of other files' surfaces (imports followed, re-exports) is noted with the answer.
    const { value: found, read } = this.recording(() => this.lookup(path, dottedName, 0));
    const target = this.interned(found ?? { external: dottedName }); // a builtin, or a name this analysis cannot see
    const through = surfacesBesides(read.surfaces, path);
    if (inFile?.version !== version) file.answers.qualified = inFile = { version, names: new Map() };
    inFile.names.set(dottedName, through.length ? { target, through } : target);
    return target;
  }

  private interned(target: Target): Target {
    const key = 'symbol' in target ? target.symbol : `\0${target.external}${target.candidates ? `\0${target.candidates.join('\0')}` : ''}`;
    const known = this.targets.get(key);
    if (known) return known;
    this.targets.set(key, target);
    return target;
  }

  /** What the name is bound to in the file, or undefined when the file binds no such name. */
  private lookup(path: string, dottedName: string, depth: number): Target | undefined {
    const facts = this.indexed.get(path)?.facts;
    if (!facts || depth > MAX_RESOLUTION_DEPTH) return undefined;
    this.noteSurface(path);
    const [head = '', ...rest] = dottedName.split('.');
    if (this.entriesIn(path)?.has(SymbolId.of(path, dottedName))) return { symbol: SymbolId.of(path, dottedName) };
    const headSymbol = SymbolId.of(path, head);
    const headDefinition = this.entriesIn(path)?.get(headSymbol)?.definition;
    if (headDefinition) {
      // `db = SQLAlchemy()` then `db.Model`: the name stands for a member of the call's result.
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
    return undefined;
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
    this.noteSurface(entry.path);
    return this.lookup(entry.path, returns, depth + 1) ?? { external: returns };
  }

  /**
   * ES imports and `require`: a relative specifier names a workspace file (extensions and `index`
   * files as Node and TypeScript resolve them); a package's names are qualified by the package
   * (`import { Controller } from '@nestjs/common'` makes `Controller` `@nestjs/common.Controller`;
   * a default or namespace import of `express` is `express`).
   */
  private qualifyThroughEcmaImport(path: string, statement: ImportStatement, head: string, rest: string[], depth: number): Target | undefined {
    const file = this.ecmaModuleFile(path, statement.module);
    const external = (parts: string[]) => ({ external: [statement.module, ...parts].join('.') });
    if (statement.names.length === 0) {
      if (statement.alias !== head) return undefined;
      if (file && rest.length) return this.lookup(file, rest.join('.'), depth + 1) ?? external(rest);
      // `const router = require('./router')`: what the module exports (`module.exports = router`).
      const exported = file ? this.defaultExportOf(file) : undefined;
      return (file && exported ? this.lookup(file, exported, depth + 1) : undefined) ?? external(rest);
    }
    for (const imported of statement.names) {
      if (imported.name === '*') {
        const found = file && file !== path ? this.lookup(file, [head, ...rest].join('.'), depth + 1) : undefined;
        if (found && 'symbol' in found) return found;
        continue;
      }
      if ((imported.alias ?? imported.name) !== head) continue;
      if (!file) return imported.name === 'default' ? external(rest) : external([imported.name, ...rest]);
      const name = imported.name === 'default' ? this.defaultExportOf(file) : imported.name;
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
      const file = this.packages.javaClassFile(qualifiedClass);
      const className = qualifiedClass.slice(qualifiedClass.lastIndexOf('.') + 1);
      return file ? this.lookup(file, [className, ...member].join('.'), depth + 1) : undefined;
    };
    const onDemand: string[] = [];
    for (const statement of facts.imports) {
      const [imported] = statement.names;
      if (!imported) continue;
      const isStatic = statement.alias === STATIC_IMPORT;
      if (imported.name === '*') {
        const found = isStatic ? inClass(statement.module, [head, ...rest]) : inClass(`${statement.module}.${head}`, rest);
        if (found) return found;
        if (!isStatic) onDemand.push(statement.module);
      } else if (imported.name === head) {
        const qualified = `${statement.module}.${head}`;
        return (isStatic ? inClass(statement.module, [head, ...rest]) : inClass(qualified, rest)) ?? { external: [qualified, ...rest].join('.') };
      }
    }
    const samePackage = inClass(facts.packageName ? `${facts.packageName}.${head}` : head, rest);
    if (samePackage) return samePackage;
    // `com.acme.orders.Order.create`: the longest prefix that is a class of the workspace.
    if (/^[a-z]/.test(head)) {
      const parts = [head, ...rest];
      for (let end = parts.length; end > 1; end--) {
        const found = inClass(parts.slice(0, end).join('.'), parts.slice(end));
        if (found) return found;
      }
      return undefined;
    }
    if (!onDemand.length) return undefined;
    const candidates = [...onDemand, 'java.lang'].map((module) => `${module}.${dotted}`);
    return { external: candidates[0] as string, candidates };
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
      const file = this.packages.goDefinition(packageFolder, name) ?? this.packages.goDefinition(packageFolder, name.slice(0, name.includes('.') ? name.indexOf('.') : name.length));
      return file && file !== path ? this.lookup(file, name, depth + 1) : undefined;
    };
    if (this.packages.goPackageName(folder) === facts.packageName) {
      const found = inPackage(folder, dotted);
      if (found) return found;
    }
    for (const statement of facts.imports) {
      if (statement.alias === '_') continue;
      const importedFolder = this.packages.goFolder(statement.module);
      if (statement.names[0]?.name === '*') {
        const found = importedFolder === undefined ? undefined : inPackage(importedFolder, dotted);
        if (found) return found;
        continue;
      }
      if ((statement.alias ?? goImportName(statement.module, this.packages)) !== head) continue;
      if (!rest.length) return { external: goExternalPath(statement.module) };
      const found = importedFolder === undefined ? undefined : inPackage(importedFolder, rest.join('.'));
      return found ?? { external: `${goExternalPath(statement.module)}.${rest.join('.')}` };
    }
    return undefined;
  }

  private defaultExportOf(file: string): string | undefined {
    this.noteSurface(file);
    return this.indexed.get(file)?.facts.symbols.find((symbol) => symbol.defaultExport)?.name;
  }

  /**
   * The workspace file a specifier names, trying what Node and TypeScript try: relative to the
   * importer, through the path aliases of `tsconfig.json`, or under its `baseUrl`.
   */
  private ecmaModuleFile(importer: string, specifier: string): string | undefined {
    if (specifier.startsWith('.')) return this.ecmaFileAt(joinPath(importer.split('/').slice(0, -1).join('/'), specifier));
    for (const { pattern, targets } of this.modulePaths.aliases) {
      const star = pattern.indexOf('*');
      const matched = star < 0 ? (specifier === pattern ? '' : undefined) : specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1)) ? specifier.slice(star, specifier.length - (pattern.length - star - 1)) : undefined;
      if (matched === undefined) continue;
      for (const target of targets) {
        const file = this.ecmaFileAt(target.replace('*', matched));
        if (file) return file;
      }
    }
    return this.modulePaths.baseUrl !== undefined ? this.ecmaFileAt(joinPath(this.modulePaths.baseUrl, specifier)) : undefined;
  }

  private ecmaFileAt(base: string): string | undefined {
    const stem = base.replace(/\.(m|c)?js$/, ''); // `./x.js` written for the compiled output of `./x.ts`
    const candidates = [base, ...ECMA_EXTENSIONS.map((extension) => `${stem}${extension}`), ...ECMA_EXTENSIONS.map((extension) => `${base}/index${extension}`)];
    return candidates.find((candidate) => this.indexed.has(candidate));
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
        const file = this.moduleFiles.get(base);
        const found = file && file !== path ? this.lookup(file, [head, ...rest].join('.'), depth + 1) : undefined;
        if (found && 'symbol' in found) return found;
        continue;
      }
      if ((imported.alias ?? imported.name) !== head) continue;
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
      let file = this.moduleFiles.get(module);
      if (file === undefined) {
        folder ??= importer.includes('/') ? importer.slice(0, importer.lastIndexOf('/')).replace(/\//g, '.') : '';
        if (folder) file = this.moduleFiles.get(`${folder}.${module}`);
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
    if (cached && this.stillThrough(cached.surfaces)) {
      this.noteSurfaces(cached.surfaces);
      return cached.ancestry;
    }
    if (this.ancestriesUnderWay.has(symbol)) return { classes: NONE, names: NONE };
    this.ancestriesUnderWay.add(symbol);
    try {
      const { value: ancestry, read } = this.recording(() => this.ancestryOf(symbol));
      this.ancestryCache.set(symbol, { ancestry, surfaces: read.surfaces });
      return ancestry;
    } finally {
      this.ancestriesUnderWay.delete(symbol);
    }
  }

  /** A workspace name that is another name for a class (`BaseModel = db.Model`) stands for what it names. */
  private throughAliases(target: Target | undefined): Target | undefined {
    for (let depth = 0; target && 'symbol' in target && depth < MAX_RESOLUTION_DEPTH; depth++) {
      const entry = this.entry(target.symbol);
      const alias = entry?.definition.kind === 'variable' ? entry.definition.alias : undefined;
      if (!entry || !alias || !/^[\w.]+$/.test(alias)) break;
      this.noteSurface(entry.path);
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
      this.noteSurface(entry.path);
      for (const base of entry.definition.bases) {
        const target = this.throughAliases(this.qualify(entry.path, base));
        if (!target) continue;
        if ('external' in target) {
          for (const name of this.namesOf(target)) ancestry.names.add(name);
        } else if (!seen.has(target.symbol)) {
          seen.add(target.symbol);
          const baseDefinition = this.entry(target.symbol)?.definition;
          this.noteSurface(SymbolId.parse(target.symbol).path);
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
  rootsKey: string;
  packages: PackageTable;
  moduleFiles: Map<string, string>;
  moduleNamesByFile: Map<string, readonly string[]>;
  /** The module names are the earlier index's: its answers can be shared. */
  sameModules: boolean;
}

/** Runs a preparation to its end at once. */
function finished<T>(steps: Generator<void, T>): T {
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** Adds a pair to a flat list of pairs unless its key is there (what was read first is what was read). */
function notePair<V>(pairs: (string | V)[], key: string, value: V): void {
  for (let at = 0; at < pairs.length; at += 2) if (pairs[at] === key) return;
  pairs.push(key, value);
}

/** The surfaces read of files other than `path` (a lookup's own file is checked with its whole map). */
function surfacesBesides(surfaces: SurfaceReads, path: string): SurfaceReads {
  const others: (string | number)[] = [];
  for (let at = 0; at < surfaces.length; at += 2) if (surfaces[at] !== path) others.push(surfaces[at] as string, surfaces[at + 1] as number);
  return atLength(others);
}

/**
 * What lookups and ancestries read of a file: its names, their kinds and bases, what variables are
 * made by or stand for, what functions return, its imports.
 */
function surfaceOf(facts: FileFacts): string {
  return JSON.stringify([
    facts.language,
    facts.skipped ?? '',
    facts.symbols.map((symbol) => [symbol.name, symbol.kind, symbol.bases, symbol.value?.callee ?? '', symbol.defaultExport ?? false, symbol.returns ?? '', symbol.alias ?? '']),
    facts.imports.map((statement) => [statement.module, statement.level, statement.names, statement.alias ?? '']),
  ]);
}

/** A file's imports, as the Python import roots read them. */
function importsOf(facts: FileFacts): string {
  return JSON.stringify(facts.imports.map((statement) => [statement.module, statement.level]));
}

function entriesOf(facts: FileFacts): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  for (const definition of facts.symbols) {
    const symbol = SymbolId.of(facts.path, definition.name);
    entries.set(symbol, { symbol, path: facts.path, definition });
  }
  return entries;
}

/** Each Python file's module names under the import roots, and the file each module name is (the first file to claim it). */
function* moduleNamesOf(python: readonly FileFacts[], roots: ReadonlySet<string>): Generator<void, { moduleFiles: Map<string, string>; moduleNamesByFile: Map<string, readonly string[]> }> {
  const moduleFiles = new Map<string, string>();
  const moduleNamesByFile = new Map<string, readonly string[]>();
  for (const facts of python) {
    yield;
    const names = pythonModuleNames(facts.path, roots);
    moduleNamesByFile.set(facts.path, atLength(names));
    for (const module of names) if (!moduleFiles.has(module)) moduleFiles.set(module, facts.path);
  }
  return { moduleFiles, moduleNamesByFile };
}

/**
 * The folders Python imports start from: the workspace root, `src/`, and the parent of every folder
 * that some absolute import names at its top (`import dispatch.x` makes `src/` a root when
 * `src/dispatch/` exists). This covers `src/` layouts, nested projects and namespace packages
 * (folders without `__init__.py`) without guessing from every suffix of every path.
 */
function* pythonImportRoots(files: readonly FileFacts[]): Generator<void, Set<string>> {
  const topLevel = new Set<string>();
  for (const facts of files) {
    yield;
    for (const statement of facts.imports) if (statement.level === 0) topLevel.add(statement.module.split('.')[0] ?? '');
  }
  const roots = new Set<string>(['', 'src']);
  for (const facts of files) {
    yield;
    const parts = facts.path.split('/');
    for (let index = 0; index < parts.length - 1; index++) {
      if (topLevel.has(parts[index] ?? '')) roots.add(parts.slice(0, index).join('/'));
    }
  }
  return roots;
}

/** The names a Python file can be imported by, one for each import root above it: `a/b/c.py` → `a.b.c`; `a/b/__init__.py` → `a.b`. */
function pythonModuleNames(path: string, roots: ReadonlySet<string>): string[] {
  const parts = path.replace(/\.pyi?$/, '').split('/');
  if (parts[parts.length - 1] === '__init__') parts.pop();
  const names: string[] = [];
  for (let start = 0; start < parts.length; start++) {
    if (roots.has(parts.slice(0, start).join('/'))) names.push(parts.slice(start).join('.'));
  }
  return names;
}

/** Each import statement belongs to one file, so its absolute module is computed once: lookups ask for it again and again. */
const absoluteModules = new WeakMap<ImportStatement, string>();

function absoluteModule(path: string, statement: ImportStatement): string {
  if (statement.level === 0) return statement.module;
  const known = absoluteModules.get(statement);
  if (known !== undefined) return known;
  const computed = relativeModule(path, statement);
  absoluteModules.set(statement, computed);
  return computed;
}

function relativeModule(path: string, statement: ImportStatement): string {
  const packageParts = path.split('/').slice(0, -1);
  // `from . import x` in a/b/c.py is package a.b: level 1 drops the file only.
  const kept = packageParts.slice(0, Math.max(0, packageParts.length - (statement.level - 1)));
  return [...kept, ...(statement.module ? statement.module.split('.') : [])].join('.');
}

