import * as vscode from 'vscode';
import type { AnalysisResult } from '../../core/result';
import { describeKind } from '../../core/render/text';
import type { WorkspaceResults } from '../results';
import { trimEnd } from '../../core/text';
import { notificationText, plainText } from '../../core/render/escape';

/**
 * "Classify Workspace": waits for the server's first analysis of every folder (starting the
 * server if need be), or has it analyse them again when they were analysed already, then says
 * the kind. The status bar shows the kind of the results the views show.
 */
export class ClassifyController implements vscode.Disposable {
  private running: vscode.CancellationTokenSource | undefined;
  /** The kind, once known; a spinner while an analysis runs. Selecting it shows the Overview. */
  private readonly statusBar = vscode.window.createStatusBarItem('archtrace.kind', vscode.StatusBarAlignment.Left, 49);
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly results: WorkspaceResults,
  ) {
    this.statusBar.name = vscode.l10n.t('ArchTrace kind');
    this.statusBar.command = 'archtrace.overview.focus';
    this.subscription = results.onDidChange(() => this.showKind(results.all()));
  }

  async classifyWorkspace(): Promise<void> {
    const folders = vscode.workspace.workspaceFolders?.filter((folder) => folder.uri.scheme === 'file') ?? [];
    if (!folders.length) {
      void vscode.window.showWarningMessage(vscode.l10n.t('ArchTrace: open a folder on disk to classify it.'));
      return;
    }
    this.running?.cancel();
    const own = new vscode.CancellationTokenSource();
    this.running = own;
    const previous = { text: this.statusBar.text, tooltip: this.statusBar.tooltip };
    this.statusBar.text = `$(sync~spin) ${vscode.l10n.t('ArchTrace')}`;
    this.statusBar.tooltip = vscode.l10n.t('Analysing the workspace');
    this.statusBar.show();
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('ArchTrace: classifying'), cancellable: true },
      async (_progress, token) => {
        const cancelled = () => token.isCancellationRequested || own.token.isCancellationRequested;
        let results: AnalysisResult[];
        try {
          const analysedBefore = this.results.all().length > 0;
          if (analysedBefore) {
            const statuses = await this.results.reanalyse(token);
            const failed = statuses.find((status) => status.state === 'failed');
            if (failed) throw new Error(failed.summary);
          }
          results = await this.results.ready();
        } catch (error) {
          this.restoreStatus(previous);
          if (cancelled()) {
            this.log.info('classification cancelled; the previous result is kept');
            return;
          }
          this.log.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
          const showLog = vscode.l10n.t('Show Log');
          void vscode.window
            .showErrorMessage(vscode.l10n.t('ArchTrace could not classify the workspace: {0}', notificationText(error instanceof Error ? error.message : String(error))), showLog)
            .then((choice) => {
              if (choice) this.log.show();
            });
          return;
        } finally {
          if (this.running === own) this.running = undefined;
          own.dispose();
        }
        for (const result of results) {
          for (const skipped of result.skipped) this.log.debug(`skipped ${skipped.path}: ${skipped.reason}`);
          const slow = result.skipped.filter((skipped) => skipped.reason.startsWith('analysis took longer'));
          if (slow.length) {
            const names = slow.slice(0, 3).map((skipped) => skipped.path).join(', ') + (slow.length > 3 ? ', …' : '');
            this.log.warn(`over the time budget: ${slow.map((skipped) => skipped.path).join(', ')}`);
            void vscode.window.showWarningMessage(vscode.l10n.t('ArchTrace skipped {0} file(s) that took longer than the time budget: {1}', slow.length, notificationText(names)));
          }
        }
        this.showKind(results);
        void vscode.window.showInformationMessage(`ArchTrace: ${notificationText(summaryOf(results))}`);
      },
    );
  }

  /** The kinds of the results in the status bar, once there are results. */
  private showKind(results: readonly AnalysisResult[]): void {
    if (!results.length) return;
    const kinds = results.map((result) => (result.kind.evidence.length ? result.kind.kind : vscode.l10n.t('undetermined')));
    this.statusBar.text = `$(symbol-namespace) ${[...new Set(kinds)].join(' + ')}`;
    this.statusBar.tooltip = plainText(summaryOf(results));
    this.statusBar.show();
  }

  private restoreStatus(previous: { text: string; tooltip: string | vscode.MarkdownString | undefined }): void {
    this.statusBar.text = previous.text;
    this.statusBar.tooltip = previous.tooltip;
    if (!previous.text) this.statusBar.hide();
  }

  dispose(): void {
    this.running?.cancel();
    this.statusBar.dispose();
    this.subscription.dispose();
  }
}

function summaryOf(results: readonly AnalysisResult[]): string {
  return results.map((result) => (results.length > 1 ? `${folderName(result.root)}: ` : '') + describeKind(result.kind)).join('; ');
}

function folderName(root: string): string {
  return root.slice(trimEnd(root, '\\/').lastIndexOf('/') + 1);
}
