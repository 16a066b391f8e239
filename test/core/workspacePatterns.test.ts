import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { compileRegex, GitignoreRules, GlobSet, matchesRouteTemplate, templateShape } from '../../src/core/workspacePatterns';
import { ROOT, tempWorkspace } from '../helpers';

const CLI = join(ROOT, 'dist', 'cli.js');

/** Far more than these runs take, far less than what the patterns cost a backtracking engine (minutes to years). */
const HANGING_MS = 60_000;

function archtrace(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args, '--no-cache'], { encoding: 'utf8', timeout: HANGING_MS });
}

describe('patterns a workspace writes, crafted to make a backtracking engine hang', () => {
  const stars = `${'*a'.repeat(16)}*b`;
  const longName = `${'a'.repeat(120)}.py`;
  const workspace = tempWorkspace({
    '.gitignore': `${stars}\n`,
    [`src/${longName}`]: 'x = 1\n',
    'blog/urls.py': [
      'from django.urls import path, re_path',
      'from . import views',
      'urlpatterns = [',
      `    re_path(r"^(?P<slug>${'[]'.repeat(40)}$", views.archive),`,
      '    re_path(r"^(?P<word>\\w+)-(?P=word)/$", views.twice),',
      '    re_path(r"^(?=a)articles/$", views.article),',
      '    path("posts/<int:pk>/", views.post),',
      ']',
    ].join('\n'),
    'blog/views.py': 'def archive(request, slug): pass\ndef twice(request, word): pass\ndef article(request): pass\ndef post(request, pk): pass\n',
    'shop/main.ts': `import { NestFactory } from '@nestjs/core';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.setGlobalPrefix('api', { exclude: ['${'(.*)'.repeat(24)}x'] });\n}\n`,
    'shop/items.controller.ts': `import { Controller, Get } from '@nestjs/common';\n@Controller('${'a'.repeat(80)}')\nexport class ItemsController {\n  @Get('${'{a}'.repeat(24)}')\n  list() { return []; }\n}\n`,
  });
  after(workspace.cleanup);

  it('finishes in seconds, the patterns no linear-time engine can run listed as skipped with their reason', () => {
    const run = archtrace('analyze', workspace.root, '--format', 'json', '--exclude', `**/${stars}`);
    assert.equal(run.status, 0, run.stderr || String(run.error));
    const result = JSON.parse(run.stdout) as { skipped: { path: string; reason: string }[]; routes: { method: string; path: string }[]; files: { path: string }[] };
    const reasons = result.skipped.filter((skip) => skip.path === 'blog/urls.py').map((skip) => skip.reason);
    assert.equal(reasons.length, 3, JSON.stringify(result.skipped));
    assert.match(reasons.find((reason) => reason.includes('(?=a)')) ?? '', /lookahead or lookbehind/);
    assert.match(reasons.find((reason) => reason.includes('(?P=word)')) ?? '', /not a regular expression RE2 reads|backreference/);
    assert.ok(reasons.some((reason) => reason.includes('[][]') && /missing closing \)/.test(reason)), JSON.stringify(reasons));
    assert.deepEqual(result.routes.filter((route) => route.path.startsWith('/posts')).map((route) => route.path), ['/posts/{pk}/']);
    // The crafted .gitignore line and exclude glob are applied, in linear time: the long name matches neither.
    assert.ok(result.files.some((file) => file.path === `src/${longName}`));
    assert.ok(result.routes.some((route) => route.path.startsWith(`/api/${'a'.repeat(80)}/`)));
  });

  it('traces a request against a crafted route template in seconds', () => {
    const run = archtrace('trace', workspace.root, `GET /api/${'a'.repeat(80)}/${'a'.repeat(60)}/`);
    assert.equal(run.error, undefined);
    assert.match(run.stderr, /no route/i);
  });
});

