import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { phraseText } from '../../src/core/answers/phrases';
import { renderMarkdown } from '../../src/core/render/markdown';
import type { AnalysisResult, Answer } from '../../src/core/result';
import { analyzeFolder } from '../../src/node/analyzeFolder';
import { factsOf, tempWorkspace } from '../helpers';

/** A workspace written for a test, analysed once before its tests: its answers and its result. */
function analysed(files: Record<string, string>): { answerOf: (item: string) => Answer | undefined; factsOfItem: (item: string) => string[]; result: () => AnalysisResult } {
  let answers: Answer[] = [];
  let result: AnalysisResult | undefined;
  before(async () => {
    const workspace = tempWorkspace(files);
    try {
      const analysis = await analyzeFolder(workspace.root, { threads: 1 });
      answers = analysis.answers();
      result = analysis.result;
    } finally {
      workspace.cleanup();
    }
  });
  const answerOf = (item: string) => answers.find((answer) => answer.item === item);
  return { answerOf, factsOfItem: (item) => factsOf(answerOf(item)), result: () => result as AnalysisResult };
}

/** The gap lines of an answer, as said, with where each sends the reader. */
function gapsOf(answer: Answer | undefined): string[] {
  return (answer?.parts ?? []).flatMap((part) => (part.gap ? [`${phraseText(part.gap)}${part.gap.readAt ? ` @ ${part.gap.readAt.path}` : ''}`] : []));
}

