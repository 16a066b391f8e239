import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../helpers';
import { openVsCode, runCommand, type VsCodeSession } from './host';

/** The Django fixture: its entities in the Data Model view, its N+1 queries in the Problems panel, a quick fix, the diagram. */
describe('the data model in a real VS Code (code-server)', { timeout: 240_000 }, () => {
  let session: VsCodeSession;
  before(async () => {
    session = await openVsCode(join(ROOT, 'test', 'fixtures', 'django-shop'));
  });
  after(async () => {
    await session?.close();
  });

  const pane = (name: string) => session.page.locator('.pane', { has: session.page.locator('.pane-header', { hasText: name }) });

  it('fills the Data Model view with entities, their rules and the N+1 queries', async () => {
    const { page } = session;
    await page.locator('.activitybar a.action-label[aria-label="ArchTrace"]').click();
    await runCommand(page, 'ArchTrace: Classify Workspace');
    await page.locator('.notifications-toasts .notification-list-item-message', { hasText: 'ArchTrace:' }).first().waitFor({ timeout: 60_000 });
    // Room for the Data Model view: the other views fold, as a user reading the model would fold them.
    for (const name of ['Overview', 'Study Checklist', 'Routes', 'Trace', 'Structure']) {
      const header = pane(name).locator('.pane-header');
      if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
    }
    const dataModel = pane('Data Model');
    const header = dataModel.locator('.pane-header');
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    // A row opens its place when clicked; its twistie expands it.
    await dataModel.locator('.monaco-list-row', { hasText: 'Product' }).first().locator('.monaco-tl-twistie').click();
    await dataModel.locator('.monaco-list-row', { hasText: 'Rules' }).first().locator('.monaco-tl-twistie').click();
    await dataModel.locator('.monaco-list-row', { hasText: 'a product must have a category' }).waitFor({ timeout: 10_000 });
    await dataModel.locator('.monaco-list-row', { hasText: 'N+1 queries' }).waitFor();
    await page.mouse.move(700, 500);
    await page.screenshot({ path: join(session.artifacts, 'data-model.png') });
  });

  it('lists the N+1 queries in the Problems panel, and a quick fix loads the relation with the query', async () => {
    const { page } = session;
    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'the loop reads product.category' });
    await problem.waitFor({ timeout: 20_000 });
    assert.ok((await page.locator('.markers-panel .monaco-list-row', { hasText: 'N+1 queries' }).count()) >= 3);
    await problem.click();
    await page.locator('.tabs-container .tab', { hasText: 'reports.py' }).waitFor({ timeout: 15_000 });
    // The problem placed the cursor on the read; the editor takes the focus, and asks for its fixes
    // (again, a bounded number of times, when a loaded machine has not computed them yet).
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'add .select_related("category")' });
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('Control+1');
      await page.keyboard.press('Control+.');
      try {
        await fix.waitFor({ timeout: 10_000 });
        break;
      } catch (error) {
        if (attempt >= 4) throw error;
        await page.keyboard.press('Escape');
      }
    }
    await page.screenshot({ path: join(session.artifacts, 'n-plus-one-quick-fix.png') });
    // The preferred fix is the focused one; Enter before the widget has focused it does nothing.
    await page.locator('.action-widget .monaco-list-row.focused', { hasText: 'add .select_related("category")' }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    // The edit lands asynchronously: save only once the editor holds it (its tab is dirty), or the
    // save writes the file as it was and the fix stays unsaved.
    const unsaved = page.locator('.tabs-container .tab.dirty', { hasText: 'reports.py' });
    await unsaved.waitFor({ timeout: 15_000 });
    await page.keyboard.press('Control+S');
    await unsaved.waitFor({ state: 'detached', timeout: 15_000 });
    const file = join(session.workspace, 'catalog', 'reports.py');
    const deadline = Date.now() + 15_000;
    while (!readFileSync(file, 'utf8').includes('Product.objects.filter(stock__gt=0).select_related("category")') && Date.now() < deadline) await page.waitForTimeout(200);
    assert.match(readFileSync(file, 'utf8'), /Product\.objects\.filter\(stock__gt=0\)\.select_related\("category"\)\]/);
    // The save re-analyses the file: the fixed loop's warning leaves the panel, the others stay.
    await problem.waitFor({ state: 'detached', timeout: 20_000 });
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'the loop reads product.tags' }).waitFor();
  });

  it('draws the entity-relationship diagram', async () => {
    const { page } = session;
    await runCommand(page, 'ArchTrace: Show Entity-Relationship Diagram');
    await page.locator('.tabs-container .tab', { hasText: 'Entities' }).waitFor({ timeout: 15_000 });
    await page.waitForTimeout(1000);
    await page.screenshot({ path: join(session.artifacts, 'entity-diagram.png') });
  });
});
