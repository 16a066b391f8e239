import { atLength, listIn, NONE } from '../lists';
import type { Turns } from '../nextTurn';
import type { FileFacts, SymbolDefinition } from '../parse/facts';

/**
 * What an answer was worked out from: the facts of the files it read whole (by identity), and the
 * surface version of the files whose surface its lookups read (see `sameSurface`), as flat lists
 * of pairs (`[path, facts, path, facts…]`, `[path, version…]`), each path once. Lists, not maps:
 * an answer reads few files, and there are hundreds of thousands of answers.
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

export type SurfaceReads = readonly (string | number)[];

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

/**
 * A stage's parts for every file of an index, in the index's order, with the facts and surface
 * versions they were made for (the index's own lists, shared): see `KeptAnswers.eachPart`.
 */
interface Column {
  given: string;
  files: readonly FileFacts[];
  surfaces: readonly number[];
  values: readonly unknown[];
  /**
   * The positions whose part is something, ascending (every position when the stage tells no part
   * as nothing): the positions a run visits whatever changed.
   */
  visits: readonly number[] | undefined;
  /**
   * The positions of the parts that read another file, by that file's path. Only ever added to,
   * and shared by the columns that follow: an entry whose part no longer reads the file costs a
   * check, a missing one would keep a part that no longer holds.
   */
  readers: Map<string, number[]>;
}

/** A lookup's answer that read the surfaces of other files than its own. */
class ReadThrough<Answer> {
  constructor(
    readonly answer: Answer,
    readonly through: SurfaceReads,
  ) {}
}

/** The answers worked out for one file (see `AnsweredFile.answers`). */
export interface FileAnswers<Lookup> {
  /** Its parts (see `KeptAnswers.part`), by stage number: one list per file takes far less room than one map per stage. */
  slots: (Part | undefined)[] | undefined;
  /** Every stage asks about the same names again (bases, decorators, callees): each is looked up once, per surface version. */
  lookups: { version: number; names: Map<string, Lookup | ReadThrough<Lookup>> } | undefined;
}

export function noAnswers<Lookup>(): FileAnswers<Lookup> {
  return { slots: undefined, lookups: undefined };
}

/** What the bookkeeping reads of a file the index holds. */
export interface AnsweredFile<Lookup> {
  readonly facts: FileFacts;
  /** The same while the file's surface stays (see `sameSurface`), from index to index. */
  readonly surface: number;
  /**
   * The answers worked out for it, one object for every index that shares answers with the one
   * that made it: an update made from an analysis, and a rehearsal of that update (which the first
   * real edit must find done), both add to it.
   */
  answers: FileAnswers<Lookup>;
}

/**
 * Most parts read their own file's facts and surface and nothing else, and most find nothing: one
 * list of reads, and one part for "nothing found", serve every stage of a file. Kept by the file's
 * facts, so they go with them.
 */
const ownReads = new WeakMap<FileFacts, { facts: KeptReads['facts']; surfaces?: SurfaceReads; nothing: readonly Part[] }>();

function ownReadsOf(facts: FileFacts): NonNullable<ReturnType<typeof ownReads.get>> {
  let reads = ownReads.get(facts);
  if (!reads) ownReads.set(facts, (reads = { facts: Object.freeze([facts.path, facts]), nothing: NONE }));
  return reads;
}

/** Surface versions are numbered across indexes: a number is never reused for another surface. */
let lastSurfaceVersion = 0;

export function newSurfaceVersion(): number {
  return ++lastSurfaceVersion;
}

/**
 * Whether two facts of a file have the same surface: what lookups and ancestries read of it (its
 * names, their kinds and bases, what variables are made by or stand for, what functions return,
 * its imports).
 */
export function sameSurface(before: FileFacts, after: FileFacts): boolean {
  return surfaceOf(before) === surfaceOf(after);
}

function surfaceOf(facts: FileFacts): string {
  return JSON.stringify([
    facts.language,
    facts.skipped ?? '',
    facts.symbols.map((symbol) => [symbol.name, symbol.kind, symbol.bases, symbol.value?.callee ?? '', symbol.defaultExport ?? false, symbol.returns ?? '', symbol.alias ?? '', namedProperties(symbol)]),
    facts.imports.map((statement) => [statement.module, statement.level, statement.names, statement.alias ?? '']),
  ]);
}

/** The properties of an object a variable holds that name something (`{ isAuth, required: jwt }`): what lookups through it read. */
function namedProperties(symbol: SymbolDefinition): string {
  if (symbol.shape?.kind !== 'object') return '';
  return Object.entries(symbol.shape.properties)
    .flatMap(([key, value]) => (value.kind === 'name' ? [`${key}=${value.value}`] : []))
    .join(',');
}