describe("a framework's answers on the handler's contract, hook order, decorators that keep or hand on a function and model callbacks", () => {
  const { factsOfItem } = analysed({
    'pyproject.toml': '[project]\nname = "hookweb"\nversion = "1.0.0"\ndescription = "A small web framework"\n',
    'hookweb/__init__.py': 'from .app import App, Response\nfrom .orm import before_save\n',
    'hookweb/app.py': [
      'import json',
      '',
      '',
      'class Response:',
      '    def __init__(self, body, status=200, headers=None):',
      '        self.body = body',
      '        self.status = status',
      '        self.headers = headers or {}',
      '',
      '',
      'class App:',
      '    def __init__(self):',
      '        self.routes = {}',
      '        self.before_request_funcs = []',
      '        self.after_request_funcs = []',
      '',
      '    def route(self, path):',
      '        def decorator(f):',
      '            self.routes[path] = f',
      '            return f',
      '        return decorator',
      '',
      '    def before_request(self, f):',
      '        self.before_request_funcs.append(f)',
      '        return f',
      '',
      '    def after_request(self, f):',
      '        self.after_request_funcs.append(f)',
      '        return f',
      '',
      '    def dispatch(self, request):',
      '        for hook in self.before_request_funcs:',
      '            hook(request)',
      '        view = self.routes[request.path]',
      '        rv = view(request, **request.args)',
      '        if isinstance(rv, tuple):',
      '            rv = Response(*rv)',
      '        elif isinstance(rv, (str, bytes)):',
      '            rv = Response(rv)',
      '        elif isinstance(rv, dict):',
      '            rv = Response(json.dumps(rv), headers={"Content-Type": "application/json"})',
      '        for hook in reversed(self.after_request_funcs):',
      '            rv = hook(rv)',
      '        return rv',
      '',
      '',
      'class Auth:',
      '    def __init__(self):',
      '        self.loader = None',
      '        self.after_login_hooks = []',
      '',
      '    def user_loader(self, f):',
      '        self.loader = f',
      '',
      '    def after_login(self, f):',
      '        self.after_login_hooks.append(f)',
      '        return f',
      '',
      '',
      'class Site:',
      '    def __init__(self):',
      '        self.app = App()',
      '',
      '    def page(self, path):',
      '        return self.app.route(path)',
      '',
    ].join('\n'),
    'hookweb/guards.py': [
      'class LoginRequired:',
      '    def __init__(self, app):',
      '        self.app = app',
      '',
      '    def __call__(self, environ, start_response):',
      '        if not environ.get("REMOTE_USER"):',
      '            start_response("401 Unauthorized", [])',
      '            return [b""]',
      '        return self.app(environ, start_response)',
      '',
      '',
      'class Timing:',
      '    def __init__(self, app):',
      '        self.app = app',
      '',
      '    def __call__(self, environ, start_response):',
      '        return self.app(environ, start_response)',
      '',
      '',
      'class AuthSession:',
      '    def __init__(self, app):',
      '        self.app = app',
      '',
      '    def __call__(self, environ, start_response):',
      '        if not environ.get("HTTP_COOKIE"):',
      '            return self.app(environ, start_response)',
      '        environ["auth.user"] = environ["HTTP_COOKIE"]',
      '        return self.app(environ, start_response)',
      '',
    ].join('\n'),
    'hookweb/orm.py': [
      'class Callback:',
      '    def __init__(self, f, event):',
      '        self.f = f',
      '        self.event = event',
      '',
      '',
      'def before_save(f):',
      '    return Callback(f, "before_save")',
      '',
    ].join('\n'),
    'examples/blog.py': [
      'from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column',
      '',
      'from hookweb import App, before_save',
      'from hookweb.app import Auth',
      '',
      'app = App()',
      'auth = Auth()',
      '',
      '',
      'class Base(DeclarativeBase):',
      '    pass',
      '',
      '',
      'class Post(Base):',
      '    __tablename__ = "posts"',
      '    id: Mapped[int] = mapped_column(primary_key=True)',
      '    title: Mapped[str]',
      '',
      '    @before_save',
      '    def set_slug(self):',
      '        self.slug = self.title.lower()',
      '',
      '',
      '@auth.user_loader',
      'def load_user(user_id):',
      '    return None',
      '',
      '',
      '@app.route("/posts")',
      'def posts(request):',
      '    return {"posts": []}',
      '',
    ].join('\n'),
  });

  it('tell what a handler returns is converted from, each type with what the code does, and where the value comes from', () => {
    const contract = factsOfItem('framework.core-abstractions');
    assert.ok(contract.includes('`App.dispatch` gets the handler\'s value as `rv = view(request, **request.args)` — hookweb/app.py:35'), contract.join('\n'));
    assert.ok(contract.includes('`App.dispatch`: when `rv` is tuple: `rv = Response(*rv)` — hookweb/app.py:36'), contract.join('\n'));
    assert.ok(contract.includes('`App.dispatch`: when `rv` is str | bytes: `rv = Response(rv)` — hookweb/app.py:38'), contract.join('\n'));
    assert.ok(contract.includes('`App.dispatch`: when `rv` is dict: `rv = Response(json.dumps(rv), headers={"Content-Type": "application/json"})` — hookweb/app.py:40'), contract.join('\n'));
  });

  it('tell hooks run in reverse as reversed, and where each kind is kept in the order of registration', () => {
    const order = factsOfItem('framework.middleware-order');
    assert.ok(order.includes('`App.dispatch` runs the request hooks `reversed(self.after_request_funcs)` in reverse: the last registered first — hookweb/app.py:42'), order.join('\n'));
    assert.ok(!order.some((line) => line.includes('`reversed(self.after_request_funcs)` in the order they were registered')), order.join('\n'));
    assert.ok(order.includes('`App.dispatch` runs the request hooks `self.before_request_funcs` in the order they were registered — hookweb/app.py:32'), order.join('\n'));
    assert.ok(order.includes('`App.before_request` appends each hook it is given to `self.before_request_funcs`: hooks of that kind are kept in the order they are registered — hookweb/app.py:24'), order.join('\n'));
  });

  it('tell a decorator that keeps the function in an attribute as keeping it, never as wrapping it', () => {
    const extend = factsOfItem('framework.extend');
    assert.ok(extend.includes('`Auth.user_loader` keeps the function it decorates in `self.loader` for the code to call later, and defines no wrapper — hookweb/app.py:52'), extend.join('\n'));
    assert.ok(!extend.some((line) => line.startsWith('`Auth.user_loader` wraps')), extend.join('\n'));
  });

  it('tell a method that only calls a registering decorator of an object it holds as registering through it', () => {
    const extend = factsOfItem('framework.extend');
    assert.ok(extend.includes('`Site.page` registers the function it decorates through `App.route`, which is all it calls — hookweb/app.py:64'), extend.join('\n'));
    assert.ok(!extend.some((line) => line.startsWith('`Site.page` wraps')), extend.join('\n'));
  });

  it("tell a decorator worn by models' methods as a model callback, never as a request hook or a wrapper", () => {
    const extend = factsOfItem('framework.extend');
    assert.ok(extend.includes('`before_save` marks a method of a model as a callback the ORM runs; 1 model methods here wear it — hookweb/orm.py:7'), extend.join('\n'));
    assert.ok(!extend.some((line) => line.startsWith('`before_save` wraps')), extend.join('\n'));
    const precondition = factsOfItem('framework.precondition');
    assert.ok(!precondition.some((line) => line.includes('`before_save`')), precondition.join('\n'));
    // A hook run after a login is no precondition, though its class is named for authentication.
    assert.ok(extend.includes('`Auth.after_login` registers the function it decorates — hookweb/app.py:55'), extend.join('\n'));
    assert.ok(!precondition.some((line) => line.includes('`Auth.after_login`')), precondition.join('\n'));
  });

  it('tell a middleware class that answers the request itself under a condition as what a permission check is attached as, and no middleware that only sets up state', () => {
    const precondition = factsOfItem('framework.precondition');
    assert.ok(precondition.includes('`LoginRequired` refuses a request under a condition here (`start_response`): a permission check on a route is attached as such a middleware — hookweb/guards.py:7'), precondition.join('\n'));
    assert.ok(!precondition.some((line) => line.includes('`Timing`')), precondition.join('\n'));
    // Named for authentication, it loads the user and passes every request on: it checks nothing.
    assert.ok(!precondition.some((line) => line.includes('`AuthSession`')), precondition.join('\n'));
  });
});

