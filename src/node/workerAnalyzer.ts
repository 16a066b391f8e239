import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import workerpool from 'workerpool';
import type { DetectorRule } from '../core/detect/rules';
import type { FileAnalyzer } from '../core/host';
import { FileFacts, type FileTask } from '../core/parse/facts';
import { BatchProgress } from './batchProgress';

export interface WorkerAnalyzerOptions {
  /** Threads to start; by default one per core (the calling thread mostly waits for them). */
  threads?: number;
  /** A file that takes longer is skipped with the reason, and its worker replaced. */
  fileTimeoutMs?: number;
  /** The team's detectors (`ruleDirs`, already compiled once to check them), run by every thread after the built-in ones. */
  userRules?: readonly DetectorRule[];
}

export const DEFAULT_FILE_TIMEOUT_MS = 20_000;

/** How long a worker may take to start (its code, tree-sitter's runtime) before its first file: a loaded machine takes seconds, not a minute. */
const WORKER_START_MS = 60_000;

/** Files sent to a worker at once: a message per file costs more than parsing a small one. */
const BATCH_FILES = 16;

interface Pending {
  task: FileTask;
  resolve: (facts: FileFacts) => void;
}

/**
 * Analyses files in a pool of worker threads, so the caller's thread (the extension host) never
 * blocks. Files asked for together go to a worker in batches; only a file that overruns its time
 * or breaks the worker is skipped (see `run`).
 */
export class WorkerAnalyzer implements FileAnalyzer {
  private readonly pool: workerpool.Pool;
  private readonly fileTimeoutMs: number;
  private pending: Pending[] = [];
  private flushScheduled = false;

  constructor(options: WorkerAnalyzerOptions = {}) {
    const threads = options.threads ?? Math.max(1, availableParallelism());
    this.fileTimeoutMs = options.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS;
    // The worker script sits beside this module, in the bundle and in the compiled tests alike.
    // Workers start on the first file to parse: a warm start from the cache may need none.
    this.pool = workerpool.pool(join(__dirname, 'fileWorker.js'), { workerType: 'thread', maxWorkers: threads, workerThreadOpts: { workerData: { userRules: options.userRules ?? [] } } });
  }

  get threads(): number {
    return this.pool.maxWorkers ?? 1;
  }

  /** How many files the caller should keep asked for, so that every worker gets full batches. */
  get concurrency(): number {
    return this.threads * BATCH_FILES * 3;
  }

  analyze(task: FileTask): Promise<FileFacts> {
    return new Promise((resolve) => {
      this.pending.push({ task, resolve });
      if (this.pending.length >= BATCH_FILES) this.flush();
      else if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    while (this.pending.length) void this.run(this.pending.splice(0, BATCH_FILES));
  }

  /**
   * Runs a batch in a worker. Each file has the whole time budget from when the worker starts it
   * (the worker says which file it is on through shared memory); a file that overruns it, or breaks
   * the worker, is skipped with the reason, never given the budget again, and the files of the
   * batch before and after it are run again without it.
   */
  private async run(batch: readonly Pending[]): Promise<void> {
    if (!batch.length) return;
    const outcome = await this.execute(batch.map((item) => item.task));
    if ('facts' in outcome) {
      batch.forEach((item, position) => item.resolve(outcome.facts[position] ?? FileFacts.skipped(item.task, 'the analyzer returned no facts for this file')));
      return;
    }
    if (outcome.position < 0) {
      // The worker failed before any file (it could not start): each file once more on its own.
      if (batch.length > 1) await Promise.all(batch.map((item) => this.run([item])));
      else batch[0]?.resolve(FileFacts.skippedForNow(batch[0].task, outcome.reason));
      return;
    }
    const atFault = batch[outcome.position] as Pending;
    atFault.resolve(outcome.overran ? FileFacts.skippedForNow(atFault.task, outcome.reason) : FileFacts.skipped(atFault.task, outcome.reason));
    await Promise.all([this.run(batch.slice(0, outcome.position)), this.run(batch.slice(outcome.position + 1))]);
  }

  /** The batch's facts, or the file (its position; -1 when none had started) that overran its budget or broke the worker, and why. */
  private execute(tasks: readonly FileTask[]): Promise<{ facts: FileFacts[] } | { position: number; reason: string; overran?: true }> {
    const progress = BatchProgress.create();
    const execution = this.pool.exec('analyzeFiles', [tasks, progress]);
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const sent = Date.now();
      const watch = (delay: number) => {
        timer = setTimeout(() => {
          const { position, elapsedMs } = BatchProgress.current(progress);
          const starting = position < 0 && Date.now() - sent < Math.max(this.fileTimeoutMs, WORKER_START_MS);
          // The worker still loading its grammars, or on a file it started less than a budget ago: wait on.
          if (starting || (position >= 0 && elapsedMs < this.fileTimeoutMs)) return watch(Math.max(1, this.fileTimeoutMs - elapsedMs));
          resolve({ position, reason: position < 0 ? `the analyzer did not start within ${Math.max(this.fileTimeoutMs, WORKER_START_MS) / 1000} s` : `analysis took longer than ${this.fileTimeoutMs / 1000} s`, overran: true });
          execution.cancel(); // ends the worker; the pool starts another
        }, delay);
      };
      watch(this.fileTimeoutMs);
      execution.then(
        (text) => {
          clearTimeout(timer);
          resolve({ facts: (JSON.parse(text as string) as FileFacts[]).map(FileFacts.sharingEmptyLists) });
        },
        (error: unknown) => {
          clearTimeout(timer);
          resolve({ position: BatchProgress.current(progress).position, reason: `the analyzer failed on this file: ${error instanceof Error ? error.message : String(error)}` });
        },
      );
    });
  }

  /**
   * Starts every thread now, each loading its code and tree-sitter's runtime, for a run that will
   * parse: the loading then overlaps the walk that finds the files instead of following it.
   */
  start(): void {
    for (let thread = 0; thread < this.threads; thread++) this.pool.exec('start', []).catch(() => undefined); // a thread that cannot start says so on the first real file
  }

  /** Starts a thread and has it analyse this file once, answer dropped, so that the next file asked for does not wait for its start, its grammar or the JIT. */
  warmUp(task: FileTask): void {
    this.pool.exec('warmUp', [task]).catch(() => undefined); // a thread that cannot start says so on the first real file
  }

  async dispose(): Promise<void> {
    await this.pool.terminate(true);
  }
}
