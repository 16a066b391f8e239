import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SAMPLE } from '../helpers';
import { openVsCode, runCommand, type VsCodeSession } from './host';

describe('ArchTrace in a real VS Code (code-server)', { timeout: 240_000 }, () => {
  let session: VsCodeSession;
  before(async () => {
    session = await openVsCode(SAMPLE);
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
    assert.equal(await page.locator('.pane-body .welcome-view-content a.monaco-button', { hasText: 'Classify Workspace' }).count(), 1);
  });

  it('classifies the workspace from the command palette and fills the tree', async () => {
    const { page } = session;
    await runCommand(page, 'ArchTrace: Classify Workspace');
    const toast = page.locator('.notifications-toasts .notification-list-item-message', { hasText: 'ArchTrace: business backend service' });
    await toast.waitFor({ timeout: 60_000 });
    const tree = page.locator('.pane-body .monaco-list');
    await tree.locator('.monaco-list-row', { hasText: 'Kind: service' }).waitFor();
    for (const label of ['Layers', 'Routes', 'Tasks', 'Interfaces']) {
      assert.equal(await tree.locator('.monaco-list-row', { hasText: label }).count() > 0, true, `${label} in the tree`);
    }
    await tree.locator('.monaco-list-row', { hasText: /^Routes/ }).click();
    await tree.locator('.monaco-list-row', { hasText: 'POST /orders' }).first().waitFor();
    await tree.locator('.monaco-list-row', { hasText: 'Kind: service' }).click();
    await tree.locator('.monaco-list-row', { hasText: 'service-domain-folders' }).waitFor();
    await page.mouse.move(700, 500); // no hover tooltip in the picture
    await page.screenshot({ path: join(session.artifacts, 'classify.png') });
  });

  it('opens a route handler from the tree', async () => {
    const { page } = session;
    await page.locator('.pane-body .monaco-list-row', { hasText: 'POST /orders' }).first().click();
    await page.locator('.tabs-container .tab', { hasText: 'orders.py' }).waitFor({ timeout: 15_000 });
    const line = page.locator('.view-line', { hasText: 'def create_order' });
    await line.waitFor();
  });
});
