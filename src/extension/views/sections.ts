import * as vscode from 'vscode';
import { implementationsLabel } from '../labels';
import { describeKind, evidenceByWeight, QUESTION_TITLES } from '../../core/render/text';
import { type AnalysisResult, type Finding, type FindingCategory, SymbolId } from '../../core/result';
import { listIn } from '../../core/lists';

/** A node of a view: plain data built from one result, so providers only map it to tree items. */
export interface AnalysisNode {
  label: string;
  description?: string;
  tooltip?: string;
  icon?: string;
  /** Opens this file (absolute path) at this 0-based line when the node is selected. */
  location?: { file: string; line: number };
  children?: AnalysisNode[];
  /** For the context menu: the symbol to copy, or the route to trace (with its folder). */
  symbol?: string;
  route?: { root: string; route: string };
  /** For the context menu: the entity to show in the diagram (with its folder). */
  entity?: { root: string; name: string };
}

type At = (path: string, line?: number) => { file: string; line: number };

const LAYER_ICONS: Readonly<Record<string, string>> = {
  api: 'globe', routing: 'globe', http: 'globe', 'public-api': 'symbol-interface', application: 'gear', middleware: 'filter', core: 'circuit-board',
  domain: 'symbol-class', orm: 'database', auth: 'shield', infrastructure: 'database', adapter: 'plug', driver: 'plug', test: 'beaker',
  example: 'book', config: 'settings-gear', migration: 'history',
};

/** Whether the path's last name has a dot with something after it (`app/models.py`, not `app`). */
function hasExtension(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.indexOf('.');
  return dot >= 0 && dot < name.length - 1;
}

/** Overview: the verdict, the evidence that decided it, mixed parts, and what was skipped. */
export function overviewNodes(result: AnalysisResult, at: At): AnalysisNode[] {
  const nodes: AnalysisNode[] = [
    {
      // With no evidence the kind is the tie-break's guess: say so rather than name one.
      label: vscode.l10n.t('Kind: {0}', result.kind.evidence.length ? result.kind.kind : vscode.l10n.t('undetermined')),
      description: describeKind(result.kind),
      icon: 'symbol-namespace',
      // Who uses it first, then what it offers; the heaviest first within each.
      children: evidenceByWeight(result.kind).map((evidence) => ({
        label: evidence.signal,
        description: `+${evidence.weight} ${evidence.favours} · ${evidence.path}`,
        tooltip: `${QUESTION_TITLES[evidence.question]}: +${evidence.weight} ${evidence.favours}`,
        icon: 'pass',
        // Evidence may name a folder, which the editor cannot open as a document.
        ...(hasExtension(evidence.path) ? { location: at(evidence.path) } : {}),
      })),
    },
  ];
  for (const part of result.kind.parts) nodes.push({ label: vscode.l10n.t('Part: {0}', part.path), description: part.kind, icon: 'split-horizontal' });
  const layers = layerNodes(result, at);
  if (layers.length) {
    // The layers at a glance; their files are in the Structure view, folded by default.
    nodes.push({ label: vscode.l10n.t('Layers'), description: layers.map((layer) => `${layer.label} ${layer.description}`).join(' · '), tooltip: vscode.l10n.t('Files by layer role: the Structure view lists them.'), icon: 'layers' });
  }
  if (result.violations.length) {
    nodes.push({
      label: vscode.l10n.t('Layer violations'),
      description: `${result.violations.length}`,
      icon: 'warning',
      children: result.violations.map((violation) => ({ label: `${violation.path}:${violation.line + 1}`, description: `${violation.rule} · ${violation.imported}`, tooltip: violation.message, location: at(violation.path, violation.line) })),
    });
  }
  if (result.skipped.length) {
    nodes.push({
      label: vscode.l10n.t('Skipped'),
      description: `${result.skipped.length}`,
      icon: 'circle-slash',
      children: result.skipped.map((skipped) => ({ label: skipped.path, description: skipped.reason, location: at(skipped.path) })),
    });
  }
  return nodes;
}

