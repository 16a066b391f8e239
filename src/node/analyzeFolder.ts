import { type Analysis, type AnalysisHost, type AnalyzeOptions, analyzeWorkspace } from '../core/analyze';
import { knowledgeWithConfig, NO_CONFIG, type WorkspaceConfig } from '../core/config/workspaceConfig';
import type { DetectorRule } from '../core/detect/rules';
import { factsVersion, FileFactsCache } from './factsCache';
import { builtinKnowledge } from './knowledge';
import { IdleTimeout } from './idleTimeout';
import { nodeFs } from './nodeFs';
import { WorkerAnalyzer, type WorkerAnalyzerOptions } from './workerAnalyzer';
import type { FileTask } from '../core/parse/facts';

/**
 * Runs `work` with a Node host whose worker pool lives as long as the call, so cancelling (the
 * signal) ends every worker at once.
 */
async function withHost<T>(options: NodeAnalyzeOptions, work: (host: AnalysisHost) => Promise<T>, warm?: WarmWorker): Promise<T> {
  const analyzer = warm ? warm.take(options) : new WorkerAnalyzer(options);
  // A cancelled update (the server's, made stale by a newer edit) keeps the warm thread: it parses
  // one edited file, and the next update needs it; the scan stops at its next file.
  const stopWorkers = () => (warm ? undefined : void analyzer.dispose());
  options.signal?.addEventListener('abort', stopWorkers, { once: true });
  try {
    const cache = options.cacheFile ? await FileFactsCache.open(options.cacheFile, options.onWarning, factsVersion(options.userRules)) : undefined;
    // With no facts kept, every file will be parsed: the threads start while the files are found.
    if (!warm && !cache?.size) analyzer.start();
    return await work({
      fs: nodeFs,
      analyzer,
      knowledge: knowledgeWithConfig(builtinKnowledge(), options.config ?? NO_CONFIG, options.userRules),
      concurrency: analyzer.concurrency,
      ...(cache ? { cache } : {}),
      // A one-off run frees its threads (their grammars, heaps, WebAssembly memory) before resolution; a warm worker stays.
      ...(warm ? {} : { scanned: () => void analyzer.dispose() }),
    });
  } finally {
    options.signal?.removeEventListener('abort', stopWorkers);
    if (warm) warm.release();
    else await analyzer.dispose();
  }
}

/** How long the worker kept for edits waits for the next one before it ends. */
const WARM_WORKER_IDLE_MS = 60_000;

/**
 * One worker thread kept between the updates of a long-lived host (the editor): starting a thread
 * and loading its grammars costs more than parsing the one file an edit changed. It ends after a
 * minute without an edit, on cancellation, or when its owner disposes it.
 */
export class WarmWorker {
  private analyzer: WorkerAnalyzer | undefined;
  private timeoutMs: number | undefined;
  private userRules: readonly DetectorRule[] | undefined;
  /** The languages the thread has analysed a file of: its grammars and queries are loaded. */
  private readonly readied = new Set<FileTask['language']>();
  private readonly idle = new IdleTimeout(WARM_WORKER_IDLE_MS, () => this.dispose());

  take(options: WorkerAnalyzerOptions): WorkerAnalyzer {
    this.idle.stop();
    // A thread holds its rules from its start: other rules (the team's changed) need another thread.
    if (this.analyzer && (this.timeoutMs !== options.fileTimeoutMs || this.userRules !== options.userRules)) this.dispose();
    this.timeoutMs = options.fileTimeoutMs;
    this.userRules = options.userRules;
    this.analyzer ??= new WorkerAnalyzer({ ...options, threads: 1 });
    return this.analyzer;
  }

  release(): void {
    this.idle.start();
  }

  /**
   * Readies the thread before the update that will need it, with the changed file: the server calls
   * this when it sees a change, and the thread gets ready while changes are gathered. A thread
   * already readied for the file's language is left to its work (the user typing on).
   */
  prepare(options: WorkerAnalyzerOptions, changed: FileTask): void {
    const analyzer = this.take(options);
    if (!this.readied.has(changed.language)) {
      this.readied.add(changed.language);
      analyzer.warmUp(changed);
    }
    this.release();
  }

  dispose(): void {
    this.idle.stop();
    void this.analyzer?.dispose();
    this.analyzer = undefined;
    this.readied.clear();
  }
}

export interface NodeAnalyzeOptions extends AnalyzeOptions, WorkerAnalyzerOptions {
  /** Where to keep the facts of this folder between runs (a warm start parses only what changed); none: no cache. */
  cacheFile?: string;
  /** Told of what goes wrong without stopping the analysis: a cache that cannot be written. */
  onWarning?: (message: string) => void;
  /** The team's `archtrace.yml` (see readWorkspaceConfig): its excludes, layer overrides and allowed dependencies apply. */
  config?: WorkspaceConfig;
}

/** The options with the configuration's excludes added to the others. */
function withConfigExcludes<T extends NodeAnalyzeOptions>(options: T): T {
  const exclude = options.config?.exclude ?? [];
  return exclude.length ? { ...options, excludeGlobs: [...(options.excludeGlobs ?? []), ...exclude] } : options;
}


/** Analyses one folder on Node: the CLI, the extension host and the tests all come through here. */
export function analyzeFolder(root: string, given: NodeAnalyzeOptions = {}): Promise<Analysis> {
  const options = withConfigExcludes(given);
  return withHost(options, (host) => analyzeWorkspace(root, host, options));
}

/** How long the server gathers changes (a save of several files, a branch switch) before it updates. */
export const CHANGES_GATHERED_MS = 400;

/**
 * Readies a new analysis for its updates, in the background, before any change: one update with
 * nothing changed, answer dropped, so that the first real update is as fast as later ones. An
 * analysis taken whole from the kept result (a warm start) has no symbol index and no kept parts
 * yet, and this round makes them; a cold run's has them, and the round compiles the update's
 * checks of every kept answer (code the analysis did not run, slow until V8 has compiled it).
 */
export async function readyForUpdates(analysis: Analysis, options: NodeAnalyzeOptions, warm: WarmWorker, stop?: () => boolean): Promise<void> {
  if (!stop?.()) await updateFolder(analysis, [], options, warm);
}

/**
 * The analysis after files changed: only they are parsed again, in one worker (an edit touches few
 * files) — the given warm worker, when the caller keeps one between edits. The facts cache is left
 * alone: reading and writing it whole would cost each edit more than the edit itself, and the next
 * start parses again only the files edited since.
 */
export function updateFolder(analysis: Analysis, changed: readonly string[], options: NodeAnalyzeOptions = {}, warm?: WarmWorker): Promise<Analysis> {
  const updateOptions = withConfigExcludes({ ...options });
  delete updateOptions.cacheFile;
  return withHost({ threads: 1, ...updateOptions }, (host) => analysis.update(host, changed, updateOptions), warm);
}