describe("a library's answers on delivery, retries and its documented reasons", () => {
  const broker = (name: string, module: string) => `import ${module}\n\nfrom ..base import Broker\n\n\nclass ${name}(Broker):\n    def put(self, queue, message):\n        ${module}.send(queue, message)\n\n    def get(self, queue):\n        return ${module}.receive(queue)\n`;
  const { answerOf, factsOfItem, result } = analysed({
    'pyproject.toml': '[project]\nname = "taskq"\nversion = "1.0.0"\ndescription = "Job queues"\n',
    'README.md': [
      '# taskq',
      '',
      'Job queues with one broker interface and several brokers.',
      '',
      '## Why taskq?',
      '',
      'Brokers are chosen by the deployment, not by the code that queues jobs.',
      '',
      '## Usage',
      '',
      'A job is acknowledged only after it finishes, so a job may run more than once when a worker stops.',
      '',
      '```python',
      'queue.retry(job)  # code, not a statement',
      '```',
      '',
    ].join('\n'),
    'taskq/__init__.py': 'from .base import Broker, Retry\n',
    'taskq/base.py': [
      'from abc import ABC, abstractmethod',
      '',
      '',
      'class Retry(Exception):',
      '    """Raised by a job to be run again later."""',
      '',
      '',
      'class Broker(ABC):',
      '    @abstractmethod',
      '    def put(self, queue, message): ...',
      '',
      '    @abstractmethod',
      '    def get(self, queue): ...',
      '',
    ].join('\n'),
    'taskq/brokers/__init__.py': '',
    'taskq/brokers/redis.py': broker('RedisBroker', 'redis'),
    'taskq/brokers/sockets.py': broker('SocketBroker', 'socket'),
    'taskq/reloader.py': 'def reload(path):\n    return path\n',
    'tests/__init__.py': '',
    'tests/test_brokers.py': 'from taskq.brokers.redis import RedisBroker\n\n\ndef test_put():\n    RedisBroker().put("q", "m")\n',
  });

  it('tell the retry exception with its docstring and the documents\' sentences on delivery, never a sentence of a code block', () => {
    const edges = factsOfItem('library.edge-cases');
    assert.ok(edges.includes('`Retry` is an exception the code raises or catches to run the work again: "Raised by a job to be run again later." — taskq/base.py:5'), edges.join('\n'));
    assert.ok(edges.includes('`README.md` states: "A job is acknowledged only after it finishes, so a job may run more than once when a worker stops." — README.md:11'), edges.join('\n'));
    assert.ok(!edges.some((line) => line.includes('queue.retry(job)')), edges.join('\n'));
  });

  it('quote the first paragraph of each section that gives the reasons, never a code block', () => {
    const tradeOffs = factsOfItem('library.trade-offs');
    assert.ok(tradeOffs.includes('`README.md`, section "Why taskq?": "Brokers are chosen by the deployment, not by the code that queues jobs." — README.md:7'), tradeOffs.join('\n'));
    assert.ok(!tradeOffs.some((line) => line.includes('section "Usage"')), tradeOffs.join('\n'));
  });

  it('say plainly that there is no benchmark or stress test, sending the reader to no unrelated file', () => {
    const gaps = [...gapsOf(answerOf('library.performance')), ...gapsOf(answerOf('library.edge-cases')), ...gapsOf(answerOf('library.benchmarks'))];
    assert.ok(gaps.includes('Throughput, latency percentiles and memory growth are measured by running, not by reading, and the repository has no benchmark or stress test to run'), gaps.join('\n'));
    assert.ok(gaps.includes('Overload, partitions and lost messages are observed at run time; no exception handler, timeout or stress test was found in the implementations: the code says nothing of them'), gaps.join('\n'));
    assert.ok(!gaps.some((line) => line.includes('tests/__init__.py') || line.includes('reloader')), gaps.join('\n'));
  });

  it("list in the report what the repository offers, and count what its tests define apart", () => {
    const report = renderMarkdown({ ...result(), findings: [...result().findings.filter((finding) => finding.category !== 'task'), task('taskq/base.py:send_mail', 'core'), task('tests/test_brokers.py:test_put', 'test')] });
    const tasks = report.slice(report.indexOf('## Tasks'));
    assert.match(tasks, /`taskq\/base\.py:send_mail`/);
    assert.doesNotMatch(tasks, /test_put/);
    assert.match(tasks, /1 more in test files\\: test code\\, not listed/);
  });
});

