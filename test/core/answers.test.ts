import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { phraseText } from '../../src/core/answers/phrases';
import type { Analysis } from '../../src/core/analyze';
import { buildChecklist } from '../../src/core/checklist/checklist';
import { renderStudyGuide } from '../../src/core/render/report';
import { ChecklistProgress } from '../../src/core/checklist/progress';
import type { Answer } from '../../src/core/result';
import { statusOf } from '../../src/core/resolve/errorStatus';
import { analyzeFolder } from '../../src/node/analyzeFolder';
import { answerState } from '../accuracy/answerRates';
import { ROOT, SAMPLE, factsOf, tempWorkspace, workspaceAnswers } from '../helpers';

const fixture = (name: string) => join(ROOT, 'test', 'fixtures', name);

/** Each expected fact is among the facts, the facts shown when one is not. */
function assertIncludesAll(facts: readonly string[], expected: readonly string[]): void {
  for (const line of expected) assert.ok(facts.includes(line), `${line}\n---\n${facts.join('\n')}`);
}

/** Every location an answer gives is a line of a file of the workspace. */
function assertLocated(root: string, answers: readonly Answer[]): void {
  const lines = new Map<string, number>();
  for (const answer of answers) {
    for (const part of answer.parts) {
      for (const location of [...part.facts.map((fact) => fact.location), ...(part.gap?.readAt ? [part.gap.readAt] : []), ...(part.table?.rows.map((row) => row.location) ?? [])]) {
        let count = lines.get(location.path);
        if (count === undefined) lines.set(location.path, (count = readFileSync(join(root, location.path), 'utf8').split('\n').length));
        assert.ok(location.line >= 0 && location.line < count, `${answer.item}: ${location.path}:${location.line + 1} is past the file's end`);
      }
    }
  }
}

/** The state of each self-test answer on each fixture, as reviewed: answered (facts for every part), partly (some part found nothing), not. An absence the whole code was searched for (no saga, no two-phase commit) answers its question. */
const EXPECTED_STATES: Record<string, string[]> = {
  sample: ['service.draw-flow partly', 'service.invariants answered', 'service.idempotent answered', 'service.transactional answered', 'service.errors partly', 'service.consistency partly', 'service.async answered'],
  allocation: ['service.draw-flow partly', 'service.invariants answered', 'service.idempotent answered', 'service.transactional answered', 'service.errors partly', 'service.consistency partly', 'service.async partly'],
  microweb: ['framework.route-params answered', 'framework.route-precedence answered', 'framework.precondition answered', 'framework.middleware-order answered', 'framework.why-middleware answered', 'framework.orm-sql answered', 'framework.n-plus-one answered', 'framework.extend answered'],
  cachelib: ['library.mandatory-methods answered', 'library.trade-offs answered', 'library.performance answered', 'library.edge-cases answered', 'library.new-implementation answered'],
  'express-api': ['service.draw-flow answered', 'service.invariants partly', 'service.idempotent partly', 'service.transactional not', 'service.errors partly', 'service.consistency partly', 'service.async partly'],
  'nest-cqrs': ['service.draw-flow partly', 'service.invariants answered', 'service.idempotent partly', 'service.transactional not', 'service.errors partly', 'service.consistency partly', 'service.async partly'],
};

describe("the checklist's answers", () => {
  const analyses = new Map<string, Analysis>();
  const answersOf = (name: string) => (analyses.get(name) as Analysis).answers();
  const answerOf = (name: string, item: string) => answersOf(name).find((answer) => answer.item === item);
  before(async () => {
    for (const [name, root] of [['sample', SAMPLE], ['allocation', fixture('allocation')], ['microweb', fixture('microweb')], ['cachelib', fixture('cachelib')], ['nest-cqrs', fixture('nest-cqrs')], ['express-api', fixture('express-api')]] as const) {
      analyses.set(name, await analyzeFolder(root, { threads: 1 }));
    }
  });

  it('answer every self-test question of the kind, each part with facts or a line saying where to read, every location a line of the workspace', () => {
    for (const [name, analysis] of analyses) {
      const answers = analysis.answers();
      assertLocated(analysis.result.root, answers);
      for (const item of buildChecklist(analysis.result, answers).filter((entry) => entry.section === 'self-test')) {
        assert.ok(item.answer?.parts.length, `${name}: ${item.id} has no answer`);
        for (const part of item.answer.parts) assert.ok(part.facts.length || part.table || part.gap, `${name}: ${item.id}: '${phraseText(part.topic)}' says nothing`);
      }
    }
  });

  it("tell the sample service's domain rules, where each error becomes a status, and where the commit is", () => {
    const invariants = factsOf(answerOf('sample', 'service.invariants'));
    assert.ok(invariants.includes('`Order.create` refuses when `not items`: `InvalidOrderError("an order needs at least one item")` — app/domain/models/order.py:41'), invariants.join('\n'));
    assert.ok(invariants.includes('`Order.mark_paid` refuses when `self.status is not OrderStatus.PENDING`: `InvalidOrderError("only pending orders can be paid")` — app/domain/models/order.py:50'), invariants.join('\n'));
    const errors = factsOf(answerOf('sample', 'service.errors'));
    assert.ok(errors.includes('`POST /orders`: `OutOfStockError` raised in `OrderService.create_order` becomes 409 (`HTTPException`) — app/application/services/order_service.py:34'), errors.join('\n'));
    assert.ok(errors.includes('`GET /orders/{order_id}` answers 404 when `order is None` (`HTTPException`) — app/api/routes/orders.py:38'), errors.join('\n'));
    const transactions = factsOf(answerOf('sample', 'service.transactional'));
    assert.ok(transactions.includes('`SqlOrderRepository.save` commits: `self.session.commit()` — app/infrastructure/persistence/order_repository.py:26'), transactions.join('\n'));
  });

  it("tell each layer's job with the folders of the sample service that play it, and the guide's reason at an import that goes against the layers", () => {
    const drawn = factsOf(answerOf('sample', 'service.draw-flow'));
    assert.ok(drawn.includes('API: receives the request, gets what the handler needs and calls the application. Here 5 files, mostly in `app/api/`, `app/api/routes/`, `app/`; they declare 3 route — app/api/routes/orders.py:22'), drawn.join('\n'));
    assert.ok(drawn.some((line) => line.startsWith('Domain: enforces the business rules') && line.includes('`app/domain/`')), drawn.join('\n'));
    assert.ok(drawn.some((line) => line.startsWith('Infrastructure: talks to the outside') && line.includes('`app/infrastructure/persistence/`')), drawn.join('\n'));
    assert.ok(drawn.includes("`app/domain/events.py` (domain) imports `event_bus`: The domain depends on the infrastructure; the dependency should point the other way (the infrastructure implements the domain's interfaces). — app/domain/events.py:3"), drawn.join('\n'));
  });

  it('tell how a handler is reached through a handler table and a message bus, and the data model of imperatively mapped tables', () => {
    const dependencies = factsOf(answerOf('allocation', 'service.draw-flow'));
    assert.ok(dependencies.some((fact) => fact.startsWith('`allocate` is reached through the handler table `COMMAND_HANDLERS`')), dependencies.join('\n'));
    assert.ok(dependencies.some((fact) => fact.startsWith('`publish` is injected into the handler by `bootstrap`')), dependencies.join('\n'));
    const cqrs = factsOf(answerOf('nest-cqrs', 'service.draw-flow'));
    assert.ok(cqrs.some((fact) => fact.startsWith('`CreateUserHandler.execute` is reached through the message bus `@nestjs/cqrs.CommandBus.execute`')), cqrs.join('\n'));
    const rules = answerOf('nest-cqrs', 'service.invariants');
    assert.equal(rules?.parts[0] && phraseText(rules.parts[0].topic), 'Rules the services enforce, the domain layer guarding none: where they refuse');
    assert.ok(factsOf(rules).includes('`CreateUserHandler.execute` refuses when `!command.email.includes(\'@\')`: `BadRequestException("an email needs an @")` — src/users/create-user.handler.ts:9'), factsOf(rules).join('\n'));
    const container = factsOf(answerOf('express-api', 'service.draw-flow'));
    assert.ok(container.includes('`inline function (line 21)` takes its services from the dependency-injection container by class or name: `typedi.Container.get` — src/api/routes/sessions.ts:22'), container.join('\n'));
    const model = factsOf(answersOf('allocation').find((answer) => answer.item === 'service.data-model'));
    assert.ok(model.some((fact) => /^`batches` \(table `batches`\): 5 columns/.test(fact) && fact.endsWith('src/allocation/adapters/orm.py:25')), model.join('\n'));
    assert.ok(model.some((fact) => fact.startsWith('`warehouses` (table `warehouses`)') && fact.endsWith('alembic/versions/001_initial.py:14')), model.join('\n'));
  });

  it("tell a framework's registering decorators apart from its wrapping ones, and a library's contract method by method", () => {
    const extend = answerOf('microweb', 'framework.extend');
    const topics = (extend?.parts ?? []).map((part) => [phraseText(part.topic), part.facts.map((fact) => phraseText(fact).split(' ')[0])]);
    const registering = topics.find(([topic]) => String(topic).startsWith('Decorators that register'))?.[1] ?? [];
    const wrapping = topics.find(([topic]) => String(topic).startsWith('Decorators that wrap'))?.[1] ?? [];
    assert.ok(registering.includes('`App.route`') && registering.includes('`App.before_request`'), JSON.stringify(topics));
    assert.ok(!wrapping.includes('`App.route`'), 'a registering decorator is told once, as registering');
    assert.ok(factsOf(extend).includes('`App.get` registers the function it decorates through `App.route`, which is all it calls — microweb/app.py:22'), factsOf(extend).join('\n'));
    assert.ok(!wrapping.includes('`App.get`'), 'a shortcut to a registering decorator wraps nothing');
    const precondition = factsOf(answerOf('microweb', 'framework.precondition'));
    assert.ok(precondition.includes('Each of `self.before_request_hooks` is called as `early = hook(request)` — microweb/app.py:46'), precondition.join('\n'));
    assert.ok(factsOf(extend).includes('`App.post` registers the function it decorates through `App.route`, which is all it calls — microweb/app.py:26'), factsOf(extend).join('\n'));
    const order = factsOf(answerOf('microweb', 'framework.middleware-order'));
    assert.ok(order.includes('`App.handle` runs the request hooks `self.before_request_hooks` in the order they were registered — microweb/app.py:45'), order.join('\n'));
    assert.ok(order.includes('A hook of `self.before_request_hooks` can stop the request: `App.handle` stops at the first that returns a value — microweb/app.py:48'), order.join('\n'));
    assert.ok(order.includes('Each of `self.before_request_hooks` is called as `early = hook(request)` — microweb/app.py:46'), order.join('\n'));
    assert.ok(order.includes('Each of `self.middleware` is called as `early = middleware.process_request(request)` — microweb/app.py:50'), order.join('\n'));
    const precedence = factsOf(answerOf('microweb', 'framework.route-precedence'));
    assert.ok(!precedence.some((line) => line.includes('first registered route')), precedence.join('\n'));
    const orm = factsOf(answerOf('microweb', 'framework.orm-sql'));
    assert.deepEqual(orm, ['The code ships no ORM: no model class, no file in the ORM layer (by folder or database import) and no query compiler; pyproject.toml declares no run-time dependency — pyproject.toml:1']);
    const mandatory = answerOf('cachelib', 'library.mandatory-methods');
    const table = mandatory?.parts.find((part) => part.table)?.table;
    assert.ok(table && table.rows.length >= 2 && table.methods.length >= 2, JSON.stringify(mandatory));
  });

  it('tell what a library or a framework is for and its peers, where its tutorial is and how its API is called, and how to contribute, each where a file of the repository says so', () => {
    const factsOfPart = (name: string, item: string, topic: string) => factsOf({ item, parts: (answerOf(name, item)?.parts ?? []).filter((part) => phraseText(part.topic) === topic) });
    const gapOf = (name: string, item: string, topic: string) => {
      const part = answerOf(name, item)?.parts.find((candidate) => phraseText(candidate.topic) === topic);
      return part?.gap ? `${phraseText(part.gap)} — ${part.gap.readAt?.path ?? ''}` : undefined;
    };
    assert.deepEqual(factsOfPart('cachelib', 'library.problem', 'What the project says it is for'), [
      '`pyproject.toml` describes it: "One async cache interface, several backends" — pyproject.toml:4',
      '`pyproject.toml` classifies it: Framework :: AsyncIO — pyproject.toml:6',
      '`README.md` opens: "An async cache with one interface and several backends: `MemoryCache` (fastest, one process) and `RedisCache` (shared). Benchmarks in `benchmarks/`: p50/p99 latency of get and set per backend." — README.md:5',
    ]);
    assert.deepEqual(factsOfPart('cachelib', 'library.problem', 'Other projects it names as a model or a comparison'), [
      '`README.md` names diskcache: "Its `ttl` works as in [diskcache](https://pypi.org/project/diskcache/): compared to `diskcache`, it keeps nothing on disk." — README.md:17',
      '`benchmarks/compare_diskcache.py` runs the benchmark on `diskcache`, not on this project — benchmarks/compare_diskcache.py:3',
    ]);
    assert.deepEqual(factsOfPart('microweb', 'framework.problem', 'Other projects it names as a model or a comparison'), ['`README.md` names Flask, Starlette: "Its routing is inspired by Flask, its middleware similar to Starlette\'s." — README.md:5']);
    assert.deepEqual(factsOfPart('microweb', 'framework.tutorial', 'Where the tutorial is'), ['`docs/tutorial.md`: "Tutorial" — docs/tutorial.md:1', '`README.md`, section "Quickstart" — README.md:7']);
    assert.deepEqual(factsOfPart('microweb', 'framework.tutorial', 'The basic API, as the README, the tutorial and the examples call it'), [
      '`app = App()` — README.md:12',
      '`@app.route("/")` — README.md:15',
      '`return Response(f"hello {name}")` — examples/hello.py:9',
      '`@app.get("/users/{id}")` — examples/hello.py:12',
    ]);
    assert.deepEqual(factsOfPart('cachelib', 'library.tutorial', 'The basic API, as the README, the tutorial and the examples call it'), [
      '`cache = RedisCache(client) # Or MemcachedCache, MemoryCache` names `MemcachedCache`, which the code does not define — README.md:13',
      '`await cache.set("key", "value", ttl=10)` — README.md:14',
      '`cache = MemoryCache()` — examples/basic.py:7',
      '`print(await cache.get("a"))` — examples/basic.py:9',
    ]);
    assert.deepEqual(factsOfPart('microweb', 'framework.contribute', 'Test and lint commands the repository declares'), [
      '`tox` runs `pytest tests` — tox.ini:4',
      '`tox -e flake8` runs `flake8 microweb tests` — tox.ini:10',
      '`.github/workflows/tests.yml` runs `tox -e py` — .github/workflows/tests.yml:9',
    ]);
    assert.deepEqual(factsOfPart('cachelib', 'library.contribute', 'Test and lint commands the repository declares'), [
      '`make test` runs `pytest tests` — Makefile:1',
      '`make lint` runs `ruff check cachelib tests` — Makefile:4',
      '`.github/workflows/ci.yml` runs `make lint` — .github/workflows/ci.yml:14',
      '`.github/workflows/ci.yml` runs `make test` — .github/workflows/ci.yml:15',
    ]);
    assert.deepEqual(factsOfPart('cachelib', 'library.contribute', 'Services the tests need'), ['`.github/workflows/ci.yml` declares the service `redis` (`redis:7`) — .github/workflows/ci.yml:7']);
    assert.equal(gapOf('microweb', 'framework.contribute', 'Services the tests need'), 'No compose file or CI job declares a service for the tests; read README.md — README.md');
    assert.deepEqual(factsOfPart('microweb', 'framework.contribute', 'Contributing guide and changelog'), [
      '`CONTRIBUTING.md`, sections: Contributing to microweb; Running the tests; Code style — CONTRIBUTING.md:1',
      '`CONTRIBUTING.md` says to run `tox` — CONTRIBUTING.md:5',
      '`CONTRIBUTING.md` says to run `tox -e flake8` — CONTRIBUTING.md:9',
      '`CHANGES.md` is the changelog; its latest entry: "0.3.0 - 2026-11-02" — CHANGES.md:3',
    ]);
    assert.equal(gapOf('cachelib', 'library.contribute', 'Contributing guide and changelog'), 'No CONTRIBUTING file and no changelog; read README.md — README.md');
    const analysis = analyses.get('microweb') as Analysis;
    const guide = renderStudyGuide(analysis.result, buildChecklist(analysis.result, analysis.answers()), ChecklistProgress.empty());
    const question = guide.indexOf('Contribute: a bug fix');
    assert.ok(question > 0 && guide.indexOf('(tox.ini#L10)') > question, 'the tox environment is linked under its question');
  });

  it("tell what a library's interface adds around its methods, the default of its timeout, what its handlers do on a failure, and no standard module as a dependency", () => {
    const design = factsOf(answerOf('cachelib', 'library.interface'));
    assert.ok(design.includes('`with_timeout` decorates 1 methods of `BaseCache` (get_or_set); it calls `asyncio.wait_for` — cachelib/base.py:7'), design.join('\n'));
    assert.ok(design.includes('`with_plugins` calls each of `self.plugins` as `await getattr(plugin, "pre_" + func.__name__)(self, *args)` — cachelib/base.py:23'), design.join('\n'));
    const failures = factsOf(answerOf('cachelib', 'library.edge-cases'));
    assert.ok(failures.includes('`RedisCache.get` catches `ConnectionError`, then: `logger.warning(…); return None` — cachelib/backends/redis.py:15'), failures.join('\n'));
    assert.ok(failures.includes('`with_timeout` decorates 1 methods of `BaseCache` (get_or_set); it calls `asyncio.wait_for` — cachelib/base.py:7'), failures.join('\n'));
    assert.ok(failures.includes('The timeout defaults to `5`: `BaseCache.timeout = 5` — cachelib/base.py:44'), failures.join('\n'));
    assert.ok(design.includes('The timeout defaults to `5`: `BaseCache.timeout = 5` — cachelib/base.py:44'), design.join('\n'));
    const tradeOffs = factsOf(answerOf('cachelib', 'library.trade-offs'));
    assert.ok(!tradeOffs.some((line) => /imports `(logging|asyncio)`/.test(line)), tradeOffs.join('\n'));
  });

  it('say that the user instantiates an implementation, where the package exports it, when only a list of implementations exists and no code chooses one', () => {
    const parts = answerOf('cachelib', 'library.new-implementation')?.parts ?? [];
    assert.ok(!parts.some((part) => phraseText(part.topic).includes('chosen at run time')), parts.map((part) => phraseText(part.topic)).join('\n'));
    const direct = factsOf({ item: 'library.new-implementation', parts: parts.filter((part) => phraseText(part.topic) === 'How a user gets an implementation of `BaseCache`') });
    assert.deepEqual(direct, [
      'No registry, factory or entry point chooses an implementation (looked for: tables by name or scheme, registries a metaclass, `__init_subclass__` or a decorator fills, functions making one of several, entry points): the user instantiates the class directly (`MemoryCache(…)`), as `cachelib/__init__.py` exports it — cachelib/__init__.py:2',
      '`_CACHES` lists the implementations: MemoryCache, RedisCache — cachelib/__init__.py:5',
    ]);
  });

  it('are in the study guide under their questions, each fact linked to its line', () => {
    const analysis = analyses.get('sample') as Analysis;
    const items = buildChecklist(analysis.result, analysis.answers());
    const guide = renderStudyGuide(analysis.result, items, ChecklistProgress.empty());
    const question = guide.indexOf('Which invariants does the domain enforce');
    const rule = guide.indexOf('(app/domain/models/order.py#L41)');
    assert.ok(question > 0 && rule > question, 'the rule is linked under its question');
  });

  it('answer on each fixture what its code says, question by question (a dropped answer fails)', () => {
    const measured = Object.fromEntries(
      [...analyses].map(([name, analysis]) => [name, buildChecklist(analysis.result, analysis.answers()).filter((item) => item.section === 'self-test' && !item.part).map((item) => `${item.id} ${answerState(item.answer).state}`)]),
    );
    assert.deepEqual(measured, EXPECTED_STATES);
  });
});

