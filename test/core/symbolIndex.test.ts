import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readWorkspacePackages } from '../../src/core/resolve/npmPackages';
import { SymbolIndex } from '../../src/core/resolve/symbolIndex';
import { Turns } from '../../src/core/nextTurn';
import { SymbolId } from '../../src/core/result';
import { isEmpty, NONE } from '../../src/core/lists';
import { scanPython, testScanner } from '../helpers';

async function indexOf(files: Record<string, string>): Promise<SymbolIndex> {
  return new SymbolIndex(await scanPython(files));
}

/** The index of a monorepo's files, its packages read from the `package.json` files among them. */
async function monorepoIndex(files: Record<string, string>): Promise<SymbolIndex> {
  const facts = [];
  for (const [path, text] of Object.entries(files)) if (!path.endsWith('.json')) facts.push(await testScanner().scan({ path, language: path.endsWith('.js') ? 'javascript' : 'typescript' }, text));
  const packages = await readWorkspacePackages({ readText: (path) => Promise.resolve(files[path.slice('/ws/'.length)] ?? '') }, { root: '/ws', maxBytes: 1 << 20 }, Object.keys(files), []);
  return new SymbolIndex(facts, { aliases: [], packages });
}

describe('SymbolId.owner', () => {
  it('is the class a member is written in, the innermost for a nested class, and nothing for a top-level name', () => {
    assert.equal(SymbolId.owner('app/models.py:Order.save'), 'app/models.py:Order');
    assert.equal(SymbolId.owner('app/models.py:Order.Meta.ordering'), 'app/models.py:Order.Meta');
    assert.equal(SymbolId.owner('app/v1.2/views.py:index'), undefined);
    assert.equal(SymbolId.owner('app/views.py:<anonymous>@12'), undefined);
  });
});

