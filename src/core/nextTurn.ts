/**
 * Lets the event loop of the thread the core runs on take its turn (in the editor: typing, other
 * extensions) between long stages of the pipeline: `setImmediate` where there is one (Node, which
 * holds `setTimeout(0)` back for a millisecond), `setTimeout` in a browser.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
}

/**
 * For loops over every file: `if (turns.due()) await turns.next();` lets the event loop in once the
 * current turn has run for the budget. Checking costs next to nothing, and awaiting only when due
 * spares each file a trip through the microtask queue.
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
}
