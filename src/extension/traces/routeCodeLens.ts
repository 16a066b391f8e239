import * as vscode from 'vscode';
import { plainText } from '../../core/render/escape';
import { routeKey, type WorkspaceAnalyses } from '../analyses';

/** "Trace POST /orders" above each route declaration. */
export class RouteCodeLensProvider implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(private readonly analyses: WorkspaceAnalyses) {
    this.onDidChangeCodeLenses = analyses.onDidChange;
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.getConfiguration('archtrace', document.uri).get<boolean>('codeLens.trace', true)) return [];
    const found = this.analyses.forFile(document.uri);
    if (!found) return [];
    return found.analysis.result.routes
      .filter((route) => route.source?.path === found.path)
      .map((route) => {
        const line = Math.min(route.source?.line ?? 0, document.lineCount - 1);
        return new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
          title: vscode.l10n.t('Trace {0}', plainText(routeKey(route))),
          command: 'archtrace.trace.start',
          arguments: [found.analysis.result.root, routeKey(route)],
        });
      });
  }
}
