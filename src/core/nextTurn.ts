/**
 * Lets the event loop of the thread the core runs on take its turn (in the editor: typing, other
 * extensions) between long stages of the pipeline: `setImmediate` where there is one (Node, which
 * holds `setTimeout(0)` back for a millisecond), `setTimeout` in a browser.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
}

/**
 * For loops over every file: `await turns.each(files, step)` (or `if (turns.due()) await
 * turns.next();` in a loop) lets the event loop in once the current turn has run for the budget.
 * Checking costs next to nothing, and awaiting only when due spares each file a trip through the
 * microtask queue.
 */
export class Turns {
  private started = performance.now();
  private checks = 0;

  constructor(private readonly budgetMs = 20) {}

  due(): boolean {
    // The clock is read every few files: reading it costs more than most files' step.
    return ++this.checks % 8 === 0 && performance.now() - this.started >= this.budgetMs;
  }

  async next(): Promise<void> {
    await nextTurn();
    this.started = performance.now();
  }

  /**
   * Calls `step` with each item in order, letting the event loop in whenever due. For the loops
   * over every file or finding: V8 runs a loop written in an async function optimised only until
   * its first `await`, and unoptimised after each one, where every `for…of` step allocates and
   * runs slower; this loop and each `step`, plain functions, stay optimised.
   */
  async each<T>(items: readonly T[], step: (item: T) => void): Promise<void> {
    for (let from = 0; from < items.length; ) {
      from = this.stepUntilDue(items, from, step);
      if (from < items.length) await this.next();
    }
  }

  /** Steps from `from` until the turn is due; where to go on from. */
  private stepUntilDue<T>(items: readonly T[], from: number, step: (item: T) => void): number {
    for (let at = from; at < items.length; at++) {
      step(items[at] as T);
      if (this.due()) return at + 1;
    }
    return items.length;
  }
}
