import { type AnalysisResult, type FindingCategory, SymbolId } from '../result';
import { markdownCode as code, markdownFence, markdownText as text } from './escape';
import type { ArchitectureMap } from '../map/architectureMap';
import { renderMapMermaid } from './mapMermaid';
import { describeKind, evidenceByWeight, QUESTION_TITLES } from './text';
import { listIn } from '../lists';

const CATEGORY_TITLES: Readonly<Record<FindingCategory, string>> = {
  route: 'Routes',
  middleware: 'Middleware',
  decorator: 'Decorators',
  signal: 'Signals',
  receiver: 'Receivers',
  manager: 'Managers',
  model: 'Models',
  repository: 'Repositories',
  interface: 'Interfaces',
  task: 'Tasks',
  event: 'Events',
  transaction: 'Transactions',
  'error-handler': 'Error handlers',
  'error-response': 'Error responses',
};

/** The result as a Markdown report, with the architecture map when given; a pure function, like every renderer. */
export function renderMarkdown(result: AnalysisResult, map?: ArchitectureMap): string {
  const lines: string[] = [`# ArchTrace: ${text(result.root)}`, '', `**${describeKind(result.kind)}**`, ''];
  if (result.kind.evidence.length) {
    lines.push('| question | signal | favours | weight | where |', '|---|---|---|---|---|');
    for (const evidence of evidenceByWeight(result.kind)) lines.push(`| ${QUESTION_TITLES[evidence.question]} | ${text(evidence.signal)} | ${evidence.favours} | ${evidence.weight} | ${code(evidence.path)} |`);
    lines.push('');
  }

  lines.push('## Layers', '');
  const byLayer = new Map<string, string[]>();
  for (const file of result.files) listIn(byLayer, file.layer).push(file.path);
  for (const [layer, paths] of [...byLayer].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`- **${text(layer)}** (${paths.length}): ${paths.slice(0, 12).map(code).join(', ')}${paths.length > 12 ? ', …' : ''}`);
  }
  lines.push('');

  if (map?.boxes.length) lines.push('## Architecture map', '', ...markdownFence(renderMapMermaid(map)).map((line, position) => (position === 0 ? `${line}mermaid` : line)), '');

  if (result.routes.length) {
    // Routes a test declares (a test app of a framework's own tests) are test code: counted, not listed, so the examples' routes are not buried.
    const inTests = result.routes.filter((route) => isTestFile(result, SymbolId.parse(route.handler).path));
    lines.push('## Routes', '');
    if (inTests.length < result.routes.length) lines.push('| method | path | handler |', '|---|---|---|');
    for (const route of result.routes) if (!inTests.includes(route)) lines.push(`| ${text(route.method)} | ${code(route.path)} | ${code(route.handler)} |`);
    if (inTests.length) lines.push('', `_${text(`${inTests.length} more in test files: test code, not listed`)}_`);
    lines.push('');
  }

  for (const [category, title] of Object.entries(CATEGORY_TITLES) as [FindingCategory, string][]) {
    if (category === 'route') continue;
    const findings = result.findings.filter((finding) => finding.category === category);
    if (!findings.length) continue;
    lines.push(`## ${title}`, '');
    // What the tests define (a task declared in a test, a hook on a test app) is test code, not what the repository offers: counted, not listed.
    const inTests = findings.filter((finding) => finding.layer === 'test');
    for (const finding of findings) {
      if (finding.layer === 'test') continue;
      const { path } = SymbolId.parse(finding.symbol);
      lines.push(`- ${code(finding.symbol)} (${text(`${path}:${finding.range.start.line + 1}, ${finding.layer}`)})`);
    }
    if (inTests.length) lines.push(`- _${text(`${inTests.length} more in test files: test code, not listed`)}_`);
    lines.push('');
  }

  if (result.interfaces.length) {
    lines.push('## Interfaces and implementations', '');
    for (const entry of result.interfaces) {
      lines.push(`- ${code(entry.base)}: ${entry.implementations.length ? entry.implementations.map(code).join(', ') : 'no implementation in the workspace'}`);
    }
    lines.push('');
  }

  lines.push(...dataModelMarkdown(result));

  if (result.skipped.length) {
    lines.push('## Skipped', '');
    for (const skipped of result.skipped) lines.push(`- ${code(skipped.path)}: ${text(skipped.reason)}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** Whether a workspace file is in the test layer. */
function isTestFile(result: AnalysisResult, path: string): boolean {
  return result.files.some((file) => file.path === path && file.layer === 'test');
}

/** Entities with what the schema says about them, relationships, and the N+1 queries found. */
function dataModelMarkdown(result: AnalysisResult): string[] {
  const lines: string[] = [];
  // Models a test declares (a framework's own ORM tests) are test code: counted, not listed, with their relationships.
  const inTests = result.dataModel.entities.filter((entity) => isTestFile(result, entity.location.path));
  const entities = result.dataModel.entities.filter((entity) => !inTests.includes(entity));
  const listed = new Set(entities.map((entity) => entity.name));
  const relationships = result.dataModel.relationships.filter((relation) => listed.has(relation.from));
  if (entities.length || inTests.length) lines.push('## Data model', '');
  if (inTests.length) lines.push(`_${text(`${inTests.length} models in test files: test code, not listed`)}_`, '');
  if (entities.length) {
    for (const entity of entities) {
      const columns = entity.columns.map((column) => `${column.primaryKey ? '🔑' : ''}${column.name}${column.nullable ? '?' : ''}${column.references ? ` → ${column.references.entity}` : ''}`);
      lines.push(`### ${text(entity.name)} (${code(entity.table)}, ${text(`${entity.source}, ${entity.location.path}:${entity.location.line + 1}`)})`, '', `Columns: ${columns.map(code).join(', ')}`, '');
      for (const rule of entity.rules) lines.push(`- rule: ${text(rule.text)}`);
      for (const hint of entity.hints) lines.push(`- hint: ${text(hint.text)}`);
      if (entity.rules.length || entity.hints.length) lines.push('');
    }
    if (relationships.length) {
      lines.push('### Relationships', '');
      for (const relation of relationships) {
        lines.push(`- ${text(`${relation.from}.${relation.field}`)} → ${text(relation.to)} (${text(`${relation.cardinality}${relation.required ? ', required' : ''}${relation.onDelete ? `, on delete ${relation.onDelete}` : ''}`)})`);
      }
      lines.push('');
    }
  }
  if (result.queryWarnings.length) {
    lines.push('## N+1 queries', '');
    for (const warning of result.queryWarnings) lines.push(`- ${code(`${warning.path}:${warning.access.line + 1}`)} ${text(warning.relation)}: ${text(warning.message)}`);
    lines.push('');
  }
  return lines;
}
