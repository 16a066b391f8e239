import * as vscode from 'vscode';
import { renderTraceHover, type TraceHoverWords } from '../../core/render/traceHover';
import { localizedMarks } from './stepMarks';
import { routeKey, type WorkspaceAnalyses } from '../analyses';

/** A hover does not wait for the type checker's first start: it shows what syntax follows, and the checker's answers next time. */
const TYPE_CHECKER_WAIT_MS = 250;

/** Hovering a route's decorator, `def` line or `path(...)` entry shows its trace, layer by layer, each step a link. */
export class RouteHoverProvider implements vscode.HoverProvider {
  constructor(private readonly analyses: WorkspaceAnalyses) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const found = this.analyses.routesAt(document, position.line);
    if (!found || token.isCancellationRequested) return undefined;
    const markdown = new vscode.MarkdownString('', true);
    markdown.isTrusted = { enabledCommands: ['archtrace.trace.start', 'archtrace.trace.showDiagram'] };
    for (const route of found.routes.slice(0, 4)) {
      const trace = await this.analyses.trace(found.analysis, routeKey(route), TYPE_CHECKER_WAIT_MS);
      if (token.isCancellationRequested) return undefined;
      if (trace) markdown.appendMarkdown(renderTraceHover(trace, found.analysis.result.root, hoverWords(), (path) => vscode.Uri.file(path).toString()));
    }
    return new vscode.Hover(markdown);
  }
}

function hoverWords(): TraceHoverWords {
  return {
    steps: (count) => vscode.l10n.t('{0} steps', count),
    marks: localizedMarks,
    more: (count) => vscode.l10n.t('{0} more in Step through', count),
    stepThrough: vscode.l10n.t('Step through'),
    sequenceDiagram: vscode.l10n.t('Sequence diagram'),
  };
}
