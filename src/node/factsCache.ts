import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DetectorRule } from '../core/detect/rules';
import type { FactsCache } from '../core/host';
import { AnalysisResult } from '../core/result';
import { FileFacts } from '../core/parse/facts';
import { packageRoot, rulesDirectory } from './assets';
import { fieldsInPieces, forEachJsonLine, jsonLines, ObjectFromPieces, piecesOf } from './jsonLines';
import { openForReading, readOpened, refusal } from './checkedRead';
import { writeAtomically } from './nodeFs';

interface Entry {
  /** The content's hash. */
  fingerprint: string;
  /** Size and modification time when it was hashed: the same again means the same content, without reading it. */
  size?: number;
  modified?: number;
  facts: FileFacts;
}

let analyserVersion: string | undefined;
let resultVersion: string | undefined;

/**
 * What the facts depend on: ArchTrace's version, the code the workers run and the detector rules.
 * Any change gives another version, and a cache of another version is not read.
 */
export function currentAnalyserVersion(): string {
  if (!analyserVersion) {
    const hash = createHash('sha256');
    const root = packageRoot();
    hash.update(readFileSync(join(root, 'package.json')));
    // The worker's bundle holds the parsers and the scanner; compiled module by module (the tests,
    // `npm run accuracy`), the worker's module only imports them: every module counts then.
    const modules = join(__dirname, '..');
    for (const file of existsSync(join(modules, 'core', 'analyze.js')) ? scriptsUnder(modules) : [join(__dirname, 'fileWorker.js')]) hash.update(readFileSync(file));
    const rules = rulesDirectory(root);
    for (const language of readdirSync(rules).sort()) {
      for (const file of readdirSync(join(rules, language)).sort()) hash.update(`${language}/${file}\0`).update(readFileSync(join(rules, language, file)));
    }
    analyserVersion = hash.digest('hex').slice(0, 16);
  }
  return analyserVersion;
}

/**
 * The version of the facts made with the team's detectors besides the built-in ones: their
 * content counts as the built-in rules' does, so a changed rule is a cold run, not stale facts.
 */
export function factsVersion(userRules: readonly DetectorRule[] = []): string {
  if (!userRules.length) return currentAnalyserVersion();
  const hash = createHash('sha256').update(currentAnalyserVersion());
  for (const rule of userRules) hash.update(`${rule.source}\0${rule.language}\0${rule.query}\0`);
  return hash.digest('hex').slice(0, 16);
}

/**
 * What a whole result depends on besides its inputs: the facts' version and the code that makes a
 * result from facts — the bundle this runs from, or every module when compiled module by module.
 */
function currentResultVersion(version: string): string {
  if (!resultVersion) {
    const hash = createHash('sha256').update(version);
    const modules = join(__dirname, '..');
    const files = existsSync(join(modules, 'core', 'analyze.js')) ? scriptsUnder(modules) : [__filename];
    for (const file of files) hash.update(readFileSync(file));
    resultVersion = hash.digest('hex').slice(0, 16);
  }
  return resultVersion;
}

function scriptsUnder(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .sort()
    .map((file) => join(directory, file));
}

/**
 * A cache of one folder's facts in one file, a line of JSON per file after a line with the version
 * (parsed and written in turns: see `jsonLines`): read whole at the start, written whole at the
 * end, atomically (a temporary file renamed over the old one), so a crash or a second window never
 * leaves half a file. A missing, corrupt or other-version file means a cold run, never an error.
 */
