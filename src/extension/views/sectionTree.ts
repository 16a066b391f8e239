import * as vscode from 'vscode';
import { plainText } from '../../core/render/escape';
import type { AnalysisResult } from '../../core/result';
import type { WorkspaceResults } from '../results';
import type { AnalysisNode } from './sections';

/** One view of the ArchTrace container: a section of every folder's result, as a tree of plain nodes. */
export class SectionTreeProvider implements vscode.TreeDataProvider<AnalysisNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private all: AnalysisNode[] = [];
  private roots: AnalysisNode[] = [];
  private filter = '';
  /** Items of a filtered tree get ids of their own, so the editor opens them instead of keeping the old collapsed state. */
  private readonly ids = new WeakMap<AnalysisNode, string>();
  private nextId = 0;

  constructor(
    results: WorkspaceResults,
    private readonly build: (result: AnalysisResult, at: (path: string, line?: number) => { file: string; line: number }) => AnalysisNode[],
  ) {
    results.onDidChange(() => {
      const all = results.all();
      const perFolder = all.map((result) => this.build(result, (path, line = 0) => ({ file: `${result.root}/${path}`, line })));
      this.all = perFolder.length === 1 ? (perFolder[0] ?? []) : perFolder.map((children, index) => ({ label: all[index]?.root ?? '', icon: 'root-folder', children }));
      this.applyFilter();
    });
  }

  /** Shows only the nodes whose label or description holds the text (case-insensitive), with their ancestors. */
  setFilter(text: string): void {
    this.filter = text.trim().toLowerCase();
    this.applyFilter();
  }

  private applyFilter(): void {
    // Fresh node objects each time, so each filtering gets fresh ids (and opens expanded).
    this.roots = this.filter ? filterNodes(this.all, this.filter).map((node) => ({ ...node })) : this.all;
    this.changed.fire();
  }

  getChildren(node?: AnalysisNode): AnalysisNode[] {
    return node ? (node.children ?? []) : this.roots;
  }

  getTreeItem(node: AnalysisNode): vscode.TreeItem {
    const open = this.filter ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const state = node.children?.length ? open : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(plainText(node.label), state);
    if (this.filter) {
      const id = this.ids.get(node) ?? `filtered-${this.nextId++}`;
      this.ids.set(node, id);
      item.id = id;
    }
    if (node.description) item.description = plainText(node.description);
    // A plain tooltip keeps its lines.
    if (node.tooltip) item.tooltip = node.tooltip.split('\n').map(plainText).join('\n');
    if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon);
    if (node.route) item.contextValue = 'route';
    else if (node.entity) item.contextValue = node.symbol ? 'entity-symbol' : 'entity';
    else if (node.symbol) item.contextValue = 'symbol';
    if (node.location) {
      const position = new vscode.Position(node.location.line, 0);
      item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [vscode.Uri.file(node.location.file), { selection: new vscode.Range(position, position) }] };
      item.resourceUri = vscode.Uri.file(node.location.file);
    }
    return item;
  }
}

/** The nodes that match, and the ancestors that lead to a match, each keeping only matching branches (iterative: trees can be deep). */
function filterNodes(nodes: readonly AnalysisNode[], text: string): AnalysisNode[] {
  const matches = (node: AnalysisNode) => `${node.label} ${node.description ?? ''}`.toLowerCase().includes(text);
  const kept = new Map<AnalysisNode, AnalysisNode>();
  // Post-order without recursion: children are decided before their parent.
  const pending: { node: AnalysisNode; expanded: boolean }[] = nodes.map((node) => ({ node, expanded: false }));
  while (pending.length) {
    const top = pending[pending.length - 1] as { node: AnalysisNode; expanded: boolean };
    if (!top.expanded) {
      top.expanded = true;
      for (const child of top.node.children ?? []) pending.push({ node: child, expanded: false });
      continue;
    }
    pending.pop();
    const children = (top.node.children ?? []).flatMap((child) => kept.get(child) ?? []);
    if (matches(top.node)) kept.set(top.node, top.node);
    else if (children.length) kept.set(top.node, { ...top.node, children });
  }
  return nodes.flatMap((node) => kept.get(node) ?? []);
}
