import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyKind, foldersOf } from '../../src/core/classify/classify';
import type { FindingCategory, InterfaceImplementations } from '../../src/core/result';
import { builtinKnowledge } from '../../src/node/knowledge';

async function firedFor(files: string[], findings: Partial<Record<FindingCategory, number>> = {}, interfaces: InterfaceImplementations[] = [], routes = 0): Promise<string[]> {
  const made = Object.entries(findings).flatMap(([category, count]) =>
    Array.from({ length: count }, (_, index) => ({ category: category as FindingCategory, symbol: `app/x.py:S${index}`, details: { rule: 'test' } })),
  );
  const verdict = await classifyKind(builtinKnowledge(), {
    folders: foldersOf(files),
    files,
    findings: made,
    routes: Array.from({ length: routes }, (_, index) => ({ handler: `app/api.py:h${index}` })),
    interfaces,
  });
  return verdict.evidence.map((evidence) => evidence.signal);
}

/** Must-match and must-not-match cases for the built-in rules, in the manner of linguist's heuristics tests. */
const CASES: { rule: string; match: string[][]; noMatch: string[][] }[] = [
  { rule: 'benchmarks-folder', match: [['benchmarks/run.py'], ['falcon/bench/b.py']], noMatch: [['src/benchmarking.py'], ['app/graphql/tests/benchmark/test_b.py']] },
  { rule: 'request-pipeline-files', match: [['lib/request.js', 'lib/reply.js', 'lib/route.js'], ['falcon/request.py', 'falcon/response.py', 'falcon/routing/compiled.py']], noMatch: [['app/api/routes/orders.py', 'app/api/deps.py', 'app/schemas/requests.py']] },
  { rule: 'implementation-folders', match: [['lib/dialects/pg/index.js', 'lib/dialects/mysql/index.js', 'lib/dialects/sqlite3/index.js']], noMatch: [['lib/dialects/pg/index.js']] },
  { rule: 'service-domain-folders', match: [['src/domain/models/order.py']], noMatch: [['src/domains.py'], ['docs/domain.md']] },
  { rule: 'migrations-folder', match: [['app/migrations/0001_initial.py']], noMatch: [['app/migrations/0001.py', 'lib/dialects/x.py']] },
  { rule: 'deployment-files', match: [['Dockerfile'], ['deploy/helm/values.yaml'], ['Procfile']], noMatch: [['docs/docker.md'], ['.devcontainer/Dockerfile']] },
  { rule: 'examples-folder', match: [['examples/app.py'], ['docs_src/tutorial/a.py']], noMatch: [['src/example_data.py']] },
];

describe('repository-kind rules', () => {
  for (const { rule, match, noMatch } of CASES) {
    it(`${rule} fires where it should and nowhere else`, async () => {
      for (const files of match) assert.ok((await firedFor(files)).includes(rule), `${rule} should fire for ${files.join(', ')}`);
      for (const files of noMatch) assert.ok(!(await firedFor(files)).includes(rule), `${rule} must not fire for ${files.join(', ')}`);
    });
  }

  it('gives the same kind, evidence included, whatever order the findings come in', async () => {
    const findings = ['app/b/models.py:B', 'app/a/models.py:A', 'app/c/models.py:C'].map((symbol) => ({ category: 'model' as const, symbol, details: { rule: 'test' } }));
    const kindOf = (ordered: typeof findings) => classifyKind(builtinKnowledge(), { folders: foldersOf(['app/a/views.py']), files: ['app/a/views.py'], findings: ordered, routes: [], interfaces: [] });
    assert.deepEqual(await kindOf([...findings].reverse()), await kindOf(findings));
    assert.ok((await kindOf(findings)).evidence.some((evidence) => evidence.path === 'app/a/models.py'));
  });

  it('counts routes, findings and interfaces outside tests and examples only', async () => {
    assert.ok((await firedFor([], {}, [], 3)).includes('many-routes'));
    assert.ok(!(await firedFor([], {}, [], 2)).includes('many-routes'));
    assert.ok((await firedFor([], { model: 3 })).includes('data-model'));
    const base = { base: 'lib/base.py:Base', implementations: ['lib/a.py:A', 'lib/b.py:B', 'lib/c.py:C'] };
    assert.ok((await firedFor([], {}, [base])).includes('interface-with-implementations'));
    assert.ok(!(await firedFor([], {}, [{ ...base, implementations: ['tests/a.py:A', 'tests/b.py:B', 'lib/c.py:C'] }])).includes('interface-with-implementations'));
  });

  it('counts the routes the code declares, not the routes of tests that the package\'s own views serve', async () => {
    const verdictOn = (declaredIn: string) =>
      classifyKind(builtinKnowledge(), {
        folders: [],
        files: [],
        findings: [],
        routes: Array.from({ length: 3 }, (_, index) => ({ handler: `rest_framework/mixins.py:Mixin${index}.list`, source: { path: declaredIn } })),
        interfaces: [],
      });
    assert.ok(!(await verdictOn('tests/urls.py')).evidence.some((evidence) => evidence.signal === 'many-routes'));
    assert.deepEqual(
      (await verdictOn('app/urls.py')).evidence.filter((evidence) => evidence.signal === 'many-routes').map((evidence) => evidence.path),
      ['app/urls.py'],
    );
  });

  it('sees one interface implemented several times in a backends folder, not merely a folder of that name', async () => {
    const backends = { base: 'cache/base.py:BaseCache', implementations: ['cache/backends/memory.py:Memory', 'cache/backends/redis.py:Redis'] };
    assert.ok((await firedFor(['cache/backends/memory.py'], {}, [backends])).includes('implementations-in-backends'));
    assert.ok(!(await firedFor(['app/data/transport/views.py'], {}, [])).includes('implementations-in-backends'));
  });

  it('lists a subtree whose kind differs clearly from the whole as a mixed part', async () => {
    const files = [
      ...Array.from({ length: 10 }, (_, index) => `web/api/routes/r${index}.py`),
      ...Array.from({ length: 9 }, (_, index) => `web/orm/backends/b${index}.py`),
      'Dockerfile',
      'web/migrations/0001.py',
    ];
    const backends = { base: 'web/orm/base.py:Engine', implementations: ['web/orm/backends/b1.py:A', 'web/orm/backends/b2.py:B', 'web/orm/backends/b3.py:C'] };
    const verdict = await classifyKind(builtinKnowledge(), { folders: foldersOf(files), files, findings: [], routes: Array.from({ length: 30 }, (_, index) => ({ handler: `web/api/routes/r${index % 10}.py:h` })), interfaces: [backends] });
    assert.equal(verdict.kind, 'service');
    assert.deepEqual(verdict.parts, [{ path: 'web/orm/', kind: 'library' }]);
  });

  it('reads what the README talks about, in whole words', async () => {
    const verdict = async (text: string) =>
      (await classifyKind(builtinKnowledge(), { folders: [], files: ['README.md'], findings: [], routes: [], interfaces: [], readme: { path: 'README.md', text } })).evidence.map((evidence) => evidence.signal);
    assert.ok((await verdict('benchmarks: throughput 1M ops/sec, p99 latency 2 ms')).includes('readme-performance'));
    assert.ok(!(await verdict('throughputs and latencyish benchmarking')).includes('readme-performance'));
    assert.ok((await verdict('## architecture\nsee the sequence diagram; deployment with docker compose')).includes('readme-architecture'));
  });
});
