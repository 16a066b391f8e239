import { phraseText } from '../answers/phrases';
import { type Answer, type AnswerTable, type AnswerTableRow, type SourceLocation, SymbolId } from '../result';

/** A link to where the code says it, relative to the repository's root (where the report is kept): `[app/orders.py:41](app/orders.py#L41)`. */
export function sourceLink(location: SourceLocation): string {
  return `[${location.path}:${location.line + 1}](${encodeURI(location.path)}#L${location.line + 1})`;
}

const CELLS: Readonly<Record<AnswerTableRow['cells'][number], string>> = { defines: '✓', inherits: 'inherits', missing: '—' };

/** An answer as Markdown list items, indented to sit under its checklist item: each part's topic, its facts with their links, its table, its gap. */
export function renderAnswerMarkdown(answer: Answer, indent = '  '): string[] {
  const lines: string[] = [];
  for (const part of answer.parts) {
    lines.push(`${indent}- **${phraseText(part.topic)}**`);
    const inner = `${indent}  `;
    for (const fact of part.facts) lines.push(`${inner}- ${oneLine(phraseText(fact))} — ${sourceLink(fact.location)}`);
    if (part.omitted) lines.push(`${inner}- _… and ${part.omitted} more_`);
    if (part.table) lines.push('', ...tableLines(part.table).map((line) => `${inner}${line}`), '');
    if (part.gap) lines.push(`${inner}- _${oneLine(phraseText(part.gap))}_${part.gap.readAt ? ` — ${sourceLink(part.gap.readAt)}` : ''}`);
  }
  return lines;
}

function tableLines(table: AnswerTable): string[] {
  const header = `| implementation of \`${SymbolId.label(table.subject)}\` | ${table.methods.map((method) => `\`${method}\``).join(' | ')} |`;
  const rule = `|---|${table.methods.map(() => '---').join('|')}|`;
  const rows = table.rows.map((row) => `| [\`${SymbolId.label(row.implementation)}\`](${encodeURI(row.location.path)}#L${row.location.line + 1}) | ${row.cells.map((cell) => CELLS[cell]).join(' | ')} |`);
  return [header, rule, ...rows];
}

function oneLine(text: string): string {
  return text.replace(/\r?\n/g, ' ');
}
