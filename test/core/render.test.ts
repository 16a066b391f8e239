import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderTraceSvg } from '../../src/core/render/sequenceSvg';
import { renderMarkdown } from '../../src/core/render/markdown';
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
