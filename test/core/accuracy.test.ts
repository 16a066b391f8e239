import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { type AnalysisResult, Finding, type Trace } from '../../src/core/result';
import { loadCorpus, parseLabel } from '../accuracy/labels';
import { compare, render, totalsBySplit } from '../accuracy/report';
import { normalizePath, precision, recall, scoreRepository } from '../accuracy/score';
import { ROOT } from '../helpers';

function finding(category: Finding['category'], symbol: string, startLine = 0, endLine = startLine): Finding {
  return { ...Finding.made(category, symbol, { start: { line: startLine, character: 0 }, end: { line: endLine, character: 1 } }, { rule: 'test' }), layer: 'api' };
}

/** A small result made for the test: what ArchTrace would say of an imagined shop. */
function result(): AnalysisResult {
  return {
    schemaVersion: 2,
    root: '/shop',
    kind: { kind: 'service', scores: { framework: 0, service: 1, library: 0 }, evidence: [], parts: [] },
    files: [
      { path: 'shop/api/orders.py', language: 'python', layer: 'api', reasons: [], confidence: 'stated' },
      { path: 'shop/api/users.py', language: 'python', layer: 'application', reasons: [], confidence: 'inferred' },
      { path: 'shop/db/repo.py', language: 'python', layer: 'infrastructure', reasons: [], confidence: 'stated' },
    ],
    findings: [
      finding('middleware', 'shop/app.py:TimingMiddleware', 3, 20),
      finding('receiver', 'shop/app.py:<anonymous>@40', 39),
      finding('model', 'tests/factories.py:OrderFactory'),
      finding('task', 'shop/tasks.py:send_receipt'),
      { ...Finding.made('task', 'shop/jobs.py:cleanup', { start: { line: 4, character: 0 }, end: { line: 9, character: 1 } }, { rule: 'test', registeredAt: ['shop/app.py:52'] }), layer: 'application' },
    ],
    interfaces: [{ base: 'shop/ports.py:OrderRepository', implementations: ['shop/db/repo.py:SqlOrderRepository'] }],
    routes: [
      { method: 'GET', path: '/api/orders/{order_id}', handler: 'shop/api/orders.py:get_order', framework: 'fastapi' },
      { method: 'POST', path: '/api/orders', handler: 'shop/api/orders.py:wrong', framework: 'fastapi' },
      { method: 'GET', path: '/health', handler: 'tests/client.py:<anonymous>@3', framework: 'fastapi' },
    ],
    traces: [],
    answers: [],
    violations: [],
    dataModel: { entities: [{ name: 'Order', table: 'orders', source: 'sqlalchemy', location: { path: 'shop/models.py', line: 1 }, columns: [], rules: [], hints: [] }], relationships: [] },
    queryWarnings: [],
    skipped: [],
  };
}

const LABEL = `
repo: acme/shop
commit: ${'a'.repeat(40)}
split: tuned
languages: [python]
files: 3
kind: service
kindWhy: deployed, publishes nothing
checked: read for the test
mustFind:
  middleware:
    - { symbol: "shop/app.py:TimingMiddleware" }
    - { symbol: "shop/app.py:CorsMiddleware" }
  receiver:
    - { at: "shop/app.py:40" }
  task:
    - { symbol: "shop/tasks.py:send_receipt" }
    - { at: "shop/app.py:52" }
    - { at: "shop/app.py:53" }
  interface:
    - { base: "shop/ports.py:OrderRepository", implementations: ["shop/db/repo.py:SqlOrderRepository", "shop/db/memory.py:MemoryOrderRepository"] }
  route:
    - { method: GET, path: "/api/orders/:id", handler: "shop/api/orders.py:get_order" }
    - { method: POST, path: /api/orders, handler: "shop/api/orders.py:create_order" }
    - { method: DELETE, path: "/api/orders/<int:order_id>" }
  entity:
    - { name: orders }
    - { name: Customer }
mustNotFind:
  - { category: model, symbol: "tests/factories.py:OrderFactory", why: a test factory }
  - { category: route, method: GET, path: /health, why: an HTTP client call in a test }
  - { category: repository, symbol: "shop/cache.py:Cache", why: a cache }
layers:
  - { path: shop/api/, role: api }
  - { path: shop/db/repo.py, role: infrastructure }
traces:
  - route: GET /api/orders/{id}
    mustVisit: ["shop/api/orders.py:get_order", "shop/services.py:OrderService.get"]
  - route: DELETE /api/orders/{id}
    mustVisit: ["shop/api/orders.py:delete_order"]
`;

