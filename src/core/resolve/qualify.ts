import type { Hint, ScannedFinding } from '../parse/facts';
import { type Finding, SymbolId } from '../result';
import type { SymbolIndex } from './symbolIndex';

/**
 * Whether a name written in `path` stands for one of `anyOf`. Each entry is a qualified name
 * (`django.urls.path`), a module prefix (`celery.signals.*`), `~Name` (anything, in or out of the
 * workspace, whose qualified name ends with Name), `class-with:a,b` (a workspace class that
 * defines methods a and b: a framework's own dispatcher), or `finding:<category>` (a workspace
 * symbol with a finding of that category).
 */
function qualifiesAs(index: SymbolIndex, path: string, name: string, anyOf: readonly string[], findingsBySymbol: ReadonlyMap<string, Set<string>>): boolean {
  if (!name) return false;
  const target = index.qualify(path, name);
  if (!target) return false;
  const names = index.namesOf(target);
  return anyOf.some((pattern) => {
    if (pattern.startsWith('finding:')) return 'symbol' in target && (findingsBySymbol.get(target.symbol)?.has(pattern.slice(8)) ?? false);
    if (pattern.startsWith('class-with:')) {
      return 'symbol' in target && index.definition(target.symbol)?.kind === 'class' && pattern.slice(11).split(',').every((method) => index.definition(`${target.symbol}.${method}`));
    }
    if (pattern.startsWith('~')) {
      const suffix = pattern.slice(1);
      return names.some((qualified) => qualified === suffix || qualified.endsWith(`.${suffix}`) || qualified.endsWith(`:${suffix}`));
    }
    if (pattern.endsWith('.*')) return names.some((qualified) => qualified.startsWith(pattern.slice(0, -1)));
    return names.includes(pattern);
  });
}

/**
 * Keeps the findings and hints whose `qualify` holds, stripped of it. Those that depend on other
 * findings (`finding:signal`) are checked after the rest are confirmed.
 */
export function confirmQualified(index: SymbolIndex, scanned: readonly ScannedFinding[], hints: readonly Hint[]): { findings: Finding[]; hints: Hint[] } {
  const findingsBySymbol = new Map<string, Set<string>>();
  const findings: Finding[] = [];
  const record = (finding: Finding) => {
    findings.push(finding);
    const categories = findingsBySymbol.get(finding.symbol) ?? new Set<string>();
    categories.add(finding.category);
    findingsBySymbol.set(finding.symbol, categories);
  };
  const dependent: ScannedFinding[] = [];
  for (const finding of scanned) {
    if (!finding.qualify) record(finding);
    else if (finding.qualify.anyOf.some((pattern) => pattern.startsWith('finding:'))) dependent.push(finding);
    else if (holds(finding.symbol, finding.qualify)) record(withoutQualify(finding));
  }
  for (const finding of dependent) if (finding.qualify && holds(finding.symbol, finding.qualify)) record(withoutQualify(finding));
  const keptHints = hints.filter((hint) => !hint.qualify || holds(hint.symbol, hint.qualify)).map(withoutQualify);
  return { findings, hints: keptHints };

  function holds(symbol: string, qualify: NonNullable<ScannedFinding['qualify']>): boolean {
    return qualifiesAs(index, SymbolId.parse(symbol).path, qualify.name, qualify.anyOf, findingsBySymbol);
  }
}

function withoutQualify<T extends { qualify?: unknown }>(item: T): Omit<T, 'qualify'> {
  const copy = { ...item };
  delete copy.qualify;
  return copy;
}
