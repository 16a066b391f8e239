import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../helpers';
import { openVsCode, runCommand, runSelfCheck, traceRoute, type VsCodeSession } from './host';

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
    // The hover's Markdown escapes every punctuation of workspace names: read as it is shown.
    const shown = check.hover.replace(/\\(.)/g, '$1');
    assert.match(shown, /OrdersService\.create/);
    assert.match(shown, /TypeOrmOrderRepository\.save/);
    assert.ok(check.codeLenses.includes('Trace POST /api/orders'), check.codeLenses.join(' | '));
    await page.locator('.view-line', { hasText: '@Post()' }).waitFor({ timeout: 10_000 });
    await page.mouse.move(700, 500);
    await page.screenshot({ path: join(session.artifacts, 'typescript-nest.png') });
  });

  it('steps through a route whose calls only the type checker can follow, and says so', async () => {
    const { page } = session;
    await traceRoute(page, 'DELETE /api/orders', 'DELETE /api/orders/{id}');
    // 14 steps (the not-found it raises among them): the two the compiler finds (`Order.cancel`, `Money.format`) are among them.
    await page.locator('.statusbar-item', { hasText: 'DELETE /api/orders/{id} · 1/14' }).waitFor({ timeout: 60_000 });
    const trace = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^Trace/ }) });
    // `order` and `refund` have no written type: the compiler, in its worker thread, says what they are.
    const cancel = trace.locator('.monaco-list-row', { hasText: 'Order.cancel' });
    await cancel.waitFor({ timeout: 15_000 });
    assert.match((await cancel.textContent()) ?? '', /by type/);
    await page.screenshot({ path: join(session.artifacts, 'typescript-typed-trace.png') });
  });
});
