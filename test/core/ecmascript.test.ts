import assert from 'node:assert/strict';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeFolder } from '../../src/node/analyzeFolder';
import { ROOT, tempWorkspace, testScanner } from '../helpers';

const NEST_SHOP = join(ROOT, 'test', 'fixtures', 'nest-shop');

describe('TypeScript workspaces', () => {
  it('resolves imports through the path aliases of tsconfig.json (JSON with comments)', async () => {
    const analysis = await analyzeFolder(NEST_SHOP, { threads: 1 });
    const { result } = analysis;
    const create = result.findings.find((finding) => finding.symbol === 'src/orders/orders.controller.ts:OrdersController.create' && finding.category === 'decorator');
    assert.equal(create?.details['decorator'], '@nestjs/common.UseGuards');
    assert.ok(result.findings.some((finding) => finding.symbol === 'src/common/roles.guard.ts:RolesGuard' && finding.category === 'middleware'));
    // `@shop/common/roles.guard` names a workspace file: the guard is the workspace class, not a package's.
    const trace = analysis.trace('POST /api/orders');
    assert.deepEqual(trace?.steps.map((step) => step.symbol.split(':').pop()), ['OrdersController.create', 'OrdersService.create', 'Order.create', 'Order', 'OrderRepository.save', 'TypeOrmOrderRepository.save']);
    assert.deepEqual(result.interfaces.map((entry) => entry.base), ['src/orders/order.repository.ts:OrderRepository']);
    const ordersModule = result.findings.find((finding) => finding.symbol === 'src/orders/orders.module.ts:OrdersModule');
    assert.deepEqual(ordersModule?.details['providers'], ['OrdersService', 'ORDER_REPOSITORY', 'TypeOrmOrderRepository']);
    assert.deepEqual(ordersModule?.details['controllers'], ['OrdersController']);
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
      assert.ok(result.findings.some((finding) => finding.category === 'model' && finding.symbol === 'src/user.model.ts:User' && finding.details['framework'] === 'sequelize'));
    } finally {
      workspace.cleanup();
    }
  });

  it('reports a broken tsconfig.json and analyses the rest', async () => {
    const workspace = tempWorkspace({});
    try {
      cpSync(NEST_SHOP, workspace.root, { recursive: true });
      writeFileSync(join(workspace.root, 'tsconfig.json'), '{ "compilerOptions": { "paths": ');
      const { result } = await analyzeFolder(workspace.root, { threads: 1 });
      assert.ok(result.skipped.some((skip) => skip.path === 'tsconfig.json' && /path aliases/.test(skip.reason)), JSON.stringify(result.skipped));
      assert.deepEqual(result.routes.map((route) => `${route.method} ${route.path}`), ['POST /api/orders', 'GET /api/orders/{id}']);
    } finally {
      workspace.cleanup();
    }
  });
});
