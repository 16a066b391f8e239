import * as vscode from 'vscode';
import type { WorkspaceAnalyses } from '../analyses';
import { explanationOf, registerDiagnostics } from '../diagnostics';

const CODE = 'n-plus-one';

/**
 * N+1 queries in the Problems panel: the diagnostic sits on the read that queries once per item,
 * with the loop as related information; a quick fix appends the loading call to the query when
 * the loop iterates the query itself.
 */
export function registerQueryDiagnostics(analyses: WorkspaceAnalyses, extensionUri: vscode.Uri): vscode.Disposable {
  const diagnostics = registerDiagnostics(analyses, 'archtrace-queries', (result) =>
    result.queryWarnings.map((warning) => {
      const start = new vscode.Position(warning.access.line, warning.access.character);
      const diagnostic = new vscode.Diagnostic(new vscode.Range(start, start.translate(0, warning.read.length)), warning.message, vscode.DiagnosticSeverity.Warning);
      diagnostic.source = 'ArchTrace';
      diagnostic.code = explanationOf(extensionUri, CODE);
      const loop = new vscode.Position(warning.loop.line, warning.loop.character);
      diagnostic.relatedInformation = [new vscode.DiagnosticRelatedInformation(new vscode.Location(vscode.Uri.file(`${result.root}/${warning.path}`), loop), vscode.l10n.t('the loop over the query'))];
      return { path: warning.path, diagnostic };
    }),
  );
  const fixes = vscode.languages.registerCodeActionsProvider({ language: 'python', scheme: 'file' }, new QueryFixProvider(analyses), { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] });
  return vscode.Disposable.from(diagnostics, fixes);
}

class QueryFixProvider implements vscode.CodeActionProvider {
  constructor(private readonly analyses: WorkspaceAnalyses) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const found = this.analyses.forFile(document.uri);
    if (!found) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
      if (code !== CODE) continue;
      const warning = found.analysis.result.queryWarnings.find(
        (candidate) => candidate.path === found.path && candidate.access.line === diagnostic.range.start.line && candidate.access.character === diagnostic.range.start.character,
      );
      if (!warning?.insertAt) continue;
      const action = new vscode.CodeAction(vscode.l10n.t('Load {0} with the query: add .{1}', warning.relation, warning.fix), vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.insert(document.uri, new vscode.Position(warning.insertAt.line, warning.insertAt.character), `.${warning.fix}`);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }
}
