import * as vscode from 'vscode';
import type { AnalysisResult } from '../core/result';
import type { WorkspaceAnalyses } from './analyses';
import { listIn } from '../core/lists';

/** One problem of a result, placed in a file of its folder. */
export interface PlacedDiagnostic {
  path: string;
  diagnostic: vscode.Diagnostic;
}

/**
 * A diagnostic collection kept in step with the analyses: rebuilt from every folder's result
 * whenever one changes. Each diagnostic's code links to its explanation in `docs/diagnostics.md`.
 */
export function registerDiagnostics(analyses: WorkspaceAnalyses, name: string, collect: (result: AnalysisResult) => PlacedDiagnostic[]): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection(name);
  const subscription = analyses.onDidChange(() => {
    collection.clear();
    for (const { result } of analyses.all()) {
      const byFile = new Map<string, vscode.Diagnostic[]>();
      for (const { path, diagnostic } of collect(result)) listIn(byFile, path).push(diagnostic);
      for (const [path, diagnostics] of byFile) collection.set(vscode.Uri.file(`${result.root}/${path}`), diagnostics);
    }
  });
  return vscode.Disposable.from(collection, subscription);
}

/** The explanation of a diagnostic code, shipped with the extension. */
export function explanationOf(extensionUri: vscode.Uri, code: string): { value: string; target: vscode.Uri } {
  return { value: code, target: vscode.Uri.joinPath(extensionUri, 'docs', 'diagnostics.md').with({ fragment: code }) };
}
