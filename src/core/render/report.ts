import type { ChecklistItem } from '../checklist/checklist';
import type { ChecklistProgress } from '../checklist/progress';
import type { ArchitectureMap } from '../map/architectureMap';
import type { AnalysisResult } from '../result';
import { renderAnswerMarkdown } from './answers';
import { markdownCode, markdownFence, markdownText } from './escape';
import { renderMarkdown } from './markdown';
import { renderTraceText } from './trace';

/**
 * The study guide a student keeps: the analysis (verdict and evidence, layers, extension points,
 * routes, interfaces, the architecture map when given), the traces of the routes, and the checklist with the student's progress and
 * notes, each item followed by the answer the code gives.
 */
export function renderStudyGuide(result: AnalysisResult, checklist: readonly ChecklistItem[], progress: ChecklistProgress, map?: ArchitectureMap): string {
  const lines = [renderMarkdown(result, map).trimEnd(), ''];
  // A test route's trace, and one that stops at its first, unresolved step, tell a reader nothing of the code: counted, not shown.
  const shown = result.traces.filter((trace) => trace.steps[0]?.layer !== 'test' && !(trace.steps.length === 1 && trace.steps[0]?.unresolved));
  if (result.traces.length) {
    lines.push('## Traces', '');
    for (const trace of shown) lines.push(...markdownFence(renderTraceText(trace)), '');
    if (shown.length < result.traces.length) lines.push(`_${markdownText(`${result.traces.length - shown.length} more of test routes or of a single unresolved step: not shown`)}_`, '');
  }
  const done = checklist.filter((item) => progress.items[item.id]?.done).length;
  lines.push(`## Study checklist (${done} / ${checklist.length})`, '');
  for (const section of ['path', 'self-test'] as const) {
    const items = checklist.filter((item) => item.section === section);
    if (!items.length) continue;
    lines.push(`### ${section === 'path' ? 'Learning path' : 'Self-test'}`, '');
    for (const item of items) {
      const state = progress.items[item.id];
      const where = item.link ? ` — ${item.link.kind === 'route' ? `trace ${markdownCode(item.link.route)}` : `${markdownCode(`${item.link.path}:${item.link.line + 1}`)} (${markdownText(item.link.label)})`}` : '';
      lines.push(`- [${state?.done ? 'x' : ' '}] ${item.part ? `(${markdownText(item.part)}) ` : ''}${item.text}${item.estimate ? ` _${item.estimate}_` : ''}${where}`);
      if (state?.note) lines.push(`  > ${state.note.replace(/\r?\n/g, '\n  > ')}`);
      if (item.answer) lines.push(...renderAnswerMarkdown(item.answer));
    }
    lines.push('');
  }
  return lines.join('\n');
}
