import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../helpers';
import { openVsCode, runCommand, runSelfCheck, type VsCodeSession } from './host';

/** A NestJS service (TypeScript): its routes under the global prefix, a hover with the trace through injected services, the Trace CodeLens. */
describe('a TypeScript service in a real VS Code (code-server)', { timeout: 240_000 }, () => {
  let session: VsCodeSession;
  before(async () => {
    session = await openVsCode(join(ROOT, 'test', 'fixtures', 'nest-shop'));
  });
  after(async () => {
    await session?.close();
  });

  it('lists the NestJS routes and answers a hover on @Post() with the trace through the injected service', async () => {
    const { page } = session;
    await page.locator('.activitybar a.action-label[aria-label="ArchTrace"]').click();
    await runCommand(page, 'ArchTrace: Classify Workspace');
    await page.locator('.notifications-toasts .notification-list-item-message', { hasText: 'ArchTrace: business backend service' }).waitFor({ timeout: 60_000 });
    const routes = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Routes' }) });
    await routes.locator('.monaco-list-row', { hasText: 'src/orders/orders.controller.ts' }).click();
    await routes.locator('.monaco-list-row', { hasText: 'GET /api/orders/{id}' }).waitFor({ timeout: 10_000 });
    const check = await runSelfCheck(session);
    assert.equal(check.route, 'POST /api/orders');
    assert.match(check.hover, /OrdersService\.create/);
    assert.match(check.hover, /TypeOrmOrderRepository\.save/);
    assert.ok(check.codeLenses.includes('Trace POST /api/orders'), check.codeLenses.join(' | '));
    await page.locator('.view-line', { hasText: '@Post()' }).waitFor({ timeout: 10_000 });
    await page.mouse.move(700, 500);
    await page.screenshot({ path: join(session.artifacts, 'typescript-nest.png') });
  });
});
