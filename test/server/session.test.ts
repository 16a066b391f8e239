import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import type { Analysis } from '../../src/core/analyze';
import type { AnalysisResult } from '../../src/core/result';
import type { FolderStatus } from '../../src/protocol/protocol';
import { type AnalysisEngine, FolderSession } from '../../src/server/session';

/** An analysis that is only its result, named by a number: enough for the session, which never looks inside. */
function fakeAnalysis(made: number, changed: readonly string[] = []): Analysis {
  const result = { root: '/w', kind: { kind: 'service', scores: { framework: 0, service: 1, library: 0 }, evidence: [], parts: [] }, files: [], routes: [], findings: [], skipped: [], interfaces: [], violations: [], queryWarnings: [], made, changed } as unknown as AnalysisResult;
  return { result, trace: () => undefined, traceWithTypes: () => Promise.resolve(undefined), definitionsIn: () => [], answers: () => [], architectureMap: () => ({ kind: 'service', lanes: [], boxes: [], edges: [], cycles: [], leftOut: [] }), update: () => Promise.resolve(fakeAnalysis(made + 1)) };
}

const made = (analysis: Analysis | undefined) => (analysis?.result as unknown as { made: number } | undefined)?.made;

function recorder() {
  const lines: string[] = [];
  return { lines, log: { info: (line: string) => lines.push(`info ${line}`), warn: (line: string) => lines.push(`warn ${line}`), error: (line: string) => lines.push(`error ${line}`) } };
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the server’s folder session', () => {
  it('survives an analysis that throws: logs it, restarts it, and answers from the analysis that then succeeds', async () => {
    let runs = 0;
    const engine: AnalysisEngine = {
      analyze: () => {
        runs++;
        return runs === 1 ? Promise.reject(new Error('the parser broke')) : Promise.resolve(fakeAnalysis(runs));
      },
      update: (analysis) => Promise.resolve(analysis),
      ready: () => Promise.resolve(),
    };
    const { lines, log } = recorder();
    const session = new FolderSession({ root: '/w', settings: { cacheDirectory: false }, log, engine, gatherMs: 5 });
    session.start();
    const analysis = await session.analysis();
    assert.equal(made(analysis), 2);
    assert.equal(runs, 2);
    assert.ok(lines.some((line) => line.startsWith('error /w: the analysis failed: Error: the parser broke')), lines.join('\n'));
    assert.ok(lines.some((line) => /restarting the analysis in \d+ ms \(restart 1 of 3\)/.test(line)), lines.join('\n'));
    assert.equal(session.status().state, 'ready');
    session.dispose();
  });

  it('gives up after repeated failures with a clear state, keeping the last complete analysis when there is one', async () => {
    let runs = 0;
    const engine: AnalysisEngine = {
      analyze: () => {
        runs++;
        return runs === 1 ? Promise.resolve(fakeAnalysis(1)) : Promise.reject(new Error('out of memory'));
      },
      update: () => Promise.reject(new Error('an update broke')),
      ready: () => Promise.resolve(),
    };
    const { lines, log } = recorder();
    const session = new FolderSession({ root: '/w', settings: { cacheDirectory: false, updateOnChange: true }, log, engine, gatherMs: 5, maxRestarts: 1 });
    session.start();
    await session.analysis();
    session.changed(['/w/a.py']);
    // The update fails, then the full analysis that restarts it: one restart allowed.
    for (let waited = 0; waited < 3000 && !lines.some((line) => line.includes('not restarting')); waited += 20) await settle(20);
    assert.ok(lines.some((line) => line.includes('the update failed: Error: an update broke')), lines.join('\n'));
    assert.ok(lines.some((line) => line.includes('not restarting it')), lines.join('\n'));
    assert.equal(made(session.current), 1, 'the last complete analysis still answers');
    assert.equal(session.status().state, 'ready');
    session.dispose();
  });

  it('reports failed, and rejects waiting requests, when no analysis ever completes', async () => {
    const engine: AnalysisEngine = { analyze: () => Promise.reject(new Error('no')), update: (analysis) => Promise.resolve(analysis), ready: () => Promise.resolve() };
    const session = new FolderSession({ root: '/w', settings: {}, log: recorder().log, engine, maxRestarts: 0 });
    session.start();
    await assert.rejects(session.analysis(), /could not be analysed: the analysis failed 1 times in a row; the last time: no|the analysis failed 1 times/);
    assert.equal(session.status().state, 'failed');
    session.dispose();
  });

  it('answers from the last complete analysis while an update runs, and a newer edit cancels the update it makes stale', async () => {
    const updates: { changed: readonly string[]; aborted: boolean }[] = [];
    let release: (() => void) | undefined;
    const engine: AnalysisEngine = {
      analyze: () => Promise.resolve(fakeAnalysis(1)),
      update: (analysis, changed, options) =>
        new Promise<Analysis>((resolve, reject) => {
          const entry = { changed, aborted: false };
          updates.push(entry);
          options.signal?.addEventListener('abort', () => {
            entry.aborted = true;
            reject(new Error('aborted'));
          });
          release = () => resolve(fakeAnalysis((made(analysis) ?? 0) + 1, changed));
        }),
      ready: () => Promise.resolve(),
    };
    const statuses: FolderStatus[] = [];
    const session = new FolderSession({ root: '/w', settings: { cacheDirectory: false }, log: recorder().log, engine, gatherMs: 10, onDidChange: (status) => statuses.push(status) });
    session.start();
    await session.analysis();
    session.changed(['/w/a.py']);
    for (let waited = 0; waited < 2000 && !updates.length; waited += 5) await settle(5);
    assert.equal(updates.length, 1);
    // While the update runs, requests get the last complete analysis at once.
    assert.equal(made(await session.analysis()), 1);
    assert.equal(session.status().state, 'updating');
    session.changed(['/w/b.py']);
    for (let waited = 0; waited < 2000 && updates.length < 2; waited += 5) await settle(5);
    assert.equal(updates[0]?.aborted, true, 'the stale update was cancelled');
    assert.deepEqual([...(updates[1]?.changed ?? [])].sort(), ['/w/a.py', '/w/b.py'], 'the next update reads every file changed since the last complete analysis');
    release?.();
    for (let waited = 0; waited < 2000 && session.status().version < 2; waited += 5) await settle(5);
    assert.equal(made(session.current), 2);
    assert.deepEqual(statuses.at(-1), { root: '/w', state: 'ready', version: 2, summary: session.status().summary });
    session.dispose();
  });

  /** A session whose updates are recorded, each held until released, on an analysis already made. */
  async function editedSession(t: TestContext, gatherMs: number) {
    const updates: { changed: readonly string[]; aborted: boolean; release: () => void }[] = [];
    const engine: AnalysisEngine = {
      analyze: () => Promise.resolve(fakeAnalysis(1)),
      update: (analysis, changed, options) =>
        new Promise<Analysis>((resolve, reject) => {
          const entry = { changed, aborted: false, release: () => resolve(fakeAnalysis((made(analysis) ?? 0) + 1, changed)) };
          updates.push(entry);
          options.signal?.addEventListener('abort', () => {
            entry.aborted = true;
            reject(new Error('aborted'));
          });
        }),
      ready: () => Promise.resolve(),
    };
    const session = new FolderSession({ root: '/w', settings: { cacheDirectory: false }, log: recorder().log, engine, gatherMs });
    t.after(() => session.dispose());
    session.start();
    await session.analysis();
    return { session, updates };
  }
  const turns = async () => {
    for (let n = 0; n < 5; n++) await new Promise((resolve) => setImmediate(resolve));
  };

  it('analyses an edited document at once, and gathers a burst of watched changes for the whole window', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout', 'Date'] });
    const gatherMs = 60_000;
    const { session, updates } = await editedSession(t, gatherMs);
    session.edited('/w/a.py');
    t.mock.timers.tick(0);
    await turns();
    assert.deepEqual(updates.map((update) => update.changed), [['/w/a.py']], 'the edit did not wait for the gather window');
    updates[0]?.release();
    await turns();
    assert.equal(made(session.current), 2);

    // A branch switch: the watcher's changes come one after another; an edit meanwhile joins them.
    session.changed(['/w/b.py']);
    t.mock.timers.tick(gatherMs - 1);
    session.changed(['/w/c.py', '/w/d.py']);
    session.edited('/w/e.py');
    t.mock.timers.tick(gatherMs - 1);
    await turns();
    assert.equal(updates.length, 1, 'nothing runs while the burst is gathered');
    t.mock.timers.tick(1);
    await turns();
    assert.deepEqual([...(updates[1]?.changed ?? [])].sort(), ['/w/b.py', '/w/c.py', '/w/d.py', '/w/e.py'], 'the burst is one update');
    updates[1]?.release();
    await turns();
    assert.equal(made(session.current), 3);
    session.dispose();
  });

  it('cancels the update an edit makes stale and runs the next with every file changed since', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout', 'Date'] });
    const { session, updates } = await editedSession(t, 60_000);
    session.edited('/w/a.py');
    t.mock.timers.tick(0);
    await turns();
    session.edited('/w/b.py');
    t.mock.timers.tick(0);
    await turns();
    assert.equal(updates[0]?.aborted, true, 'the stale update was cancelled');
    assert.deepEqual([...(updates[1]?.changed ?? [])].sort(), ['/w/a.py', '/w/b.py']);
    updates[1]?.release();
    await turns();
    assert.equal(made(session.current), 2);
    assert.equal(session.status().state, 'ready');
    session.dispose();
  });
});
