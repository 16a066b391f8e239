import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SAMPLE } from '../helpers';
import { openPane, openVsCode, runCommand, type VsCodeSession } from './host';

describe('ArchTrace in a real VS Code (code-server)', { timeout: 240_000 }, () => {
  let session: VsCodeSession;
  before(async () => {
    session = await openVsCode(SAMPLE, { workspaceSettings: { 'archtrace.exclude': ['**/drafts/**'] } });
  });
  after(async () => {
    await session?.close();
  });

  it('shows the ArchTrace view with a Classify button before anything is analysed', async () => {
    const { page } = session;
    await page.locator('.activitybar a.action-label[aria-label="ArchTrace"]').click();
    const welcome = page.locator('.pane-body .welcome-view-content', { hasText: 'No analysis yet' });
    await welcome.waitFor({ timeout: 30_000 });
    assert.match(await welcome.innerText(), /No analysis yet/);
    assert.equal(await welcome.locator('a.monaco-button', { hasText: 'Classify Workspace' }).count(), 1);
  });

  it('classifies the workspace from the command palette and fills the tree', async () => {
    const { page } = session;
    await runCommand(page, 'ArchTrace: Classify Workspace');
    const toast = page.locator('.notifications-toasts .notification-list-item-message', { hasText: 'ArchTrace: business backend service' });
    await toast.waitFor({ timeout: 60_000 });
    const view = (name: string) => page.locator('.pane', { has: page.locator('.pane-header', { hasText: name }) }).locator('.monaco-list');
    await view('Overview').locator('.monaco-list-row', { hasText: 'Kind: service' }).click();
    await view('Overview').locator('.monaco-list-row', { hasText: 'service-domain-folders' }).waitFor();
    // The Structure view and its sections start folded; each section is read and folded again, as the pane is small.
    const structure = (await openPane(page, 'Structure')).locator('.monaco-list');
    const section = (name: string) => structure.locator('.monaco-list-row', { hasText: name });
    await section('Layers').click();
    for (const layer of ['api', 'application', 'domain', 'infrastructure']) await structure.locator('.monaco-list-row', { hasText: layer }).first().waitFor();
    await section('Layers').click();
    await section('Extension Points').click();
    await structure.locator('.monaco-list-row', { hasText: 'Tasks' }).waitFor();
    await section('Extension Points').click();
    await section('Interfaces & Data').click();
    await structure.locator('.monaco-list-row', { hasText: 'OrderRepository' }).first().waitFor();
    await section('Interfaces & Data').click();
    await view('Routes').locator('.monaco-list-row', { hasText: 'app/api/routes/orders.py' }).click();
    await view('Routes').locator('.monaco-list-row', { hasText: 'POST /orders' }).first().waitFor();
    await page.mouse.move(700, 500); // no hover tooltip in the picture
    await page.screenshot({ path: join(session.artifacts, 'classify.png') });
  });

  it('opens a route handler from the tree', async () => {
    const { page } = session;
    await page.locator('.pane-body .monaco-list-row', { hasText: 'POST /orders' }).first().click();
    // (the Routes view opens the declaration: the decorator above the handler)
    await page.locator('.tabs-container .tab', { hasText: 'orders.py' }).waitFor({ timeout: 15_000 });
    const line = page.locator('.view-line', { hasText: 'def create_order' });
    await line.waitFor();
  });

  it('updates the views in place when a file changes on disk, still leaving out excluded folders', async () => {
    const { page } = session;
    const routeFile = (path: string, handler: string) => `\n\n@router.get("${path}")\ndef ${handler}(order_id: int):\n    return {"order": order_id}\n`;
    // Created first, so the update that brings the receipt route has seen it: `archtrace.exclude` must keep it out.
    const drafts = join(session.workspace, 'app', 'api', 'drafts');
    mkdirSync(drafts);
    writeFileSync(join(drafts, 'scratch.py'), `from fastapi import APIRouter\n\nrouter = APIRouter()${routeFile('/drafts/{order_id}', 'draft')}`);
    appendFileSync(join(session.workspace, 'app', 'api', 'routes', 'orders.py'), routeFile('/orders/{order_id}/receipt', 'get_receipt'));
    const routes = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Routes' }) });
    await routes.locator('.monaco-list-row', { hasText: 'GET /orders/{order_id}/receipt' }).waitFor({ timeout: 20_000 });
    assert.equal(await routes.locator('.monaco-list-row', { hasText: 'drafts' }).count(), 0);
  });

  it('filters the views to what contains a text, and clears the filter', async () => {
    const { page } = session;
    // Room for the filtered tree: the views above fold, as a user reading the structure would fold them.
    for (const name of ['Overview', 'Study Checklist', 'Routes', 'Trace']) {
      const header = page.locator('.pane-header', { hasText: name });
      if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
    }
    const structure = await openPane(page, 'Structure');
    await runCommand(page, 'ArchTrace: Filter Views');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill('inventory');
    await page.keyboard.press('Enter');
    await structure.locator('.monaco-list-row', { hasText: 'app/infrastructure/persistence/inventory_repository.py' }).first().waitFor({ timeout: 10_000 });
    assert.equal(await structure.locator('.monaco-list-row', { hasText: 'app/domain/models/order.py' }).count(), 0);
    await runCommand(page, 'ArchTrace: Clear Filter');
    // The whole tree comes back: on a loaded machine (a full CI run) its rendering took longer than 10 s once.
    await structure.locator('.monaco-list-row', { hasText: 'domain' }).first().waitFor({ timeout: 30_000 });
  });
});
