/**
 * Lets the event loop of the thread the core runs on take its turn (in the editor: typing, other
 * extensions) between long stages of the pipeline: `setImmediate` where there is one (Node, which
 * holds `setTimeout(0)` back for a millisecond), `setTimeout` in a browser.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
}

/**
 * For loops over every file: `await turns.pause()` lets the event loop in once the current turn
 * has run for the budget, and costs next to nothing before.
 */
export class Turns {
  private started = performance.now();

  constructor(private readonly budgetMs = 20) {}

  async pause(): Promise<void> {
    if (performance.now() - this.started < this.budgetMs) return;
    await nextTurn();
    this.started = performance.now();
  }
}
