import * as vscode from 'vscode';
import { plainText } from '../../core/render/escape';
import { stepLabel, stepMarks } from '../../core/render/trace';
import type { TraceStepper } from './stepThrough';

/** The Trace view: the steps of the trace being walked, the current one marked; selecting one goes there. */
export class TraceTreeProvider implements vscode.TreeDataProvider<number> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly stepper: TraceStepper) {
    stepper.onDidChange(() => this.changed.fire());
  }

  getChildren(element?: number): number[] {
    if (element !== undefined) return [];
    return this.stepper.current?.trace.steps.map((_, index) => index) ?? [];
  }

  getTreeItem(index: number): vscode.TreeItem {
    const position = this.stepper.current;
    const step = position?.trace.steps[index];
    if (!position || !step) return new vscode.TreeItem('');
    const item = new vscode.TreeItem(`${'  '.repeat(step.depth ?? 0)}${plainText(stepLabel(step))}`);
    item.description = plainText([step.layer, ...stepMarks(step, vscode.l10n.t)].join(' · '));
    item.iconPath = new vscode.ThemeIcon(index === position.index ? 'debug-stackframe' : step.via === 'raise' ? 'error' : step.external ? 'link-external' : step.unresolved ? 'question' : 'circle-small');
    item.command = { command: 'archtrace.trace.goTo', title: vscode.l10n.t('Go to step'), arguments: [index] };
    item.tooltip = plainText(step.symbol);
    return item;
  }
}
