import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderTraceSvg } from '../../src/core/render/sequenceSvg';
import { renderMarkdown } from '../../src/core/render/markdown';
import { renderStudyGuide } from '../../src/core/render/report';
import { evidenceByWeight, renderKindText } from '../../src/core/render/text';
import { renderTraceMermaid, renderTraceText } from '../../src/core/render/trace';
import { type AnalysisResult, type Evidence, type KindQuestion, type KindVerdict, SCHEMA_VERSION, type Trace } from '../../src/core/result';

const hostile: Trace = {
  route: 'GET /<img src=x onerror=alert(1)>',
  steps: [
    { symbol: 'app/<script>alert(1)</script>.py:handler', layer: 'api', via: 'call', line: 0, depth: 0 },
    { symbol: 'app/x.py:"quoted" & <b>bold</b>', layer: 'domain</text><script>', via: 'event', line: 3, depth: 1, site: { path: 'app/x.py', line: 1, branch: 'except' } },
  ],
};

describe('rendering traces safely', () => {
  it('escapes every route, symbol and layer in the SVG, so markup renders as text', () => {
    const svg = renderTraceSvg(hostile);
    assert.ok(!/<script|<img|<b>|onerror=alert\(1\)>/.test(svg.replace(/&lt;[^&]*&gt;/g, '')), svg);
    assert.match(svg, /GET \/&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.match(svg, /&quot;quoted&quot; &amp; &lt;b&gt;bold&lt;\/b&gt;/);
    assert.equal((svg.match(/<svg /g) ?? []).length, 1);
  });

  it('keeps Mermaid syntax out of messages', () => {
    const diagram = renderTraceMermaid({ route: 'GET /a;b#c', steps: [{ symbol: 'a.py:x;y#z', layer: 'api', via: 'call', line: 0, depth: 0 }] });
    assert.ok(!/x;y|#z|a;b/.test(diagram), diagram);
  });

  it('names a function written in place by its line, not by its internal id', () => {
    const text = renderTraceText({ route: 'POST /invoices', steps: [{ symbol: 'src/app.js:<anonymous>@4', layer: 'api', via: 'call', line: 3, depth: 0 }] });
    assert.match(text, /api +inline function \(line 4\)/);
    assert.doesNotMatch(text, /<anonymous>/);
  });
});

describe('rendering the kind', () => {
  it('lists the evidence under the question it answered, in the order the verdict keeps it', () => {
    const verdict: KindVerdict = {
      kind: 'framework',
      scores: { framework: 0.6, service: 0, library: 0.4 },
      evidence: [
        { signal: 'published-package', question: 'who-uses-it', favours: 'published', weight: 3, path: 'pyproject.toml' },
        { signal: 'request-pipeline-files', question: 'what-it-offers', favours: 'framework', weight: 3, path: 'web' },
        { signal: 'interface-with-implementations', question: 'what-it-offers', favours: 'library', weight: 2, path: 'web/base.py:Base' },
      ],
      parts: [],
    };
    assert.equal(
      renderKindText(verdict),
      [
        'kind: framework',
        'scores: framework 0.6, service 0, library 0.4',
        'evidence:',
        '  who uses it:',
        '    +3 published published-package (pyproject.toml)',
        '  what it offers:',
        '    +3 framework request-pipeline-files (web)',
        '    +2 library   interface-with-implementations (web/base.py:Base)',
      ].join('\n'),
    );
  });

  /** Evidence as a rule leaves it, written short. */
  const fired = (signal: string, weight: number, favours: Evidence['favours'], path: string, question: KindQuestion = 'what-it-offers'): Evidence => ({ signal, question, favours, weight, path });
  const unordered: KindVerdict = {
    kind: 'library',
    scores: { framework: 0.3, service: 0.1, library: 0.6 },
    evidence: [
      fired('compose-file', 1, 'service', 'docker-compose.yml', 'who-uses-it'),
      fired('published-package', 3, 'published', 'package.json', 'who-uses-it'),
      fired('examples-folder', 1, 'framework', 'examples'),
      fired('examples-folder-library', 1, 'library', 'examples'),
      fired('implementations-in-backends', 4, 'library', 'lib/backends'),
      fired('benchmarks-folder', 2, 'library', 'bench'),
    ],
    parts: [],
  };

  it('orders the evidence by weight within each question, equal weights in the verdict\'s order', () => {
    assert.deepEqual(
      evidenceByWeight(unordered).map(({ signal }) => signal),
      ['published-package', 'compose-file', 'implementations-in-backends', 'benchmarks-folder', 'examples-folder', 'examples-folder-library'],
    );
    // Who uses it comes first even when what it offers weighs more.
    assert.deepEqual(evidenceByWeight({ evidence: [unordered.evidence[4]!, unordered.evidence[0]!] }).map(({ signal }) => signal), ['compose-file', 'implementations-in-backends']);
  });

  /** A result with nothing in it but the verdict. */
  const emptyResult = (): AnalysisResult => ({ schemaVersion: SCHEMA_VERSION, root: '/repo', kind: unordered, files: [], findings: [], interfaces: [], routes: [], traces: [], violations: [], dataModel: { entities: [], relationships: [] }, queryWarnings: [], skipped: [], answers: [] });

  it('shows the evidence heaviest first in the CLI text and in the Markdown report', () => {
    const text = renderKindText(unordered).split('\n');
    assert.deepEqual(text.slice(2), [
      'evidence:',
      '  who uses it:',
      '    +3 published published-package (package.json)',
      '    +1 service   compose-file (docker-compose.yml)',
      '  what it offers:',
      '    +4 library   implementations-in-backends (lib/backends)',
      '    +2 library   benchmarks-folder (bench)',
      '    +1 framework examples-folder (examples)',
      '    +1 library   examples-folder-library (examples)',
    ]);
    const markdown = renderMarkdown({ ...emptyResult(), kind: unordered });
    const rows = markdown.split('\n').filter((line) => /^\| (who uses it|what it offers) \|/.test(line));
    assert.deepEqual(
      // The signal as Markdown escapes it (every punctuation mark), read back.
      rows.map((row) => row.split('|')[2]?.trim().replace(/\\(.)/g, '$1')),
      ['published-package', 'compose-file', 'implementations-in-backends', 'benchmarks-folder', 'examples-folder', 'examples-folder-library'],
    );
  });
});

describe("the report on a framework's own tests", () => {
  const file = (path: string, layer: string): AnalysisResult['files'][number] => ({ path, language: 'python', layer, reasons: [], confidence: 'inferred' });
  const entity = (name: string, path: string): AnalysisResult['dataModel']['entities'][number] => ({ name, table: name.toLowerCase(), source: 'webkit', location: { path, line: 3 }, columns: [], rules: [], hints: [] });
  const step = (symbol: string, layer: string, unresolved = false): Trace['steps'][number] => ({ symbol, layer, via: 'call', line: 4, ...(unresolved ? { unresolved, expression: 'handler()' } : {}) });
  const result: AnalysisResult = {
    schemaVersion: SCHEMA_VERSION,
    root: '/repo',
    kind: { kind: 'framework', scores: { framework: 1, service: 0, library: 0 }, evidence: [], parts: [] },
    files: [file('examples/blog.py', 'example'), file('tests/test_app.py', 'test'), file('webkit/app.py', 'core')],
    findings: [],
    interfaces: [],
    routes: [
      { method: 'GET', path: '/posts', handler: 'examples/blog.py:list_posts', framework: 'webkit' },
      { method: 'GET', path: '/ping', handler: 'tests/test_app.py:ping', framework: 'webkit' },
      { method: 'POST', path: '/echo', handler: 'tests/test_app.py:echo', framework: 'webkit' },
    ],
    traces: [
      { route: 'GET /posts', steps: [step('examples/blog.py:list_posts', 'example'), step('webkit/app.py:App.render', 'core')] },
      { route: 'GET /ping', steps: [step('tests/test_app.py:ping', 'test'), step('webkit/app.py:App.render', 'core')] },
      { route: 'GET /hello', steps: [step('examples/blog.py:<anonymous>@9', 'example', true)] },
    ],
    violations: [],
    dataModel: { entities: [entity('Post', 'examples/blog.py'), entity('Widget', 'tests/test_app.py')], relationships: [{ from: 'Widget', to: 'Post', field: 'post', cardinality: 'many-to-one', required: true, location: { path: 'tests/test_app.py', line: 5 } }] },
    queryWarnings: [],
    skipped: [],
    answers: [],
  };

  it("counts the routes and the models its tests declare, listing the examples' only", () => {
    const markdown = renderMarkdown(result);
    assert.match(markdown, /examples\/blog\.py:list_posts/);
    assert.doesNotMatch(markdown, /tests\/test_app\.py:ping|tests\/test_app\.py:echo/);
    assert.match(markdown, /_2 more in test files\\: test code\\, not listed_/);
    assert.match(markdown, /### Post /);
    assert.doesNotMatch(markdown, /### Widget|Widget\.post/);
    assert.match(markdown, /_1 models in test files\\: test code\\, not listed_/);
  });

  it("shows no trace of a test route nor one that stops at its first, unresolved step, and counts them", () => {
    const guide = renderStudyGuide(result, [], { version: 1, items: {} });
    assert.match(guide, /GET \/posts/);
    assert.doesNotMatch(guide, /GET \/ping|GET \/hello/);
    assert.match(guide, /_2 more of test routes or of a single unresolved step\\: not shown_/);
  });
});
