import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT, tempWorkspace } from '../helpers';

const CLI = join(ROOT, 'dist', 'cli.js');

/** Far more than these runs take; a read that blocks on a FIFO never ends. */
const HANGING_MS = 60_000;

describe('special files among the configuration files', () => {
  const outside = mkdtempSync(join(tmpdir(), 'archtrace-outside-'));
  writeFileSync(join(outside, 'secret.md'), '# not the workspace\n');
  const workspace = tempWorkspace({
    'src/main.ts': "import { OrdersService } from './orders.service';\nimport express from 'express';\nconst app = express();\nconst orders = new OrdersService();\napp.get('/orders', (req, res) => { const made = orders.list(); res.json(made.all()); });\n",
    'src/orders.service.ts': 'export class OrdersService {\n  list() { return { all: () => [] }; }\n}\n',
  });
  // A manifest no writer will ever open, a compiler configuration extending one, a device and a file outside.
  execFileSync('mkfifo', [join(workspace.root, 'package.json'), join(workspace.root, 'tsconfig.base.json')]);
  writeFileSync(join(workspace.root, 'tsconfig.json'), '{ "extends": "./tsconfig.base.json" }\n');
  symlinkSync('/dev/zero', join(workspace.root, 'src', 'tsconfig.json'));
  symlinkSync(join(outside, 'secret.md'), join(workspace.root, 'README.md'));
  after(() => {
    workspace.cleanup();
    rmSync(outside, { recursive: true, force: true });
  });

  it('lists each as not read, with the reason, and finishes', () => {
    const run = spawnSync(process.execPath, [CLI, 'analyze', workspace.root, '--format', 'json', '--no-cache'], { encoding: 'utf8', timeout: HANGING_MS });
    assert.equal(run.status, 0, run.stderr || String(run.error));
    const skipped = new Map((JSON.parse(run.stdout) as { skipped: { path: string; reason: string }[] }).skipped.map((skip) => [skip.path, skip.reason]));
    assert.match(skipped.get('package.json') ?? '', /not a regular file \(a FIFO\)/);
    assert.match(skipped.get('tsconfig.base.json') ?? '', /not a regular file \(a FIFO\)/);
    assert.match(skipped.get('README.md') ?? '', /outside the workspace/);
  });

  it('leaves them unread by the type checker too: a trace by type finishes', () => {
    const run = spawnSync(process.execPath, [CLI, 'trace', workspace.root, 'GET /orders', '--format', 'json', '--no-cache'], { encoding: 'utf8', timeout: HANGING_MS });
    assert.equal(run.status, 0, run.stderr || String(run.error));
    assert.ok((JSON.parse(run.stdout) as { steps: unknown[] }).steps.length > 0);
  });
});

describe('a file over the size limit', () => {
  /** The process's peak RSS (MB) through an analysis with a facts cache, in a process of its own. */
  function peakMegabytes(root: string): number {
    const cacheFile = join(mkdtempSync(join(tmpdir(), 'archtrace-peak-')), 'facts.json');
    const script = `require(${JSON.stringify(join(ROOT, 'out', 'src', 'node', 'analyzeFolder.js'))}).analyzeFolder(${JSON.stringify(root)}, { threads: 1, cacheFile: ${JSON.stringify(cacheFile)} }).then(({ result }) => console.log(JSON.stringify({ rss: process.resourceUsage().maxRSS / 1024, skipped: result.skipped })))`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: HANGING_MS });
    rmSync(join(cacheFile, '..'), { recursive: true, force: true });
    assert.equal(run.status, 0, run.stderr || String(run.error));
    const { rss, skipped } = JSON.parse(run.stdout) as { rss: number; skipped: { path: string; reason: string }[] };
    if (skipped.length) assert.match(skipped[0]?.reason ?? '', /larger than the size limit/);
    return rss;
  }

  it('is not read to hash it for the cache: a 1 GB sparse file costs no more memory than a small one', () => {
    const small = tempWorkspace({ 'app.py': 'class A:\n    pass\n' });
    const large = tempWorkspace({ 'app.py': 'class A:\n    pass\n' });
    try {
      const descriptor = openSync(join(large.root, 'huge.py'), 'w');
      ftruncateSync(descriptor, 1024 ** 3);
      closeSync(descriptor);
      const [smallPeak, largePeak] = [peakMegabytes(small.root), peakMegabytes(large.root)];
      assert.ok(largePeak < smallPeak + 100, `${largePeak} MB with the 1 GB file, ${smallPeak} MB without`);
    } finally {
      small.cleanup();
      large.cleanup();
    }
  });
});
