import type { AnalysisResult } from '../core/result';

/**
 * A folder's result sent as what changed since a version the client holds, in pages: a client
 * (the extension host) then parses a few kilobytes after an edit instead of the whole result, and
 * a first result in pieces instead of one message of megabytes parsed in one go.
 *
 * The result is seen as a flat list of parts, each named by a path: a list at the top or one level
 * down (`files`, `dataModel.entities`), or any other value. A list changes by one splice — the
 * elements between the prefix and the suffix it shares with the list before — and any other part
 * is sent whole when its JSON differs.
 */
export interface ResultDelta {
  root: string;
  /** The version this delta makes. */
  version: number;
  /** The version it applies to; 0: to nothing (the whole result). */
  since: number;
  /** This page's number and how many make the delta: a client applies them all, in order, or none. */
  page: number;
  pages: number;
  /** Parts set whole, by path. */
  set: Record<string, unknown>;
  /** Parts no longer in the result. */
  removed: string[];
  /** Lists changed in place: `deleteCount` elements at `start` replaced by `items`, applied in order. */
  splices: { path: string; start: number; deleteCount: number; items: unknown[] }[];
}

/** `archtrace/resultDelta`'s parameters: the version the client holds (0: none), and the page it asks for. */
export interface ResultDeltaParams {
  root?: string;
  since: number;
  page?: number;
}

/** A result's parts, each as JSON (a list's elements each on their own), with their values. */
export type ResultParts = Map<string, { json: string; value: unknown } | { elements: string[]; values: readonly unknown[] }>;

/** How much JSON one page carries at most (one element larger than this makes a page of its own). */
export const PAGE_CHARACTERS = 128 * 1024;

/**
 * The parts of a result. `stringify` spells one value as JSON; the server gives one that keeps the
 * spelling of each object it has seen, since updates keep most elements as the same objects.
 */
export function resultParts(result: AnalysisResult, stringify: (value: unknown) => string = JSON.stringify): ResultParts {
  const parts: ResultParts = new Map();
  const add = (path: string, value: unknown, depth: number) => {
    if (value === undefined) return;
    if (Array.isArray(value)) parts.set(path, { elements: value.map((element: unknown) => stringify(element)), values: value });
    else if (depth === 0 && value !== null && typeof value === 'object') for (const [key, inner] of Object.entries(value)) add(`${path}.${key}`, inner, 1);
    else parts.set(path, { json: stringify(value), value });
  };
  for (const [key, value] of Object.entries(result)) add(key, value, 0);
  return parts;
}

/** The delta from `before` (undefined: nothing held) to `after`, cut into pages of about `pageCharacters` of JSON. */
export function resultDelta(root: string, since: number, version: number, before: ResultParts | undefined, after: ResultParts, pageCharacters = PAGE_CHARACTERS): ResultDelta[] {
  const pages: Omit<ResultDelta, 'pages'>[] = [];
  let page: Omit<ResultDelta, 'pages'> | undefined;
  let size = 0;
  const current = (characters: number) => {
    if (!page || (size > 0 && size + characters > pageCharacters)) {
      page = { root, version, since, page: pages.length, set: {}, removed: [], splices: [] };
      pages.push(page);
      size = 0;
    }
    size += characters;
    return page;
  };
  // Removals first: a part one level down is removed before its parent is set (a data model become null).
  for (const path of before?.keys() ?? []) if (!after.has(path)) current(0).removed.push(path);
  for (const [path, part] of after) {
    const old = before?.get(path);
    if ('json' in part) {
      if (!old || !('json' in old) || old.json !== part.json) current(part.json.length).set[path] = part.value;
      continue;
    }
    const was = old && 'elements' in old ? old.elements : [];
    const now = part.elements;
    let prefix = 0;
    while (prefix < was.length && prefix < now.length && was[prefix] === now[prefix]) prefix++;
    let suffix = 0;
    while (suffix < was.length - prefix && suffix < now.length - prefix && was[was.length - 1 - suffix] === now[now.length - 1 - suffix]) suffix++;
    const deleteCount = was.length - prefix - suffix;
    const end = now.length - suffix;
    // A list that is new, or only lost elements, is one splice with no items.
    if (end === prefix && (deleteCount > 0 || !old || !('elements' in old))) current(0).splices.push({ path, start: prefix, deleteCount, items: [] });
    // A long run of new elements is cut across pages: a splice on each, starting where the one before ended.
    let piece: ResultDelta['splices'][number] | undefined;
    let pieceOn: typeof page;
    for (let at = prefix; at < end; at++) {
      const on = current((now[at] as string).length);
      if (!piece || on !== pieceOn) {
        piece = { path, start: at, deleteCount: pieceOn ? 0 : deleteCount, items: [] };
        on.splices.push(piece);
        pieceOn = on;
      }
      piece.items.push(part.values[at]);
    }
  }
  if (!pages.length) current(0);
  return pages.map((made) => ({ ...made, pages: pages.length }));
}

/** The result a client holds after every page of a delta, applied to the result it held (undefined when `since` is 0). */
export function applyResultDelta(held: AnalysisResult | undefined, pages: readonly ResultDelta[]): AnalysisResult {
  const result: Record<string, unknown> = pages[0]?.since === 0 || !held ? {} : { ...held };
  const copied = new Set<string>();
  /** The object holding a path's part (a copy of the held one, made once), and the part's key in it. */
  const holder = (path: string): [Record<string, unknown>, string] => {
    const dot = path.indexOf('.');
    if (dot < 0) return [result, path];
    const top = path.slice(0, dot);
    if (!copied.has(top)) {
      copied.add(top);
      result[top] = { ...(result[top] as Record<string, unknown> | undefined) };
    }
    return [result[top] as Record<string, unknown>, path.slice(dot + 1)];
  };
  const lists = new Set<string>();
  for (const page of pages) {
    for (const path of page.removed) {
      const [object, key] = holder(path);
      delete object[key];
    }
    for (const [path, value] of Object.entries(page.set)) {
      const [object, key] = holder(path);
      object[key] = value;
    }
    for (const { path, start, deleteCount, items } of page.splices) {
      const [object, key] = holder(path);
      // The held list is never changed in place: views may still render it.
      if (!lists.has(path)) {
        lists.add(path);
        object[key] = Array.isArray(object[key]) ? [...(object[key] as unknown[])] : [];
      }
      const list = object[key] as unknown[];
      list.splice(start, deleteCount, ...items);
    }
  }
  return result as unknown as AnalysisResult;
}

/**
 * A folder's newest result, fetched as a delta from the one held (`archtrace/resultDelta`, through
 * `send`) page by page: when the server has a newer version before the last page, it starts again.
 */
export async function fetchResult(send: (params: ResultDeltaParams) => Promise<ResultDelta>, root: string, held?: { version: number; result: AnalysisResult }): Promise<{ version: number; result: AnalysisResult }> {
  const since = held?.version ?? 0;
  for (;;) {
    const first = await send({ root, since });
    const pages = [first];
    while (pages.length < first.pages) {
      const next = await send({ root, since, page: pages.length });
      if (next.version !== first.version) break;
      pages.push(next);
    }
    if (pages.length === first.pages) return { version: first.version, result: applyResultDelta(held?.result, pages) };
  }
}
