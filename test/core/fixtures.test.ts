import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeFolder } from '../../src/node/analyzeFolder';
import { ROOT } from '../helpers';
import { summarize } from '../fixtureSummary';

const FIXTURES = ['django-shop', 'flask-blog', 'flask-desk', 'cachelib', 'starlette-app', 'microweb', 'orders-schema', 'nest-shop', 'express-api', 'fastify-koa', 'ts-web', 'ts-cache', 'falcon-notes', 'spring-orders', 'go-shop'];

/**
 * Each fixture workspace (written for ArchTrace, one per framework family and kind) has a reviewed
 * summary of what a careful reader lists in it (`test/fixtureSummary.ts`). The summary is compared
 * whole, so a finding, an entity or a warning gained or lost anywhere fails the test.
 */
describe('fixture workspaces', () => {
  for (const name of FIXTURES) {
    it(`${name} gives the reviewed routes, findings, interfaces, data model and N+1 warnings`, async () => {
      const expected = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', `${name}.expected.json`), 'utf8')) as unknown;
      const { result } = await analyzeFolder(join(ROOT, 'test', 'fixtures', name), { threads: 1 });
      assert.deepEqual(summarize(result), expected);
    });
  }
});
