import assert from 'node:assert/strict';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { createMessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { analyzeFolder } from '../../src/node/analyzeFolder';
import { ErrorCodes, ResultRequest, StatusRequest } from '../../src/protocol/protocol';
import { runLanguageServer } from '../../src/server/lsp';
import { nodeEngine } from '../../src/server/session';
import { ROOT } from '../helpers';

/**
 * The language server in this process, over a pair of streams, with an engine whose analyses fail
 * as told: the server logs each failure, restarts the analysis, and answers once one succeeds; a
 * folder that never analyses is reported, and requests about it refused, while the server runs on.
 */
const fixture = join(ROOT, 'test', 'fixtures', 'flask-blog');
const disposers: (() => void)[] = [];
after(() => disposers.forEach((dispose) => dispose()));

function startServer(failures: number) {
  let runs = 0;
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const engine = {
    ...nodeEngine,
    analyze: async (root: string, options: Parameters<typeof analyzeFolder>[1]) => {
      runs++;
      if (runs <= failures) throw new Error(`the analysis broke (run ${runs})`);
      return analyzeFolder(root, options);
    },
  };
  runLanguageServer(createConnection(ProposedFeatures.all, toServer, toClient), { engine });
  const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const log: string[] = [];
  client.onNotification('window/logMessage', (params: { message: string }) => {
    log.push(params.message);
  });
  client.listen();
  disposers.push(() => client.dispose());
  return { client, log, runs: () => runs };
}

async function initialize(client: ReturnType<typeof startServer>['client']) {
  await client.sendRequest('initialize', { processId: null, rootUri: pathToFileURL(fixture).href, capabilities: {}, initializationOptions: { cacheDirectory: false } });
  await client.sendNotification('initialized', {});
}

describe('the language server when an analysis crashes', () => {
  it('logs the failure, restarts the analysis and answers from the one that completes', async () => {
    const { client, log, runs } = startServer(2);
    await initialize(client);
    const result = await client.sendRequest(ResultRequest, {});
    assert.equal(result.routes.length, 6);
    assert.equal(runs(), 3);
    assert.ok(log.some((line) => line.includes('the analysis failed: Error: the analysis broke (run 1)')), log.join('\n'));
    assert.ok(log.some((line) => line.includes('restarting the analysis in 500 ms (restart 2 of 3)')), log.join('\n'));
    assert.deepEqual((await client.sendRequest(StatusRequest)).map((status) => status.state), ['ready']);
    await client.sendRequest('shutdown');
  });

  it('reports a folder that never analyses, refuses requests about it with the reason, and keeps serving', async () => {
    const { client, log } = startServer(Infinity);
    await initialize(client);
    let refusal: unknown;
    try {
      await client.sendRequest(ResultRequest, {});
    } catch (error) {
      refusal = error;
    }
    assert.ok(refusal instanceof ResponseError);
    assert.equal(refusal.code, ErrorCodes.AnalysisFailed);
    assert.match(refusal.message, /the analysis failed 4 times in a row; the last time: the analysis broke \(run 4\)/);
    assert.ok(log.some((line) => line.includes('not restarting it (reanalyse to try again)')));
    const [status] = await client.sendRequest(StatusRequest);
    assert.equal(status?.state, 'failed');
    // A hover in a file of the folder gets a refusal, not a dead server.
    await assert.rejects(client.sendRequest('textDocument/hover', { textDocument: { uri: pathToFileURL(join(fixture, 'blog/posts/views.py')).href }, position: { line: 9, character: 0 } }), /the analysis failed 4 times/);
    await client.sendRequest('shutdown');
  });
});
