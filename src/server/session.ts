import { homedir } from 'node:os';
import { join } from 'node:path';
import type { EditorDocuments, ProgressReport } from '../core/host';
import type { Language, Trace } from '../core/result';
import { type Analysis, DEFAULT_MAX_FILE_SIZE_BYTES } from '../core/analyze';
import { languageOf } from '../core/discover/languages';
import { describeKind } from '../core/render/text';
import type { FolderStatus, ServerSettings } from '../protocol/protocol';
import { folderFile } from '../node/folderFile';
import { analyzeFolder, CHANGES_GATHERED_MS, type NodeAnalyzeOptions, readyForUpdates, updateFolder, WarmWorker } from '../node/analyzeFolder';
import { TypeCheckerWorker } from '../node/typeChecker';
import type { ResultDelta } from '../protocol/resultDelta';
import { ResultDeltas } from './resultDeltas';
import { type ConfigProblem, problemLine, readWorkspaceConfig, type ReadConfig } from '../node/workspaceConfig';

/** What the session runs an analysis with: Node's host by default; a test gives one that fails on purpose. */
export interface AnalysisEngine {
  analyze(root: string, options: NodeAnalyzeOptions): Promise<Analysis>;
  update(analysis: Analysis, changed: readonly string[], options: NodeAnalyzeOptions, warm: WarmWorker): Promise<Analysis>;
  ready(analysis: Analysis, options: NodeAnalyzeOptions, warm: WarmWorker, stop: () => boolean): Promise<void>;
}

export const nodeEngine: AnalysisEngine = { analyze: analyzeFolder, update: updateFolder, ready: readyForUpdates };

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface SessionOptions {
  root: string;
  settings: ServerSettings;
  log: Logger;
  /** Told of every state change and every newly published analysis. */
  onDidChange?: (status: FolderStatus) => void;
  /** Told how a full analysis advances (its phases, files parsed); updates are too short to report. */
  onProgress?: (report: ProgressReport) => void;
  /** The editor's open texts, read by updates while the user types. */
  documents?: EditorDocuments;
  engine?: AnalysisEngine;
  /** How long changes are gathered before an update (a save of several files, a branch switch). */
  gatherMs?: number;
  /** Consecutive failed analyses after which the session stops restarting and reports `failed`. */
  maxRestarts?: number;
}

/** How many times in a row a failed analysis is started again before the session gives up. */
const MAX_RESTARTS = 3;

type Run = { kind: 'full' | 'update' | 'ready'; abort: AbortController; changed: readonly string[]; done: Promise<void> };

/**
 * One workspace folder's analysis in the server: the kept result and symbol index, the warm
 * worker for edits, the type checker for traces, and the queue of changes. Requests are answered
 * from the last complete analysis (`current`) while a newer one is computed — as rust-analyzer
 * answers from a snapshot — and changes arriving during an update cancel it: the next update
 * starts from the last complete analysis with every file changed since.
 *
 * A failed analysis is logged and run again from scratch (after an update's failure, as a full
 * analysis: the kept answers it started from are not trusted), at most `maxRestarts` times in a
 * row; the last complete analysis keeps answering meanwhile.
 */
export class FolderSession {
  readonly root: string;
  private settings: ServerSettings;
  private readonly log: Logger;
  private readonly engine: AnalysisEngine;
  private readonly gatherMs: number;
  private readonly maxRestarts: number;
  private last: Analysis | undefined;
  private version = 0;
  private state: FolderStatus['state'] = 'analysing';
  private problem = '';
  private running: Run | undefined;
  private readonly pending = new Set<string>();
  private fullWanted = true;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the timer fires (`Date.now()`): a burst's window outlasts an edit's turn. */
  private timerDue = 0;
  private restartTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  /** Callers waiting for a complete analysis (the first, or after a failure). */
  private waiters: { resolve: (analysis: Analysis) => void; reject: (error: Error) => void }[] = [];
  /** The team's archtrace.yml and rules as the last full analysis read them. */
  private team: ReadConfig | undefined;
  private readonly warm = new WarmWorker();
  /** The TypeScript compiler for traces, in its own thread, started by the first trace that needs it. */
  private readonly types = new TypeCheckerWorker();
  private readonly deltas: ResultDeltas;