describe('accuracy scorer', () => {
  it('makes every parameter syntax one placeholder, and keeps what is not a parameter', () => {
    const forms = ['/users/{id}', '/users/:id', '/users/<int:id>', '/users/<id>', '^users/(?P<id>[0-9]+)$', '/users/{id:int}', '/users/:id(\\d+)', '/users/:id?'];
    for (const form of forms) assert.equal(normalizePath(form), '/users/{}', form);
    assert.equal(normalizePath('/a//b/'), '/a/b/');
    assert.equal(normalizePath('/time:now'), '/time:now');
    assert.notEqual(normalizePath('/users/{id}/'), normalizePath('/users/{id}'));
  });

  it('scores recall, precision, handlers, layers, traces and the kind of one repository', () => {
    const label = parseLabel(LABEL, 'acme__shop.yml');
    const trace: Trace = { route: 'GET /api/orders/{order_id}', steps: [{ symbol: 'shop/api/orders.py:get_order', layer: 'api', via: 'call', line: 1 }] };
    const score = scoreRepository(label, { result: result(), traces: new Map([['GET /api/orders/{id}', trace]]), seconds: 1 });

    assert.deepEqual([score.categories.middleware.found, score.categories.middleware.listed], [1, 2]);
    assert.deepEqual(score.categories.middleware.misses, ['shop/app.py:CorsMiddleware']);
    assert.equal(score.categories.receiver.found, 1, 'a line the finding covers');
    assert.deepEqual(score.categories.task.misses, ['at shop/app.py:53'], 'a line where a finding defined elsewhere is registered, and no other');
    assert.deepEqual([score.categories.interface.found, score.categories.interface.listed], [1, 2]);
    assert.deepEqual([score.categories.entity.found, score.categories.entity.listed], [1, 2], 'by table name, case aside');
    assert.deepEqual([score.categories.route.found, score.categories.route.listed], [2, 3]);
    assert.deepEqual([score.categories.handler.found, score.categories.handler.listed], [1, 2]);
    assert.match(score.categories.handler.misses[0] ?? '', /create_order \(got shop\/api\/orders.py:wrong\)/);
    assert.deepEqual([score.categories.model.forbidden, score.categories.model.reported], [1, 1]);
    assert.deepEqual([score.categories.route.forbidden, score.categories.route.reported], [1, 1]);
    assert.deepEqual([score.categories.repository.forbidden, score.categories.repository.reported], [1, 0]);
    assert.equal(precision(score.categories.route), 2 / 3);
    assert.equal(precision(score.categories.model), 0);
    assert.deepEqual(score.layers, { files: 3, agreeing: 2, disagreements: ['shop/api/users.py: application, labelled api'] });
    assert.deepEqual([score.traces.visited, score.traces.mustVisit], [1, 3]);
    assert.ok(score.traces.misses.includes('DELETE /api/orders/{id}: shop/api/orders.py:delete_order (no trace: route not found)'));
    assert.deepEqual(score.kind, { expected: 'service', got: 'service' });
  });

  it("leaves a framework's or a library's test routes out of what its label forbids, as they are neither listed nor forbidden", () => {
    const label = parseLabel(LABEL.replace('kind: service', 'kind: framework'), 'acme__shop.yml');
    const score = scoreRepository(label, { result: result(), traces: new Map(), seconds: 1 });
    assert.deepEqual([score.categories.route.forbidden, score.categories.route.reported], [1, 0]);
    const tested = result();
    tested.routes.push({ method: 'GET', path: '/health', handler: 'shop/health.py:health', framework: 'fastapi', source: { path: 'shop/health.py', line: 3 } });
    assert.equal(scoreRepository(label, { result: tested, traces: new Map(), seconds: 1 }).categories.route.reported, 1, 'the same route outside the tests still counts');
  });

  it('sums repositories per split, renders them and compares two runs', () => {
    const label = parseLabel(LABEL, 'acme__shop.yml');
    const before = scoreRepository(label, { result: result(), traces: new Map(), seconds: 1 });
    const better = result();
    better.findings.push(finding('middleware', 'shop/app.py:CorsMiddleware'));
    better.kind.kind = 'library';
    const after = scoreRepository(label, { result: better, traces: new Map(), seconds: 1 });
    const totals = totalsBySplit([after]);
    assert.equal(recall(totals.tuned?.categories.middleware ?? { listed: 0, found: 0 }), 1);
    assert.equal(totals.tuned?.kindsRight, 0);
    assert.equal(totals['held-back'], undefined);
    const table = render({ archtrace: 'abc', date: '2026-12-04', scores: [after], totals });
    assert.match(table, /\| acme\/shop \| \*\*library\*\* \(is service\) \| 2\/2 \|/);
    const change = compare({ archtrace: 'old', date: '', scores: [before], totals: totalsBySplit([before]) }, { archtrace: 'new', date: '', scores: [after], totals });
    assert.match(change, /\| middleware \| 50 % \| 100 % \|/);
    assert.match(change, /acme\/shop \(tuned\): middleware 1→2, kind service→library/);
  });

  it('refuses a label that breaks the format, naming the file and the place', () => {
    assert.throws(() => parseLabel(LABEL.replace('kind: service', 'kind: app'), 'acme__shop.yml'), /acme__shop\.yml: \/kind/);
    assert.throws(() => parseLabel(LABEL.replace('{ symbol: "shop/tasks.py:send_receipt" }', '{ name: send_receipt }'), 'acme__shop.yml'), /\/mustFind\/task\/0/);
    assert.throws(() => parseLabel(LABEL, 'other.yml'), /named acme__shop\.yml/);
  });

  it('the committed corpus: every label follows the format and the manifest lists each at its commit', () => {
    const labels = loadCorpus(join(ROOT, 'test', 'accuracy', 'labels'), join(ROOT, 'test', 'accuracy', 'corpus.yml'));
    assert.ok(labels.length >= 30, `${labels.length} labelled repositories`);
    for (const kind of ['framework', 'service', 'library']) assert.ok(labels.filter((label) => label.kind === kind).length >= 8, kind);
    assert.ok(readFileSync(join(ROOT, 'test', 'accuracy', 'corpus.yml'), 'utf8').includes('held-back'));
  });

  it('the committed Java and Go corpus: every label follows the format, with a held-back part', () => {
    const labels = loadCorpus(join(ROOT, 'test', 'accuracy', 'labels-java-go'), join(ROOT, 'test', 'accuracy', 'corpus-java-go.yml'));
    assert.ok(labels.length >= 12, `${labels.length} labelled repositories`);
    for (const language of ['java', 'go']) assert.ok(labels.filter((label) => label.languages.includes(language)).length >= 5, language);
    assert.ok(labels.some((label) => label.split === 'held-back') && labels.some((label) => label.split === 'tuned'));
  });
});
