import * as vscode from 'vscode';
import { stepLabel } from '../../core/render/trace';
import { localizedMarks } from './stepMarks';
import { SymbolId, type Trace } from '../../core/result';
import { routeKey, type WorkspaceAnalyses } from '../analyses';

const MAX_STEPS_SHOWN = 30;
/** The hover stays compact: the flow down to two calls deep; stepping through shows the rest. */
const MAX_DEPTH_SHOWN = 2;
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
      if (trace) appendTrace(markdown, trace, found.analysis.result.root);
    }
    return new vscode.Hover(markdown);
  }
}

function appendTrace(markdown: vscode.MarkdownString, trace: Trace, root: string): void {
  const args = encodeURIComponent(JSON.stringify([root, trace.route]));
  markdown.appendMarkdown(`**${escape(trace.route)}** — ${vscode.l10n.t('{0} steps', trace.steps.length)}\n\n`);
  const shown = trace.steps.filter((step) => (step.depth ?? 0) <= MAX_DEPTH_SHOWN);
  for (const step of shown.slice(0, MAX_STEPS_SHOWN)) {
    const indent = '&nbsp;&nbsp;'.repeat(step.depth ?? 0);
    const via = localizedMarks(step).map((mark) => ` _${escape(mark)}_`).join('');
    const link = step.external || step.unresolved ? '' : ` — [${escape(SymbolId.parse(step.symbol).path)}:${step.line + 1}](${vscode.Uri.file(`${root}/${SymbolId.parse(step.symbol).path}`).toString()}#L${step.line + 1})`;
    markdown.appendMarkdown(`${indent}\`${escape(step.layer)}\` ${escape(stepLabel(step))}${via}${step.site?.branch === 'except' ? ' ⚠' : ''}${link}  \n`);
  }
  const hidden = trace.steps.length - Math.min(shown.length, MAX_STEPS_SHOWN);
  if (hidden > 0) markdown.appendMarkdown(`… ${vscode.l10n.t('{0} more in Step through', hidden)}  \n`);
  markdown.appendMarkdown(
    `\n[${vscode.l10n.t('Step through')}](command:archtrace.trace.start?${args}) · [${vscode.l10n.t('Sequence diagram')}](command:archtrace.trace.showDiagram?${args})\n\n`,
  );
}

/** Markdown punctuation in names (`__init__`, `*`) must not format the hover. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>]/g, '\\$&');
}
