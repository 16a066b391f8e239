import * as vscode from 'vscode';
import { ClassifyController } from './classify/controller';
import { AnalysisTreeProvider } from './views/analysisTree';

/** Activation registers commands and views only; nothing is read or parsed until the user asks. */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('ArchTrace', { log: true });
  const tree = new AnalysisTreeProvider();
  const controller = new ClassifyController(log, tree);
  context.subscriptions.push(
    log,
    controller,
    vscode.window.registerTreeDataProvider('archtrace.result', tree),
    vscode.commands.registerCommand('archtrace.classifyWorkspace', () => controller.classifyWorkspace()),
    vscode.commands.registerCommand('archtrace.showLog', () => log.show()),
  );
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
