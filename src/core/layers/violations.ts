import { listIn, NONE, sameList } from '../lists';
import { Turns } from '../nextTurn';
import { type DataFile, readDataFile } from '../knowledge/dataFile';
import type { LayerRuleDocument } from '../knowledge/documents';
import type { FileFacts } from '../parse/facts';
import { type ResolvedImport, resolvedImports } from './imports';
import { isWithinModule } from '../resolve/modules';
import type { SymbolIndex } from '../resolve/symbolIndex';
import type { Finding, Violation } from '../result';

/** A rule as `layer-rules.yml` writes it: the schema gives it exactly one of `to` and `toExternal`. */
export type LayerRule = LayerRuleDocument;

/** Reads `layer-rules.yml` (or a user's file of the same shape). */
export function parseLayerRules(file: DataFile): LayerRule[] {
  return readDataFile('layerRulesFile', file).rules;
}

/**
 * What a check of the violations found, for the next update's: per file checked, the imports as
 * resolved (the index's kept part) and what broke a rule; and the findings' categories the rules read.
 */
export interface KeptViolations {
  byFile: ReadonlyMap<string, { imports: readonly ResolvedImport[]; found: readonly Violation[] }>;
  categoriesBySymbol: ReadonlyMap<string, readonly string[]>;
  categoriesByFile: ReadonlyMap<string, readonly string[]>;
}

/**
 * Imports that break a rule: each import of each file is resolved to the workspace file (and
 * symbol) it reaches, or to the outside module it names, and compared with the layers of both ends.
 * Only layers the repository states (in folder and file names) are held to the rules: a role
 * ArchTrace inferred or defaulted is a guess, and a guess makes no violation.
 * A file's violations are taken over from the last check (`earlier`) while nothing they depend on
 * changed: every file's layer (`layersSame`: the same entries as then), the categories of the
 * findings the rules read, and the file's imports as resolved (the same kept part).
 */
export async function findViolations(
  index: SymbolIndex,
  files: readonly FileFacts[],
  roleOf: (path: string) => { layer: string; confidence: string } | undefined,
  findings: readonly Finding[],
  rules: readonly LayerRule[],
  turns = new Turns(),
  earlier?: { kept: KeptViolations; layersSame: boolean },
): Promise<{ violations: Violation[]; kept: KeptViolations }> {
  const layerOf = (path: string) => {
    const role = roleOf(path);
    return role?.confidence === 'stated' ? role.layer : '';
  };
  // Only the categories some rule reads are noted: a large workspace has tens of thousands of findings.
  const toCategories = new Set(rules.flatMap((rule) => rule.toCategories ?? []));
  const fromCategories = new Set(rules.flatMap((rule) => rule.unlessFromHolds ?? []));
  const categoriesBySymbol = new Map<string, string[]>();
  const categoriesByFile = new Map<string, string[]>();
  await turns.each(findings, (finding) => {
    if (toCategories.has(finding.category)) listIn(categoriesBySymbol, finding.symbol).push(finding.category);
    if (fromCategories.has(finding.category)) listIn(categoriesByFile, finding.symbol.slice(0, finding.symbol.lastIndexOf(':'))).push(finding.category);
  });
  const last = earlier?.layersSame && sameCategories(earlier.kept.categoriesBySymbol, categoriesBySymbol) && sameCategories(earlier.kept.categoriesByFile, categoriesByFile) ? earlier.kept.byFile : undefined;
  const rulesFrom = new Map<string, LayerRule[]>();
  for (const rule of rules) listIn(rulesFrom, rule.from).push(rule);
  const violations: Violation[] = [];
  const byFile = new Map<string, { imports: readonly ResolvedImport[]; found: readonly Violation[] }>();
  await turns.each(files, (file) => {
    const fromRules = rulesFrom.get(layerOf(file.path));
    if (!fromRules) return;
    const holds = categoriesByFile.get(file.path);
    const applicable = holds ? fromRules.filter((rule) => !rule.unlessFromHolds?.some((category) => holds.includes(category))) : fromRules;
    if (!applicable.length) return;
    const targets = resolvedImports(index, file);
    const before = last?.get(file.path);
    const found = before?.imports === targets ? before.found : brokenRules(file, targets, applicable, layerOf, categoriesBySymbol);
    byFile.set(file.path, { imports: targets, found });
    violations.push(...found);
  });
  return { violations, kept: { byFile, categoriesBySymbol, categoriesByFile } };
}

/** The rules a file's imports break. */
function brokenRules(file: FileFacts, targets: readonly ResolvedImport[], applicable: readonly LayerRule[], layerOf: (path: string) => string, categoriesBySymbol: ReadonlyMap<string, readonly string[]>): readonly Violation[] {
  const violations: Violation[] = [];
  for (const { statement, imported: targetsOfStatement } of targets) {
    // An import under `if TYPE_CHECKING:` never runs: it is no dependency between layers.
    if (statement.typeOnly) continue;
    for (const imported of targetsOfStatement) {
      // Once per import, not per rule: tens of thousands of files' imports are looked at every update.
      const toLayer = imported.file !== undefined && imported.file !== file.path ? layerOf(imported.file) : undefined;
      // Checked per import and rule, every update: nothing is made unless a rule is broken.
      for (const rule of applicable) {
        const broken = rule.to
          ? toLayer === rule.to && (!rule.toCategories || holdsAny(imported.symbol === undefined ? undefined : categoriesBySymbol.get(imported.symbol), rule.toCategories))
          : imported.external !== undefined && isOrUnder(imported.external, rule.toExternal);
        if (broken) violations.push({ rule: rule.id, path: file.path, line: statement.line, imported: imported.written, message: rule.message });
      }
    }
  }
  // Most files break none: one shared empty list for them.
  return violations.length ? violations : NONE;
}

function sameCategories(before: ReadonlyMap<string, readonly string[]>, now: ReadonlyMap<string, readonly string[]>): boolean {
  if (before.size !== now.size) return false;
  for (const [key, categories] of now) {
    const earlier = before.get(key);
    if (!earlier || !sameList(earlier, categories)) return false;
  }
  return true;
}

/** Whether a symbol holds a finding of one of the categories. */
function holdsAny(held: readonly string[] | undefined, categories: readonly string[]): boolean {
  if (held) for (const category of held) if (categories.includes(category)) return true;
  return false;
}

/** Whether an outside module is one of the given ones or inside one (`requests.adapters` is in `requests`). */
function isOrUnder(module: string, modules: readonly string[] | undefined): boolean {
  if (modules) for (const listed of modules) if (isWithinModule(module, listed)) return true;
  return false;
}
