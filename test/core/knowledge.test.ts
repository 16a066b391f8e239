import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRuleFile } from '../../src/core/detect/rules';
import { frameworksOf } from '../../src/core/frameworks/frameworks';
import { DataFileError } from '../../src/core/knowledge/checkData';
import { knowledgeOf } from '../../src/core/knowledge/knowledge';
import { analyzeDataModel } from '../../src/core/datamodel/dataModel';
import { resolveWorkspace } from '../../src/core/resolve/resolve';
import { builtinKnowledge, knowledgeFiles } from '../../src/node/knowledge';
import { parseKindRules } from '../../src/core/classify/kindRules';
import { parseLayerRules } from '../../src/core/layers/violations';
import { parseDataAccess } from '../../src/core/resolve/repositories';
import { LayerRoles } from '../../src/core/layers/layers';
import { analyseFiles, ROOT, scanPython } from '../helpers';

/** The message a file's reading throws, which must be a `DataFileError`. */
function messageOf(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    assert.ok(error instanceof DataFileError, `not a DataFileError: ${String(error)}`);
    return error.message;
  }
  assert.fail('the file was read without complaint');
}

const KIND_RULE = 'rules:\n  - id: x\n    favours: library\n    weight: 1\n    why: y\n';

describe('knowledge files', () => {
  it('are all read by the schema: the built-in ones pass', () => {
    const knowledge = builtinKnowledge();
    assert.ok(knowledge.kindRules.length > 0 && knowledge.layerRules.length > 0);
    assert.equal(knowledge.frameworks.routerMakers.get('fastapi.APIRouter')?.name, 'fastapi');
    assert.equal(knowledge.ruleRoles.get('django-url'), 'django-urlpatterns');
  });

  it('that break the schema are named, with the key at fault and the entry it is in', () => {
    const kind = (text: string) => messageOf(() => parseKindRules({ name: 'kind-rules.yml', text }));
    assert.equal(kind(`${KIND_RULE}    folder: a\n`.replace('library', 'app')), 'kind-rules.yml: rules[0] (x).favours: must be one of framework, service, library');
    assert.equal(kind(`${KIND_RULE}    folder: a\n`.replace('weight: 1', 'weight: 0')), 'kind-rules.yml: rules[0] (x).weight: must be more than 0');
    assert.equal(kind(`${KIND_RULE}    folder: a\n    wieght: 2\n`), "kind-rules.yml: rules[0] (x): has an unknown key 'wieght'");
    assert.match(kind(KIND_RULE), /^kind-rules\.yml: rules\[0\] \(x\): needs exactly one of 'folder', 'file', 'findings', .*'readme', 'handlerRouters'$/);
    assert.match(kind(`${KIND_RULE}    folder: a\n    file: b\n`), /^kind-rules\.yml: rules\[0\] \(x\): needs exactly one of .* \(it has 'folder' and 'file'\)$/);
    assert.equal(kind(`${KIND_RULE}    findings: { category: routes, atLeast: 2 }\n`).split(': must')[0], 'kind-rules.yml: rules[0] (x).findings.category');
    assert.equal(kind('rules: 3'), 'kind-rules.yml: rules: must be a list');
    assert.equal(kind(''), 'kind-rules.yml: must be a mapping of keys to values');
    assert.match(kind('rules: [a'), /^kind-rules\.yml: not valid YAML: /);

    const layer = (text: string) => messageOf(() => parseLayerRules({ name: 'layer-rules.yml', text }));
    assert.equal(layer('rules:\n  - { id: x, from: domain, message: m }\n'), "layer-rules.yml: rules[0] (x): needs exactly one of 'to', 'toExternal'");

    const framework = (...texts: string[]) => messageOf(() => frameworksOf(texts.map((text, position) => ({ name: `frameworks/f${position}.yml`, text }))));
    assert.equal(framework('name: tiny\nrouters: { makers: [tiny.App], prefixes: true }\n'), "frameworks/f0.yml: routers: has an unknown key 'prefixes'");
    assert.equal(framework('routers: { makers: [tiny.App] }\n'), "frameworks/f0.yml: needs 'name'");
    assert.equal(framework('name: tiny\nclasses: [{ id: m, category: model }]\n'), "frameworks/f0.yml: classes[0] (m): needs at least one of 'extends', 'decoratedWith', 'scannedPackages'");
    assert.equal(framework('name: tiny\n', 'name: tiny\n'), "frameworks/f1.yml: name: 'tiny' is already the name of frameworks/f0.yml");
    assert.equal(framework('name: tiny\nviewSets: { actions: [], classes: {}, mixinModule: a, actionDecorators: [] }\n'), "frameworks/f0.yml: needs 'routers' with 'viewSets'");
    assert.equal(framework('name: tiny\nmodels: { reader: pony }\n'), 'frameworks/f0.yml: models.reader: must be one of django, tortoise, peewee, emmett, sqlalchemy, sqlmodel, typeorm, mongoose, sequelize, jpa, gorm, xorm');
    assert.equal(framework('name: tiny\nmodels: { reader: typeorm, relations: { Ref: one-to-many } }\n'), 'frameworks/f0.yml: models.relations.Ref: must be one of one-to-one, many-to-one, many-to-many');

    const dataAccess = messageOf(() => parseDataAccess({ name: 'data-access.yml', text: 'dataVerbs: [get]\nsessionNames: [db]\nsessionTypes: []\nstatementBuilders: []\n' }));
    assert.equal(dataAccess, "data-access.yml: needs 'notRepositories'");

    const roles = messageOf(() => LayerRoles.parse({ name: 'layer-roles.yml', text: 'sharedFolders: {}\ntestFiles: []\nconfigFiles: []\ndocumentationFolders: []\nkinds: {}\n' }));
    assert.equal(roles, "layer-roles.yml: kinds: needs 'framework'");
    const builtinRoles = knowledgeFiles(ROOT).layerRoles;
    const misspelt = messageOf(() => LayerRoles.parse({ ...builtinRoles, text: builtinRoles.text.replace('findings: { route: api,', 'findings: { rout: api,') }));
    assert.match(misspelt, /^src\/core\/layers\/layer-roles\.yml: kinds\.service\.findings: has a key 'rout' that must be one of middleware, /);
  });

  it("check a detector's header by the same schema", () => {
    const header = (text: string) => messageOf(() => parseRuleFile({ name: 'python/x.scm', text: `${text}(call) @finding\n` }, 'python'));
    assert.equal(header(';; category: route\n;; descripton: d\n'), "python/x.scm: needs 'description'");
    assert.equal(header(';; category: route\n;; description: d\n;; note: n\n'), "python/x.scm: has an unknown key 'note'");
    assert.match(header(';; category: route\n;; description: d\n;; qualifies: callee\n'), /^python\/x\.scm: qualifies: needs at least 2 entries \(A capture, then/);
    assert.match(header(';; category: route\n;; hint: include\n;; description: d\n'), /^python\/x\.scm: needs exactly one of 'category', 'hint' \(it has 'category' and 'hint'\)$/);
    assert.match(header(';; category: route\n;; description: d\n;; resolves: django\n'), /^python\/x\.scm: resolves: must be one of router-call, /);
    assert.equal(parseRuleFile({ name: 'python/x.scm', text: ';; category: route\n;; resolves: router-call\n;; description: d\n(call) @finding\n' }, 'python').resolves, 'router-call');
  });
});

/** ArchTrace's own knowledge with one more framework file. */
function withFramework(name: string, text: string): ReturnType<typeof knowledgeOf> {
  const builtin = knowledgeFiles(ROOT);
  return knowledgeOf({ ...builtin, frameworks: [...builtin.frameworks, { name: `frameworks/${name}.yml`, text }] });
}

describe('a framework ArchTrace did not know', () => {
  // A made-up web framework: `tinyweb.App()` makes an application whose `@app.get(...)` methods are routes.
  const TINYWEB = 'name: tinyweb\nrouters:\n  makers: [tinyweb.App]\n  dropsTrailingSlash: true\n';
  const workspace = { 'site/web.py': 'from tinyweb import App\napp = App()\n\n@app.get("/hello/")\ndef hello(): ...\n' };

  it('is a data file away: its routes are found once its file is read, and not before', async () => {
    const files = await scanPython(workspace);
    const routes = (await resolveWorkspace(files, withFramework('tinyweb', TINYWEB))).routes.map((route) => `${route.method} ${route.path} ${route.framework} -> ${route.handler}`);
    assert.deepEqual(routes, ['GET /hello tinyweb -> site/web.py:hello']);
    assert.deepEqual((await resolveWorkspace(files, builtinKnowledge())).routes, []);
  });
});

describe('an ORM ArchTrace did not know', () => {
  // A made-up ORM written as SQLAlchemy's declarative models are, with a column call of its own name.
  const TINYORM = 'name: tinyorm\nclasses:\n  - { id: tinyorm-model, category: model, extends: [tinyorm.Model] }\nmodels: { reader: sqlalchemy, columns: [Field] }\n';
  const workspace = { 'shop/models.py': 'import tinyorm\n\nclass Product(tinyorm.Model):\n    __tablename__ = "products"\n    sku = tinyorm.Field(String, primary_key=True)\n    title = tinyorm.Field(String, nullable=False)\n' };

  it("is a data file away: its models' tables are read by the reader its file names, and not before", async () => {
    const files = await scanPython(workspace);
    const tables = async (knowledge: ReturnType<typeof knowledgeOf>) => {
      const { index, findings } = await resolveWorkspace(files, knowledge);
      const { dataModel } = await analyzeDataModel(index, files, findings, knowledge.frameworks);
      return dataModel.entities.map((entity) => `${entity.table} (${entity.source}): ${entity.columns.map((column) => `${column.name}${column.primaryKey ? ' pk' : ''}${column.nullable ? '' : ' required'}`).join(', ')}`);
    };
    assert.deepEqual(await tables(withFramework('tinyorm', TINYORM)), ['products (tinyorm): sku pk required, title required']);
    assert.deepEqual(await tables(builtinKnowledge()), []);
  });
});

describe("Masonite's framework file", () => {
  it('makes its middleware and its ORM models what they are, and neither a class of another base nor a template named as a placeholder', async () => {
    const result = await analyseFiles({
      'app/middleware/AuthenticationMiddleware.py': `from masonite.middleware import Middleware


class AuthenticationMiddleware(Middleware):
    def before(self, request, response):
        if not request.user():
            return response.redirect("/login")
        return request

    def after(self, request, response):
        return request
`,
      'app/models/Post.py': `from masoniteorm.models import Model


class Post(Model):
    __table__ = "posts"
    __fillable__ = ["title", "body"]
`,
      'stubs/middlewares/Middleware.py': `from masonite.middleware import Middleware


class __class__(Middleware):
    def before(self, request, response):
        return request
`,
      'app/helpers/Timer.py': `class Timer:
    def before(self, request, response):
        return request
`,
    });
    const named = (category: string) => result.findings.filter((finding) => finding.category === category).map((finding) => finding.symbol).sort();
    assert.deepEqual(named('middleware'), ['app/middleware/AuthenticationMiddleware.py:AuthenticationMiddleware']);
    assert.deepEqual(named('model'), ['app/models/Post.py:Post']);
  });
});

describe("Litestar's framework file", () => {
  it('makes a subclass of the middleware bases Litestar documents middleware, through a workspace base too, and not a class of another base', async () => {
    const result = await analyseFiles({
      'app/middleware.py': `from litestar.middleware import ASGIMiddleware, AbstractAuthenticationMiddleware, AuthenticationResult


class TimingMiddleware(ASGIMiddleware):
    async def handle(self, scope, receive, send, next_app):
        await next_app(scope, receive, send)


class TokenAuth(AbstractAuthenticationMiddleware):
    async def authenticate_request(self, connection):
        return AuthenticationResult(user=None, auth=None)


class CookieTokenAuth(TokenAuth):
    pass
`,
      'app/helpers.py': `class Timer:
    async def handle(self, scope, receive, send, next_app):
        await next_app(scope, receive, send)
`,
    });
    const middleware = result.findings.filter((finding) => finding.category === 'middleware').map((finding) => finding.symbol).sort();
    assert.deepEqual(middleware, ['app/middleware.py:CookieTokenAuth', 'app/middleware.py:TimingMiddleware', 'app/middleware.py:TokenAuth']);
  });
});
