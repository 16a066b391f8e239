/**
 * `npm run test:update`: rewrites each fixture's `<name>.expected.json` from its analysis, and
 * says which changed. Review the diff before committing it: it is what the change does to what
 * ArchTrace finds.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { expectationFile, fixtureNames, fixtureSummaryText } from './fixtureSummary';

async function main(): Promise<void> {
  for (const name of fixtureNames()) {
    const file = expectationFile(name);
    const summary = await fixtureSummaryText(name);
    let before: string | undefined;
    try {
      before = readFileSync(file, 'utf8');
    } catch {
      // a new fixture
    }
    if (before === summary) continue;
    writeFileSync(file, summary);
    console.log(`${before === undefined ? 'written' : 'changed'}: test/fixtures/${name}.expected.json`);
  }
}

void main();
