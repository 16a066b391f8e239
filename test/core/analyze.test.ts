import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv';
import type { AnalysisResult } from '../../src/core/result';
import type { Analysis } from '../../src/core/analyze';
import { analyzeFolder, readyForUpdates, updateFolder, WarmWorker } from '../../src/node/analyzeFolder';
import { builtinKnowledge } from '../../src/node/knowledge';
import { nodeFs } from '../../src/node/nodeFs';
import { WorkerAnalyzer } from '../../src/node/workerAnalyzer';
import { FileFactsCache } from '../../src/node/factsCache';
import { analyzeWorkspace, DEFAULT_MAX_FILE_SIZE_BYTES } from '../../src/core/analyze';
import type { FileTask } from '../../src/core/parse/facts';
import { ROOT, SAMPLE, tempWorkspace } from '../helpers';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** A full collection, as `--expose-gc` gives it (set here, for this test process only). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

const schema = JSON.parse(readFileSync(join(ROOT, 'docs', 'analysis-result.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

describe('analyzing the embedded sample in worker threads', () => {
  let result: AnalysisResult;
  before(async () => {
    const analysis = await analyzeFolder(SAMPLE, { threads: 2, traces: true });
    // As `archtrace analyze --format json` gives it: with the checklist's answers.
    result = { ...analysis.result, answers: analysis.answers() };
  });

  it('gives a result that validates against the documented schema', () => {
    const valid = validate(JSON.parse(JSON.stringify(result)));
    assert.ok(valid, JSON.stringify(validate.errors, null, 2));
  });

  it('classifies the sample as a business service, with evidence', () => {
    assert.equal(result.kind.kind, 'service');
    assert.ok(result.kind.scores.service > 0.8);
    assert.ok(result.kind.evidence.some((evidence) => evidence.signal === 'service-domain-folders' && evidence.path === 'app/domain'));
  });

  it('lists the routes with their handlers', () => {
    assert.deepEqual(
      result.routes.map((route) => `${route.method} ${route.path} ${route.handler}`),
      [
        'POST /orders app/api/routes/orders.py:create_order',
        'GET /orders/{order_id} app/api/routes/orders.py:get_order',
        'POST /orders/{order_id}/cancel app/api/routes/orders.py:cancel_order',
      ],
    );
  });

  it('finds the repository interfaces with their implementations across files', () => {
    assert.deepEqual(result.interfaces, [
      { base: 'app/domain/repositories.py:InventoryRepository', implementations: ['app/infrastructure/persistence/inventory_repository.py:SqlInventoryRepository'] },
      { base: 'app/domain/repositories.py:OrderRepository', implementations: ['app/infrastructure/persistence/order_repository.py:SqlOrderRepository'] },
    ]);
  });

  it('finds the async email task, where it is queued, and the published event', () => {
    const symbols = (category: string) => result.findings.filter((finding) => finding.category === category).map((finding) => finding.symbol);
    assert.deepEqual(symbols('task'), ['app/application/services/order_service.py:OrderService.create_order', 'app/infrastructure/tasks/email.py:send_order_confirmation_email']);
    // The domain event's own `publish` hands it to the module's `event_bus = EventBus()`: the bus's publish is called there too.
    assert.deepEqual(symbols('event'), ['app/application/services/order_service.py:OrderService.create_order', 'app/domain/events.py:DomainEvent.publish']);
  });

  it('reports the one layer violation the sample has: its domain importing the event bus from the infrastructure', () => {
    assert.deepEqual(
      result.violations.map((violation) => `${violation.rule} ${violation.path}:${violation.line + 1} ${violation.imported}`),
      ['domain-imports-infrastructure app/domain/events.py:3 event_bus'],
    );
  });

  it('gives every file a layer with reasons, following the folders', () => {
    const layer = (path: string) => result.files.find((file) => file.path === path)?.layer;
    assert.equal(layer('app/api/routes/orders.py'), 'api');
    assert.equal(layer('app/application/services/order_service.py'), 'application');
    assert.equal(layer('app/domain/models/order.py'), 'domain');
    assert.equal(layer('app/domain/repositories.py'), 'domain');
    assert.equal(layer('app/infrastructure/persistence/order_repository.py'), 'infrastructure');
    assert.equal(layer('tests/unit/test_order.py'), 'test');
    assert.ok(result.files.every((file) => file.reasons.length > 0));
  });
});

describe('analyzing awkward files', () => {
  const big = `${'def f(x):\n    return x + 1\n'.repeat(360_000)}`; // about 10 MB
  const workspace = tempWorkspace({
    'broken.py': 'def f(:\n    return (\nclass A(B:\n',
    'latin1.py': new Uint8Array([0x23, 0x20, 0xe9, 0xe8, 0x0a, 0x78, 0x3d, 0x31, 0x0a]),
    'image.py': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]),
    'big.py': big,
    'bom.py': '\ufeffclass A:\r\n    pass\r\n',
  });
  after(workspace.cleanup);

  it('analyses or skips each with a reason, never failing the run', async () => {
    const { result } = await analyzeFolder(workspace.root, { threads: 1 });
    const skipped = new Map(result.skipped.map((skip) => [skip.path, skip.reason]));
    assert.match(skipped.get('latin1.py') ?? '', /not UTF-8/);
    assert.match(skipped.get('image.py') ?? '', /binary/);
    assert.match(skipped.get('big.py') ?? '', /larger than the size limit/);
    assert.deepEqual(result.files.map((file) => file.path).sort(), ['bom.py', 'broken.py']);
  });

  it('analyses a 10 MB file when the size limit allows it', async () => {
    // A budget no busy machine overruns: this is about the size limit, not the time budget.
    const { result } = await analyzeFolder(workspace.root, { threads: 1, maxFileSizeBytes: 20 * 1024 * 1024, fileTimeoutMs: 300_000 });
    assert.ok(result.files.some((file) => file.path === 'big.py'), JSON.stringify(result.skipped));
  });
});

describe('updating an analysis after edits', () => {
  const workspace = tempWorkspace({
    'app/api.py': 'from fastapi import APIRouter\nrouter = APIRouter()\n@router.get("/a")\ndef a(): ...\n',
    'app/other.py': 'def helper(): ...\n',
  });
  after(workspace.cleanup);

  it('parses only the changed and new files again, and drops deleted ones', async () => {
    const first = await analyzeFolder(workspace.root, { threads: 1 });
    assert.deepEqual(first.result.routes.map((route) => route.path), ['/a']);
    writeFileSync(join(workspace.root, 'app', 'api.py'), 'from fastapi import APIRouter\nrouter = APIRouter()\n@router.get("/a")\ndef a(): ...\n@router.post("/b")\ndef b(): ...\n');
    writeFileSync(join(workspace.root, 'app', 'extra.py'), 'from app.api import router\n@router.delete("/c")\ndef c(): ...\n');
    rmSync(join(workspace.root, 'app', 'other.py'));
    const scanned: string[] = [];
    const analyzer = new WorkerAnalyzer({ threads: 1 });
    const counting = { analyze: (task: FileTask) => (scanned.push(task.path), analyzer.analyze(task)), dispose: () => analyzer.dispose() };
    try {
      const updated = await first.update(
        { fs: nodeFs, analyzer: counting, knowledge: builtinKnowledge(), concurrency: 2 },
        [join(workspace.root, 'app', 'api.py'), join(workspace.root, 'app', 'extra.py'), join(workspace.root, 'app', 'other.py')],
      );
      assert.deepEqual(scanned.sort(), ['app/api.py', 'app/extra.py']);
      assert.deepEqual(updated.result.routes.map((route) => `${route.method} ${route.path}`), ['GET /a', 'POST /b', 'DELETE /c']);
      assert.ok(!updated.result.files.some((file) => file.path === 'app/other.py'));
      // The first analysis is unchanged: its facts were not touched by the update's resolution.
      assert.deepEqual(first.result.routes.map((route) => route.path), ['/a']);
    } finally {
      await counting.dispose();
    }
  });
});

describe('an edit of files the analysis has', () => {
  const workspace = tempWorkspace({ 'app/api.py': 'from fastapi import APIRouter\nrouter = APIRouter()\n@router.get("/a")\ndef a(): ...\n', 'app/b.py': 'x = 1\n' });
  after(workspace.cleanup);

  it('does not walk the tree again; a deleted file does', async () => {
    const first = await analyzeFolder(workspace.root, { threads: 1 });
    let walks = 0;
    const countingFs = { ...nodeFs, readDirectory: (path: string) => (walks++, nodeFs.readDirectory(path)) };
    const analyzer = new WorkerAnalyzer({ threads: 1 });
    const host = { fs: countingFs, analyzer, knowledge: builtinKnowledge(), concurrency: 2 };
    try {
      writeFileSync(join(workspace.root, 'app', 'api.py'), 'from fastapi import APIRouter\nrouter = APIRouter()\n@router.get("/b")\ndef b(): ...\n');
      const edited = await first.update(host, [join(workspace.root, 'app', 'api.py')]);
      assert.equal(walks, 0);
      assert.deepEqual(edited.result.routes.map((route) => route.path), ['/b']);
      rmSync(join(workspace.root, 'app', 'b.py'));
      const afterDelete = await edited.update(host, [join(workspace.root, 'app', 'b.py')]);
      assert.ok(walks > 0);
      assert.ok(!afterDelete.result.files.some((file) => file.path === 'app/b.py'));
    } finally {
      await analyzer.dispose();
    }
  });

  it('is found whatever separators the editor writes its path with (Windows: backslashes)', async () => {
    const first = await analyzeFolder(workspace.root, { threads: 1 });
    // The file system that answers for the editor's path: on Windows both separators name the file.
    const windowsFs = { ...nodeFs, stat: (path: string) => nodeFs.stat(path.replace(/\\/g, '/')) };
    const analyzer = new WorkerAnalyzer({ threads: 1 });
    const host = { fs: windowsFs, analyzer, knowledge: builtinKnowledge(), concurrency: 2 };
    try {
      writeFileSync(join(workspace.root, 'app', 'api.py'), 'from fastapi import APIRouter\nrouter = APIRouter()\n@router.get("/windows")\ndef w(): ...\n');
      const edited = await first.update(host, [join(workspace.root, 'app', 'api.py').replace(/\//g, '\\')]);
      assert.deepEqual(edited.result.routes.map((route) => route.path), ['/windows']);
    } finally {
      await analyzer.dispose();
    }
  });
});

describe('an update and the configuration files', () => {
  const workspace = tempWorkspace({
    'setup.py': 'from setuptools import setup\nsetup(name="orders", description="Orders service")\n',
    'pyproject.toml': '[project]\nname = "orders"\n',
    'README.md': '# Orders\nA service.\n',
    'app/api.py': 'from fastapi import APIRouter\nrouter = APIRouter()\n@router.get("/a")\ndef a(): ...\n',
  });
  after(workspace.cleanup);
  const comparable = (analysis: Analysis) => JSON.stringify({ ...analysis.result, answers: analysis.answers() });

  it('reads them again only when one of them changed, and gives what a fresh analysis gives', async () => {
    let analysis = await analyzeFolder(workspace.root, { threads: 1 });
    const read: string[] = [];
    const countingFs = { ...nodeFs, readText: (path: string, limits: Parameters<typeof nodeFs.readText>[1]) => (read.push(relative(workspace.root, path)), nodeFs.readText(path, limits)) };
    const analyzer = new WorkerAnalyzer({ threads: 1 });
    const host = { fs: countingFs, analyzer, knowledge: builtinKnowledge(), concurrency: 2 };
    try {
      const edits: [string, string, boolean][] = [
        // A source file no configuration was read from: none is read again.
        ['app/api.py', 'from fastapi import APIRouter\nrouter = APIRouter()\n@router.get("/b")\ndef b(): ...\n', false],
        // setup.py is a source file and a manifest: the configuration is read again.
        ['setup.py', 'from setuptools import setup\nsetup(name="billing", description="Billing library")\n', true],
        // Files that are not sources: the tree is walked and the configuration read again.
        ['pyproject.toml', '[project]\nname = "billing"\n\n[build-system]\nrequires = ["hatchling"]\n', true],
        ['README.md', '# Billing\nA library.\n', true],
        ['app/api.py', 'from fastapi import APIRouter\nrouter = APIRouter()\n@router.get("/c")\ndef c(): ...\n', false],
      ];
      for (const [path, text, readAgain] of edits) {
        writeFileSync(join(workspace.root, path), text);
        read.length = 0;
        analysis = await analysis.update(host, [join(workspace.root, path)]);
        assert.equal(read.includes('setup.py'), readAgain, `after editing ${path}: ${read.join(', ')}`);
        assert.equal(comparable(analysis), comparable(await analyzeFolder(workspace.root, { threads: 1 })), `after editing ${path}`);
      }
    } finally {
      await analyzer.dispose();
    }
  });
});

describe('an update, whatever the edit', () => {
  const base = {
    'app/base.py': 'from django.db import models\n\nclass Base(models.Model):\n    def save(self): ...\n',
    'app/models.py': 'from app.base import Base\n\nclass Order(Base):\n    def pay(self):\n        self.save()\n',
    'app/api.py': 'from fastapi import APIRouter\nfrom app.models import Order\nrouter = APIRouter()\n\n@router.post("/orders")\ndef create():\n    Order().pay()\n',
    'app/other.py': 'class Order:\n    def pay(self): ...\n',
    'app/__init__.py': 'from app.impl_a import Service\n',
    'app/impl_a.py': 'class Service:\n    def run(self): ...\n',
    'app/impl_b.py': 'class Service:\n    def run(self): ...\n',
    'app/jobs.py': 'from fastapi import APIRouter\nfrom app import Service\nrouter = APIRouter()\n\n@router.post("/jobs")\ndef start():\n    Service().run()\n',
  };
  const workspace = tempWorkspace(base);
  after(workspace.cleanup);
  const comparable = (analysis: Analysis) => JSON.stringify({ ...analysis.result, traces: analysis.result.routes.map((route) => analysis.trace(`${route.method} ${route.path}`)) });

  it('gives what a fresh analysis gives: after a body edit that keeps every lookup, and after edits that change them', async () => {
    let analysis = await analyzeFolder(workspace.root, { threads: 1 });
    const edits: [string, string][] = [
      // A body edit: names, bases and imports stay; every answer but the file's own parts is kept.
      ['app/models.py', 'from app.base import Base\n\nclass Order(Base):\n    def pay(self):\n        print("paying")\n        self.save()\n'],
      // Another file's class renamed: models.py is unchanged, but what its `Base` stands for, Order's
      // ancestry (no longer a Django model) and the parts that read them are not.
      ['app/base.py', 'from django.db import models\n\nclass Entity(models.Model):\n    def save(self): ...\n'],
      ['app/base.py', 'from django.db import models\n\nclass Base(models.Model):\n    def save(self): ...\n'],
      // A re-export now names another class: jobs.py is unchanged, what its `Service` stands for is not.
      ['app/__init__.py', 'from app.impl_b import Service\n'],
      // A base class removed: the ancestry kept from before would still list it.
      ['app/models.py', 'class Order:\n    def pay(self):\n        self.save()\n'],
      // The import now names another module's Order: a lookup kept from before would be wrong.
      ['app/api.py', 'from fastapi import APIRouter\nfrom app.other import Order\nrouter = APIRouter()\n\n@router.post("/orders")\ndef create():\n    Order().pay()\n'],
    ];
    for (const [path, text] of edits) {
      writeFileSync(join(workspace.root, path), text);
      analysis = await updateFolder(analysis, [join(workspace.root, path)], { threads: 1 });
      assert.equal(comparable(analysis), comparable(await analyzeFolder(workspace.root, { threads: 1 })), `after editing ${path}`);
    }
  });
});

describe("an update of findings checked through another file's names", () => {
  const workspace = tempWorkspace({
    'app/worker.py': 'from celery import Celery\n\napp = Celery("shop")\n',
    'app/tasks.py': 'from app.worker import app\n\n@app.task\ndef send_receipt(order_id):\n    return order_id\n',
  });
  after(workspace.cleanup);
  const comparable = (analysis: Analysis) => JSON.stringify(analysis.result);
  const tasks = (analysis: Analysis) => analysis.result.findings.filter((finding) => finding.category === 'task').map((finding) => finding.symbol);

  it("drops and finds again a task as what its decorator's app is made by changes, with tasks.py unchanged", async () => {
    let analysis = await analyzeFolder(workspace.root, { threads: 1 });
    assert.deepEqual(tasks(analysis), ['app/tasks.py:send_receipt']);
    const edits: [string, string, string[]][] = [
      // worker.py's app is no longer Celery's: tasks.py's kept check of its decorator no longer holds.
      ['app/worker.py', 'from flask import Flask\n\napp = Flask("shop")\n', []],
      ['app/worker.py', 'from celery import Celery\n\napp = Celery("shop")\n', ['app/tasks.py:send_receipt']],
      ['app/tasks.py', '# moved\nfrom app.worker import app\n\n@app.task\ndef send_receipt(order_id):\n    return order_id\n', ['app/tasks.py:send_receipt']],
    ];
    for (const [path, text, expected] of edits) {
      writeFileSync(join(workspace.root, path), text);
      analysis = await updateFolder(analysis, [join(workspace.root, path)], { threads: 1 });
      assert.deepEqual(tasks(analysis), expected, `after editing ${path}`);
      assert.equal(comparable(analysis), comparable(await analyzeFolder(workspace.root, { threads: 1 })), `after editing ${path}`);
    }
  });
});

describe('an update of interfaces and their implementations', () => {
  const workspace = tempWorkspace({
    'app/ports.py': 'from abc import ABC, abstractmethod\n\nclass Notifier(ABC):\n    @abstractmethod\n    def send(self): ...\n',
    'app/email.py': 'from app.ports import Notifier\n\nclass EmailNotifier(Notifier):\n    def send(self): ...\n',
    'app/client.py': 'class Client:\n    def run(self):\n        return self._driver()\n',
    'app/pg.py': 'from app.client import Client\n\nclass PgClient(Client):\n    def _driver(self): ...\n',
    'web/driver.ts': 'export interface Driver { get(): string; }\n',
    'web/drivers.ts': "import { Driver } from './driver';\nexport const memory: Driver = { get: () => '' };\nexport const redis: Driver = { get: () => 'r' };\n",
    'store/store.go': 'package store\n\ntype Store interface {\n\tGet() string\n}\n',
    'store/mem.go': 'package store\n\ntype Mem struct{}\n\nfunc (m *Mem) Get() string { return "" }\n',
  });
  after(workspace.cleanup);
  const comparable = (analysis: Analysis) => JSON.stringify({ ...analysis.result, traces: analysis.result.routes.map((route) => analysis.trace(`${route.method} ${route.path}`)) });
  const bases = (analysis: Analysis) => analysis.result.interfaces.map((entry) => `${entry.base} ${entry.implementations.join(',')}`);

  it('gives what a fresh analysis gives as implementations come and go, and keeps the interfaces while no class changes', async () => {
    let analysis = await analyzeFolder(workspace.root, { threads: 1 });
    assert.deepEqual(bases(analysis), ['app/client.py:Client app/pg.py:PgClient', 'app/ports.py:Notifier app/email.py:EmailNotifier', 'store/store.go:Store store/mem.go:Mem', 'web/driver.ts:Driver web/drivers.ts:memory,web/drivers.ts:redis']);
    const edits: [string, string, (before: Analysis, after: Analysis) => void][] = [
      // Lines moved and a function added: every class says what it said, and the stage is kept whole.
      ['app/email.py', '# moved\nfrom app.ports import Notifier\n\nclass EmailNotifier(Notifier):\n    def send(self): ...\n\ndef helper(): ...\n', (before, after) => assert.equal(after.result.interfaces, before.result.interfaces)],
      // An implementation added beside the other, and one gone.
      ['app/email.py', 'from app.ports import Notifier\n\nclass EmailNotifier(Notifier):\n    def send(self): ...\n\nclass SmsNotifier(Notifier):\n    def send(self): ...\n', () => undefined],
      ['app/email.py', 'from app.ports import Notifier\n\nclass EmailNotifier:\n    def send(self): ...\n\nclass SmsNotifier(Notifier):\n    def send(self): ...\n', () => undefined],
      // The interface renamed in its own file: the implementation's file is unchanged, its ancestry is not.
      ['app/ports.py', 'from abc import ABC, abstractmethod\n\nclass Sender(ABC):\n    @abstractmethod\n    def send(self): ...\n', () => undefined],
      ['app/ports.py', 'from abc import ABC, abstractmethod\n\nclass Notifier(ABC):\n    @abstractmethod\n    def send(self): ...\n', () => undefined],
      // No longer abstract, and abstract again.
      ['app/ports.py', 'class Notifier:\n    def send(self): ...\n', () => undefined],
      ['app/ports.py', 'from abc import ABC, abstractmethod\n\nclass Notifier(ABC):\n    @abstractmethod\n    def send(self): ...\n', () => undefined],
      // A template method: its one subclass renames what it leaves to them; another class defines the name (a mixin's expectation).
      ['app/pg.py', 'from app.client import Client\n\nclass PgClient(Client):\n    def _connect(self): ...\n', () => undefined],
      ['app/pg.py', 'from app.client import Client\n\nclass PgClient(Client):\n    def _driver(self): ...\n\nclass Other:\n    def _driver(self): ...\n', () => undefined],
      ['app/pg.py', 'from app.client import Client\n\nclass PgClient(Client):\n    def _driver(self): ...\n', () => undefined],
      // One typed constant is a value, two are implementations.
      ['web/drivers.ts', "import { Driver } from './driver';\nexport const memory: Driver = { get: () => '' };\n", () => undefined],
      ['web/drivers.ts', "import { Driver } from './driver';\nexport const memory: Driver = { get: () => '' };\nexport const redis: Driver = { get: () => 'r' };\n", () => undefined],
      // A Go type loses the method the interface asks for, and gains it again; the interface asks for another.
      ['store/mem.go', 'package store\n\ntype Mem struct{}\n\nfunc (m *Mem) Put() {}\n', () => undefined],
      ['store/mem.go', 'package store\n\ntype Mem struct{}\n\nfunc (m *Mem) Get() string { return "" }\n', () => undefined],
      ['store/store.go', 'package store\n\ntype Store interface {\n\tGet() string\n\tPut()\n}\n', () => undefined],
    ];
    for (const [path, text, check] of edits) {
      writeFileSync(join(workspace.root, path), text);
      const before = analysis;
      analysis = await updateFolder(analysis, [join(workspace.root, path)], { threads: 1 });
      assert.equal(comparable(analysis), comparable(await analyzeFolder(workspace.root, { threads: 1 })), `after editing ${path}`);
      check(before, analysis);
    }
    // A Go interface is one by its methods alone, implemented or not.
    assert.deepEqual(bases(analysis), ['app/client.py:Client app/pg.py:PgClient', 'app/ports.py:Notifier app/email.py:SmsNotifier', 'store/store.go:Store ', 'web/driver.ts:Driver web/drivers.ts:memory,web/drivers.ts:redis']);
  });
});

describe('an update that moves an anonymous finding', () => {
  const main = 'from fastapi import FastAPI\nfrom starlette.middleware.gzip import GZipMiddleware\n\napp = FastAPI()\napp.add_middleware(GZipMiddleware)\n\n\n@app.get("/orders")\ndef orders():\n    return []\n';
  const workspace = tempWorkspace({ 'app/main.py': main, 'app/services/orders.py': 'def total():\n    return 0\n' });
  after(workspace.cleanup);

  it('keeps the kind, which reads the file of a finding and not its line, and gives what a fresh analysis gives', async () => {
    const original = await analyzeFolder(workspace.root, { threads: 1 });
    const anonymous = (analysis: Analysis) => analysis.result.findings.filter((finding) => finding.symbol.includes('<anonymous>')).map((finding) => finding.symbol);
    assert.deepEqual(anonymous(original), ['app/main.py:<anonymous>@5']);
    writeFileSync(join(workspace.root, 'app', 'main.py'), `# moved\n${main}`);
    const edited = await updateFolder(original, [join(workspace.root, 'app', 'main.py')], { threads: 1 });
    assert.deepEqual(anonymous(edited), ['app/main.py:<anonymous>@6']);
    assert.equal(edited.result.kind, original.result.kind);
    assert.deepEqual(edited.result, (await analyzeFolder(workspace.root, { threads: 1 })).result);
  });
});

describe('an update after a body edit', () => {
  const workspace = tempWorkspace({
    'app/api.py': 'from fastapi import APIRouter\nfrom app.service import pay\nrouter = APIRouter()\n\n@router.post("/orders")\ndef create():\n    pay()\n',
    'app/service.py': 'def pay():\n    return 1\n',
    'app/domain/order.py': 'class Order:\n    total = 0\n',
  });
  after(workspace.cleanup);

  it('keeps what the edit did not touch as it was: the kind, and the other files\' entries, the same objects', async () => {
    const original = await analyzeFolder(workspace.root, { threads: 1 });
    writeFileSync(join(workspace.root, 'app', 'service.py'), 'def pay():\n    print("paying")\n    return 1\n');
    const edited = await updateFolder(original, [join(workspace.root, 'app', 'service.py')], { threads: 1 });
    assert.equal(edited.result.kind, original.result.kind);
    const entryOf = (analysis: Analysis, path: string) => analysis.result.files.find((file) => file.path === path);
    for (const path of ['app/api.py', 'app/domain/order.py']) assert.equal(entryOf(edited, path), entryOf(original, path), path);
    // The edited file's entry is made again from its new facts; it says the same, so it is the kept one.
    assert.equal(entryOf(edited, 'app/service.py'), entryOf(original, 'app/service.py'));
    // Findings and routes found again the same are the objects the last result held (the server spells each once for its deltas).
    assert.deepEqual(edited.result, (await analyzeFolder(workspace.root, { threads: 1 })).result);
    const route = (analysis: Analysis) => analysis.result.findings.find((finding) => finding.category === 'route');
    assert.ok(route(original));
    assert.equal(route(edited), route(original));
    assert.equal(edited.result.routes.length, 1);
    assert.equal(edited.result.routes[0], original.result.routes[0]);
  });
});

describe("an update of a file's layer", () => {
  const workspace = tempWorkspace({
    'app/worker.py': 'from celery import Celery\n\napp = Celery("shop")\n',
    'app/things.py': 'from app.worker import app\n\n@app.task\ndef send_receipt(order_id):\n    return order_id\n',
    'app/other.py': 'def helper():\n    return 1\n',
    // Another task keeps the kind a service's, whatever becomes of the first.
    'app/mail.py': 'from celery import Celery\n\nqueue = Celery("mail")\n\n@queue.task\ndef send_mail(to):\n    return to\n',
  });
  after(workspace.cleanup);
  const entryOf = (analysis: Analysis, path: string) => analysis.result.files.find((file) => file.path === path);

  it("makes the entry of an unchanged file again when another file's edit changes its findings, and keeps the others'", async () => {
    const original = await analyzeFolder(workspace.root, { threads: 1 });
    const withTask = entryOf(original, 'app/things.py');
    assert.equal(original.result.kind.kind, 'service');
    // worker.py's app is no longer Celery's: things.py is unchanged, its task is gone, and with it what its layer read.
    writeFileSync(join(workspace.root, 'app', 'worker.py'), 'app = None\n');
    const edited = await updateFolder(original, [join(workspace.root, 'app', 'worker.py')], { threads: 1 });
    const fresh = await analyzeFolder(workspace.root, { threads: 1 });
    assert.deepEqual(edited.result.files, fresh.result.files);
    assert.notDeepEqual(entryOf(edited, 'app/things.py'), withTask);
    assert.equal(entryOf(edited, 'app/other.py'), entryOf(original, 'app/other.py'));
    // And back: the task found again, the entry says what it said.
    writeFileSync(join(workspace.root, 'app', 'worker.py'), 'from celery import Celery\n\napp = Celery("shop")\n');
    const back = await updateFolder(edited, [join(workspace.root, 'app', 'worker.py')], { threads: 1 });
    assert.deepEqual(entryOf(back, 'app/things.py'), withTask);
    assert.deepEqual(back.result.findings, original.result.findings);
  });
});

describe('an update of layers, visiting only the files told more than their path and those that changed', () => {
  const workspace = tempWorkspace({
    'pyproject.toml': '[project]\nname = "stores"\nversion = "1.0"\n',
    'stores/__init__.py': 'from stores.ports import Store\n',
    'stores/ports.py': 'from abc import ABC, abstractmethod\n\n\nclass Store(ABC):\n    @abstractmethod\n    def get(self, key): ...\n',
    'stores/memory.py': 'from stores.ports import Store\n\n\nclass MemoryStore(Store):\n    def get(self, key):\n        return None\n',
    'stores/disk.py': 'from stores.ports import Store\n\n\nclass DiskStore(Store):\n    def get(self, key):\n        return None\n',
    'stores/util.py': 'def helper():\n    return 1\n',
    'stores/big.py': 'def big():\n    return 1\n',
  });
  after(workspace.cleanup);
  const options = { threads: 1, maxFileSizeBytes: 400 };
  const entryOf = (analysis: Analysis, path: string) => analysis.result.files.find((file) => file.path === path);

  it('gives what a fresh analysis gives as the interfaces an unchanged file implements, its findings and its being skipped change', async () => {
    let analysis = await analyzeFolder(workspace.root, options);
    const implementing = entryOf(analysis, 'stores/memory.py');
    const edits: [string, string][] = [
      // The base is no interface any more: memory.py and disk.py, unchanged, implement nothing.
      ['stores/ports.py', 'class Store:\n    def get(self, key):\n        return None\n'],
      ['stores/ports.py', 'from abc import ABC, abstractmethod\n\n\nclass Store(ABC):\n    @abstractmethod\n    def get(self, key): ...\n'],
      // A file grown past the size limit is skipped, then read again.
      ['stores/big.py', `def big():\n    return ${'1 + '.repeat(120)}1\n`],
      ['stores/big.py', 'def big():\n    return 2\n'],
      ['stores/util.py', 'def helper():\n    return 2\n'],
    ];
    for (const [path, text] of edits) {
      const before = analysis;
      writeFileSync(join(workspace.root, path), text);
      analysis = await updateFolder(analysis, [join(workspace.root, path)], options);
      assert.deepEqual(analysis.result.files, (await analyzeFolder(workspace.root, options)).result.files, `after editing ${path}`);
      if (path === 'stores/ports.py' && text.startsWith('class')) assert.notDeepEqual(entryOf(analysis, 'stores/memory.py'), implementing, 'what memory.py implements is read again');
      if (path === 'stores/util.py') assert.equal(entryOf(analysis, 'stores/memory.py'), entryOf(before, 'stores/memory.py'), 'kept as it was');
    }
    assert.ok(analysis.result.files.some((file) => file.path === 'stores/big.py'));
  });
});

describe('an update of layer violations', () => {
  const workspace = tempWorkspace({
    'app/domain/order.py': 'from app.infrastructure.db import engine\n\nclass Order:\n    total = 0\n',
    'app/domain/line.py': 'from app.domain.order import Order\n',
    'app/infrastructure/db.py': 'engine = None\n',
    'app/api/orders.py': 'from fastapi import APIRouter\nfrom app.domain.order import Order\nrouter = APIRouter()\n\n@router.post("/orders")\ndef create():\n    return Order()\n',
  });
  after(workspace.cleanup);
  const violations = (analysis: Analysis) => analysis.result.violations.map((violation) => `${violation.rule} ${violation.path} ${violation.imported}`);

  it("gives what a fresh analysis gives as a file's imports, and the layer of what it imports, change", async () => {
    let analysis = await analyzeFolder(workspace.root, { threads: 1, layerViolations: 'on' });
    assert.deepEqual(violations(analysis), ['domain-imports-infrastructure app/domain/order.py engine']);
    const edits: [string, string, string[]][] = [
      // A body edit elsewhere: the violation is the one found before.
      ['app/api/orders.py', 'from fastapi import APIRouter\nfrom app.domain.order import Order\nrouter = APIRouter()\n\n@router.post("/orders")\ndef create():\n    print("ordering")\n    return Order()\n', ['domain-imports-infrastructure app/domain/order.py engine']],
      // line.py, unchanged, now imports a module of the infrastructure: order.py re-exports it.
      ['app/domain/order.py', 'from app.infrastructure.db import engine\nfrom app.infrastructure.db import engine as Order\n', ['domain-imports-infrastructure app/domain/line.py Order', 'domain-imports-infrastructure app/domain/order.py engine', 'domain-imports-infrastructure app/domain/order.py Order']],
      ['app/domain/order.py', 'class Order:\n    total = 0\n', []],
    ];
    for (const [path, text, expected] of edits) {
      writeFileSync(join(workspace.root, path), text);
      analysis = await updateFolder(analysis, [join(workspace.root, path)], { threads: 1, layerViolations: 'on' });
      assert.deepEqual(violations(analysis), expected, `after editing ${path}`);
      assert.deepEqual(analysis.result, (await analyzeFolder(workspace.root, { threads: 1, layerViolations: 'on' })).result, `after editing ${path}`);
    }
  });
});

describe('an update after a line, a function or an import is added to any file of the fixtures', () => {
  // A line added moves every line below it; a function or an import changes the file's surface
  // (its names, its imports): whatever an earlier analysis kept (lookups, ancestries, the parts of
  // a stage) must be worked out again when something it read changed, and only then.
  // And models whose columns come from another file: a part read for one file reads the other.
  const inherited = tempWorkspace({
    'core/models.py': 'from django.db import models\n\nclass Stamped(models.Model):\n    created = models.DateTimeField(auto_now_add=True)\n\n    class Meta:\n        abstract = True\n',
    'shop/models.py': 'from django.db import models\nfrom core.models import Stamped\n\nclass Order(Stamped):\n    total = models.IntegerField()\n',
  });
  after(inherited.cleanup);
  const fixtures = [
    SAMPLE,
    inherited.root,
    ...readdirSync(join(ROOT, 'test', 'fixtures'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => join(ROOT, 'test', 'fixtures', entry.name)),
  ];
  const comparable = (analysis: Analysis) => JSON.stringify({ ...analysis.result, root: '', traces: analysis.result.routes.map((route) => analysis.trace(`${route.method} ${route.path}`)) });
  const analyzer = new WorkerAnalyzer({ threads: 1 });
  const host = { fs: nodeFs, analyzer, knowledge: builtinKnowledge(), concurrency: 16 };
  after(() => analyzer.dispose());

  for (const fixture of fixtures) {
    it(`gives what a fresh analysis gives, file after file: ${basename(fixture)}`, async () => {
      const root = mkdtempSync(join(tmpdir(), 'archtrace-edit-'));
      try {
        cpSync(fixture, root, { recursive: true });
        let analysis = await analyzeWorkspace(root, host);
        const sources = analysis.result.files.filter((file) => ['python', 'typescript', 'javascript', 'java', 'go'].includes(file.language));
        assert.ok(sources.length > 0);
        // Java and Go: an import goes after the package declaration, a function in a class (Java) or at the top level (Go).
        const afterPackage = (text: string, added: string) => text.replace(/^(package [^\n]*\n)/m, `$1${added}\n`);
        const edits = [
          ['a line', (text: string, language: string) => `${language === 'python' ? '#' : '//'} a line added\n${text}`],
          ['a function', (text: string, language: string) => (language === 'python' ? `${text}\n\ndef added_by_test():\n    return 1\n` : language === 'java' ? `${text}\nclass AddedByTest { int added() { return 1; } }\n` : language === 'go' ? `${text}\nfunc addedByTest() int { return 1 }\n` : `${text}\nfunction addedByTest() { return 1; }\n`)],
          ['an import', (text: string, language: string) => (language === 'python' ? `import json\n${text}` : language === 'java' ? afterPackage(text, 'import java.util.List;') : language === 'go' ? afterPackage(text, 'import "strings"') : `import * as added from 'node:path';\n${text}`)],
        ] as const;
        for (const [what, edit] of edits) {
          for (const { path, language } of sources) {
            const absolute = join(root, path);
            writeFileSync(absolute, edit(readFileSync(absolute, 'utf8'), language));
            analysis = await analysis.update(host, [absolute]);
            assert.equal(comparable(analysis), comparable(await analyzeWorkspace(root, host)), `after adding ${what} to ${path}`);
          }
        }
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
  }
});

describe('the worker kept warm between edits', () => {
  const workspace = tempWorkspace({ 'app/api.py': 'from fastapi import APIRouter\nrouter = APIRouter()\n@router.get("/a")\ndef a(): ...\n' });
  after(workspace.cleanup);

  it('readies with one round of nothing, none once a change is gathered', async () => {
    const asked: (readonly string[])[] = [];
    const analysis = { update: (_host: unknown, changed: readonly string[]) => (asked.push(changed), Promise.resolve(analysis)) } as unknown as Analysis;
    const warm = new WarmWorker();
    try {
      await readyForUpdates(analysis, {}, warm);
      assert.deepEqual(asked, [[]]);
      asked.length = 0;
      await readyForUpdates(analysis, {}, warm, () => true);
      assert.deepEqual(asked, []);
    } finally {
      warm.dispose();
    }
  });

  it('readies its thread once per language while the user types on, and again once disposed', () => {
    const warm = new WarmWorker();
    try {
      const spied = () => {
        const analyzer = warm.take({});
        warm.release();
        const warmed: string[] = [];
        analyzer.warmUp = (task) => void warmed.push(task.path);
        return warmed;
      };
      const task = (path: string, language: FileTask['language']): FileTask => ({ path, absolutePath: join(workspace.root, path), language, maxFileSizeBytes: 1024 });
      let warmed = spied();
      for (const path of ['app/api.py', 'app/api.py', 'app/other.py']) warm.prepare({}, task(path, 'python'));
      warm.prepare({}, task('web/app.ts', 'typescript'));
      assert.deepEqual(warmed, ['app/api.py', 'web/app.ts']);
      warm.dispose();
      warmed = spied();
      warm.prepare({}, task('app/api.py', 'python'));
      assert.deepEqual(warmed, ['app/api.py'], 'a new thread is readied again');
    } finally {
      warm.dispose();
    }
  });

  it('serves edit after edit with one thread, started once, and ends when disposed', async () => {
    const warm = new WarmWorker();
    try {
      let analysis = await analyzeFolder(workspace.root, { threads: 1 });
      // Readied as the server does after a full analysis: the updates that follow are unchanged by it.
      await readyForUpdates(analysis, {}, warm);
      const first = warm.take({});
      warm.release();
      for (const route of ['b', 'c']) {
        writeFileSync(join(workspace.root, 'app', 'api.py'), `${readFileSync(join(workspace.root, 'app', 'api.py'), 'utf8')}@router.get("/${route}")\ndef ${route}(): ...\n`);
        analysis = await updateFolder(analysis, [join(workspace.root, 'app', 'api.py')], {}, warm);
      }
      assert.deepEqual(analysis.result.routes.map((route) => route.path), ['/a', '/b', '/c']);
      // Readied with a file that is gone by the update: the thread still serves it.
      warm.prepare({}, { path: 'app/gone.py', absolutePath: join(workspace.root, 'app', 'gone.py'), language: 'python', maxFileSizeBytes: 1024 });
      writeFileSync(join(workspace.root, 'app', 'api.py'), `${readFileSync(join(workspace.root, 'app', 'api.py'), 'utf8')}@router.get("/d")\ndef d(): ...\n`);
      analysis = await updateFolder(analysis, [join(workspace.root, 'app', 'api.py')], {}, warm);
      assert.deepEqual(analysis.result.routes.map((route) => route.path), ['/a', '/b', '/c', '/d']);
      assert.equal(warm.take({}), first, 'the same worker served every edit');
      warm.release();
      warm.dispose();
      assert.notEqual(warm.take({}), first, 'a disposed worker is not reused');
      warm.release();
    } finally {
      warm.dispose();
    }
  });
});

describe('facts from the worker threads', () => {
  const workspace = tempWorkspace({ 'a.py': 'class A:\n    def f(self): ...\n', 'b.py': 'from a import A\n\nclass B(A):\n    def g(self):\n        return self.f()\n' });
  after(workspace.cleanup);

  it('share one frozen empty list for what a symbol lacks (no bases, no decorators, no calls), and keep the others', async () => {
    const analyzer = new WorkerAnalyzer({ threads: 1 });
    try {
      const task = (path: string): FileTask => ({ path, absolutePath: join(workspace.root, path), language: 'python', maxFileSizeBytes: 1024 });
      const [a, b] = await Promise.all([analyzer.analyze(task('a.py')), analyzer.analyze(task('b.py'))]);
      const [classA, methodF] = a.symbols;
      const [classB, methodG] = b.symbols;
      assert.ok(classA && methodF && classB && methodG);
      assert.equal(classA.bases, methodF.bases);
      assert.equal(classA.decorators, classB.decorators);
      assert.equal(methodF.calls, a.findings);
      assert.ok(Object.isFrozen(classA.bases));
      assert.deepEqual(classB.bases, ['A']);
      assert.deepEqual(methodG.calls?.map((call) => call.callee), ['self.f']);
    } finally {
      await analyzer.dispose();
    }
  });

  it('come from threads that can start before any file is asked for (a run with nothing cached starts them while the files are found)', async () => {
    // A worker thread is a message port in this process's handles.
    const threadsRunning = () => process.getActiveResourcesInfo().filter((resource) => resource === 'MessagePort').length;
    const before = threadsRunning();
    const analyzer = new WorkerAnalyzer({ threads: 2 });
    try {
      assert.equal(threadsRunning(), before, 'no thread until asked');
      analyzer.start();
      for (let waited = 0; threadsRunning() < before + 2 && waited < 100; waited++) await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(threadsRunning(), before + 2, 'both threads started, no file asked for');
      const task = (path: string): FileTask => ({ path, absolutePath: join(workspace.root, path), language: 'python', maxFileSizeBytes: 1024 });
      assert.deepEqual((await analyzer.analyze(task('b.py'))).symbols.map((symbol) => symbol.name), ['B', 'B.g']);
    } finally {
      await analyzer.dispose();
    }
  });
});

describe('the facts cache', () => {
  const workspace = tempWorkspace({ 'a.py': 'def a(): ...\n', 'b.py': 'def b(): ...\n' });
  after(workspace.cleanup);

  it('is left alone by updates: an edit costs its own file, not a read and a write of the whole cache', async () => {
    const edited = tempWorkspace({ 'a.py': 'def a(): ...\n', 'cache/.keep': '' });
    try {
      const cacheFile = join(edited.root, 'cache', 'facts.json');
      const analysis = await analyzeFolder(edited.root, { threads: 1, cacheFile });
      const written = readFileSync(cacheFile, 'utf8');
      writeFileSync(join(edited.root, 'a.py'), 'def a(): ...\ndef b(): ...\n');
      const updated = await updateFolder(analysis, [join(edited.root, 'a.py')], { cacheFile });
      assert.deepEqual(updated.definitionsIn('a.py').map((definition) => definition.name), ['a', 'b']);
      assert.equal(readFileSync(cacheFile, 'utf8'), written);
    } finally {
      edited.cleanup();
    }
  });

  it('that cannot be written leaves the analysis whole, told once, and never hangs', { timeout: 30_000 }, async () => {
    // Under a file (ENOTDIR), and where a parent exists but nothing can be made (/proc: Node's recursive mkdir never returns there).
    for (const cacheFile of [join(workspace.root, 'a.py', 'cache', 'facts.json'), ...(existsSync('/proc/self') ? ['/proc/archtrace-test/facts.json'] : [])]) {
      const warnings: string[] = [];
      const { result } = await analyzeFolder(workspace.root, { threads: 1, cacheFile, onWarning: (message) => warnings.push(message) });
      assert.deepEqual(result.files.map((file) => file.path), ['a.py', 'b.py'], cacheFile);
      assert.equal(warnings.length, 1, warnings.join('\n'));
      assert.match(warnings[0] ?? '', /cannot be written \((ENOTDIR|ENOENT)\): the next run starts cold/);
    }
  });

  it("keeps nothing of its run's host: the facts cache and the worker pool go with the run", async () => {
    const cacheFile = join(workspace.root, '..', `held-${Date.now()}.json`);
    // Made in a function of its own, so that only the analysis and the weak references outlive it.
    const run = async () => {
      const analyzer = new WorkerAnalyzer({ threads: 1 });
      const cache = await FileFactsCache.open(cacheFile, undefined, 'test-version');
      const analysis = await analyzeWorkspace(workspace.root, { fs: nodeFs, analyzer, knowledge: builtinKnowledge(), concurrency: 1, cache });
      await analyzer.dispose();
      return { analysis, cache: new WeakRef(cache), analyzer: new WeakRef(analyzer) };
    };
    try {
      const { analysis, cache, analyzer } = await run();
      await new Promise((resolve) => setImmediate(resolve)); // weak references made in this turn hold their targets until it ends
      collectGarbage();
      assert.equal(cache.deref(), undefined, 'the facts cache (a map of every file) is held');
      assert.equal(analyzer.deref(), undefined, 'the worker pool is held');
      assert.deepEqual(analysis.result.files.map((file) => file.path), ['a.py', 'b.py']);
    } finally {
      rmSync(cacheFile, { force: true });
      rmSync(cacheFile.replace(/\.json$/, '.result.json'), { force: true });
    }
  });

  async function countingRun(cacheFile: string) {
    const scanned: string[] = [];
    const analyzer = new WorkerAnalyzer({ threads: 1 });
    const cache = await FileFactsCache.open(cacheFile, undefined, 'test-version');
    const host = {
      fs: nodeFs,
      analyzer: { analyze: (task: FileTask) => (scanned.push(task.path), analyzer.analyze(task)), dispose: () => analyzer.dispose() },
      knowledge: builtinKnowledge(),
      concurrency: 2,
      cache,
    };
    try {
      const { result } = await analyzeWorkspace(workspace.root, host);
      return { scanned: scanned.sort(), files: result.files.map((file) => file.path) };
    } finally {
      await analyzer.dispose();
    }
  }

  it('parses on a warm start only what changed, and survives a corrupt cache file with a cold run', async () => {
    const cacheFile = join(workspace.root, '..', `cache-${Date.now()}.json`);
    assert.deepEqual((await countingRun(cacheFile)).scanned, ['a.py', 'b.py']);
    assert.deepEqual((await countingRun(cacheFile)).scanned, []);
    writeFileSync(join(workspace.root, 'b.py'), 'def b2(): ...\n');
    assert.deepEqual((await countingRun(cacheFile)).scanned, ['b.py']);
    // Touched, content unchanged: hashed again, found the same, not parsed.
    utimesSync(join(workspace.root, 'a.py'), new Date(), new Date(Date.now() + 5000));
    assert.deepEqual((await countingRun(cacheFile)).scanned, []);
    // Same size, same modification time, other content: taken as unchanged, as git and make take it.
    const second = Math.floor(Date.now() / 1000) - 60;
    utimesSync(join(workspace.root, 'b.py'), second, second);
    assert.deepEqual((await countingRun(cacheFile)).scanned, []);
    writeFileSync(join(workspace.root, 'b.py'), 'def b3(): ...\n');
    utimesSync(join(workspace.root, 'b.py'), second, second);
    assert.deepEqual((await countingRun(cacheFile)).scanned, []);
    // Any other time: hashed, and parsed since the content differs.
    utimesSync(join(workspace.root, 'b.py'), new Date(), new Date(Date.now() + 9000));
    assert.deepEqual((await countingRun(cacheFile)).scanned, ['b.py']);
    writeFileSync(cacheFile, '{"version": "test-version", "entries": {"a.py": ');
    const afterCorruption = await countingRun(cacheFile);
    assert.deepEqual(afterCorruption.scanned, ['a.py', 'b.py']);
    assert.deepEqual(afterCorruption.files, ['a.py', 'b.py']);
    const otherVersion = await FileFactsCache.open(cacheFile, undefined, 'another-version');
    assert.equal(otherVersion.get('a.py', (await otherVersion.fingerprint(join(workspace.root, 'a.py'), 'a.py', DEFAULT_MAX_FILE_SIZE_BYTES)) ?? ''), undefined);
    rmSync(cacheFile, { force: true });
  });
});

describe('the result kept with the facts cache', () => {
  const workspace = tempWorkspace({
    'app/models.py': 'class Base:\n    def save(self): ...\n\nclass Order(Base):\n    def pay(self):\n        self.save()\n',
    'app/api.py': 'from fastapi import APIRouter\nfrom app.models import Order\nrouter = APIRouter()\n\n@router.post("/orders")\ndef create():\n    Order().pay()\n',
    'package.json': '{"name": "shop", "private": true}',
  });
  after(workspace.cleanup);
  const comparable = (analysis: Analysis) =>
    JSON.stringify({ ...analysis.result, traces: analysis.result.routes.map((route) => analysis.trace(`${route.method} ${route.path}`)), definitions: analysis.definitionsIn('app/models.py') });
  const fresh = async () => comparable(await analyzeFolder(workspace.root, { threads: 1 }));

  it('is what a start where nothing changed gives, traces and definitions alike; any change of its inputs makes it again', async () => {
    const cacheFile = join(workspace.root, '..', `kept-${Date.now()}.json`);
    const resultFile = cacheFile.replace(/\.json$/, '.result.json');
    try {
      const cold = await analyzeFolder(workspace.root, { threads: 1, cacheFile });
      assert.equal(comparable(await analyzeFolder(workspace.root, { threads: 1, cacheFile })), comparable(cold));
      // Taken as kept: a result changed on disk comes back as it is…
      const real = cold.result.kind.kind;
      const marker = real === 'library' ? 'service' : 'library';
      const [header = '', body = ''] = readFileSync(resultFile, 'utf8').split(/\n(.*)/s);
      const plant = () => writeFileSync(resultFile, `${header}\n${body.replace(`"kind":"${real}"`, `"kind":"${marker}"`)}`);
      plant();
      assert.equal((await analyzeFolder(workspace.root, { threads: 1, cacheFile })).result.kind.kind, marker);
      // …until something it is made from changes: options, configuration files, sources.
      assert.notEqual((await analyzeFolder(workspace.root, { threads: 1, cacheFile, layerViolations: 'on' })).result.kind.kind, marker);
      plant();
      writeFileSync(join(workspace.root, 'package.json'), '{"name": "shop", "private": true, "dependencies": {"express": "*"}}');
      assert.equal(comparable(await analyzeFolder(workspace.root, { threads: 1, cacheFile })), await fresh());
      plant();
      writeFileSync(join(workspace.root, 'app', 'api.py'), `${readFileSync(join(workspace.root, 'app', 'api.py'), 'utf8')}\n@router.get("/orders")\ndef list_orders(): ...\n`);
      assert.equal(comparable(await analyzeFolder(workspace.root, { threads: 1, cacheFile })), await fresh());
      // A kept result cut short (a disk full, a crash outside the atomic write) is made again.
      writeFileSync(resultFile, `${header}\n${body.slice(0, body.length / 2)}`);
      assert.equal(comparable(await analyzeFolder(workspace.root, { threads: 1, cacheFile })), await fresh());
      // An update of a kept result works from the files' facts, as any update does.
      const kept = await analyzeFolder(workspace.root, { threads: 1, cacheFile });
      writeFileSync(join(workspace.root, 'app', 'models.py'), 'class Order:\n    def pay(self): ...\n');
      const updated = await updateFolder(kept, [join(workspace.root, 'app', 'models.py')], { threads: 1 });
      assert.equal(comparable(updated), await fresh());
      // The kept result says what its kind was made from: an edit that changes none of it keeps the kind as it was.
      await analyzeFolder(workspace.root, { threads: 1, cacheFile });
      const again = await analyzeFolder(workspace.root, { threads: 1, cacheFile });
      writeFileSync(join(workspace.root, 'app', 'models.py'), 'class Order:\n    def pay(self):\n        return 1\n');
      assert.equal((await updateFolder(again, [join(workspace.root, 'app', 'models.py')], { threads: 1 })).result.kind, again.result.kind);
    } finally {
      rmSync(cacheFile, { force: true });
      rmSync(resultFile, { force: true });
    }
  });
});

describe('cancelling an analysis', () => {
  const files: Record<string, string> = {};
  for (let index = 0; index < 400; index++) files[`pkg/m${index}.py`] = `def f${index}(x):\n    return x + ${index}\n`;
  const workspace = tempWorkspace(files);
  after(workspace.cleanup);

  it('stops the workers and rejects with an AbortError once the signal fires mid-parse', async () => {
    const controller = new AbortController();
    let parsed = 0;
    const run = analyzeFolder(workspace.root, {
      threads: 2,
      signal: controller.signal,
      onProgress: ({ phase, done }) => {
        if (phase === 'parse' && done > 0 && ++parsed === 5) controller.abort();
      },
    });
    await assert.rejects(run, (error: unknown) => error instanceof Error && error.name === 'AbortError');
    assert.ok(parsed < 400, `stopped after ${parsed} of 400 files`);
  });
});
