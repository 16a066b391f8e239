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
 * Keeps the findings and hints whose `qualify` holds, stripped of it, added a part at a time (a
 * file's findings, so a caller can let the event loop in between). Those that depend on other
 * findings (`finding:signal`) are checked when every finding is in (`finish`).
 */
export class Confirmation {
  private readonly findingsBySymbol = new Map<string, Set<string>>();
  private readonly findings: Finding[] = [];
  private readonly dependent: ScannedFinding[] = [];

  constructor(private readonly index: SymbolIndex) {}

  add(scanned: readonly ScannedFinding[]): void {
    for (const finding of scanned) {
      if (!finding.qualify) this.record(finding);
      else if (finding.qualify.anyOf.some((pattern) => pattern.startsWith('finding:'))) this.dependent.push(finding);
      else if (this.holds(finding.symbol, finding.qualify)) this.record(withoutQualify(finding));
    }
  }

  /** The findings confirmed, those that depend on others now checked too, and the hints that hold. */
  finish(hints: readonly Hint[]): { findings: Finding[]; hints: Hint[] } {
    for (const finding of this.dependent) if (finding.qualify && this.holds(finding.symbol, finding.qualify)) this.record(withoutQualify(finding));
    const keptHints = hints.filter((hint) => !hint.qualify || this.holds(hint.symbol, hint.qualify)).map(withoutQualify);
    return { findings: this.findings, hints: keptHints };
  }

  private record(finding: Finding): void {
    this.findings.push(finding);
    const categories = this.findingsBySymbol.get(finding.symbol) ?? new Set<string>();
    categories.add(finding.category);
    this.findingsBySymbol.set(finding.symbol, categories);
  }

  private holds(symbol: string, qualify: NonNullable<ScannedFinding['qualify']>): boolean {
    return qualifiesAs(this.index, SymbolId.parse(symbol).path, qualify.name, qualify.anyOf, this.findingsBySymbol);
  }
}

/** A copy without its `qualify`, which has been checked. */
function withoutQualify<T extends { qualify?: unknown }>(item: T): T {
  const copy = { ...item };
  delete copy.qualify;
  return copy;
}
