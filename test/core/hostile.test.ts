import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import workerpool from 'workerpool';
import { analyzeWorkspace } from '../../src/core/analyze';
import type { WorkspaceFs } from '../../src/core/host';
import { analyzeFolder } from '../../src/node/analyzeFolder';
import { builtinKnowledge } from '../../src/node/knowledge';
import { ChecklistStore } from '../../src/node/checklistStore';
import { nodeFs } from '../../src/node/nodeFs';
import { DEFAULT_FILE_TIMEOUT_MS, WorkerAnalyzer } from '../../src/node/workerAnalyzer';
import { hostileFiles, ROOT, tempWorkspace, testScanner } from '../helpers';

/**
 * The time budget of the workspace's analysis: one only a hang overruns. The budget a file is given
 * is wall time, which a loaded machine stretches several times over; what a file costs is checked
 * apart, in processor time.
 */
const HANG_MS = 30 * DEFAULT_FILE_TIMEOUT_MS;

describe('hostile workspaces', () => {
  const workspace = tempWorkspace(hostileFiles());
  mkdirSync(join(workspace.root, 'loop'));
  symlinkSync(workspace.root, join(workspace.root, 'loop', 'up'));
  symlinkSync('/etc', join(workspace.root, 'outside'));
  after(workspace.cleanup);

  it('finishes, lists each file it did not analyse with a reason, and keeps every range inside its file', async () => {
    // A file deleted between discovery and parsing, as an editor or git may do.
    const deleting: WorkspaceFs = {
      ...nodeFs,
      readDirectory: async (path) => {
        const entries = await nodeFs.readDirectory(path);
        if (path === workspace.root) unlinkSync(join(workspace.root, 'gone.py'));
        return entries;
      },
    };
    const analyzer = new WorkerAnalyzer({ threads: 2, fileTimeoutMs: HANG_MS });
    try {
      const { result } = await analyzeWorkspace(
        workspace.root,
        { fs: deleting, analyzer, knowledge: builtinKnowledge(), concurrency: 4 },
        { maxFileSizeBytes: 4 * 1024 * 1024, traces: true },
      );
      const skipped = new Map(result.skipped.map((skip) => [skip.path, skip.reason]));
      assert.match(skipped.get('binary.py') ?? '', /binary/);
      assert.match(skipped.get('latin1.py') ?? '', /not UTF-8/);
      assert.match(skipped.get('gone.py') ?? '', /not readable: ENOENT/);
      assert.match(skipped.get('loop/up') ?? '', /already analysed/);
      assert.match(skipped.get('outside') ?? '', /outside the workspace/);
      const analysed = result.files.map((file) => file.path).sort();
      for (const path of ['half_typed.py', 'syntax_error.py', 'bom_crlf.py', 'deep_brackets.py', 'deep_calls.py', 'deep_ifs.py', 'minified.js', 'settings.py', '<img src=x onerror=alert(1)>.py']) {
        assert.ok(analysed.includes(path), `${path} analysed`);
      }
      for (const finding of result.findings) assert.ok(finding.range.start.line <= finding.range.end.line);
    } finally {
      await analyzer.dispose();
    }
  });

  it('scans each of its source files in less processor time than the time budget a file is given', async () => {
    const sources = Object.entries(hostileFiles()).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && /\.(py|js)$/.test(entry[0]));
    const languageOf = (path: string) => (path.endsWith('.js') ? 'javascript' : 'python');
    // The grammars loaded and the queries compiled first: that is the thread's start, not a file's cost.
    for (const language of ['python', 'javascript'] as const) await testScanner().scan({ path: `warm.${language}`, language }, 'x = 1\n');
    for (const [path, text] of sources) {
      const started = process.cpuUsage();
      const facts = await testScanner().scan({ path, language: languageOf(path) }, text);
      const { user, system } = process.cpuUsage(started);
      assert.equal(facts.skipped, undefined, path);
      assert.ok((user + system) / 1000 < DEFAULT_FILE_TIMEOUT_MS, `${path} took ${((user + system) / 1e6).toFixed(1)} s of processor time`);
    }
  });

  it('reads a rule match nested deeper than written code goes, with the bound on deep trees in place', async () => {
    const depth = 150; // 300 levels of the tree: twice what the deepest hand-written file of the corpus reaches
    const nested = Array.from({ length: depth }, (_, level) => `${'    '.repeat(level)}def step${level}():\n`).join('');
    const text = `from celery import shared_task\n${nested}${'    '.repeat(depth)}@shared_task\n${'    '.repeat(depth)}def job():\n${'    '.repeat(depth + 1)}pass\n`;
    const facts = await testScanner().scan({ path: 'nested.py', language: 'python' }, text);
    assert.deepEqual(facts.findings.map((finding) => [finding.category, finding.symbol.split('.').pop()]), [['task', 'job']]);
  });

  it('analyses an empty workspace to an empty result', async () => {
    const empty = tempWorkspace({});
    try {
      const { result } = await analyzeFolder(empty.root, { threads: 1 });
      assert.deepEqual([result.files, result.findings, result.routes, result.skipped], [[], [], [], []]);
      assert.deepEqual(result.kind.evidence, []);
    } finally {
      empty.cleanup();
    }
  });

  it('skips a file that takes longer than the time budget, naming the budget, and goes on', async () => {
    const { result } = await analyzeFolder(workspace.root, { threads: 1, fileTimeoutMs: 1, maxFileSizeBytes: 4 * 1024 * 1024 });
    assert.ok(result.skipped.some((skip) => /took longer than/.test(skip.reason)), JSON.stringify(result.skipped));
  });
});

