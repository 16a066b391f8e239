import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { phraseText } from '../../src/core/answers/phrases';
import type { Answer } from '../../src/core/result';
import { workspaceAnswers } from '../helpers';

const gapsOf = (answer: Answer | undefined) => (answer?.parts ?? []).flatMap((part) => (part.gap ? [phraseText(part.gap)] : []));

/**
 * A small records library written for these tests: a result list built on a third-party sorted
 * collection that turns one operation off, and lazy relations whose base catches a lookup's
 * failure, made by one wrapper class per kind of relation.
 */
export const RECORDS: Record<string, string> = {
  'pyproject.toml': '[project]\nname = "tallyrecords"\nversion = "1.0.0"\ndescription = "Records and lazy relations: a small client"\ndependencies = ["sortedcontainers"]\n',
  'tallyrecords/__init__.py': 'from .records import Joined, Many, One, Records\nfrom .wrappers import ManyWrap, OneWrap\n',
  'tallyrecords/records.py': [
    'from sortedcontainers import SortedList',
    '',
    '',
    'class Records(SortedList):',
    '    def first(self):',
    '        return self[0]',
    '',
    '    def render(self, *args, **kwargs):',
    '        raise NotImplementedError',
    '',
    '',
    'class Joined(Records):',
    '    def as_list(self):',
    '        return list(self)',
    '',
    '',
    'class Relation:',
    '    def __init__(self, source, row):',
    '        self.source = source',
    '        self.row = row',
    '',
    '    def _query(self):',
    '        try:',
    '            return getattr(self.source, "lookup")(self.row)',
    '        except AttributeError as error:',
    '            raise RuntimeError(str(error))',
    '',
    '    def fetch(self):',
    '        return self._load()',
    '',
    '',
    'class One(Relation):',
    '    def _load(self):',
    '        return self._query()',
    '',
    '',
    'class Many(Relation):',
    '    def _load(self):',
    '        return [self._query()]',
    '',
  ].join('\n'),
  'tallyrecords/wrappers.py': [
    'from .records import Many, One',
    '',
    '',
    'class Wrap:',
    '    def __init__(self, name):',
    '        self.name = name',
    '',
    '',
    'class OneWrap(Wrap):',
    '    def __call__(self, source, row):',
    '        return One(source, row)',
    '',
    '',
    'class ManyWrap(Wrap):',
    '    def __call__(self, source, row):',
    '        return Many(source, row)',
    '',
  ].join('\n'),
};

describe("a library's contract, choice of implementation and failure handling, told only as far as the code proves", () => {
  const { answerOf, factsOfItem } = workspaceAnswers(RECORDS);

  it('tell a NotImplementedError raise over a third-party base, that an implementation inherits, as a method switched off and not a contract', () => {
    const methods = factsOfItem('library.mandatory-methods');
    assert.ok(
      methods.includes('`Records.render(args, kwargs)` raises `NotImplementedError` in `Records`, a class built on `sortedcontainers.SortedList` from outside the workspace, and it is not defined in `Joined`: the raise switches the method off, it is not one every implementation must define — tallyrecords/records.py:8'),
      methods.join('\n'),
    );
    assert.ok(!methods.some((line) => line.includes('every implementation must define it')), methods.join('\n'));
    const table = answerOf('library.mandatory-methods')?.parts.find((part) => part.table?.subject.endsWith('Records'))?.table;
    assert.equal(table?.rows[0]?.cells[table.methods.indexOf('render')], 'inherits');
  });

  it('tell sibling wrapper classes that each make one implementation as where the implementation is chosen', () => {
    const chosen = factsOfItem('library.new-implementation');
    assert.ok(chosen.includes("The subclasses of `Wrap` each make one implementation (OneWrap → One, ManyWrap → Many): the wrapper's type chooses which one a user gets — tallyrecords/wrappers.py:9"), chosen.join('\n'));
    assert.ok(!gapsOf(answerOf('library.new-implementation')).some((line) => line.startsWith('No registry, factory or entry point')), gapsOf(answerOf('library.new-implementation')).join('\n'));
  });

  it("tell the interface's own exception handlers, and never say that the implementations handle nothing", () => {
    const edges = factsOfItem('library.edge-cases');
    assert.ok(edges.includes('`Relation._query` catches `AttributeError`, then: `raise RuntimeError(str(error))` — tallyrecords/records.py:25'), edges.join('\n'));
    const gaps = gapsOf(answerOf('library.edge-cases'));
    assert.ok(!gaps.some((line) => line.includes('no exception handler')), gaps.join('\n'));
    assert.ok(!gaps.some((line) => line.includes('stress tests')), gaps.join('\n'));
  });
});

