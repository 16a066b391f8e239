import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { expectationFile, FIXTURES, fixtureNames, fixtureSummaryText } from '../fixtureSummary';

/**
 * Each fixture workspace has a reviewed summary of what a careful reader lists in it
 * (`test/fixtureSummary.ts`). The summary is compared whole, so a finding, an entity or a warning
 * gained or lost anywhere fails the test; `npm run test:update` writes the new summaries.
 */
describe('fixture workspaces', () => {
  for (const name of fixtureNames()) {
    it(`${name} gives the reviewed routes, findings, interfaces, data model and N+1 warnings`, async () => {
      assert.ok(existsSync(expectationFile(name)), `${name} has no ${name}.expected.json: run \`npm run test:update\` and review what it writes`);
      assert.deepEqual(JSON.parse(await fixtureSummaryText(name)), JSON.parse(readFileSync(expectationFile(name), 'utf8')));
    });
  }

  it('leaves no expectation without its workspace', () => {
    const orphans = readdirSync(FIXTURES).filter((file) => file.endsWith('.expected.json') && !fixtureNames().includes(file.slice(0, -'.expected.json'.length)));
    assert.deepEqual(orphans, []);
  });
});
