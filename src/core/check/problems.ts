import { LAYER_DEPENDENCY_RULE } from '../config/workspaceConfig';
import type { LayerRule } from '../layers/violations';
import type { AnalysisResult, Position, RelativePath } from '../result';

/** How a problem counts in `archtrace check`: an error fails the check, a warning counts towards `--max-warnings`, off drops it. */
export type ProblemSeverity = 'error' | 'warning' | 'off';

/** A kind of problem the check reports, as SARIF and the text output describe it. */
export interface ProblemRule {
  id: string;
  /** One sentence: what the problem is. */
  summary: string;
  /** The section of docs/diagnostics.md that says what to do about it. */
  docsAnchor: 'layer-rules' | 'n-plus-one';
}

/** One problem found in the workspace: a layer violation or an N+1 query. */
export interface Problem {
  ruleId: string;
  severity: Exclude<ProblemSeverity, 'off'>;
  path: RelativePath;
  start: Position;
  /** The end of the text at fault, when the analysis knows it (the read of an N+1 query). */
  end?: Position;
  message: string;
  /**
   * What identifies the problem across runs whatever line it moves to: the rule, the file and
   * the code at fault (the imported name, the relation read), numbered when the file repeats it.
   */
  fingerprint: string;
}

/** Every diagnostic ArchTrace can report: the layer rules of its knowledge, then the N+1 query. */
export function problemRules(layerRules: readonly LayerRule[]): ProblemRule[] {
  const layerRuleIds = new Set<string>();
  return [
    // The team's allowed dependencies make a rule per pair of layers, all of one id: it is described once.
    ...layerRules.filter((rule) => !layerRuleIds.has(rule.id) && layerRuleIds.add(rule.id)).map((rule): ProblemRule => ({ id: rule.id, summary: rule.id === LAYER_DEPENDENCY_RULE ? 'An import from one layer into another that the dependencies of archtrace.yml do not allow.' : rule.message, docsAnchor: 'layer-rules' })),
    { id: 'n-plus-one', summary: 'A loop over a query reads, for each item, a relation the query did not load: one query more per item.', docsAnchor: 'n-plus-one' },
  ];
}

/**
 * The result's layer violations and N+1 queries as problems of the severity configured for their
 * rule (warning unless configured), in the order of their files and lines.
 */
export function collectProblems(result: Pick<AnalysisResult, 'violations' | 'queryWarnings'>, severities: Readonly<Record<string, ProblemSeverity>> = {}): Problem[] {
  const severityOf = (ruleId: string): ProblemSeverity => severities[ruleId] ?? 'warning';
  const seen = new Map<string, number>();
  const fingerprint = (...parts: string[]): string => {
    const key = parts.join('|');
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? key : `${key}|${count}`;
  };
  const problems: Problem[] = [];
  const add = (problem: Omit<Problem, 'severity'>): void => {
    const severity = severityOf(problem.ruleId);
    if (severity !== 'off') problems.push({ ...problem, severity });
  };
  const ordered = <T extends { path: string }>(items: readonly T[], line: (item: T) => number): T[] => [...items].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : line(a) - line(b)));
  for (const violation of ordered(result.violations, (item) => item.line)) {
    add({ ruleId: violation.rule, path: violation.path, start: { line: violation.line, character: 0 }, message: `${violation.message} (${violation.imported})`, fingerprint: fingerprint(violation.rule, violation.path, violation.imported) });
  }
  for (const warning of ordered(result.queryWarnings, (item) => item.access.line)) {
    add({
      ruleId: warning.rule,
      path: warning.path,
      start: warning.access,
      end: { line: warning.access.line, character: warning.access.character + warning.read.length },
      message: warning.message,
      fingerprint: fingerprint(warning.rule, warning.path, warning.relation, warning.read),
    });
  }
  return problems;
}

/** What the check's exit code says: 1 when an error was found or the warnings exceed the allowance. */
export function checkFails(problems: readonly Problem[], maxWarnings: number | undefined): boolean {
  const warnings = problems.filter((problem) => problem.severity === 'warning').length;
  return problems.some((problem) => problem.severity === 'error') || (maxWarnings !== undefined && warnings > maxWarnings);
}
