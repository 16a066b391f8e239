import type { Trace } from '../result';
import { escapeXml, truncate } from './svg';
import { layerColumns, stepLabel, stepMarks } from './trace';

const COLUMN_WIDTH = 190;
const ROW_HEIGHT = 34;
const HEADER_HEIGHT = 70;
const MARGIN = 20;
const LABEL_LIMIT = 34;

/**
 * A trace as a self-contained SVG sequence diagram: one lifeline a layer in the guide's order (the
 * client first), one arrow a step, dashed for async work and events, red for calls made in an
 * `except` clause. Pure and dependency-free, so the webview needs no script at all; every text is
 * escaped, so a route or symbol with markup in it renders as text.
 */
export function renderTraceSvg(trace: Trace): string {
  const columns = ['client', ...layerColumns(trace)];
  const x = (column: string) => MARGIN + COLUMN_WIDTH / 2 + Math.max(0, columns.indexOf(column)) * COLUMN_WIDTH;
  const width = MARGIN * 2 + columns.length * COLUMN_WIDTH;
  const height = HEADER_HEIGHT + (trace.steps.length + 1) * ROW_HEIGHT + MARGIN;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12" role="img" aria-label="${escapeXml(trace.route)}">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="currentColor"/></marker></defs>',
    `<text x="${MARGIN}" y="22" font-size="15" font-weight="bold" fill="currentColor">${escapeXml(trace.route)}</text>`,
  ];
  for (const column of columns) {
    const cx = x(column);
    parts.push(
      `<rect x="${cx - COLUMN_WIDTH / 2 + 10}" y="34" width="${COLUMN_WIDTH - 20}" height="26" rx="4" fill="none" stroke="currentColor"/>`,
      `<text x="${cx}" y="51" text-anchor="middle" fill="currentColor">${escapeXml(column)}</text>`,
      `<line x1="${cx}" y1="60" x2="${cx}" y2="${height - MARGIN}" stroke="currentColor" stroke-opacity="0.35" stroke-dasharray="3 3"/>`,
    );
  }
  const callers: string[] = ['client'];
  trace.steps.forEach((step, index) => {
    const depth = step.depth ?? 0;
    const from = callers[depth] ?? 'client';
    const to = step.layer || 'unknown';
    callers[depth + 1] = to;
    callers.length = depth + 2;
    const y = HEADER_HEIGHT + (index + 1) * ROW_HEIGHT;
    const dashed = step.via === 'async' || step.via === 'event' ? ' stroke-dasharray="6 4"' : '';
    const color = step.site?.branch === 'except' || step.via === 'raise' ? '#d14' : step.unresolved ? '#b80' : 'currentColor';
    const marks = stepMarks(step).filter((mark) => !mark.startsWith('in '));
    const label = escapeXml(truncate(`${stepLabel(step)}${marks.length ? ` (${marks.join(', ')})` : ''}`, LABEL_LIMIT));
    const x1 = x(from);
    const x2 = x(to);
    if (x1 === x2) {
      parts.push(`<path d="M ${x1} ${y - 8} h 30 v 12 h -28" fill="none" stroke="${color}"${dashed} marker-end="url(#arrow)"/>`);
      parts.push(`<text x="${x1 + 36}" y="${y}" fill="${color}">${label}</text>`);
    } else {
      parts.push(`<line x1="${x1}" y1="${y}" x2="${x2}" y2="${y}" stroke="${color}"${dashed} marker-end="url(#arrow)"/>`);
      parts.push(`<text x="${(x1 + x2) / 2}" y="${y - 5}" text-anchor="middle" fill="${color}">${label}</text>`);
    }
  });
  parts.push('</svg>');
  return parts.join('\n');
}
