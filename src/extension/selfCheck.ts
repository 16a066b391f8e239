import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { WorkspaceResults } from './results';
import type { TraceStepper } from './traces/stepThrough';

/**
 * For the real-editor tests only: when the host runs with ARCHTRACE_TEST_ARTIFACTS set, the
 * "ArchTrace: Self-Check" command asks VS Code itself (hover and CodeLens providers through
 * `vscode.execute...`) about a route of the workspace and writes the answers to self-check.json,
 * which the test harness reads. Users never see the command.
 */
export function registerSelfCheck(context: vscode.ExtensionContext, parts: { results: WorkspaceResults; stepper: TraceStepper; log: vscode.LogOutputChannel }): void {
  const artifacts = process.env['ARCHTRACE_TEST_ARTIFACTS'];
  if (!artifacts) return;
  void vscode.commands.executeCommand('setContext', 'archtrace.testMode', true);
  context.subscriptions.push(
    vscode.commands.registerCommand('archtrace.selfCheck', async () => {
      // The server's answers, waited for: after a restart it analyses the folder again.
      const [result] = await parts.results.ready();
      const route = result?.routes.find((candidate) => candidate.source);
      if (!result || !route?.source) throw new Error('self-check: no analysed route');
      // What the user sees now, before this check opens the route's file.
      const tracing = parts.stepper.current ? { route: parts.stepper.current.trace.route, index: parts.stepper.current.index } : undefined;
      const editor = vscode.window.activeTextEditor;
      const activeEditor = editor ? { path: vscode.workspace.asRelativePath(editor.document.uri), line: editor.selection.active.line } : undefined;
      const uri = vscode.Uri.file(`${result.root}/${route.source.path}`);
      await vscode.window.showTextDocument(uri);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(route.source.line, 2));
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      const hoverText = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
      const report = {
        route: `${route.method} ${route.path}`,
        hover: hoverText,
        codeLenses: lenses.map((lens) => lens.command?.title ?? ''),
        tracing,
        activeEditor,
        diagnostics: vscode.languages
          .getDiagnostics()
          .flatMap(([file, diagnostics]) => diagnostics.filter((diagnostic) => diagnostic.source === 'ArchTrace').map((diagnostic) => `${vscode.workspace.asRelativePath(file)}:${diagnostic.range.start.line + 1} ${String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code)}`)),
      };
      writeFileSync(join(artifacts, 'self-check.json'), JSON.stringify(report, null, 2));
      parts.log.info(`self-check written for ${report.route}`);
    }),
  );
}
