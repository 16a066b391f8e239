import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { factsOf, workspaceAnswers } from '../helpers';

/**
 * A Flask service written for these tests with Flask-SQLAlchemy, Flask-HTTPAuth and Flask-WTF, each
 * used as its documentation shows: a handler that checks for a duplicate before its insert and
 * answers 201 as the second item of the tuple it returns, a token auth whose error handler answers
 * 401, a form whose inline validator queries the database, a session listener that indexes what
 * a commit saved, and a test module named `tests.py`.
 */
const SHELF = {
  'requirements.txt': 'flask\nflask-sqlalchemy\nflask-httpauth\nflask-wtf\n',
  Dockerfile: 'FROM python:3.12-slim\nCOPY . /srv\nCMD ["flask", "--app", "shelf:create_app", "run"]\n',
  'shelf/__init__.py': [
    'from flask import Flask',
    'from flask_sqlalchemy import SQLAlchemy',
    '',
    'db = SQLAlchemy()',
    '',
    '',
    'def create_app():',
    '    app = Flask(__name__)',
    '    db.init_app(app)',
    '    from shelf.api import bp',
    '    app.register_blueprint(bp, url_prefix="/api")',
    '    return app',
    '',
  ].join('\n'),
  'shelf/models.py': [
    'from shelf import db',
    'from shelf.search import add_to_index',
    '',
    '',
    'class Indexed:',
    '    @classmethod',
    '    def after_commit(cls, session):',
    '        for obj in session.new:',
    '            add_to_index(obj.__tablename__, obj)',
    '',
    '',
    'class Reader(db.Model, Indexed):',
    '    id = db.Column(db.Integer, primary_key=True)',
    '    handle = db.Column(db.String(64), unique=True, nullable=False)',
    '',
    '    def to_dict(self):',
    '        return {"id": self.id, "handle": self.handle}',
    '',
    '',
    "db.event.listen(db.session, 'after_commit', Indexed.after_commit)",
    '',
  ].join('\n'),
  'shelf/search.py': [
    'from flask import current_app',
    '',
    '',
    'def add_to_index(index, obj):',
    '    current_app.elasticsearch.index(index=index, id=obj.id, document=obj.to_dict())',
    '',
  ].join('\n'),
  'shelf/api/__init__.py': 'from flask import Blueprint\n\nbp = Blueprint("api", __name__)\n\nfrom shelf.api import readers  # noqa: E402,F401\n',
  'shelf/api/errors.py': [
    'def error_response(status_code, message=None):',
    '    return {"error": message}, status_code',
    '',
    '',
    'def bad_request(message):',
    '    return error_response(400, message)',
    '',
  ].join('\n'),
  'shelf/api/auth.py': [
    'from flask_httpauth import HTTPTokenAuth',
    '',
    'from shelf.api.errors import error_response',
    '',
    'token_auth = HTTPTokenAuth()',
    '',
    '',
    '@token_auth.verify_token',
    'def verify_token(token):',
    '    return token == "secret"',
    '',
    '',
    '@token_auth.error_handler',
    'def token_auth_error(status):',
    '    return error_response(status)',
    '',
  ].join('\n'),
  'shelf/api/readers.py': [
    'import sqlalchemy as sa',
    'from flask import request',
    '',
    'from shelf import db',
    'from shelf.api import bp',
    'from shelf.api.auth import token_auth',
    'from shelf.api.errors import bad_request',
    'from shelf.forms import JoinForm',
    'from shelf.models import Reader',
    '',
    '',
    '@bp.route("/readers", methods=["POST"])',
    '@token_auth.login_required',
    'def add_reader():',
    '    data = request.get_json()',
    '    if "handle" not in data:',
    '        return bad_request("handle required")',
    '    if db.session.scalar(sa.select(Reader).where(Reader.handle == data["handle"])):',
    '        return bad_request("handle taken")',
    '    reader = Reader(handle=data["handle"])',
    '    db.session.add(reader)',
    '    db.session.commit()',
    '    return reader.to_dict(), 201, {"Location": f"/api/readers/{reader.id}"}',
    '',
    '',
    '@bp.route("/join", methods=["POST"])',
    'def join():',
    '    form = JoinForm()',
    '    if form.validate_on_submit():',
    '        reader = Reader(handle=form.handle.data)',
    '        db.session.add(reader)',
    '        db.session.commit()',
    '    return {"ok": True}',
    '',
  ].join('\n'),
  'shelf/forms.py': [
    'import sqlalchemy as sa',
    'from flask_wtf import FlaskForm',
    'from wtforms import StringField',
    'from wtforms.validators import ValidationError',
    '',
    'from shelf import db',
    'from shelf.models import Reader',
    '',
    '',
    'class JoinForm(FlaskForm):',
    '    handle = StringField("Handle")',
    '',
    '    def validate_handle(self, handle):',
    '        if db.session.scalar(sa.select(Reader).where(Reader.handle == handle.data)):',
    '            raise ValidationError("handle taken")',
    '',
    '    def validate_nothing_else(self, field):',
    '        if db.session.scalar(sa.select(Reader).where(Reader.id == field.data)):',
    '            raise ValidationError("taken")',
    '',
  ].join('\n'),
  'tests.py': [
    'import unittest',
    '',
    'from shelf import create_app, db',
    'from shelf.models import Reader',
    '',
    '',
    'class ReaderCase(unittest.TestCase):',
    '    def test_add(self):',
    '        db.session.add(Reader(handle="a"))',
    '        db.session.commit()',
    '',
  ].join('\n'),
};

