import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SAMPLE } from '../helpers';
import { openVsCode, runCommand, runSelfCheck, serverProcesses, traceRoute, type VsCodeSession } from './host';

describe('route traces in a real VS Code (code-server)', { timeout: 240_000 }, () => {
  let session: VsCodeSession;
  const selfCheck = () => runSelfCheck(session);

  before(async () => {
    session = await openVsCode(SAMPLE);
    await runCommand(session.page, 'ArchTrace: Classify Workspace');
    await session.page.locator('.notifications-toasts .notification-list-item-message', { hasText: 'ArchTrace: business backend service' }).waitFor({ timeout: 60_000 });
  });
  after(async () => {
    await session?.close();
  });

  it('answers a hover on a route with its trace, and shows a Trace CodeLens', async () => {
    const check = await selfCheck();
    // The hover's Markdown escapes every punctuation of workspace names: read as it is shown.
    const shown = check.hover.replace(/\\(.)/g, '$1');
    assert.match(shown, /POST \/orders/);
    assert.match(shown, /OrderService\.create_order/);
    // How steps were reached is shown beside them: injected, raised with the status it answers (the server's words, as every LSP client gets them).
    assert.match(shown, /SqlOrderRepository\.save _di_/);
    assert.match(shown, /OutOfStockError _raise 409_/);
    assert.match(check.hover, /\]\(command:archtrace\.trace\.start/);
    assert.ok(check.codeLenses.includes('Trace POST /orders'), check.codeLenses.join(', '));
    assert.ok(check.codeLenses.includes('api · route'), check.codeLenses.join(', '));
  });

  it('lists the layer violation in the Problems panel', async () => {
    const check = await selfCheck();
    assert.deepEqual(check.diagnostics, ['app/domain/events.py:3 domain-imports-infrastructure']);
  });

  it('steps through a trace: the status bar follows and the editor moves to each call site', async () => {
    const { page } = session;
    await traceRoute(page, 'POST /orders', 'POST /orders');
    const status = page.locator('.statusbar-item', { hasText: 'POST /orders ·' });
    await status.filter({ hasText: '1/' }).waitFor({ timeout: 15_000 });
    await runCommand(page, 'ArchTrace: Next Trace Step');
    await status.filter({ hasText: '2/' }).waitFor({ timeout: 15_000 });
    await page.keyboard.press('Alt+BracketRight'); // the keybinding, as a user steps
    await status.filter({ hasText: '3/' }).waitFor({ timeout: 15_000 });
    const check = await selfCheck();
    assert.deepEqual(check.tracing, { route: 'POST /orders', index: 2 });
    assert.equal(check.activeEditor?.path, 'app/api/routes/orders.py');
    await page.mouse.move(700, 500);
    await page.screenshot({ path: join(session.artifacts, 'trace-step.png') });
  });

  it('lists a route as it is typed, before the file is saved', async () => {
    const { page } = session;
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill('app/api/routes/orders.py');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'orders.py' }).first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: 'orders.py' }).waitFor({ timeout: 15_000 });
    await page.locator('.monaco-editor textarea').first().focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('\n\n@router.get("/orders/typed")\ndef typed_route():\n    return None\n');
    // The route is in the analysis a moment after typing stops: the route picker lists it.
    const deadline = Date.now() + 60_000;
    for (;;) {
      await runCommand(page, 'ArchTrace: Trace Route');
      const pick = page.locator('.quick-input-widget input[placeholder="Route to trace"]');
      await pick.waitFor({ timeout: 15_000 });
      await pick.fill('/orders/typed');
      try {
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'GET /orders/typed' }).first().waitFor({ timeout: 2_000 });
        break;
      } catch (error) {
        await page.keyboard.press('Escape');
        if (Date.now() > deadline) throw error;
      }
    }
    await page.screenshot({ path: join(session.artifacts, 'route-typed.png') });
    await page.keyboard.press('Escape');
    assert.doesNotMatch(readFileSync(join(session.workspace, 'app', 'api', 'routes', 'orders.py'), 'utf8'), /orders\/typed/, 'the file is not saved');
    // Reverted unsaved: the route leaves the analysis with the text.
    await runCommand(page, 'File: Revert File');
    const gone = Date.now() + 60_000;
    for (;;) {
      await runCommand(page, 'ArchTrace: Trace Route');
      await page.locator('.quick-input-widget input[placeholder="Route to trace"]').fill('/orders');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'POST /orders' }).first().waitFor({ timeout: 15_000 });
      const typed = await page.locator('.quick-input-list .monaco-list-row', { hasText: 'GET /orders/typed' }).count();
      await page.keyboard.press('Escape');
      if (!typed) break;
      if (Date.now() > gone) assert.fail('the reverted route is still listed');
      await page.waitForTimeout(500);
    }
  });

  it('opens the trace as a sequence diagram in a webview', async () => {
    const { page } = session;
    await runCommand(page, 'ArchTrace: Show Trace as Sequence Diagram');
    await page.locator('.tabs-container .tab', { hasText: 'Trace: POST /orders' }).waitFor({ timeout: 15_000 });
    const frame = page.frameLocator('iframe.webview').frameLocator('iframe');
    await frame.locator('svg text', { hasText: 'POST /orders' }).first().waitFor({ timeout: 15_000 });
    assert.ok((await frame.locator('svg line').count()) > 10);
    await page.screenshot({ path: join(session.artifacts, 'trace-diagram.png') });
  });

  it('starts its server again when the server crashes, and answers as before', async () => {
    const [crashed] = serverProcesses(session);
    assert.ok(crashed, 'the extension runs its server');
    process.kill(crashed, 'SIGKILL');
    const deadline = Date.now() + 30_000;
    while (!serverProcesses(session).some((pid) => pid !== crashed)) {
      if (Date.now() > deadline) assert.fail('the server was not started again');
      await session.page.waitForTimeout(200);
    }
    // The self-check waits for the new server's analysis, then asks VS Code for a hover.
    const check = await selfCheck();
    assert.match(check.hover.replace(/\\(.)/g, '$1'), /POST \/orders/);
  });

  it('stops restarting a server that keeps crashing, says so, and starts it again on Classify Workspace', async () => {
    const { page } = session;
    // One restart is spent above; three more crashes within the three-minute window pass the limit of three.
    let crashed: number | undefined;
    for (let crash = 1; crash <= 3; crash++) {
      await selfCheck();
      [crashed] = serverProcesses(session).filter((pid) => pid !== crashed);
      assert.ok(crashed, `a server runs before crash ${crash}`);
      process.kill(crashed, 'SIGKILL');
    }
    await runCommand(page, 'Notifications: Show Notifications');
    await page.locator('.notifications-center .notification-list-item-message', { hasText: 'will not be restarted' }).first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(3_000);
    assert.deepEqual(serverProcesses(session), [], 'no server is started after the limit');
    await runCommand(page, 'ArchTrace: Classify Workspace');
    const check = await selfCheck();
    assert.match(check.hover.replace(/\\(.)/g, '$1'), /POST \/orders/);
    assert.equal(serverProcesses(session).length, 1);
  });
});
