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
function qualifiesAs(index: SymbolIndex, symbol: string, name: string, anyOf: readonly string[], findingsBySymbol: ReadonlyMap<string, Set<string>>): boolean {
  if (!name) return false;
  const { path } = SymbolId.parse(symbol);
  const member = /^(?:self|cls)\./.test(name) ? memberOfOwner(index, symbol, name.split('.').slice(1)) : undefined;
  const target = member ? { symbol: member } : index.qualify(path, name);
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
 * What `self.name` or `self.attribute.name` stands for in a method of a class: a method of the
 * class or of its workspace ancestors, or of the class an attribute is made of (`self.router =
 * Router()`, or a parameter annotated `Router`).
 */
function memberOfOwner(index: SymbolIndex, method: string, rest: readonly string[]): string | undefined {
  const { path, name } = SymbolId.parse(method);
  if (!name.includes('.')) return undefined;
  let owner: string | undefined = SymbolId.of(path, name.slice(0, name.lastIndexOf('.')));
  for (let position = 0; owner && position < rest.length; position++) {
    const part = rest[position] ?? '';
    const classes: string[] = index.definition(owner)?.kind === 'class' ? [owner, ...index.ancestry(owner).classes] : [];
    if (position === rest.length - 1) return classes.map((candidate) => `${candidate}.${part}`).find((candidate) => index.definition(candidate));
    const attribute = classes.flatMap((candidate) => (index.definition(candidate)?.attributes ?? []).filter((found) => found.name === part && found.type).map((found) => ({ candidate, type: found.type ?? '' })))[0];
    owner = attribute ? index.resolve(SymbolId.parse(attribute.candidate).path, bareTypeName(attribute.type)) : undefined;
  }
  return undefined;
}

/** The class a written type names: `Optional[Router]` → `Router`. */
function bareTypeName(written: string): string {
  const names = written.replace(/["']/g, '').match(/[A-Za-z_][\w.]*/g) ?? [];
  return names.find((name) => !['Optional', 'None', 'typing', 'Union'].includes(name)) ?? written;
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
    // A finding confirmed by another dependent one (a decorator delegating to a decorator that delegates) is confirmed in a later round.
    let pending = this.dependent;
    for (let confirmed = true; confirmed && pending.length; ) {
      const left: ScannedFinding[] = [];
      for (const finding of pending) {
        if (finding.qualify && this.holds(finding.symbol, finding.qualify)) this.record(withoutQualify(finding));
        else left.push(finding);
      }
      confirmed = left.length < pending.length;
      pending = left;
    }
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
    return qualifiesAs(this.index, symbol, qualify.name, qualify.anyOf, this.findingsBySymbol);
  }
}

/** A copy without its `qualify`, which has been checked. */
function withoutQualify<T extends { qualify?: unknown }>(item: T): T {
  const copy = { ...item };
  delete copy.qualify;
  return copy;
}
