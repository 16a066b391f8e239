import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createMessageConnection, type MessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { CodeAction, CodeLens, Diagnostic, Hover, PublishDiagnosticsParams, SymbolInformation } from 'vscode-languageserver';
import { DidChangeAnalysisNotification, ErrorCodes, type FolderStatus, MapRequest, ResultDeltaRequest, ResultRequest, RoutesAtRequest, StatusRequest, TraceRequest } from '../../src/protocol/protocol';
import { fetchResult, type ResultDelta } from '../../src/protocol/resultDelta';
import { ROOT, shutDownServer } from '../helpers';

/**
 * `archtrace lsp --stdio` spoken to over JSON-RPC with the protocol module a client imports: the
 * standard requests on a Django fixture (N+1 quick fix) and a Python one, and bad input answered
 * with errors while the server keeps running.
 */
const cacheHome = mkdtempSync(join(tmpdir(), 'archtrace-lsp-cache-'));
const djangoShop = join(ROOT, 'test', 'fixtures', 'django-shop');
const flaskBlog = join(ROOT, 'test', 'fixtures', 'flask-blog');
const uriOf = (root: string, path: string) => pathToFileURL(join(root, path)).href;

let child: ChildProcess;
let connection: MessageConnection;
const diagnostics = new Map<string, Diagnostic[]>();
/** How many times each URI's diagnostics were published. */
const publications = new Map<string, number>();
const statuses: FolderStatus[] = [];
const progress: { kind: string; title?: string; message?: string }[] = [];
let startedMs = 0;
let initializedMs = 0;

before(async () => {
  const started = performance.now();
  child = spawn(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, XDG_CACHE_HOME: cacheHome } });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`server stderr: ${chunk.toString()}`));
  connection = createMessageConnection(new StreamMessageReader(child.stdout as NodeJS.ReadableStream), new StreamMessageWriter(child.stdin as NodeJS.WritableStream));
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    diagnostics.set(params.uri, params.diagnostics);
    publications.set(params.uri, (publications.get(params.uri) ?? 0) + 1);
  });
  connection.onNotification(DidChangeAnalysisNotification, (status) => {
    statuses.push(status);
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('$/progress', (params: { token: string | number; value: { kind: string; title?: string; message?: string } }) => {
    progress.push(params.value);
  });
  connection.onNotification('window/showMessage', () => undefined);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: [
      { uri: pathToFileURL(djangoShop).href, name: 'django-shop' },
      { uri: pathToFileURL(flaskBlog).href, name: 'flask-blog' },
    ],
    capabilities: { window: { workDoneProgress: true } },
  });
  startedMs = performance.now() - started;
  await connection.sendNotification('initialized', {});
  await connection.sendRequest(ResultRequest, { root: djangoShop });
  await connection.sendRequest(ResultRequest, { root: flaskBlog });
  initializedMs = performance.now() - started;
});

after(async () => {
  try {
    await shutDownServer(connection, child);
  } finally {
    rmSync(cacheHome, { recursive: true, force: true });
  }
});

async function rejection(request: Promise<unknown>): Promise<ResponseError<unknown>> {
  try {
    await request;
  } catch (error) {
    assert.ok(error instanceof ResponseError, String(error));
    return error;
  }
  return assert.fail('the request was answered, not refused');
}

