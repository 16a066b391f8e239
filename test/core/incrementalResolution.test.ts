import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Analysis } from '../../src/core/analyze';
import { resolveWorkspace } from '../../src/core/resolve/resolve';
import { SymbolId } from '../../src/core/result';
import { analyzeFolder, updateFolder } from '../../src/node/analyzeFolder';
import { builtinKnowledge } from '../../src/node/knowledge';
import { scanPython, tempWorkspace } from '../helpers';

/**
 * A workspace where every stage that adds to findings' details has something to add: a middleware
 * class registered on two applications (sites merged and folded onto its definition), a signal with
 * a receiver and a sender, a workspace decorator with its use, an Express route chain (path and
 * router from the chain's start) and a NestJS module's lists.
 */
const files: Record<string, string> = {
  'app/middleware.py': 'from starlette.middleware.base import BaseHTTPMiddleware\n\n\nclass TimingMiddleware(BaseHTTPMiddleware):\n    async def dispatch(self, request, call_next):\n        return await call_next(request)\n',
  'app/main.py': 'from fastapi import FastAPI\n\nfrom app.cache import cached\nfrom app.middleware import TimingMiddleware\n\napp = FastAPI()\napp.add_middleware(TimingMiddleware)\n\n\n@app.get("/orders")\n@cached\ndef orders():\n    return []\n',
  'app/admin.py': 'from fastapi import FastAPI\n\nfrom app.middleware import TimingMiddleware\n\nadmin = FastAPI()\nadmin.add_middleware(TimingMiddleware)\n',
  'app/cache.py': 'import functools\n\n\ndef cached(func):\n    @functools.wraps(func)\n    def wrapper(*args, **kwargs):\n        return func(*args, **kwargs)\n\n    return wrapper\n',
  'app/signals.py': 'from django.dispatch import Signal\n\norder_paid = Signal()\n',
  'app/receivers.py': 'from app.signals import order_paid\n\n\ndef on_paid(sender, **kwargs):\n    return sender\n\n\norder_paid.connect(on_paid)\n',
  'app/checkout.py': 'from app.signals import order_paid\n\n\ndef pay(order):\n    order_paid.send(sender=None, order=order)\n',
};
const scripts: Record<string, string> = {
  'web/server.js': "const express = require('express');\n\nconst router = express.Router();\nconst list = (req, res) => res.json([]);\nconst create = (req, res) => res.status(201).end();\nrouter.route('/items').get(list).post(create);\n\nconst app = express();\napp.use('/api', router);\napp.listen(3000);\n",
  'src/items.controller.ts': "import { Controller, Get } from '@nestjs/common';\n\n@Controller('items')\nexport class ItemsController {\n  @Get()\n  findAll() {\n    return [];\n  }\n}\n",
  'src/app.module.ts': "import { Module } from '@nestjs/common';\nimport { ItemsController } from './items.controller';\n\n@Module({ controllers: [ItemsController] })\nexport class AppModule {}\n",
};

/** The analysis's result and its routes' traces, as one string: what an update must give as a fresh analysis does. */
function comparable(analysis: Analysis): string {
  return JSON.stringify({ ...analysis.result, traces: analysis.result.routes.map((route) => analysis.trace(`${route.method} ${route.path}`)) });
}

/** The three edits the editor makes most: a line added at the top, a function added, a line typed halfway. */
function edited(text: string, kind: number, language: 'python' | 'script'): string {
  const comment = language === 'python' ? '#' : '//';
  const lines = text.split('\n');
  if (kind === 0) return `${comment} moved\n${text}`;
  if (kind === 1) return `${text}${language === 'python' ? '\n\ndef later(value):\n    return value\n' : '\nfunction later(value) {\n  return value;\n}\n'}`;
  const half = Math.floor(lines.length / 2);
  return [...lines.slice(0, half), `${comment} typed`, ...lines.slice(half)].join('\n');
}