describe("a library's answer on its reasons when its documents give none", () => {
  const { answerOf, result } = analysed({
    'pyproject.toml': '[project]\nname = "plainq"\nversion = "1.0.0"\ndescription = "Queues"\n',
    'README.md': '# plainq\n\nQueues with one interface and several backends.\n\n## How can I help?\n\nOpen an issue.\n',
    'plainq/__init__.py': 'from .base import Queue\n',
    'plainq/base.py': 'from abc import ABC, abstractmethod\n\n\nclass Queue(ABC):\n    @abstractmethod\n    def put(self, item): ...\n\n    @abstractmethod\n    def get(self): ...\n',
    'plainq/backends/__init__.py': '',
    'plainq/backends/memory.py': 'import collections\n\nfrom ..base import Queue\n\n\nclass MemoryQueue(Queue):\n    def put(self, item):\n        collections.deque().append(item)\n\n    def get(self):\n        return collections.deque().pop()\n',
    'plainq/backends/disk.py': 'import shelve\n\nfrom ..base import Queue\n\n\nclass DiskQueue(Queue):\n    def put(self, item):\n        shelve.open("q")\n\n    def get(self):\n        return shelve.open("q")\n',
  });

  const kind = () => result().kind;
  it('say that static analysis cannot tell why, and never take a help section for a reason', () => {
    const answer = answerOf('library.trade-offs');
    assert.ok(answer, JSON.stringify(kind()));
    const rationale = answer?.parts.find((part) => part.topic.phrase === "Where the project's documents give its design reasons or compare it");
    assert.ok(rationale?.gap && !rationale.facts.length, JSON.stringify(rationale));
    assert.match(phraseText(rationale.gap), /static analysis cannot tell why: read README\.md$/);
  });
});

