import * as vscode from 'vscode';
import type { WorkspaceAnalyses } from '../analyses';

/** Layer violations in the Problems panel, each with its rule as code and the rule's reason as message. */
export function registerViolationDiagnostics(analyses: WorkspaceAnalyses): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('archtrace');
  const subscription = analyses.onDidChange(() => {
    collection.clear();
    for (const { result } of analyses.all()) {
      const byFile = new Map<string, vscode.Diagnostic[]>();
      for (const violation of result.violations) {
        const diagnostic = new vscode.Diagnostic(new vscode.Range(violation.line, 0, violation.line, Number.MAX_SAFE_INTEGER), `${violation.message} (${violation.imported})`, vscode.DiagnosticSeverity.Warning);
        diagnostic.source = 'ArchTrace';
        diagnostic.code = violation.rule;
        byFile.set(violation.path, [...(byFile.get(violation.path) ?? []), diagnostic]);
      }
      for (const [path, diagnostics] of byFile) collection.set(vscode.Uri.file(`${result.root}/${path}`), diagnostics);
    }
  });
  return vscode.Disposable.from(collection, subscription);
}