/** Layers: files grouped by their layer role (in the guide's order), then their findings. */
export function layerNodes(result: AnalysisResult, at: At): AnalysisNode[] {
  const findingsByPath = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    const { path } = SymbolId.parse(finding.symbol);
    listIn(findingsByPath, path).push(finding);
  }
  const byLayer = new Map<string, AnalysisNode[]>();
  for (const file of result.files) {
    const findings = findingsByPath.get(file.path) ?? [];
    byLayer.set(file.layer, [
      ...(byLayer.get(file.layer) ?? []),
      {
        label: file.path,
        description: file.confidence === 'stated' ? undefined : file.confidence,
        tooltip: file.reasons.join('\n'),
        location: at(file.path),
        children: findings.map((finding) => findingNode(finding, at, finding.category)),
      } as AnalysisNode,
    ]);
  }
  const order = Object.keys(LAYER_ICONS);
  const rank = (layer: string) => (order.indexOf(layer) < 0 ? order.length : order.indexOf(layer));
  return [...byLayer]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([layer, files]) => ({ label: layer, description: `${files.length}`, icon: LAYER_ICONS[layer] ?? 'folder', children: files }));
}

/**
 * Structure: the layers, the extension points and the interfaces as sections of one view, folded
 * so that all three show in a small pane. A section with nothing in it stays, saying what ArchTrace
 * looked for.
 */
export function structureNodes(result: AnalysisResult, at: At): AnalysisNode[] {
  const section = (label: string, icon: string, children: AnalysisNode[], none: string): AnalysisNode =>
    children.length ? { label, description: `${children.length}`, icon, children } : { label, description: vscode.l10n.t('none found'), tooltip: none, icon };
  return [
    section(vscode.l10n.t('Layers'), 'layers', layerNodes(result, at), vscode.l10n.t('No file was read: see Skipped in the Overview.')),
    section(vscode.l10n.t('Extension Points'), 'extensions', extensionPointNodes(result, at), vscode.l10n.t('No middleware, decorators, signals, managers, tasks, events or error handlers were found.')),
    section(vscode.l10n.t('Interfaces & Data'), 'symbol-interface', interfaceNodes(result, at), vscode.l10n.t('No interfaces with implementations, repositories or models were found.')),
  ];
}

const EXTENSION_POINTS: readonly FindingCategory[] = ['middleware', 'decorator', 'signal', 'receiver', 'manager', 'task', 'event', 'error-handler'];

/** Extension points: middleware (in settings order where stated), decorators with their uses, signals with receivers and senders, managers, tasks, events. */
export function extensionPointNodes(result: AnalysisResult, at: At): AnalysisNode[] {
  return EXTENSION_POINTS.flatMap((category) => {
    const findings = result.findings.filter((finding) => finding.category === category);
    if (!findings.length) return [];
    return [{ label: categoryLabel(category), description: `${findings.length}`, icon: 'extensions', children: findings.map((finding) => findingNode(finding, at)) }];
  });
}

/** Routes, grouped by the file that declares them: `METHOD path → handler`. */
export function routeNodes(result: AnalysisResult, at: At): AnalysisNode[] {
  const byFile = new Map<string, AnalysisNode[]>();
  for (const route of result.routes) {
    const declared = route.source?.path ?? SymbolId.parse(route.handler).path;
    byFile.set(declared, [
      ...(byFile.get(declared) ?? []),
      {
        label: `${route.method} ${route.path}`,
        description: `→ ${SymbolId.label(route.handler)}`,
        tooltip: `${route.handler} (${route.framework})`,
        icon: 'symbol-method',
        location: at(declared, route.source?.line ?? 0),
        symbol: route.handler,
        route: { root: result.root, route: `${route.method} ${route.path}` },
      },
    ]);
  }
  return [...byFile].map(([file, routes]) => ({ label: file, description: `${routes.length}`, icon: 'file-code', children: routes }));
}

/** Interfaces with their implementations; then models and repositories, the data-access side. */
export function interfaceNodes(result: AnalysisResult, at: At): AnalysisNode[] {
  const lines = new Map(result.findings.map((finding) => [finding.symbol, finding.range.start.line]));
  const symbolNode = (symbol: string, icon: string): AnalysisNode => {
    const { path, name } = SymbolId.parse(symbol);
    return { label: name, description: path, icon, symbol, location: at(path, lines.get(symbol) ?? 0) };
  };
  const nodes: AnalysisNode[] = result.interfaces.map((entry) => ({
    ...symbolNode(entry.base, 'symbol-interface'),
    description: implementationsLabel(entry.implementations.length),
    children: entry.implementations.map((implementation) => symbolNode(implementation, 'symbol-class')),
  }));
  for (const category of ['repository', 'model'] as const) {
    const findings = result.findings.filter((finding) => finding.category === category);
    if (findings.length) nodes.push({ label: categoryLabel(category), description: `${findings.length}`, icon: 'database', children: findings.map((finding) => findingNode(finding, at)) });
  }
  return nodes;
}

/**
 * Data model: each entity with its columns, relationships, rules and hints (each opening where the
 * code or schema states it), then the N+1 queries found.
 */