/**
 * The answers an index keeps, and what each was worked out from, so that the next index (after an
 * edit) takes over every answer that still holds: stages' parts per file, whole stages made from
 * parts, lookups. An answer notes the facts of the files it read whole and the surface versions of
 * the files its lookups went through; it holds while they are the same.
 */
export class KeptAnswers<Lookup extends object> {
  // Each field is stored once, in the constructor, whether made or taken over from an earlier
  // index: a field stored again after it was made changes the objects' hidden class, and V8 then
  // drops the code it compiled for them.
  private readonly stageNumbers: Map<string, number>;
  /** Whole stages' answers made from parts (see `combined`), by stage. */
  private readonly combinations: Map<string, Combination>;
  /** Stages' parts of every file, by stage (see `eachPart`). */
  private readonly columns: Map<string, Column>;
  /** What the answers being worked out read, innermost last. */
  private readonly reading: Reads[] = [];

  constructor(
    private readonly files: ReadonlyMap<string, AnsweredFile<Lookup>>,
    /** Whether to keep the stages' parts and combinations for later indexes (an analysis that will be updated). */
    private readonly keepParts: boolean,
    /** Those of the earlier index, shared (not copied): each answer is checked against these files when asked for. */
    earlier?: KeptAnswers<Lookup>,
  ) {
    this.stageNumbers = earlier ? earlier.stageNumbers : new Map<string, number>();
    this.combinations = earlier ? earlier.combinations : new Map<string, Combination>();
    this.columns = earlier ? earlier.columns : new Map<string, Column>();
  }

  /**
   * `step` with each file's part of a stage, in the order of `files` (every file of the index, each
   * with its surface version in `surfaces`). The stage's last run is compared by position: a
   * part is taken from it while the file's facts and surface, and those of every other file it
   * read, are the same objects and numbers (the files that changed are found once per update, and
   * the parts that read them through the column's readers); the others go through `part`. With
   * `nothing` (a part that gives the stage nothing, which `step` is then not given), a run visits
   * only the files that changed, the parts that read them and the parts that are something: an
   * edit costs a stage its own file and what the workspace holds, not a step per file.
   */
  async eachPart<T>(stage: string, files: readonly FileFacts[], surfaces: readonly number[], turns: Turns, compute: (file: FileFacts) => T, step: (value: T, file: FileFacts) => void, given: string, same?: (kept: T, made: T) => boolean, nothing?: (value: T) => boolean): Promise<void> {
    this.notInPart('eachPart');
    if (!this.keepParts) {
      return turns.each(files, (file) => {
        const value = compute(file);
        if (!nothing?.(value)) step(value, file);
      });
    }
    const kept = this.columns.get(stage);
    const last = kept?.given === given && kept.files.length === files.length ? kept : undefined;
    // Kept parts are copied, not patched in place: the last run's column must stay whole for an
    // update made again from the analysis before (one cancelled by a newer edit).
    const values = last ? last.values.slice() : new Array<unknown>(files.length);
    const readers = last ? last.readers : new Map<string, number[]>();
    const stale = last ? stalePositions(last, files, surfaces) : undefined;
    const visits = last && stale ? (nothing && last.visits ? withStale(last.visits, stale.list) : everyPosition(files.length)) : everyPosition(files.length);
    const nextVisits: number[] | undefined = nothing ? [] : undefined;
    await turns.each(visits, (at) => {
      const file = files[at] as FileFacts;
      let value: T;
      if (last && stale?.marks[at] === 0) value = last.values[at] as T;
      else {
        value = this.part(stage, file.path, () => compute(file), given, same);
        this.noteReaders(stage, file.path, at, readers);
      }
      values[at] = value;
      if (nothing?.(value)) return;
      nextVisits?.push(at);
      step(value, file);
    });
    this.columns.set(stage, { given, files, surfaces, values, visits: nextVisits, readers });
  }

  /** Notes the position of a file's part under every other file it read; a part not kept is noted under its own path, to be worked out at every run. */
  private noteReaders(stage: string, path: string, at: number, readers: Map<string, number[]>): void {
    const stageNumber = this.stageNumbers.get(stage);
    const part = stageNumber === undefined ? undefined : this.files.get(path)?.answers.slots?.[stageNumber];
    if (!part) return notePosition(readers, ALWAYS, at);
    const { facts, surfaces } = part;
    for (let read = 0; read < facts.length; read += 2) if (facts[read] !== path) notePosition(readers, facts[read] as string, at);
    for (let read = 0; read < surfaces.length; read += 2) if (surfaces[read] !== path) notePosition(readers, surfaces[read] as string, at);
  }

