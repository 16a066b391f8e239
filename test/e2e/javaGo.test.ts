import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ROOT } from '../helpers';
import { openVsCode, runCommand, type VsCodeSession } from './host';

/**
 * A Spring Boot service and a Go service on chi, as a user sees them in the editor: the Trace
 * CodeLens over a route's declaration, and the hover on it with the trace through the layers. Only
 * what the workbench shows is read (CodeLens titles, the hover's text), so the test holds whichever
 * process answers the editor.
 */
for (const fixture of [
  {
    name: 'spring-orders',
    language: 'Java',
    file: 'src/main/java/com/acme/orders/web/OrderController.java',
    declaration: 'GetMapping',
    lens: 'Trace GET /api/v1/orders/{id}',
    steps: [/OrderController\.get/, /DefaultOrderService\.find/, /JpaRepository\.findById/],
  },
  {
    name: 'go-shop',
    language: 'Go',
    file: 'internal/handler/order.go',
    declaration: '"/{id}"',
    lens: 'Trace GET /api/v1/orders/{id}',
    steps: [/OrderHandler\.get/, /orderService\.Find/, /gormOrderRepository\.ByID/],
  },
]) {
  describe(`a ${fixture.language} service in a real VS Code (code-server)`, { timeout: 240_000 }, () => {
    let session: VsCodeSession;
    before(async () => {
      session = await openVsCode(join(ROOT, 'test', 'fixtures', fixture.name));
    });
    after(async () => {
      await session?.close();
    });

    it(`shows the Trace CodeLens over a route in ${fixture.file} and answers a hover on it with the trace`, async () => {
      const { page } = session;
      await runCommand(page, 'ArchTrace: Classify Workspace');
      await page.locator('.notifications-toasts .notification-list-item-message', { hasText: 'ArchTrace: business backend service' }).waitFor({ timeout: 90_000 });
      await openFile(page, fixture.file);
      const lens = page.locator('.codelens-decoration a', { hasText: fixture.lens });
      try {
        await lens.first().waitFor({ timeout: 60_000 });
      } finally {
        await page.screenshot({ path: join(session.artifacts, `${fixture.name}-codelens.png`) });
      }
      const titles = await page.locator('.codelens-decoration a').allTextContents();
      assert.ok(titles.includes(fixture.lens), titles.join(' | '));
      const shown = await hoverText(page, fixture.declaration, 'steps');
      for (const step of fixture.steps) assert.match(shown, step);
      await page.screenshot({ path: join(session.artifacts, `${fixture.name}-hover.png`) });
    });
  });
}

async function openFile(page: Page, path: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').fill(path);
  const name = path.slice(path.lastIndexOf('/') + 1);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 15_000 });
}

/** Moves the mouse onto the first token holding `token` and reads the hover once it holds `expected`; the mouse goes away and back while the analysis is not in yet. */
async function hoverText(page: Page, token: string, expected: string): Promise<string> {
  const target = page.locator('.monaco-editor .view-line span span', { hasText: token }).first();
  const hover = page.locator('.monaco-hover-content', { hasText: expected });
  const deadline = Date.now() + 60_000;
  for (;;) {
    await page.mouse.move(5, 5);
    await target.hover();
    try {
      await hover.first().waitFor({ timeout: 5_000 });
      return (await hover.first().innerText()).replace(/\\(.)/g, '$1');
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}
