import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyKind, foldersOf } from '../../src/core/classify/classify';
import { KindRulesError, parseKindRules } from '../../src/core/classify/kindRules';
import type { FindingCategory } from '../../src/core/result';
import { kindRules } from '../../src/node/analyzeFolder';

function firedFor(files: string[], findings: Partial<Record<FindingCategory, number>> = {}, largestInterface?: number): string[] {
  const counts = new Map(Object.entries(findings).map(([category, count]) => [category as FindingCategory, { count, firstPath: 'x.py' }]));
  const verdict = classifyKind(kindRules(), {
    folders: foldersOf(files),
    files,
    findingCounts: counts,
    ...(largestInterface ? { largestInterface: { base: 'base.py:Base', implementations: largestInterface } } : {}),
  });
  return verdict.evidence.map((evidence) => evidence.signal);
}

/** Must-match and must-not-match cases for the built-in rules, in the manner of linguist's heuristics tests. */
const CASES: { rule: string; match: string[][]; noMatch: string[][] }[] = [
  { rule: 'backends-folder', match: [['celery/backends/redis.py'], ['src/kombu/transport/memory.py']], noMatch: [['app/backend.py'], ['my_backends_notes/x.py']] },
  { rule: 'benchmarks-folder', match: [['benchmarks/run.py'], ['tests/benchmark/b.py']], noMatch: [['src/benchmarking.py']] },
  { rule: 'service-domain-folders', match: [['src/domain/models/order.py']], noMatch: [['src/domains.py'], ['docs/domain.md']] },
  { rule: 'migrations-folder', match: [['app/migrations/0001_initial.py']], noMatch: [['app/migrations/0001.py', 'lib/dialects/x.py']] },
  { rule: 'deployment-files', match: [['Dockerfile'], ['deploy/helm/values.yaml'], ['services/api/Dockerfile']], noMatch: [['docs/docker.md']] },
  { rule: 'examples-folder', match: [['examples/app.py'], ['docs_src/tutorial/a.py']], noMatch: [['src/example_data.py']] },
];

describe('repository-kind rules', () => {
  for (const { rule, match, noMatch } of CASES) {
    it(`${rule} fires where it should and nowhere else`, () => {
      for (const files of match) assert.ok(firedFor(files).includes(rule), `${rule} should fire for ${files.join(', ')}`);
      for (const files of noMatch) assert.ok(!firedFor(files).includes(rule), `${rule} must not fire for ${files.join(', ')}`);
    });
  }

  it('counts findings and interfaces', () => {
    assert.ok(firedFor([], { route: 3 }).includes('many-routes'));
    assert.ok(!firedFor([], { route: 2 }).includes('many-routes'));
    assert.ok(firedFor([], {}, 3).includes('interface-with-implementations'));
    assert.ok(!firedFor([], {}, 2).includes('interface-with-implementations'));
  });

  it('names the rule at fault in a broken rules file', () => {
    assert.throws(() => parseKindRules('rules:\n  - id: x\n    favours: app\n    weight: 1\n    why: y\n    folder: a\n'), (error: unknown) => error instanceof KindRulesError && /rule 'x': favours/.test(error.message));
    assert.throws(() => parseKindRules('rules: 3'), /top-level 'rules:' list/);
    assert.throws(() => parseKindRules('rules:\n  - id: x\n    favours: library\n    weight: 1\n    why: y\n'), /exactly one of/);
  });
});
