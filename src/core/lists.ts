/**
 * The list a map holds for a key, made empty when first asked for, to push to: a map whose lists
 * are copied with each new item (`[...(map.get(key) ?? []), item]`) costs the square of their length.
 */
export function listIn<K, V>(lists: Map<K, V[]>, key: K): V[] {
  let list = lists.get(key);
  if (!list) lists.set(key, (list = []));
  return list;
}

/** The one empty list kept wherever a kept list would be empty. */
export const NONE: readonly never[] = Object.freeze([]);

/** Whether a list is empty: a stage's part that gives it nothing (see `SymbolIndex.eachPart`). */
export function isEmpty(list: readonly unknown[]): boolean {
  return list.length === 0;
}

/**
 * A list kept for the session, at its length: a list built by pushing holds room for 17 entries
 * or more, and hundreds of thousands of kept lists (reads, answers) are most of a kept index.
 */
export function atLength<T>(list: readonly T[]): readonly T[] {
  return list.length ? list.slice() : NONE;
}

/** Whether two lists hold the same elements in the same order, as `same` compares two elements (identity unless told). */
export function sameList<T>(before: readonly T[], after: readonly T[], same: (a: T, b: T) => boolean = (a, b) => a === b): boolean {
  return before === after || (before.length === after.length && before.every((item, position) => same(item, after[position] as T)));
}

/**
 * `now`, sorted as `compare` sorts, each element equal (as plain data) to one of `earlier` (sorted
 * the same way) replaced by that one: what an update finds again stays the same object, so that
 * what was worked out from it (its JSON in a client's delta) is not worked out again.
 */
export function keepingEqual<T>(earlier: readonly T[] | undefined, now: T[], compare: (a: T, b: T) => number): T[] {
  if (!earlier?.length) return now;
  let from = 0;
  for (let position = 0; position < now.length; position++) {
    const item = now[position] as T;
    // Most of an update's elements are the earlier ones themselves, in the same order: nothing to compare.
    if (earlier[from] === item) {
      from++;
      continue;
    }
    while (from < earlier.length && compare(earlier[from] as T, item) < 0) from++;
    for (let at = from; at < earlier.length && compare(earlier[at] as T, item) === 0; at++) {
      if (samePlainData(earlier[at], item)) {
        now[position] = earlier[at] as T;
        break;
      }
    }
  }
  return now;
}

/**
 * Whether two values of plain data (lists, plain objects, primitives) are equal, element by element
 * and key by key. Anything else (a Map, a class's instance) is equal only to itself: what it holds
 * is not compared.
 */
export function samePlainData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, at) => samePlainData(item, b[at]));
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && samePlainData(a[key], b[key]));
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
