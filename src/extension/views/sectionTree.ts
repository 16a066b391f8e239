import * as vscode from 'vscode';
import type { AnalysisResult } from '../../core/result';
import type { WorkspaceAnalyses } from '../analyses';
import type { AnalysisNode } from './sections';

/** One view of the ArchTrace container: a section of every folder's result, as a tree of plain nodes. */
export class SectionTreeProvider implements vscode.TreeDataProvider<AnalysisNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: AnalysisNode[] = [];

  constructor(
    analyses: WorkspaceAnalyses,
    private readonly build: (result: AnalysisResult, at: (path: string, line?: number) => { file: string; line: number }) => AnalysisNode[],
  ) {
    analyses.onDidChange(() => {
      const results = analyses.all().map((analysis) => analysis.result);
      const perFolder = results.map((result) => this.build(result, (path, line = 0) => ({ file: `${result.root}/${path}`, line })));
      this.roots = perFolder.length === 1 ? (perFolder[0] ?? []) : perFolder.map((children, index) => ({ label: results[index]?.root ?? '', icon: 'root-folder', children }));
      this.changed.fire();
    });
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
    if (node.route) item.contextValue = 'route';
    else if (node.symbol) item.contextValue = 'symbol';
    if (node.location) {
      const position = new vscode.Position(node.location.line, 0);
      item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [vscode.Uri.file(node.location.file), { selection: new vscode.Range(position, position) }] };
      item.resourceUri = vscode.Uri.file(node.location.file);
    }
    return item;
  }
}
