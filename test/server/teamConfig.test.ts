import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { ResultRequest, StatusRequest } from '../../src/protocol/protocol';
import { ROOT, shutDownServer } from '../helpers';

/**
 * The team's archtrace.yml and rules through `archtrace lsp --stdio`: what is wrong in them is
 * published on their files, and a change to them is a new analysis with what they now say.
 */
const scratch = mkdtempSync(join(tmpdir(), 'archtrace-lsp-team-'));
const root = join(scratch, 'team-rules');
cpSync(join(ROOT, 'test', 'workspaces', 'team-rules'), root, { recursive: true });
const GOOD_CONFIG = 'ruleDirs: [rules]\n';
// An unknown key on line 2: the whole file is set aside, its rules too.
writeFileSync(join(root, 'archtrace.yml'), 'ruleDirs: [rules]\nrule_dirs: [more]\n');
writeFileSync(join(root, 'rules', 'python', 'unclosed.scm'), ';; category: route\n;; description: never closed\n(call\n');
const uriOf = (path: string) => pathToFileURL(join(root, path)).href;

let child: ChildProcess;
let connection: MessageConnection;
const diagnostics = new Map<string, Diagnostic[]>();

before(async () => {
  child = spawn(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, XDG_CACHE_HOME: join(scratch, 'cache') } });
  connection = createMessageConnection(new StreamMessageReader(child.stdout as NodeJS.ReadableStream), new StreamMessageWriter(child.stdin as NodeJS.WritableStream));
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    diagnostics.set(params.uri, params.diagnostics);
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('archtrace/didChangeAnalysis', () => undefined);
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {} });
  await connection.sendNotification('initialized', {});
  await connection.sendRequest(ResultRequest, {});
});

after(async () => {
  try {
    await shutDownServer(connection, child);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

async function until(done: () => Promise<boolean> | boolean, what: string): Promise<void> {
  for (let waited = 0; waited < 30_000; waited += 50) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`waited 30 s for ${what}`);
}

describe("the team's archtrace.yml in the language server", () => {
  it('publishes what is wrong in it on the file, where it is, and analyses with the built-in settings', async () => {
    await until(() => diagnostics.has(uriOf('archtrace.yml')), 'the diagnostics of archtrace.yml');
    assert.deepEqual(
      diagnostics.get(uriOf('archtrace.yml'))?.map((diagnostic) => [diagnostic.range.start, diagnostic.severity, diagnostic.code, diagnostic.message]),
      [[{ line: 1, character: 0 }, 1, 'configuration', "has an unknown key 'rule_dirs'; using the built-in settings"]],
    );
    assert.deepEqual((await connection.sendRequest(ResultRequest, {})).routes, [], 'the in-house rule is not read with a broken file');
  });

  it('analyses again when the file changes: its rules then run, and a rule that does not compile is marked on its file', async () => {
    const before = (await connection.sendRequest(StatusRequest))[0]?.version ?? 0;
    writeFileSync(join(root, 'archtrace.yml'), GOOD_CONFIG);
    await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('archtrace.yml'), type: 2 }] });
    await until(async () => ((await connection.sendRequest(StatusRequest))[0]?.version ?? 0) > before && diagnostics.get(uriOf('archtrace.yml'))?.length === 0, 'the new analysis');
    assert.deepEqual((await connection.sendRequest(ResultRequest, {})).routes.map((route) => `${route.method} ${route.path}`).sort(), ['GET /orders/{id}', 'POST /orders']);
    assert.deepEqual(
      diagnostics.get(uriOf('rules/python/unclosed.scm'))?.map((diagnostic) => [diagnostic.range.start, diagnostic.message]),
      [[{ line: 3, character: 0 }, "Bad syntax at offset 54: ''...; the rule is left out"]],
    );
  });
});