export class FileFactsCache implements FactsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly used = new Map<string, Entry>();
  /** Whether the file on disk no longer holds what this cache would write. */
  private changed = false;

  /** Told once if the cache cannot be written: the analysis goes on without keeping it. */
  private warned = false;

  private constructor(
    private readonly file: string,
    private readonly version: string,
    private readonly warn: (message: string) => void,
  ) {}

  /** How many files' facts it holds. */
  get size(): number {
    return this.entries.size;
  }

  static async open(file: string, warn: (message: string) => void = () => undefined, version = currentAnalyserVersion()): Promise<FileFactsCache> {
    const cache = new FileFactsCache(file, version, warn);
    try {
      await forEachJsonLine(
        piecesOf(file),
        (value) => {
          const [path, entry] = value as [unknown, Entry | undefined];
          if (typeof path !== 'string' || !entry || typeof entry.fingerprint !== 'string' || !entry.facts || typeof entry.facts !== 'object') return;
          // As the workers' facts: one shared empty list (a malformed entry throws here: the cache is then not used).
          FileFacts.sharingEmptyLists(entry.facts);
          cache.entries.set(path, entry);
        },
        (header) => (header as { version?: unknown } | null)?.version === version,
      );
    } catch {
      // no cache yet, or one that cannot be read: a cold run rebuilds it
      cache.entries.clear();
    }
    cache.changed = cache.entries.size === 0;
    return cache;
  }

  /** Stat results of the files fingerprinted in this run, kept with the facts they are set with. */
  private readonly stats = new Map<string, { size: number; modified: number }>();

  async fingerprint(absolutePath: string, path: string, maxBytes: number): Promise<string | undefined> {
    let opened: Awaited<ReturnType<typeof openForReading>>;
    try {
      opened = await openForReading(absolutePath);
    } catch {
      return undefined;
    }
    const { handle, stat } = opened;
    try {
      const known = this.entries.get(path);
      // As git and make do: the same size and modification time as when it was hashed is the same content.
      if (known && known.size === stat.size && known.modified === stat.mtimeMs) return known.fingerprint;
      this.stats.set(path, { size: stat.size, modified: stat.mtimeMs });
      // A file the analyzer skips unread (too large, a FIFO, a device) is not read to hash it
      // either: its size and time stand for it.
      if (refusal(stat, { maxBytes })) return `unread:${stat.size}:${stat.mtimeMs}`;
      return createHash('sha1').update(await readOpened(handle, stat.size)).digest('base64url');
    } catch {
      return undefined;
    } finally {
      await handle.close();
    }
  }

  get(path: string, fingerprint: string): FileFacts | undefined {
    const entry = this.entries.get(path);
    if (entry?.fingerprint !== fingerprint) return undefined;
    // Hashed again with the same content (a touched file): its new time is worth keeping.
    const stat = this.stats.get(path);
    if (stat && (entry.size !== stat.size || entry.modified !== stat.modified)) {
      Object.assign(entry, stat);
      this.changed = true;
    }
    this.used.set(path, entry);
    return entry.facts;
  }

  set(path: string, fingerprint: string, facts: FileFacts): void {
    const entry = { fingerprint, ...this.stats.get(path), facts };
    this.entries.set(path, entry);
    this.used.set(path, entry);
    this.changed = true;
  }

  /**
   * The last whole result, in a file beside the facts: its first line is the version and key it
   * was made for, so another key costs a line, not the result's parse.
   */
  readonly results = {
    get: async (key: string): Promise<AnalysisResult | undefined> => {
      const header = JSON.stringify([currentResultVersion(this.version), hashOf(key)]);
      const pieces = new ObjectFromPieces();
      let madeForThisRun = false;
      try {
        await forEachJsonLine(piecesOf(this.resultFile), (value) => pieces.add(value), (value) => (madeForThisRun = JSON.stringify(value) === header));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        return code === 'ENOENT' || code === 'ENOTDIR' ? undefined : this.damagedResult(error instanceof Error ? error.message : String(error)); // none kept: nothing to say
      }
      if (!madeForThisRun) return undefined; // kept for other inputs or another version
      // Validated as read back: a result that lost a line, or a field, had failed every warm run after it.
      const problem = pieces.problem ?? AnalysisResult.shapeProblem(pieces.object);
      return problem ? this.damagedResult(problem) : (pieces.object as unknown as AnalysisResult);
    },
    set: async (key: string, result: AnalysisResult): Promise<void> => {
      await this.writing(this.resultFile, jsonLines(withFirst([currentResultVersion(this.version), hashOf(key)], fieldsInPieces(result))));
    },
  };

  /** A kept result that cannot be used: the run makes its result afresh (and keeps it), with one warning. */
  private damagedResult(problem: string): undefined {
    this.warn(`the result kept in ${this.resultFile} is damaged (${problem}): this run makes it afresh`);
    return undefined;
  }

  /** A write that fails costs the next run its warm start, not this run its result. */
  private async writing(file: string, lines: AsyncIterable<string>): Promise<void> {
    try {
      await writeAtomically(file, lines);
    } catch (error) {
      if (this.warned) return;
      this.warned = true;
      this.warn(`the cache in ${dirname(file)} cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)}): the next run starts cold`);
    }
  }

  private get resultFile(): string {
    return `${this.file.replace(/\.json$/, '')}.result.json`;
  }

  async save(prune: boolean): Promise<void> {
    const entries = prune ? this.used : this.entries;
    // A warm start that found every file unchanged has nothing to write (the read is the cost it pays).
    if (!this.changed && entries.size === this.entries.size) return;
    this.changed = false;
    await this.writing(this.file, jsonLines(withFirst({ version: this.version }, entries)));
  }
}

function* withFirst(first: unknown, rest: Iterable<unknown>): Generator<unknown> {
  yield first;
  yield* rest;
}

function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
