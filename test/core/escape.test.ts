import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it/index.js';
import { buildChecklist } from '../../src/core/checklist/checklist';
import { markdownCode, markdownText, notificationText, plainText } from '../../src/core/render/escape';
import { renderMarkdown } from '../../src/core/render/markdown';
import { renderStudyGuide } from '../../src/core/render/report';
import { renderTraceHover } from '../../src/core/render/traceHover';
import { stepMarks } from '../../src/core/render/trace';
import type { AnalysisResult, TraceStep } from '../../src/core/result';
import { analyzeFolder } from '../../src/node/analyzeFolder';
import { SAMPLE } from '../helpers';

/** How VS Code finds links in a notification's message (src/vs/workbench/common/notifications.ts). */
const NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;
/** How VS Code finds icons in labels (`$(name)`, `$(name~spin)`), a backslash escaping one. */
const ICON = /(?<!\\)\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/;

/** Markdown as a renderer reads it: raw HTML on, bare URLs linked, links of any scheme (the editor's hovers open `file:` and `command:` links). */
const markdown = new MarkdownIt({ html: true, linkify: true });
markdown.validateLink = () => true;

/** Every link and piece of HTML the Markdown makes, inline ones included. */
function linksAndHtml(text: string): { links: string[]; html: string[] } {
  const links: string[] = [];
  const html: string[] = [];
  const visit = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      if (token.type === 'link_open') links.push(token.attrGet('href') ?? '');
      if (token.type === 'image') links.push(token.attrGet('src') ?? '');
      if (token.type === 'html_inline' || token.type === 'html_block') html.push(token.content);
      if (token.children) visit(token.children);
    }
  };
  visit(markdown.parse(text, {}));
  return { links, html };
}

/** Strings a hostile repository would name its files, routes and tables: markup, URLs, command links, icons, line breaks. */
const hostileText = fc.oneof(
  fc.string({ unit: 'grapheme-ascii', maxLength: 40 }),
  fc.array(
    fc.constantFrom('[x]', '](', ')', '(command:workbench.action.terminal.new)', 'https://evil.example/a', 'www.evil.example', 'a@b.example', '<img src=x onerror=alert(1)>', '<a href="https://e.example">', '</a>', '`', '```', '*', '_', '\\', '|', '!', '&lt;', '&#60;', '\n', '\r\n', '\u2028', '# ', '> ', '- ', '1. ', '$(alert)', '[^1]', '<https://evil.example>', 'x', ' ', ':', '/', '.', '{id}'),
    { maxLength: 12 },
  ).map((pieces) => pieces.join('')),
);

/** The result with every string in it (paths, symbols, routes, reasons, tables, columns, messages) replaced by the hostile text around its own. */
function hostileResult(result: AnalysisResult, hostile: string): AnalysisResult {
  const replace = (value: unknown): unknown => {
    if (typeof value === 'string') return `${value}${hostile}`;
    if (Array.isArray(value)) return value.map(replace);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, key === 'kind' || key === 'category' || key === 'section' ? inner : replace(inner)]));
    return value;
  };
  return replace(result) as AnalysisResult;
}

describe('workspace text in every renderer', () => {
  let sample: AnalysisResult;
  before(async () => {
    sample = (await analyzeFolder(SAMPLE, { threads: 1, traces: true })).result;
  });

  it('makes no link, HTML tag or command URI of its own in the report, the study guide or a hover', () => {
    fc.assert(
      fc.property(hostileText, (hostile) => {
        const result = hostileResult(sample, hostile);
        for (const rendered of [renderMarkdown(result), renderStudyGuide(result, buildChecklist(result), { version: 1, items: {} })]) {
          assert.deepEqual(linksAndHtml(rendered), { links: [], html: [] });
        }
        const words = { steps: (count: number) => `${count} steps`, marks: (step: TraceStep) => stepMarks(step).filter((mark) => !mark.startsWith('in ')), more: (count: number) => `${count} more`, stepThrough: 'Step through', sequenceDiagram: 'Sequence diagram' };
        for (const trace of result.traces.slice(0, 3)) {
          // The editor percent-encodes a file URI; a naive one (the path as it is) must not break out either.
          const hover = linksAndHtml(renderTraceHover(trace, result.root, words, (path) => `file://${path}`));
          assert.deepEqual(hover.html, []);
          const own = hover.links.filter((href) => href.startsWith('file://') || href.startsWith('command:archtrace.trace.start?') || href.startsWith('command:archtrace.trace.showDiagram?'));
          assert.deepEqual(hover.links, own);
          assert.equal(hover.links.filter((href) => href.startsWith('command:')).length, 2);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('makes no link in a notification and no icon or line break in a plain label', () => {
    fc.assert(
      fc.property(hostileText, (hostile) => {
        assert.deepEqual(notificationText(`ArchTrace skipped ${hostile}`).match(NOTIFICATION_LINK), null);
        const label = plainText(hostile);
        assert.ok(!ICON.test(label) && !/[\r\n\u2028\u2029]/.test(label), label);
      }),
      { numRuns: 500 },
    );
  });

  it('shows the text as written: escapes and fences only, nothing dropped', () => {
    assert.equal(markdownText('a_b [x](y) <b>'), 'a\\_b \\[x\\]\\(y\\) \\<b\\>');
    assert.equal(markdownCode('a ``b`` c'), '```a ``b`` c```');
    assert.equal(markdownCode('`edge`'), '`` `edge` ``');
    assert.equal(markdownText('line\nbreak'), 'line break');
  });
});
