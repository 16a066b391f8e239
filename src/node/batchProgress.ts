/**
 * Which file of a batch a worker is on, and since when, in memory shared with the caller: no
 * message per file (a message costs more than parsing a small file), yet when a file overruns its
 * time or breaks the worker, the caller knows which one it was.
 */
export namespace BatchProgress {
  /** Two slots: the position of the file at work (-1 before the first) and when it started (ms since the epoch). */
  export function create(): BigInt64Array {
    const view = new BigInt64Array(new SharedArrayBuffer(2 * BigInt64Array.BYTES_PER_ELEMENT));
    view[0] = -1n;
    return view;
  }

  /** The worker's side: the file at `position` starts now. */
  export function start(view: BigInt64Array, position: number): void {
    Atomics.store(view, 1, BigInt(Date.now()));
    Atomics.store(view, 0, BigInt(position));
  }

  /** The caller's side: the file at work (-1: none yet) and how long it has been at it. */
  export function current(view: BigInt64Array): { position: number; elapsedMs: number } {
    const position = Number(Atomics.load(view, 0));
    return { position, elapsedMs: position < 0 ? 0 : Date.now() - Number(Atomics.load(view, 1)) };
  }
}
