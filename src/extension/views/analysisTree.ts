import * as vscode from 'vscode';
import { type AnalysisResult, type FindingCategory, SymbolId } from '../../core/result';
import { describeKind } from '../../core/render/text';
import type { WorkspaceAnalyses } from '../analyses';

/** A node of the tree: plain data, built once per result, so the provider only maps it to items. */
export interface AnalysisNode {
  label: string;
  description?: string;
  tooltip?: string;
  icon?: string;
  /** Opens this file (absolute path) at this 0-based line when the node is selected. */
  location?: { file: string; line: number };
  children?: AnalysisNode[];
}

const CATEGORY_LABELS: Readonly<Record<FindingCategory, string>> = {
  route: 'Routes', middleware: 'Middleware', decorator: 'Decorators', signal: 'Signals', receiver: 'Receivers', manager: 'Managers',
  model: 'Models', repository: 'Repositories', interface: 'Interfaces', task: 'Tasks', event: 'Events',
};

export class AnalysisTreeProvider implements vscode.TreeDataProvider<AnalysisNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: AnalysisNode[] = [];

  constructor(analyses: WorkspaceAnalyses) {
    analyses.onDidChange(() => this.show(analyses.all().map((analysis) => analysis.result)));
  }

  private show(results: readonly AnalysisResult[]): void {
    const perFolder = results.map(nodesOf);
    this.roots =
      perFolder.length === 1
        ? (perFolder[0] ?? [])
        : perFolder.map((children, index) => ({ label: results[index]?.root ?? '', icon: 'root-folder', children }));
    void vscode.commands.executeCommand('setContext', 'archtrace.analysed', true);
    this.changed.fire();
  }

  getChildren(node?: AnalysisNode): AnalysisNode[] {
    return node ? (node.children ?? []) : this.roots;
  }

  getTreeItem(node: AnalysisNode): vscode.TreeItem {
    const state = node.children?.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(node.label, state);
    if (node.description) item.description = node.description;
    if (node.tooltip) item.tooltip = node.tooltip;
    if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon);
    if (node.location) {
      const position = new vscode.Position(node.location.line, 0);
      item.command = {
        command: 'vscode.open',
        title: 'Open',
        arguments: [vscode.Uri.file(node.location.file), { selection: new vscode.Range(position, position) }],
      };
      item.resourceUri = vscode.Uri.file(node.location.file);
    }
    return item;
  }
}

export function nodesOf(result: AnalysisResult): AnalysisNode[] {
  const at = (path: string, line = 0) => ({ file: `${result.root}/${path}`, line });
  const nodes: AnalysisNode[] = [
    {
      label: `Kind: ${result.kind.kind}`,
      description: describeKind(result.kind),
      icon: 'symbol-namespace',
      children: result.kind.evidence.map((evidence) => ({
        label: evidence.signal,
        description: `+${evidence.weight} ${evidence.favours} · ${evidence.path}`,
        icon: 'pass',
        // Evidence may name a folder, which the editor cannot open as a document.
        ...(/\.[^/]+$/.test(evidence.path) ? { location: at(evidence.path) } : {}),
      })),
    },
  ];
  const byLayer = new Map<string, AnalysisNode[]>();
  for (const file of result.files) {
    byLayer.set(file.layer, [...(byLayer.get(file.layer) ?? []), { label: file.path, tooltip: file.reasons.join('\n'), location: at(file.path) }]);
  }
  nodes.push({
    label: 'Layers',
    description: `${result.files.length} files`,
    icon: 'layers',
    children: [...byLayer].sort(([a], [b]) => a.localeCompare(b)).map(([layer, files]) => ({ label: layer, description: `${files.length}`, icon: 'folder', children: files })),
  });
  const byCategory = new Map<FindingCategory, AnalysisNode[]>();
  for (const finding of result.findings) {
    const { path, name } = SymbolId.parse(finding.symbol);
    const node = { label: name, description: `${path}:${finding.range.start.line + 1}`, tooltip: finding.symbol, location: at(path, finding.range.start.line) };
    byCategory.set(finding.category, [...(byCategory.get(finding.category) ?? []), node]);
  }
  for (const [category, label] of Object.entries(CATEGORY_LABELS) as [FindingCategory, string][]) {
    const children = category === 'route' ? routeNodes(result, at) : byCategory.get(category);
    if (children?.length) nodes.push({ label, description: `${children.length}`, icon: 'symbol-event', children });
  }
  if (result.skipped.length) {
    nodes.push({
      label: 'Skipped',
      description: `${result.skipped.length}`,
      icon: 'warning',
      children: result.skipped.map((skipped) => ({ label: skipped.path, description: skipped.reason, location: at(skipped.path) })),
    });
  }
  return nodes;
}

function routeNodes(result: AnalysisResult, at: (path: string, line?: number) => { file: string; line: number }): AnalysisNode[] {
  const lines = new Map(result.findings.filter((finding) => finding.category === 'route').map((finding) => [finding.symbol, finding.range.start.line]));
  return result.routes.map((route) => {
    const { path } = SymbolId.parse(route.handler);
    return { label: `${route.method} ${route.path}`, description: route.handler, location: at(path, lines.get(route.handler) ?? 0) };
  });
}