/** A small storage library written for these tests: a Protocol declares the members, two classes conform. */
const STORES: Record<string, string> = {
  'pyproject.toml': '[project]\nname = "stashkit"\nversion = "1.0.0"\ndescription = "A key-value store client with memory and disk backends"\nclassifiers = ["Topic :: Software Development :: Libraries"]\n',
  'stashkit/__init__.py': 'from .base import Store\nfrom .backends.memory import MemoryStore\nfrom .backends.disk import DiskStore\n',
  'stashkit/base.py': [
    'from typing import Protocol',
    '',
    '',
    'class Store(Protocol):',
    '    def get(self, key: str) -> bytes:',
    '        """The value stored under the key."""',
    '        ...',
    '',
    '    def put(self, key: str, value: bytes) -> None: ...',
    '',
    '    def describe(self) -> str:',
    '        return type(self).__name__',
    '',
  ].join('\n'),
  'stashkit/backends/memory.py': [
    'from ..base import Store',
    '',
    '',
    'class MemoryStore(Store):',
    '    def __init__(self):',
    '        self.values = {}',
    '',
    '    def get(self, key):',
    '        return self.values[key]',
    '',
    '    def put(self, key, value):',
    '        self.values[key] = value',
    '',
  ].join('\n'),
  'stashkit/backends/disk.py': [
    'from pathlib import Path',
    '',
    'from ..base import Store',
    '',
    '',
    'class DiskStore(Store):',
    '    def __init__(self, root):',
    '        self.root = Path(root)',
    '',
    '    def get(self, key):',
    '        return (self.root / key).read_bytes()',
    '',
    '    def put(self, key, value):',
    '        (self.root / key).write_bytes(value)',
    '',
  ].join('\n'),
};

describe("a Protocol's contract", () => {
  const { factsOfItem } = workspaceAnswers(STORES);

  it('tells the members a Protocol declares without a body (`...`, after a docstring or not) as the ones a conforming class defines, and a member with a body as provided', () => {
    const methods = factsOfItem('library.mandatory-methods');
    assert.ok(methods.some((line) => line.startsWith('`Store.get(key)` is declared by the interface without a body')), methods.join('\n'));
    assert.ok(methods.some((line) => line.startsWith('`Store.put(key, value)` is declared by the interface without a body')), methods.join('\n'));
    assert.ok(!methods.some((line) => line.startsWith('`Store.describe') && line.includes('without a body')), methods.join('\n'));
  });
});

/** A small framework written for these tests: a route compiles its rule, and a helper looks for typed arguments in it. */
export const ROUTING: Record<string, string> = {
  'pyproject.toml': '[project]\nname = "ruleweb"\nversion = "1.0.0"\ndescription = "A small web framework"\n',
  'ruleweb/__init__.py': 'from .app import App\n',
  'ruleweb/app.py': [
    'from .routing import Rule',
    '',
    '',
    'class App:',
    '    def __init__(self):',
    '        self.rules = []',
    '',
    '    def route(self, path):',
    '        def decorator(f):',
    '            self.rules.append(Rule(path, f))',
    '            return f',
    '        return decorator',
    '',
    '    def __call__(self, environ, start_response):',
    '        for rule in self.rules:',
    '            if rule.regex.match(environ["PATH_INFO"]):',
    '                return rule.view(environ)',
    '',
  ].join('\n'),
  'ruleweb/routing.py': [
    'import re',
    '',
    '',
    'class Rule:',
    '    def __init__(self, path, view):',
    '        self.path = path',
    '        self.view = view',
    '        self.regex = re.compile(path)',
    '',
    '',
    'def typed_arguments(path):',
    '    return re.compile(r"<int:(\\w+)>").findall(path)',
    '',
  ].join('\n'),
  'examples/hello.py': 'from ruleweb import App\n\napp = App()\n\n\n@app.route("/hello/<int:n>")\ndef hello(environ, n):\n    return str(n)\n',
};

describe("a framework's routing told as far as its regular expressions prove", () => {
  const { factsOfItem } = workspaceAnswers(ROUTING);

  it('tell an expression searched with where it is compiled as searching, and one kept as compiling', () => {
    const parameters = factsOfItem('framework.route-params');
    assert.ok(parameters.includes('`typed_arguments` searches text with regular expressions it compiles in place (`re.compile().findall`) and keeps none of them: read it for what it looks for in the text — ruleweb/routing.py:11'), parameters.join('\n'));
    assert.ok(!parameters.some((line) => line.startsWith('`typed_arguments` compiles route patterns')), parameters.join('\n'));
    assert.ok(parameters.includes('`Rule.__init__` compiles route patterns into regular expressions (`re.compile`) — ruleweb/routing.py:5'), parameters.join('\n'));
  });
});