  /**
   * A whole-workspace stage's answer for one file, worked out by `compute` — or kept from an
   * earlier index when nothing it read has changed since (see `SymbolIndex.part`).
   */
  part<T>(stage: string, path: string, compute: () => T, given: string, same?: (kept: T, made: T) => boolean): T {
    if (!this.keepParts) return compute();
    let stageNumber = this.stageNumbers.get(stage);
    if (stageNumber === undefined) this.stageNumbers.set(stage, (stageNumber = this.stageNumbers.size));
    const file = this.files.get(path);
    const kept = file?.answers.slots?.[stageNumber];
    if (kept && kept.given === given && this.stillReadsOwn(kept, file)) {
      this.noteReads(kept);
      return kept.value as T;
    }
    const { value, read } = this.recording(compute, path);
    // Most files give most stages nothing: one empty list kept for all of them.
    const made = (Array.isArray(value) ? atLength(value) : value) as T;
    const stored = same && kept && kept.given === given && same(kept.value as T, made) ? (kept.value as T) : made;
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

  /** A whole stage's answer made from `inputs`, kept while every input is the same (see `SymbolIndex.combined`). */
  combined<T>(stage: string, inputs: readonly unknown[], compute: () => T): T {
    if (!this.keepParts) return compute();
    const kept = this.combinations.get(stage);
    if (kept && kept.inputs.length === inputs.length && kept.inputs.every((input, position) => input === inputs[position]) && this.stillReads(kept)) return kept.value as T;
    const { value, read } = this.recording(compute);
    this.combinations.set(stage, { value, inputs: [...inputs], ...read });
    return value;
  }

  /** The lookup of `name` kept with `file` for its surface version, while the other surfaces it read stay; undefined when there is none. */
  keptLookup(file: AnsweredFile<Lookup>, name: string): Lookup | undefined {
    const lookups = file.answers.lookups;
    const kept = lookups?.version === file.surface ? lookups.names.get(name) : undefined;
    if (!kept) return undefined;
    const through = kept instanceof ReadThrough;
    if (through && !this.stillThrough(kept.through)) return undefined;
    if (this.reading.length) {
      this.noteSurface(file.facts.path);
      if (through) this.noteSurfaces(kept.through);
    }
    return through ? kept.answer : kept;
  }

  /** Looks `name` up by `compute`, and keeps the answer with `file`, with the other files' surfaces it read. */
  keepLookup(file: AnsweredFile<Lookup>, name: string, compute: () => Lookup): Lookup {
    const { value: answer, read } = this.recording(compute);
    const through = surfacesBesides(read.surfaces, file.facts.path);
    let lookups = file.answers.lookups;
    if (lookups?.version !== file.surface) file.answers.lookups = lookups = { version: file.surface, names: new Map() };
    lookups.names.set(name, through.length ? new ReadThrough(answer, through) : answer);
    return answer;
  }

  /** Runs `compute`, noting what it reads (and, for the answer around it, that it read it too). */
  recording<T>(compute: () => T, path?: string): { value: T; read: KeptReads } {
    const facts = path === undefined ? undefined : this.files.get(path)?.facts;
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
      if (!own.surfaces || own.surfaces[1] !== read.surfaces[1]) own.surfaces = Object.freeze(atLength(read.surfaces));
      reads.surfaces = own.surfaces;
    } else reads.surfaces = atLength(read.surfaces);
    this.noteReads(reads);
    return { value, read: reads };
  }

  private stillReads(read: KeptReads): boolean {
    const { facts } = read;
    for (let at = 0; at < facts.length; at += 2) if (this.files.get(facts[at] as string)?.facts !== facts[at + 1]) return false;
    return this.stillThrough(read.surfaces);
  }

  /** The same, for a part of `file`: what it read of its own file (most parts read nothing else) is checked against the record in hand. */
  private stillReadsOwn(read: KeptReads, file: AnsweredFile<Lookup>): boolean {
    const { facts, surfaces } = read;
    const path = file.facts.path;
    if (facts.length === 2 && facts[0] === path) {
      if (facts[1] !== file.facts) return false;
    } else if (!this.stillReads({ facts, surfaces: NONE })) return false;
    if (surfaces.length === 2 && surfaces[0] === path) return surfaces[1] === file.surface;
    return this.stillThrough(surfaces);
  }

