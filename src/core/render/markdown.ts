import { type AnalysisResult, type FindingCategory, SymbolId } from '../result';
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
};

/** The result as a Markdown report; a pure function, like every renderer. */
export function renderMarkdown(result: AnalysisResult): string {
  const lines: string[] = [`# ArchTrace: ${result.root}`, '', `**${describeKind(result.kind)}**`, ''];
  if (result.kind.evidence.length) {
    lines.push('| question | signal | favours | weight | where |', '|---|---|---|---|---|');
    for (const evidence of evidenceByWeight(result.kind)) lines.push(`| ${QUESTION_TITLES[evidence.question]} | ${cell(evidence.signal)} | ${evidence.favours} | ${evidence.weight} | \`${cell(evidence.path)}\` |`);
    lines.push('');
  }

  lines.push('## Layers', '');
  const byLayer = new Map<string, string[]>();
  for (const file of result.files) listIn(byLayer, file.layer).push(file.path);
  for (const [layer, paths] of [...byLayer].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`- **${layer}** (${paths.length}): ${paths.slice(0, 12).map((path) => `\`${cell(path)}\``).join(', ')}${paths.length > 12 ? ', …' : ''}`);
  }
  lines.push('');

  if (result.routes.length) {
    lines.push('## Routes', '', '| method | path | handler |', '|---|---|---|');
    for (const route of result.routes) lines.push(`| ${route.method} | \`${cell(route.path)}\` | \`${cell(route.handler)}\` |`);
    lines.push('');
  }

  for (const [category, title] of Object.entries(CATEGORY_TITLES) as [FindingCategory, string][]) {
    if (category === 'route') continue;
    const findings = result.findings.filter((finding) => finding.category === category);
    if (!findings.length) continue;
    lines.push(`## ${title}`, '');
    for (const finding of findings) {
      const { path } = SymbolId.parse(finding.symbol);
      lines.push(`- \`${cell(finding.symbol)}\` (${path}:${finding.range.start.line + 1}, ${finding.layer})`);
    }
    lines.push('');
  }

  if (result.interfaces.length) {
    lines.push('## Interfaces and implementations', '');
    for (const entry of result.interfaces) {
      lines.push(`- \`${cell(entry.base)}\`: ${entry.implementations.length ? entry.implementations.map((name) => `\`${cell(name)}\``).join(', ') : 'no implementation in the workspace'}`);
    }
    lines.push('');
  }

  lines.push(...dataModelMarkdown(result));

  if (result.skipped.length) {
    lines.push('## Skipped', '');
    for (const skipped of result.skipped) lines.push(`- \`${cell(skipped.path)}\`: ${skipped.reason}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** Entities with what the schema says about them, relationships, and the N+1 queries found. */
function dataModelMarkdown(result: AnalysisResult): string[] {
  const lines: string[] = [];
  const { entities, relationships } = result.dataModel;
  if (entities.length) {
    lines.push('## Data model', '');
    for (const entity of entities) {
      const columns = entity.columns.map((column) => `${column.primaryKey ? '🔑' : ''}${column.name}${column.nullable ? '?' : ''}${column.references ? ` → ${column.references.entity}` : ''}`);
      lines.push(`### ${cell(entity.name)} (\`${cell(entity.table)}\`, ${entity.source}, ${entity.location.path}:${entity.location.line + 1})`, '', `Columns: ${columns.map((column) => `\`${cell(column)}\``).join(', ')}`, '');
      for (const rule of entity.rules) lines.push(`- rule: ${rule.text}`);
      for (const hint of entity.hints) lines.push(`- hint: ${hint.text}`);
      if (entity.rules.length || entity.hints.length) lines.push('');
    }
    if (relationships.length) {
      lines.push('### Relationships', '');
      for (const relation of relationships) {
        lines.push(`- ${cell(relation.from)}.${cell(relation.field)} → ${cell(relation.to)} (${relation.cardinality}${relation.required ? ', required' : ''}${relation.onDelete ? `, on delete ${relation.onDelete}` : ''})`);
      }
      lines.push('');
    }
  }
  if (result.queryWarnings.length) {
    lines.push('## N+1 queries', '');
    for (const warning of result.queryWarnings) lines.push(`- \`${cell(warning.path)}:${warning.access.line + 1}\` ${cell(warning.relation)}: ${cell(warning.message)}`);
    lines.push('');
  }
  return lines;
}

/** Keeps a value from breaking a table row or a code span. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/`/g, "'").replace(/\r?\n/g, ' ');
}
