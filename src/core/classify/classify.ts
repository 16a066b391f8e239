import type { Knowledge } from '../knowledge/knowledge';
import { type Evidence, type KindVerdict, REPO_KINDS, type RepoKind } from '../result';
import { declaringPath, evaluateKindRules, type KindInputs } from './kindRules';
import { Turns } from '../nextTurn';

/** A part is reported only when its own signals are this strong and this one-sided. */
const PART_MIN_WEIGHT = 5;
const PART_MIN_SCORE = 0.6;
const PART_MIN_FILES = 8;
const PART_MAX_DEPTH = 3;

/** The verdict for one root: the kind with the highest score, ties broken in the guide's order; mixed parts listed. */
export async function classifyKind(knowledge: KindKnowledge, inputs: KindInputs, turns = new Turns()): Promise<KindVerdict> {
  const { kind, scores, evidence } = await verdictOf(knowledge, inputs, turns);
  return { kind, scores, evidence, parts: await partsOf(knowledge, inputs, kind, turns) };
}

/** What classification reads of the knowledge: the kind rules, and which paths are outside the code under study. */
export type KindKnowledge = Pick<Knowledge, 'kindRules' | 'layerRoles'>;

async function verdictOf(knowledge: KindKnowledge, inputs: KindInputs, turns: Turns): Promise<Omit<KindVerdict, 'parts'> & { total: number }> {
  const totals: Record<RepoKind, number> = { framework: 0, service: 0, library: 0 };
  const evidence: Evidence[] = [];
  for (const { rule, path } of await evaluateKindRules(knowledge.kindRules, knowledge.layerRoles, inputs, turns)) {
    totals[rule.favours] += rule.weight;
    evidence.push({ signal: rule.id, favours: rule.favours, weight: rule.weight, path });
  }
  const total = totals.framework + totals.service + totals.library;
  const scores: Record<RepoKind, number> = { framework: 0, service: 0, library: 0 };
  for (const kind of REPO_KINDS) scores[kind] = total > 0 ? round(totals[kind] / total) : 0;
  // The guide's decision tree asks "framework? else service? else library?", so that order breaks ties.
  const kind = REPO_KINDS.reduce<RepoKind>((best, next) => (totals[next] > totals[best] ? next : best), 'framework');
  evidence.sort((a, b) => b.weight - a.weight);
  return { kind, scores, evidence, total };
}

/**
 * Mixed repositories (guide, section 1: Django is a framework that ships an ORM library): each
 * sizeable subtree is classified on its own signals, and the outermost subtrees whose verdict
 * differs from the whole, clearly, are its parts.
 */
async function partsOf(knowledge: KindKnowledge, inputs: KindInputs, wholeKind: RepoKind, turns: Turns): Promise<KindVerdict['parts']> {
  const { layerRoles } = knowledge;
  // Source files under each folder, counted once per file and ancestor rather than once per folder and file.
  const filesUnder = new Map<string, number>();
  await turns.each(inputs.files, (file) => {
    if (layerRoles.isTestExampleOrDoc(file)) return;
    for (let slash = file.indexOf('/'); slash >= 0; slash = file.indexOf('/', slash + 1)) {
      const folder = file.slice(0, slash);
      filesUnder.set(folder, (filesUnder.get(folder) ?? 0) + 1);
    }
  });
  const candidates = inputs.folders.filter((folder) => {
    const depth = folder.split('/').length;
    return depth <= PART_MAX_DEPTH && !layerRoles.isTestExampleOrDoc(`${folder}/x`) && (filesUnder.get(folder) ?? 0) >= PART_MIN_FILES;
  });
  // Each input under each candidate, sorted into place in one pass rather than filtered per candidate.
  const under = new Map(candidates.map((folder) => [folder, { folders: [] as string[], files: [] as string[], findings: [] as KindInputs['findings'][number][], routes: [] as KindInputs['routes'][number][], interfaces: [] as KindInputs['interfaces'][number][] }]));
  const ancestorsOf = (path: string) => {
    const found: NonNullable<ReturnType<typeof under.get>>[] = [];
    for (let slash = path.indexOf('/'), depth = 1; slash >= 0 && depth <= PART_MAX_DEPTH; slash = path.indexOf('/', slash + 1), depth++) {
      const bucket = under.get(path.slice(0, slash));
      if (bucket) found.push(bucket);
    }
    return found;
  };
  const pathOfSymbol = (symbol: string) => symbol.slice(0, symbol.lastIndexOf(':'));
  for (const folder of inputs.folders) for (const bucket of ancestorsOf(folder)) bucket.folders.push(folder);
  await turns.each(inputs.files, (file) => {
    for (const bucket of ancestorsOf(file)) bucket.files.push(file);
  });
  await turns.each(inputs.findings, (finding) => {
    for (const bucket of ancestorsOf(pathOfSymbol(finding.symbol))) bucket.findings.push(finding);
  });
  await turns.each(inputs.routes, (route) => {
    for (const bucket of ancestorsOf(declaringPath(route))) bucket.routes.push(route);
  });
  for (const entry of inputs.interfaces) for (const bucket of ancestorsOf(pathOfSymbol(entry.base))) bucket.interfaces.push(entry);
  const parts: KindVerdict['parts'] = [];
  for (const folder of candidates.sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b))) {
    if (parts.some((part) => folder.startsWith(part.path))) continue;
    const verdict = await verdictOf(knowledge, under.get(folder) ?? { folders: [], files: [], findings: [], routes: [], interfaces: [] }, turns);
    if (verdict.kind !== wholeKind && verdict.total >= PART_MIN_WEIGHT && verdict.scores[verdict.kind] >= PART_MIN_SCORE) {
      parts.push({ path: `${folder}/`, kind: verdict.kind });
    }
  }
  return parts;
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