describe("ArchTrace's own regexes over workspace text", () => {
  // `/\/+$/` on a route of slashes retried from every slash: 100,000 of them took 10 s, this 160.
  const workspace = tempWorkspace({ 'app.js': `const express = require('express');\nconst app = express();\napp.get('${'/'.repeat(400_000)}x/', (req, res) => res.send('ok'));\n` });
  after(workspace.cleanup);

  it('cut a route path of 400,000 slashes in one pass', () => {
    const run = archtrace('analyze', workspace.root, '--format', 'json');
    assert.equal(run.status, 0, run.stderr || String(run.error));
    assert.equal((JSON.parse(run.stdout) as { routes: unknown[] }).routes.length, 1);
  });
});

describe('the linear-time matchers', () => {
  it('read .gitignore rules as git does: the last matching rule decides, a trailing slash means folders, a slash anchors', () => {
    const rules = new GitignoreRules('# comment\n*.log\n!keep.log\nbuild/\n/root-only.py\ndocs/**\nescaped\\ \n\\#hash\n');
    const ignored = (path: string, isDirectory = false) => rules.ignores(path, isDirectory);
    assert.deepEqual([ignored('a.log'), ignored('deep/b.log'), ignored('keep.log'), ignored('deep/keep.log')], [true, true, false, false]);
    assert.deepEqual([ignored('build', true), ignored('build'), ignored('x/build', true)], [true, false, true]);
    assert.deepEqual([ignored('root-only.py'), ignored('sub/root-only.py')], [true, false]);
    assert.deepEqual([ignored('docs', true), ignored('docs/a.md'), ignored('docs/x/y.md')], [false, true, true]);
    assert.deepEqual([ignored('escaped '), ignored('#hash'), ignored('comment')], [true, true, false]);
    assert.deepEqual(rules.unsupported, []);
  });

  it('match globs as picomatch does for excludes, and list the ones they cannot honour', () => {
    const globs = new GlobSet(['**/node_modules', 'src/**', '*.min.js', 'a/{b,c}/*.py', 'x?z/[!q]*', '!keep.py', '@(a|b)', 'docs/[z-a]']);
    const matched = ['node_modules', 'a/b/node_modules', 'src', 'src/a/b.ts', 'app.min.js', 'a/b/x.py', 'a/c/.hidden.py', 'xyz/p'].filter((path) => globs.matches(path));
    assert.equal(matched.length, 8);
    assert.deepEqual(['lib/app.min.js', 'a/d/x.py', 'xyz/q', 'srcs/a.ts'].filter((path) => globs.matches(path)), []);
    assert.deepEqual(globs.unsupported.map((entry) => entry.glob), ['!keep.py', '@(a|b)', 'docs/[z-a]']);
  });

  it('compile regexes with RE2 semantics, naming what they cannot run', () => {
    assert.ok('pattern' in compileRegex('^articles/(?P<year>[0-9]{4})/$'));
    assert.match((compileRegex('(a)\\1') as { unsupported: string }).unsupported, /backreference/);
    assert.match((compileRegex('a(?<!b)') as { unsupported: string }).unsupported, /lookahead or lookbehind/);
    assert.match((compileRegex('x'.repeat(2000)) as { unsupported: string }).unsupported, /longer than/);
  });

  it('match a request path against a route template segment by segment', () => {
    assert.ok(matchesRouteTemplate('/orders/{id}', '/orders/42'));
    assert.ok(matchesRouteTemplate('/files/{name}.{ext}', '/files/a.b.c'));
    assert.ok(!matchesRouteTemplate('/orders/{id}', '/orders/'));
    assert.ok(!matchesRouteTemplate('/orders/{id}', '/orders/4/2'));
    assert.ok(!matchesRouteTemplate('/{a}-{b}', '/-x'));
    assert.equal(templateShape('/a/{x}/b/{y}'), '/a/{}/b/{}');
    assert.equal(templateShape('/a/{unclosed'), '/a/{unclosed');
  });
});
