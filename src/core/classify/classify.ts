import { type Evidence, type FindingCategory, type KindVerdict, REPO_KINDS, type RepoKind } from '../result';
import { evaluateKindRules, type KindInputs, type KindRule } from './kindRules';

/** The verdict for one root: the kind with the highest score, ties broken in the guide's order. */
export function classifyKind(rules: readonly KindRule[], inputs: KindInputs): KindVerdict {
  const totals: Record<RepoKind, number> = { framework: 0, service: 0, library: 0 };
  const evidence: Evidence[] = [];
  for (const { rule, path } of evaluateKindRules(rules, inputs)) {
    totals[rule.favours] += rule.weight;
    evidence.push({ signal: rule.id, favours: rule.favours, weight: rule.weight, path });
  }
  const sum = totals.framework + totals.service + totals.library;
  const scores: Record<RepoKind, number> = { framework: 0, service: 0, library: 0 };
  for (const kind of REPO_KINDS) scores[kind] = sum > 0 ? round(totals[kind] / sum) : 0;
  // The guide's decision tree asks "framework? else service? else library?", so that order breaks ties.
  const kind = REPO_KINDS.reduce<RepoKind>((best, next) => (totals[next] > totals[best] ? next : best), 'framework');
  evidence.sort((a, b) => b.weight - a.weight);
  return { kind, scores, evidence, parts: [] };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** The folders implied by a list of file paths (`a/b/c.py` → `a`, `a/b`). */
export function foldersOf(paths: readonly string[]): string[] {
  const folders = new Set<string>();
  for (const path of paths) {
    for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) folders.add(path.slice(0, slash));
  }
  return [...folders].sort();
}

export function findingCountsOf(findings: readonly { category: FindingCategory; symbol: string }[]): KindInputs['findingCounts'] {
  const counts = new Map<FindingCategory, { count: number; firstPath: string }>();
  for (const finding of findings) {
    const entry = counts.get(finding.category);
    if (entry) entry.count++;
    else counts.set(finding.category, { count: 1, firstPath: finding.symbol.slice(0, finding.symbol.lastIndexOf(':')) });
  }
  return counts;
}
