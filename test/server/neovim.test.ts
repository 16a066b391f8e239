import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT } from '../helpers';

/**
 * A real LSP client: Neovim (Debian's 0.7, installed by test/server/setup.sh), headless, runs
 * test/server/neovim.lua against `archtrace lsp --stdio` on a Python and a TypeScript fixture.
 */
const work = mkdtempSync(join(tmpdir(), 'archtrace-nvim-'));
after(() => rmSync(work, { recursive: true, force: true }));

const fixture = (name: string) => join(ROOT, 'test', 'fixtures', name);

interface Report {
  failures: string[];
  /** The end of Neovim's LSP log, when a check failed. */
  log?: string[];
  answers: Record<string, { hover?: string; hoverMs?: number; initializedMs?: number; analysedMs?: number; typedSeenMs?: number; symbols?: string[]; codeLenses?: string[]; diagnostics?: string[]; jumpedTo?: string }>;
}

describe('Neovim as the LSP client of archtrace lsp --stdio', () => {
  it('shows diagnostics, hovers a route with its trace, lists CodeLenses, finds routes as workspace symbols and sees a route typed before any save', () => {
    const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    assert.equal(nvim.status, 0, 'Neovim is not installed: run test/server/setup.sh (npm test does)');
    const spec = {
      command: [process.execPath, join(ROOT, 'dist', 'cli.js'), 'lsp', '--stdio'],
      env: { XDG_CACHE_HOME: join(work, 'cache') },
      timeoutMs: 60_000,
      cases: [
        {
          name: 'python',
          root: fixture('flask-blog'),
          file: 'blog/posts/views.py',
          diagnosticsFile: 'blog/posts/feed.py',
          diagnosticExpected: 'N+1 queries: the loop reads post.comments',
          hoverLine: 19, // @posts_bp.post("/")
          hoverExpected: ['POST', 'create', 'SqlPostRepository', 'views.py'],
          lensesExpected: ['Trace POST /posts/', 'Trace GET /posts/{post_id}', 'api · route'],
          symbolQuery: 'GET /posts/{post_id}',
          jumpExpected: 'views.py:15', // @posts_bp.route("/<int:post_id>"), where the handler's definition starts
          typed: { text: '\n\n@posts_bp.get("/drafts")\ndef drafts():\n    return {"posts": []}', route: 'GET /posts/drafts' },
        },
        {
          name: 'typescript',
          root: fixture('nest-shop'),
          file: 'src/orders/orders.controller.ts',
          diagnosticsFile: 'src/orders/orders.service.ts',
          diagnosticExpected: 'The application layer depends on the API layer',
          hoverLine: 23, // @Delete(':id')
          hoverExpected: ['DELETE', 'OrdersController', 'cancel', 'OrdersService'],
          lensesExpected: ['Trace DELETE /api/orders/{id}', 'Trace POST /api/orders'],
          symbolQuery: 'POST /api/orders',
          jumpExpected: 'orders.controller.ts:17', // @Post(), where the handler's definition starts
        },
      ],
    };
    const specFile = join(work, 'spec.json');
    const reportFile = join(work, 'report.json');
    writeFileSync(specFile, JSON.stringify(spec));
    const run = spawnSync('nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${join(ROOT, 'test', 'server', 'neovim.lua')}`], {
      encoding: 'utf8',
      timeout: 240_000,
      env: { ...process.env, ARCHTRACE_NVIM_SPEC: specFile, ARCHTRACE_NVIM_REPORT: reportFile },
    });
    let report: Report;
    try {
      report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
    } catch {
      assert.fail(`Neovim wrote no report (exit ${run.status}, signal ${run.signal}): ${run.stderr}${run.stdout}`);
    }
    for (const [name, answers] of Object.entries(report.answers)) {
      const times = [`initialize ${answers.initializedMs?.toFixed(0)} ms`, `first diagnostics ${answers.analysedMs?.toFixed(0)} ms`, `hover ${answers.hoverMs?.toFixed(1)} ms`, ...(answers.typedSeenMs ? [`typed route seen ${answers.typedSeenMs.toFixed(0)} ms`] : [])];
      console.log(`neovim ${name}: ${times.join(', ')}`);
    }
    assert.deepEqual(report.failures, [], `${JSON.stringify(report.answers, null, 2)}\n${(report.log ?? []).join('\n')}`);
    assert.equal(run.status, 0, run.stderr);
  });
});
