import assert from 'node:assert/strict';
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createMessageConnection, ErrorCodes as JsonRpcErrors, IPCMessageReader, IPCMessageWriter, type MessageConnection, ResponseError } from 'vscode-jsonrpc/node';
import type { Hover } from 'vscode-languageserver';
import { ChecklistProgress } from '../../src/core/checklist/progress';
import { ChecklistRequest, ResultRequest, StatusRequest, StudyGuideRequest, TraceRequest } from '../../src/protocol/protocol';
import { ROOT } from '../helpers';

/**
 * `dist/server.js serve --node-ipc`, forked as the extension's LanguageClient forks it
 * (TransportKind.ipc) and spoken to over Node's IPC channel with vscode-jsonrpc: it answers the
 * views' requests and hovers with the extension's command links, and malformed messages get
 * protocol errors while the process keeps running.
 */
const cacheHome = mkdtempSync(join(tmpdir(), 'archtrace-ipc-cache-'));
const flaskBlog = join(ROOT, 'test', 'fixtures', 'flask-blog');

let child: ChildProcess;
let connection: MessageConnection;
let exited: number | null | undefined;

before(async () => {
  child = fork(join(ROOT, 'dist', 'server.js'), ['serve', '--node-ipc', `--clientProcessId=${process.pid}`], { silent: true, env: { ...process.env, XDG_CACHE_HOME: cacheHome } });
  child.on('exit', (code) => (exited = code));
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`server stderr: ${chunk.toString()}`));
  connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('archtrace/didChangeAnalysis', () => undefined);
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(flaskBlog).href, capabilities: {}, initializationOptions: { commandLinks: true } });
  await connection.sendNotification('initialized', {});
});

after(async () => {
  await connection.sendRequest('shutdown').catch(() => undefined);
  await connection.sendNotification('exit').catch(() => undefined);
  connection.dispose();
  if (exited === undefined) child.kill();
  rmSync(cacheHome, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<ResponseError<unknown>> {
  const error = await promise.then(
    () => assert.fail('expected an error'),
    (reason: unknown) => reason,
  );
  assert.ok(error instanceof ResponseError, String(error));
  return error;
}

describe('the server over node IPC', () => {
  it('answers the result, the checklist and the study guide of the folder', async () => {
    const result = await connection.sendRequest(ResultRequest, {});
    assert.equal(result.routes.length, 6);
    const items = await connection.sendRequest(ChecklistRequest, {});
    assert.ok(items.length > 3, `${items.length} checklist items`);
    const done = { ...ChecklistProgress.empty(), items: { [items[0]?.id ?? '']: { done: true, updated: Date.now() } } };
    const guide = await connection.sendRequest(StudyGuideRequest, { progress: done });
    assert.match(guide, /## Traces/);
    assert.match(guide, /\[x\]/);
  });

  it('ends a route hover with the command links the extension runs', async () => {
    const result = await connection.sendRequest(ResultRequest, {});
    const route = result.routes.find((candidate) => candidate.source);
    assert.ok(route?.source);
    const hover = await connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: pathToFileURL(join(flaskBlog, route.source.path)).href }, position: { line: route.source.line, character: 1 } });
    const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(value, /command:archtrace\.trace\.start\?/);
  });

  it('answers malformed parameters and unknown methods with errors and keeps running', async () => {
    assert.equal((await rejection(connection.sendRequest(TraceRequest, { route: 42 } as never))).code, JsonRpcErrors.InvalidParams);
    assert.equal((await rejection(connection.sendRequest(StudyGuideRequest, { progress: 'all done' } as never))).code, JsonRpcErrors.InvalidParams);
    assert.equal((await rejection(connection.sendRequest('archtrace/noSuchRequest', {}))).code, JsonRpcErrors.MethodNotFound);
    await connection.sendNotification('textDocument/didOpen', { textDocument: null });
    assert.deepEqual((await connection.sendRequest(StatusRequest)).map((status) => status.state), ['ready']);
    assert.equal(exited, undefined);
    assert.equal(child.exitCode, null);
  });
});