describe('SymbolIndex', () => {
  it('resolves absolute, relative and aliased imports, and re-exports through __init__.py', async () => {
    const index = await indexOf({
      'src/shop/__init__.py': 'from .orders.service import OrderService as Service\n',
      'src/shop/orders/__init__.py': '',
      'src/shop/orders/service.py': 'class OrderService:\n    def create(self): ...\n',
      'src/shop/api.py': [
        'from shop import Service',
        'from .orders import service as svc',
        'import shop.orders.service',
        'from . import orders',
        'x = 1',
      ].join('\n'),
    });
    const target = 'src/shop/orders/service.py:OrderService';
    assert.equal(index.resolve('src/shop/api.py', 'Service'), target);
    assert.equal(index.resolve('src/shop/api.py', 'svc.OrderService'), target);
    assert.equal(index.resolve('src/shop/api.py', 'shop.orders.service.OrderService.create'), `${target}.create`);
    assert.equal(index.resolve('src/shop/api.py', 'orders.service.OrderService'), target);
  });

  it('finds modules in namespace packages (no __init__.py) from the roots imports imply', async () => {
    const index = await indexOf({
      'backend/app/core/config.py': 'class Settings:\n    API_PREFIX: str = "/api"\nsettings = Settings()\n',
      'backend/app/main.py': 'from app.core.config import settings\n',
    });
    assert.equal(index.resolve('backend/app/main.py', 'settings'), 'backend/app/core/config.py:settings');
    assert.deepEqual(index.qualify('backend/app/main.py', 'settings.API_PREFIX'), { external: 'backend/app/core/config.py:Settings().API_PREFIX' });
  });

  it('looks for a module beside the importing script, and never shadows the standard library otherwise', async () => {
    const index = await indexOf({
      'examples/worker/config.py': 'app = make_app()\n',
      'examples/worker/tasks.py': 'from config import app\nimport json\n',
      'tools/json.py': 'def dumps(value): ...\n',
    });
    assert.equal(index.resolve('examples/worker/tasks.py', 'app'), 'examples/worker/config.py:app');
    assert.deepEqual(index.qualify('examples/worker/tasks.py', 'json.dumps'), { external: 'json.dumps' });
  });

  it('reads a star import of a module beside the importing script', async () => {
    const index = await indexOf({
      'examples/worker/tasks.py': 'def resize(image): ...\n',
      'examples/worker/run.py': 'from tasks import *\nresize(1)\n',
    });
    assert.equal(index.resolve('examples/worker/run.py', 'resize'), 'examples/worker/tasks.py:resize');
  });

  it('follows star imports that meet again once each, however many paths lead through them', async () => {
    // Fifteen layers of eight modules, each star-importing the whole next layer: 8^14 paths from the top to a
    // name no module binds, which a lookup that walked every path would never finish.
    const files: Record<string, string> = { 'pkg/__init__.py': '' };
    const layers = 15;
    const width = 8;
    for (let layer = 0; layer < layers; layer++) {
      for (let column = 0; column < width; column++) {
        const below = layer + 1 < layers ? Array.from({ length: width }, (_, next) => `from .m${layer + 1}_${next} import *\n`).join('') : '';
        files[`pkg/m${layer}_${column}.py`] = below + (layer === layers - 1 && column === width - 1 ? 'def deepest(): ...\n' : '');
      }
    }
    files['app.py'] = 'from pkg.m0_0 import *\n';
    const index = await indexOf(files);
    assert.equal(index.resolve('app.py', 'deepest'), `pkg/m${layers - 1}_${width - 1}.py:deepest`);
    assert.deepEqual(index.qualify('app.py', 'nowhere'), { external: 'nowhere' });
  });

  it('finds by a short way what a long way to the same module was cut short of', async () => {
    // The chain is tried first (the later import) and reaches core.py past the depth bound; the short way must still find it.
    const files: Record<string, string> = { 'pkg/__init__.py': '', 'pkg/core.py': 'def deep(): ...\n', 'pkg/short.py': 'from .core import *\n' };
    for (let link = 0; link < 16; link++) files[`pkg/l${link}.py`] = link < 15 ? `from .l${link + 1} import *\n` : 'from .core import *\n';
    files['app.py'] = 'from pkg.short import *\nfrom pkg.l0 import *\n';
    const index = await indexOf(files);
    assert.equal(index.resolve('app.py', 'deep'), 'pkg/core.py:deep');
  });

  it('qualifies names from outside the workspace by their import, and workspace symbols by their module names', async () => {
    const index = await indexOf({
      'starlette/__init__.py': '',
      'starlette/routing.py': 'class Route: ...\n',
      'app.py': 'from django.db import models\nimport sqlalchemy as sa\nfrom starlette.routing import Route\n',
    });
    assert.deepEqual(index.qualify('app.py', 'models.Model'), { external: 'django.db.models.Model' });
    assert.deepEqual(index.qualify('app.py', 'sa.orm.Session'), { external: 'sqlalchemy.orm.Session' });
    assert.ok(index.qualifiedNames('app.py', 'Route').includes('starlette.routing.Route'));
  });

  it('follows inheritance across files to the outside names it ends on, and survives cycles', async () => {
    const index = await indexOf({
      'base.py': 'from django.db import models\nfrom b import B\nclass TimeStamped(models.Model): ...\nclass A(B): ...\n',
      'models.py': 'from base import TimeStamped\nclass Order(TimeStamped): ...\n',
      'b.py': 'from base import A\nclass B(A): ...\n',
    });
    const ancestry = index.ancestry('models.py:Order');
    assert.deepEqual(ancestry.classes, ['base.py:TimeStamped']);
    assert.ok(ancestry.names.includes('django.db.models.Model'));
    assert.deepEqual(index.ancestry('base.py:A').classes, ['b.py:B']); // A -> B -> A stops at A
  });

  it('records what the code states about types: constructor calls, parameter annotations, class attributes', async () => {
    const index = await indexOf({
      'service.py': [
        'class OrderService:',
        '    def __init__(self, repo: OrderRepository, db):',
        '        self.repo = repo',
        '        self.mailer = Mailer(db)',
        '        self.cache: Cache = make_cache()',
      ].join('\n'),
    });
    const attributes = index.definition('service.py:OrderService')?.attributes?.map((attribute) => `${attribute.name}:${attribute.type}`);
    assert.deepEqual(attributes, ['repo:OrderRepository', 'mailer:Mailer', 'cache:Cache']);
  });

  it("resolves a monorepo's packages imported by name to their sources, and names what they export by the package", async () => {
    const files: Record<string, string> = {
      'package.json': '{ "name": "acme-monorepo", "private": true }',
      'packages/core/package.json': '{ "name": "@acme/core", "exports": { ".": { "types": "./dist/index.d.ts", "import": "./dist/index.mjs" }, "./utils": "./dist/utils/index.js" } }',
      'packages/core/src/index.ts': "export { Store } from './store';\nexport default function createStore() {}\n",
      'packages/core/src/store.ts': 'export class Store {}\n',
      'packages/core/src/utils/index.ts': 'export function hash() {}\n',
      'packages/legacy/package.json': '{ "name": "legacy", "main": "lib/legacy.js" }',
      'packages/legacy/lib/legacy.js': 'class Legacy {}\nmodule.exports = Legacy;\n',
      'packages/redis/src/index.ts': "import create, { Store } from '@acme/core';\nimport { hash } from '@acme/core/utils';\nimport Legacy from 'legacy';\nimport { Router } from 'express';\n",
    };
    const index = await monorepoIndex(files);
    const importer = 'packages/redis/src/index.ts';
    assert.equal(index.resolve(importer, 'Store'), 'packages/core/src/store.ts:Store');
    assert.equal(index.resolve(importer, 'hash'), 'packages/core/src/utils/index.ts:hash');
    assert.equal(index.resolve(importer, 'create'), 'packages/core/src/index.ts:createStore');
    assert.equal(index.resolve(importer, 'Legacy'), 'packages/legacy/lib/legacy.js:Legacy');
    assert.deepEqual(index.qualify(importer, 'Router'), { external: 'express.Router' });
    // What a package exports goes by the name its users import it by, as a name from outside would.
    assert.ok(index.qualifiedNames(importer, 'Store').includes('@acme/core.Store'));
    assert.ok(index.qualifiedNames(importer, 'create').includes('@acme/core'));
    assert.ok(index.qualifiedNames(importer, 'Legacy').includes('legacy'));
  });

  it("maps a package's build output back to the source that builds it, a subpath before the folder of a module format", async () => {
    const files: Record<string, string> = {
      'framework/package.json': '{ "name": "@acme/framework", "exports": { ".": "./dist/index.js", "./types": "./dist/types/index.js" } }',
      'framework/src/index.ts': 'export class App {}\n',
      'framework/src/types/index.ts': 'export interface Provider { run(): void }\n',
      'lib/package.json': '{ "name": "@acme/lib", "types": "./dist/types/index.d.ts", "module": "./dist/esm/index.js" }',
      'lib/src/index.ts': 'export class Lib {}\n',
      'app/main.ts': "import { App } from '@acme/framework';\nimport type { Provider } from '@acme/framework/types';\nimport { Lib } from '@acme/lib';\n",
    };
    const index = await monorepoIndex(files);
    assert.equal(index.resolve('app/main.ts', 'App'), 'framework/src/index.ts:App');
    assert.equal(index.resolve('app/main.ts', 'Provider'), 'framework/src/types/index.ts:Provider');
    assert.equal(index.resolve('app/main.ts', 'Lib'), 'lib/src/index.ts:Lib');
  });
});

