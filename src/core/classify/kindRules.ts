import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';
import { REPO_KINDS, type FindingCategory, type RepoKind } from '../result';

export interface KindRule {
  id: string;
  favours: RepoKind;
  weight: number;
  why: string;
  matcher:
    | { type: 'folder'; glob: string }
    | { type: 'file'; glob: string }
    | { type: 'findings'; category: FindingCategory; atLeast: number }
    | { type: 'interfaces'; implementationsAtLeast: number };
  unless?: string;
}

export class KindRulesError extends Error {}

/** Reads `kind-rules.yml` (or a user's file of the same shape), with a message naming the rule at fault. */
export function parseKindRules(text: string, source = 'kind-rules.yml'): KindRule[] {
  const document = parseYaml(text) as { rules?: unknown } | null;
  if (!document || !Array.isArray(document.rules)) throw new KindRulesError(`${source}: expected a top-level 'rules:' list`);
  return document.rules.map((raw: unknown, index): KindRule => {
    const rule = (raw ?? {}) as Record<string, unknown>;
    const where = `${source}: rule ${typeof rule['id'] === 'string' ? `'${rule['id']}'` : `#${index + 1}`}`;
    if (typeof rule['id'] !== 'string') throw new KindRulesError(`${where}: needs an id`);
    const favours = rule['favours'];
    if (!REPO_KINDS.includes(favours as RepoKind)) throw new KindRulesError(`${where}: favours must be one of ${REPO_KINDS.join(', ')}`);
    if (typeof rule['weight'] !== 'number' || !(rule['weight'] > 0)) throw new KindRulesError(`${where}: weight must be a positive number`);
    if (typeof rule['why'] !== 'string') throw new KindRulesError(`${where}: needs a why`);
    const matchers = ['folder', 'file', 'findings', 'interfaces'].filter((key) => rule[key] !== undefined);
    if (matchers.length !== 1) throw new KindRulesError(`${where}: needs exactly one of folder, file, findings, interfaces`);
    const unless = rule['unless'];
    if (unless !== undefined && typeof unless !== 'string') throw new KindRulesError(`${where}: unless must be a glob`);
    return {
      id: rule['id'],
      favours: favours as RepoKind,
      weight: rule['weight'],
      why: rule['why'],
      matcher: matcherOf(rule, matchers[0] as string, where),
      ...(unless ? { unless } : {}),
    };
  });
}

function matcherOf(rule: Record<string, unknown>, type: string, where: string): KindRule['matcher'] {
  const value = rule[type];
  if (type === 'folder' || type === 'file') {
    if (typeof value !== 'string') throw new KindRulesError(`${where}: ${type} must be a glob`);
    return { type, glob: value };
  }
  const options = (value ?? {}) as Record<string, unknown>;
  if (type === 'findings') {
    if (typeof options['category'] !== 'string' || typeof options['atLeast'] !== 'number') {
      throw new KindRulesError(`${where}: findings needs { category, atLeast }`);
    }
    return { type, category: options['category'] as FindingCategory, atLeast: options['atLeast'] };
  }
  if (typeof options['implementationsAtLeast'] !== 'number') throw new KindRulesError(`${where}: interfaces needs { implementationsAtLeast }`);
  return { type: 'interfaces', implementationsAtLeast: options['implementationsAtLeast'] };
}

/** What the rules look at; everything relative to the root being classified. */
export interface KindInputs {
  folders: readonly string[];
  files: readonly string[];
  findingCounts: ReadonlyMap<FindingCategory, { count: number; firstPath: string }>;
  largestInterface?: { base: string; implementations: number };
}

export interface FiredRule {
  rule: KindRule;
  path: string;
}

/** Evaluates every rule in order; each fires at most once. */
export function evaluateKindRules(rules: readonly KindRule[], inputs: KindInputs): FiredRule[] {
  const fired: FiredRule[] = [];
  for (const rule of rules) {
    if (rule.unless && inputs.folders.some(globMatcher(rule.unless))) continue;
    const path = firingPath(rule.matcher, inputs);
    if (path !== undefined) fired.push({ rule, path });
  }
  return fired;
}

function firingPath(matcher: KindRule['matcher'], inputs: KindInputs): string | undefined {
  switch (matcher.type) {
    case 'folder':
      return inputs.folders.find(globMatcher(matcher.glob));
    case 'file':
      return inputs.files.find(globMatcher(matcher.glob));
    case 'findings': {
      const found = inputs.findingCounts.get(matcher.category);
      return found && found.count >= matcher.atLeast ? found.firstPath : undefined;
    }
    case 'interfaces':
      return inputs.largestInterface && inputs.largestInterface.implementations >= matcher.implementationsAtLeast
        ? inputs.largestInterface.base
        : undefined;
  }
}

function globMatcher(glob: string): (path: string) => boolean {
  const matches = picomatch(glob, { dot: true });
  return (path) => matches(path);
}
