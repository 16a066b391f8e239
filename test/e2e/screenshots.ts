/**
 * Screenshots of the ArchTrace sidebar at 1280×800 after the analysis of a service, a framework and
 * a library, for the README and for comparing the sidebar before and after a change. Not a test:
 *   flock /tmp/heavy.lock bash -c 'npm run --silent package && bash test/e2e/setup.sh && node out/test/e2e/screenshots.js <folder>'
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT, SAMPLE } from '../helpers';
import { openVsCode, runCommand } from './host';

const SHOTS = [
  { name: 'service', workspace: SAMPLE, toast: 'ArchTrace: business backend service' },
  { name: 'framework', workspace: join(ROOT, 'test', 'fixtures', 'microweb'), toast: 'ArchTrace: backend framework' },
  { name: 'library', workspace: join(ROOT, 'test', 'fixtures', 'cachelib'), toast: 'ArchTrace: middleware / library' },
];

async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target) throw new Error('usage: node out/test/e2e/screenshots.js <output folder>');
  mkdirSync(target, { recursive: true });
  for (const shot of SHOTS) {
    const session = await openVsCode(shot.workspace, { viewport: { width: 1280, height: 800 } });
    try {
      const { page } = session;
      await page.locator('.activitybar a.action-label[aria-label="ArchTrace"]').click();
      await page.mouse.move(900, 400); // away from the icon, whose tooltip would stay in the picture
      await runCommand(page, 'ArchTrace: Classify Workspace');
      await page.locator('.notifications-toasts .notification-list-item-message', { hasText: shot.toast }).waitFor({ timeout: 60_000 });
      await page.locator('.pane-body .monaco-list-row', { hasText: 'Kind:' }).first().waitFor({ timeout: 30_000 });
      await runCommand(page, 'Notifications: Clear All Notifications');
      await page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'detached', timeout: 10_000 });
      const file = resolve(target, `${shot.name}.png`);
      await page.screenshot({ path: file });
      console.log(`screenshots: ${file}`);
    } finally {
      await session.close();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