describe('a Flask service that checks first, answers 201 in a tuple, and indexes after commit (a workspace written for this test)', () => {
  const { answerOf, factsOfItem } = workspaceAnswers(SHELF);

  it('reads the status a handler returns as the second item of its tuple as its success status', () => {
    const contract = factsOfItem('service.trace-flow', 'What `{0}` takes and answers with');
    assert.ok(contract.includes('answers 201 on success (`return …, 201`) — shelf/api/readers.py:23'), contract.join('\n'));
    assert.ok(!contract.some((line) => line.startsWith('writes no success status')), contract.join('\n'));
  });

  it('tells a duplicate refused by the check before the insert, and the unique rule reached only under a race, never a plain 500', () => {
    const repeats = factsOfItem('service.idempotent', 'What repeating each write does');
    assert.ok(repeats.some((line) => line.startsWith('`POST /api/readers` refuses with bad_request(…) when `db.session.scalar(sa.select(Reader).where(Reader.handle == data["handle"]))`')), repeats.join('\n'));
    assert.ok(repeats.some((line) => line.startsWith('`POST /api/join` refuses with JoinForm.validate_handle: ValidationError when `db.session.scalar(sa.select(Reader).where(Reader.handle == handle.data))`') && line.endsWith('shelf/forms.py:15')), repeats.join('\n'));
    assert.ok(!repeats.some((line) => /nothing on its path catches the integrity error, so that repeat answers 500/.test(line)), repeats.join('\n'));
    const server = factsOfItem('service.errors', "What answers 5xx: errors nothing on a route's way catches");
    assert.ok(!server.some((line) => line.includes('a duplicate answers 500')), server.join('\n'));
  });

  it('tells the 401 the auth extension answers from its error handler among the 4xx', () => {
    const handlers = factsOfItem('service.errors', 'Exception handlers');
    assert.ok(handlers.includes('`401` is answered by `token_auth_error` with 401 — shelf/api/auth.py:13'), handlers.join('\n'));
    const statuses = factsOfItem('service.errors', 'Error statuses by route');
    assert.ok(statuses.some((line) => line.startsWith("`POST /api/readers` answers 401 when `token_auth` refuses the request's credentials (`@token_auth.login_required`), through its error handler `token_auth_error` — shelf/api/readers.py:")), statuses.join('\n'));
  });

  it('tells the search index a session listener fills after each commit as work handed on after the commit', () => {
    const handed = factsOfItem('service.consistency', 'Work a flow hands elsewhere after it commits (seen later by the rest of the system)');
    assert.ok(handed.some((line) => line.includes('after_commit') && line.includes('Indexed.after_commit') && line.endsWith('shelf/models.py:20')), handed.join('\n'));
  });

  it('says the database is strongly consistent where routes commit before answering, and what is handed on after a commit eventually consistent', () => {
    const verdict = factsOfItem('service.consistency', 'Strong or eventual, as the code shows it');
    assert.ok(verdict.some((line) => line.startsWith('Traced routes that commit their writes before they answer: 2 (the first: `POST /api/join`, `db.session.commit()`)') && line.endsWith('shelf/api/readers.py:32')), verdict.join('\n'));
    assert.ok(verdict.some((line) => line.startsWith('Hand-offs after a commit: 1 (listed next)') && line.includes('eventually consistent with the database') && line.endsWith('shelf/models.py:20')), verdict.join('\n'));
  });

  it('gives no layer to the test module `tests.py`, and never counts a form as a repository', () => {
    const jobs = factsOfItem('service.draw-flow', "Each layer's job, and the files that play it here");
    assert.ok(jobs.length > 0);
    assert.ok(!jobs.some((line) => line.endsWith('tests.py:1') || line.includes('tests.py:')), jobs.join('\n'));
    assert.ok(!jobs.some((line) => line.includes('shelf/forms.py')), jobs.join('\n'));
    const commits = factsOfItem('service.transactional', 'Where work is committed and rolled back');
    assert.ok(!commits.some((line) => line.includes('tests.py')), commits.join('\n'));
    assert.ok(answerOf('service.draw-flow'));
  });
});

