import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { hostileFiles, tempWorkspace } from '../helpers';
import { openPane, openVsCode, runCommand, type VsCodeSession } from './host';

describe('a hostile workspace in a real VS Code (code-server)', { timeout: 240_000 }, () => {
  const hostile = tempWorkspace(hostileFiles());
  let session: VsCodeSession;
  before(async () => {
    session = await openVsCode(hostile.root);
  });
  after(async () => {
    await session?.close();
    hostile.cleanup();
  });

  it('classifies it, lists the skipped files with their reasons, and the UI stays usable', async () => {
    const { page } = session;
    await page.locator('.activitybar a.action-label[aria-label="ArchTrace"]').click();
    await runCommand(page, 'ArchTrace: Classify Workspace');
    await page.locator('.notifications-toasts .notification-list-item-message', { hasText: 'ArchTrace:' }).first().waitFor({ timeout: 60_000 });
    const overview = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Overview' }) });
    await overview.locator('.monaco-list-row', { hasText: 'Skipped' }).click();
    await overview.locator('.monaco-list-row', { hasText: 'binary file' }).first().waitFor();
    // A file named like markup is shown as text in the Structure view (in its first layer).
    const structure = await openPane(page, 'Structure');
    await structure.locator('.monaco-list-row', { hasText: 'Layers' }).click();
    await structure.locator('.monaco-list-row[aria-level="2"]').first().click();
    await structure.locator('.monaco-list-row', { hasText: '<img src=x onerror=alert(1)>.py' }).waitFor({ timeout: 10_000 });
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    await runCommand(page, 'ArchTrace: Show Log'); // the workbench still answers commands
    await page.mouse.move(700, 500);
    await page.screenshot({ path: join(session.artifacts, 'hostile.png') });
  });
});
