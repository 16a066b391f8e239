import { type Answer, type AnswerTable, type AnswerTableRow, type Phrase, type SourceLocation, SymbolId } from '../result';
import { markdownCode, markdownLink, markdownText } from './escape';

/** A link to where the code says it, relative to the repository's root (where the report is kept): `[app/orders.py:41](app/orders.py#L41)`. */
export function sourceLink(location: SourceLocation): string {
  return markdownLink(`${location.path}:${location.line + 1}`, `${encodeURI(location.path)}#L${location.line + 1}`);
}

/**
 * A phrase as Markdown: the catalogue's own words as they are, each code span of it (`` `{0}` ``)
 * a code span of the terms put in, each other term escaped text. Workspace text never formats.
 */
export function phraseMarkdown(phrase: Phrase): string {
  const put = (text: string, escape: (term: string) => string) => text.replace(/\{(\d+)\}/g, (whole, position: string) => escape(phrase.terms[Number(position)] ?? whole));
  return phrase.phrase
    .split(/(`[^`]*`)/)
    .map((segment) => (segment.startsWith('`') && segment.endsWith('`') && segment.length > 1 ? markdownCode(put(segment.slice(1, -1), (term) => term)) : put(segment, markdownText)))
    .join('')
    .replace(/\r?\n/g, ' ');
}

const CELLS: Readonly<Record<AnswerTableRow['cells'][number], string>> = { defines: '✓', inherits: 'inherits', missing: '—' };

/** An answer as Markdown list items, indented to sit under its checklist item: each part's topic, its facts with their links, its table, its gap. */
export function renderAnswerMarkdown(answer: Answer, indent = '  '): string[] {
  const lines: string[] = [];
  for (const part of answer.parts) {
    lines.push(`${indent}- **${phraseMarkdown(part.topic)}**`);
    const inner = `${indent}  `;
    for (const fact of part.facts) lines.push(`${inner}- ${phraseMarkdown(fact)} — ${sourceLink(fact.location)}`);
    if (part.omitted) lines.push(`${inner}- _… and ${part.omitted} more_`);
    if (part.table) lines.push('', ...tableLines(part.table).map((line) => `${inner}${line}`), '');
    if (part.gap) lines.push(`${inner}- _${phraseMarkdown(part.gap)}_${part.gap.readAt ? ` — ${sourceLink(part.gap.readAt)}` : ''}`);
  }
  return lines;
}

function tableLines(table: AnswerTable): string[] {
  const header = `| implementation of ${markdownCode(SymbolId.label(table.subject))} | ${table.methods.map((method) => markdownCode(method)).join(' | ')} |`;
  const rule = `|---|${table.methods.map(() => '---').join('|')}|`;
  const rows = table.rows.map((row) => `| ${markdownLink(SymbolId.label(row.implementation), `${encodeURI(row.location.path)}#L${row.location.line + 1}`)} | ${row.cells.map((cell) => CELLS[cell]).join(' | ')} |`);
  return [header, rule, ...rows];
}
