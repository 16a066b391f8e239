import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnalysisResult } from '../../src/core/result';
import { applyResultDelta, resultDelta, resultParts } from '../../src/protocol/resultDelta';

/** A result-shaped object of `files` entries (the part of saleor's result that is most of it), with a data model one level down. */
function result(files: number, changes: { path?: string; at?: number; removed?: boolean; dataModel?: unknown } = {}): AnalysisResult {
  const list = Array.from({ length: files }, (_, n) => ({ path: `pkg/module_${String(n).padStart(4, '0')}.py`, language: 'python', layer: n === changes.at ? 'domain' : 'service', reasons: ['imports django.db'] }));
  if (changes.path !== undefined) list.splice(changes.at ?? 0, 0, { path: changes.path, language: 'python', layer: 'api', reasons: [] });
  return {
    schemaVersion: 1,
    root: '/w',
    kind: { kind: 'service', scores: { framework: 0, service: 1, library: 0 }, evidence: [], parts: [] },
    files: list,
    routes: [],
    ...(changes.removed ? {} : { skipped: [{ path: 'big.py', reason: 'too large' }] }),
    dataModel: changes.dataModel ?? { entities: [{ name: 'Order', fields: [] }], relationships: [] },
  } as unknown as AnalysisResult;
}

const sizeOf = (value: unknown) => JSON.stringify(value).length;

describe('result deltas (archtrace/resultDelta)', () => {
  it('gives the whole result from nothing held in pages of bounded size, which applied make the result', () => {
    const whole = result(3000);
    const pages = resultDelta('/w', 0, 1, undefined, resultParts(whole), 16 * 1024);
    assert.ok(pages.length > 5, `${pages.length} pages`);
    assert.ok(pages.every((page, n) => page.page === n && page.pages === pages.length && page.since === 0 && page.version === 1));
    // A page is at most its budget, give or take its envelope and one element.
    assert.ok(pages.every((page) => sizeOf(page) < 16 * 1024 + 1024), pages.map(sizeOf).join(' '));
    assert.deepEqual(applyResultDelta(undefined, pages), whole);
  });

  it('sends only what changed: an element changed, one inserted, a part removed, a part one level down set', () => {
    const before = result(3000);
    const after = result(3000, { at: 1500, path: 'pkg/new.py', removed: true, dataModel: { entities: [{ name: 'Order', fields: ['id'] }], relationships: [] } });
    const pages = resultDelta('/w', 4, 5, resultParts(before), resultParts(after));
    assert.equal(pages.length, 1);
    const [delta] = pages;
    assert.deepEqual(delta?.removed, ['skipped']);
    assert.deepEqual(delta?.splices.map(({ path, start, deleteCount, items }) => ({ path, start, deleteCount, items: items.length })), [
      { path: 'files', start: 1500, deleteCount: 1, items: 2 },
      { path: 'dataModel.entities', start: 0, deleteCount: 1, items: 1 },
    ]);
    assert.deepEqual(Object.keys(delta?.set ?? {}), []);
    assert.ok(sizeOf(delta) < sizeOf(after) / 100);
    const applied = applyResultDelta(before, pages);
    assert.deepEqual(applied, after);
    // The result held is left as it was: a view may still render it.
    assert.deepEqual(before, result(3000));
  });

  it('sends a part whose kind changed whole: a data model become null, then a list again', () => {
    const before = result(10);
    const after = result(10, { dataModel: null });
    const gone = resultDelta('/w', 1, 2, resultParts(before), resultParts(after));
    assert.deepEqual(applyResultDelta(before, gone), after);
    const back = resultDelta('/w', 2, 3, resultParts(after), resultParts(before));
    assert.deepEqual(applyResultDelta(after, back), before);
  });

  it('gives an empty delta when nothing changed', () => {
    const same = result(100);
    const [delta, ...more] = resultDelta('/w', 3, 3, resultParts(same), resultParts(result(100)));
    assert.deepEqual(more, []);
    assert.deepEqual(delta, { root: '/w', version: 3, since: 3, page: 0, pages: 1, set: {}, removed: [], splices: [] });
  });
});
