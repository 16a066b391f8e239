import { SymbolId, type Trace, type TraceStep } from '../result';

/** One line a step: indentation by depth, how it was reached, the layer, the callee, where it is called. */
export function renderTraceText(trace: Trace): string {
  const lines = [trace.route];
  for (const step of trace.steps) {
    const marks = stepMarks(step).join(', ');
    const site = step.site ? `  (${step.site.path}:${step.site.line + 1})` : '';
    const implementations = step.implementations?.length ? `  → ${step.implementations.join(' | ')}` : '';
    lines.push(`${'  '.repeat(step.depth ?? 0)}${(step.layer || '?').padEnd(14)} ${stepLabel(step)}${marks ? ` [${marks}]` : ''}${site}${implementations}`);
  }
  return lines.join('\n');
}

/** A message in the reader's language, `{0}`… replaced by the arguments (as `@vscode/l10n`'s and `vscode.l10n`'s `t`). */
export type Translate = (message: string, ...args: Array<string | number>) => string;

/** The English words, for the CLI and the MCP server. */
export const inEnglish: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (whole, position: string) => String(args[Number(position)] ?? whole));

/** How a step was reached, beyond a plain call: `async`, `raise 409`, `through handler table COMMAND_HANDLERS`, `in try` — in English unless a translation is given. */
export function stepMarks(step: TraceStep, t: Translate = inEnglish): string[] {
  const marks: string[] = [];
  if (step.via === 'raise') marks.push(step.status !== undefined ? t('raise {0}', step.status) : t('raise'));
  else if (step.via !== 'call') marks.push(step.via);
  if (step.through) marks.push(throughText(step.through, t));
  if (step.site?.branch) marks.push(t('in {0}', step.site.branch));
  if (step.recursive) marks.push(t('recursive'));
  if (step.unresolved) marks.push(t('unresolved'));
  if (step.typed) marks.push(t('by type'));
  marks.push(...(step.marks ?? []));
  return marks;
}

function throughText(through: NonNullable<TraceStep['through']>, t: Translate): string {
  const by = through.by.includes(':') ? SymbolId.label(through.by) : through.by;
  if (through.kind === 'handler-table') return t('through handler table {0}', by);
  if (through.kind === 'message-bus') return t('through message bus {0}', by);
  return t('injected by {0}', by);
}

export function stepLabel(step: TraceStep): string {
  if (step.client) return `${step.expression ?? SymbolId.label(step.symbol)} (${SymbolId.label(step.symbol)}: ${step.client})`;
  if (step.external) return step.symbol;
  if (step.unresolved) return step.expression ?? step.symbol;
  return SymbolId.label(step.symbol);
}

/** The guide's layers from the outside in: a request meets them in this order. */
const LAYER_ORDER = ['api', 'routing', 'http', 'middleware', 'application', 'core', 'public-api', 'domain', 'orm', 'adapter', 'infrastructure', 'driver', 'external'];

/** The layers a trace passes through, in the guide's order: the columns of its sequence diagram. */
export function layerColumns(trace: Trace): string[] {
  const rank = (layer: string) => (LAYER_ORDER.indexOf(layer) < 0 ? LAYER_ORDER.length : LAYER_ORDER.indexOf(layer));
  return [...new Set(trace.steps.map((step) => step.layer || 'unknown'))].sort((a, b) => rank(a) - rank(b));
}

/** A Mermaid sequence diagram: one participant a layer in the guide's order, one message a step. */
export function renderTraceMermaid(trace: Trace): string {
  const layers = layerColumns(trace);
  const id = (layer: string) => layer.replace(/[^A-Za-z0-9]/g, '_');
  const lines = ['sequenceDiagram', `  title ${escape(trace.route)}`, '  actor Client'];
  for (const layer of layers) lines.push(`  participant ${id(layer)} as ${escape(layer)}`);
  const callers: string[] = ['Client'];
  for (const step of trace.steps) {
    const depth = step.depth ?? 0;
    const from = callers[depth] ?? 'Client';
    const to = id(step.layer || 'unknown');
    const arrow = step.via === 'async' || step.via === 'event' ? '-)' : step.via === 'raise' ? '-x' : '->>';
    const marks = stepMarks(step).filter((mark) => !mark.startsWith('in '));
    const note = marks.length ? ` (${marks.join(', ')})` : '';
    lines.push(`  ${from}${arrow}${to}: ${escape(stepLabel(step))}${note}${step.site?.branch === 'except' ? ' [on error]' : ''}`);
    callers[depth + 1] = to;
    callers.length = depth + 2;
  }
  return lines.join('\n');
}

/** Mermaid reads `;` and `#` in messages as syntax. */
function escape(text: string): string {
  return text.replace(/[;#]/g, ' ').replace(/\r?\n/g, ' ');
}