/** A small framework written for these tests, whose routing and middleware derive from a declared dependency's and whose documentation pages tell how they work. */
export const DOCUMENTED: Record<string, string> = {
  'pyproject.toml': '[project]\nname = "layerweb"\nversion = "1.0.0"\ndescription = "A small web framework"\ndependencies = ["layercore>=1.0"]\n',
  'layerweb/__init__.py': 'from .app import App\nfrom .pipes import Pipe, StorePipe\n',
  'layerweb/app.py': [
    'from layercore.app import App as _App',
    '',
    '',
    'class App(_App):',
    '    pass',
    '',
  ].join('\n'),
  'layerweb/routing.py': [
    'from layercore.routing import Router as _Router',
    '',
    '',
    'class Router(_Router):',
    '    def add(self, rule, f):',
    '        self.rules.append((rule, f))',
    '',
  ].join('\n'),
  'layerweb/pipes.py': [
    'from layercore.pipeline import Pipe',
    '',
    '',
    'class StorePipe(Pipe):',
    '    def __init__(self, store):',
    '        self.store = store',
    '',
    '    async def open(self):',
    '        self.store.connect()',
    '',
    '    async def close(self):',
    '        self.store.disconnect()',
    '',
  ].join('\n'),
  'docs/pipeline.md': [
    'Pipeline',
    '========',
    '',
    'Requests flow through a pipeline of pipes.',
    '',
    '```python',
    'class MyPipe(Pipe):',
    '    async def open(self):',
    '        pass',
    '    async def pipe(self, next_pipe, **kwargs):',
    '        return await next_pipe(**kwargs)',
    '```',
    '',
    'The `open` method of every pipe is called before the request flows through the pipeline. It prepares the pipe.',
    'The `pipe` method passes the request to the next pipe, so each pipe runs in the order of the list.',
    'Pipes are written as classes.',
    '',
    '> **Note:** the order in which `open` and `close` are called is not guaranteed.',
    '',
  ].join('\n'),
  'docs/routing.md': [
    'Routing',
    '=======',
    '',
    'Mark a variable part of a path as `<type:name>` and it is passed to your function.',
    '',
    '```python',
    '@app.route("/double/<int:number>")',
    'async def double(number):',
    '    return str(number * 2)',
    '```',
    '',
    '| type | specification |',
    '| --- | --- |',
    '| int | accepts integers |',
    '| str | accepts strings |',
    '',
    'Routes are matched by the core.',
    '',
    '> **Note:** *int* variables are cast to `int` before your function gets them.',
    '',
  ].join('\n'),
  'examples/double.py': 'from layerweb import App\n\napp = App()\n\n\n@app.route("/double/<int:number>")\nasync def double(number):\n    return str(number * 2)\n',
};

describe("a framework's documentation pages quoted where its core lives in a dependency", () => {
  const { factsOfItem } = workspaceAnswers(DOCUMENTED);

  it("quote the sentences of the middleware page that name the pipes' methods, the page's examples' too, with their lines", () => {
    const order = factsOfItem('framework.middleware-order');
    assert.ok(order.includes('`docs/pipeline.md` says: "The `open` method of every pipe is called before the request flows through the pipeline." — docs/pipeline.md:14'), order.join('\n'));
    assert.ok(order.includes('`docs/pipeline.md` says: "The `pipe` method passes the request to the next pipe, so each pipe runs in the order of the list." — docs/pipeline.md:15'), order.join('\n'));
    assert.ok(order.includes('`docs/pipeline.md` says: "**Note:** the order in which `open` and `close` are called is not guaranteed." — docs/pipeline.md:18'), order.join('\n'));
    assert.ok(!order.some((line) => line.includes('Pipes are written as classes')), order.join('\n'));
  });

  it('quote the routing page on the typed-parameter syntax the routes use, its table of types and its note on them', () => {
    const parameters = factsOfItem('framework.route-params');
    assert.ok(parameters.includes('`docs/routing.md` says: "Mark a variable part of a path as `<type:name>` and it is passed to your function." — docs/routing.md:4'), parameters.join('\n'));
    assert.ok(parameters.includes('`docs/routing.md` lists `int`: accepts integers — docs/routing.md:14'), parameters.join('\n'));
    assert.ok(parameters.includes('`docs/routing.md` lists `str`: accepts strings — docs/routing.md:15'), parameters.join('\n'));
    assert.ok(parameters.includes('`docs/routing.md` says: "**Note:** *int* variables are cast to `int` before your function gets them." — docs/routing.md:19'), parameters.join('\n'));
    assert.ok(!parameters.some((line) => line.includes('Routes are matched by the core')), parameters.join('\n'));
  });
});
