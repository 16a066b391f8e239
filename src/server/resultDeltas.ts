import type { AnalysisResult } from '../core/result';
import { type ResultDelta, type ResultParts, resultDelta, resultParts } from '../protocol/resultDelta';

/** How many versions' parts are kept to make deltas from: the one a client holds and the newest. */
const KEPT_VERSIONS = 2;

/**
 * A folder's results as `archtrace/resultDelta` sends them: each version's parts (their JSON) kept
 * for the next delta, and the last delta's pages kept while a client fetches them one by one.
 */
export class ResultDeltas {
  /** The JSON of each element already spelled: an update keeps most of them as the same objects. */
  private readonly spelled = new WeakMap<object, string>();
  private readonly parts = new Map<number, ResultParts>();
  private made: { since: number; version: number; pages: ResultDelta[] } | undefined;

  constructor(private readonly root: string) {}

  /** The pages that take a client from `since` to `version`; from nothing when `since`'s parts are no longer kept. */
  pages(since: number, version: number, result: AnalysisResult): ResultDelta[] {
    if (this.made?.since === since && this.made.version === version) return this.made.pages;
    const before = since > 0 && since !== version ? this.parts.get(since) : undefined;
    const after = this.partsOf(version, result);
    const pages = since === version ? resultDelta(this.root, since, version, after, after) : resultDelta(this.root, before ? since : 0, version, before, after);
    this.made = { since, version, pages };
    return pages;
  }

  private partsOf(version: number, result: AnalysisResult): ResultParts {
    let parts = this.parts.get(version);
    if (!parts) {
      parts = resultParts(result, this.spell);
      this.parts.set(version, parts);
      for (const kept of this.parts.keys()) if (this.parts.size > KEPT_VERSIONS) this.parts.delete(kept);
    }
    return parts;
  }

  private readonly spell = (value: unknown): string => {
    if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
    let json = this.spelled.get(value);
    if (json === undefined) {
      json = JSON.stringify(value);
      this.spelled.set(value, json);
    }
    return json;
  };
}
