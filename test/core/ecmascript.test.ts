import assert from 'node:assert/strict';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Trace } from '../../src/core/result';
import { analyzeFolder } from '../../src/node/analyzeFolder';
import { TypeCheckerWorker } from '../../src/node/typeChecker';
import { analyseFiles, ROOT, tempWorkspace, testScanner } from '../helpers';

const NEST_SHOP = join(ROOT, 'test', 'fixtures', 'nest-shop');

describe('TypeScript workspaces', () => {
  it('resolves imports through the path aliases of tsconfig.json (JSON with comments)', async () => {
    const analysis = await analyzeFolder(NEST_SHOP, { threads: 1 });
    const { result } = analysis;
    const create = result.findings.find((finding) => finding.symbol === 'src/orders/orders.controller.ts:OrdersController.create' && finding.category === 'decorator');
    assert.equal(create?.details.decorator, '@nestjs/common.UseGuards');
    assert.ok(result.findings.some((finding) => finding.symbol === 'src/common/roles.guard.ts:RolesGuard' && finding.category === 'middleware'));
    // `@shop/common/roles.guard` names a workspace file: the guard is the workspace class, not a package's.
    const trace = analysis.trace('POST /api/orders');
    // `Order.create` throws (`throw new Error(...)`) before it makes the order: a raise step.
    assert.deepEqual(trace?.steps.map((step) => step.symbol.split(':').pop()), ['OrdersController.create', 'OrdersService.create', 'Order.create', 'Error', 'Order', 'OrderRepository.save', 'TypeOrmOrderRepository.save']);
    assert.equal(trace?.steps.find((step) => step.symbol === 'Error')?.via, 'raise');
    // The customers module's abstract repository and its port each have an implementation too.
    assert.deepEqual(result.interfaces.map((entry) => entry.base), [
      'src/customers/audit-log.repository.ts:BaseAuditRepository',
      'src/customers/loyalty-points.repository.port.ts:LoyaltyPointsRepositoryPort',
      'src/orders/order.repository.ts:OrderRepository',
    ]);
    const ordersModule = result.findings.find((finding) => finding.symbol === 'src/orders/orders.module.ts:OrdersModule');
    assert.deepEqual(ordersModule?.details.providers, ['OrdersService', 'ORDER_REPOSITORY', 'TypeOrmOrderRepository']);
    assert.deepEqual(ordersModule?.details.controllers, ['OrdersController']);
  });

  it("follows SvelteKit's `$lib` alias, which no configuration in the repository states, from a `+server.ts` route into the package's src/lib", async () => {
    const analysis = await analyzeFolder(join(ROOT, 'test', 'fixtures', 'sveltekit-app'), { threads: 1 });
    const trace = analysis.trace('POST /api/todos');
    assert.deepEqual(trace?.steps.map((step) => step.symbol), ['src/routes/api/todos/+server.ts:POST', 'src/lib/todos.ts:addTodo', 'Error']);
  });

  it("follows a name Nuxt's server code uses without importing it to what server/utils defines", async () => {
    const analysis = await analyzeFolder(join(ROOT, 'test', 'fixtures', 'nuxt-app'), { threads: 1 });
    assert.deepEqual(analysis.trace('POST /api/orders')?.steps.map((step) => step.symbol), ['server/api/orders/index.post.ts:default', 'server/utils/orders.ts:createOrder']);
  });

  it("gives each package of a monorepo its own framework aliases and auto-imports: `$lib` is the importing app's src/lib", async () => {
    const sveltekitApp = (name: string) => ({
      [`apps/${name}/package.json`]: JSON.stringify({ name, private: true, devDependencies: { '@sveltejs/kit': '^2.0.0' } }),
      [`apps/${name}/src/lib/db.ts`]: `export function load() {\n  return '${name}';\n}\n`,
      [`apps/${name}/src/routes/api/${name}/+server.ts`]: "import { load } from '$lib/db';\n\nexport function GET() {\n  return new Response(load());\n}\n",
    });
    const workspace = tempWorkspace({
      'package.json': JSON.stringify({ name: 'apps', private: true, workspaces: ['apps/*'] }),
      ...sveltekitApp('a'),
      ...sveltekitApp('b'),
      'apps/shop/package.json': JSON.stringify({ name: 'shop', private: true, dependencies: { nuxt: '^3.0.0' } }),
      'apps/shop/server/utils/users.ts': 'export function listUsers() {\n  return [];\n}\n',
      'apps/shop/server/api/users.get.ts': 'export default defineEventHandler(() => listUsers());\n',
    });
    try {
      const analysis = await analyzeFolder(workspace.root, { threads: 1 });
      const steps = (route: string) => analysis.trace(route)?.steps.map((step) => step.symbol);
      assert.deepEqual(steps('GET /api/a'), ['apps/a/src/routes/api/a/+server.ts:GET', 'apps/a/src/lib/db.ts:load']);
      assert.deepEqual(steps('GET /api/b'), ['apps/b/src/routes/api/b/+server.ts:GET', 'apps/b/src/lib/db.ts:load']);
      assert.deepEqual(steps('GET /api/users'), ['apps/shop/server/api/users.get.ts:default', 'apps/shop/server/utils/users.ts:listUsers']);
    } finally {
      workspace.cleanup();
    }
  });

  it("finds Fastify hooks registered on the instance a NestJS application hands out (`app.getHttpAdapter().getInstance()`)", async () => {
    const result = await analyseFiles({
      'package.json': JSON.stringify({ name: 'server', private: true, dependencies: { '@nestjs/core': '^11.0.0', '@nestjs/platform-fastify': '^11.0.0' } }),
      'src/main.ts': [
        "import { NestFactory } from '@nestjs/core';",
        "import { AppModule } from './app.module';",
        'async function bootstrap() {',
        '  const app = await NestFactory.create(AppModule, new FastifyAdapter());',
        '  app',
        '    .getHttpAdapter()',
        '    .getInstance()',
        "    .addHook('onRequest', (request, _reply, done) => {",
        '      done();',
        '    });',
        "  app.getHttpAdapter().getInstance().decorateReply('end', function () { this.send(''); }).addHook('preHandler', function (req, reply, done) { done(); });",
        "  cache.getInstance().addHook('onRequest', (request, _reply, done) => done());",
        '}',
      ].join('\n'),
    });
    assert.deepEqual(result.findings.filter((finding) => finding.category === 'middleware').map((finding) => finding.symbol).sort(), ['src/main.ts:<anonymous>@11', 'src/main.ts:<anonymous>@8']);
  });

  it("reads each package's own tsconfig.json path aliases for its files, before the root's", async () => {
    const workspace = tempWorkspace({
      'package.json': JSON.stringify({ name: 'apps', private: true, workspaces: ['apps/*'] }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@shop/db/*': ['apps/wrong/*'] } } }),
      'apps/server/package.json': JSON.stringify({ name: 'server', private: true, dependencies: { '@nestjs/core': '^10.0.0', kysely: '^0.27.0' } }),
      'apps/server/tsconfig.json': '{\n  // the server\'s own aliases\n  "compilerOptions": { "baseUrl": "./", "paths": { "@shop/db/*": ["./src/database/*"] } },\n}\n',
      'apps/server/src/database/types/kysely.types.ts': "import { Kysely } from 'kysely';\nexport type KyselyDB = Kysely<DB>;\n",
      'apps/server/src/users/user.repo.ts': [
        "import { KyselyDB } from '@shop/db/types/kysely.types';",
        'export class UserRepo {',
        '  constructor(private readonly db: KyselyDB) {}',
        "  findById(id: string) { return this.db.selectFrom('users').where('id', '=', id).executeTakeFirst(); }",
        "  remove(id: string) { return this.db.deleteFrom('users').where('id', '=', id).execute(); }",
        '}',
      ].join('\n'),
    });
    try {
      const { result } = await analyzeFolder(workspace.root, { threads: 1 });
      assert.deepEqual(result.findings.filter((finding) => finding.category === 'repository').map((finding) => finding.symbol), ['apps/server/src/users/user.repo.ts:UserRepo']);
    } finally {
      workspace.cleanup();
    }
  });

  it('reads the frameworks of a package no workspace declares (a web/ beside a Python backend)', async () => {
    const workspace = tempWorkspace({
      'package.json': JSON.stringify({ name: 'root', private: true }),
      'backend/app.py': 'VERSION = 1\n',
      'web/package.json': JSON.stringify({ name: 'web', private: true, dependencies: { next: '^15.0.0' } }),
      'web/app/api/hello/route.ts': 'export function GET() {\n  return Response.json({});\n}\n',
      'web/middleware.ts': 'export function middleware() {}\n',
    });
    try {
      const { result } = await analyzeFolder(workspace.root, { threads: 1 });
      assert.deepEqual(result.routes.map((route) => `${route.method} ${route.path} -> ${route.handler}`), ['GET /api/hello -> web/app/api/hello/route.ts:GET']);
      assert.deepEqual(result.findings.filter((finding) => finding.category === 'middleware').map((finding) => finding.symbol), ['web/middleware.ts:middleware']);
    } finally {
      workspace.cleanup();
    }
  });

  it('reads namespace re-exports, class factories as bases, and the types locals are given', async () => {
    const facts = await testScanner().scan(
      { path: 'repositories.ts', language: 'typescript' },
      `export * as DAL from './dal';
export function repositoryFactory<T>(entity: string) {
  class Repository_ extends BaseRepository<T> {}
  return Repository_ as unknown as { new (): BaseRepository<T> };
}
export const mixin = (Base: Constructor) => { return class extends Base {}; };
export class Orders extends DAL.repositoryFactory<Order>('Order') {
  list() {
    const manager = this.activeManager<EntityManager>();
    const pool: Pool = connect();
    const client = new pg.Client();
    const rows = compute();
    return manager.find('Order', {});
  }
}`,
    );
    assert.deepEqual(facts.imports.map(({ module, names, alias }) => ({ module, names, alias })), [{ module: './dal', names: [], alias: 'DAL' }]);
    const symbol = (name: string) => facts.symbols.find((candidate) => candidate.name === name);
    assert.deepEqual(symbol('repositoryFactory')?.bases, ['BaseRepository']);
    assert.deepEqual(symbol('mixin')?.bases, ['Base']);
    assert.deepEqual(symbol('Orders')?.bases, ['DAL.repositoryFactory()']);
    assert.deepEqual(symbol('Orders.list')?.locals, [
      { name: 'manager', type: 'EntityManager' },
      { name: 'pool', type: 'Pool' },
      { name: 'client', type: 'pg.Client' },
    ]);
  });

  it('gives each function its own calls, callbacks included, with type arguments and optional chaining dropped', async () => {
    const facts = await testScanner().scan(
      { path: 'orders.ts', language: 'typescript' },
      `export class Orders {
  constructor(private readonly repo: Repo) {}
  async list(ids: string[]) {
    const rows = await this.repo?.find<Order>(ids);
    return rows.filter((row) => row.total > 0).map((row) => this.format(row));
  }
  format(row: Order) {
    return helper(row);
  }
}
const handler = async () => save(await load());
`,
    );
    const calls = (name: string) => facts.symbols.find((symbol) => symbol.name === name)?.calls?.map((call) => call.callee);
    assert.deepEqual(calls('Orders.list'), ['this.repo.find', 'rows.filter', 'this.format', 'rows.filter().map']);
    assert.deepEqual(calls('Orders.format'), ['helper']);
    assert.deepEqual(calls('handler'), ['load', 'save']);
  });

  it("reads the HTTP methods a function compares its request's method to, in either order, in `switch` cases, each once, its own only", async () => {
    const facts = await testScanner().scan(
      { path: 'pages/api/items.js', language: 'javascript' },
      `export default async function handler(req, res) {
  if (req.method !== 'POST' && 'put' != req.method) return res.status(405).end();
  if (req.method === "POST") return create(req, res);
  return update(req, res);
}
function other(req) {
  switch (req.method) {
    case 'GET': return list();
    case 'DELETE': return remove();
    case kind: return none();
  }
  if (req.url === 'GET') return;
  if (req.method === 'get it' || req.method === \`HEAD\`) return;
}
`,
    );
    const tests = (name: string) => facts.symbols.find((symbol) => symbol.name === name)?.methodTests;
    assert.deepEqual(tests('handler'), ['POST', 'PUT']);
    assert.deepEqual(tests('other'), ['GET', 'DELETE']);
  });

  it('reads the methods compared to a variable named `method`, as handlers take it out of the request first (`const { method } = req`, as the Next.js docs write it)', async () => {
    const facts = await testScanner().scan(
      { path: 'pages/api/user/[id].ts', language: 'typescript' },
      `export default function userHandler(req, res) {
  const { query: { id }, method } = req;
  switch (method) {
    case 'GET':
      return res.status(200).json({ id });
    case 'PUT':
      return res.status(200).json({ id });
    default:
      res.setHeader('Allow', ['GET', 'PUT']);
      res.status(405).end(\`Method \${method} Not Allowed\`);
  }
}
export function remove(req, res) {
  const method = req.method;
  if ('DELETE' === method) return res.status(204).end();
}
`,
    );
    const tests = (name: string) => facts.symbols.find((symbol) => symbol.name === name)?.methodTests;
    assert.deepEqual(tests('userHandler'), ['GET', 'PUT']);
    assert.deepEqual(tests('remove'), ['DELETE']);
  });

  it('reads the names an export clause gives a definition, `default` among them', async () => {
    const facts = await testScanner().scan(
      { path: 'route.ts', language: 'typescript' },
      `const handler = NextAuth({ providers: [] });
function health() {}
export { handler as GET, handler as POST, health as default, other as PUT };
`,
    );
    const symbol = (name: string) => facts.symbols.find((candidate) => candidate.name === name);
    assert.deepEqual(symbol('handler')?.exportedAs, ['GET', 'POST']);
    assert.equal(symbol('health')?.defaultExport, true);
    assert.equal(symbol('health')?.exportedAs, undefined);
  });

  it('keeps both calls where a call\'s result is called (`promisify(read)(path)`, `getattr(obj, name)()`), the inner first', async () => {
    const typescript = await testScanner().scan({ path: 'files.ts', language: 'typescript' }, 'export async function load(path: string) {\n  return promisify(read)(path);\n}\n');
    assert.deepEqual(typescript.symbols.find((symbol) => symbol.name === 'load')?.calls?.map((call) => call.callee), ['promisify', 'promisify()']);
    const python = await testScanner().scan({ path: 'hooks.py', language: 'python' }, 'def run(obj, name):\n    return getattr(obj, name)()\n');
    assert.deepEqual(python.symbols.find((symbol) => symbol.name === 'run')?.calls?.map((call) => call.callee), ['getattr', 'getattr()']);
  });

  it('makes functions of wrapped handlers and of callbacks registered under a name, each with its own calls', async () => {
    const facts = await testScanner().scan(
      { path: 'app.js', language: 'javascript' },
      `const createUser = catchAsync(async (req, res) => {
  res.send(await users.create(req.body));
});
app.post('/invoices', auth, (req, res) => {
  res.json(invoices.issue(req.body));
});
function setup(emitter) {
  emitter.on('paid', function (event) { mailer.send(event); });
  items.map((n) => double(n));
}
`,
    );
    const calls = (name: string) => facts.symbols.find((symbol) => symbol.name === name)?.calls?.map((call) => call.callee);
    assert.deepEqual(calls('createUser'), ['users.create', 'res.send']);
    assert.equal(facts.symbols.find((symbol) => symbol.name === 'createUser')?.value?.callee, 'catchAsync');
    assert.deepEqual(calls('<anonymous>@4'), ['invoices.issue', 'res.json']);
    assert.deepEqual(calls('<anonymous>@8'), ['mailer.send']);
    // A callback that is not registered under a name stays part of the function around it.
    assert.deepEqual(calls('setup'), ['emitter.on', 'double', 'items.map']);
  });

  it('puts NestJS routes under the URI version: the default, a method\'s own, none when version-neutral', async () => {
    const workspace = tempWorkspace({
      'src/main.ts': `import { VersioningType } from '@nestjs/common';
async function bootstrap() {
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
}
`,
      'src/users.controller.ts': `import { Controller, Get, Version, VERSION_NEUTRAL } from '@nestjs/common';
@Controller('users')
export class UsersController {
  @Get()
  list() {}

  @Version('2')
  @Get(':id')
  one() {}

  @Version(VERSION_NEUTRAL)
  @Get('health')
  health() {}
}
`,
      'src/user.model.ts': `import { Model } from 'sequelize';
export class User extends Model {}
`,
    });
    try {
      const { result } = await analyzeFolder(workspace.root, { threads: 1 });
      assert.deepEqual(result.routes.map((route) => `${route.method} ${route.path}`), ['GET /api/users/health', 'GET /api/v1/users', 'GET /api/v2/users/{id}']);
      assert.ok(result.findings.some((finding) => finding.category === 'model' && finding.symbol === 'src/user.model.ts:User' && finding.details.framework === 'sequelize'));
    } finally {
      workspace.cleanup();
    }
  });

  it('puts NestJS routes under a global prefix kept in a constant, in the bootstrap (as Nx writes it) or in the module', async () => {
    const controller = `import { Controller, Get } from '@nestjs/common';
@Controller('users')
export class UsersController {
  @Get()
  list() {}
}
`;
    const inBootstrap = tempWorkspace({
      'src/main.ts': `import { NestFactory } from '@nestjs/core';
const globalPrefix = 'module-level';
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  const globalPrefix = 'api';
  app.setGlobalPrefix(globalPrefix);
}
`,
      'src/users.controller.ts': controller,
    });
    const inModule = tempWorkspace({
      'src/main.ts': `import { NestFactory } from '@nestjs/core';
const API_PREFIX = 'v2';
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.setGlobalPrefix(API_PREFIX);
}
`,
      'src/users.controller.ts': controller,
    });
    try {
      const routes = async (root: string) => (await analyzeFolder(root, { threads: 1 })).result.routes.map((route) => `${route.method} ${route.path}`);
      assert.deepEqual(await routes(inBootstrap.root), ['GET /api/users'], "the function's own constant, not the module's of the same name");
      assert.deepEqual(await routes(inModule.root), ['GET /v2/users']);
    } finally {
      inBootstrap.cleanup();
      inModule.cleanup();
    }
  });

  it("finds middy's middleware factories only in packages built on @middy/core: elsewhere `{ before, after }` is a change's two states", async () => {
    const factory = (name: string) => `const ${name} = (opts = {}) => {\n  const ${name}Before = async (request) => {};\n  return { before: ${name}Before };\n};\nexport default ${name};\n`;
    const workspace = tempWorkspace({
      'package.json': JSON.stringify({ name: 'lambdas', private: true, workspaces: ['packages/*'] }),
      'packages/auth/package.json': JSON.stringify({ name: '@acme/auth-middleware', devDependencies: { '@middy/core': '^5.0.0' } }),
      'packages/auth/index.js': factory('authMiddleware'),
      'packages/audit/package.json': JSON.stringify({ name: '@acme/audit', dependencies: { lodash: '^4.0.0' } }),
      'packages/audit/index.js': factory('auditChange'),
    });
    try {
      const { result } = await analyzeFolder(workspace.root, { threads: 1 });
      const middleware = result.findings.filter((finding) => finding.category === 'middleware').map((finding) => finding.symbol);
      assert.deepEqual(middleware, ['packages/auth/index.js:authMiddleware']);
    } finally {
      workspace.cleanup();
    }
  });

  it("puts a module's controllers under the path RouterModule registers it at, a child module's under its parent's", async () => {
    const workspace = tempWorkspace({
      'src/app.module.ts': `import { Module } from '@nestjs/common';
import { RouterModule } from '@nestjs/core';
import { AdminModule } from './admin/admin.module';
import { ReportsModule } from './admin/reports.module';
import { AuditModule } from './admin/audit.module';
import { routes } from './app.routes';

@Module({
  imports: [
    RouterModule.register(routes),
    RouterModule.register([{ path: 'admin', module: AdminModule, children: [{ path: 'reports', module: ReportsModule }, AuditModule] }]),
    RouterModule.register([{ path: settings.get('internal'), children: [{ path: 'hidden', module: HiddenModule }] }]),
    AdminModule,
  ],
})
export class AppModule {}
`,
      // The tree in a file of its own, its names imported there.
      'src/app.routes.ts': `import { Routes } from '@nestjs/core';
import { PublicModule } from './public.module';
import { PUBLIC_PREFIX } from './prefixes';

export const routes: Routes = [{ path: PUBLIC_PREFIX, module: PublicModule }];
`,
      'src/prefixes.ts': `export const PUBLIC_PREFIX = '/api/v2';
`,
      'src/admin/audit.module.ts': `import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
@Module({ controllers: [AuditController] })
export class AuditModule {}
`,
      'src/admin/audit.controller.ts': `import { Controller, Get } from '@nestjs/common';
@Controller('audit')
export class AuditController {
  @Get()
  list() {}
}
`,
      'src/public.module.ts': `import { Module } from '@nestjs/common';
import { NotesController } from './notes.controller';
@Module({ controllers: [NotesController] })
export class PublicModule {}
`,
      'src/notes.controller.ts': `import { Controller, Get } from '@nestjs/common';
@Controller('notes')
export class NotesController {
  @Get(':id')
  one() {}
}
`,
      'src/admin/admin.module.ts': `import { Module } from '@nestjs/common';
import { UsersController } from './users.controller';
@Module({ controllers: [UsersController] })
export class AdminModule {}
`,
      'src/admin/reports.module.ts': `import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';
@Module({ controllers: [ReportsController] })
export class ReportsModule {}
`,
      'src/admin/users.controller.ts': `import { Controller, Get } from '@nestjs/common';
@Controller('users')
export class UsersController {
  @Get()
  list() {}
}
`,
      'src/admin/reports.controller.ts': `import { Controller, Post } from '@nestjs/common';
@Controller()
export class ReportsController {
  @Post()
  create() {}
}
`,
      'src/health.controller.ts': `import { Controller, Get } from '@nestjs/common';
@Controller('health')
export class HealthController {
  @Get()
  check() {}
}
`,
    });
    try {
      const { result } = await analyzeFolder(workspace.root, { threads: 1 });
      // A child given as a module alone is under its parent's path; an unread path leaves its subtree out, said as skipped.
      assert.deepEqual(result.routes.map((route) => `${route.method} ${route.path}`).sort(), ['GET /admin/audit', 'GET /admin/users', 'GET /api/v2/notes/{id}', 'GET /health', 'POST /admin/reports']);
      assert.ok(result.skipped.some((skip) => skip.reason.includes("settings.get('internal')")), JSON.stringify(result.skipped));
    } finally {
      workspace.cleanup();
    }
  });

  it('puts NestJS routes that state a version under it when versioning is enabled with no options (URI, the default type)', async () => {
    const workspace = tempWorkspace({
      'src/main.ts': `async function bootstrap() {
  app.enableVersioning();
}
`,
      'src/orders.controller.ts': `import { Controller, Get, Post, Version } from '@nestjs/common';
@Controller('orders')
export class OrdersController {
  @Get()
  list() {}

  @Version('2')
  @Post()
  create() {}
}
`,
    });
    try {
      const { result } = await analyzeFolder(workspace.root, { threads: 1 });
      assert.deepEqual(result.routes.map((route) => `${route.method} ${route.path}`), ['GET /orders', 'POST /v2/orders']);
    } finally {
      workspace.cleanup();
    }
  });

  it("keeps the routes the global prefix's options exclude out of it, by path and by method", async () => {
    const workspace = tempWorkspace({
      'src/main.ts': `import { RequestMethod } from '@nestjs/common';
async function bootstrap() {
  app.setGlobalPrefix('api', {
    exclude: ['health', { path: 'sitemap.xml', method: RequestMethod.GET }, 'docs/(.*)', \`\${DYNAMIC}/users\`],
  });
}
`,
      'src/site.controller.ts': `import { Controller, Get, Post } from '@nestjs/common';
@Controller()
export class SiteController {
  @Get('health')
  health() {}

  @Get('sitemap.xml')
  sitemap() {}

  @Post('sitemap.xml')
  rebuildSitemap() {}

  @Get('docs/:page')
  docs() {}

  @Get('users/:id')
  user() {}
}
`,
    });
    try {
      const { result } = await analyzeFolder(workspace.root, { threads: 1 });
      assert.deepEqual(result.routes.map((route) => `${route.method} ${route.path}`), ['POST /api/sitemap.xml', 'GET /api/users/{id}', 'GET /docs/{page}', 'GET /health', 'GET /sitemap.xml']);
    } finally {
      workspace.cleanup();
    }
  });

  it('finds route-level middleware before a handler, not Fastify route options nor an HTTP client\'s arguments', async () => {
    const workspace = tempWorkspace({
      'package.json': '{"name": "api", "private": true, "dependencies": {"express": "4", "fastify": "4"}}',
      'src/auth.ts': "export const requireUser = (req, res, next) => next();\nexport function restrict(role) { return (req, res, next) => next(); }\n",
      'src/users.ts': [
        "import { Router } from 'express';",
        "import { requireUser, restrict } from './auth';",
        'const router = Router();',
        "router.get('/me', requireUser, restrict('admin'), (req, res) => res.json(req.user));",
        'export default router;',
      ].join('\n'),
      'src/server.ts': [
        "import Fastify from 'fastify';",
        'const fastify = Fastify();',
        'const opts = { schema: { response: { 200: {} } } };',
        "fastify.get('/ping', opts, async () => 'pong');",
      ].join('\n'),
      'test/client.test.ts': [
        "const api = useApi();",
        'const payload = { name: "x" };',
        'const headers = { authorization: "t" };',
        "it('creates', async () => { await api.post('/admin/users', payload, headers); });",
      ].join('\n'),
    });
    try {
      const { result } = await analyzeFolder(workspace.root, { threads: 1 });
      const middleware = result.findings.filter((finding) => finding.category === 'middleware').map((finding) => finding.symbol).sort();
      assert.deepEqual(middleware, ['src/auth.ts:requireUser', 'src/auth.ts:restrict']);
    } finally {
      workspace.cleanup();
    }
  });

  it('finds routes chained on the call that makes the application, on an instance made by calling a required module, and in a plugin written in place under its prefix', async () => {
    const result = await analyseFiles({
      'package.json': '{"name": "api", "private": true, "dependencies": {"polka": "0.5", "fastify": "4"}}',
      'index.js': [
        "const polka = require('polka');",
        "const users = require('./users');",
        'function reply(req, res) { res.end(req.url); }',
        "polka()",
        "  .use('users', users)",
        "  .get('/', reply)",
        "  .get('/about', reply)",
        '  .listen(3000);',
      ].join('\n'),
      'users.js': [
        "const polka = require('polka');",
        'module.exports = polka()',
        "  .get('/:id', (req, res) => res.end('one'))",
        "  .put('/:id', (req, res) => res.end('updated'));",
      ].join('\n'),
      'server.js': [
        "const fastify = require('fastify')({ logger: true });",
        "fastify.get('/ping', async () => 'pong');",
        "fastify.register(function (instance, opts, done) { instance.get('/hello', (req, reply) => reply.send('hi')); done(); }, { prefix: '/en' });",
        "const cache = require('lru-cache')({ max: 10 });",
        "cache.get('/key', (value) => value);",
      ].join('\n'),
    });
    assert.deepEqual(
      result.routes.map((route) => `${route.method} ${route.path} ${route.handler}`),
      ['GET / index.js:reply', 'GET /about index.js:reply', 'GET /en/hello server.js:<anonymous>@3', 'GET /ping server.js:<anonymous>@2', 'GET /users/{id} users.js:<anonymous>@3', 'PUT /users/{id} users.js:<anonymous>@4'],
    );
  });

  it('mounts a router that a CommonJS module exports as a property of its exports, also through a module that re-exports it whole', async () => {
    const result = await analyseFiles({
      'package.json': '{"name": "shop", "private": true, "dependencies": {"express": "4"}}',
      'app.js': [
        "const express = require('express');",
        "const routers = require('./routers');",
        'const app = express();',
        "app.use('/api/v1', routers.api);",
        "app.use('/', routers.pages);",
        'app.listen(3000);',
      ].join('\n'),
      'routers/index.js': "module.exports = require('./all');\n",
      'routers/all.js': [
        "const express = require('express');",
        "const orders = require('./orders');",
        'const apiRouter = express.Router();',
        "apiRouter.use('/orders', orders);",
        'const pageRouter = express.Router();',
        "pageRouter.get('/about', (req, res) => res.render('about'));",
        'module.exports = { api: apiRouter, pages: pageRouter };',
      ].join('\n'),
      'routers/orders.js': [
        "const { Router } = require('express');",
        'const router = Router();',
        'function show(req, res) { res.json({ id: req.params.id }); }',
        "router.get('/:id', show);",
        'module.exports = router;',
      ].join('\n'),
    });
    assert.deepEqual(
      result.routes.map((route) => `${route.method} ${route.path} ${route.handler}`),
      ['GET /about routers/all.js:<anonymous>@6', 'GET /api/v1/orders/{id} routers/orders.js:show'],
    );
  });

  it('names the functions a CommonJS module exports as `exports.name`, so that routes given them as `controller.name` run them and traces go on into them', async () => {
    const workspace = tempWorkspace({
      'package.json': '{"name": "site", "private": true, "dependencies": {"express": "5"}}',
      'app.js': [
        "const express = require('express');",
        "const accountController = require('./controllers/account');",
        'const app = express();',
        'function throttle(req, res, next) { next(); }',
        "app.get('/account', accountController.show);",
        "app.post('/account/password', throttle, accountController.changePassword);",
        "app.route('/login/github').post(accountController.oauth);",
        "app.route('/login/google').post(accountController.oauth);",
        'app.listen(3000);',
      ].join('\n'),
      'controllers/account.js': [
        "const mailer = require('../lib/mailer');",
        'exports.show = (req, res) => {',
        "  res.render('account');",
        '};',
        'module.exports.changePassword = async function (req, res) {',
        '  await mailer.notify(req.user);',
        "  res.redirect('/account');",
        '};',
        "exports.oauth = (req, res) => res.redirect('/account');",
      ].join('\n'),
      'lib/mailer.js': 'exports.notify = async (user) => user;\n',
    });
    try {
      const analysis = await analyzeFolder(workspace.root, { threads: 1 });
      // One handler on two chained routes (`app.route(path).post(h)`) answers both paths.
      assert.deepEqual(
        analysis.result.routes.map((route) => `${route.method} ${route.path} ${route.handler}`),
        ['GET /account controllers/account.js:show', 'POST /account/password controllers/account.js:changePassword', 'POST /login/github controllers/account.js:oauth', 'POST /login/google controllers/account.js:oauth'],
      );
      assert.deepEqual(analysis.trace('POST /account/password')?.steps.map((step) => step.symbol), ['controllers/account.js:changePassword', 'lib/mailer.js:notify']);
    } finally {
      workspace.cleanup();
    }
  });

  it("lists a NestJS gateway given a path as a WebSocket route to its handleConnection, under no global prefix, and none for a gateway given no path", async () => {
    const result = await analyseFiles({
      'package.json': '{"name": "notes", "private": true, "dependencies": {"@nestjs/core": "10", "@nestjs/common": "10", "@nestjs/websockets": "10"}}',
      'src/main.ts': [
        "import { NestFactory } from '@nestjs/core';",
        "import { AppModule } from './app.module';",
        'async function bootstrap() {',
        '  const app = await NestFactory.create(AppModule);',
        "  app.setGlobalPrefix('api');",
        '  await app.listen(3000);',
        '}',
        'bootstrap();',
      ].join('\n'),
      'src/realtime/websocket.gateway.ts': [
        "import { OnGatewayConnection, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';",
        "@WebSocketGateway({ path: '/realtime' })",
        'export class WebsocketGateway implements OnGatewayConnection {',
        '  handleConnection(client: unknown, request: unknown) {}',
        '}',
        '@WebSocketGateway()',
        'export class ChatGateway implements OnGatewayConnection {',
        '  handleConnection(client: unknown) {}',
        "  @SubscribeMessage('message')",
        '  onMessage(data: string) {}',
        '}',
      ].join('\n'),
    });
    assert.deepEqual(result.routes.map((route) => `${route.method} ${route.path} ${route.handler}`), ['WS /realtime src/realtime/websocket.gateway.ts:WebsocketGateway.handleConnection']);
  });

  it("lists tsoa's operations under their controller's @Route, and no route of a class under another package's decorators of the same names", async () => {
    const result = await analyseFiles({
      'package.json': '{"name": "users", "private": true, "dependencies": {"tsoa": "6", "express": "4"}}',
      'src/users/usersController.ts': [
        "import { Body, Controller, Get, Path, Post, Route, SuccessResponse } from 'tsoa';",
        "import { UsersService } from './usersService';",
        "@Route('users')",
        'export class UsersController extends Controller {',
        "  @Get('{userId}')",
        '  public async getUser(@Path() userId: number) { return new UsersService().get(userId); }',
        "  @SuccessResponse('201', 'Created')",
        '  @Post()',
        '  public async createUser(@Body() body: object) { this.setStatus(201); }',
        '}',
      ].join('\n'),
      'src/users/usersService.ts': 'export class UsersService { get(id: number) { return { id }; } }\n',
      'src/legacy/report.ts': [
        "import { Route, Get } from '@acme/http-decorators';",
        "@Route('reports')",
        'export class Reports {',
        '  @Get()',
        '  list() { return []; }',
        '}',
      ].join('\n'),
    });
    assert.deepEqual(result.routes.map((route) => `${route.method} ${route.path} ${route.handler}`).sort(), ['GET /users/{userId} src/users/usersController.ts:UsersController.getUser', 'POST /users src/users/usersController.ts:UsersController.createUser']);
  });

  it("puts routing-controllers' routes under the application's routePrefix, read from the environment files (not a test's), and NestJS's under its own global prefix", async () => {
    const result = await analyseFiles({
      'package.json': '{"name": "accounts", "private": true, "dependencies": {"routing-controllers": "0.10", "@nestjs/core": "10", "@nestjs/common": "10"}}',
      '.env.example': '# copied to .env by each deployment\nexport API_PREFIX=/api\nPORT=3000 # the port\n',
      'src/config/settings.ts': [
        'function fromEnvironment(key: string): string {',
        '  const value = process.env[key];',
        "  if (value === undefined) throw new Error(`${key} is not set`);",
        '  return value;',
        '}',
        "export const settings = { http: { prefix: fromEnvironment('API_PREFIX'), port: process.env.PORT } };",
      ].join('\n'),
      'src/app.ts': [
        "import { createExpressServer } from 'routing-controllers';",
        "import { settings } from './config/settings';",
        "import { AccountController } from './AccountController';",
        'const app = createExpressServer({ routePrefix: settings.http.prefix, controllers: [AccountController] });',
        'app.listen(settings.http.port);',
      ].join('\n'),
      'src/AccountController.ts': [
        "import { JsonController, Get, Post, Param } from 'routing-controllers';",
        "@JsonController('/accounts')",
        'export class AccountController {',
        "  @Get('/:id')",
        "  one(@Param('id') id: number) { return { id }; }",
        '  @Post()',
        '  create() { return {}; }',
        '}',
      ].join('\n'),
      'test/accounts.spec.ts': [
        "import { createExpressServer } from 'routing-controllers';",
        "import { AccountController } from '../src/AccountController';",
        "const app = createExpressServer({ routePrefix: '/under-test', controllers: [AccountController] });",
      ].join('\n'),
      'admin/main.ts': [
        "import { NestFactory } from '@nestjs/core';",
        "import { AdminModule } from './admin.module';",
        'async function bootstrap() {',
        '  const app = await NestFactory.create(AdminModule);',
        "  app.setGlobalPrefix('admin');",
        '  await app.listen(3001);',
        '}',
        'bootstrap();',
      ].join('\n'),
      'admin/reports.controller.ts': [
        "import { Controller, Get } from '@nestjs/common';",
        "@Controller('reports')",
        'export class ReportsController {',
        '  @Get()',
        '  list() { return []; }',
        '}',
      ].join('\n'),
    });
    assert.deepEqual(
      result.routes.map((route) => `${route.method} ${route.path} ${route.handler}`),
      [
        'GET /admin/reports admin/reports.controller.ts:ReportsController.list',
        'POST /api/accounts src/AccountController.ts:AccountController.create',
        'GET /api/accounts/{id} src/AccountController.ts:AccountController.one',
      ],
    );
  });

  it('gives each NestJS application its own global prefix: the controllers its root module imports reach, a controller two import under both', async () => {
    const bootstrap = (rootModule: string, file: string, prefix: string) => [
      "import { NestFactory } from '@nestjs/core';",
      `import { ${rootModule} } from './${file}';`,
      'async function bootstrap() {',
      `  const app = await NestFactory.create(${rootModule}, { rawBody: true });`,
      `  app.setGlobalPrefix('${prefix}', { exclude: ['health'] });`,
      '  await app.listen(3000);',
      '}',
      'bootstrap();',
    ].join('\n');
    const controller = (name: string, path: string) => ["import { Controller, Get } from '@nestjs/common';", `@Controller('${path}')`, `export class ${name} {`, '  @Get()', '  list() { return []; }', '}'].join('\n');
    const result = await analyseFiles({
      'src/main.ts': bootstrap('AppModule', 'app.module', 'api'),
      'src/app.module.ts': [
        "import { Module } from '@nestjs/common';",
        "import { UsersModule } from './users/users.module';",
        "import { HealthController } from './health.controller';",
        "import { StatusController } from './status.controller';",
        '@Module({ imports: [UsersModule, ConfigModule.forRoot({ isGlobal: true })], controllers: [HealthController, StatusController] })',
        'export class AppModule {}',
      ].join('\n'),
      'src/users/users.module.ts': ["import { Module } from '@nestjs/common';", "import { UsersController } from './users.controller';", '@Module({ controllers: [UsersController] })', 'export class UsersModule {}'].join('\n'),
      'src/users/users.controller.ts': controller('UsersController', 'users'),
      'src/health.controller.ts': controller('HealthController', 'health'),
      'src/collab/collab-main.ts': bootstrap('CollabAppModule', 'collab-app.module', 'collab'),
      'src/collab/collab-app.module.ts': ["import { Module } from '@nestjs/common';", "import { CollabController } from './collab.controller';", "import { StatusController } from '../status.controller';", '@Module({ controllers: [CollabController, StatusController] })', 'export class CollabAppModule {}'].join('\n'),
      'src/status.controller.ts': controller('StatusController', 'status'),
      'src/collab/collab.controller.ts': controller('CollabController', 'stats'),
      'src/orphan.controller.ts': controller('OrphanController', 'orphan'),
    });
    assert.deepEqual(
      result.routes.map((route) => `${route.method} ${route.path} ${route.handler}`).sort(),
      [
        'GET /api/users src/users/users.controller.ts:UsersController.list',
        'GET /api/status src/status.controller.ts:StatusController.list',
        'GET /collab/stats src/collab/collab.controller.ts:CollabController.list',
        'GET /collab/status src/status.controller.ts:StatusController.list',
        'GET /health src/health.controller.ts:HealthController.list',
        'GET /orphan src/orphan.controller.ts:OrphanController.list',
      ].sort(),
    );
  });

  it("reads restify's routes: `del` and `opts`, options objects for paths, `pre` middleware, a server made in a function or by the framework's own repository", async () => {
    const result = await analyseFiles({
      'package.json': '{"name": "restify", "main": "lib/index.js"}',
      'lib/index.js': 'function createServer(options) { return new Server(options); }\nmodule.exports.createServer = createServer;\n',
      'examples/echo.js': [
        "var restify = require('../lib');",
        'var srv = restify.createServer();',
        "srv.get({ url: '/echo/:word', name: 'Echo' }, function (req, res, next) { res.send(req.params.word); next(); });",
        "srv.opts('/echo', function (req, res, next) { next(); });",
      ].join('\n'),
      'examples/todo/server.js': [
        "var restify = require('restify');",
        'function authenticate(req, res, next) { next(); }',
        'function putTodo(req, res, next) { next(); }',
        'function deleteTodo(req, res, next) { next(); }',
        'function createServer() {',
        '  var server = restify.createServer();',
        '  server.pre(function sanitize(req, res, next) { next(); });',
        '  server.use(authenticate);',
        "  server.put({ path: '/todo/:name', contentType: 'application/json' }, putTodo);",
        "  server.del('/todo/:name', deleteTodo);",
        '  return server;',
        '}',
        'module.exports = createServer;',
      ].join('\n'),
      'cache.js': [
        "var express = require('express');",
        'var app = express();',
        'app.pre(function (req, res, next) { next(); });',
        'var server = makeCache();',
        "server.del('/key', function (err) {});",
      ].join('\n'),
    });
    assert.deepEqual(
      result.routes.map((route) => `${route.method} ${route.path} ${route.handler}`),
      ['OPTIONS /echo examples/echo.js:<anonymous>@4', 'GET /echo/{word} examples/echo.js:<anonymous>@3', 'DELETE /todo/{name} examples/todo/server.js:deleteTodo', 'PUT /todo/{name} examples/todo/server.js:putTodo'],
    );
    const middleware = result.findings.filter((finding) => finding.category === 'middleware').map((finding) => finding.symbol);
    assert.deepEqual(middleware.sort(), ['examples/todo/server.js:<anonymous>@7', 'examples/todo/server.js:authenticate']);
  });

  it("reads restana's services, in an application and in the framework's own repository: routes, route-level middleware written in place, and `use` middleware", async () => {
    const result = await analyseFiles({
      'package.json': '{"name": "restana", "main": "index.js"}',
      'index.js': 'module.exports = (options = {}) => { const service = {}; return service; };\n',
      'demos/route-middleware.js': [
        "const service = require('../index')({});",
        "service.get('/hi-m/:name', (req, res, next) => {",
        '  next();',
        '}, async (req, res) => {',
        "  return 'Hello ' + req.params.name;",
        '});',
      ].join('\n'),
      'app/server.js': [
        "const restana = require('restana');",
        "const jwt = require('express-jwt');",
        'const service = restana();',
        "service.use(jwt({ secret: 'x' }).unless({ path: ['/login'] }));",
        "service.post('/login', (req, res) => res.send('ok'));",
      ].join('\n'),
    });
    assert.deepEqual(
      result.routes.map((route) => `${route.method} ${route.path} ${route.handler}`),
      ['GET /hi-m/{name} demos/route-middleware.js:<anonymous>@4', 'POST /login app/server.js:<anonymous>@5'],
    );
    const middleware = result.findings.filter((finding) => finding.category === 'middleware').map((finding) => finding.symbol);
    assert.deepEqual(middleware.sort(), ['app/server.js:<anonymous>@4', 'demos/route-middleware.js:<anonymous>@2']);
  });

  it("finds the paths a request listener of Node's own servers compares the URL with, and no other comparison", async () => {
    const result = await analyseFiles({
      'package.json': '{"name": "demo", "private": true}',
      'server.js': [
        "import http from 'node:http';",
        "import { parse } from 'node:url';",
        'const server = http.createServer(function (req, res) {',
        '  const pathname = parse(req.url).pathname;',
        "  if (pathname === '/' || pathname === '/index.html') {",
        "    res.end('home');",
        "  } else if (pathname === '/api') {",
        "    req.on('end', () => res.end('{}'));",
        '  }',
        '});',
        'server.listen(3000);',
      ].join('\n'),
      'client.js': [
        "if (window.location.pathname === '/about') showAbout();",
        "axios.get('/api').then((response) => render(response.data));",
      ].join('\n'),
    });
    assert.deepEqual(
      result.routes.map((route) => `${route.method} ${route.path} ${route.handler}`),
      ['ANY / server.js:<anonymous>@3', 'ANY /api server.js:<anonymous>@3', 'ANY /index.html server.js:<anonymous>@3'],
    );
  });

  it("finds Objection.js models, classes extending its Model (a getter or a static field naming the table), and neither the base nor a class extending another's Model", async () => {
    const result = await analyseFiles({
      'package.json': '{"name": "zoo", "private": true, "dependencies": {"objection": "^3.1.0", "knex": "^3.1.0"}}',
      'src/models/Animal.js': "const { Model } = require('objection');\nclass Animal extends Model {\n  static get tableName() {\n    return 'animals';\n  }\n}\nmodule.exports = Animal;\n",
      'src/models/Keeper.ts': "import { Model } from 'objection';\nexport default class Keeper extends Model {\n  static tableName = 'keepers';\n}\n",
      'src/views/Card.ts': "import { Model } from './card-model';\nexport class Card extends Model {}\n",
      'src/views/card-model.ts': 'export class Model {}\n',
    });
    const models = result.findings.filter((finding) => finding.category === 'model').map((finding) => finding.symbol).sort();
    assert.deepEqual(models, ['src/models/Animal.js:Animal', 'src/models/Keeper.ts:Keeper']);
  });

  it("finds redbean-node models, classes extending its BeanModel as its package or its dist module exports it, and not a class extending another BeanModel", async () => {
    const result = await analyseFiles({
      'package.json': '{"name": "monitor", "private": true, "dependencies": {"redbean-node": "~0.3.0"}}',
      'server/model/monitor.js': 'const { BeanModel } = require("redbean-node/dist/bean-model");\nclass Monitor extends BeanModel {}\nmodule.exports = Monitor;\n',
      'server/model/tag.ts': 'import { BeanModel } from "redbean-node";\nexport class Tag extends BeanModel {}\n',
      'server/view/card.js': 'const { BeanModel } = require("./bean");\nclass Card extends BeanModel {}\n',
      'server/view/bean.js': 'exports.BeanModel = class BeanModel {};\n',
    });
    const models = result.findings.filter((finding) => finding.category === 'model').map((finding) => finding.symbol).sort();
    assert.deepEqual(models, ['server/model/monitor.js:Monitor', 'server/model/tag.ts:Tag']);
  });

  it("names a module's class without a name `default` and finds ThinkJS models and middleware classes among them, not a class extending another Model", async () => {
    const result = await analyseFiles({
      'package.json': '{"name": "blog", "private": true, "dependencies": {"thinkjs": "^3.2.0", "think-mongoose": "^1.0.0"}}',
      'src/model/user.js': 'module.exports = class extends think.Model {\n  get relation() {\n    return { post: think.Model.HAS_MANY };\n  }\n};\n',
      'src/model/note.js': 'module.exports = class extends think.Mongoose {\n  get schema() {\n    return { title: String };\n  }\n};\n',
      'src/model/index.js': 'module.exports = class {};\n',
      'src/model/draft.js': "const { Model } = require('./base');\nmodule.exports = class extends Model {};\n",
      'src/model/base.js': 'exports.Model = class Model {};\n',
      'src/middleware/ip.js': 'export default class extends think.middleware.base {\n  run() {\n    return this.http.ip();\n  }\n}\n',
    });
    const found = result.findings.filter((finding) => finding.category === 'model' || finding.category === 'middleware').map((finding) => `${finding.category} ${finding.symbol}`).sort();
    assert.deepEqual(found, ['middleware src/middleware/ip.js:default', 'model src/model/note.js:default', 'model src/model/user.js:default']);
  });

  it('reports a broken tsconfig.json and analyses the rest', async () => {
    const workspace = tempWorkspace({});
    try {
      cpSync(NEST_SHOP, workspace.root, { recursive: true });
      writeFileSync(join(workspace.root, 'tsconfig.json'), '{ "compilerOptions": { "paths": ');
      const { result } = await analyzeFolder(workspace.root, { threads: 1 });
      assert.ok(result.skipped.some((skip) => skip.path === 'tsconfig.json' && /path aliases/.test(skip.reason)), JSON.stringify(result.skipped));
      assert.deepEqual(result.routes.map((route) => `${route.method} ${route.path}`), ['POST /api/orders', 'DELETE /api/orders/{id}', 'GET /api/orders/{id}']);
    } finally {
      workspace.cleanup();
    }
  });
});

describe('traces with the TypeScript type checker', () => {
  const typedSteps = (trace: Trace | undefined) => (trace?.steps ?? []).filter((step) => step.typed).map((step) => step.symbol);
  let checker: TypeCheckerWorker;
  before(() => {
    checker = new TypeCheckerWorker();
  });
  after(() => checker.dispose());

  it('follows calls on values of inferred type, through the overload the call reaches', async () => {
    const analysis = await analyzeFolder(NEST_SHOP, { threads: 1 });
    const plain = analysis.trace('DELETE /api/orders/{id}');
    assert.deepEqual(typedSteps(plain), []);
    assert.ok(!plain?.steps.some((step) => step.symbol.endsWith('Order.cancel')), 'syntax alone cannot know what `order` is');
    const typed = await analysis.traceWithTypes('DELETE /api/orders/{id}', checker);
    // `order` comes from an interface method's Promise; `refund` from the first overload of priceOf (one order → Money, not a Quote).
    assert.deepEqual(typedSteps(typed), ['src/orders/order.ts:Order.cancel', 'src/orders/pricing.ts:Money.format']);
    assert.equal(checker.lastProblem, undefined);
    // The trace stays in call order: the cancel comes after the lookup and before the save.
    const order = typed?.steps.map((step) => step.symbol.split(':').pop());
    assert.ok((order?.indexOf('Order.cancel') ?? -1) > (order?.indexOf('OrderRepository.findById') ?? Infinity));
    assert.ok((order?.indexOf('Order.cancel') ?? Infinity) < (order?.indexOf('OrderRepository.save') ?? -1));
  });

  it('traces a handler wrapped by a helper, on a router mounted from a list, into what its factory returns', async () => {
    const analysis = await analyzeFolder(join(ROOT, 'test', 'fixtures', 'express-api'), { threads: 1 });
    assert.ok(analysis.result.routes.some((route) => route.path === '/api/v2/reports/{reportId}' && route.handler === 'src/services/reports.js:getReport'));
    const trace = await analysis.traceWithTypes('GET /api/v2/reports/7', checker);
    assert.deepEqual(
      trace?.steps.map((step) => `${step.symbol.split(':').pop() ?? ''}${step.typed ? ' (by type)' : ''}`),
      ['getReport', 'openStore', 'ReportStore', 'ReportStore.one (by type)'],
    );
    // Inline handlers are functions for traces, but have no name for the editor's role lenses.
    assert.deepEqual(analysis.definitionsIn('src/routes/orders.ts'), []);
    assert.ok(analysis.trace('GET /api/orders'));
  });

  it('works without a tsconfig.json and with a broken one, in JavaScript too', async () => {
    const files = {
      'package.json': '{ "private": true, "dependencies": { "express": "^4" } }',
      'src/app.js': `const express = require('express');
const { makeInvoices } = require('./invoices');
const app = express();
app.post('/invoices', (req, res) => {
  const invoices = makeInvoices();
  res.json(invoices.issue(req.body));
});
module.exports = app;
`,
      'src/invoices.js': `class Invoices {
  issue(data) {
    return { id: 1, ...data };
  }
}
function makeInvoices() {
  return new Invoices();
}
module.exports = { makeInvoices, Invoices };
`,
    };
    for (const tsconfig of [undefined, '{ "compilerOptions": ']) {
      const workspace = tempWorkspace(tsconfig === undefined ? files : { ...files, 'tsconfig.json': tsconfig });
      try {
        const analysis = await analyzeFolder(workspace.root, { threads: 1 });
        const trace = await analysis.traceWithTypes('POST /invoices', checker);
        assert.deepEqual(typedSteps(trace), ['src/invoices.js:Invoices.issue'], `tsconfig: ${tsconfig ?? 'none'}`);
      } finally {
        workspace.cleanup();
      }
    }
  });

  it("names installed packages' calls the code makes on values of inferred type, with a tsconfig that sets no resolution", async () => {
    const workspace = tempWorkspace({
      'package.json': '{ "private": true, "dependencies": { "express": "^4", "typeorm": "^0.2" } }',
      'tsconfig.json': '{ "compilerOptions": { "module": "commonjs", "target": "es2019" } }',
      // As typeorm 0.2 ships it: `exports` that name no types, `types` beside them.
      'node_modules/typeorm/package.json': '{ "name": "typeorm", "version": "0.2.45", "main": "./index.js", "types": "./index.d.ts", "exports": { ".": { "node": { "import": "./index.mjs", "require": "./index.js" } } } }',
      'node_modules/typeorm/index.d.ts': `export declare class SelectQueryBuilder<T> { where(condition: string): this; getMany(): Promise<T[]>; }
export declare class Repository<T> { createQueryBuilder(alias: string): SelectQueryBuilder<T>; }
export declare function getRepository<T>(target: new () => T): Repository<T>;
`,
      'src/app.ts': `import express from 'express';
import { getRepository } from 'typeorm';
export class Order { id = 0; }
const app = express();
app.get('/orders', async (req, res) => {
  const orders = getRepository(Order).createQueryBuilder('order');
  res.json(await orders.where('order.id > 0').getMany());
});
`,
    });
    try {
      const analysis = await analyzeFolder(workspace.root, { threads: 1 });
      const trace = await analysis.traceWithTypes('GET /orders', checker);
      const outside = (trace?.steps ?? []).filter((step) => step.external && step.typed).map((step) => step.symbol);
      assert.ok(outside.includes('typeorm.SelectQueryBuilder.getMany'), outside.join(', '));
    } finally {
      workspace.cleanup();
    }
  });

  it('survives a compiler thread that runs out of memory: the trace is the one syntax makes, and the reason is told', async () => {
    const starved = new TypeCheckerWorker({ memoryLimitMb: 8 });
    try {
      const analysis = await analyzeFolder(NEST_SHOP, { threads: 1 });
      const trace = await analysis.traceWithTypes('DELETE /api/orders/{id}', starved);
      assert.deepEqual(typedSteps(trace), []);
      assert.deepEqual(trace?.steps.map((step) => step.symbol), analysis.trace('DELETE /api/orders/{id}')?.steps.map((step) => step.symbol));
      assert.match(starved.lastProblem ?? '', /type checker failed/);
    } finally {
      starved.dispose();
    }
  });

  it('answers "not known" for a vanished file and leaves the trace as syntax made it', async () => {
    const answers = await checker.resolveCalls(NEST_SHOP, [{ path: 'src/orders/missing.ts', line: 3, character: 4, callee: 'order.cancel' }, { path: 'src/orders/orders.service.ts', line: 10_000, character: 0, callee: 'x' }]);
    assert.deepEqual(answers, [null, null]);
  });
});
