import type { CallSite } from './facts';

/**
 * An extent of the source: a function body whose calls are its own (`owner`), or a part of a
 * `try` statement the calls in it are marked with.
 */
export interface Extent<T> {
  start: number;
  end: number;
  owner?: T;
  branch?: NonNullable<CallSite['branch']>;
}

/** Where an item of a body sits: the innermost body around it, and the innermost `try` part between them. */
export interface Placement<T> {
  owner: T;
  branch?: NonNullable<CallSite['branch']>;
}

/**
 * Places each item (calls, declarations), given by its start, in the innermost body around it, in
 * one sweep over both in document order: extents are syntax nodes, so they nest and never overlap
 * partly. An item outside every body (a field's initializer) is placed nowhere.
 */
export function placeInBodies<T>(extents: readonly Extent<T>[], starts: readonly number[]): (Placement<T> | undefined)[] {
  const sorted = [...extents].sort((a, b) => a.start - b.start || b.end - a.end);
  const order = starts.map((start, position) => ({ start, position })).sort((a, b) => a.start - b.start);
  const placements = new Array<Placement<T> | undefined>(starts.length);
  const open: Extent<T>[] = [];
  let next = 0;
  for (const { start, position } of order) {
    for (; next < sorted.length && (sorted[next] as Extent<T>).start <= start; next++) {
      const extent = sorted[next] as Extent<T>;
      while (open.length && (open[open.length - 1] as Extent<T>).end <= extent.start) open.pop();
      open.push(extent);
    }
    while (open.length && (open[open.length - 1] as Extent<T>).end <= start) open.pop();
    let branch: Placement<T>['branch'];
    for (let index = open.length - 1; index >= 0; index--) {
      const extent = open[index] as Extent<T>;
      if (extent.owner !== undefined) {
        placements[position] = { owner: extent.owner, ...(branch ? { branch } : {}) };
        break;
      }
      branch ??= extent.branch;
    }
  }
  return placements;
}