export function dataModelNodes(result: AnalysisResult, at: At): AnalysisNode[] {
  const { entities, relationships } = result.dataModel;
  const nodes: AnalysisNode[] = entities.map((entity) => {
    const columns: AnalysisNode[] = entity.columns.map((column) => ({
      label: column.name,
      description: `${column.type}${column.nullable ? ' · null' : ''}${column.references ? ` → ${column.references.entity}` : ''}`,
      icon: column.primaryKey ? 'key' : column.references ? 'references' : 'symbol-field',
      location: at(column.location.path, column.location.line),
    }));
    const related: AnalysisNode[] = relationships.flatMap((relation): AnalysisNode[] => {
      const outgoing = relation.from === entity.name;
      if (!outgoing && relation.to !== entity.name) return [];
      return [{
        label: outgoing ? `→ ${relation.to}` : `← ${relation.from}`,
        description: `${relation.field} · ${relation.cardinality}${relation.required ? ` · ${vscode.l10n.t('required')}` : ''}`,
        icon: 'type-hierarchy',
        location: at(relation.location.path, relation.location.line),
      }];
    });
    const group = (label: string, icon: string, children: AnalysisNode[]): AnalysisNode[] => (children.length ? [{ label, description: `${children.length}`, icon, children }] : []);
    return {
      label: entity.name,
      description: `${entity.table} · ${entity.source}`,
      tooltip: `${entity.location.path}:${entity.location.line + 1}`,
      icon: 'database',
      location: at(entity.location.path, entity.location.line),
      ...(entity.symbol ? { symbol: entity.symbol } : {}),
      entity: { root: result.root, name: entity.name },
      children: [
        ...group(vscode.l10n.t('Columns'), 'symbol-field', columns),
        ...group(vscode.l10n.t('Relationships'), 'type-hierarchy', related),
        ...group(vscode.l10n.t('Rules'), 'law', entity.rules.map((rule) => ({ label: rule.text, description: rule.kind, tooltip: rule.text, icon: 'law', location: at(rule.location.path, rule.location.line) }))),
        ...group(vscode.l10n.t('Hints'), 'zap', entity.hints.map((hint) => ({ label: hint.text, ...(hint.name ? { description: hint.name } : {}), tooltip: hint.text, icon: 'zap', location: at(hint.location.path, hint.location.line) }))),
      ],
    };
  });
  if (result.queryWarnings.length) {
    nodes.push({
      label: vscode.l10n.t('N+1 queries'),
      description: `${result.queryWarnings.length}`,
      icon: 'warning',
      children: result.queryWarnings.map((warning) => ({
        label: `${warning.path}:${warning.access.line + 1}`,
        description: `${warning.relation} · ${warning.fix}`,
        tooltip: warning.message,
        icon: 'warning',
        location: at(warning.path, warning.access.line),
      })),
    });
  }
  return nodes;
}

function findingNode(finding: Finding, at: At, prefix?: string): AnalysisNode {
  const { path, name } = SymbolId.parse(finding.symbol);
  const related = ['receivers', 'senders', 'usedBy', 'registeredAt', 'order', 'imports', 'controllers', 'providers', 'exports'].flatMap((key) => {
    const values = finding.details[key];
    return Array.isArray(values) ? values.map((value): AnalysisNode => ({ label: String(value), description: key, icon: 'arrow-small-right' })) : [];
  });
  return {
    label: prefix ? `${prefix}: ${name}` : name,
    symbol: finding.symbol,
    description: `${path}:${finding.range.start.line + 1}`,
    tooltip: `${finding.symbol}\n${Object.entries(finding.details).map(([key, value]) => `${key}: ${JSON.stringify(value)}`).join('\n')}`,
    location: at(path, finding.range.start.line),
    ...(related.length ? { children: related } : {}),
  };
}

function categoryLabel(category: FindingCategory): string {
  const labels: Record<FindingCategory, string> = {
    route: vscode.l10n.t('Routes'), middleware: vscode.l10n.t('Middleware'), decorator: vscode.l10n.t('Decorators'), signal: vscode.l10n.t('Signals'),
    receiver: vscode.l10n.t('Receivers'), manager: vscode.l10n.t('Managers'), model: vscode.l10n.t('Models'), repository: vscode.l10n.t('Repositories'),
    interface: vscode.l10n.t('Interfaces'), task: vscode.l10n.t('Tasks'), event: vscode.l10n.t('Events'),
    transaction: vscode.l10n.t('Transactions'), 'error-handler': vscode.l10n.t('Error handlers'), 'error-response': vscode.l10n.t('Error responses'),
  };
  return labels[category];
}
