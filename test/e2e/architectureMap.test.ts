import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT, SAMPLE } from '../helpers';
import { openVsCode, runCommand, type VsCodeSession } from './host';

/** The sample order service's architecture map in its webview: its lanes, a box, and a box's link to its files. */
describe('the architecture map in a real VS Code (code-server)', { timeout: 240_000 }, () => {
  let session: VsCodeSession;
  before(async () => {
    session = await openVsCode(SAMPLE);
  });
  after(async () => {
    await session?.close();
  });

  it('draws the service’s layers as lanes with its folders as boxes, and a box opens its files', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.locator('.activitybar a.action-label[aria-label="ArchTrace"]').click();
    await runCommand(page, 'ArchTrace: Classify Workspace');
    await page.locator('.notifications-toasts .notification-list-item-message', { hasText: 'ArchTrace: business backend service' }).waitFor({ timeout: 60_000 });
    await runCommand(page, 'ArchTrace: Show Architecture Map');
    await page.locator('.tabs-container .tab', { hasText: 'Architecture map' }).waitFor({ timeout: 15_000 });
    const frame = page.frameLocator('iframe.webview').frameLocator('iframe');
    await frame.locator('g.lane').first().waitFor({ timeout: 15_000 });
    const lanes = await Promise.all((await frame.locator('g.lane').all()).map((lane) => lane.getAttribute('data-layer')));
    assert.deepEqual(lanes, ['api', 'application', 'domain', 'infrastructure']);
    const services = frame.locator('g.box[data-box="application|app/application/services"]');
    await services.waitFor();
    assert.ok((await frame.locator('g.edge').count()) >= 10);
    assert.equal(await frame.locator('g.edge.violation').count(), 1);

    // The README's picture: the map alone in the window, 1280×800.
    await page.keyboard.press('Escape');
    await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
    await runCommand(page, 'View: Single Column Editor Layout');
    await page.mouse.move(5, 790);
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(session.artifacts, 'architecture-map.png') });
    if (process.env['ARCHTRACE_README_SCREENSHOT']) await page.screenshot({ path: join(ROOT, 'media', 'architecture-map.png') });

    // The webview runs no script: a box is a command link, which opens a quick pick of its files.
    await services.click();
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'order_service.py' }).waitFor({ timeout: 15_000 });
    await page.keyboard.press('Escape');
  });
});