describe('a Flask service whose route only queues a Celery task that commits (a workspace written for this test)', () => {
  const { factsOfItem } = workspaceAnswers({
    'requirements.txt': 'flask\nflask-sqlalchemy\ncelery\n',
    'reports/__init__.py': 'from celery import Celery\nfrom flask import Flask\nfrom flask_sqlalchemy import SQLAlchemy\n\napp = Flask(__name__)\ndb = SQLAlchemy(app)\ncelery = Celery(__name__)\n',
    'reports/tasks.py': 'from reports import celery, db\n\n\n@celery.task\ndef build_report(report_id):\n    db.session.commit()\n',
    'reports/views.py': 'from reports import app\nfrom reports.tasks import build_report\n\n\n@app.route("/reports", methods=["POST"])\ndef start_report():\n    build_report.delay(1)\n    return {"queued": True}, 202\n',
  });

  it('counts no route as committing before it answers when only the task it queues commits', () => {
    const verdict = factsOfItem('service.consistency', 'Strong or eventual, as the code shows it');
    assert.ok(!verdict.some((line) => line.startsWith('Traced routes that commit their writes before they answer')), verdict.join('\n'));
  });
});

describe('a FastAPI service whose first route takes only the request object (a workspace written for this test)', () => {
  const { factsOfItem } = workspaceAnswers({
    'requirements.txt': 'fastapi\n',
    Dockerfile: 'FROM python:3.12-slim\nCOPY . /srv\nCMD ["uvicorn", "app.main:app"]\n',
    'app/main.py': 'from fastapi import FastAPI\n\nfrom app.api.routes import router\n\napp = FastAPI()\napp.include_router(router)\n',
    'app/api/routes.py': [
      'from fastapi import APIRouter, Request',
      '',
      'router = APIRouter()',
      '',
      '',
      '@router.post("/alive")',
      'def ping(request: Request):',
      '    return {"from": request.client.host}, 201',
      '',
      '',
      '@router.get("/items/{item_id}")',
      'def read_item(item_id: int):',
      '    return {"id": item_id}',
      '',
    ].join('\n'),
  });

  it('tells the 422 at a route whose handler declares a value the framework validates, not at one given the request object only', () => {
    const statuses = factsOfItem('service.errors', 'Error statuses by route');
    const invalid = statuses.filter((line) => line.includes('answered 422'));
    assert.equal(invalid.length, 1, statuses.join('\n'));
    assert.ok(invalid[0]?.endsWith('app/api/routes.py:11') || invalid[0]?.endsWith('app/api/routes.py:12'), statuses.join('\n'));
  });

  it('does not read a returned tuple as the status: FastAPI answers it as a JSON list, with 200', () => {
    const contract = factsOfItem('service.trace-flow', 'What `{0}` takes and answers with');
    assert.ok(contract.some((line) => line.startsWith('writes no success status')), contract.join('\n'));
    assert.ok(!contract.some((line) => line.includes('answers 201')), contract.join('\n'));
  });
});