describe("the errors answer of a Spring service's @ControllerAdvice", () => {
  it('tells the exception each @ExceptionHandler handles and the status its @ResponseStatus gives', async () => {
    const analysis = await analyzeFolder(fixture('spring-orders'), { threads: 1 });
    const errors = factsOf(analysis.answers().find((answer) => answer.item === 'service.errors'));
    assert.ok(
      errors.some((fact) => /^`OrderNotFoundException` is answered by `RestErrors\.notFound` with 404 — src\/main\/java\/com\/acme\/orders\/web\/RestErrors\.java:12$/.test(fact)),
      errors.join('\n'),
    );
  });

  it("reads a status written by its name in camel case, as Spring's ResponseEntity shortcuts name it, and no other camel-case word", () => {
    assert.equal(statusOf('notFound'), 404);
    assert.equal(statusOf('unprocessableEntity'), 422);
    assert.equal(statusOf('findAll'), undefined);
  });

  it("leaves vendored copies of other projects out of the answers: third_party/ always, libs/ beside the project's src/", async () => {
    const root = mkdtempSync(join(tmpdir(), 'archtrace-vendored-'));
    try {
      cpSync(fixture('microweb'), root, { recursive: true });
      mkdirSync(join(root, 'src'));
      renameSync(join(root, 'microweb'), join(root, 'src', 'microweb'));
      const copied = [
        'import functools',
        '',
        'def expected_failure(test):',
        '    @functools.wraps(test)',
        '    def wrapper(*args):',
        '        try:',
        '            test(*args)',
        '        except AssertionError:',
        '            return None',
        '        raise AssertionError("unexpected success")',
        '',
        '    return wrapper',
        '',
        'class Runner:',
        '    def run(self, request):',
        '        for hook in self.before_request_hooks:',
        '            hook(request)',
      ].join('\n');
      for (const folder of ['libs/testkit', 'third_party/checks']) {
        mkdirSync(join(root, folder), { recursive: true });
        writeFileSync(join(root, folder, 'unittest.py'), copied);
      }
      const analysis = await analyzeFolder(root, { threads: 1 });
      const vendored = ['libs/testkit/unittest.py', 'third_party/checks/unittest.py'];
      assert.deepEqual(analysis.result.files.filter((file) => vendored.includes(file.path)).map((file) => file.layer), ['vendored', 'vendored']);
      const answers = analysis.answers();
      const cited = answers.flatMap((answer) => answer.parts.flatMap((part) => [...part.facts.map((fact) => fact.location.path), ...(part.gap?.readAt ? [part.gap.readAt.path] : [])]));
      assert.deepEqual(cited.filter((path) => vendored.includes(path)), []);
      assert.ok(factsOf(answers.find((answer) => answer.item === 'framework.precondition')).some((line) => line.includes('src/microweb/decorators.py')));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

/** Answers of a small Flask workspace written here, analysed then removed. */
async function answersOfFiles(files: Record<string, string>): Promise<Answer[]> {
  const workspace = tempWorkspace(files);
  try {
    return (await analyzeFolder(workspace.root, { threads: 1 })).answers();
  } finally {
    workspace.cleanup();
  }
}

describe("the answers on a path operation's inputs, response and decorator dependencies", () => {
  const files = {
    Dockerfile: 'FROM python:3.12\n',
    'app/__init__.py': '',
    'app/main.py': 'from fastapi import FastAPI\n\nfrom app.routes import router\n\napp = FastAPI()\napp.include_router(router)\n',
    'app/auth.py': 'from fastapi import Header, HTTPException\n\n\ndef verify_key(x_key: str = Header()):\n    if x_key != "secret":\n        raise HTTPException(status_code=401, detail="bad key")\n',
    'app/routes.py': [
      'from fastapi import APIRouter, Depends',
      'from pydantic import BaseModel',
      '',
      'from app.auth import verify_key',
      '',
      'router = APIRouter()',
      '',
      '',
      'class ItemIn(BaseModel):',
      '    name: str',
      '',
      '',
      'class ItemOut(BaseModel):',
      '    id: int',
      '    name: str',
      '',
      '',
      '@router.post("/items", response_model=ItemOut, status_code=201, dependencies=[Depends(verify_key)])',
      'def create_item(request: ItemIn, tag: str | None = None):',
      '    return {"id": 1, "name": request.name}',
      '',
    ].join('\n'),
  };

  it('tell what the route takes (a body model named request too) and answers with, the dependency its decorator runs first, and the status that dependency raises', async () => {
    const answers = await answersOfFiles(files);
    const of = (item: string) => factsOf(answers.find((answer) => answer.item === item));
    assert.deepEqual(of('service.api-docs').slice(1), [
      '`POST /items` → `create_item`: behind dependencies=[Depends(verify_key)]; takes request: ItemIn, tag: str | None = None; answers with response_model=ItemOut, status_code=201 — app/routes.py:18',
    ]);
    assert.ok(of('service.draw-flow').includes('`create_item` runs `verify_key` first, a dependency of its route decorator (`dependencies=[Depends(verify_key)]`): it can refuse the request before the handler runs — app/routes.py:18'), of('service.draw-flow').join('\n'));
    assert.ok(of('service.errors').includes('`POST /items` answers 401 when `x_key != "secret"` (`HTTPException`) — app/auth.py:6'), of('service.errors').join('\n'));
  });
});

describe('the idempotence answer of a handler that checks the state it sets before it writes', () => {
  const files = {
    'manage.py': 'import os\n',
    'app/__init__.py': '',
    'app/models.py': [
      'from django.db import models',
      '',
      '',
      'class Job(models.Model):',
      '    status = models.CharField(max_length=20, default="new")',
      '',
      '    def record(self, new_status):',
      '        Change(job=self, status=new_status).save()',
      '',
      '',
      'class Change(models.Model):',
      '    job = models.ForeignKey(Job, on_delete=models.CASCADE)',
      '    status = models.CharField(max_length=20)',
      '',
    ].join('\n'),
    'app/views.py': [
      'from django.http import HttpResponse, HttpResponseForbidden',
      'from django.views.decorators.http import require_POST',
      '',
      'from .models import Job',
      '',
      '',
      '@require_POST',
      'def hold(request, pk):',
      '    job: Job = Job.objects.get(pk=pk)',
      '    if job.owner_id != request.user.id:',
      '        return HttpResponseForbidden()',
      '    if job.status == "held":',
      '        return HttpResponse()',
      '    job.record("held")',
      '    return HttpResponse()',
      '',
      '',
      '@require_POST',
      'def touch(request, pk):',
      '    job: Job = Job.objects.get(pk=pk)',
      '    if job.owner_id != request.user.id:',
      '        return HttpResponseForbidden()',
      '    job.record("touched")',
      '    return HttpResponse()',
      '',
    ].join('\n'),
    'app/urls.py': 'from django.urls import path\n\nfrom . import views\n\nurlpatterns = [\n    path("jobs/<int:pk>/hold/", views.hold),\n    path("jobs/<int:pk>/touch/", views.touch),\n]\n',
    'site/__init__.py': '',
    'site/settings.py': 'INSTALLED_APPS = ["app"]\n',
    'site/urls.py': 'from django.urls import include, path\n\nurlpatterns = [path("", include("app.urls"))]\n',
    'site/wsgi.py': 'from django.core.wsgi import get_wsgi_application\n\napplication = get_wsgi_application()\n',
  };

  it('tell a write behind a guard on the state as what makes a repeat safe, and a permission check as no such guard', async () => {
    const answer = (await answersOfFiles(files)).find((item) => item.item === 'service.idempotent');
    const part = (topic: string) => factsOf({ item: '', parts: (answer?.parts ?? []).filter((candidate) => phraseText(candidate.topic) === topic) });
    assert.ok(part('What makes a repeated request safe').includes('`POST /jobs/{pk}/hold/` makes a new `Change` only past a guard on state that returns first when `job.status == "held"` (here): a repeat adds another only if that state does not hold then — app/views.py:13'), JSON.stringify(answer));
    const repeats = part('What repeating each write does');
    assert.ok(repeats.includes('`POST /jobs/{pk}/touch/` can make a new `Change`: a repeat that makes it again adds another — app/models.py:8'), repeats.join('\n'));
    assert.ok(!repeats.some((line) => line.includes('/hold/')), repeats.join('\n'));
  });
});

describe('the errors answer of an exception a caller on the trace catches', () => {
  const files = {
    'app/service.py': [
      'from itsdangerous import SignatureExpired',
      '',
      'class BadChannel(Exception):',
      '    pass',
      '',
      'def update(spec):',
      '    if not spec:',
      '        raise BadChannel("no channel")',
      '',
      'def unsign(token):',
      '    if token == "old":',
      '        raise SignatureExpired("expired")',
      '',
      'def refuse(spec):',
      '    if spec:',
      '        raise BadChannel("refused")',
      '',
      'def relay(spec):',
      '    try:',
      '        update(spec)',
      '    except BadChannel as error:',
      '        print("relaying")',
      '        raise error',
      '',
      'class Store:',
      '    class ReadError(Exception):',
      '        pass',
      '',
      '    def read(self, key):',
      '        if not key:',
      '            raise self.ReadError()',
      '        return key',
      '',
    ].join('\n'),
    'app/api.py': [
      'from flask import Flask, jsonify',
      'from itsdangerous import BadSignature',
      'from app.service import BadChannel, Store, refuse, relay, unsign, update',
      '',
      'app = Flask(__name__)',
      '',
      '@app.route("/checks", methods=["POST"])',
      'def create_check():',
      '    try:',
      '        update("x")',
      '    except BadChannel:',
      '        return jsonify(error="bad channel"), 400',
      '    return jsonify(ok=True), 201',
      '',
      '@app.route("/bounces", methods=["POST"])',
      'def bounces():',
      '    try:',
      '        unsign("t")',
      '    except BadSignature:',
      '        return "OK"',
      '    return "done"',
      '',
      '@app.route("/refusals", methods=["POST"])',
      'def refusals():',
      '    try:',
      '        refuse("x")',
      '    except KeyError:',
      '        return "missing"',
      '    return "done"',
      '',
      '@app.route("/relays", methods=["POST"])',
      'def relays():',
      '    relay("")',
      '    return "done"',
      '',
      '@app.route("/reads", methods=["POST"])',
      'def reads():',
      '    store = Store()',
      '    try:',
      '        store.read("")',
      '    except Store.ReadError:',
      '        return jsonify(error="unavailable"), 503',
      '    return "done"',
      '',
    ].join('\n'),
  };

  it('tells the status the catching caller answers, a possible catch by an outside class it cannot relate, and only an uncaught or raised-again one as reaching the framework', async () => {
    const errors = factsOf((await answersOfFiles(files)).find((answer) => answer.item === 'service.errors'));
    assert.ok(errors.includes('`POST /checks`: `BadChannel` raised in `update` is caught by `create_check`, which answers 400 — app/api.py:12'), errors.join('\n'));
    assert.ok(errors.includes('`POST /bounces`: `SignatureExpired` raised in `unsign` may be caught by `except BadSignature` in `bounces` — app/api.py:19'), errors.join('\n'));
    assert.ok(errors.includes('`POST /refusals`: `BadChannel` raised in `refuse` is not converted to a status on the way: it reaches the framework — app/service.py:16'), errors.join('\n'));
    assert.ok(errors.includes('`POST /relays`: `BadChannel` raised in `update` is not converted to a status on the way: it reaches the framework — app/service.py:8'), errors.join('\n'));
    assert.ok(!errors.some((fact) => /^`POST \/(checks|bounces)`.*is not converted/.test(fact)), errors.join('\n'));
  });

  it('reads an exception a method raises through its own class (`self.ReadError`) as the class attribute callers catch', async () => {
    const errors = factsOf((await answersOfFiles(files)).find((answer) => answer.item === 'service.errors'));
    assert.ok(errors.includes('`POST /reads`: `Store.ReadError` raised in `Store.read` is caught by `reads`, which answers 503 — app/api.py:42'), errors.join('\n'));
    assert.ok(!errors.some((fact) => /^`POST \/reads`.*is not converted/.test(fact)), errors.join('\n'));
  });
});

/** A Django service of the kind that pings monitors: an app named `api`, limits, a row a request writes and a worker claims, browser scripts. */
const MONITORS: Record<string, string> = {
  "manage.py": "import os\nimport sys\n\nif __name__ == \"__main__\":\n    os.environ.setdefault(\"DJANGO_SETTINGS_MODULE\", \"monitors.settings\")\n    from django.core.management import execute_from_command_line\n\n    execute_from_command_line(sys.argv)\n",
  "monitors/__init__.py": "",
  "monitors/api/__init__.py": "",
  "monitors/api/management/__init__.py": "",
  "monitors/api/management/commands/__init__.py": "",
  "monitors/api/management/commands/dispatchalerts.py": "import logging\nfrom concurrent.futures import ThreadPoolExecutor\n\nfrom django.core.management.base import BaseCommand\nfrom django.utils.timezone import now\n\nfrom monitors.api.models import Transition\n\nlogger = logging.getLogger(__name__)\n\n\ndef alert(transition):\n    return f\"alerted {transition.id}\"\n\n\nclass Command(BaseCommand):\n    def on_alert_done(self, future):\n        try:\n            future.result()\n        except Exception as exc:\n            logger.error(\"Exception in alert\", exc_info=exc)\n            raise\n\n    def process_one(self):\n        transition = Transition.objects.filter(handled=None).first()\n        if transition is None:\n            return False\n        q = Transition.objects.filter(id=transition.id, handled=None)\n        if q.update(handled=now()) != 1:\n            return True\n        f = self.executor.submit(alert, transition)\n        f.add_done_callback(self.on_alert_done)\n        return True\n\n    def handle(self, **options):\n        self.shutdown = False\n        self.executor = ThreadPoolExecutor(max_workers=4)\n        while not self.shutdown:\n            self.process_one()\n",
  "monitors/api/models.py": "from django.db import models, transaction\n\n\nclass Account(models.Model):\n    key = models.CharField(max_length=40, unique=True)\n    seat_limit = models.IntegerField(default=20)\n    texts_sent = models.IntegerField(default=0)\n    text_limit = models.IntegerField(default=5)\n\n    def authorize_text(self) -> bool:\n        if self.texts_sent >= self.text_limit:\n            return False\n        self.texts_sent += 1\n        self.save()\n        return True\n\n    def describe(self, kind):\n        if kind == \"short\":\n            return \"s\"\n        assert 0, \"unexpected kind\"\n\n\nclass Monitor(models.Model):\n    account = models.ForeignKey(Account, on_delete=models.CASCADE)\n    slug = models.CharField(max_length=100)\n    status = models.CharField(max_length=6, default=\"new\")\n    n_beats = models.IntegerField(default=0)\n\n    def hook_url(self):\n        assert self.slug is not None\n        return \"/beat/\" + self.slug\n\n    def beat(self, new_status):\n        with transaction.atomic():\n            monitor = Monitor.objects.select_for_update().get(id=self.id)\n            monitor.n_beats = models.F(\"n_beats\") + 1\n            monitor.save()\n            beat = Beat(monitor=monitor, n=monitor.n_beats)\n            beat.save()\n            if monitor.status != new_status:\n                self.add_transition(new_status)\n\n    def add_transition(self, new_status):\n        transition = Transition(monitor=self, new_status=new_status)\n        transition.save()\n\n\nclass Beat(models.Model):\n    monitor = models.ForeignKey(Monitor, on_delete=models.CASCADE)\n    n = models.IntegerField()\n\n\nclass Transition(models.Model):\n    monitor = models.ForeignKey(Monitor, on_delete=models.CASCADE)\n    new_status = models.CharField(max_length=6)\n    handled = models.DateTimeField(null=True, blank=True)\n",
  "monitors/api/urls.py": "from django.urls import path\n\nfrom monitors.api import views\n\nurlpatterns = [path(\"beat/<str:account_key>/<slug:slug>\", views.beat_by_slug)]\n",
  "monitors/api/views.py": "from django.http import HttpResponse, HttpResponseNotFound\n\nfrom monitors.api.models import Account, Monitor\n\n\ndef record(request, monitor: Monitor):\n    monitor.beat(\"up\")\n    return HttpResponse(\"OK\")\n\n\ndef beat_by_slug(request, account_key, slug):\n    try:\n        monitor = Monitor.objects.get(slug=slug, account__key=account_key)\n    except Monitor.DoesNotExist:\n        if request.GET.get(\"create\") != \"1\":\n            return HttpResponseNotFound(\"not found\")\n        account = Account.objects.get(key=account_key)\n        if Monitor.objects.filter(account=account).count() >= account.seat_limit * 2:\n            return HttpResponseNotFound(\"not found\")\n        monitor = Monitor(account=account, slug=slug)\n        monitor.save()\n    return record(request, monitor)\n\n\ndef only_get(f):\n    def wrapper(request, *args, **kwargs):\n        if request.method != \"GET\":\n            return HttpResponse(status=405)\n        return f(request, *args, **kwargs)\n\n    return wrapper\n",
  "monitors/settings.py": "ROOT_URLCONF = \"monitors.urls\"\nINSTALLED_APPS = [\"monitors.api\"]\n",
  "monitors/urls.py": "from django.urls import include, path\n\nurlpatterns = [path(\"\", include(\"monitors.api.urls\"))]\n",
  "static/js/monitors.js": "$(function () {\n    $(\"#add-monitor\").on(\"click\", function () {\n        $(\"#monitor-name\").focus();\n    });\n});\n",
  "static/js/widgets.min.js": "!function(){document.addEventListener(\"click\",function(){})}();\n$(\".x\").on(\"shown\",function(){});\n",
};

describe('the answers of a Django service whose app is named api, with limits and a table a worker polls', () => {
  const { factsOfItem } = workspaceAnswers(MONITORS);

  it("draw the app's models as the domain and leave the browser's scripts out", () => {
    const flow = factsOfItem('service.draw-flow');
    assert.ok(flow.includes('domain: `Monitor.beat` — monitors/api/models.py:33'), flow.join('\n'));
    assert.ok(!flow.some((line) => line.includes('static/js')), flow.join('\n'));
    assert.ok(!factsOfItem('service.async').some((line) => line.includes('static/js')));
  });

  it('tell the limits that refuse as rules, and no assert that only narrows a type or marks an unreachable branch', () => {
    const rules = factsOfItem('service.invariants');
    assert.deepEqual(rules.slice(0, 2), [
      '`Account.authorize_text` refuses when `self.texts_sent >= self.text_limit`: returns `False` — monitors/api/models.py:12',
      '`beat_by_slug` refuses when `Monitor.objects.filter(account=account).count() >= account.seat_limit * 2`: returns `HttpResponseNotFound` — monitors/api/views.py:19',
    ]);
    assert.ok(!rules.some((line) => line.includes('asserts')), rules.join('\n'));
  });

  it('tell the inserts and counters (`+=`, Django\'s `F("n") + 1`) every repeat makes first, and every guard an except clause passes before it makes a row', () => {
    const repeats = factsOfItem('service.idempotent');
    const writes = repeats.filter((line) => line.startsWith('`ANY /beat/'));
    assert.deepEqual(writes.slice(0, 2), [
      '`ANY /beat/{account_key}/{slug}` can make a new `Beat`: a repeat that makes it again adds another — monitors/api/models.py:38',
      '`ANY /beat/{account_key}/{slug}` adds to `monitor.n_beats` each time: a repeat counts again — monitors/api/models.py:36',
    ]);
    assert.ok(
      writes.includes('`ANY /beat/{account_key}/{slug}` makes a new `Monitor` only in an `except` clause here, when the `try` above it fails (a lookup that finds nothing), and only when none of the guards that return before it holds: `request.GET.get("create") != "1"; Monitor.objects.filter(account=account).count() >= account.seat_limit * 2` — monitors/api/views.py:20'),
      writes.join('\n'),
    );
  });

  it('connect the row a request writes in its transaction to the worker that polls and claims it: why async, failures, order, consistency, outbox', () => {
    const asyncWork = factsOfItem('service.async');
    const worker = 'monitors/api/management/commands/dispatchalerts.py';
    for (const expected of [
      `\`Command.process_one\` takes \`Transition\` rows whose \`handled\` is still unset: \`Transition.objects.filter().first\` — ${worker}:25`,
      `\`Command.process_one\` claims a row by setting \`handled\` only where it is still unset (\`q.update\` counts the rows it wrote): two workers never take the same row — ${worker}:29`,
      '`ANY /beat/{account_key}/{slug}` writes a `Transition` row in `Monitor.add_transition` and answers; `Command.process_one` does the work on it later, outside the request — monitors/api/models.py:44',
      `\`Command.process_one\` asks to be told when \`alert\` ends, done or failed: \`f.add_done_callback\` — ${worker}:32`,
      `\`Command.on_alert_done\` reads the outcome (\`future.result()\`) and on \`Exception\`: \`logger.error("Exception in alert", exc_info=exc); raise\` — ${worker}:20`,
      `\`Command.process_one\` takes one \`Transition\` row at a time (\`Transition.objects.filter().first\`) and hands each to a pool to run \`alert\`: their work may end in another order — ${worker}:25`,
    ]) {
      assert.ok(asyncWork.includes(expected), `${expected}\n---\n${asyncWork.join('\n')}`);
    }
    const consistency = factsOfItem('service.consistency');
    assert.deepEqual(consistency, [
      'Traced routes that commit their writes before they answer: 1 (the first: `ANY /beat/{account_key}/{slug}`, `transaction.atomic()`); a read after the answer sees the write, so the data is strongly consistent in the database they commit to — monitors/api/models.py:34',
      'Hand-offs after a commit: 1 (listed next); what they write elsewhere (a queue, an index, another service) is seen only later, so it is eventually consistent with the database — monitors/api/models.py:44',
      '`ANY /beat/{account_key}/{slug}` writes a `Transition` row in `Monitor.add_transition`, inside `transaction.atomic()` of `Monitor.beat`; `Command.process_one` acts on it later: the rest of the system sees the change eventually — monitors/api/models.py:44',
      '`Transition` is a table of work written in the transaction of the change it announces (`Monitor.beat`, `transaction.atomic()`) and taken by `Command.process_one`: a transactional outbox — monitors/api/models.py:53',
    ]);
    assert.ok(factsOfItem('service.transactional').includes('`Monitor.beat` writes the `Transition` row `Command.process_one` takes later (in `Monitor.add_transition`) inside `transaction.atomic()`: the change and the row commit together, or neither does — monitors/api/models.py:44'));
  });

  it("say what Django answers for an exception nothing catches, and the error statuses of functions no route's trace goes through", () => {
    const errors = factsOfItem('service.errors');
    assert.ok(errors.includes("No exception handler of the application's: an exception nothing catches reaches django, whose `handler500` answers 500 — monitors/api/urls.py:5"), errors.join('\n'));
    assert.ok(errors.includes('`ANY /beat/{account_key}/{slug}` answers 404 when `request.GET.get("create") != "1"` (`HttpResponseNotFound`) — monitors/api/views.py:16'), errors.join('\n'));
    assert.ok(errors.includes("`only_get` answers 405 when `request.method != \"GET\"` (`HttpResponse`), on no traced route's path — monitors/api/views.py:28"), errors.join('\n'));
  });
});

describe('the transactions answer of a service with many routes', () => {
  it('tells a flow that reaches a transaction whatever the place of its route among the routes', async () => {
    const routes = Array.from({ length: 70 }, (_, index) => `@app.route("/r${String(index).padStart(2, '0')}")\ndef r${index}():\n    return "ok"\n`);
    const files = {
      'app/store.py': 'from django.db import transaction\n\ndef save(item):\n    with transaction.atomic():\n        item.save()\n',
      'app/api.py': ['from flask import Flask', 'from app.store import save', '', 'app = Flask(__name__)', '', ...routes, '@app.route("/zz/save", methods=["POST"])', 'def save_item():', '    save(None)', '    return "saved"', ''].join('\n'),
    };
    const transactions = factsOf((await answersOfFiles(files)).find((answer) => answer.item === 'service.transactional'));
    assert.ok(transactions.includes('`POST /zz/save` reaches `save`: `transaction.atomic()` — app/store.py:4'), transactions.join('\n'));
  });
});

describe("a library's answers on implementations that keep a shared convention and a registry extended after its literal", () => {
  const base = 'from abc import ABC, abstractmethod\n\n\nclass BaseStore(ABC):\n    @abstractmethod\n    def _get(self, key): ...\n\n    def get(self, key):\n        return self._get(key)\n';
  const store = (name: string, module: string, extra: string) =>
    `import ${module}\n\nfrom ..base import BaseStore\n\n\nclass ${name}(BaseStore):\n    NAME = "${name.toLowerCase()}"\n\n    def _get(self, key):\n        return ${module}.read(key)\n\n    @classmethod\n    def parse_uri_path(cls, path):\n        return {}\n${extra}`;
  const files = {
    'pyproject.toml': '[project]\nname = "kvstore"\nversion = "1.0.0"\n',
    'kvstore/base.py': base,
    'kvstore/backends/__init__.py': '',
    'kvstore/backends/memory.py': store('MemoryStore', 'collections', '\n    def compact(self):\n        pass\n'),
    'kvstore/backends/disk.py': store('DiskStore', 'shelve', '\n    def flush(self):\n        pass\n'),
    'kvstore/backends/net.py': store('NetStore', 'socket', '\n    def flush(self):\n        pass\n'),
    'kvstore/__init__.py':
      'import os\n\nfrom .backends.memory import MemoryStore\n\n_STORES = [MemoryStore]\n\ntry:\n    import socket\nexcept ImportError:\n    pass\nelse:\n    from .backends.net import NetStore\n\n    _STORES.append(NetStore)\n\nif os.name == "posix":\n    from .backends.disk import DiskStore\n\n    _STORES += [DiskStore]\n',
    'benchmarks/__init__.py': '',
    'benchmarks/bench_get.py': 'from kvstore.backends.memory import MemoryStore\n\n\ndef bench_get():\n    MemoryStore().get("k")\n',
  };
  const { answerOf, factsOfItem } = workspaceAnswers(files);

  it('say once that every implementation defines a method the interface does not declare, never that one alone has it, and that nothing calls it', () => {
    const tradeOffs = factsOfItem('library.trade-offs');
    assert.ok(tradeOffs.some((line) => line.startsWith('Every implementation of `BaseStore` defines parse_uri_path, which the interface does not declare and no code of the library calls (tests aside): a new implementation does not need it — kvstore/backends/')), tradeOffs.join('\n'));
    assert.ok(!tradeOffs.some((line) => /alone has .*(parse_uri_path|flush)/.test(line)), tradeOffs.join('\n'));
    assert.ok(tradeOffs.some((line) => line.startsWith('`MemoryStore` alone has compact')), tradeOffs.join('\n'));
    const steps = factsOfItem('library.new-implementation');
    assert.ok(!steps.some((line) => line.includes('parse_uri_path')), steps.join('\n'));
  });

  it("count a registry's members as its literal's and those added to it later, saying which are added inside a try or an if", () => {
    const selection = factsOfItem('library.new-implementation');
    assert.ok(selection.includes('`_STORES` lists the implementations: MemoryStore, NetStore, DiskStore — kvstore/__init__.py:5'), selection.join('\n'));
    assert.ok(selection.includes('`_STORES` gets NetStore added here only when `socket` is installed: its import is tried, ImportError caught — kvstore/__init__.py:14'), selection.join('\n'));
    assert.ok(selection.includes('`_STORES` gets DiskStore added here, under `if`: only when that lets the statement run — kvstore/__init__.py:19'), selection.join('\n'));
  });

  it('point at the benchmarks that hold code, never at an empty __init__.py', () => {
    const performance = answerOf('library.performance');
    const located = (performance?.parts ?? []).flatMap((part) => [...part.facts.map((fact) => fact.location.path), ...(part.gap?.readAt ? [part.gap.readAt.path] : []), ...(part.gap ? [phraseText(part.gap)] : [])]);
    assert.ok(located.includes('benchmarks/bench_get.py'), located.join('\n'));
    assert.ok(!located.some((text) => text.includes('benchmarks/__init__.py')), located.join('\n'));
    const benchmarks = factsOfItem('library.benchmarks');
    assert.ok(benchmarks.includes('`benchmarks/bench_get.py` runs bench_get — benchmarks/bench_get.py:4'), benchmarks.join('\n'));
  });
});

describe("a library's answer on how an implementation is chosen, when a table by name chooses it", () => {
  const store = (name: string) => `from .base import BaseStore\n\n\nclass ${name}(BaseStore):\n    def _get(self, key):\n        return key\n`;
  const { answerOf } = workspaceAnswers({
    'pyproject.toml': '[project]\nname = "kvstore"\nversion = "1.0.0"\n',
    'kvstore/base.py': 'from abc import ABC, abstractmethod\n\n\nclass BaseStore(ABC):\n    @abstractmethod\n    def _get(self, key): ...\n',
    'kvstore/memory.py': store('MemoryStore'),
    'kvstore/disk.py': store('DiskStore'),
    'kvstore/__init__.py': 'from .disk import DiskStore\nfrom .memory import MemoryStore\n\nSTORES = {"memory": MemoryStore, "disk": DiskStore}\n\n\ndef open_store(scheme):\n    return STORES[scheme]()\n',
    'benchmarks/bench_get.py': 'from kvstore.memory import MemoryStore\n\n\ndef bench_get():\n    MemoryStore()._get("k")\n',
  });

  it('tell the table under "chosen at run time", and no line that the user instantiates the class', () => {
    const parts = answerOf('library.new-implementation')?.parts ?? [];
    const chosen = parts.find((part) => phraseText(part.topic) === 'How an implementation of `BaseStore` is chosen at run time');
    assert.deepEqual(factsOf({ item: 'library.new-implementation', parts: chosen ? [chosen] : [] }), ['`STORES` maps 2 names to implementations: "memory", "disk" — kvstore/__init__.py:4']);
    assert.ok(!parts.some((part) => part.facts.some((fact) => fact.phrase.includes('instantiates the class directly'))));
  });
});

describe("a library's benchmarks, by what a file runs and not by its name alone", () => {
  const store = (name: string) => `from .base import BaseStore\n\n\nclass ${name}(BaseStore):\n    def get(self, key):\n        return key\n`;
  const { answerOf, factsOfItem } = workspaceAnswers({
    'pyproject.toml': '[project]\nname = "kvstore"\nversion = "1.0.0"\n',
    'kvstore/base.py': 'from abc import ABC, abstractmethod\n\n\nclass BaseStore(ABC):\n    @abstractmethod\n    def get(self, key): ...\n\n    def check(self):\n        try:\n            return self.get("k")\n        except KeyError:\n            return None\n',
    'kvstore/memory.py': store('MemoryStore'),
    'kvstore/disk.py': store('DiskStore'),
    'docs/_static/benchmark-chart.js': 'export class BenchmarkChart {\n  constructor(node) {\n    this.node = node;\n  }\n\n  render(benchmark) {\n    this.node.textContent = benchmark.name;\n  }\n}\n',
    'benchmarks/run_get.py': 'import time\n\nfrom kvstore.memory import MemoryStore\n\n\ndef main():\n    start = time.perf_counter()\n    MemoryStore().get("k")\n    print(time.perf_counter() - start)\n',
    'benchmarks/get_test.go': 'package benchmarks\n\nimport "testing"\n\nfunc BenchmarkGet(b *testing.B) {\n\tfor i := 0; i < b.N; i++ {\n\t}\n}\n',
  });

  it('tell Go benchmarks by their testing convention (BenchmarkGet), which times nothing itself', () => {
    const benchmarks = factsOfItem('library.benchmarks');
    assert.ok(benchmarks.some((line) => line.includes('BenchmarkGet')), benchmarks.join('\n'));
  });

  it('tell a script that times the code, never a chart drawing results that is named after benchmarks', () => {
    const benchmarks = factsOfItem('library.benchmarks');
    assert.ok(benchmarks.some((line) => line.startsWith('`benchmarks/run_get.py` exercises `MemoryStore`')), benchmarks.join('\n'));
    assert.ok(!benchmarks.some((line) => line.includes('benchmark-chart.js')), benchmarks.join('\n'));
    const gaps = (answerOf('library.edge-cases')?.parts ?? []).flatMap((part) => (part.gap ? [phraseText(part.gap)] : []));
    assert.ok(!gaps.some((line) => line.includes('benchmark-chart.js')), gaps.join('\n'));
  });
});

describe("a library's answer on how an implementation is chosen, when a metaclass, __init_subclass__ or a decorator fills the registry", () => {
  const store = (base: string, name: string, scheme: string, decorator = '') => `from .base import ${base}${decorator ? `, ${decorator}` : ''}\n\n\n${decorator ? `@${decorator}("${scheme}")\n` : ''}class ${name}(${base}):\n    SCHEME = ["${scheme}"]\n\n    def get(self, key):\n        return key\n`;
  const byMetaclass = workspaceAnswers({
    'pyproject.toml': '[project]\nname = "kvstore"\nversion = "1.0.0"\n',
    'kvstore/registry.py': 'from abc import ABCMeta\n\nSTORES = {}\n\n\nclass StoreRegistry(ABCMeta):\n    def __new__(mcs, name, bases, dct):\n        cls = super().__new__(mcs, name, bases, dct)\n        for scheme in dct.get("SCHEME", []):\n            STORES[scheme] = cls\n        return cls\n',
    'kvstore/base.py': 'from abc import abstractmethod\n\nfrom .registry import StoreRegistry\n\n\nclass BaseStore(metaclass=StoreRegistry):\n    @abstractmethod\n    def get(self, key): ...\n',
    'kvstore/memory.py': store('BaseStore', 'MemoryStore', 'memory'),
    'kvstore/disk.py': store('BaseStore', 'DiskStore', 'disk'),
    'benchmarks/bench_get.py': 'from kvstore.memory import MemoryStore\n\n\ndef bench_get():\n    MemoryStore().get("k")\n',
    'kvstore/__init__.py': 'from urllib.parse import urlparse\n\nfrom .disk import DiskStore\nfrom .memory import MemoryStore\nfrom .registry import STORES\n\n\ndef store_from_url(url):\n    return STORES[urlparse(url).scheme](url)\n',
  });
  const bySubclassHook = workspaceAnswers({
    'pyproject.toml': '[project]\nname = "kvstore"\nversion = "1.0.0"\n',
    'kvstore/base.py': 'from abc import ABC, abstractmethod\n\n\nclass BaseStore(ABC):\n    registry = {}\n\n    def __init_subclass__(cls, **kwargs):\n        super().__init_subclass__(**kwargs)\n        for scheme in cls.SCHEME:\n            BaseStore.registry[scheme] = cls\n\n    @abstractmethod\n    def get(self, key): ...\n\n\ndef open_store(scheme):\n    return BaseStore.registry[scheme]()\n',
    'kvstore/memory.py': store('BaseStore', 'MemoryStore', 'memory'),
    'kvstore/disk.py': store('BaseStore', 'DiskStore', 'disk'),
    'benchmarks/bench_get.py': 'from kvstore.memory import MemoryStore\n\n\ndef bench_get():\n    MemoryStore().get("k")\n',
  });
  const byDecorator = workspaceAnswers({
    'pyproject.toml': '[project]\nname = "kvstore"\nversion = "1.0.0"\n',
    'kvstore/base.py': 'from abc import ABC, abstractmethod\n\nSTORES = {}\n\n\ndef register(scheme):\n    def decorator(cls):\n        STORES[scheme] = cls\n        return cls\n    return decorator\n\n\nclass BaseStore(ABC):\n    @abstractmethod\n    def get(self, key): ...\n\n\ndef open_store(scheme):\n    found = STORES.get(scheme)\n    return found()\n',
    'kvstore/memory.py': store('BaseStore', 'MemoryStore', 'memory', 'register'),
    'kvstore/disk.py': store('BaseStore', 'DiskStore', 'disk', 'register'),
    'benchmarks/bench_get.py': 'from kvstore.memory import MemoryStore\n\n\ndef bench_get():\n    MemoryStore().get("k")\n',
  });
  const chosen = (answerOf: (item: string) => Answer | undefined) => factsOf(answerOf('library.new-implementation'), 'How an implementation of `{0}` is chosen at run time');

  it('tell the metaclass that stores each class, the factory that looks it up and the attribute each class names itself by, never that the user instantiates the class', () => {
    assert.deepEqual(chosen(byMetaclass.answerOf), [
      '`STORES` is filled as classes are defined: the metaclass method `StoreRegistry.__new__` stores each class in it (`STORES[…] = cls`), so a subclass registers itself — kvstore/registry.py:10',
      '`store_from_url` looks the implementation up by its key in `STORES` — kvstore/__init__.py:9',
      'Each implementation names itself by `SCHEME`: "disk", "memory" — kvstore/disk.py:5',
    ]);
    assert.ok(!byMetaclass.factsOfItem('library.new-implementation').some((line) => line.includes('instantiates the class directly')));
  });

  it("tell the table __init_subclass__ stores each subclass in, its own class's attribute", () => {
    assert.deepEqual(chosen(bySubclassHook.answerOf).slice(0, 2), [
      '`BaseStore.registry` is filled as classes are defined: `BaseStore.__init_subclass__` stores each subclass in it (`BaseStore.registry[…] = cls`), so a subclass registers itself — kvstore/base.py:10',
      '`open_store` looks the implementation up by its key in `BaseStore.registry` — kvstore/base.py:17',
    ]);
  });

  it('tell the table a decorator on the implementations fills and the function that gets a class from it', () => {
    assert.deepEqual(chosen(byDecorator.answerOf).slice(0, 2), [
      '`STORES` is filled by the decorator `register` (`STORES[…] = cls`): a class registers itself by being decorated with it — kvstore/base.py:8',
      '`open_store` looks the implementation up by its key in `STORES` — kvstore/base.py:19',
    ]);
  });
});

describe("a library's answers from what its classes document and what its benchmarks assert", () => {
  const files = {
    'pyproject.toml': '[project]\nname = "queuelib"\nversion = "1.0.0"\n',
    'queuelib/base.py':
      'from abc import ABC, abstractmethod\n\n\nclass Queue(ABC):\n    """A queue of messages.\n\n    :param timeout: seconds an operation may last. Use 0 or None to disable it.\n    :param namespace: prefix of every key.\n    """\n\n    def __init__(self, timeout=5, namespace=""):\n        self.timeout = timeout\n\n    @abstractmethod\n    def _put(self, message): ...\n',
    'queuelib/backends/__init__.py': '',
    'queuelib/backends/memory.py':
      'from ..base import Queue\n\nDEFAULT_LIMIT = 1000\n\n\nclass MemoryQueue(Queue):\n    """A queue kept in this process, for tests.\n\n    :param namespace: prefix of every key.\n    :param maxsize: int maximum number of messages kept (None for unlimited)\n    """\n\n    def __init__(self, maxsize=DEFAULT_LIMIT, **kwargs):\n        super().__init__(**kwargs)\n\n    def _put(self, message):\n        pass\n',
    'queuelib/backends/redis.py':
      'import redis\n\nfrom ..base import Queue\n\n\nclass RedisQueue(Queue):\n    """A queue kept in Redis.\n\n    Parameters:\n      url(str): An optional connection URL.  If both a URL and\n        connection parameters are given, the URL is used.\n      dead_message_ttl(int): The time (in ms) that dead-lettered\n        messages are kept in Redis for.\n\n    Examples:\n      >>> RedisQueue(url="redis://")\n    """\n\n    def __init__(self, url=None, dead_message_ttl=604800000, **kwargs):\n        super().__init__(**kwargs)\n\n    def _put(self, message):\n        redis.Redis().lpush("q", message)\n',
    'queuelib/__init__.py': '',
    'benchmarks/bench.py':
      'import argparse\n\nimport celery\n\nimport queuelib\n\n\ndef parse_args():\n    parser = argparse.ArgumentParser()\n    parser.add_argument(\n        "--count",\n        help="the number of messages to benchmark with",\n        type=int,\n        default=10000,\n    )\n    parser.add_argument("--use-celery", help="run the benchmark under Celery", action="store_true", default=False)\n    parser.add_argument("-v", action="store_true")\n    return parser.parse_args()\n',
    'tests/performance/test_footprint.py': 'import time\n\n\ndef test_put_overhead():\n    ours, raw = time.time(), time.time()\n    assert ours\n    assert ours / raw < 1.35\n',
  };
  const { factsOfItem } = workspaceAnswers(files);

  it('tell what each implementation says it is and documents of its own options, not what the interface documents for all', () => {
    const tradeOffs = factsOfItem('library.trade-offs');
    assertIncludesAll(tradeOffs, [
      '`MemoryQueue` describes itself: "A queue kept in this process, for tests." — queuelib/backends/memory.py:7',
      '`MemoryQueue` takes maxsize=DEFAULT_LIMIT (1000), kwargs — queuelib/backends/memory.py:13',
      '`MemoryQueue` documents `maxsize`: "int maximum number of messages kept (None for unlimited)" — queuelib/backends/memory.py:10',
      '`RedisQueue` takes url=None, dead_message_ttl=604800000, kwargs — queuelib/backends/redis.py:19',
      '`RedisQueue` documents `url`: "An optional connection URL. If both a URL and connection parameters are given, the URL is used." — queuelib/backends/redis.py:10',
      '`RedisQueue` documents `dead_message_ttl`: "The time (in ms) that dead-lettered messages are kept in Redis for." — queuelib/backends/redis.py:12',
    ]);
    assert.ok(!tradeOffs.some((line) => /documents `namespace`/.test(line)), tradeOffs.join('\n'));
  });

  it('tell what bounds what an implementation holds, as the implementations document it, and no other option', () => {
    const performance = factsOfItem('library.performance');
    assert.ok(performance.includes('`MemoryQueue` documents `maxsize`: "int maximum number of messages kept (None for unlimited)" — queuelib/backends/memory.py:10'), performance.join('\n'));
    assert.ok(performance.includes('`RedisQueue` documents `dead_message_ttl`: "The time (in ms) that dead-lettered messages are kept in Redis for." — queuelib/backends/redis.py:12'), performance.join('\n'));
    assert.ok(!performance.some((line) => /documents `url`/.test(line)), performance.join('\n'));
  });

  it("tell a benchmark script's options, the bounds a benchmark asserts, and the peer an option runs the benchmark on", () => {
    const benchmarks = factsOfItem('library.benchmarks');
    assert.ok(benchmarks.includes('`test_put_overhead` asserts `ours / raw < 1.35` — tests/performance/test_footprint.py:7'), benchmarks.join('\n'));
    assertIncludesAll(benchmarks, [
      '`benchmarks/bench.py` takes `--count` (default 10000): "the number of messages to benchmark with" — benchmarks/bench.py:10',
      '`benchmarks/bench.py` takes `--use-celery` (default False): "run the benchmark under Celery" — benchmarks/bench.py:16',
      '`benchmarks/bench.py` takes `-v` (default —) — benchmarks/bench.py:17',
    ]);
    assert.ok(!benchmarks.some((line) => line.includes('asserts `ours`')), benchmarks.join('\n'));
    const peers = factsOfItem('library.problem');
    assert.ok(peers.includes('`benchmarks/bench.py` runs the benchmark on `celery` instead when given `--use-celery`: "run the benchmark under Celery" — benchmarks/bench.py:16'), peers.join('\n'));
  });
});

describe("a library's answers when a docstring documents an option no constructor takes", () => {
  const { factsOfItem } = workspaceAnswers({
    'pyproject.toml': '[project]\nname = "cachekit"\nversion = "1.0.0"\n',
    'cachekit/base.py': 'from abc import ABC, abstractmethod\n\n\nclass Cache(ABC):\n    def __init__(self, serializer=None, timeout=5):\n        self.timeout = timeout\n\n    @abstractmethod\n    def _get(self, key): ...\n',
    'cachekit/backends/__init__.py': '',
    'cachekit/__init__.py': '',
    'cachekit/backends/memcached.py':
      'import aiomcache\n\nfrom ..base import Cache\n\n\nclass MemcachedCache(Cache):\n    """Memcached.\n\n    :param endpoint: str with the endpoint to connect to. Default is 127.0.0.1.\n    :param port: int with the port to connect to.\n    :param timeout: seconds an operation may last.\n    """\n\n    def __init__(self, host="127.0.0.1", port=11211, **kwargs):\n        super().__init__(**kwargs)\n        self.client = aiomcache.Client(host, port)\n\n    def _get(self, key):\n        return self.client.get(key)\n\n    async def __aenter__(self):\n        self.conn = await aiomcache.connect()\n        return self\n\n    async def touch(self, key):\n        await self.conn.touch(key)\n',
    'cachekit/backends/memory.py':
      'from ..base import Cache\n\n\nclass MemoryCache(Cache):\n    """Memory.\n\n        - backend: dict\n\n    :param maxsize: int maximum number of keys (None for unlimited)\n    """\n\n    def __init__(self, **kwargs):\n        self.maxsize = kwargs.pop("maxsize", None)\n        super().__init__(**kwargs)\n\n    def _get(self, key):\n        return None\n',
  });

  it('say that the docstring does not match the code, with the constructors it is made through, and repeat nothing else as a mismatch', () => {
    const tradeOffs = factsOfItem('library.trade-offs');
    assertIncludesAll(tradeOffs, [
      '`MemcachedCache` documents `endpoint`, which no constructor it is made through takes (`MemcachedCache(host, port, **kwargs) → Cache(serializer, timeout)`): the docstring does not match the code — cachekit/backends/memcached.py:9',
      '`MemcachedCache` documents `port`: "int with the port to connect to." — cachekit/backends/memcached.py:10',
      '`MemcachedCache` documents `timeout`: "seconds an operation may last." — cachekit/backends/memcached.py:11',
      // Read from the keywords by name, a bullet naming a component: the code cannot tell, and says nothing.
      '`MemoryCache` documents `maxsize`: "int maximum number of keys (None for unlimited)" — cachekit/backends/memory.py:9',
      '`MemoryCache` documents `backend`: "dict" — cachekit/backends/memory.py:7',
    ]);
    assert.ok(!tradeOffs.some((line) => line.includes('does not match') && !line.includes('`endpoint`')), tradeOffs.join('\n'));
    // An attribute made only on entering the context manager, which other methods call: the implementation works inside `async with` only.
    assert.ok(tradeOffs.includes('`MemcachedCache` makes `self.conn` in `__aenter__`, not in its constructor: a user enters it (`async with MemcachedCache(…)`) before any call — cachekit/backends/memcached.py:22'), tradeOffs.join('\n'));
    assert.ok(!tradeOffs.some((line) => line.includes('`self.client` in')), tradeOffs.join('\n'));
  });
});

describe("a library's answers on how its interface and implementations share the work", () => {
  const backend = (name: string) => `from .base import Broker\n\n\nclass ${name}(Broker):\n    def _get(self, key):\n        return key\n\n    def _put(self, message):\n        self.emit("put", message)\n        return message\n`;
  const { factsOfItem } = workspaceAnswers({
    'pyproject.toml': '[project]\nname = "brokers"\nversion = "1.0.0"\n',
    'brokers/base.py':
      'from abc import ABC, abstractmethod\n\n\nclass Broker(ABC):\n    def __init__(self):\n        self.middleware = []\n\n    def emit(self, signal, *args):\n        for middleware in self.middleware:\n            getattr(middleware, signal)(self, *args)\n\n    def get(self, key):\n        self.log(key)\n        return self._get(key)\n\n    def put(self, message):\n        return self._put(message)\n\n    def log(self, key):\n        pass\n\n    @abstractmethod\n    def _get(self, key): ...\n\n    @abstractmethod\n    def _put(self, message): ...\n',
    'brokers/memory.py': backend('MemoryBroker'),
    'brokers/disk.py': backend('DiskBroker'),
  });

  it("tell the interface's methods that call what an implementation defines, and what every implementation calls on the interface with what that runs", () => {
    assertIncludesAll(factsOfItem('library.interface'), [
      '2 methods with a body in `Broker` call one an implementation must define (get → _get, put → _put): the interface does the shared work around what each implementation supplies — brokers/base.py:12',
      "Every implementation's `_put` calls self.emit, which `Broker` provides: a new one must call them too — brokers/disk.py:9",
      '`Broker.emit` calls each of `self.middleware` as `getattr(middleware, signal)(self, *args)` — brokers/base.py:10',
    ]);
    assert.ok(factsOfItem('library.new-implementation').includes("Every implementation's `_put` calls self.emit, which `Broker` provides: a new one must call them too — brokers/disk.py:9"));
  });
});

describe("a library's answers on what each method must raise, who relies on it, and how each implementation does its work", () => {
  // Methods both implementations define beyond the contract: `flush` the library calls, `parse_uri_path` nothing does.
  const conventions = '    def flush(self):\n        pass\n\n    def parse_uri_path(self, path):\n        return {}\n';
  const provided = Array.from({ length: 18 }, (_, position) => `    def extra${position}(self, key):\n        return self._get(key)\n`).join('\n');
  const files = {
    'pyproject.toml': '[project]\nname = "kvcache"\nversion = "1.0.0"\n',
    'kvcache/base.py': [
      'import asyncio',
      'import functools',
      'from abc import ABC, abstractmethod',
      '',
      '',
      'def timeout(func):',
      '    @functools.wraps(func)',
      '    async def bounded(self, *args, **kwargs):',
      '        return await asyncio.wait_for(func(self, *args, **kwargs), self.timeout)',
      '',
      '    return bounded',
      '',
      '',
      'class BaseCache(ABC):',
      '    timeout = 5',
      '',
      '    @timeout',
      '    async def get(self, key):',
      '        return await self._get(key)',
      '',
      '    @timeout',
      '    async def add(self, key, value):',
      '        """Stores the value unless the key exists.',
      '',
      '        :returns: True if the key is inserted',
      '        :raises:',
      '            - ValueError if the key exists',
      '        """',
      '        return await self._add(key, value)',
      '',
      '    @abstractmethod',
      '    async def _get(self, key): ...',
      '',
      '    @abstractmethod',
      '    async def _gets(self, key): ...',
      '',
      '    @abstractmethod',
      '    async def _add(self, key, value, ttl=None): ...',
      '',
      '    @abstractmethod',
      '    async def _clear(self, namespace=None): ...',
      '',
      provided,
    ].join('\n'),
    'kvcache/backends/__init__.py': '',
    'kvcache/backends/memory.py': [
      'from ..base import BaseCache',
      '',
      '',
      'class MemoryCache(BaseCache):',
      '    def __init__(self):',
      '        self._data = {}',
      '',
      '    async def _get(self, key):',
      '        return self._data.get(key)',
      '',
      '    async def _gets(self, key):',
      '        return await self._get(key)',
      '',
      '    async def _add(self, key, value, ttl=None):',
      '        if key in self._data:',
      '            raise ValueError("exists")',
      '        self._data[key] = value',
      '',
      '    async def _clear(self, namespace=None):',
      '        self._data.clear()',
      '',
      conventions,
    ].join('\n'),
    'kvcache/backends/remote.py': [
      'import remotekv',
      '',
      'from ..base import BaseCache',
      '',
      '',
      'class RemoteCache(BaseCache):',
      '    def __init__(self, host="localhost"):',
      '        self.client = remotekv.Client(host)',
      '',
      '    async def _get(self, key):',
      '        return await self.client.get(key)',
      '',
      '    _gets = _get',
      '',
      '    async def _add(self, key, value, ttl=None):',
      '        done = await self.client.set(key, value, only_new=True)',
      '        if not done:',
      '            raise ValueError("exists")',
      '        return done',
      '',
      '    async def _clear(self, namespace=None):',
      '        if not namespace:',
      '            return await self.client.flushdb()',
      '        keys = await self.client.scan(namespace)',
      '        return await self._drop(keys)',
      '',
      '    async def _drop(self, keys):',
      '        return await self.client.delete(keys)',
      '',
      '    async def __aenter__(self):',
      '        self.pool = await remotekv.connect()',
      '        return self',
      '',
      conventions,
    ].join('\n'),
    'kvcache/lock.py': [
      'from .base import BaseCache',
      '',
      '',
      'class Lock:',
      '    def __init__(self, client: BaseCache, key):',
      '        self.client = client',
      '        self.key = key',
      '',
      '    async def acquire(self):',
      '        try:',
      '            await self.client._add(self.key, "locked")',
      '        except ValueError:',
      '            return False',
      '        return True',
      '',
      '    async def token(self):',
      '        return await self.client._gets(self.key)',
      '',
    ].join('\n'),
    'kvcache/decorators.py': [
      'import logging',
      '',
      'logger = logging.getLogger(__name__)',
      '',
      '',
      'class cached:',
      '    def __init__(self, cache):',
      '        self.cache = cache',
      '',
      '    async def read(self, key):',
      '        try:',
      '            return await self.cache.get(key)',
      '        except Exception:',
      '            logger.exception("miss")',
      '        return None',
      '',
      '    async def first(self, key, value):',
      '        return await self.cache.add(key, value)',
      '',
      '    def sync(self):',
      '        self.cache.flush()',
      '',
    ].join('\n'),
  };
  const { answerOf, factsOfItem } = workspaceAnswers(files);
  const partFacts = (item: string, topic: string) => factsOf({ item, parts: (answerOf(item)?.parts ?? []).filter((part) => phraseText(part.topic) === topic) });

  it("tell each method's signature, and the inherited ones in one fact that names them all", () => {
    const contract = partFacts('library.mandatory-methods', 'The contract of `BaseCache`');
    assertIncludesAll(contract, ['`BaseCache._add(key, value, ttl=None)` is abstract (`@abstractmethod`) — kvcache/base.py:37', '`BaseCache._clear(namespace=None)` is abstract (`@abstractmethod`) — kvcache/base.py:40']);
    const inherited = contract.find((line) => line.startsWith('`BaseCache` gives 20 methods a body that implementations inherit: get, add, extra0, extra1,'));
    assert.ok(inherited?.includes('extra17 — kvcache/base.py:17'), contract.join('\n'));
    assert.ok(!contract.some((line) => line.includes('has a body in')), contract.join('\n'));
  });

  it('tell what each method returns and raises, as the docstring of the method around it promises and the implementations raise, and the callers in the library that rely on it', () => {
    for (const item of ['library.interface', 'library.new-implementation']) {
      assert.deepEqual(partFacts(item, 'What each method of `BaseCache` must return or raise: what the docstrings promise and what the implementations raise'), [
        '`BaseCache.add`, which calls `_add`, documents that it returns: "True if the key is inserted" — kvcache/base.py:25',
        '`BaseCache.add`, which calls `_add`, documents that it raises: "- ValueError if the key exists" — kvcache/base.py:26',
        '`_add` raises `ValueError` in 2 of the 2 implementations: `MemoryCache` if `key in self._data` (kvcache/backends/memory.py:16), `RemoteCache` if `not done` (kvcache/backends/remote.py:18) — kvcache/backends/memory.py:16',
      ]);
      assert.deepEqual(partFacts(item, 'What in the library calls the methods an implementation of `BaseCache` defines'), [
        '`_gets` is called by `Lock.token` — kvcache/lock.py:17',
        '`_add` is called by `Lock.acquire`, which catches `ValueError` there, then: `return False` — kvcache/lock.py:11',
      ]);
    }
  });

  it('tell how each implementation does its work, method by method, with the conditions of its calls and a method under a second name', () => {
    assertIncludesAll(partFacts('library.one-implementation', 'How `RemoteCache` does its work, method by method: the calls each makes, under their condition'), [
      '`RemoteCache.__init__` calls `remotekv.Client` — kvcache/backends/remote.py:7',
      '`RemoteCache._gets` is another method under a second name: `_gets = _get` — kvcache/backends/remote.py:13',
      '`RemoteCache._clear` calls `if not namespace: self.client.flushdb`, `self.client.scan`, `self._drop` — kvcache/backends/remote.py:21',
      '`RemoteCache._drop`, its own method (not the interface\'s), calls `self.client.delete` — kvcache/backends/remote.py:27',
    ]);
    assertIncludesAll(partFacts('library.one-implementation', 'How `MemoryCache` does its work, method by method: the calls each makes, under their condition'), ['`MemoryCache._get` calls `self._data.get` — kvcache/backends/memory.py:8']);
  });

  it("tell what a timeout of a bounded method becomes at the library's callers, and no handler twice", () => {
    const failures = factsOfItem('library.edge-cases');
    assertIncludesAll(failures, [
      '`cached.read` calls `get`, which `timeout` bounds: a timeout or failure there is caught by `except Exception`, then: `logger.exception("miss")` — kvcache/decorators.py:12',
      '`cached.first` calls `add`, which `timeout` bounds, with no `except` around it that catches a timeout: the timeout reaches its own caller — kvcache/decorators.py:18',
    ]);
    assert.ok(!failures.some((line) => line.startsWith('`cached.read` catches')), failures.join('\n'));
  });

  it('tell the objects each implementation works through, what it makes only when entered, a method every implementation defines that no code calls as unused, and one the library calls as a convention', () => {
    const tradeOffs = factsOfItem('library.trade-offs');
    assertIncludesAll(tradeOffs, [
      '`RemoteCache` works through `self.client`: get, set, flushdb, scan, delete — kvcache/backends/remote.py:11',
      '`RemoteCache` makes `self.pool` in `__aenter__`, not in its constructor: a user enters it (`async with RemoteCache(…)`) before any call — kvcache/backends/remote.py:31',
    ]);
    assert.ok(factsOfItem('library.new-implementation').includes('`RemoteCache` makes `self.pool` in `__aenter__`, not in its constructor: a user enters it (`async with RemoteCache(…)`) before any call — kvcache/backends/remote.py:31'));
    assert.ok(tradeOffs.some((line) => line.startsWith('Every implementation of `BaseCache` defines flush, which the interface does not declare — ')), tradeOffs.join('\n'));
    const steps = factsOfItem('library.new-implementation');
    assert.ok(!steps.some((line) => line.includes('parse_uri_path')), steps.join('\n'));
  });
});

describe("a framework's answers on typed route patterns, shortcut decorators and hook calls", () => {
  const files = {
    'pyproject.toml': '[project]\nname = "tinyweb"\nversion = "1.0.0"\n',
    'tinyweb/__init__.py': 'from .app import App\n',
    'tinyweb/app.py': [
      'import re',
      '',
      '',
      'class URLPattern:',
      "    segment_patterns = {'string': '/([^/]+)', 'int': '/(\\\\d+)'}",
      '',
      '    @classmethod',
      "    def register_type(cls, type_name, pattern='[^/]+', parser=None):",
      "        cls.segment_patterns[type_name] = pattern",
      '',
      '    def __init__(self, url_pattern):',
      '        self.url_pattern = url_pattern',
      '',
      '    def compile(self):',
      "        return re.compile('^' + self.url_pattern + '$')",
      '',
      '',
      'class App:',
      '    def __init__(self):',
      '        self.url_map = []',
      '        self.after_request_handlers = []',
      '',
      "    def route(self, url_pattern, methods=None):",
      '        def decorated(f):',
      '            self.url_map.append((methods, URLPattern(url_pattern), f))',
      '            return f',
      '        return decorated',
      '',
      '    def get(self, url_pattern):',
      "        return self.route(url_pattern, methods=['GET'])",
      '',
      '    def after_request(self, f):',
      '        self.after_request_handlers.append(f)',
      '        return f',
      '',
      '    def dispatch(self, req, res):',
      '        for handler in self.after_request_handlers:',
      '            res = handler(req, res) or res',
      '        return res',
      '',
      '    def find_route(self, path):',
      '        for methods, pattern, f in self.url_map:',
      '            if pattern.compile().match(path):',
      '                return f',
      '',
      '    def handlers_for(self, req, attr, local_first=True):',
      "        return getattr(self, attr + '_handlers')",
      '',
      '    def before(self, req):',
      "        for handler in self.handlers_for(req, 'before_request', False):",
      '            handler(req)',
      '',
      '',
      'class Cors:',
      '    def initialize(self, app):',
      '        app.after_request(self.add_headers)',
      '',
      '    def add_headers(self, req, res):',
      '        return res',
      '',
    ].join('\n'),
    'examples/users.py': "from tinyweb import App\n\napp = App()\n\n\n@app.get('/users/<int:id>')\ndef user(request, id):\n    return str(id)\n\n\n@app.route('/pages/<name>')\ndef page(request, name):\n    return name\n",
  };
  const { factsOfItem } = workspaceAnswers(files);

  it('quote how the routes write their parameters, and name the parameter types and the method that adds one', () => {
    const parameters = factsOfItem('framework.route-params');
    assert.ok(parameters.includes("A route writes its pattern as '/pages/<name>' (the routes table writes each parameter as `{name}`) — examples/users.py:11"), parameters.join('\n'));
    assert.ok(parameters.includes("A route writes its pattern as '/users/<int:id>' (the routes table writes each parameter as `{name}`) — examples/users.py:6"), parameters.join('\n'));
    assert.ok(parameters.includes('`URLPattern.segment_patterns` names the parameter types a pattern can use: "string", "int" — tinyweb/app.py:5'), parameters.join('\n'));
    assert.ok(parameters.includes('`URLPattern.register_type` adds a parameter type (type_name, pattern, parser) — tinyweb/app.py:7'), parameters.join('\n'));
  });

  it('say that the first registered route that matches wins when registration appends to the list the matcher walks and nothing sorts it', () => {
    const precedence = factsOfItem('framework.route-precedence');
    assert.ok(precedence.includes('`App.route` appends each route to `self.url_map` as it is registered, and `App.find_route` walks it in that order (tinyweb/app.py:42) with no sort: the first registered route that matches wins — tinyweb/app.py:25'), precedence.join('\n'));
    const precondition = factsOfItem('framework.precondition');
    assert.ok(precondition.includes('`App.route` stores the function it is given in `self.url_map`: decorators apply from the one nearest the function outwards, so a decorator that wraps the handler with a check is written under the route decorator, and the wrapper is what is stored — tinyweb/app.py:25'), precondition.join('\n'));
  });

  it('tell a shortcut that only calls a registering decorator as registering, how each hook is called, the hooks written instead of signals, and that no ORM means no manager', () => {
    const extend = factsOfItem('framework.extend');
    assert.ok(extend.includes('`App.get` registers the function it decorates through `App.route`, which is all it calls — tinyweb/app.py:29'), extend.join('\n'));
    assert.ok(!extend.some((line) => line.startsWith('`App.get` wraps')), extend.join('\n'));
    assert.ok(extend.includes('No signal is sent; `App.after_request` registers a hook the framework calls itself, the receiver to write instead — tinyweb/app.py:32'), extend.join('\n'));
    assert.ok(!extend.some((line) => line.includes('`App.route` registers a hook')), extend.join('\n'));
    assert.ok(extend.some((line) => line.startsWith('The code ships no ORM') && line.endsWith('— pyproject.toml:1')), extend.join('\n'));
    const order = factsOfItem('framework.middleware-order');
    assert.ok(order.includes('Each of `self.after_request_handlers` is called as `res = handler(req, res) or res` — tinyweb/app.py:38'), order.join('\n'));
    const why = factsOfItem('framework.why-middleware');
    assert.ok(why.includes('`Cors.initialize` registers a hook with `app.after_request` on the application it is given: the concern then runs on every request, and no view is changed for it — tinyweb/app.py:56'), why.join('\n'));
    // Hooks a method hands back come in the order it builds: the answer points at it, and claims no registration order.
    assert.ok(order.includes("`App.before` runs the request hooks `self.handlers_for(req, 'before_request', False)` in the order `App.handlers_for(req, attr, local_first=True)` returns them (at tinyweb/app.py:46), which may differ from the order they were registered: read it for the order — tinyweb/app.py:50"), order.join('\n'));
  });
});

describe("a library's answers when its only Protocol declares attributes and its examples import a function the package re-exports", () => {
  const files = {
    'pyproject.toml': '[project]\nname = "jobq"\nversion = "1.0.0"\n',
    'jobq/__init__.py': 'from .cron import cron\nfrom .worker import Worker, run_worker\n',
    'jobq/cron.py': 'def cron(coroutine, hour=None):\n    return (coroutine, hour)\n',
    'jobq/typing.py': 'from typing import Any, Dict, Protocol, Sequence, Type, Union\n\n\nclass WorkerSettingsBase(Protocol):\n    functions: Sequence[Any]\n    cron_jobs: Sequence[Any] = ()\n\n\nWorkerSettingsType = Union[Dict[str, Any], Type[WorkerSettingsBase]]\n',
    'jobq/worker.py':
      "from .typing import WorkerSettingsType\n\n\nclass Worker:\n    \"\"\"\n    Runs jobs.\n\n    :param max_jobs: maximum number of jobs to run at a time\n    \"\"\"\n\n    def __init__(self, functions=(), cron_jobs=(), max_jobs=10):\n        self.functions = list(functions)\n        self.cron_jobs = list(cron_jobs)\n\n    def run(self):\n        return self.poll()\n\n    def poll(self):\n        return len(self.functions)\n\n\ndef run_worker(settings_cls: 'WorkerSettingsType') -> Worker:\n    return Worker(functions=settings_cls.functions)\n",
    'jobq/jobs.py': 'from .worker import Worker\n\n\ndef make():\n    return Worker()\n',
    'examples/cron.py': 'from jobq import cron\n\n\nasync def tick(ctx):\n    pass\n\n\nclass WorkerSettings:\n    functions = [tick]\n    cron_jobs = [cron(tick, hour=1)]\n',
    'benchmarks/bench_run.py': 'from jobq import Worker\n\n\ndef bench_run():\n    Worker().run()\n',
    'tests/conftest.py': "import pytest\nfrom testcontainers.redis import RedisContainer\n\n\n@pytest.fixture\ndef redis():\n    with RedisContainer('redis:7') as container:\n        yield container\n",
  };
  const { factsOfItem } = workspaceAnswers(files);

  it('tell the attribute-only Protocol as the shape of what the library is given, never a class the worker implements', () => {
    const contract = factsOfItem('library.interface');
    assert.ok(contract.includes('`WorkerSettingsBase` is a `Protocol` of attributes only (functions, cron_jobs): the shape of a value the library is given (a settings class or a record), not a class with methods to implement — jobq/typing.py:4'), contract.join('\n'));
    assert.ok(contract.includes("`run_worker` takes `settings_cls: 'WorkerSettingsType'`: the shape `WorkerSettingsBase` describes — jobq/worker.py:22"), contract.join('\n'));
    assert.ok(!factsOfItem('library.mandatory-methods').some((line) => line.includes('`Worker`')), factsOfItem('library.mandatory-methods').join('\n'));
  });

  it('study the class the library imports most and does most in, method by method', () => {
    const central = factsOfItem('library.one-implementation');
    assert.ok(central.includes('`Worker` defines 3 methods; 3 files import it — jobq/worker.py:4'), central.join('\n'));
    assert.ok(central.includes('`Worker.run` calls `self.poll` — jobq/worker.py:15'), central.join('\n'));
    const bounds = factsOfItem('library.performance');
    assert.ok(bounds.includes('`Worker` documents `max_jobs`: "maximum number of jobs to run at a time" — jobq/worker.py:8'), bounds.join('\n'));
  });

  it("count `from jobq import cron` as a use of the function the package binds, not of the module of that name", () => {
    assert.ok(factsOfItem('library.tutorial').includes('`examples/cron.py` uses `cron` — examples/cron.py:1'), factsOfItem('library.tutorial').join('\n'));
  });

  it('tell the containers the tests start with Testcontainers as what the tests need', () => {
    const contribute = factsOfItem('library.contribute');
    assert.ok(contribute.includes('`tests/conftest.py` starts `RedisContainer` in a Docker container with Testcontainers: the tests need Docker running — tests/conftest.py:7'), contribute.join('\n'));
  });
});

describe("a library's answers on relation sets that share a module and a method their base calls but leaves to them", () => {
  const files = {
    'pyproject.toml': '[project]\nname = "minorm"\nversion = "1.0.0"\n',
    'minorm/__init__.py': 'from .sets import HasManySet, HasOneSet, ManyViaSet\n',
    'minorm/sets.py':
      'import json\n\nimport sqlite3\n\n\nclass RelationSet:\n    def _get_query(self):\n        raise NotImplementedError\n\n    def results(self, refresh=False):\n        if refresh or not hasattr(self, "_cached"):\n            self._cached = self._cache_resultset()\n        return self._cached\n\n\nclass HasOneSet(RelationSet):\n    def _get_query(self):\n        return sqlite3.connect(":memory:")\n\n    def _cache_resultset(self):\n        return json.dumps([1])\n\n\nclass HasManySet(RelationSet):\n    def _get_query(self):\n        return sqlite3.connect(":memory:")\n\n    def _cache_resultset(self):\n        return json.dumps([1, 2])\n\n\nclass ViaSet(RelationSet):\n    def _get_query(self):\n        return sqlite3.connect(":memory:")\n\n\nclass ManyViaSet(ViaSet):\n    def _cache_resultset(self):\n        return json.dumps([3])\n',
    'minorm/use.py': 'from .sets import HasManySet, HasOneSet\n\n\ndef pick(many):\n    return HasManySet() if many else HasOneSet()\n',
  };
  const { factsOfItem } = workspaceAnswers(files);

  it('tell a method the base calls on itself and every leaf implementation defines as one a new implementation must define', () => {
    const contract = factsOfItem('library.mandatory-methods');
    assert.ok(contract.includes('`_cache_resultset()`: `RelationSet` calls it on itself and does not define it, and every implementation defines it: a new one must too — minorm/sets.py:12'), contract.join('\n'));
  });

  it('never tell a module-level import as what sets one implementation of the module apart', () => {
    const tradeOffs = factsOfItem('library.trade-offs');
    assert.ok(!tradeOffs.some((line) => line.includes('which no other implementation imports')), tradeOffs.join('\n'));
  });
});

describe("a library's answers on an interface declared with marker bases only (`ABC`, `Generic[T]`)", () => {
  const codecs = ['from abc import ABC', 'from typing import Generic, TypeVar', '', 'T = TypeVar("T")', '', '', 'class Codec(ABC, Generic[T]):', '    def dump(self, value):', '        return self._encode(value)'];
  for (const [name, type] of [['JsonCodec', 'dict'], ['TextCodec', 'str'], ['BytesCodec', 'bytes']]) codecs.push('', '', `class ${name}(Codec[${type}]):`, '    def _encode(self, value):', '        return value');
  const { factsOfItem } = workspaceAnswers({ 'pyproject.toml': '[project]\nname = "packer"\nversion = "1.0.0"\n', 'packer/__init__.py': 'from .codecs import JsonCodec, TextCodec\n', 'packer/codecs.py': `${codecs.join('\n')}\n` });

  it('tell the method the base calls on itself as one a new implementation must define: its bases define nothing', () => {
    assertIncludesAll(factsOfItem('library.mandatory-methods'), ['`_encode(value)`: `Codec` calls it on itself and does not define it, and every implementation defines it: a new one must too — packer/codecs.py:9']);
  });
});

describe('the idempotence answer of a view that makes a stand-in it never saves', () => {
  const files: Record<string, string> = {
    ...MONITORS,
    'monitors/api/urls.py': 'from django.urls import path\n\nfrom monitors.api import views\n\nurlpatterns = [\n    path("beat/<str:account_key>/<slug:slug>", views.beat_by_slug),\n    path("accounts/<str:account_key>/test-alert", views.test_alert),\n    path("accounts/<str:account_key>/monitors", views.add_monitor),\n    path("accounts/<str:account_key>/import", views.import_monitor),\n]\n',
  };
  files['monitors/api/views.py'] = `${MONITORS['monitors/api/views.py'] ?? ''}\n\ndef test_alert(request, account_key):\n    account = Account.objects.get(key=account_key)\n    dummy = Monitor(account=account, slug="test")\n    return HttpResponse(dummy.hook_url())\n\n\ndef add_monitor(request, account_key):\n    account = Account.objects.get(key=account_key)\n    monitor = Monitor(account=account, slug=request.POST["slug"])\n    monitor.save()\n    return HttpResponse("OK")\n\n\ndef import_monitor(request, account_key):\n    account = Account.objects.get(key=account_key)\n    monitor = Monitor(account=account, slug=request.POST["slug"])\n    Monitor.objects.bulk_create([monitor])\n    return HttpResponse("OK")\n`;
  const { factsOfItem } = workspaceAnswers(files);

  it('say the stand-in adds no row unless something saves it, and a saved one adds another on each repeat', () => {
    const facts = factsOfItem('service.idempotent');
    assert.ok(facts.some((line) => line.startsWith('`ANY /accounts/{account_key}/test-alert` makes a `Monitor` as `dummy` and never saves it there')), facts.join('\n'));
    assert.ok(!facts.some((line) => line.startsWith('`ANY /accounts/{account_key}/test-alert` can make a new `Monitor`')), facts.join('\n'));
    assert.ok(facts.some((line) => line.startsWith('`ANY /accounts/{account_key}/monitors` can make a new `Monitor`')), facts.join('\n'));
  });

  it("count an instance handed to a call the framework's data says writes it (Django's `bulk_create`) as saved", () => {
    const facts = factsOfItem('service.idempotent');
    assert.ok(facts.some((line) => line.startsWith('`ANY /accounts/{account_key}/import` can make a new `Monitor`')), facts.join('\n'));
    assert.ok(!facts.some((line) => line.startsWith('`ANY /accounts/{account_key}/import` makes a `Monitor` as `monitor` and never saves it')), facts.join('\n'));
  });
});

describe("a framework's answers when its routing, request entry and pipeline derive from a dependency's classes", () => {
  const files = {
    'pyproject.toml': '[project]\nname = "webby"\nversion = "1.0.0"\ndependencies = [\n    "webby-core~=1.3.0",\n    "shop-pydal==17.3.2",\n]\n',
    'webby/__init__.py': 'from .app import App\nfrom .pipeline import Pipe, RequirePipe\n',
    'webby/app.py': 'from webby_core.app import App as _App\n\nfrom .routing.router import HTTPRouter\n\n\nclass App(_App):\n    def route(self, path):\n        return self.router(path)\n',
    'webby/routing/__init__.py': '',
    'webby/routing/response.py': 'from webby_core.routing.response import ResponseProcessor\n\n\nclass TemplateResponseBuilder(ResponseProcessor):\n    def process(self, output):\n        return output\n',
    'webby/routing/router.py': 'from webby_core.routing.router import HTTPRouter as _HTTPRouter\n\n\nclass HTTPRouter(_HTTPRouter):\n    def add(self, route):\n        return route\n',
    'webby/pipeline.py': 'from webby_core.pipeline.pipe import Pipe as Pipe\nfrom webby_core.pipeline.extras import RequirePipe as _RequirePipe\n\n\nclass RequirePipe(_RequirePipe):\n    def pipe_request(self, next_pipe):\n        return next_pipe()\n',
    'webby/orm/__init__.py': '',
    'webby/orm/base.py': 'import json\n\nfrom pydal import DAL\n\n\nclass Database(DAL):\n    def dump(self):\n        return json.dumps({})\n',
    'examples/hello.py': 'from webby import App\n\napp = App(__name__)\n\n\n@app.route("/")\ndef index():\n    return "hi"\n',
    'webby/auth.py': 'class Auth:\n    def __init__(self):\n        self.mails = {}\n\n    def registration_mail(self, f):\n        self.mails["registration"] = f\n        return f\n',
    'docs/routing.md': '# Routing\n\nRoutes are matched in the order they are registered.\n',
    'docs/pipeline.md': '# The pipeline\n\nPipes run around the handler.\n',
    'docs/deployment.md': '# Deployment\n\nRun it behind a proxy.\n',
    'docs/orm/models.md': '# Models\n',
    'docs/orm/relations.md': '# Relations\n',
  };
  const { answerOf, factsOfItem } = workspaceAnswers(files);

  it('name the dependency the framework builds on, with the classes that derive from it', () => {
    const facts = factsOfItem('framework.one-module');
    assert.ok(facts.some((line) => line.startsWith('`webby_core`, a declared dependency, holds the bases of 4 classes of the code: ')), facts.join('\n'));
    assert.ok(!facts.some((line) => line.startsWith('`json`')), facts.join('\n'));
  });

  it("point the routing questions at the repository's page on routing, telling the router's base before a response module's", () => {
    const answer = answerOf('framework.route-precedence');
    const facts = factsOfItem('framework.route-precedence');
    assert.equal(facts[0], 'These classes derive from classes of the dependency `webby_core`: HTTPRouter ← webby_core.routing.router.HTTPRouter, TemplateResponseBuilder ← webby_core.routing.response.ResponseProcessor; what they inherit is written there, not in this repository — webby/routing/router.py:4');
    assert.equal(answer?.parts[0]?.gap?.readAt?.path, 'docs/routing.md');
  });

  it("send the reader to the repository's own documentation page on each inherited topic, and to no other page", () => {
    const routing = factsOfItem('framework.route-precedence');
    assert.ok(routing.includes("The repository's documentation on this topic: `docs/routing.md` — docs/routing.md:1"), routing.join('\n'));
    assert.ok(!routing.some((line) => line.includes('docs/pipeline.md') || line.includes('docs/deployment.md')), routing.join('\n'));
    const order = factsOfItem('framework.middleware-order');
    assert.ok(order.includes("The repository's documentation on this topic: `docs/pipeline.md` — docs/pipeline.md:1"), order.join('\n'));
    assert.ok(!order.some((line) => line.includes('docs/routing.md') || line.includes('docs/deployment.md')), order.join('\n'));
    const orm = factsOfItem('framework.orm-sql');
    assert.ok(orm.includes("The repository's documentation on this topic, in `docs/orm/`: models.md, relations.md — docs/orm/models.md:1"), orm.join('\n'));
  });

  it('never tell a registrar of mails as a check before the handler, though its class is named for authentication', () => {
    const precondition = factsOfItem('framework.precondition');
    assert.ok(factsOfItem('framework.extend').some((line) => line.startsWith('`Auth.registration_mail` registers the function it decorates')), factsOfItem('framework.extend').join('\n'));
    assert.ok(!precondition.some((line) => line.includes('`Auth.registration_mail`')), precondition.join('\n'));
  });

  it("tell the pipeline and the ORM's bases from their dependencies, a distribution's name prefixing the module's", () => {
    assert.ok(factsOfItem('framework.middleware-order').includes('`RequirePipe` derives from `webby_core.pipeline.extras.RequirePipe`, a class of the dependency `webby_core`: what it inherits is written there, not in this repository — webby/pipeline.py:5'), factsOfItem('framework.middleware-order').join('\n'));
    assert.ok(factsOfItem('framework.orm-sql').includes('`Database` derives from `pydal.DAL`, a class of the dependency `pydal`: what it inherits is written there, not in this repository — webby/orm/base.py:6'), factsOfItem('framework.orm-sql').join('\n'));
  });
});

describe("a Python service's answers beside a TypeScript frontend", () => {
  const files: Record<string, string> = {
    ...MONITORS,
    'frontend/package.json': '{ "name": "monitors-ui", "dependencies": { "react": "^19.0.0" } }\n',
    'frontend/src/client/serializer.ts': 'export function serializeParam(value: unknown): string {\n  if (typeof value === "object") {\n    throw new Error("Deeply-nested objects are not supported");\n  }\n  return String(value);\n}\n',
  };
  const { factsOfItem } = workspaceAnswers(files);

  it("tell the rules of the API's language only, never the frontend's guards", () => {
    const invariants = factsOfItem('service.invariants');
    assert.ok(invariants.some((line) => line.includes('monitors/api/models.py')), invariants.join('\n'));
    assert.ok(!invariants.some((line) => line.includes('frontend/')), invariants.join('\n'));
  });
});
