import * as vscode from 'vscode';
import { implementationsLabel } from '../labels';
import type { WorkspaceAnalyses } from '../analyses';

/**
 * Above each class, and each function the analysis found something about, its role:
 * `domain · model`, `infrastructure · repository`, `api · route`.
 */
export class RoleCodeLensProvider implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(private readonly analyses: WorkspaceAnalyses) {
    this.onDidChangeCodeLenses = analyses.onDidChange;
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.getConfiguration('archtrace', document.uri).get<boolean>('codeLens.roles', true)) return [];
    const found = this.analyses.forFile(document.uri);
    if (!found) return [];
    const { result } = found.analysis;
    const layer = result.files.find((file) => file.path === found.path)?.layer;
    if (!layer) return [];
    const categories = new Map<string, Set<string>>();
    for (const finding of result.findings) {
      if (!finding.symbol.startsWith(`${found.path}:`)) continue;
      const name = finding.symbol.slice(found.path.length + 1);
      categories.set(name, (categories.get(name) ?? new Set()).add(finding.category));
    }
    const implementations = new Map(result.interfaces.map((entry) => [entry.base.slice(found.path.length + 1), entry.implementations.length]));
    return found.analysis.definitionsIn(found.path).flatMap((definition) => {
      const roles = [...(categories.get(definition.name) ?? [])];
      if (definition.kind !== 'class' && !roles.length) return [];
      const line = Math.min(definition.line, document.lineCount - 1);
      const count = implementations.get(definition.name);
      const title = [layer, ...roles].join(' · ') + (count !== undefined ? ` · ${implementationsLabel(count)}` : '');
      return [new vscode.CodeLens(new vscode.Range(line, 0, line, 0), { title, command: 'archtrace.showLayers', arguments: [] })];
    });
  }
}
