import * as vscode from 'vscode';
import { SymbolId, type TraceStep } from '../../core/result';

/** How a step was reached beyond a plain call, in the editor's language: async, raised (with its status), through a handler table, a message bus or an injection, by type. */
export function localizedMarks(step: TraceStep): string[] {
  const marks: string[] = [];
  if (step.via === 'raise') marks.push(step.status !== undefined ? vscode.l10n.t('raises, answered {0}', step.status) : vscode.l10n.t('raises'));
  else if (step.via !== 'call') marks.push(step.via);
  if (step.through) {
    const by = step.through.by.includes(':') ? SymbolId.label(step.through.by) : step.through.by;
    if (step.through.kind === 'handler-table') marks.push(vscode.l10n.t('through handler table {0}', by));
    else if (step.through.kind === 'message-bus') marks.push(vscode.l10n.t('through message bus {0}', by));
    else marks.push(vscode.l10n.t('injected by {0}', by));
  }
  if (step.typed) marks.push(vscode.l10n.t('by type'));
  marks.push(...(step.marks ?? []));
  return marks;
}