describe('a slow file among fast ones', () => {
  const files: Record<string, string> = { 'big.py': 'def f(x):\n    return [x + 1, {"a": (x, x * 2)}]\n'.repeat(120_000) };
  for (let index = 0; index < 30; index++) files[`m${index}.py`] = `class M${index}:\n    pass\n`;
  const workspace = tempWorkspace(files);
  after(workspace.cleanup);

  it('skips only the slow file, given its time budget once: the files of its batch are analysed again without it', async () => {
    // Every batch sent to a worker thread, as the files it holds.
    const sent: string[][] = [];
    const pool = Object.getPrototypeOf(workerpool.pool()) as { exec: (method: string, args: unknown[]) => unknown };
    const exec = pool.exec;
    pool.exec = function (this: unknown, method: string, args: unknown[]) {
      if (method === 'analyzeFiles') sent.push((args[0] as { path: string }[]).map((task) => task.path));
      return exec.call(this, method, args);
    };
    try {
      const { result } = await analyzeFolder(workspace.root, { threads: 1, fileTimeoutMs: 1500, maxFileSizeBytes: 16 * 1024 * 1024 });
      assert.deepEqual(result.skipped.map((skip) => skip.path), ['big.py']);
      assert.match(result.skipped[0]?.reason ?? '', /took longer than 1.5 s/);
      // It had been sent again on its own, with the whole budget again (a 50 MB file: 42 s and 2.9 GB).
      assert.equal(sent.filter((paths) => paths.includes('big.py')).length, 1, JSON.stringify(sent));
      assert.equal(result.files.length, 30);
      assert.equal(result.findings.length + result.files.filter((file) => file.path.startsWith('m')).length, 30);
    } finally {
      pool.exec = exec;
    }
  });
});

describe('a file skipped for the time budget', () => {
  const workspace = tempWorkspace({ 'orders.py': 'def total(order):\n    return sum(line.price for line in order.lines)\n'.repeat(4000) });
  const cacheFile = join(tmpdir(), `archtrace-budget-${process.pid}.cache`);
  after(() => {
    workspace.cleanup();
    rmSync(cacheFile, { force: true });
  });

  it('is not kept in the cache: the next run, given time, analyses it', async () => {
    const hurried = await analyzeFolder(workspace.root, { threads: 1, fileTimeoutMs: 1, cacheFile });
    assert.deepEqual(hurried.result.skipped.map((skip) => skip.path), ['orders.py']);
    const { result } = await analyzeFolder(workspace.root, { threads: 1, cacheFile });
    assert.deepEqual(result.skipped, []);
    assert.deepEqual(result.files.map((file) => file.path), ['orders.py']);
  });
});

describe('100,000 tiny files', () => {
  const files: Record<string, string> = {};
  for (let index = 0; index < 100_000; index++) files[`p${Math.floor(index / 100)}/m${index % 100}.py`] = 'x = 1\n';
  const workspace = tempWorkspace(files);
  after(workspace.cleanup);

  it('are all analysed', { timeout: 600_000 }, async () => {
    const { result } = await analyzeFolder(workspace.root);
    assert.equal(result.files.length, 100_000);
  });
});

describe('state that must not be lost', () => {
  const workspace = tempWorkspace({});
  after(workspace.cleanup);

  it('keeps a valid progress file when the writing process is killed mid-write', async () => {
    const path = join(workspace.root, 'progress.json');
    const store = join(ROOT, 'out', 'src', 'node', 'checklistStore.js');
    const writer = spawn(process.execPath, ['-e', `const { ChecklistStore } = require(${JSON.stringify(store)}); const s = new ChecklistStore(${JSON.stringify(path)}); let i = 0; (async () => { for (;;) await s.update('item-' + (i++ % 50), { done: true, note: 'x'.repeat(5000) }); })();`]);
    // Killed while it writes on: once its first write is there (its start takes long on a loaded machine), a moment later.
    for (let waited = 0; !existsSync(path) && waited < 30_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 300));
    writer.kill('SIGKILL');
    await new Promise((resolve) => writer.once('exit', resolve));
    const loaded = await new ChecklistStore(path).load();
    assert.equal(loaded.warning, undefined);
    assert.ok(Object.keys(loaded.progress.items).length > 0);
  });
});
