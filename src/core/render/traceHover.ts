import { SymbolId, type Trace, type TraceStep } from '../result';
import { markdownCode, markdownLink, markdownText } from './escape';
import { stepLabel } from './trace';

const MAX_STEPS_SHOWN = 30;
/** The hover stays compact: the flow down to two calls deep; stepping through shows the rest. */
const MAX_DEPTH_SHOWN = 2;

/** The words of a hover, in the user's language (the editor translates them). */
export interface TraceHoverWords {
  steps(count: number): string;
  /** How a step was reached beyond a plain call (`async`, raised with its status, through a handler table, by type). */
  marks(step: TraceStep): string[];
  more(count: number): string;
  stepThrough: string;
  sequenceDiagram: string;
}

/**
 * A route's trace as the Markdown of a hover: the route, its steps layer by layer (each a link to
 * where it is), and the commands to step through it or see it as a diagram — the only command
 * links in it; every workspace text is escaped.
 */
export function renderTraceHover(trace: Trace, root: string, words: TraceHoverWords, fileUri: (absolutePath: string) => string, commands = true): string {
  const args = encodeURIComponent(JSON.stringify([root, trace.route]));
  const lines = [`**${markdownText(trace.route)}** — ${markdownText(words.steps(trace.steps.length))}\n\n`];
  const shown = trace.steps.filter((step) => (step.depth ?? 0) <= MAX_DEPTH_SHOWN);
  for (const step of shown.slice(0, MAX_STEPS_SHOWN)) {
    const indent = '&nbsp;&nbsp;'.repeat(step.depth ?? 0);
    const via = words.marks(step).map((mark) => ` _${markdownText(mark)}_`).join('');
    const { path } = SymbolId.parse(step.symbol);
    const link = step.external || step.unresolved ? '' : ` — ${markdownLink(`${path}:${step.line + 1}`, `${fileUri(`${root}/${path}`)}#L${step.line + 1}`)}`;
    lines.push(`${indent}${markdownCode(step.layer)} ${markdownText(stepLabel(step))}${via}${step.site?.branch === 'except' ? ' ⚠' : ''}${link}  \n`);
  }
  const hidden = trace.steps.length - Math.min(shown.length, MAX_STEPS_SHOWN);
  if (hidden > 0) lines.push(`… ${markdownText(words.more(hidden))}  \n`);
  // Command links are VS Code's; another editor (through the LSP server) shows the steps alone.
  if (commands) lines.push(`\n${markdownLink(words.stepThrough, `command:archtrace.trace.start?${args}`)} · ${markdownLink(words.sequenceDiagram, `command:archtrace.trace.showDiagram?${args}`)}\n\n`);
  else lines.push('\n');
  return lines.join('');
}