/** A framework written for these tests on Falcon, its dependencies declared in setup.py. */
const RELAYWEB: Record<string, string> = {
  'pyproject.toml': '[tool.black]\nline-length = 100\n',
  'setup.py': ['from setuptools import setup', '', 'setup(', '    name="relayweb",', '    version="1.0.0",', '    description="A web framework over Falcon",', '    packages=["relayweb"],', '    install_requires=["falcon"],', ')', ''].join('\n'),
  'relayweb/__init__.py': 'from relayweb.api import API\n',
  'relayweb/api.py': [
    'import falcon',
    '',
    'from relayweb.middleware import AllowOrigins',
    '',
    '',
    'class API:',
    '    def __init__(self):',
    '        self.routes = {}',
    '        self.middleware = [AllowOrigins(self)]',
    '',
    '    def route(self, path):',
    '        def register(handler):',
    '            self.routes[path] = handler',
    '            return handler',
    '        return register',
    '',
    '    def server(self):',
    '        app = falcon.App(middleware=self.middleware)',
    '        for path, handler in self.routes.items():',
    '            app.add_route(path, handler)',
    '        return app',
    '',
  ].join('\n'),
  'relayweb/middleware.py': [
    'import re',
    '',
    '',
    'class AllowOrigins:',
    '    def __init__(self, api):',
    '        self.api = api',
    '',
    '    def match_route(self, path):',
    '        for route in self.api.routes:',
    '            if re.match(route, path):',
    '                return route',
    '',
    '    def process_request(self, request, response):',
    '        pass',
    '',
    '    def process_response(self, request, response, resource, req_succeeded):',
    '        if self.match_route(request.path):',
    '            response.set_header("Access-Control-Allow-Origin", "*")',
    '',
  ].join('\n'),
};

describe('a framework that hands its routes to Falcon, declares its dependencies in setup.py, and has a CORS middleware that matches paths (a workspace written for this test)', () => {
  const { factsOfItem } = workspaceAnswers(RELAYWEB);

  it("tells that Falcon's router decides which route wins, never a middleware's own path matching", () => {
    const precedence = factsOfItem('framework.route-precedence');
    assert.ok(precedence.includes("`API.server` makes falcon's application (`falcon.App`) and adds the routes to it (`app.add_route`): falcon's router matches each request, so which route wins and how a path's fields are parsed are falcon's rules, not this code's — relayweb/api.py:20"), precedence.join('\n'));
    assert.ok(!precedence.some((line) => line.includes('AllowOrigins')), precedence.join('\n'));
  });

  it('points at the manifest line that declares the dependencies, not at a manifest of tool settings', () => {
    const orm = factsOfItem('framework.orm-sql');
    assert.deepEqual(orm, ['The code ships no ORM: no model class, no file in the ORM layer (by folder or database import) and no query compiler; its dependencies are declared in setup.py — setup.py:8']);
  });
});

describe('the same framework with its setup() written on one line (a workspace written for this test)', () => {
  const { factsOfItem } = workspaceAnswers({ ...RELAYWEB, 'setup.py': 'from setuptools import setup\n\nsetup(name="relayweb", version="1.0.0", description="A web framework over Falcon", packages=["relayweb"], install_requires=["falcon"])\n' });

  it('still points at the line that declares the dependencies, never says the manifest declares none', () => {
    assert.deepEqual(factsOfItem('framework.orm-sql'), ['The code ships no ORM: no model class, no file in the ORM layer (by folder or database import) and no query compiler; its dependencies are declared in setup.py — setup.py:3']);
  });
});

