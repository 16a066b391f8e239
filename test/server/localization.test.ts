import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, it } from 'node:test';
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { CodeLens, Hover } from 'vscode-languageserver';
import { ResultRequest } from '../../src/protocol/protocol';
import { ROOT, shutDownServer } from '../helpers';

/**
 * The language server answers in the locale its client's `initialize` names, from the extension's
 * own translation bundle (VS Code sends its display language; Neovim sends what it is given), and
 * stays in English for a locale it has no bundle for or one that is not a locale at all.
 */
const flaskBlog = join(ROOT, 'test', 'fixtures', 'flask-blog');
const uriOf = (path: string) => pathToFileURL(join(flaskBlog, path)).href;
let running: { child: ChildProcess; connection: MessageConnection; cacheHome: string } | undefined;

async function serverIn(locale: string): Promise<MessageConnection> {
  const cacheHome = mkdtempSync(join(tmpdir(), 'archtrace-l10n-cache-'));
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, XDG_CACHE_HOME: cacheHome } });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout as NodeJS.ReadableStream), new StreamMessageWriter(child.stdin as NodeJS.WritableStream));
  for (const ignored of ['window/logMessage', 'window/showMessage', 'textDocument/publishDiagnostics', '$/progress', 'archtrace/didChangeAnalysis']) connection.onNotification(ignored, () => undefined);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  running = { child, connection, cacheHome };
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(flaskBlog).href, locale, capabilities: {} });
  await connection.sendNotification('initialized', {});
  await connection.sendRequest(ResultRequest, { root: flaskBlog });
  return connection;
}

async function hoverAndLenses(connection: MessageConnection): Promise<{ hover: string; lenses: string[] }> {
  const hover = await connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf('blog/posts/views.py') }, position: { line: 20, character: 4 } });
  const lenses = await connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf('blog/auth/views.py') } });
  return { hover: (hover?.contents as { value?: string } | undefined)?.value ?? '', lenses: lenses.map((lens) => lens.command?.title ?? '') };
}

afterEach(async () => {
  if (!running) return;
  const { child, connection, cacheHome } = running;
  running = undefined;
  try {
    await shutDownServer(connection, child);
  } finally {
    rmSync(cacheHome, { recursive: true, force: true });
  }
});

describe('the language server in the client\'s language', () => {
  it('hovers and lenses in Simplified Chinese when initialize names zh-CN', async () => {
    const { hover, lenses } = await hoverAndLenses(await serverIn('zh-CN'));
    assert.match(hover, /^\*\*POST \\\/posts\\\/\*\* — 6 步/);
    assert.doesNotMatch(hover, /steps/);
    assert.ok(lenses.includes('追踪 GET /auth/login'), JSON.stringify(lenses));
  });

  it('stays in English for a locale with no bundle, and for one that is not a locale', async () => {
    for (const locale of ['fr', '../../../etc/passwd']) {
      const { hover, lenses } = await hoverAndLenses(await serverIn(locale));
      assert.match(hover, /^\*\*POST \\\/posts\\\/\*\* — 6 steps/, locale);
      assert.ok(lenses.includes('Trace GET /auth/login'), `${locale}: ${JSON.stringify(lenses)}`);
      const { child, connection, cacheHome } = running!;
      running = undefined;
      await shutDownServer(connection, child);
      rmSync(cacheHome, { recursive: true, force: true });
    }
  });
});
