import type { Knowledge } from '../knowledge/knowledge';
import { type Evidence, KIND_QUESTIONS, type KindVerdict, REPO_KINDS, type RepoKind } from '../result';
import { declaringPath, evaluateKindRules, type KindInputs } from './kindRules';
import type { PackageManifest } from './packages';
import { Turns } from '../nextTurn';

/** A part is reported only when its own signals are this strong and this one-sided. */
const PART_MIN_WEIGHT = 5;
const PART_MIN_SCORE = 0.6;
const PART_MIN_FILES = 8;
const PART_MAX_DEPTH = 3;

/** The weights of the rules that say who uses the repository: published for developers, or deployed. */
interface WhoUsesIt {
  published: number;
  service: number;
}

/** The verdict for one root, as the guide's decision tree reaches it; mixed parts listed. */
export async function classifyKind(knowledge: KindKnowledge, inputs: KindInputs, turns = new Turns()): Promise<KindVerdict> {
  const whole = await verdictOf(knowledge, inputs, turns);
  return { kind: whole.kind, scores: whole.scores, evidence: whole.evidence, parts: await partsOf(knowledge, inputs, whole, turns) };
}

/** What classification reads of the knowledge: the kind rules, which paths are outside the code under study, the frameworks' server packages. */
export type KindKnowledge = Pick<Knowledge, 'kindRules' | 'layerRoles' | 'frameworks'>;

/**
 * The verdict on these inputs; `inherited`: who uses them is already answered (a subtree of a
 * published package), and only what their code offers is asked.
 */
async function verdictOf(knowledge: KindKnowledge, inputs: KindInputs, turns: Turns, inherited?: WhoUsesIt): Promise<Omit<KindVerdict, 'parts'> & { total: number; whoUsesIt: WhoUsesIt }> {
  const rules = inherited ? knowledge.kindRules.filter((rule) => rule.question !== 'who-uses-it') : knowledge.kindRules;
  const fired = await evaluateKindRules(rules, knowledge, inputs, turns);
  const whoUsesIt = { published: 0, service: 0 };
  const offered: Record<RepoKind, number> = { framework: 0, service: 0, library: 0 };
  // The evidence in the order the questions are asked, each question's in the order of its rules.
  const evidence: Evidence[] = [];
  for (const question of KIND_QUESTIONS) {
    for (const { rule, path } of fired) {
      if (rule.question !== question) continue;
      if (rule.favours === 'published') whoUsesIt.published += rule.weight;
      else if (question === 'who-uses-it') whoUsesIt.service += rule.weight;
      else offered[rule.favours] += rule.weight;
      evidence.push({ signal: rule.id, question, favours: rule.favours, weight: rule.weight, path });
    }
  }
  const total = evidence.reduce((sum, { weight }) => sum + weight, 0);
  return { ...decide(inherited ?? whoUsesIt, offered), evidence, total, whoUsesIt: inherited ?? whoUsesIt };
}

/**
 * The guide's decision tree. Who uses the repository first: one that publishes a package for other
 * developers is a framework or a library, one that is deployed is a service; the weights of the
 * `who-uses-it` rules decide. Then what the published code offers tells framework from library (a
 * package that offers no more of a framework than of a library is a library, the guide's last
 * "else"). When the manifests and the deployment say neither more than the other, what the code is
 * full of decides among the three kinds, ties in the guide's order (framework, service, library).
 *
 * Scores follow the tree: service's is the deployed share of who uses it, and the published share
 * is divided between framework and library by what the code offers (evenly when it offers neither).
 */
function decide(whoUsesIt: WhoUsesIt, offered: Record<RepoKind, number>): Pick<KindVerdict, 'kind' | 'scores'> {
  if (whoUsesIt.published !== whoUsesIt.service) {
    const deployed = whoUsesIt.service / (whoUsesIt.published + whoUsesIt.service);
    const offeredByPackages = offered.framework + offered.library;
    const framework = offeredByPackages > 0 ? offered.framework / offeredByPackages : 0.5;
    const scores = { framework: round((1 - deployed) * framework), service: round(deployed), library: round((1 - deployed) * (1 - framework)) };
    if (deployed > 0.5) return { kind: 'service', scores };
    return { kind: offered.framework > offered.library ? 'framework' : 'library', scores };
  }
  const total = offered.framework + offered.service + offered.library;
  const scores: Record<RepoKind, number> = { framework: 0, service: 0, library: 0 };
  for (const kind of REPO_KINDS) scores[kind] = total > 0 ? round(offered[kind] / total) : 0;
  return { kind: REPO_KINDS.reduce<RepoKind>((best, next) => (offered[next] > offered[best] ? next : best), 'framework'), scores };
}

/**
 * Mixed repositories (guide, section 1: Django is a framework that ships an ORM library): each
 * sizeable subtree is classified on its own signals, and the outermost subtrees whose verdict
 * differs from the whole, clearly, are its parts. Who uses a subtree is told by its own package
 * manifests (a workspace package); one without manifests in a published whole is published as the
 * whole is (its code is what the package ships), while the subtrees of a deployed application are
 * judged on their own signals (an application may hold a library of its own).
 */
async function partsOf(knowledge: KindKnowledge, inputs: KindInputs, whole: Awaited<ReturnType<typeof verdictOf>>, turns: Turns): Promise<KindVerdict['parts']> {
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
  const under = new Map(
    candidates.map((folder) => [
      folder,
      { folders: [] as string[], files: [] as string[], findings: [] as KindInputs['findings'][number][], routes: [] as KindInputs['routes'][number][], interfaces: [] as KindInputs['interfaces'][number][], handlerRouters: [] as string[], packages: [] as PackageManifest[] },
    ]),
  );
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
  for (const router of inputs.handlerRouters ?? []) for (const bucket of ancestorsOf(pathOfSymbol(router))) bucket.handlerRouters.push(router);
  for (const manifest of inputs.packages ?? []) for (const bucket of ancestorsOf(manifest.path)) bucket.packages.push(manifest);
  const parts: KindVerdict['parts'] = [];
  for (const folder of candidates.sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b))) {
    if (parts.some((part) => folder.startsWith(part.path))) continue;
    const subtree = under.get(folder) ?? { folders: [], files: [], findings: [], routes: [], interfaces: [], handlerRouters: [], packages: [] };
    const shipped = !subtree.packages.length && whole.whoUsesIt.published > whole.whoUsesIt.service;
    const verdict = await verdictOf(knowledge, subtree, turns, shipped ? whole.whoUsesIt : undefined);
    if (verdict.kind !== whole.kind && verdict.total >= PART_MIN_WEIGHT && verdict.scores[verdict.kind] >= PART_MIN_SCORE) {
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
