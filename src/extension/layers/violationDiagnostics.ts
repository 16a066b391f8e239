import * as vscode from 'vscode';
import type { WorkspaceAnalyses } from '../analyses';
import { explanationOf, registerDiagnostics } from '../diagnostics';

/** Layer violations in the Problems panel, each with its rule as code and the rule's reason as message. */
export function registerViolationDiagnostics(analyses: WorkspaceAnalyses, extensionUri: vscode.Uri): vscode.Disposable {
  return registerDiagnostics(analyses, 'archtrace', (result) =>
    result.violations.map((violation) => {
      const diagnostic = new vscode.Diagnostic(new vscode.Range(violation.line, 0, violation.line, Number.MAX_SAFE_INTEGER), `${violation.message} (${violation.imported})`, vscode.DiagnosticSeverity.Warning);
      diagnostic.source = 'ArchTrace';
      diagnostic.code = explanationOf(extensionUri, violation.rule);
      return { path: violation.path, diagnostic };
    }),
  );
}
