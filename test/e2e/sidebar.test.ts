import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ROOT } from '../helpers';
import { openPane, openVsCode, runCommand } from './host';

/** The sidebar a newcomer sees: what matters open, the rest folded, and an empty view that says why it is empty. */
describe('the ArchTrace sidebar in a real VS Code (code-server)', { timeout: 300_000 }, () => {
  const views = (page: Page) => page.locator('.sidebar .pane-header');
  const classify = async (page: Page, toast: string) => {
    await runCommand(page, 'ArchTrace: Classify Workspace');
    await page.locator('.notifications-toasts .notification-list-item-message', { hasText: toast }).waitFor({ timeout: 60_000 });
  };

  it('a framework with no routes: six views, two folded, and each empty view says why', async () => {
    const session = await openVsCode(join(ROOT, 'test', 'fixtures', 'micro-serve'));
    try {
      const { page } = session;
      await page.locator('.activitybar a.action-label[aria-label="ArchTrace"]').click();
      await views(page).first().waitFor({ timeout: 30_000 });
      const titles = await views(page).locator('h3.title').allTextContents();
      assert.deepEqual(titles, ['Overview', 'Study Checklist', 'Routes', 'Trace', 'Structure', 'Data Model']);
      const expanded = await Promise.all((await views(page).all()).map((header) => header.getAttribute('aria-expanded')));
      assert.deepEqual(expanded, ['true', 'true', 'true', 'true', 'false', 'false']);
      const routes = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Routes' }) });
      await routes.locator('.welcome-view-content', { hasText: 'Routes appear here once the workspace is classified' }).waitFor({ timeout: 10_000 });

      await classify(page, 'ArchTrace: backend framework');
      const none = routes.locator('.welcome-view-content', { hasText: 'No routes: ArchTrace found no route registrations' });
      await none.waitFor({ timeout: 20_000 });
      assert.equal(await none.locator('a.monaco-button', { hasText: 'Show Log' }).count(), 1);
      await (await openPane(page, 'Data Model')).locator('.welcome-view-content', { hasText: 'No entities: ArchTrace found no model classes' }).waitFor({ timeout: 10_000 });
      await page.mouse.move(900, 400);
      await page.screenshot({ path: join(session.artifacts, 'sidebar-no-routes.png') });
    } finally {
      await session.close();
    }
  });

  it('a library: the layers in the Overview, and the Routes view points to its public API', async () => {
    const session = await openVsCode(join(ROOT, 'test', 'fixtures', 'cachelib'));
    try {
      const { page } = session;
      await page.locator('.activitybar a.action-label[aria-label="ArchTrace"]').click();
      await classify(page, 'ArchTrace: middleware / library');
      const overview = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Overview' }) });
      await overview.locator('.monaco-list-row', { hasText: 'Layers' }).filter({ hasText: 'public-api 1' }).waitFor({ timeout: 20_000 });
      const routes = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Routes' }) });
      const welcome = routes.locator('.welcome-view-content', { hasText: 'No routes: a library serves none of its own' });
      await welcome.waitFor({ timeout: 20_000 });
      await welcome.locator('a.monaco-button', { hasText: 'Show Structure' }).click();
      const structure = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Structure' }) });
      await structure.locator('.pane-header[aria-expanded="true"]').waitFor({ timeout: 10_000 });
      // Its sections start folded, each with its count: the library's decorators that wrap its interface's methods.
      await structure.locator('.monaco-list-row', { hasText: 'Extension Points' }).filter({ hasNotText: 'none found' }).waitFor({ timeout: 10_000 });
      await structure.locator('.monaco-list-row', { hasText: 'Extension Points' }).click();
      await structure.locator('.monaco-list-row', { hasText: 'Decorators' }).waitFor({ timeout: 10_000 });
      await structure.locator('.monaco-list-row', { hasText: 'Layers' }).click();
      await structure.locator('.monaco-list-row', { hasText: 'public-api' }).waitFor({ timeout: 10_000 });
    } finally {
      await session.close();
    }
  });
});