  constructor(private readonly options: SessionOptions) {
    this.root = options.root;
    this.deltas = new ResultDeltas(options.root);
    this.settings = options.settings;
    this.log = options.log;
    this.engine = options.engine ?? nodeEngine;
    this.gatherMs = options.gatherMs ?? CHANGES_GATHERED_MS;
    this.maxRestarts = options.maxRestarts ?? MAX_RESTARTS;
  }

  /** Starts the first analysis. */
  start(): void {
    this.kick();
  }

  status(): FolderStatus {
    const result = this.last?.result;
    const summary = this.state === 'failed' ? this.problem : result ? `${describeKind(result.kind)}; ${result.files.length} files, ${result.routes.length} routes` : 'analysing';
    return { root: this.root, state: this.state, version: this.version, summary };
  }

  /** The last complete analysis, if there is one yet. */
  get current(): Analysis | undefined {
    return this.last;
  }

  /** The last complete analysis; the first one, waited for. Rejects when the folder cannot be analysed. */
  analysis(): Promise<Analysis> {
    if (this.last) return Promise.resolve(this.last);
    if (this.state === 'failed') return Promise.reject(new Error(`${this.root} could not be analysed: ${this.problem}`));
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /**
   * Files changed on disk (absolute paths), as a file watcher tells of them: a save of several
   * files or a branch switch comes as a burst, gathered for a moment, then one update.
   */
  changed(paths: readonly string[]): void {
    this.schedule(paths, this.gatherMs);
  }

  /**
   * One document edited in the editor (typed, saved or closed): analysed at once, cancelling the
   * update it makes stale. Only a burst being gathered makes it wait, joined to the burst.
   */
  edited(path: string): void {
    this.schedule([path], 0);
  }

  private schedule(paths: readonly string[], delayMs: number): void {
    if (this.disposed || this.settings.updateOnChange === false) return;
    if (!this.pending.size && this.last) this.readyThread(paths);
    for (const path of paths) this.pending.add(path);
    const due = Date.now() + delayMs;
    // A burst's window is not cut short by an edit: the edit joins the burst.
    if (this.timer && this.timerDue > due) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerDue = due;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // An update under way is now stale: cancelled, its files joined to the next one.
      if (this.running?.kind !== 'full') this.running?.abort.abort();
      this.kick();
    }, delayMs);
  }

  /**
   * The team's archtrace.yml or one of its rules changed: a full analysis, after the changes are
   * gathered (an editor's save and the file watcher tell of the same change).
   */
  configChanged(): void {
    if (this.disposed) return;
    this.fullWanted = true;
    this.failures = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timerDue = Date.now() + this.gatherMs;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running?.abort.abort();
      this.kick();
    }, this.gatherMs);
  }

  /** What is wrong in the team's archtrace.yml and rules, as the last full analysis read them. */
  configProblems(): readonly ConfigProblem[] {
    return this.team?.problems ?? [];
  }

  /** The severities the team set, by rule id. */
  severities(): NonNullable<ReadConfig['config']['severities']> {
    return this.team?.config.severities ?? {};
  }

  /** Analyses the folder again from scratch (new settings, or asked for); resolves once it is done. */
  async reanalyse(settings?: ServerSettings): Promise<FolderStatus> {
    if (settings) this.settings = settings;
    this.fullWanted = true;
    this.failures = 0;
    if (this.state === 'failed') this.setState('analysing');
    this.running?.abort.abort();
    const done = new Promise<Analysis>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.kick();
    await done.catch(() => undefined);
    return this.status();
  }

  /** The pages of the delta from the result of version `since` (0: none) to the last complete analysis's. */
  async resultDelta(since: number): Promise<ResultDelta[]> {
    await this.analysis();
    const last = this.last as Analysis;
    return this.deltas.pages(since, this.version, last.result);
  }

  /** A route's trace from the last complete analysis, with the type checker unless told not to (or untrusted); undefined: no such route. */
  async trace(route: string, options: { types?: boolean; waitMs?: number } = {}): Promise<Trace | undefined> {
    const analysis = await this.analysis();
    const types = options.types !== false && this.settings.traces?.typeChecker !== false && !this.settings.untrusted;
    if (!types) return analysis.trace(route);
    const typed = analysis.traceWithTypes(route, this.types).finally(() => {
      if (this.types.lastProblem) this.log.warn(`trace ${route}: ${this.types.lastProblem}; the trace shows what syntax alone follows`);
    });
    if (options.waitMs === undefined) return typed;
    // A checker still building its project does not hold the caller: the syntax's trace comes back, the answers are kept for next time.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), options.waitMs)));
    const first = await Promise.race([typed, late]);
    clearTimeout(timer);
    return first === 'late' ? analysis.trace(route) : first;
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.running?.abort.abort();
    this.warm.dispose();
    this.types.dispose();
    for (const waiter of this.waiters.splice(0)) waiter.reject(new Error('the server is shutting down'));
  }

  /** The analysis options the settings give, as the extension's folder settings do. */
  analyzeOptions(): NodeAnalyzeOptions {
    const { settings } = this;
    const cacheDirectory = settings.cacheDirectory === false ? undefined : (settings.cacheDirectory ?? join(process.env['XDG_CACHE_HOME'] || join(homedir(), '.cache'), 'archtrace'));
    return {
      excludeGlobs: settings.exclude ?? [],
      maxFileSizeBytes: Math.max(1, settings.maxFileSizeKB ?? 1024) * 1024,
      layerViolations: settings.layerViolations ?? 'auto',
      fileTimeoutMs: Math.max(1, settings.fileTimeBudgetSeconds ?? 20) * 1000,
      ...(settings.languages ? { languages: settings.languages as Language[] } : {}),
      ...(cacheDirectory ? { cacheFile: folderFile(cacheDirectory, 'facts', this.root) } : {}),
      ...(this.team ? { config: this.team.config, userRules: this.team.rules } : {}),
      onWarning: (message) => this.log.warn(`${this.root}: ${message}`),
    };
  }

  /** The thread that will parse the first change gets ready (grammars, queries) while changes are gathered, not after. */
  private readyThread(paths: readonly string[]): void {
    const path = paths.find((candidate) => languageOf(candidate));
    const language = path ? languageOf(path) : undefined;
    if (!path || !language) return;
    const options = this.analyzeOptions();
    this.warm.prepare(options, { path, absolutePath: path, language, maxFileSizeBytes: options.maxFileSizeBytes ?? DEFAULT_MAX_FILE_SIZE_BYTES });
  }

  /** Starts the next piece of work when none runs: a full analysis when wanted, else an update of the pending changes, else readying the last analysis for updates. */
  private kick(): void {
    if (this.disposed || this.running || this.restartTimer) return;
    if (this.fullWanted) this.run('full', []);
    else if (this.pending.size && this.last && !this.timer) this.run('update', [...this.pending]);
  }

  private run(kind: Run['kind'], changed: readonly string[]): void {
    const abort = new AbortController();
    const { onProgress } = this.options;
    const options = { ...this.analyzeOptions(), signal: abort.signal, ...(kind === 'full' && onProgress ? { onProgress } : {}) };
    const started = Date.now();
    if (kind === 'full') {
      this.fullWanted = false;
      // Changes made before or during a full analysis are in what it reads.
      this.pending.clear();
    } else if (kind === 'update') this.pending.clear();
    if (kind !== 'ready') this.setState(this.last ? 'updating' : 'analysing');
    const before = this.last;
    const work = async (): Promise<Analysis | undefined> => {
      if (kind === 'full') {
        // Read afresh for each full analysis: its excludes, layers and rules are the analysis's; what is wrong in it is published on the file.
        this.team = await readWorkspaceConfig(this.root);
        for (const problem of this.team.problems) this.log.warn(`${this.root}: ${problemLine(problem)}`);
        return this.engine.analyze(this.root, { ...options, config: this.team.config, userRules: this.team.rules });
      }
      if (kind === 'update' && before) return this.engine.update(before, changed, this.withDocuments(options), this.warm);
      if (kind === 'ready' && before) await this.engine.ready(before, this.withDocuments(options), this.warm, () => abort.signal.aborted || this.pending.size > 0);
      return undefined;
    };
    const run: Run = {
      kind,
      abort,
      changed,
      // A result that breaks publishing counts as a failed run too (restarted), never as an unhandled rejection.
      done: work()
        .then((analysis) => {
          if (analysis) this.publish(analysis, kind, changed, Date.now() - started);
        })
        .catch((error: unknown) => this.failed(kind, changed, error, abort.signal.aborted)),
    };
    this.running = run;
    void run.done.finally(() => {
      if (this.running === run) this.running = undefined;
      this.kick();
    });
  }

  private withDocuments(options: NodeAnalyzeOptions): NodeAnalyzeOptions {
    return this.options.documents && this.settings.updateWhileTyping !== false ? { ...options, documents: this.options.documents } : options;
  }

  private publish(analysis: Analysis, kind: Run['kind'], changed: readonly string[], ms: number): void {
    if (this.disposed) return;
    this.last = analysis;
    this.version++;
    this.failures = 0;
    const { result } = analysis;
    this.log.info(
      kind === 'full'
        ? `${this.root}: ${result.files.length} files, ${result.findings.length} findings, ${result.routes.length} routes, ${result.skipped.length} skipped in ${ms} ms`
        : `${this.root}: updated after ${changed.length} changed file(s) in ${ms} ms`,
    );
    this.setState(this.pending.size || this.fullWanted ? 'updating' : 'ready', true);
    for (const waiter of this.waiters.splice(0)) waiter.resolve(analysis);
    // A new analysis is readied for its updates in the background (see readyForUpdates); a change stops it.
    if (kind === 'full' && this.settings.updateOnChange !== false && !this.fullWanted) {
      queueMicrotask(() => {
        if (!this.running && !this.disposed && !this.pending.size) this.run('ready', []);
      });
    }
  }

  private failed(kind: Run['kind'], changed: readonly string[], error: unknown, aborted: boolean): void {
    if (this.disposed) return;
    if (aborted) {
      // Cancelled by newer changes (or a new full analysis): its files go with the next update.
      if (kind === 'update') for (const path of changed) this.pending.add(path);
      if (kind === 'full' && !this.fullWanted) this.fullWanted = true;
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    if (kind === 'ready') {
      this.log.warn(`${this.root}: readying updates failed: ${message}`);
      return;
    }
    this.failures++;
    this.log.error(`${this.root}: the ${kind === 'full' ? 'analysis' : 'update'} failed: ${error instanceof Error ? (error.stack ?? message) : message}`);
    if (this.failures > this.maxRestarts) {
      this.problem = `the analysis failed ${this.failures} times in a row; the last time: ${message}`;
      this.log.error(`${this.root}: ${this.problem}; not restarting it (reanalyse to try again)${this.last ? '; answers come from the last complete analysis' : ''}`);
      this.setState(this.last ? 'ready' : 'failed');
      for (const waiter of this.waiters.splice(0)) {
        if (this.last) waiter.resolve(this.last);
        else waiter.reject(new Error(this.problem));
      }
      return;
    }
    // Restarted from scratch: whatever an update kept may be what broke it. The changes it had are read by the new analysis.
    this.fullWanted = true;
    const delay = Math.min(5000, 250 * 2 ** (this.failures - 1));
    this.log.warn(`${this.root}: restarting the analysis in ${delay} ms (restart ${this.failures} of ${this.maxRestarts})`);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      this.kick();
    }, delay);
  }

  private setState(state: FolderStatus['state'], published = false): void {
    if (this.state === state && !published) return;
    this.state = state;
    this.options.onDidChange?.(this.status());
  }
}
