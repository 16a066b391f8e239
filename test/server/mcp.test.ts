import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ROOT } from '../helpers';

/** `archtrace mcp DIR` spoken to by the MCP SDK's own client over stdio, on a Python and a TypeScript fixture. */
const cacheHome = mkdtempSync(join(tmpdir(), 'archtrace-mcp-cache-'));
const clients: Client[] = [];

async function connect(fixture: string): Promise<Client> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [join(ROOT, 'dist', 'cli.js'), 'mcp', join(ROOT, 'test', 'fixtures', fixture)],
    env: { ...(process.env as Record<string, string>), XDG_CACHE_HOME: cacheHome },
    stderr: 'ignore',
  });
  const client = new Client({ name: 'archtrace-test', version: '1.0.0' });
  await client.connect(transport);
  clients.push(client);
  return client;
}

type ToolResult = { content: { type: string; text?: string }[]; isError?: boolean };

async function call(client: Client, name: string, args: Record<string, unknown> = {}): Promise<{ text: string; isError: boolean }> {
  const result = (await client.callTool({ name, arguments: args })) as ToolResult;
  return { text: result.content.map((part) => part.text ?? '').join('\n'), isError: result.isError === true };
}

let flask: Client;
let nest: Client;

before(async () => {
  [flask, nest] = await Promise.all([connect('flask-blog'), connect('nest-shop')]);
});

after(async () => {
  await Promise.all(clients.map((client) => client.close()));
  rmSync(cacheHome, { recursive: true, force: true });
});

describe('archtrace mcp', () => {
  it('lists its tools, each with a JSON schema of its input', async () => {
    const { tools } = await flask.listTools();
    assert.deepEqual(tools.map((tool) => tool.name).sort(), ['classify_repository', 'data_model', 'find_implementations', 'layer_of', 'layer_violations', 'list_extension_points', 'list_routes', 'study_guide', 'trace_route']);
    const listRoutes = tools.find((tool) => tool.name === 'list_routes');
    assert.equal(listRoutes?.inputSchema.type, 'object');
    assert.deepEqual(Object.keys(listRoutes?.inputSchema.properties ?? {}).sort(), ['file', 'limit', 'method', 'offset', 'path']);
  });

  it('classifies the repository', async () => {
    const { text } = await call(flask, 'classify_repository');
    assert.match(text, /^kind: business backend service/);
    // The evidence question by question, heaviest first, as every renderer shows it.
    assert.match(text, /\nevidence:\n- (who uses it|what it offers): /);
    assert.match(text, /routes: 6; interfaces: 1;/);
  });

  it('lists routes filtered by method and path, with the handler relative to the workspace, paginated', async () => {
    const { text } = await call(flask, 'list_routes', { method: 'get', path: '/posts' });
    assert.equal(text, ['2 route(s) of 6:', 'GET /posts/ → index at blog/posts/views.py:10 [flask]', 'GET /posts/{post_id} → show at blog/posts/views.py:15 [flask]'].join('\n'));
    const page = await call(flask, 'list_routes', { limit: 2 });
    assert.match(page.text, /\(partial: 1–2 of 6; pass offset 2 for more\)$/);
    const request = await call(flask, 'list_routes', { path: '/posts/7' });
    assert.match(request.text, /GET \/posts\/\{post_id\} → show/);
  });

  it('traces a route through the layers, and refuses a route that does not exist', async () => {
    const { text } = await call(nest, 'trace_route', { route: 'DELETE /api/orders/42' });
    assert.match(text, /^DELETE \/api\/orders\/\{id\} — \d+ steps/);
    assert.match(text, /\napi OrdersController\.cancel at src\/orders\/orders\.controller\.ts:24/);
    assert.match(text, /infrastructure TypeOrmOrderRepository\.findById \[di\] at src\/orders\/typeorm-order\.repository\.ts:9/);
    // A raised outside exception is named, with the status it answers.
    assert.match(text, /external @nestjs\/common\.NotFoundException \[raise 404\] \(called at src\/orders\/orders\.service\.ts:29\)/);
    const missing = await call(nest, 'trace_route', { route: 'GET /nowhere' });
    assert.equal(missing.isError, true);
    assert.match(missing.text, /^no route 'GET \/nowhere' in the workspace; routes include: POST \/api\/orders/);
  });

  it('tells the layer of a file and of a symbol, and refuses a path outside the workspace', async () => {
    const file = await call(nest, 'layer_of', { target: 'src/orders/typeorm-order.repository.ts' });
    assert.match(file.text, /^src\/orders\/typeorm-order\.repository\.ts: layer infrastructure/);
    const symbol = await call(flask, 'layer_of', { target: 'blog/posts/views.py:create' });
    assert.match(symbol.text, /^blog\/posts\/views\.py:create: layer api/);
    assert.match(symbol.text, /- route: create at blog\/posts\/views\.py:20/);
    const outside = await call(flask, 'layer_of', { target: '../../../etc/passwd' });
    assert.equal(outside.isError, true);
    assert.match(outside.text, /is outside the workspace/);
  });

  it('finds implementations, extension points, layer violations, the data model and the study guide', async () => {
    assert.match((await call(nest, 'find_implementations', { interface: 'OrderRepo' })).text, /OrderRepository at src\/orders\/order\.repository\.ts:\d+: TypeOrmOrderRepository \(src\/orders\/typeorm-order\.repository\.ts:\d+\)/);
    assert.match((await call(flask, 'list_extension_points', { category: 'middleware' })).text, /middleware: add_cache_header at blog\/posts\/views\.py:28 \(api\)/);
    const violations = await call(flask, 'layer_violations');
    assert.match(violations.text, /^1 layer violation\(s\), 2 N\+1 queries:\napi-bypasses-application at blog\/posts\/views\.py:5/);
    const entities = await call(flask, 'data_model');
    assert.match(entities.text, /Post \(table posts?, \d+ columns/);
    const post = await call(flask, 'data_model', { entity: 'Post' });
    assert.match(post.text, /relationships:\n- Post\.author_id → user .*\n- Comment\.post_id → Post/);
    const sections = await call(flask, 'study_guide');
    assert.match(sections.text, /^sections: Overview/);
    assert.match((await call(flask, 'study_guide', { section: 'routes' })).text, /^## Routes/);
    assert.match((await call(flask, 'study_guide', { section: 'architecture map' })).text, /^## Architecture map\n\n```mermaid\nflowchart TB\n {2}subgraph L0\["api /);
  });

  it('refuses input that breaks a tool’s schema, and keeps serving', async () => {
    const bad = await flask.callTool({ name: 'list_routes', arguments: { limit: 'many' } }).then(
      (result) => ({ isError: (result as ToolResult).isError === true, text: (result as ToolResult).content.map((part) => part.text ?? '').join('') }),
      (error: unknown) => ({ isError: true, text: String(error) }),
    );
    assert.equal(bad.isError, true);
    assert.match(bad.text, /limit/);
    assert.match((await call(flask, 'classify_repository')).text, /^kind:/);
  });
});
