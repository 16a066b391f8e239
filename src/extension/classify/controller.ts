import * as vscode from 'vscode';
import type { Analysis } from '../../core/analyze';
import { describeKind } from '../../core/render/text';
import { analyzeFolder } from '../../node/analyzeFolder';
import type { WorkspaceAnalyses } from '../analyses';
import { folderOptions } from './folderOptions';
import { trimEnd } from '../../core/text';
import { notificationText, plainText } from '../../core/render/escape';

/** Runs the analysis for every workspace folder and hands the results to the views. */
export class ClassifyController implements vscode.Disposable {
  private running: vscode.CancellationTokenSource | undefined;
  /** The kind, once known; a spinner while an analysis runs. Selecting it shows the Overview. */
  private readonly statusBar = vscode.window.createStatusBarItem('archtrace.kind', vscode.StatusBarAlignment.Left, 49);

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly analyses: WorkspaceAnalyses,
    /** Where each folder's facts are kept between sessions (the extension's workspace storage). */
    private readonly cacheDirectory: vscode.Uri,
  ) {
    this.statusBar.name = vscode.l10n.t('ArchTrace kind');
    this.statusBar.command = 'archtrace.overview.focus';
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
      async (progress, token) => {
        const abort = new AbortController();
        const onCancel = () => abort.abort();
        token.onCancellationRequested(onCancel);
        own.token.onCancellationRequested(onCancel);
        const results: Analysis[] = [];
        try {
          for (const folder of folders) {
            const started = Date.now();
            let reported = 0;
            const analysis = await analyzeFolder(folder.uri.fsPath, {
              ...folderOptions(folder.uri, this.cacheDirectory),
              signal: abort.signal,
              onWarning: (message) => this.log.warn(`${folder.name}: ${message}`),
              onProgress: ({ phase, done, total }) => {
                const percent = total ? Math.floor((done / total) * 100) : 0;
                progress.report({ message: `${folder.name}: ${phase} ${total ? `${done}/${total}` : ''}`, increment: percent - reported });
                reported = percent;
              },
            });
            const { result } = analysis;
            this.log.info(`${folder.name}: ${result.files.length} files, ${result.findings.length} findings, ${result.routes.length} routes, ${result.skipped.length} skipped in ${Date.now() - started} ms`);
            for (const skipped of result.skipped) this.log.debug(`skipped ${skipped.path}: ${skipped.reason}`);
            const slow = result.skipped.filter((skipped) => skipped.reason.startsWith('analysis took longer'));
            if (slow.length) {
              const names = slow.slice(0, 3).map((skipped) => skipped.path).join(', ') + (slow.length > 3 ? ', …' : '');
              this.log.warn(`over the time budget: ${slow.map((skipped) => skipped.path).join(', ')}`);
              void vscode.window.showWarningMessage(vscode.l10n.t('ArchTrace skipped {0} file(s) that took longer than the time budget: {1}', slow.length, notificationText(names)));
            }
            results.push(analysis);
          }
        } catch (error) {
          this.restoreStatus(previous);
          if (abort.signal.aborted) {
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
        this.analyses.set(results);
        const summary = results.map(({ result }) => (results.length > 1 ? `${folderName(result.root)}: ` : '') + describeKind(result.kind)).join('; ');
        const kinds = results.map(({ result }) => (result.kind.evidence.length ? result.kind.kind : vscode.l10n.t('undetermined')));
        this.statusBar.text = `$(symbol-namespace) ${[...new Set(kinds)].join(' + ')}`;
        this.statusBar.tooltip = plainText(summary);
        void vscode.window.showInformationMessage(`ArchTrace: ${notificationText(summary)}`);
      },
    );
  }

  private restoreStatus(previous: { text: string; tooltip: string | vscode.MarkdownString | undefined }): void {
    this.statusBar.text = previous.text;
    this.statusBar.tooltip = previous.tooltip;
    if (!previous.text) this.statusBar.hide();
  }

  dispose(): void {
    this.running?.cancel();
    this.statusBar.dispose();
  }
}

function folderName(root: string): string {
  return root.slice(trimEnd(root, '\\/').lastIndexOf('/') + 1);
}
