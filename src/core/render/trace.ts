import { SymbolId, type Trace, type TraceStep } from '../result';

/** One line a step: indentation by depth, how it was reached, the layer, the callee, where it is called. */
export function renderTraceText(trace: Trace): string {
  const lines = [trace.route];
  for (const step of trace.steps) {
    const marks = [step.via !== 'call' ? step.via : '', step.site?.branch ? `in ${step.site.branch}` : '', step.recursive ? 'recursive' : '', step.unresolved ? 'unresolved' : '', step.typed ? 'by type' : '', ...(step.marks ?? [])]
      .filter(Boolean)
      .join(', ');
    const site = step.site ? `  (${step.site.path}:${step.site.line + 1})` : '';
    const implementations = step.implementations?.length ? `  → ${step.implementations.join(' | ')}` : '';
    lines.push(`${'  '.repeat(step.depth ?? 0)}${(step.layer || '?').padEnd(14)} ${stepLabel(step)}${marks ? ` [${marks}]` : ''}${site}${implementations}`);
  }
  return lines.join('\n');
}

export function stepLabel(step: TraceStep): string {
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
    const arrow = step.via === 'async' || step.via === 'event' ? '-)' : '->>';
    const note = step.via !== 'call' ? ` (${step.via})` : '';
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
