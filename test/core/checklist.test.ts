import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { buildChecklist } from '../../src/core/checklist/checklist';
import { ChecklistProgress } from '../../src/core/checklist/progress';
import { renderStudyGuide } from '../../src/core/render/report';
import { type AnalysisResult, SCHEMA_VERSION } from '../../src/core/result';
import { analyzeFolder } from '../../src/node/analyzeFolder';
import { ChecklistStore } from '../../src/node/checklistStore';
import { ROOT, SAMPLE, tempWorkspace } from '../helpers';

describe('the study checklist', () => {
  it('differs by kind as the guide says, and links most items to the code of the repository', async () => {
    const service = (await analyzeFolder(SAMPLE, { threads: 1 })).result;
    const library = (await analyzeFolder(join(ROOT, 'test', 'fixtures', 'cachelib'), { threads: 1 })).result;
    const serviceItems = buildChecklist(service);
    const libraryItems = buildChecklist(library);
    assert.ok(serviceItems.every((item) => item.id.startsWith('service.')));
    assert.ok(libraryItems.every((item) => item.id.startsWith('library.')));
    assert.deepEqual(serviceItems.find((item) => item.id === 'service.trace-flow')?.link, { kind: 'route', route: 'POST /orders', label: 'POST /orders' });
    assert.equal(libraryItems.find((item) => item.id === 'library.interface')?.link?.label, 'BaseCache (3 implementations)');
    for (const [result, items] of [[service, serviceItems], [library, libraryItems]] as const) {
      const linked = items.filter((item) => item.link);
      assert.ok(linked.length / items.length >= 0.5, `${linked.length} of ${items.length} linked`);
      for (const item of linked) if (item.link?.kind === 'code') assert.ok(existsSync(join(result.root, item.link.path)), item.link.path);
    }
  });

  it('gives the framework fixture the framework path, linked to its router, middleware and hooks', async () => {
    const { result } = await analyzeFolder(join(ROOT, 'test', 'fixtures', 'microweb'), { threads: 1 });
    assert.equal(result.kind.kind, 'framework');
    const items = buildChecklist(result);
    const link = (id: string) => items.find((item) => item.id === id)?.link;
    assert.equal(link('framework.route-params')?.label, 'microweb/routing.py');
    assert.equal(link('framework.middleware-order')?.label, 'BaseMiddleware');
    assert.equal(link('framework.precondition')?.label, 'require_header');
    assert.ok(items.filter((item) => item.link).length / items.length >= 0.5);
  });

  it('gives a framework its own path, and each mixed part its own items', () => {
    const result = {
      root: '/x',
      kind: { kind: 'framework', scores: { framework: 1, service: 0, library: 0 }, evidence: [], parts: [{ path: 'web/db/', kind: 'library' }] },
      files: [{ path: 'web/routing.py', language: 'python', layer: 'routing', reasons: [], confidence: 'stated' }],
      findings: [],
      interfaces: [],
      routes: [],
      traces: [],
    answers: [],
      violations: [],
      dataModel: { entities: [], relationships: [] },
      queryWarnings: [],
      skipped: [],
      schemaVersion: SCHEMA_VERSION,
    } as AnalysisResult;
    const items = buildChecklist(result);
    assert.deepEqual(items.find((item) => item.id === 'framework.route-params')?.link, { kind: 'code', path: 'web/routing.py', line: 0, label: 'web/routing.py' });
    assert.ok(items.some((item) => item.id === 'web/db/#library.interface' && item.part === 'web/db/'));
  });

  it('renders a study guide with the ticks and notes', async () => {
    const { result } = await analyzeFolder(SAMPLE, { threads: 1 });
    const progress = ChecklistProgress.empty();
    progress.items['service.trace-flow'] = { done: true, note: 'the order is saved before payment', updated: 1 };
    const guide = renderStudyGuide(result, buildChecklist(result), progress);
    assert.match(guide, /## Study checklist \(1 \/ 10\)/);
    assert.match(guide, /- \[x\] Trace one business flow.*trace `POST \/orders`\n {2}> the order is saved before payment/);
  });
});

describe('checklist progress on disk', () => {
  const workspace = tempWorkspace({});
  after(workspace.cleanup);

  it('round-trips, and merges two windows item by item, the later change winning', async () => {
    const store = new ChecklistStore(join(workspace.root, 'a', 'progress.json'));
    await store.update('x', { done: true }, 10);
    await store.update('y', { done: false, note: 'n' }, 20);
    const { progress } = await store.load();
    assert.deepEqual(progress.items, { x: { done: true, updated: 10 }, y: { done: false, note: 'n', updated: 20 } });
    const other = ChecklistProgress.empty();
    other.items['x'] = { done: false, updated: 5 };
    other.items['z'] = { done: true, updated: 30 };
    assert.deepEqual(Object.keys(ChecklistProgress.merge(progress, other).items).sort(), ['x', 'y', 'z']);
    assert.equal(ChecklistProgress.merge(progress, other).items['x']?.done, true);
  });

  it('loses no change when two windows write at once', async () => {
    const path = join(workspace.root, 'b', 'progress.json');
    const windows = [new ChecklistStore(path), new ChecklistStore(path)];
    await Promise.all(Array.from({ length: 20 }, (_, index) => (windows[index % 2] as ChecklistStore).update(`item-${index}`, { done: true })));
    const { progress } = await new ChecklistStore(path).load();
    assert.equal(Object.keys(progress.items).length, 20);
  });

  it('starts afresh with a warning on a corrupt file, keeping it aside; a lock left by a writer that died or a temp file left by a crash does not block', async () => {
    const path = join(workspace.root, 'c', 'progress.json');
    const store = new ChecklistStore(path);
    await store.update('x', { done: true });
    writeFileSync(path, '{"version": 1, "items": {"x": {"done": tr');
    const loaded = await store.load();
    assert.match(loaded.warning ?? '', /damaged \(not valid JSON.*\); progress starts afresh/);
    assert.deepEqual(loaded.progress.items, {});
    // A lock its holder stopped renewing long ago.
    mkdirSync(`${path}.lock`);
    utimesSync(`${path}.lock`, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    writeFileSync(`${path}.123.tmp`, 'half');
    await store.update('y', { done: true });
    assert.equal(readFileSync(`${path}.corrupt-1`, 'utf8'), '{"version": 1, "items": {"x": {"done": tr');
    assert.equal((JSON.parse(readFileSync(path, 'utf8')) as ChecklistProgress).items['y']?.done, true);
  });
});