  /** Whether every surface version read is still the file's. */
  stillThrough(surfaces: SurfaceReads): boolean {
    for (let at = 0; at < surfaces.length; at += 2) if (this.files.get(surfaces[at] as string)?.surface !== surfaces[at + 1]) return false;
    return true;
  }

  private noteReads(read: KeptReads): void {
    const outer = this.reading.at(-1);
    if (!outer) return;
    const { facts } = read;
    for (let at = 0; at < facts.length; at += 2) notePair(outer.facts, facts[at] as string, facts[at + 1]);
    this.noteSurfaces(read.surfaces);
  }

  /** Notes, for the answer being worked out, that it read a file's facts. */
  noteRead(path: string): void {
    const read = this.reading.at(-1);
    if (read) notePair(read.facts, path, this.files.get(path)?.facts);
  }

  /** Notes, for the answer being worked out, that it read a file's surface. */
  noteSurface(path: string): void {
    const outer = this.reading.at(-1);
    if (outer) notePair(outer.surfaces, path, this.files.get(path)?.surface ?? -1);
  }

  noteSurfaces(surfaces: SurfaceReads): void {
    const outer = this.reading.at(-1);
    if (outer) for (let at = 0; at < surfaces.length; at += 2) notePair(outer.surfaces, surfaces[at] as string, surfaces[at + 1] as number);
  }

  /** A part that walked every file would be kept on the files it happened to note: a mistake, told at once. */
  notInPart(method: string): void {
    if (this.reading.length) throw new Error(`SymbolIndex.${method} cannot be called while a part is worked out`);
  }
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

/** Not a path: the readers' key of the positions whose part is not kept, visited at every run. */
const ALWAYS = '\0';

function notePosition(readers: Map<string, number[]>, path: string, at: number): void {
  const positions = listIn(readers, path);
  if (!positions.includes(at)) positions.push(at);
}

/** 0, 1, … `length - 1`, made once per length: the positions of a whole run. */
let everyPositionList: number[] = [];

function everyPosition(length: number): readonly number[] {
  if (everyPositionList.length !== length) everyPositionList = Array.from({ length }, (_, at) => at);
  return everyPositionList;
}

/** The files whose facts or surface changed between two runs: their positions and paths (those of before and of now). */
interface Changed {
  positions: readonly number[];
  paths: readonly string[];
}

/** Made once for each pair of runs (every stage of an update asks the same): a comparison of references. */
const changedBetween = new WeakMap<readonly FileFacts[], { files: readonly FileFacts[]; surfaces: readonly number[]; changed: Changed }>();

function changedFiles(lastFiles: readonly FileFacts[], lastSurfaces: readonly number[], files: readonly FileFacts[], surfaces: readonly number[]): Changed {
  const known = changedBetween.get(lastFiles);
  if (known?.files === files && known.surfaces === surfaces) return known.changed;
  const positions: number[] = [];
  const paths = new Set<string>();
  for (let at = 0; at < files.length; at++) {
    const before = lastFiles[at] as FileFacts;
    const now = files[at] as FileFacts;
    if (before === now && lastSurfaces[at] === surfaces[at]) continue;
    positions.push(at);
    paths.add(before.path).add(now.path);
  }
  const changed = { positions, paths: [...paths] };
  changedBetween.set(lastFiles, { files, surfaces, changed });
  return changed;
}

/** The positions whose part may no longer hold: a changed file's, and those of the parts that read one. Marked (1) and listed ascending. */
function stalePositions(last: Column, files: readonly FileFacts[], surfaces: readonly number[]): { marks: Uint8Array; list: readonly number[] } {
  const changed = changedFiles(last.files, last.surfaces, files, surfaces);
  const marks = new Uint8Array(files.length);
  const list: number[] = [];
  const mark = (at: number) => {
    if (marks[at] === 1) return;
    marks[at] = 1;
    list.push(at);
  };
  for (const at of changed.positions) mark(at);
  for (const path of changed.paths) for (const at of last.readers.get(path) ?? NONE) mark(at);
  for (const at of last.readers.get(ALWAYS) ?? NONE) mark(at);
  return { marks, list: list.sort((a, b) => a - b) };
}

/** Two ascending lists of positions merged, each position once. */
function withStale(visits: readonly number[], stale: readonly number[]): readonly number[] {
  if (!stale.length) return visits;
  const merged: number[] = [];
  let a = 0;
  let b = 0;
  while (a < visits.length || b < stale.length) {
    const next = b >= stale.length || (a < visits.length && (visits[a] as number) <= (stale[b] as number)) ? (visits[a++] as number) : (stale[b++] as number);
    if (merged.at(-1) !== next) merged.push(next);
  }
  return merged;
}
