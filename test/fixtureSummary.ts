import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalysisResult } from '../src/core/result';
import { analyzeFolder } from '../src/node/analyzeFolder';
import { ROOT } from './helpers';

/**
 * The fixture workspaces (written for ArchTrace, one per framework family and kind): each folder
 * of test/fixtures, with the reviewed summary of what it holds beside it in `<name>.expected.json`.
 * `npm run test:update` rewrites the summaries from the analysis: the diff is what a reviewer reads.
 */
export const FIXTURES = join(ROOT, 'test', 'fixtures');

export function fixtureNames(): string[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export function expectationFile(name: string): string {
  return join(FIXTURES, `${name}.expected.json`);
}

/** The summary of a fixture's analysis, as its expectation file holds it. */
export async function fixtureSummaryText(name: string): Promise<string> {
  const { result } = await analyzeFolder(join(FIXTURES, name), { threads: 1 });
  return `${JSON.stringify(summarize(result), null, 2)}\n`;
}

/** What a careful reader lists in a workspace: routes, findings by category, interfaces, the data model, N+1 warnings. */
export function summarize(result: AnalysisResult): Record<string, unknown> {
  const findings: Record<string, string[]> = {};
  for (const finding of result.findings) (findings[finding.category] ??= []).push(finding.symbol);
  for (const list of Object.values(findings)) list.sort();
  return {
    kind: result.kind.kind,
    routes: result.routes.map((route) => `${route.method} ${route.path} -> ${route.handler}`),
    findings: Object.fromEntries(Object.entries(findings).sort(([a], [b]) => a.localeCompare(b))),
    interfaces: result.interfaces.map((entry) => `${entry.base} <- ${entry.implementations.join(', ')}`),
    entities: result.dataModel.entities.map((entity) => ({
      entity: `${entity.name} (table ${entity.table}, from ${entity.source}): ${entity.columns.map((column) => `${column.name}${column.nullable ? '?' : ''}${column.references ? ` -> ${column.references.entity}` : ''}`).join(', ')}`,
      rules: entity.rules.map((rule) => rule.text),
      hints: entity.hints.map((hint) => hint.text),
    })),
    relationships: result.dataModel.relationships.map((relation) => `${relation.from}.${relation.field} -> ${relation.to} (${relation.cardinality}${relation.required ? ', required' : ''}${relation.onDelete ? `, on delete ${relation.onDelete}` : ''})`),
    queryWarnings: result.queryWarnings.map((warning) => `${warning.path}:${warning.loop.line + 1} ${warning.relation}: ${warning.fix}${warning.insertAt ? ' (quick fix)' : ''}`),
  };
}