describe('an update after each kind of edit, where resolution adds to findings (sites, receivers, uses, a route chain, a module)', () => {
  const workspace = tempWorkspace({ ...files, ...scripts });
  after(workspace.cleanup);

  it('gives what a fresh analysis gives, and leaves the last result as it was', async () => {
    let analysis = await analyzeFolder(workspace.root, { threads: 1 });
    const details = (symbol: string) => analysis.result.findings.find((finding) => finding.symbol === symbol)?.details;
    assert.deepEqual(details('app/middleware.py:TimingMiddleware')?.registeredAt, ['app/admin.py:6', 'app/main.py:7']);
    assert.deepEqual(details('app/signals.py:order_paid'), { rule: 'django-signal', framework: 'django', maker: 'Signal', receivers: ['app/receivers.py:on_paid'], senders: ['app/checkout.py:pay'] });
    assert.deepEqual(details('app/cache.py:cached')?.usedBy, ['app/main.py:orders']);
    assert.deepEqual(details('src/app.module.ts:AppModule')?.controllers, ['ItemsController']);
    assert.deepEqual(analysis.result.routes.map((route) => `${route.method} ${route.path}`).sort(), ['GET /api/items', 'GET /items', 'GET /orders', 'POST /api/items']);
    const all = { ...files, ...scripts };
    // Each file edited once, the kinds of edit taken in turn (a cold analysis after each is what makes this test long).
    for (const [position, [path, text]] of Object.entries(all).entries()) {
      const kind = position % 3;
      const last = analysis;
      const lastSpelled = comparable(last);
      writeFileSync(join(workspace.root, path), edited(text, kind, path.endsWith('.py') ? 'python' : 'script'));
      analysis = await updateFolder(analysis, [join(workspace.root, path)], { threads: 1 });
      const fresh = await analyzeFolder(workspace.root, { threads: 1 });
      assert.equal(comparable(analysis), comparable(fresh), `after edit ${kind} of ${path}`);
      // The update shares the last result's objects: none of them was written to.
      assert.equal(comparable(last), lastSpelled, `the last result after edit ${kind} of ${path}`);
      // Findings of the files the edit did not touch are the last result's objects.
      const lastFindings = new Set(last.result.findings);
      const untouched = analysis.result.findings.filter((finding) => SymbolId.parse(finding.symbol).path !== path && !finding.details.registeredAt && !finding.details.usedBy && !finding.details.receivers);
      assert.deepEqual(untouched.filter((finding) => !lastFindings.has(finding)).map((finding) => finding.symbol), [], `after edit ${kind} of ${path}`);
      writeFileSync(join(workspace.root, path), text);
      analysis = await updateFolder(analysis, [join(workspace.root, path)], { threads: 1 });
    }
  });
});

describe('resolution after an edit', () => {
  it('reuses the findings of the files the edit did not touch, and writes to none it was given', async () => {
    const knowledge = builtinKnowledge();
    const facts = await scanPython(files);
    const before = await resolveWorkspace(facts, knowledge);
    const factsSpelled = JSON.stringify(facts);
    const beforeSpelled = JSON.stringify(before.findings);
    const changed = (await scanPython({ 'app/checkout.py': edited(files['app/checkout.py'] as string, 1, 'python') }))[0];
    const now = await resolveWorkspace(
      facts.map((file) => (file.path === changed?.path ? changed : file)),
      knowledge,
      undefined,
      { index: before.index, shareAnswers: true },
    );
    const of = (findings: readonly { symbol: string }[], symbol: string) => findings.find((finding) => finding.symbol === symbol);
    // No stage adds to it: the same object, found in a kept part.
    assert.ok(of(before.findings, 'app/main.py:orders'));
    assert.equal(of(now.findings, 'app/main.py:orders'), of(before.findings, 'app/main.py:orders'));
    // Those a stage adds to are this resolution's copies; what was given stays as it was.
    assert.notEqual(of(now.findings, 'app/signals.py:order_paid'), of(before.findings, 'app/signals.py:order_paid'));
    assert.deepEqual(of(now.findings, 'app/signals.py:order_paid'), of(before.findings, 'app/signals.py:order_paid'));
    assert.equal(JSON.stringify(before.findings), beforeSpelled);
    assert.equal(JSON.stringify(facts), factsSpelled);
  });
});
