import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { knowledgeWithConfig, NO_CONFIG, parseWorkspaceConfig } from '../../src/core/config/workspaceConfig';
import type { AnalysisResult, Violation } from '../../src/core/result';
import { builtinKnowledge } from '../../src/node/knowledge';
import { diagnosticsOf } from '../../src/server/features';
import { problemLine, readWorkspaceConfig } from '../../src/node/workspaceConfig';
import { ROOT } from '../helpers';

/** A small service with an archtrace.yml, the team's rule of its in-house route decorator and that rule's snippet tests. */
const TEAM = join(ROOT, 'test', 'workspaces', 'team-rules');
const CLI = join(ROOT, 'dist', 'cli.js');
const scratch = mkdtempSync(join(tmpdir(), 'archtrace-team-rules-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

let copies = 0;
/** A copy of the team workspace with files written over it. */
function teamWith(files: Record<string, string>): string {
  const root = join(scratch, `team-${copies++}`);
  cpSync(TEAM, root, { recursive: true });
  for (const [path, text] of Object.entries(files)) writeFileSync(join(root, path), text);
  return root;
}

function archtrace(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
}

function routesOf(root: string, ...args: string[]): string[] {
  const run = archtrace('analyze', root, ...args);
  assert.equal(run.status, 0, run.stderr);
  return (JSON.parse(run.stdout) as { routes: { method: string; path: string; framework: string }[] }).routes.map((route) => `${route.method} ${route.path} (${route.framework})`).sort();
}

describe("the team's own rules (ruleDirs)", () => {
  it('run in the analysis as the built-in ones do: the in-house decorator gives routes', () => {
    assert.deepEqual(routesOf(TEAM, '--no-cache'), ['GET /orders/{id} (houseweb)', 'POST /orders (houseweb)']);
  });

  it('are part of the cached facts’ version: a changed rule is not answered from facts the old rule made', () => {
    const root = teamWith({});
    const cache = join(scratch, `cache-${copies}`);
    assert.equal(routesOf(root, '--cache-dir', cache).length, 2);
    const rule = join(root, 'rules', 'python', 'houseweb-endpoint.scm');
    writeFileSync(rule, spawnSync('sed', ['s/endpoint\\$/handler$/', rule], { encoding: 'utf8' }).stdout);
    assert.deepEqual(routesOf(root, '--cache-dir', cache), [], 'the decorator the rule names now is used nowhere');
  });

  it('that are broken are named one line each, where they are wrong, and the analysis goes on without them', async () => {
    const root = teamWith({
      'rules/python/unclosed.scm': ';; category: route\n;; description: a query never closed\n(call function: (identifier) @f @finding\n',
      'rules/python/unknown-node.scm': ';; category: route\n;; description: a node no grammar has\n(call function: (no_such_node) @f) @finding\n',
      'rules/python/bad-header.scm': ';; category: routes\n;; description: a category that does not exist\n(call) @finding\n',
      'rules/python/flask-route.scm': ';; category: route\n;; description: the id of a built-in rule\n(call) @finding\n',
    });
    const read = await readWorkspaceConfig(root);
    assert.deepEqual(read.rules.map((rule) => rule.id), ['houseweb-endpoint']);
    assert.deepEqual(read.problems.map(problemLine).sort(), [
      "rules/python/bad-header.scm:1:1: category: must be one of middleware, decorator, signal, receiver, manager, model, repository, interface, route, task, event, transaction, error-handler, error-response; the rule is left out",
      "rules/python/flask-route.scm:1:1: the id 'flask-route' is already taken by a built-in rule; the rule is left out",
      "rules/python/unclosed.scm:4:1: Bad syntax at offset 97: ''...; the rule is left out",
      "rules/python/unknown-node.scm:3:18: Bad node name 'no_such_node'; the rule is left out",
    ]);
    const run = archtrace('analyze', root, '--no-cache');
    assert.equal(run.status, 0);
    assert.equal(run.stderr.split('\n').filter(Boolean).length, 4, run.stderr);
    assert.equal((JSON.parse(run.stdout) as { routes: unknown[] }).routes.length, 2);
  });

  it('name a missing rule folder, or one outside the workspace, where archtrace.yml lists it', async () => {
    cpSync(join(TEAM, 'rules'), join(scratch, 'outside-rules'), { recursive: true });
    const read = await readWorkspaceConfig(teamWith({ 'archtrace.yml': 'ruleDirs:\n  - rules\n  - elsewhere\n  - ../outside-rules\n' }));
    assert.deepEqual(read.problems.map(problemLine), ["archtrace.yml:3:5: ruleDirs: 'elsewhere' is not a folder of the workspace", "archtrace.yml:4:5: ruleDirs: '../outside-rules' is not a folder of the workspace"]);
    assert.equal(read.rules.length, 1);
  });
});

describe('archtrace test-rules', () => {
  it('runs the snippet tests of the rule folders, a line per case', () => {
    const run = archtrace('test-rules', TEAM);
    assert.equal(run.status, 0, run.stdout);
    assert.equal(run.stdout, ['match #1', 'match #2', 'no-match #1', 'no-match #2'].map((test) => `PASS rules/python/houseweb-endpoint.scm ${test}\n`).join('') + '4 passed, 0 failed\n');
  });

  it('fails with what differed, and on a rule without tests or one that does not load', () => {
    const root = teamWith({
      'rules/python/houseweb-endpoint.yml': 'match:\n  - code: |\n      @endpoint("POST", "/orders")\n      def place_order(request): ...\n    findings:\n      - { symbol: place_order, details: { method: PUT } }\nno-match:\n  - |\n    @endpoint("GET", "/")\n    def index(): ...\n',
      'rules/python/untested.scm': ';; category: task\n;; description: a job\n(decorated_definition (decorator (identifier) @_d) (#eq? @_d "job") definition: (function_definition)) @finding\n',
      'rules/python/unclosed.scm': ';; category: route\n;; description: a query never closed\n(call\n',
    });
    const run = archtrace('test-rules', root);
    assert.equal(run.status, 1);
    const lines = run.stdout.split('\n');
    assert.match(lines.find((line) => line.includes('match #1')) ?? '', /^FAIL rules\/python\/houseweb-endpoint\.scm match #1: place_order should have details \{"method":"PUT"\}, found \[\{.*"method":"POST"/);
    assert.ok(lines.includes('FAIL rules/python/houseweb-endpoint.scm no-match #1: matched index in:'), run.stdout);
    assert.ok(lines.some((line) => line.startsWith('FAIL rules/python/unclosed.scm:4:1: Bad syntax')), run.stdout);
    assert.ok(lines.includes('FAIL rules/python/untested.scm: no snippet tests (rules/python/untested.yml: no such file)'), run.stdout);
    assert.equal(lines.at(-2), '0 passed, 4 failed');
  });

  it('fails when there is nothing to test', () => {
    const run = archtrace('test-rules', teamWith({ 'archtrace.yml': 'exclude: []\n' }));
    assert.equal(run.status, 1);
    assert.equal(run.stdout, 'no rules to test: archtrace.yml names no ruleDirs\n0 passed, 0 failed\n');
  });
});

describe('allowed dependencies between layers', () => {
  it('reads closed layers as each allowed the next one down, and adds what allowed lists', () => {
    const config = parseWorkspaceConfig({ name: 'archtrace.yml', text: 'dependencies:\n  closed: [api, application, domain]\n  allowed:\n    application: [infrastructure]\n    infrastructure: [domain]\n' });
    assert.deepEqual(config.dependencies, { api: ['application'], application: ['domain', 'infrastructure'], domain: [], infrastructure: ['domain'] });
  });

  it('replace the built-in rules between the layers they name, and keep the others', () => {
    const builtin = builtinKnowledge();
    const config = { ...NO_CONFIG, file: 'archtrace.yml', dependencies: { domain: ['infrastructure'] } };
    const rules = knowledgeWithConfig(builtin, config).layerRules;
    assert.ok(!rules.some((rule) => rule.from === 'domain' && rule.to === 'infrastructure'), 'allowed');
    assert.ok(rules.some((rule) => rule.id === 'layer-dependency' && rule.from === 'domain' && rule.to === 'api'));
    assert.ok(rules.some((rule) => rule.id === 'domain-imports-web-framework'), 'a rule to outside modules stays');
    assert.ok(rules.some((rule) => rule.id === 'application-imports-api'), 'a layer not named keeps its rules');
    assert.ok(!rules.some((rule) => rule.id === 'domain-imports-infrastructure'));
    assert.equal(knowledgeWithConfig(builtin, { ...config, dependencies: { domain: ['infrastructure'] } }), knowledgeWithConfig(builtin, config), 'the same settings, the same knowledge');
  });

  it('are what archtrace check holds the imports to: api → domain skips the closed application layer', () => {
    const run = archtrace('check', TEAM, '--no-cache', '--layer-violations', 'on', '--format', 'json');
    assert.equal(run.stderr, '');
    assert.deepEqual(
      (JSON.parse(run.stdout) as { ruleId: string; path: string; start: { line: number }; message: string }[]).map((problem) => [problem.ruleId, problem.path, problem.start.line, problem.message]),
      [['layer-dependency', 'app/api/orders.py', 3, 'The api layer may import only application (archtrace.yml, dependencies). (Order)']],
    );
    const open = archtrace('check', teamWith({ 'archtrace.yml': 'dependencies:\n  allowed:\n    api: [application, domain]\n' }), '--no-cache', '--layer-violations', 'on', '--format', 'json');
    assert.deepEqual(JSON.parse(open.stdout), []);
    const sarif = JSON.parse(archtrace('check', TEAM, '--no-cache', '--layer-violations', 'on', '--format', 'sarif').stdout) as { runs: { tool: { driver: { rules: { id: string }[] } } }[] };
    const ids = sarif.runs[0]?.tool.driver.rules.map((rule) => rule.id) ?? [];
    assert.equal(ids.filter((id) => id === 'layer-dependency').length, 1, 'described once');
  });
});

describe("the editor's diagnostics", () => {
  it('take the severities of archtrace.yml, as archtrace check does', () => {
    const violation = (rule: string): Violation => ({ rule, path: 'app/api/orders.py', line: 3, imported: 'Order', message: 'not allowed' });
    const result = { violations: [violation('layer-dependency'), violation('api-bypasses-application'), violation('application-imports-api')], queryWarnings: [] } as unknown as AnalysisResult;
    const shown = diagnosticsOf(result, 'docs', { 'layer-dependency': 'error', 'api-bypasses-application': 'off' }).get('app/api/orders.py') ?? [];
    assert.deepEqual(shown.map((diagnostic) => [diagnostic.code, diagnostic.severity]), [['layer-dependency', 1], ['application-imports-api', 2]]);
  });
});

describe('archtrace.yml problems', () => {
  it('say where in the file they are', async () => {
    const read = await readWorkspaceConfig(teamWith({ 'archtrace.yml': 'ruleDirs: [rules]\ndependencies:\n  allowed:\n    api: [application]\n  open: [domain]\n' }));
    assert.deepEqual(read.problems.map(problemLine), ["archtrace.yml:5:3: dependencies: has an unknown key 'open'; using the built-in settings"]);
    const yaml = await readWorkspaceConfig(teamWith({ 'archtrace.yml': 'ruleDirs: [rules\nexclude: []\n' }));
    assert.match(problemLine(yaml.problems[0] ?? { file: '', message: '' }), /^archtrace\.yml:\d+:\d+: not valid YAML/);
  });
});
