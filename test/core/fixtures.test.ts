import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { AnalysisResult } from '../../src/core/result';
import { analyzeFolder } from '../../src/node/analyzeFolder';
import { ROOT } from '../helpers';

/**
 * Each fixture workspace (written for ArchTrace, one per framework family and kind) has a reviewed
 * summary of what a careful reader lists in it: routes, findings by category, interfaces. The
 * summary is compared whole, so a finding gained or lost anywhere fails the test.
 */
export function summarize(result: AnalysisResult): Record<string, unknown> {
  const findings: Record<string, string[]> = {};
  for (const finding of result.findings) (findings[finding.category] ??= []).push(finding.symbol);
  for (const list of Object.values(findings)) list.sort();
  return {
    kind: result.kind.kind,
    routes: result.routes.map((route) => `${route.method} ${route.path} -> ${route.handler}`),
    findings: Object.fromEntries(Object.entries(findings).sort(([a], [b]) => a.localeCompare(b))),
    interfaces: result.interfaces.map((entry) => `${entry.base} <- ${entry.implementations.join(', ')}`),
  };
}

const FIXTURES = ['django-shop', 'flask-blog', 'cachelib', 'starlette-app', 'microweb'];

describe('fixture workspaces', () => {
  for (const name of FIXTURES) {
    it(`${name} gives the reviewed routes, findings and interfaces`, async () => {
      const expected = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', `${name}.expected.json`), 'utf8')) as unknown;
      const { result } = await analyzeFolder(join(ROOT, 'test', 'fixtures', name), { threads: 1 });
      assert.deepEqual(summarize(result), expected);
    });
  }
});
