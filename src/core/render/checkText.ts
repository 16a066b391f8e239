import type { Problem } from '../check/problems';
import { terminalText } from './escape';

/**
 * The `archtrace check` text, as ESLint's default formatter lays it out: the problems under their
 * file, `line:column  severity  message  rule`, then the count. Nothing found prints nothing.
 */
export function renderCheckText(problems: readonly Problem[]): string {
  if (!problems.length) return '';
  const lines: string[] = [];
  let file: string | undefined;
  for (const problem of problems) {
    if (problem.path !== file) {
      if (file !== undefined) lines.push('');
      file = problem.path;
      lines.push(terminalText(file));
    }
    const place = `${problem.start.line + 1}:${problem.start.character + 1}`;
    lines.push(`  ${place.padEnd(7)} ${problem.severity.padEnd(8)} ${terminalText(problem.message)}  ${problem.ruleId}`);
  }
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
  lines.push('', `${plural(problems.length, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`);
  return lines.join('\n');
}
