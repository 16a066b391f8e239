import type { Finding } from '../result';

/**
 * The findings one resolution changed, each copied once. A stage that adds to a finding's details
 * (sites, receivers, uses, a chain's path) takes it from its list through `own`, which puts this
 * resolution's copy in its place: the findings no stage changed stay the objects the facts and the
 * kept parts hold, so an update's result reuses the last one's and nothing kept is written to.
 */
export class FindingEdits {
  private readonly copies = new WeakSet<Finding>();

  /** `list[at]` as this resolution's own copy, put in its place: its details and their lists may be written to. */
  own<F extends Finding>(list: Finding[], at: number): F {
    const finding = list[at] as F;
    if (this.copies.has(finding)) return finding;
    const details: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(finding.details)) details[key] = Array.isArray(value) ? [...(value as unknown[])] : value;
    const copy = { ...finding, details } as F;
    this.copies.add(copy);
    list[at] = copy;
    return copy;
  }
}