describe('archtrace lsp --stdio', () => {
  it('analyses every workspace folder and tells the client (archtrace/status, archtrace/didChangeAnalysis)', async () => {
    console.log(`server: initialize answered in ${startedMs.toFixed(0)} ms; both folders analysed (cold) ${initializedMs.toFixed(0)} ms after the spawn`);
    const status = await connection.sendRequest(StatusRequest);
    assert.deepEqual(status.map((folder) => [folder.root, folder.state]).sort(), [[djangoShop, 'ready'], [flaskBlog, 'ready']].sort());
    assert.ok(statuses.some((folder) => folder.root === djangoShop && folder.version >= 1));
    // Each folder's first analysis was shown as work-done progress, begun and ended.
    assert.deepEqual(progress.filter((value) => value.kind === 'begin').map((value) => value.message).sort(), ['analysing django-shop', 'analysing flask-blog']);
    assert.equal(progress.filter((value) => value.kind === 'end').length, 2);
  });

  it('publishes layer violations and N+1 queries as diagnostics, with a link to their explanation', async () => {
    const reports = uriOf(djangoShop, 'catalog/reports.py');
    for (let waited = 0; waited < 5000 && !diagnostics.get(reports); waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    const found = diagnostics.get(reports) ?? [];
    assert.equal(found.length, 3);
    assert.ok(found.every((diagnostic) => diagnostic.code === 'n-plus-one' && diagnostic.source === 'ArchTrace' && diagnostic.codeDescription?.href.endsWith('docs/diagnostics.md#n-plus-one')));
    const violation = diagnostics.get(uriOf(flaskBlog, 'blog/posts/views.py'))?.[0];
    assert.equal(violation?.code, 'api-bypasses-application');
    assert.match(typeof violation?.message === 'string' ? violation.message : '', /bypassing the application layer\. \(SqlPostRepository\)$/);
  });

  it('offers the N+1 quick fix the core computes: the loading call appended to the query', async () => {
    const uri = uriOf(djangoShop, 'catalog/reports.py');
    const held = diagnostics.get(uri) ?? [];
    const first = held.find((diagnostic) => diagnostic.range.start.line === 8);
    assert.ok(first, JSON.stringify(held));
    const actions = await connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: first.range, context: { diagnostics: [first] } });
    assert.equal(actions.length, 1);
    assert.equal(actions[0]?.title, 'Load Product.category with the query: add .select_related("category")');
    assert.deepEqual(actions[0]?.edit?.changes?.[uri], [{ range: { start: { line: 8, character: 84 }, end: { line: 8, character: 84 } }, newText: '.select_related("category")' }]);
    // The warning without a place to append the fix (the loop does not iterate the query itself) has no action.
    const third = held.find((diagnostic) => diagnostic.range.start.line === 23);
    assert.ok(third);
    assert.deepEqual(await connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: third.range, context: { diagnostics: [third] } }), []);
  });

  it('hovers a route with its trace, and times it', async () => {
    const uri = uriOf(flaskBlog, 'blog/posts/views.py');
    const times: number[] = [];
    let hover: Hover | null = null;
    for (let round = 0; round < 20; round++) {
      const started = performance.now();
      hover = await connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 20, character: 4 } });
      times.push(performance.now() - started);
    }
    const value = (hover?.contents as { value?: string } | undefined)?.value ?? "";
    assert.match(value, /^\*\*POST \\\/posts\\\/\*\* — 6 steps/);
    assert.match(value, /SqlPostRepository/);
    assert.match(value, /session\\\.commit \\\(database session\\\)/);
    assert.doesNotMatch(value, /command:/, 'no VS Code command links for other editors');
    times.sort((a, b) => a - b);
    console.log(`hover on a route (flask-blog), 20 in a row: p50 ${times[10]?.toFixed(1)} ms, max ${times.at(-1)?.toFixed(1)} ms`);
    assert.equal(await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 0 } }), null);
  });

  it('finds routes by method and path as workspace symbols, at their handler; and interfaces by name', async () => {
    const symbols = await connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query: 'GET /posts/{post_id}' });
    assert.equal(symbols[0]?.name, 'GET /posts/{post_id}');
    assert.equal(symbols[0]?.location.uri, uriOf(flaskBlog, 'blog/posts/views.py'));
    assert.equal(symbols[0]?.location.range.start.line, 14);
    // As a request is sent: the concrete path finds its template.
    const requested = await connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query: 'GET /posts/7' });
    assert.equal(requested[0]?.name, 'GET /posts/{post_id}');
    const interfaces = await connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query: 'PostRepository' });
    assert.deepEqual(
      interfaces.map((symbol) => [symbol.name, symbol.containerName]),
      [
        ['PostRepository', '1 implementation'],
        ['SqlPostRepository', 'implements PostRepository'],
      ],
    );
  });

  it('gives CodeLenses: Trace above routes, the layer role above classes', async () => {
    const lenses = await connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(flaskBlog, 'blog/posts/repository.py') } });
    assert.ok(lenses.some((lens) => lens.command?.title === 'infrastructure · repository' && lens.command.command === 'archtrace.showLayer'), JSON.stringify(lenses));
    const routeLenses = await connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(flaskBlog, 'blog/auth/views.py') } });
    assert.ok(routeLenses.some((lens) => lens.command?.title === 'Trace GET /auth/login'));
    const trace = await connection.sendRequest<{ route: string }>('workspace/executeCommand', { command: 'archtrace.trace', arguments: [flaskBlog, 'GET /auth/login'] });
    assert.equal(trace.route, 'GET /auth/login');
  });

  it('answers the custom requests the views use', async () => {
    const result = await connection.sendRequest(ResultRequest, { root: flaskBlog });
    assert.equal(result.routes.length, 6);
    const trace = await connection.sendRequest(TraceRequest, { root: flaskBlog, route: 'POST /posts/' });
    assert.equal(trace.steps[0]?.symbol, 'blog/posts/views.py:create');
    const at = await connection.sendRequest(RoutesAtRequest, { uri: uriOf(flaskBlog, 'blog/posts/views.py'), line: 9 });
    assert.deepEqual(at.routes.map((route) => `${route.method} ${route.path}`), ['GET /posts/']);
    const map = await connection.sendRequest(MapRequest, { root: flaskBlog });
    assert.equal(map.kind, result.kind.kind);
    assert.ok(map.boxes.some((box) => box.files.includes('blog/posts/views.py')));
    // The views' way: the result as a delta from nothing held, then from the version held (nothing changed: an empty delta).
    const fetched = await fetchResult((params) => connection.sendRequest(ResultDeltaRequest, params), flaskBlog);
    assert.deepEqual(fetched.result, result);
    const again = await connection.sendRequest(ResultDeltaRequest, { root: flaskBlog, since: fetched.version });
    assert.deepEqual({ ...again, root: '' }, { root: '', version: fetched.version, since: fetched.version, page: 0, pages: 1, set: {}, removed: [], splices: [] });
  });

  it('refuses bad input with a protocol error and a clear message, and keeps running', async () => {
    const unknownMethod = await rejection(connection.sendRequest('archtrace/nothing', {}));
    assert.equal(unknownMethod.code, -32601);
    const malformed = await rejection(connection.sendRequest(TraceRequest.method, { route: 42 }));
    assert.equal(malformed.code, -32602);
    assert.match(malformed.message, /expected \{ route: "METHOD \/path"/);
    const noRoute = await rejection(connection.sendRequest(TraceRequest, { root: flaskBlog, route: 'GET /nowhere' }));
    assert.equal(noRoute.code, ErrorCodes.UnknownRoute);
    assert.match(noRoute.message, /^no route 'GET \/nowhere' in .*flask-blog; routes include: GET \/auth\/login/);
    const outside = await rejection(connection.sendRequest(RoutesAtRequest, { uri: pathToFileURL('/etc/passwd').href, line: 0 }));
    assert.equal(outside.code, ErrorCodes.OutsideWorkspace);
    assert.match(outside.message, /file:\/\/\/etc\/passwd is outside the workspace folders/);
    const noVersion = await rejection(connection.sendRequest(ResultDeltaRequest.method, { root: flaskBlog, since: 'latest' }));
    assert.equal(noVersion.code, -32602);
    assert.match(noVersion.message, /expected \{ since: the version held/);
    const notAFolder = await rejection(connection.sendRequest(ResultRequest, { root: '/etc' }));
    assert.equal(notAFolder.code, ErrorCodes.OutsideWorkspace);
    const badCommand = await rejection(connection.sendRequest('workspace/executeCommand', { command: 'archtrace.rm', arguments: [] }));
    assert.match(badCommand.message, /unknown command 'archtrace.rm'/);
    // Still serving.
    assert.equal((await connection.sendRequest(StatusRequest)).length, 2);
  });

  it('updates after a saved change and publishes the new analysis', async () => {
    const uri = uriOf(flaskBlog, 'blog/posts/views.py');
    const text = readFileSync(join(flaskBlog, 'blog/posts/views.py'), 'utf8');
    const before = (await connection.sendRequest(StatusRequest)).find((folder) => folder.root === flaskBlog)?.version ?? 0;
    const held = await fetchResult((params) => connection.sendRequest(ResultDeltaRequest, params), flaskBlog);
    const publishedBefore = new Map([...publications].filter(([published]) => published.startsWith(pathToFileURL(flaskBlog).href)));
    assert.ok(publishedBefore.size > 0);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
    const end = text.split('\n').length - 1;
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: end, character: 0 }, end: { line: end, character: 0 } }, text: '\n@posts_bp.delete("/<int:post_id>")\ndef remove(post_id):\n    return "", 204\n' }] });
    const started = performance.now();
    for (let waited = 0; waited < 30_000; waited += 20) {
      const version = (await connection.sendRequest(StatusRequest)).find((folder) => folder.root === flaskBlog)?.version ?? 0;
      if (version > before) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // The views' delta from the result held before the edit: the edited file's parts only, and the new result once applied.
    const pages: ResultDelta[] = [];
    const updated = await fetchResult((params) => connection.sendRequest(ResultDeltaRequest, params).then((page) => (pages.push(page), page)), flaskBlog, held);
    assert.deepEqual(updated.result, await connection.sendRequest(ResultRequest, { root: flaskBlog }));
    assert.equal(pages[0]?.since, held.version);
    assert.ok(!pages.some((page) => page.splices.some((splice) => splice.path === 'files' && splice.items.length > 1)), 'one file changed');
    // A route added changes no file's diagnostics: none is published again (the delta's answer came after them).
    assert.deepEqual(new Map([...publications].filter(([published]) => publishedBefore.has(published))), publishedBefore);
    console.log(`an edit typed (unsaved) to its route listed: ${(performance.now() - started).toFixed(0)} ms (changes are gathered 400 ms first)`);
    const symbols = await connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query: 'DELETE /posts' });
    assert.deepEqual(symbols.map((symbol) => symbol.name), ['DELETE /posts/{post_id}']);
    // Closed unsaved: the file is as on disk again.
    await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    for (let waited = 0; waited < 30_000; waited += 20) {
      if (!(await connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query: 'DELETE /posts' })).length) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.deepEqual(await connection.sendRequest('workspace/symbol', { query: 'DELETE /posts' }), []);
  });
});