describe("a library with one implementation: what its users plug in, how it is started, where it handles failures", () => {
  const { answerOf, factsOfItem } = analysed({
    'pyproject.toml': "[project]\nname = \"jobrun\"\nversion = \"1.0.0\"\ndescription = \"A job queue client\"\n\n[project.scripts]\njobrun = 'jobrun.cli:main'\n",
    'README.md': '# jobrun\n\nRun jobs from a queue.\n\n## Why jobrun?\n\nIt is about 3x faster than\n*Taskmill* for short jobs.\n',
    'docs/index.rst': 'jobrun\n======\n\nWhy use *jobrun*?\n\n**small**\n    *jobrun* keeps one worker per process\n    and nothing else.\n\nInstall\n-------\n\nJust pip.\n',
    'jobrun/__init__.py': 'from .worker import Worker, create_worker\nfrom .schedule import every\n',
    'jobrun/typing.py': [
      'from typing import Any, Callable, Dict, Optional, Protocol, Sequence',
      '',
      'Encoder = Callable[[Dict[str, Any]], bytes]',
      '',
      '',
      'class Hook(Protocol):',
      '    def __call__(self, ctx: Dict[str, Any]) -> None: ...',
      '',
      '',
      'class Settings(Protocol):',
      '    jobs: Sequence[Any]',
      '    on_start: Optional[Hook] = None',
      '',
    ].join('\n'),
    'jobrun/schedule.py': 'class Entry:\n    def __init__(self, job, seconds):\n        self.job = job\n        self.seconds = seconds\n\n\ndef every(job, seconds) -> Entry:\n    return Entry(job, seconds)\n',
    'jobrun/worker.py': [
      'import asyncio',
      'import socket',
      'from typing import Optional, Sequence',
      '',
      'from .schedule import Entry',
      'from .typing import Encoder, Hook, Settings',
      '',
      '',
      'class Worker:',
      "    def __init__(self, jobs: Sequence = (), *, entries: Optional[Sequence[Entry]] = None, on_start: Optional['Hook'] = None, encoder: Optional[Encoder] = None, max_jobs: int = 10):",
      '        self.jobs = jobs',
      '        self.entries = entries',
      '        self.on_start = on_start',
      '        self.encoder = encoder',
      '        self.max_jobs = max_jobs',
      '',
      '    async def run_job(self, job):',
      '        try:',
      '            await asyncio.wait_for(job(), 5)',
      '        except asyncio.TimeoutError:',
      '            return False',
      '        except KeyError:',
      '            return None',
      '',
      '    def close(self):',
      '        self.jobs = ()',
      '',
      '',
      'def create_worker(settings: Settings) -> Worker:',
      '    return Worker(settings.jobs)',
      '',
      '',
      'def encode(data, encoder: Optional[Encoder] = None, queue: Optional[str] = None):',
      '    if encoder is None:',
      '        encoder = repr',
      '    if queue is None:',
      '        queue = "default"',
      '    return encoder(data)',
      '',
    ].join('\n'),
    'jobrun/connect.py': [
      'class Client:',
      '    def __init__(self, host):',
      '        self.host = host',
      '',
      '',
      'class SentryClient(Client):',
      '    pass',
      '',
      '',
      'def connect(settings):',
      '    if settings.watched:',
      '        client = SentryClient(settings.host)',
      '    else:',
      '        client = Client(settings.host)',
      '    if not client.host:',
      '        raise ValueError(settings.host)',
      '    return client',
      '',
    ].join('\n'),
    'jobrun/cli.py': 'import sys\n\nfrom .worker import create_worker\n\n\ndef main():\n    try:\n        import watcher\n    except ImportError:\n        sys.exit(1)\n    create_worker(sys.argv[1]).close()\n',
    'tests/__init__.py': '',
    'tests/test_worker.py': 'from jobrun.worker import Worker\n\n\ndef test_close():\n    Worker().close()\n',
  });

  it('say plainly there is one implementation, on the trade-offs and on adding one, and never that nothing is chosen at run time', () => {
    for (const item of ['library.trade-offs', 'library.new-implementation']) {
      assert.ok(factsOfItem(item).includes('`Worker` is the one implementation: no interface declares methods for another to provide; users configure `Worker` through what its constructor takes — jobrun/worker.py:9'), factsOfItem(item).join('\n'));
      assert.ok(!factsOfItem(item).some((line) => line.includes('nothing chooses')), factsOfItem(item).join('\n'));
    }
  });

  it('tell what chooses between code paths: a callable used when a parameter is None, a class made under a flag, and no plain default or raised error', () => {
    const switches = factsOf(answerOf('library.new-implementation'), 'What chooses between code paths at run time');
    assert.deepEqual(switches, [
      '`connect` makes `SentryClient` here, in the branch where `settings.watched` holds — jobrun/connect.py:12',
      '`connect` makes `Client` here, in the branch where `settings.watched` does not hold — jobrun/connect.py:14',
      '`encode` uses `repr` when `encoder` is not given (None) — jobrun/worker.py:34',
    ]);
  });

  it('tell the callables a user plugs in with their shape, the entries made by the library, the settings with no default and the defaults', () => {
    const facts = factsOfItem('library.new-implementation');
    assert.ok(facts.includes('`Worker.__init__` takes `on_start: Optional[Hook] = None`: a callable the user plugs in, of the shape `(ctx: Dict[str, Any]) -> None` — jobrun/worker.py:10'), facts.join('\n'));
    assert.ok(facts.includes('`Worker.__init__` takes `encoder: Optional[Encoder] = None`: a callable the user plugs in, of the shape `Callable[[Dict[str, Any]], bytes]` — jobrun/worker.py:10'), facts.join('\n'));
    assert.ok(facts.includes("`Worker.__init__` takes `entries: Optional[Sequence[Entry]] = None`, made by the library's `every(…)` — jobrun/worker.py:10"), facts.join('\n'));
    assert.ok(facts.includes('`Settings` declares jobs with no default: every settings value must set them — jobrun/typing.py:10'), facts.join('\n'));
    assert.ok(facts.includes('`Worker` takes these settings with their defaults: jobs=(), max_jobs=10 — jobrun/worker.py:10'), facts.join('\n'));
  });

  it('follow the console command to its function and the library functions it calls', () => {
    const facts = factsOfItem('library.trade-offs');
    assert.ok(facts.includes('The console command `jobrun` runs `main` (jobrun/cli.py) — pyproject.toml:7'), facts.join('\n'));
    assert.ok(facts.includes("`main` calls the library's `create_worker` — jobrun/cli.py:6"), facts.join('\n'));
  });

  it('send the reader to the function that handles the most failures, not to the first handler found, and tell the driver\'s handlers first', () => {
    const facts = factsOfItem('library.edge-cases');
    const driver = facts.findIndex((line) => line.startsWith('`Worker.run_job` catches'));
    const helper = facts.findIndex((line) => line.startsWith('`main` catches `ImportError`'));
    assert.ok(driver >= 0 && helper > driver, facts.join('\n'));
    const gaps = gapsOf(answerOf('library.edge-cases'));
    assert.ok(gaps.includes('Overload, partitions and lost messages are observed at run time; the handlers above are where the code decides. Read `Worker.run_job`, which handles the most failures: jobrun/worker.py @ jobrun/worker.py'), gaps.join('\n'));
  });

  it("quote a reason the documentation's front page gives as a definition under a why question", () => {
    const facts = factsOfItem('library.trade-offs');
    assert.ok(facts.includes('`docs/index.rst`, section "Why use *jobrun*?": "*jobrun* keeps one worker per process and nothing else." — docs/index.rst:7'), facts.join('\n'));
  });

  it('name a peer the README compares it with, the comparison wrapped over two lines', () => {
    const purpose = factsOfItem('library.problem');
    assert.ok(purpose.includes('`README.md` names Taskmill: "It is about 3x faster than *Taskmill* for short jobs." — README.md:7'), purpose.join('\n'));
  });
});

