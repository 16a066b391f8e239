/**
 * A real VS Code for the tests: code-server with ArchTrace installed, driven by Playwright in
 * Debian's Chromium (test-electron cannot download VS Code on these machines; see test/electron/).
 */
import { execFile, execFileSync, type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { ROOT } from '../helpers';

const CODE_SERVER_VERSION = '4.100.3';
const STARTUP_TIMEOUT_MS = 60_000;

export interface VsCodeSession {
  page: Page;
  workspace: string;
  /** Files the test harness shares with the extension host (screenshots, results). */
  artifacts: string;
  /** VS Code's user data folder (settings, workspace storage). */
  userData: string;
  /** Where the extension is installed: its server runs from there. */
  extensions: string;
  close(): Promise<void>;
}

function codeServerBinary(): string {
  const home = process.env['ARCHTRACE_E2E_HOME'] ?? join(homedir(), '.cache', 'archtrace-e2e');
  return join(home, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', '.bin', 'code-server');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts code-server on loopback with a copy of `workspaceSource` open, and a browser page on it. */
export async function openVsCode(
  workspaceSource: string,
  options: { locale?: string; workspaceSettings?: Record<string, unknown>; viewport?: { width: number; height: number } } = {},
): Promise<VsCodeSession> {
  const base = mkdtempSync(join(tmpdir(), 'archtrace-e2e-'));
  const workspace = join(base, 'workspace');
  const extensions = join(base, 'extensions');
  const userData = join(base, 'user-data');
  const artifacts = join(ROOT, 'test-results');
  cpSync(workspaceSource, workspace, { recursive: true });
  if (options.workspaceSettings) {
    mkdirSync(join(workspace, '.vscode'), { recursive: true });
    writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify(options.workspaceSettings));
  }
  mkdirSync(extensions, { recursive: true });
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(artifacts, { recursive: true });
  // Installed from the .vsix a user would install, so a file missing from the package fails here.
  await installExtension(extensions);
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify({
      'security.workspace.trust.enabled': false,
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'update.mode': 'none',
      // code-server saves after a delay by default; the tests save when a user would (an update while typing must come from the unsaved text).
      'files.autoSave': 'off',
    }),
  );

  const port = await freePort();
  const server = spawn(
    codeServerBinary(),
    ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
      '--extensions-dir', extensions, '--user-data-dir', userData, ...(options.locale ? ['--locale', options.locale] : []), workspace],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, ARCHTRACE_TEST_ARTIFACTS: artifacts } },
  );
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    stopProcessGroup(server);
    rmSync(base, { recursive: true, force: true });
  };
  try {
    await waitForListening(server);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1400, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: STARTUP_TIMEOUT_MS });
    // ArchTrace's activity-bar icon appears once the extension's contributions are loaded.
    await page.locator('.activitybar a.action-label[aria-label="ArchTrace"]').waitFor({ timeout: STARTUP_TIMEOUT_MS });
    return { page, workspace, artifacts, userData, extensions, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export const VSIX = join(ROOT, 'archtrace.vsix');

function installExtension(extensions: string): Promise<void> {
  if (!existsSync(VSIX)) throw new Error(`${VSIX} is missing: run 'npm run package' first (npm test does)`);
  return new Promise((resolve, reject) => {
    execFile(codeServerBinary(), ['--extensions-dir', extensions, '--install-extension', VSIX], { timeout: STARTUP_TIMEOUT_MS }, (error, stdout, stderr) =>
      error ? reject(new Error(`installing the .vsix failed: ${stderr || stdout || error.message}`)) : resolve(),
    );
  });
}

function waitForListening(server: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`code-server did not start within ${STARTUP_TIMEOUT_MS} ms:\n${output}`)), STARTUP_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/HTTP server listening on/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    server.stdout?.on('data', onData);
    server.stderr?.on('data', onData);
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${code}) before listening:\n${output}`));
    });
  });
}

function stopProcessGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

/** The pane of a view of the open container by its title, unfolded if it starts folded (as the secondary ArchTrace views do). */
export async function openPane(page: Page, title: string): Promise<Locator> {
  const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: title }) });
  const header = pane.locator('.pane-header');
  await header.waitFor({ timeout: 30_000 });
  if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
  return pane;
}

/** Runs "ArchTrace: Trace Route" and picks the route as a user would, typing the start of it. */
export async function traceRoute(page: Page, typed: string, route: string): Promise<void> {
  await runCommand(page, 'ArchTrace: Trace Route');
  const pick = page.locator('.quick-input-widget input[placeholder="Route to trace"]');
  await pick.waitFor({ timeout: 15_000 });
  await pick.fill(typed);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: route }).first().waitFor();
  await page.keyboard.press('Enter');
}

/**
 * Runs a command from the palette by its title, as a user would. The palette can open before the
 * workbench has listed every command; then it is closed and opened again, a bounded number of times.
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    try {
      // The palette can close again as it opens (focus moving out of a webview): that is retried like a missing row.
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill(`>${title}`, { timeout: 10_000 });
      await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      return;
    } catch (error) {
      await page.keyboard.press('Escape');
      if (attempt >= 3) throw error;
    }
  }
}

/** What the extension's test-only self-check reports: a route's hover and CodeLens as VS Code gives them, the trace being walked, the diagnostics. */
export interface SelfCheck {
  route: string;
  hover: string;
  codeLenses: string[];
  diagnostics: string[];
  tracing?: { route: string; index: number };
  activeEditor?: { path: string; line: number };
}

/** Runs *ArchTrace: Self-Check (tests)* and reads the report it writes into the artifacts folder. */
export async function runSelfCheck(session: VsCodeSession): Promise<SelfCheck> {
  const report = join(session.artifacts, 'self-check.json');
  rmSync(report, { force: true });
  await runCommand(session.page, 'ArchTrace: Self-Check (tests)');
  const deadline = Date.now() + 20_000;
  while (!existsSync(report)) {
    if (Date.now() > deadline) throw new Error('the self-check wrote no report');
    await session.page.waitForTimeout(100);
  }
  return JSON.parse(readFileSync(report, 'utf8')) as SelfCheck;
}

/** The ArchTrace servers the session's extension host runs (`dist/server.js` of the installed extension), by process id. */
export function serverProcesses(session: VsCodeSession): number[] {
  const lines = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n');
  return lines.filter((line) => line.includes(session.extensions) && line.includes(join('dist', 'server.js'))).map((line) => Number.parseInt(line.trim(), 10));
}
