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

/** Analyses files in a pool of worker threads, so the caller's thread (the extension host) never blocks. */
export class WorkerAnalyzer implements FileAnalyzer {
  private readonly pool: workerpool.Pool;
  private readonly fileTimeoutMs: number;

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

  async analyze(task: FileTask): Promise<FileFacts> {
    try {
      return JSON.parse((await this.pool.exec('analyzeFile', [task]).timeout(this.fileTimeoutMs)) as string) as FileFacts;
    } catch (error) {
      if (error instanceof workerpool.Promise.TimeoutError) {
        return FileFacts.skipped(task, `analysis took longer than ${this.fileTimeoutMs / 1000} s`);
      }
      return FileFacts.skipped(task, `the analyzer failed on this file: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async dispose(): Promise<void> {
    await this.pool.terminate(true);
  }
}