describe("a library's docstrings that compare its implementations, and the benchmark to read first", () => {
  const store = (name: string, module: string) => `import ${module}\n\nfrom ..base import BaseStore\n\n\nclass ${name}(BaseStore):\n    def _get(self, key):\n        return ${module}.load(key)\n\n    def _set(self, key, value):\n        ${module}.dump(key, value)\n`;
  const { answerOf, factsOfItem } = analysed({
    'pyproject.toml': '[project]\nname = "kvstore"\nversion = "1.0.0"\ndescription = "Key-value stores with several backends"\n\n[project.optional-dependencies]\nremote = ["remote-kvclient>=1.0"]\n',
    'kvstore/__init__.py': 'from .base import BaseStore\n',
    'kvstore/base.py': 'from abc import ABC, abstractmethod\n\n\nclass BaseStore(ABC):\n    @abstractmethod\n    def _get(self, key): ...\n\n    @abstractmethod\n    def _set(self, key, value): ...\n',
    'kvstore/backends/__init__.py': '',
    // Each releases a lock by testing its token first: the disk store awaits the read, the memory store does not.
    'kvstore/backends/memory.py': `${store('MemoryStore', 'pickle')}\n    async def _release(self, key, token):\n        if pickle.load(key) == token:\n            return pickle.delete(key)\n        return 0\n`,
    'kvstore/backends/disk.py': `${store('DiskStore', 'shelve')}\n    async def _release(self, key, token):\n        if await self._get(key) == token:\n            return await shelve.delete(key)\n        return 0\n`,
    'kvstore/backends/sockets.py': store('SocketStore', 'socket'),
    'kvstore/backends/remote.py': store('RemoteStore', 'kvclient'),
    'tests/test_remote.py': 'from kvstore.backends.remote import RemoteStore\n\n\ndef test_get():\n    RemoteStore()._get("k")\n',
    'tests/conftest.py': 'import pytest\n\nfrom kvstore.backends.remote import RemoteStore\n\n\n@pytest.fixture\ndef remote():\n    return RemoteStore()\n',
    'kvstore/lock.py': [
      'class Lock:',
      '    """',
      '    A lock over a store, see <https://example.org/memory-locks>.',
      '',
      '    Per store:',
      '',
      '        - Memory locks hold within one process only.',
      '        - Disk locks hold across processes that share',
      '          the same folder.',
      '    """',
      '',
      '    def acquire(self, store):',
      '        return store',
      '',
    ].join('\n'),
    'tests/performance/__init__.py': '',
    'tests/performance/conftest.py': 'import pytest\n\n\n@pytest.fixture\ndef store():\n    return None\n',
    'tests/performance/test_load.py': 'def test_many_gets(store):\n    assert store is None\n\n\ndef test_many_sets(store):\n    assert store is None\n',
  });

  it("quote each paragraph of a docstring that compares the implementations, leaving out one that names them in a link only", () => {
    const facts = factsOfItem('library.trade-offs');
    assert.ok(facts.includes('`Lock`\'s docstring says of `MemoryStore` (the authors\' words): "Memory locks hold within one process only." — kvstore/lock.py:7'), facts.join('\n'));
    assert.ok(facts.includes('`Lock`\'s docstring says of `DiskStore` (the authors\' words): "Disk locks hold across processes that share the same folder." — kvstore/lock.py:8'), facts.join('\n'));
    assert.ok(!facts.some((line) => line.includes('example.org')), facts.join('\n'));
  });

  it("tell beside the authors' words an implementation that tests an awaited read before it writes, and not one whose read and write run with no await between", () => {
    const facts = factsOfItem('library.trade-offs');
    assert.ok(facts.includes('`DiskStore._release` runs `shelve.delete` when `await self._get(key) == token` holds: the read and the write are two awaited calls, so another task or client can change the value between them — the code does not make them one atomic step — kvstore/backends/disk.py:15'), facts.join('\n'));
    assert.ok(!facts.some((line) => line.startsWith('`MemoryStore._release`')), facts.join('\n'));
  });

  it('tell the packaging extra that installs the client only one implementation imports, and where each is tested', () => {
    const facts = factsOfItem('library.new-implementation');
    assert.ok(facts.includes('`RemoteStore` needs `kvclient`, installed with the packaging extra `remote`: a new implementation declares its client so — pyproject.toml:7'), facts.join('\n'));
    assert.ok(facts.includes('`RemoteStore` is tested in tests/test_remote.py, tests/conftest.py — tests/test_remote.py:1'), facts.join('\n'));
    assert.ok(!facts.some((line) => line.startsWith('`MemoryStore` needs')), facts.join('\n'));
  });

  it('send the reader to the benchmark file that defines the benchmarks, not to an empty package file or its fixtures', () => {
    const gaps = [...gapsOf(answerOf('library.performance')), ...gapsOf(answerOf('library.edge-cases'))];
    assert.ok(gaps.length >= 2 && gaps.every((line) => line.endsWith('@ tests/performance/test_load.py')), gaps.join('\n'));
  });
});

function task(symbol: string, layer: string): AnalysisResult['findings'][number] {
  return { category: 'task', symbol, range: { start: { line: 3, character: 0 }, end: { line: 4, character: 0 } }, layer, details: { rule: 'task-fixture' } };
}
