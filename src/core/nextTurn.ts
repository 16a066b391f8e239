/**
 * Lets the event loop of the thread the core runs on take its turn (in the editor: typing, other
 * extensions) between long stages of the pipeline. `setTimeout` exists in Node and in browsers alike.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