describe("a library whose registry a metaclass fills, looked up into a local or not at all (workspaces written for this test)", () => {
  const store = (name: string, scheme: string) => `from .base import BaseStore\n\n\nclass ${name}(BaseStore):\n    SCHEME = ["${scheme}"]\n\n    def get(self, key):\n        return key\n`;
  const files = (entry: string) => ({
    'pyproject.toml': '[project]\nname = "kvstore"\nversion = "1.0.0"\n',
    'kvstore/registry.py': 'from abc import ABCMeta\n\nSTORES = {}\n\n\nclass StoreRegistry(ABCMeta):\n    def __new__(mcs, name, bases, dct):\n        cls = super().__new__(mcs, name, bases, dct)\n        for scheme in dct.get("SCHEME", []):\n            STORES[scheme] = cls\n        return cls\n',
    'kvstore/base.py': 'from abc import abstractmethod\n\nfrom .registry import StoreRegistry\n\n\nclass BaseStore(metaclass=StoreRegistry):\n    @abstractmethod\n    def get(self, key): ...\n',
    'kvstore/memory.py': store('MemoryStore', 'memory'),
    'kvstore/disk.py': store('DiskStore', 'disk'),
    'benchmarks/bench_get.py': 'from kvstore.memory import MemoryStore\n\n\ndef bench_get():\n    MemoryStore().get("k")\n',
    'kvstore/__init__.py': entry,
  });
  const intoLocal = workspaceAnswers(files('from .disk import DiskStore\nfrom .memory import MemoryStore\nfrom .registry import STORES\n\n\ndef store_for(scheme, url):\n    cls = STORES[scheme]\n    return cls(url)\n'));
  const unread = workspaceAnswers(files('from .disk import DiskStore\nfrom .memory import MemoryStore\n'));
  const chosen = (answers: ReturnType<typeof workspaceAnswers>) => factsOf(answers.answerOf('library.new-implementation'), 'How an implementation of `{0}` is chosen at run time');

  it('tells the function that takes the class from the table into a local and calls it as the lookup', () => {
    assert.ok(chosen(intoLocal).includes('`store_for` looks the implementation up by its key in `STORES` — kvstore/__init__.py:7'), chosen(intoLocal).join('\n'));
  });

  it('never says that nothing chooses an implementation beside a registry the metaclass fills', () => {
    const all = unread.factsOfItem('library.new-implementation');
    assert.ok(all.some((line) => line.startsWith('`STORES` is filled as classes are defined')), all.join('\n'));
    assert.ok(!all.some((line) => line.includes('instantiates the class directly')), all.join('\n'));
  });
});

describe('a library whose one factory makes a different class in each branch of a flag (a workspace written for this test)', () => {
  const { answerOf } = workspaceAnswers({
    'pyproject.toml': '[project]\nname = "pinger"\nversion = "1.0.0"\ndescription = "A ping client"\n',
    'pinger/__init__.py': 'from .pinger import Pinger\n',
    'pinger/pinger.py': 'import socket\n\nfrom .connect import connect\n\n\nclass Pinger:\n    def __init__(self, settings, timeout: float = 1.0):\n        self.client = connect(settings)\n        self.timeout = timeout\n\n    def ping(self):\n        return socket.create_connection((self.client.host, 80), self.timeout)\n',
    'pinger/connect.py': [
      'class Client:',
      '    def __init__(self, host):',
      '        self.host = host',
      '',
      '',
      'class TracedClient(Client):',
      '    pass',
      '',
      '',
      'def build(cls, host):',
      '    return cls(host)',
      '',
      '',
      'def connect(settings):',
      '    if settings.traced:',
      '        client = build(TracedClient, settings.host)',
      '    else:',
      '        client = build(Client, settings.host)',
      '    return client',
      '',
    ].join('\n'),
  });

  it("tells each branch's own class, never the other branch's", () => {
    const switches = factsOf(answerOf('library.new-implementation'), 'What chooses between code paths at run time');
    assert.ok(switches.includes('`connect` makes `TracedClient` here, in the branch where `settings.traced` holds — pinger/connect.py:16'), switches.join('\n'));
    assert.ok(switches.includes('`connect` makes `Client` here, in the branch where `settings.traced` does not hold — pinger/connect.py:18'), switches.join('\n'));
  });
});
