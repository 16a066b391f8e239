import { join } from 'node:path';
import workerpool from 'workerpool';
import type { CallAnswer, CallQuestion, CallTypeResolver } from '../core/host';
import { IdleTimeout } from './idleTimeout';

export interface TypeCheckerOptions {
  /** How long the compiler may take for one batch of questions (a first one builds the project). */
  timeoutMs?: number;
  /** How long the thread, with the projects it holds, is kept without a question. */
  idleMs?: number;
  /** The compiler's heap limit: a project too big for it ends the thread, not the process (the extension host) it lives in. */
  memoryLimitMb?: number;
}

/**
 * The TypeScript compiler in a worker thread of its own: started on the first question (nothing
 * loads it before a trace needs it), kept with its projects between traces, ended after a while
 * without a question. A failure or a timeout answers "not known": the trace stays as syntax made it.
 */
export class TypeCheckerWorker implements CallTypeResolver {
  private pool: workerpool.Pool | undefined;
  private readonly idle: IdleTimeout;
  private readonly timeoutMs: number;
  private readonly memoryLimitMb: number;
  /** Why the last batch went unanswered, for the log. */
  lastProblem: string | undefined;

  constructor(options: TypeCheckerOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.memoryLimitMb = options.memoryLimitMb ?? 1536;
    this.idle = new IdleTimeout(options.idleMs ?? 5 * 60_000, () => this.dispose());
  }

  async resolveCalls(root: string, questions: readonly CallQuestion[]): Promise<(CallAnswer | null)[]> {
    this.idle.stop();
    this.pool ??= workerpool.pool(join(__dirname, 'typeWorker.js'), { workerType: 'thread', maxWorkers: 1, workerThreadOpts: { resourceLimits: { maxOldGenerationSizeMb: this.memoryLimitMb } } });
    try {
      const answers = (await this.pool.exec('resolveCalls', [root, questions]).timeout(this.timeoutMs)) as (CallAnswer | null)[];
      this.lastProblem = undefined;
      return answers;
    } catch (error) {
      this.lastProblem =
        error instanceof workerpool.Promise.TimeoutError ? `the type checker took longer than ${this.timeoutMs / 1000} s` : `the type checker failed: ${error instanceof Error ? error.message : String(error)}`;
      // A thread that timed out or broke holds nothing worth keeping.
      this.dispose();
      return questions.map(() => null);
    } finally {
      this.idle.start();
    }
  }

  dispose(): void {
    this.idle.stop();
    void this.pool?.terminate(true);
    this.pool = undefined;
  }
}