describe('SymbolIndex parts, kept from one index to the next', () => {
  /** models.py's Order derives from base.py's Base; other.py is read by nothing else. */
  const threeFiles = async () => {
    const [base, model, other] = await scanPython({
      'app/base.py': 'class Base:\n    pass\n',
      'app/models.py': 'from app.base import Base\n\nclass Order(Base):\n    pass\n',
      'app/other.py': 'x = 1\n',
    });
    if (!base || !model || !other) throw new Error('three files scanned');
    return [base, model, other] as const;
  };
  it('keeps a part while the files it read stay, works it out again when one changes, and refuses a part that walks every file', async () => {
    const [base, model, other] = await threeFiles();
    let computed = 0;
    // A part of models.py that reads Base's definition in base.py.
    const bases = (index: SymbolIndex) => index.part('test', 'app/models.py', () => (computed++, index.definition(index.resolve('app/models.py', 'Base') ?? '')?.range.start.line));
    const first = new SymbolIndex([base, model, other]);
    assert.equal(bases(first), 0);
    const [otherEdited] = await scanPython({ 'app/other.py': 'x = 2\n' });
    const second = new SymbolIndex([base, model, otherEdited as typeof other], undefined, { index: first, shareAnswers: true });
    assert.equal(bases(second), 0);
    assert.equal(computed, 1, 'an edit of a file the part did not read keeps it');
    const [baseMoved] = await scanPython({ 'app/base.py': '# moved\nclass Base:\n    pass\n' });
    const third = new SymbolIndex([baseMoved as typeof base, model, otherEdited as typeof other], undefined, { index: second, shareAnswers: true });
    assert.equal(bases(third), 1, 'the definition it read moved');
    assert.equal(computed, 2);
    assert.throws(() => third.part('walks', 'app/models.py', () => [...third.files()]), /cannot be called while a part is worked out/);
  });

  it("takes each file's part of a stage from its last run by position, and works out again those whose file, or a file they read, changed", async () => {
    const [base, model, other] = await threeFiles();
    const computed: string[] = [];
    // models.py's part reads Base's definition in base.py; the others read their own file alone.
    const stage = async (index: SymbolIndex) => {
      const parts: unknown[] = [];
      await index.eachPart(
        'test',
        new Turns(),
        (file) => {
          computed.push(file.path);
          return file.path === 'app/models.py' ? { line: index.definition(index.resolve(file.path, 'Base') ?? '')?.range.start.line } : { names: index.definitionsIn(file.path) ? file.symbols.length : 0 };
        },
        (part) => parts.push(part),
      );
      return parts;
    };
    const first = new SymbolIndex([base, model, other]);
    const before = await stage(first);
    assert.deepEqual(computed.splice(0), ['app/base.py', 'app/models.py', 'app/other.py']);
    const [otherEdited] = await scanPython({ 'app/other.py': 'x = 2\n' });
    const second = new SymbolIndex([base, model, otherEdited as typeof other], undefined, { index: first, shareAnswers: true });
    const kept = await stage(second);
    assert.deepEqual(computed.splice(0), ['app/other.py'], 'only the edited file');
    assert.equal(kept[0], before[0], 'the same object');
    assert.equal(kept[1], before[1]);
    const [baseMoved] = await scanPython({ 'app/base.py': '# moved\nclass Base:\n    pass\n' });
    const third = new SymbolIndex([baseMoved as typeof base, model, otherEdited as typeof other], undefined, { index: second, shareAnswers: true });
    const moved = await stage(third);
    assert.deepEqual(computed.splice(0), ['app/base.py', 'app/models.py'], 'models.py read base.py, which changed');
    assert.deepEqual(moved[1], { line: 1 });
    // Not kept for updates (a one-off run): every part worked out, nothing kept.
    await stage(new SymbolIndex([base, model, other], undefined, undefined, false));
    assert.deepEqual(computed.splice(0), ['app/base.py', 'app/models.py', 'app/other.py']);
  });

  it('visits, for a stage whose parts can be nothing, only the files that changed, the parts that read them and the parts that are something', async () => {
    const [base, model, other] = await threeFiles();
    const computed: string[] = [];
    const stepped: string[] = [];
    // models.py's part reads where Base is defined in base.py, and is nothing once it is not a class there; base.py's
    // is its classes; other.py's is nothing.
    const stage = async (index: SymbolIndex) => {
      const parts: (readonly unknown[])[] = [];
      await index.eachPart(
        'test-nothing',
        new Turns(),
        (file) => {
          computed.push(file.path);
          if (file.path === 'app/models.py') {
            const line = index.definition(index.resolve(file.path, 'Base') ?? '')?.range.start.line;
            return line === undefined ? NONE : [line];
          }
          return file.symbols.filter((symbol) => symbol.kind === 'class').map((symbol) => symbol.name);
        },
        (part, file) => {
          stepped.push(file.path);
          parts.push(part);
        },
        '',
        undefined,
        isEmpty,
      );
      return parts;
    };
    const first = new SymbolIndex([base, model, other]);
    assert.deepEqual(await stage(first), [['Base'], [0]]);
    assert.deepEqual(computed.splice(0), ['app/base.py', 'app/models.py', 'app/other.py']);
    assert.deepEqual(stepped.splice(0), ['app/base.py', 'app/models.py'], 'a part that is nothing is not given to the step');
    const [otherEdited] = await scanPython({ 'app/other.py': 'x = 2\n' });
    const second = new SymbolIndex([base, model, otherEdited as typeof other], undefined, { index: first, shareAnswers: true });
    assert.deepEqual(await stage(second), [['Base'], [0]]);
    assert.deepEqual(computed.splice(0), ['app/other.py'], 'only the edited file');
    assert.deepEqual(stepped.splice(0), ['app/base.py', 'app/models.py']);
    // Base renamed in base.py: models.py, unchanged, read it and is nothing now; back, and it is something again.
    const [baseGone] = await scanPython({ 'app/base.py': 'class Entity:\n    pass\n' });
    const third = new SymbolIndex([baseGone as typeof base, model, otherEdited as typeof other], undefined, { index: second, shareAnswers: true });
    assert.deepEqual(await stage(third), [['Entity']]);
    assert.deepEqual(computed.splice(0), ['app/base.py', 'app/models.py'], 'models.py read base.py, which changed');
    assert.deepEqual(stepped.splice(0), ['app/base.py']);
    const [baseMoved] = await scanPython({ 'app/base.py': '# moved\nclass Base:\n    pass\n' });
    const fourth = new SymbolIndex([baseMoved as typeof base, model, otherEdited as typeof other], undefined, { index: third, shareAnswers: true });
    assert.deepEqual(await stage(fourth), [['Base'], [1]], 'a part that was nothing, read again');
    assert.deepEqual(computed.splice(0), ['app/base.py', 'app/models.py']);
    // An edit elsewhere: models.py's part, which reads another file, is taken from the last run as it is.
    const [otherAgain] = await scanPython({ 'app/other.py': 'x = 3\n' });
    const fifth = new SymbolIndex([baseMoved as typeof base, model, otherAgain as typeof other], undefined, { index: fourth, shareAnswers: true });
    assert.deepEqual(await stage(fifth), [['Base'], [1]]);
    assert.deepEqual(computed.splice(0), ['app/other.py']);
    // The same from an index whose run was made and left (an update cancelled by a newer edit): its column, not the index's, is what was compared.
    assert.deepEqual(await stage(new SymbolIndex([baseGone as typeof base, model, otherEdited as typeof other], undefined, { index: fourth, shareAnswers: true })), [['Entity']]);
    assert.deepEqual(computed.splice(0), ['app/base.py', 'app/models.py', 'app/other.py']);
    // Not kept for updates: every part worked out, nothing given to the step.
    assert.deepEqual(await stage(new SymbolIndex([base, model, other], undefined, undefined, false)), [['Base'], [0]]);
    assert.deepEqual(computed.splice(0), ['app/base.py', 'app/models.py', 'app/other.py']);
  });

  it('made in turns (as resolution makes it) answers as one made at once, and takes over the same from an earlier index', async () => {
    const files = await scanPython({
      'src/shop/__init__.py': 'from .base import Base\n',
      'src/shop/base.py': 'class Base:\n    pass\n',
      'src/shop/models.py': 'from shop import Base\n\nclass Order(Base):\n    pass\n',
    });
    const [atOnce, inTurns] = [new SymbolIndex(files), await SymbolIndex.build(files)];
    for (const index of [atOnce, inTurns]) {
      assert.equal(index.resolve('src/shop/models.py', 'Base'), 'src/shop/base.py:Base');
      assert.deepEqual(index.ancestry('src/shop/models.py:Order').classes, ['src/shop/base.py:Base']);
    }
    let computed = 0;
    const part = (index: SymbolIndex) => index.part('test', 'src/shop/models.py', () => ++computed);
    part(inTurns);
    const later = await SymbolIndex.build(files, undefined, { index: inTurns, shareAnswers: true });
    assert.equal(part(later), 1, 'the part is kept');
    assert.equal(later.resolve('src/shop/models.py', 'Base'), 'src/shop/base.py:Base');
  });

  it('shares what one index made from an earlier one with every other index made from it (a rehearsed update, then the real one)', async () => {
    const files = await scanPython({
      'app/base.py': 'class Base:\n    pass\n',
      'app/models.py': 'from app.base import Base\n\nclass Order(Base):\n    pass\n',
    });
    const analysed = new SymbolIndex(files);
    let computed = 0;
    const part = (index: SymbolIndex) => index.part('test', 'app/models.py', () => (++computed, index.resolve('app/models.py', 'Base')));
    const rehearsal = new SymbolIndex(files, undefined, { index: analysed, shareAnswers: true });
    assert.equal(part(rehearsal), 'app/base.py:Base');
    const real = new SymbolIndex(files, undefined, { index: analysed, shareAnswers: true });
    assert.equal(part(real), 'app/base.py:Base');
    assert.equal(computed, 1, 'the rehearsal\'s part is found');
    // Not shared: worked out again.
    assert.equal(part(new SymbolIndex(files, undefined, { index: analysed, shareAnswers: false })), 'app/base.py:Base');
    assert.equal(computed, 2);
  });
});
