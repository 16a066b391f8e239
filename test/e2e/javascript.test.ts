import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../helpers';
import { openVsCode, runCommand, type VsCodeSession } from './host';

/** An Express service in JavaScript and TypeScript: a route mounted from a list, its handler wrapped by a helper, traced with the compiler's help. */
describe('an Express service in a real VS Code (code-server)', { timeout: 240_000 }, () => {
  let session: VsCodeSession;
  before(async () => {
    session = await openVsCode(join(ROOT, 'test', 'fixtures', 'express-api'));
  });
  after(async () => {
    await session?.close();
  });

  it('answers a hover on a JavaScript route with its full path and a trace the compiler completes', async () => {
    const { page } = session;
    await runCommand(page, 'ArchTrace: Classify Workspace');
    await page.locator('.notifications-toasts .notification-list-item-message', { hasText: 'ArchTrace:' }).first().waitFor({ timeout: 60_000 });
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill('reports.route.js');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'reports.route.js' }).first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    const routeLine = page.locator('.view-line', { hasText: 'reports.getReport' });
    await routeLine.waitFor({ timeout: 15_000 });
    const hover = page.locator('.monaco-hover', { hasText: 'GET /api/v2/reports/{reportId}' });
    // The first hover may not wait for the compiler's start; a later one has its answers.
    for (let attempt = 1; ; attempt++) {
      // A hover still shown is reused: it is closed first, so the next one asks again.
      await page.keyboard.press('Escape');
      await page.mouse.move(700, 700);
      await page.waitForTimeout(500);
      await routeLine.locator('span', { hasText: 'router' }).first().hover();
      try {
        await hover.filter({ hasText: 'ReportStore.one' }).waitFor({ timeout: 5_000 });
        break;
      } catch (error) {
        if (attempt >= 8) {
          await page.screenshot({ path: join(session.artifacts, 'javascript-hover-failed.png') });
          throw error;
        }
      }
    }
    const text = (await hover.first().textContent()) ?? '';
    assert.match(text, /getReport/);
    assert.match(text, /openStore/);
    assert.match(text, /ReportStore\.one.*by type/);
    await page.screenshot({ path: join(session.artifacts, 'javascript-hover.png') });
  });
});
