import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import workerpool from 'workerpool';
import type { FileAnalyzer } from '../core/host';
import { FileFacts, type FileTask } from '../core/parse/facts';

export interface WorkerAnalyzerOptions {
  /** Threads to start; by default one per core (the calling thread mostly waits for them). */
  threads?: number;
  /** A file that takes longer is skipped with the reason, and its worker replaced. */
  fileTimeoutMs?: number;
}

export const DEFAULT_FILE_TIMEOUT_MS = 20_000;

/** Files sent to a worker at once: a message per file costs more than parsing a small one. */
const BATCH_FILES = 16;

interface Pending {
  task: FileTask;
  resolve: (facts: FileFacts) => void;
}

/**
 * Analyses files in a pool of worker threads, so the caller's thread (the extension host) never
 * blocks. Files asked for together go to a worker in batches; a batch that fails or times out is
 * run again file by file, so only the file at fault is skipped.
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
    this.pool = workerpool.pool(join(__dirname, 'fileWorker.js'), { workerType: 'thread', maxWorkers: threads });
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

  private async run(batch: readonly Pending[]): Promise<void> {
    if (batch.length > 1) {
      try {
        const facts = (JSON.parse((await this.pool.exec('analyzeFiles', [batch.map((item) => item.task)]).timeout(this.fileTimeoutMs)) as string) as FileFacts[]).map(FileFacts.sharingEmptyLists);
        batch.forEach((item, position) => item.resolve(facts[position] ?? FileFacts.skipped(item.task, 'the analyzer returned no facts for this file')));
        return;
      } catch {
        // A file of the batch is slow or breaks the analyzer: each again on its own, so only that one is skipped.
      }
    }
    await Promise.all(batch.map(async (item) => item.resolve(await this.analyzeOne(item.task))));
  }

  private async analyzeOne(task: FileTask): Promise<FileFacts> {
    try {
      const [facts] = JSON.parse((await this.pool.exec('analyzeFiles', [[task]]).timeout(this.fileTimeoutMs)) as string) as FileFacts[];
      return facts ? FileFacts.sharingEmptyLists(facts) : FileFacts.skipped(task, 'the analyzer returned no facts for this file');
    } catch (error) {
      if (error instanceof workerpool.Promise.TimeoutError) {
        return FileFacts.skipped(task, `analysis took longer than ${this.fileTimeoutMs / 1000} s`);
      }
      return FileFacts.skipped(task, `the analyzer failed on this file: ${error instanceof Error ? error.message : String(error)}`);
    }
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
