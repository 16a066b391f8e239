import * as vscode from 'vscode';
import { notificationText, plainText } from '../../core/render/escape';
import { stepLabel, stepMarks } from '../../core/render/trace';
import { SymbolId, type Trace, type TraceStep } from '../../core/result';
import type { WorkspaceResults } from '../results';

export interface TracePosition {
  root: string;
  trace: Trace;
  index: number;
}

/**
 * Stepping through a route's trace like a debugger: each step opens its call site (the handler's
 * definition for the first) with the line highlighted, a status bar item says where the walk is,
 * and the Trace view marks the current step. The trace is recomputed from the analysis each time,
 * so it never drifts from the code as a hand-written tour would.
 */
export class TraceStepper implements vscode.Disposable {
  private position: TracePosition | undefined;
  private readonly changed = new vscode.EventEmitter<TracePosition | undefined>();
  readonly onDidChange = this.changed.event;
  private readonly statusBar = vscode.window.createStatusBarItem('archtrace.trace', vscode.StatusBarAlignment.Left, 50);
  private readonly highlight = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.rangeHighlightBackground'),
    isWholeLine: true,
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.rangeHighlightForeground'),
  });

  constructor(private readonly results: WorkspaceResults) {
    this.statusBar.name = vscode.l10n.t('ArchTrace trace');
    this.statusBar.command = 'archtrace.trace.next';
  }

  get current(): TracePosition | undefined {
    return this.position;
  }

  async start(root?: string, route?: string): Promise<void> {
    await this.results.ready().catch(() => undefined);
    const result = this.results.of(root);
    if (!result) {
      void vscode.window.showInformationMessage(vscode.l10n.t('ArchTrace: classify the workspace first.'));
      return;
    }
    let chosen = route;
    if (!chosen) {
      const picked = await vscode.window.showQuickPick(
        result.routes.map((candidate) => ({ route: `${candidate.method} ${candidate.path}`, label: plainText(`${candidate.method} ${candidate.path}`), description: plainText(SymbolId.parse(candidate.handler).name) })),
        { placeHolder: vscode.l10n.t('Route to trace') },
      );
      chosen = picked?.route;
    }
    const trace = chosen ? await this.results.trace(result.root, chosen) : undefined;
    if (!trace) {
      if (chosen) void vscode.window.showWarningMessage(vscode.l10n.t('ArchTrace: no route {0}.', notificationText(chosen)));
      return;
    }
    await this.show({ root: result.root, trace, index: 0 });
  }

  async move(delta: number): Promise<void> {
    if (!this.position) return;
    const index = Math.min(Math.max(this.position.index + delta, 0), this.position.trace.steps.length - 1);
    await this.show({ ...this.position, index });
  }

  async goTo(index: number): Promise<void> {
    if (this.position) await this.show({ ...this.position, index });
  }

  exit(): void {
    this.position = undefined;
    this.statusBar.hide();
    for (const editor of vscode.window.visibleTextEditors) editor.setDecorations(this.highlight, []);
    void vscode.commands.executeCommand('setContext', 'archtrace.tracing', false);
    this.changed.fire(undefined);
  }

  private async show(position: TracePosition): Promise<void> {
    this.position = position;
    const step = position.trace.steps[position.index] as TraceStep;
    this.statusBar.text = `$(debug-step-over) ${plainText(`${position.trace.route} · ${position.index + 1}/${position.trace.steps.length} · ${step.layer}`)}`;
    this.statusBar.tooltip = plainText(`${stepLabel(step)} (${[step.layer, ...stepMarks(step, vscode.l10n.t)].join(', ')})`);
    this.statusBar.show();
    void vscode.commands.executeCommand('setContext', 'archtrace.tracing', true);
    this.changed.fire(position);
    const location = locationOf(position.root, step);
    if (!location) return;
    const editor = await vscode.window.showTextDocument(location.uri, { preview: true, preserveFocus: false });
    const line = Math.min(location.line, editor.document.lineCount - 1);
    const range = editor.document.lineAt(line).range;
    editor.selection = new vscode.Selection(range.start, range.start);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    editor.setDecorations(this.highlight, [range]);
  }

  dispose(): void {
    this.statusBar.dispose();
    this.highlight.dispose();
    this.changed.dispose();
  }
}

/** Where a step is shown: its call site, or, for the handler, its definition. */
function locationOf(root: string, step: TraceStep): { uri: vscode.Uri; line: number } | undefined {
  if (step.site) return { uri: vscode.Uri.file(`${root}/${step.site.path}`), line: step.site.line };
  if (step.external || step.unresolved) return undefined;
  return { uri: vscode.Uri.file(`${root}/${SymbolId.parse(step.symbol).path}`), line: step.line };
}
