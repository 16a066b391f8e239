import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT, SAMPLE } from '../helpers';

const CLI = join(ROOT, 'dist', 'cli.js');

const cacheHome = mkdtempSync(join(tmpdir(), 'archtrace-cli-cache-'));
after(() => rmSync(cacheHome, { recursive: true, force: true }));

function archtrace(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: SAMPLE, env: { ...process.env, XDG_CACHE_HOME: cacheHome } });
}

describe('the archtrace CLI', () => {
  it('analyses the current folder when given none, as JSON on stdout', () => {
    const run = archtrace('analyze');
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(run.stdout) as { root: string; kind: { kind: string } };
    assert.equal(result.root, SAMPLE);
    assert.equal(result.kind.kind, 'service');
  });

  it('prints the kind, the scores and the evidence for classify, and the kind object with --format json', () => {
    const text = archtrace('classify', '.');
    assert.match(text.stdout, /^kind: service\nscores: framework 0, service 1, library 0\nevidence:\n/);
    const json = JSON.parse(archtrace('classify', '--format', 'json').stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(json), ['kind', 'scores', 'evidence', 'parts']);
  });

  it('renders Markdown', () => {
    const run = archtrace('analyze', '--format', 'md');
    assert.match(run.stdout, /\| POST \| `\/orders` \| `app\/api\/routes\/orders.py:create_order` \|/);
  });

  it('traces one route as text, JSON and a Mermaid diagram', () => {
    const text = archtrace('trace', '.', 'POST /orders');
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /^POST \/orders\napi +create_order\n/);
    assert.match(text.stdout, /infrastructure +send_order_confirmation_email \[async\]/);
    assert.match(text.stdout, /domain +DomainEvent.publish \[event\]/);
    const json = JSON.parse(archtrace('trace', 'POST /orders', '--format', 'json').stdout) as { route: string; steps: unknown[] };
    assert.equal(json.route, 'POST /orders');
    assert.match(archtrace('trace', 'POST /orders', '--format', 'mermaid').stdout, /^sequenceDiagram/);
  });

  it('traces a route written as a request, asking the TypeScript compiler unless --no-types', () => {
    const nestShop = join(ROOT, 'test', 'fixtures', 'nest-shop');
    const typed = archtrace('trace', nestShop, 'DELETE /api/orders/42');
    assert.equal(typed.status, 0, typed.stderr);
    assert.match(typed.stdout, /^DELETE \/api\/orders\/\{id\}\n/);
    assert.match(typed.stdout, /Order\.cancel \[by type\]/);
    assert.match(typed.stdout, /Money\.format \[by type\]/);
    const plain = archtrace('trace', nestShop, 'DELETE /api/orders/42', '--no-types');
    assert.equal(plain.status, 0, plain.stderr);
    assert.doesNotMatch(plain.stdout, /by type|Order\.cancel/);
    // --traces with the compiler: the JSON traces carry the same steps.
    const result = JSON.parse(archtrace('analyze', nestShop, '--traces').stdout) as { traces: { route: string; steps: { typed?: boolean }[] }[] };
    assert.equal(result.traces.find((trace) => trace.route === 'DELETE /api/orders/{id}')?.steps.filter((step) => step.typed).length, 2);
  });

  it('says which routes exist when the route is unknown, with exit code 1', () => {
    const run = archtrace('trace', 'PUT /nowhere');
    assert.equal(run.status, 1);
    assert.match(run.stderr, /no route 'PUT \/nowhere'.*routes include: .*POST \/orders/);
  });

  it('puts the trace of every route in the result with --traces', () => {
    const result = JSON.parse(archtrace('analyze', '--traces').stdout) as { traces: { route: string }[] };
    assert.deepEqual(result.traces.map((trace) => trace.route).sort(), ['GET /orders/{order_id}', 'POST /orders', 'POST /orders/{order_id}/cancel']);
  });

  it('writes the study guide with report, reading the progress the editor keeps', () => {
    const progress = join(SAMPLE, '..', '..', 'out', 'cli-progress.json');
    writeFileSync(progress, JSON.stringify({ version: 1, items: { 'service.data-model': { done: true, note: 'orders have items', updated: 1 } } }));
    const run = archtrace('report', '--progress', progress);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /## Study checklist \(1 \/ 10\)/);
    assert.match(run.stdout, /- \[x\] Read the data model.*\n {2}> orders have items/);
    assert.match(run.stdout, /## Traces\n\n```\nPOST \/orders\n/);
  });

  it('keeps a facts cache between runs, and --no-cache neither reads nor writes one', () => {
    const directory = mkdtempSync(join(tmpdir(), 'archtrace-cache-'));
    after(() => rmSync(directory, { recursive: true, force: true }));
    assert.equal(archtrace('classify', '--no-cache').status, 0);
    assert.equal(archtrace('classify', '--cache-dir', directory).status, 0);
    // The facts, and beside them the whole result of the run.
    const files = readdirSync(directory).sort();
    assert.equal(files.length, 2);
    assert.match(files[0] ?? '', /^facts-[0-9a-f]{16}\.json$/);
    assert.equal(files[1], (files[0] ?? '').replace(/\.json$/, '.result.json'));
    assert.equal(archtrace('classify', '--cache-dir', directory).stdout, archtrace('classify', '--no-cache').stdout);
  });

  for (const [args, message] of [
    [['analyze', '/does/not/exist'], /^archtrace: cannot read '\/does\/not\/exist': no such directory/],
    [['analyze', join(SAMPLE, 'Dockerfile')], /is not a directory/],
    [['analyze', '--format', 'xml'], /--format must be json or md/],
    [['analyze', '--bogus'], /Unknown option '--bogus'/],
    [['explain'], /unknown command 'explain'/],
    [[], /no command given/],
    [['trace'], /trace needs a route/],
    [['trace', '.', 'orders'], /is not a route/],
    [['classify', '--traces'], /--traces goes with analyze/],
    [['classify', '--no-cache', '--cache-dir', '/tmp'], /exclude each other/],
  ] as const) {
    it(`answers '${args.join(' ')}' with one line and exit code 2`, () => {
      const run = archtrace(...args);
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, message);
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    });
  }
});
