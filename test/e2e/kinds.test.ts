import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../helpers';
import { openPane, openVsCode, runCommand } from './host';

/** A framework and a library fixture, each in its own editor: the verdict, the views and the checklist follow the kind. */
const KINDS = [
  { fixture: 'microweb', toast: 'ArchTrace: backend framework', kind: 'Kind: framework', section: 'Extension Points', row: 'Middleware', checklist: '0 / 13', item: 'Follow the official tutorial' },
  { fixture: 'cachelib', toast: 'ArchTrace: middleware / library', kind: 'Kind: library', section: 'Interfaces & Data', row: 'BaseCache', checklist: '0 / 11', item: 'Read the tutorial and the examples' },
];

describe('fixtures of each kind in a real VS Code (code-server)', { timeout: 300_000 }, () => {
  for (const expected of KINDS) {
    it(`${expected.fixture}: ${expected.kind}, its views and its study path`, async () => {
      const session = await openVsCode(join(ROOT, 'test', 'fixtures', expected.fixture));
      try {
        const { page } = session;
        const pane = (name: string) => page.locator('.pane', { has: page.locator('.pane-header', { hasText: name }) });
        await page.locator('.activitybar a.action-label[aria-label="ArchTrace"]').click();
        await runCommand(page, 'ArchTrace: Classify Workspace');
        await page.locator('.notifications-toasts .notification-list-item-message', { hasText: expected.toast }).waitFor({ timeout: 60_000 });
        await pane('Overview').locator('.monaco-list-row', { hasText: expected.kind }).waitFor();
        await pane('Study Checklist').locator('.pane-header', { hasText: expected.checklist }).waitFor();
        await pane('Study Checklist').locator('.monaco-list-row', { hasText: expected.item }).first().waitFor();
        const structure = await openPane(page, 'Structure');
        await structure.locator('.monaco-list-row', { hasText: expected.section }).click();
        await structure.locator('.monaco-list-row', { hasText: expected.row }).first().waitFor();
        await page.mouse.move(700, 500);
        await page.screenshot({ path: join(session.artifacts, `kind-${expected.fixture}.png`) });
      } finally {
        await session.close();
      }
    });
  }
});
