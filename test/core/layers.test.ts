import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { annotationPackageFolders, type LayerRoles } from '../../src/core/layers/layers';
import { findViolations } from '../../src/core/layers/violations';
import { analyzeFolder } from '../../src/node/analyzeFolder';
import type { FileFacts } from '../../src/core/parse/facts';
import type { RepoKind } from '../../src/core/result';
import { SymbolIndex } from '../../src/core/resolve/symbolIndex';
import { builtinKnowledge } from '../../src/node/knowledge';
import { join } from 'node:path';
import { analyseFiles, ROOT, scanPython, tempWorkspace, testScanner } from '../helpers';

describe('layer roles', () => {
  const layerOf: LayerRoles['layerOf'] = (kind, facts) => builtinKnowledge().layerRoles.layerOf(kind, facts);
  it('follows the folders first, and says so', () => {
    const role = layerOf('service', { path: 'src/shop/domain/order.py', findings: [], imports: [] });
    assert.deepEqual(role, { layer: 'domain', reasons: ["'domain' in the path → domain"], confidence: 'stated' });
    assert.equal(layerOf('library', { path: 'kombu/transport/redis.py', findings: [], imports: [] }).layer, 'adapter');
    assert.equal(layerOf('framework', { path: 'starlette/middleware/cors.py', findings: [], imports: [] }).layer, 'middleware');
    assert.equal(layerOf('framework', { path: 'web/server/authorization/policies.py', findings: [], imports: [] }).layer, 'auth');
  });

  it("gives other projects' code the vendored role: by the folder's conventional name, or a root lib/ or libs/ beside the project's src/", () => {
    const roles = builtinKnowledge().layerRoles;
    assert.equal(roles.layerOf('service', { path: 'pkg/vendor/github.com/x/y/y.go', findings: [], imports: [] }).layer, 'vendored');
    assert.ok(roles.isTestExampleOrDoc('third_party/ticks/ticks.py'));
    const paths = ['src/shop/app.py', 'libs/micro/unittest.py', 'lib/helpers.py'];
    const beside = roles.forWorkspace(paths);
    assert.deepEqual(beside.layerOf('framework', { path: 'libs/micro/unittest.py', findings: [], imports: [] }), { layer: 'vendored', reasons: ["`libs/` beside the project's own `src/`"], confidence: 'inferred' });
    assert.ok(beside.isTestExampleOrDoc('lib/helpers.py') && !beside.isTestExampleOrDoc('src/shop/app.py'));
    // Without a root src/, lib/ is the project's own code (a Node package's lib/).
    const own = roles.forWorkspace(['lib/router.js', 'index.js']);
    assert.notEqual(own.layerOf('framework', { path: 'lib/router.js', findings: [], imports: [] }).layer, 'vendored');
    assert.ok(!own.isTestExampleOrDoc('lib/router.js'));
  });

  it("reads the role NestJS and Angular write into a file's name before any folder, and only a known one", () => {
    const service = layerOf('service', { path: 'apps/api/src/app/order/order.service.ts', findings: [], imports: [] });
    assert.deepEqual(service, { layer: 'application', reasons: ["'.service' in the file name → application"], confidence: 'stated' });
    assert.equal(layerOf('service', { path: 'apps/api/src/order/order.entity.ts', findings: [], imports: [] }).layer, 'domain');
    assert.equal(layerOf('service', { path: 'src/order/typeorm-order.repository.ts', findings: [], imports: [] }).layer, 'infrastructure');
    // A test stays a test; an unknown role word, a Python module and another kind's model fall through to the folders.
    assert.equal(layerOf('service', { path: 'src/order/order.service.spec.ts', findings: [], imports: [] }).layer, 'test');
    assert.equal(layerOf('library', { path: 'types-check/select.test-d.ts', findings: [], imports: [] }).layer, 'test');
    assert.equal(layerOf('service', { path: 'src/domain/order.helper.ts', findings: [], imports: [] }).layer, 'domain');
    assert.equal(layerOf('service', { path: 'src/domain/order.service.py', findings: [], imports: [] }).layer, 'domain');
    assert.equal(layerOf('library', { path: 'src/backends/redis.service.ts', findings: [], imports: [] }).layer, 'adapter');
  });

  it("gives whatever a test suite or an example holds the suite's or the example's role, by the outermost such folder, but a migration's", () => {
    assert.deepEqual(layerOf('library', { path: 'example/test/user/user.test.ts', findings: [], imports: [] }), { layer: 'example', reasons: ["'example' in the path → example"], confidence: 'stated' });
    // A test suite's scripts and samples are tests; a migration stays a migration, an example's too. Outside them,
    // the innermost shared folder still states the role.
    const paths = {
      'tests/typing/samples/app_default.py': 'test',
      'test/scripts/mysql-init.ts': 'test',
      'e2e-tests/server/app.py': 'test',
      'itests/app_server.py': 'test',
      'example/src/migrations/2021_create_user.ts': 'migration',
      'docs/tutorials/wiki/alembic/versions/2024_add_page.py': 'migration',
      'app/config/migrations/0001_initial.py': 'migration',
      'apps/api/src/environments/environment.prod.ts': 'config',
    };
    for (const [path, layer] of Object.entries(paths)) assert.equal(layerOf('service', { path, findings: [], imports: [] }).layer, layer, path);
  });

  it("reads a library's backends from a compound folder name ending in the kind of backend, and a dialect folder's databases as adapters", () => {
    assert.deepEqual(layerOf('library', { path: 'src/sched/datastores/memory.py', findings: [], imports: [] }), { layer: 'adapter', reasons: ["'datastores' in the path → adapter"], confidence: 'stated' });
    const expected: [RepoKind, string, string][] = [
      ['library', 'src/sched/event_brokers/redis.py', 'adapter'],
      ['library', 'lib/smtp-transport/index.js', 'adapter'],
      ['library', 'lib/smtp-connection/index.js', 'driver'],
      ['library', 'src/dialect/postgres/postgres-driver.ts', 'adapter'],
      ['library', 'httpx/_transports/asgi.py', 'adapter'],
      ['library', 'fsspec/implementations/local.py', 'adapter'],
      // Too short a word before it is no compound (`restores`); another kind's folders take no suffixes.
      ['library', 'src/restores/plan.py', 'core'],
      ['service', 'src/datastores/orders.py', 'application'],
    ];
    for (const [kind, path, layer] of expected) assert.equal(layerOf(kind, { path, findings: [], imports: [] }).layer, layer, path);
  });

  it("reads a Java file's name as its class's, never as a layer; a Go router's context, groups and route tree, and the server a framework embeds, as the framework's http and routing", () => {
    // `Stores.java` is the factory that opens stores, not a store adapter; `stores/` above it would be.
    assert.equal(layerOf('library', { path: 'src/main/java/com/acme/kvstore/Stores.java', findings: [], imports: [] }).layer, 'core');
    assert.equal(layerOf('library', { path: 'src/main/java/com/acme/kvstore/stores/FileStore.java', findings: [], imports: [] }).layer, 'adapter');
    assert.equal(layerOf('library', { path: 'redis/stores.py', findings: [], imports: [] }).layer, 'adapter');
    assert.equal(layerOf('framework', { path: 'context.go', findings: [], imports: [] }).layer, 'http');
    assert.equal(layerOf('framework', { path: 'group.go', findings: [], imports: [] }).layer, 'routing');
    assert.equal(layerOf('framework', { path: 'routergroup.go', findings: [], imports: [] }).layer, 'routing');
    assert.equal(layerOf('framework', { path: 'mux.go', findings: [], imports: [] }).layer, 'routing');
    assert.equal(layerOf('framework', { path: 'tree.go', findings: [], imports: [] }).layer, 'routing');
    assert.equal(layerOf('library', { path: 'tree.go', findings: [], imports: [] }).layer, 'core');
    assert.equal(layerOf('framework', { path: 'src/main/java/spark/embeddedserver/EmbeddedServers.java', findings: [], imports: [] }).layer, 'http');
  });

  it("reads Go's folders the go tool leaves out of builds: `_examples/` as examples, `testdata/` as tests", () => {
    const roles = builtinKnowledge().layerRoles;
    assert.equal(layerOf('framework', { path: '_examples/rest/main.go', findings: [], imports: [] }).layer, 'example');
    assert.ok(roles.isTestExampleOrDoc('_examples/todos/todos.go'));
    assert.equal(layerOf('library', { path: 'render/testdata/golden.go', findings: [], imports: [] }).layer, 'test');
  });

  it('reads a `demos/` folder of example applications as examples, and a `demo` module of the code as code', () => {
    assert.equal(layerOf('framework', { path: 'demos/chat/chatdemo.py', findings: [], imports: [] }).layer, 'example');
    assert.ok(builtinKnowledge().layerRoles.isTestExampleOrDoc('demos/blog/blog.py'));
    assert.notEqual(layerOf('service', { path: 'shop/demo/views.py', findings: [], imports: [] }).layer, 'example');
  });

  it("reads a Maven main source root's packages as layers, never as tests or examples", () => {
    // `org.springframework.samples` is a package, not a samples folder; the build says src/main/java is main code.
    const model = layerOf('service', { path: 'src/main/java/org/springframework/samples/petclinic/model/Owner.java', findings: [], imports: [] });
    assert.deepEqual(model, { layer: 'domain', reasons: ["'model' in the path → domain"], confidence: 'stated' });
    assert.equal(builtinKnowledge().layerRoles.isTestExampleOrDoc('src/main/java/org/springframework/samples/petclinic/model/Owner.java'), false);
    // Above the root, and in the test root, folders state what they always did; a config package stays configuration.
    assert.equal(layerOf('service', { path: 'examples/shop/src/main/java/com/acme/web/Api.java', findings: [], imports: [] }).layer, 'example');
    assert.equal(layerOf('framework', { path: 'src/test/java/spark/examples/hello/HelloWorld.java', findings: [], imports: [] }).layer, 'example');
    assert.equal(layerOf('service', { path: 'src/main/java/com/acme/config/WebConfig.java', findings: [], imports: [] }).layer, 'config');
  });

  it("reads a test source root's files as tests, unless a package of the tests' own states another shared role", () => {
    const roles = builtinKnowledge().layerRoles.forWorkspace([
      'src/main/java/org/springframework/samples/petclinic/model/Owner.java',
      'src/test/java/org/springframework/samples/petclinic/model/ValidatorTests.java',
      'web/src/main/java/spark/Spark.java',
      'web/src/test/java/spark/examples/hello/HelloWorld.java',
    ]);
    const of = (path: string) => roles.layerOf('service', { path, findings: [], imports: [] });
    // The main code's packages (`org.springframework.samples`) state nothing below the test root.
    assert.deepEqual(of('src/test/java/org/springframework/samples/petclinic/model/ValidatorTests.java'), { layer: 'test', reasons: ['below the test source root `src/test/java`'], confidence: 'stated' });
    assert.equal(of('web/src/test/java/spark/examples/hello/HelloWorld.java').layer, 'example');
    assert.equal(of('web/src/test/java/spark/RouteTest.java').layer, 'test');
    assert.equal(roles.isTestExampleOrDoc('src/test/java/org/acme/OrderTest.java'), true);
  });

  it("reads a service's Spring Cloud OpenFeign client interface as infrastructure, by what it imports", () => {
    const feign = { module: 'org.springframework.cloud.openfeign', level: 0, names: [{ name: 'FeignClient' }], line: 2 };
    assert.deepEqual(layerOf('service', { path: 'account/src/main/java/com/acme/account/gateway/StatisticsClient.java', findings: [], imports: [feign] }), { layer: 'infrastructure', reasons: ['imports org.springframework.cloud.openfeign'], confidence: 'inferred' });
    const web = { module: 'org.springframework.web.bind.annotation', level: 0, names: [{ name: 'RequestMapping' }], line: 2 };
    assert.equal(layerOf('service', { path: 'account/src/main/java/com/acme/account/gateway/Statistics.java', findings: [], imports: [web] }).layer, 'application');
  });

  it("places a multi-module library's api module, its backend extensions and Go's store packages", () => {
    assert.equal(layerOf('library', { path: 'api/src/main/java/io/jsonwebtoken/Jwts.java', findings: [], imports: [] }).layer, 'public-api');
    assert.equal(layerOf('library', { path: 'extensions/gson/src/main/java/io/jsonwebtoken/gson/io/GsonSerializer.java', findings: [], imports: [] }).layer, 'adapter');
    assert.equal(layerOf('library', { path: 'store/redis/redis.go', findings: [], imports: [] }).layer, 'adapter');
    assert.equal(layerOf('service', { path: 'internal/handler/order_test.go', findings: [], imports: [] }).layer, 'test');
  });

  it("tells a framework's HTTP layer by the servlet API or the server it embeds", () => {
    const jetty = { path: 'src/main/java/spark/jetty/JettyHandler.java', findings: [], imports: [{ module: 'org.eclipse.jetty.server', level: 0, names: [{ name: 'Request' }], line: 3 }] };
    assert.deepEqual(layerOf('framework', jetty), { layer: 'http', reasons: ['imports org.eclipse.jetty.server'], confidence: 'inferred' });
    assert.equal(layerOf('framework', { path: 'src/main/java/spark/route/Routes.java', findings: [], imports: [] }).layer, 'routing');
  });

  it('reads Alembic migration scripts and their environment by their imports, wherever alembic init put them', async () => {
    const [script, environment, model, fixture] = await scanPython({
      'src/app/database/revisions/versions/2021_06_02_add_orders.py': 'from alembic import op\nimport sqlalchemy as sa\n',
      'src/app/database/revisions/env.py': 'from alembic import context\n',
      'src/app/database/core.py': 'from sqlalchemy.orm import Session\n',
      'tests/migrations/test_upgrade.py': 'from alembic.command import upgrade\n',
    });
    assert.deepEqual(layerOf('service', script as FileFacts), { layer: 'migration', reasons: ['imports alembic or django.db.migrations'], confidence: 'stated' });
    assert.equal(layerOf('service', environment as FileFacts).layer, 'migration');
    assert.equal(layerOf('service', model as FileFacts).layer, 'infrastructure');
    assert.equal(layerOf('service', fixture as FileFacts).layer, 'test');
  });

  it('infers a flat app file from what it imports, and falls back to the kind default', async () => {
    const [web, data, plain] = await scanPython({ 'blog.py': 'from flask import Blueprint\n', 'storage.py': 'from sqlalchemy.orm import Session\n', 'util.py': 'import json\n' });
    assert.deepEqual(layerOf('service', web as FileFacts), { layer: 'api', reasons: ['imports flask'], confidence: 'inferred' });
    assert.equal(layerOf('service', data as FileFacts).layer, 'infrastructure');
    assert.equal(layerOf('service', plain as FileFacts).confidence, 'default');
  });

  it("tells the browser's scripts by their folder or a minified name, and never Python code in a static/ folder", () => {
    const roles = builtinKnowledge().layerRoles;
    assert.ok(roles.isBrowserAsset('static/js/checks.js') && roles.isBrowserAsset('hc/integrations/po/static/js/po.js') && roles.isBrowserAsset('vendor/bootstrap.min.js'));
    assert.ok(!roles.isBrowserAsset('examples/static/static.py') && !roles.isBrowserAsset('src/app.js'));
    // Their role is `asset`, outside the code under study (no kind signal, no answer), wherever they sit.
    assert.deepEqual(roles.layerOf('service', { path: 'hc/integrations/po/static/js/po.js', findings: [], imports: [] }), { layer: 'asset', reasons: ['code sent to the browser as it is'], confidence: 'stated' });
    assert.equal(roles.layerOf('service', { path: 'static/js/bootstrap.min.js', findings: [], imports: [] }).layer, 'asset');
    assert.ok(roles.isTestExampleOrDoc('static/js/checks.js') && roles.sharedRoles().has('asset'));
    assert.equal(roles.layerOf('service', { path: 'tests/static/js/checks.js', findings: [], imports: [] }).layer, 'test');
  });

  it("reads a library file's role from the name of the interface its class implements, its Abstract or Base aside, after its folders and findings", () => {
    assert.deepEqual(builtinKnowledge().layerRoles.layerOf('library', { path: 'lib/LimiterRedis.js', findings: [], imports: [] }, { implements: ['LimiterAbstract', 'LimiterStoreAbstract'] }), {
      layer: 'adapter',
      reasons: ['implements LimiterStoreAbstract → adapter'],
      confidence: 'inferred',
    });
    const role = (path: string, implemented: string[], kind: RepoKind = 'library') => builtinKnowledge().layerRoles.layerOf(kind, { path, findings: [], imports: [] }, { implements: implemented }).layer;
    assert.equal(role('src/gzip.ts', ['CompressionAdapter']), 'adapter');
    assert.equal(role('src/wire.py', ['Base_Connection']), 'driver');
    assert.equal(role('src/plugins/camel.ts', ['QueryPlugin']), 'core');
    assert.equal(role('src/kysely.ts', ['ConnectionProvider']), 'core');
    // A folder still states the role first; another kind reads no interface names.
    assert.equal(role('src/drivers/pg.ts', ['DialectAdapter']), 'driver');
    assert.equal(role('src/orders/redis.ts', ['OrderStore'], 'service'), 'application');
  });

  it("gives a Java library's packages of annotation types the public API, its converter modules the adapters, and Android's instrumented tests the tests", async () => {
    const facts = await Promise.all(
      Object.entries({
        'client/src/main/java/acme/http/GET.java': 'package acme.http;\npublic @interface GET { String value() default ""; }\n',
        'client/src/main/java/acme/http/Query.java': 'package acme.http;\npublic @interface Query { String value(); }\n',
        'client/src/main/java/acme/http/package-info.java': '/** Request annotations. */\npackage acme.http;\n',
        // A package that declares an annotation beside a class is no package of annotations.
        'client/src/main/java/acme/Call.java': 'package acme;\npublic interface Call { void execute(); }\n',
        'client/src/main/java/acme/Timed.java': 'package acme;\npublic @interface Timed {}\n',
      }).map(([path, text]) => testScanner().scan({ path, language: 'java' }, text)),
    );
    const folders = annotationPackageFolders(facts);
    assert.deepEqual([...folders], ['client/src/main/java/acme/http/']);
    const roles = builtinKnowledge().layerRoles;
    const role = (path: string, annotationPackage = false) => roles.layerOf('library', { path, findings: [], imports: [] }, { annotationPackage }).layer;
    assert.equal(role('client/src/main/java/acme/http/GET.java', true), 'public-api');
    assert.equal(role('client/src/main/java/acme/http/package-info.java', true), 'public-api');
    assert.equal(role('client/src/main/java/acme/Timed.java'), 'core');
    assert.equal(role('client-converters/gson/src/main/java/acme/converter/gson/GsonConverterFactory.java'), 'adapter');
    assert.equal(role('client/android-test/src/androidTest/java/acme/CallTest.java'), 'test');
  });

  it("gives a library's build modules that implement its core module's interfaces, as other modules do, the adapters; a module implementing interfaces only it implements stays the core", async () => {
    const workspace = tempWorkspace({
      'pom.xml': '<project><groupId>acme</groupId><artifactId>parent</artifactId><packaging>pom</packaging><modules><module>core</module><module>gson</module><module>jackson</module><module>engine</module></modules></project>\n',
      'core/src/main/java/acme/Decoder.java': 'package acme;\npublic interface Decoder { Object decode(String body); }\n',
      'core/src/main/java/acme/StringDecoder.java': 'package acme;\npublic class StringDecoder implements Decoder { public Object decode(String body) { return body; } }\n',
      'core/src/main/java/acme/Planner.java': 'package acme;\npublic interface Planner { void plan(); }\n',
      'core/src/main/java/acme/Runner.java': 'package acme;\npublic interface Runner { void run(); }\n',
      'gson/src/main/java/acme/gson/GsonDecoder.java': 'package acme.gson;\nimport acme.Decoder;\npublic class GsonDecoder implements Decoder { public Object decode(String body) { return GsonFactory.create(); } }\n',
      'gson/src/main/java/acme/gson/GsonFactory.java': 'package acme.gson;\npublic final class GsonFactory { static Object create() { return null; } }\n',
      'jackson/src/main/java/acme/jackson/JacksonDecoder.java': 'package acme.jackson;\nimport acme.Decoder;\npublic class JacksonDecoder implements Decoder { public Object decode(String body) { return null; } }\n',
      'engine/src/main/java/acme/engine/DefaultPlanner.java': 'package acme.engine;\nimport acme.Planner;\npublic class DefaultPlanner implements Planner { public void plan() {} }\n',
      'engine/src/main/java/acme/engine/DefaultRunner.java': 'package acme.engine;\nimport acme.Runner;\npublic class DefaultRunner implements Runner { public void run() {} }\n',
    });
    try {
      const analysis = await analyzeFolder(workspace.root, { threads: 1 });
      const layer = (path: string) => analysis.result.files.find((file) => file.path === path)?.layer;
      assert.equal(analysis.result.kind.kind, 'library');
      assert.equal(layer('gson/src/main/java/acme/gson/GsonDecoder.java'), 'adapter');
      assert.equal(layer('gson/src/main/java/acme/gson/GsonFactory.java'), 'adapter');
      assert.equal(layer('jackson/src/main/java/acme/jackson/JacksonDecoder.java'), 'adapter');
      assert.equal(layer('engine/src/main/java/acme/engine/DefaultPlanner.java'), 'core');
      assert.equal(layer('core/src/main/java/acme/StringDecoder.java'), 'core');
    } finally {
      workspace.cleanup();
    }
  });

  it("gives a Go library's packages that implement its root package's interface, as other packages do, the adapters", async () => {
    const store = (name: string) => `package ${name}\n\nimport "example.com/blob"\n\ntype Bucket struct{}\n\nvar _ blob.Bucket = (*Bucket)(nil)\n\nfunc (s *Bucket) Get(key string) ([]byte, error) { return nil, nil }\nfunc (s *Bucket) Put(key string, value []byte) error { return nil }\n`;
    const workspace = tempWorkspace({
      'go.mod': 'module example.com/blob\n\ngo 1.22\n',
      'blob.go': 'package blob\n\n// Bucket keeps blobs by key.\ntype Bucket interface {\n\tGet(key string) ([]byte, error)\n\tPut(key string, value []byte) error\n}\n\ntype Codec interface{ Encode(v any) []byte }\n',
      'memory.go': 'package blob\n\ntype MemoryBucket struct{ items map[string][]byte }\n\nfunc (m *MemoryBucket) Get(key string) ([]byte, error) { return m.items[key], nil }\nfunc (m *MemoryBucket) Put(key string, value []byte) error { m.items[key] = value; return nil }\n',
      's3blob/s3.go': store('s3blob'),
      'gcsblob/gcs.go': store('gcsblob'),
      'jsoncodec/codec.go': 'package jsoncodec\n\ntype Codec struct{}\n\nfunc (c Codec) Encode(v any) []byte { return nil }\n',
      'gcsblob/gcs_test.go': 'package gcsblob\n\nimport "testing"\n\nfunc TestGet(t *testing.T) {}\n',
    });
    try {
      const analysis = await analyzeFolder(workspace.root, { threads: 1 });
      const layer = (path: string) => analysis.result.files.find((file) => file.path === path)?.layer;
      assert.equal(analysis.result.kind.kind, 'library');
      assert.equal(layer('s3blob/s3.go'), 'adapter');
      assert.equal(layer('gcsblob/gcs.go'), 'adapter');
      assert.equal(layer('gcsblob/gcs_test.go'), 'test');
      // The root package's own implementation, and a package implementing an interface no other package does, stay the core.
      assert.equal(layer('memory.go'), 'core');
      assert.equal(layer('jsoncodec/codec.go'), 'core');
    } finally {
      workspace.cleanup();
    }
  });

  it("gives a Go library's root package the public API where it states what the package offers: its interfaces, and exported functions over them", async () => {
    const workspace = tempWorkspace({
      'go.mod': 'module example.com/shelf\n\ngo 1.22\n',
      'shelf.go': 'package shelf\n\n// Shelf keeps items by name.\ntype Shelf interface {\n\tPut(name string, item []byte) error\n}\n\nfunc Open(kind string) (Shelf, error) { return nil, nil }\n',
      'each.go': 'package shelf\n\n// Visit is called for every item a shelf holds.\ntype Visit func(name string) error\n\nfunc Each(s Shelf, visit Visit) error { return nil }\n',
      'names.go': 'package shelf\n\nfunc clean(name string) string { return name }\n',
      'memory.go': 'package shelf\n\ntype memoryShelf struct{ items map[string][]byte }\n\nfunc (m *memoryShelf) Put(name string, item []byte) error { m.items[name] = item; return nil }\n\nfunc NewMemory() Shelf { return &memoryShelf{} }\n',
      'diskshelf/go.mod': 'module example.com/shelf/diskshelf\n\ngo 1.22\n',
      'diskshelf/disk.go': 'package diskshelf\n\n// Open opens a shelf kept in a folder.\nfunc Open(folder string) error { return nil }\n',
    });
    try {
      const analysis = await analyzeFolder(workspace.root, { threads: 1 });
      const layer = (path: string) => analysis.result.files.find((file) => file.path === path)?.layer;
      assert.equal(analysis.result.kind.kind, 'library');
      assert.deepEqual(['shelf.go', 'each.go', 'names.go', 'memory.go', 'diskshelf/disk.go'].map(layer), ['public-api', 'public-api', 'core', 'core', 'core']);
    } finally {
      workspace.cleanup();
    }
  });

  it('lets what a mapper holds state its layer: a MyBatis mapper found as a repository is the infrastructure, a DTO mapper in a service package the application', () => {
    const repository = { category: 'repository', symbol: 'src/main/java/acme/mapper/OrderMapper.java:OrderMapper', range: { start: { line: 3, character: 0 }, end: { line: 9, character: 0 } }, layer: '', details: { rule: 'mybatis-mapper' } } as const;
    assert.equal(layerOf('service', { path: 'src/main/java/acme/mapper/OrderMapper.java', findings: [repository], imports: [] }).layer, 'infrastructure');
    assert.equal(layerOf('service', { path: 'src/main/java/acme/service/mapper/OrderMapper.java', findings: [], imports: [] }).layer, 'application');
  });

  it("reads a Go file's layer from the word its name starts with before an underscore, when its whole name states none", () => {
    assert.equal(layerOf('framework', { path: 'router_concurrent.go', findings: [], imports: [] }).layer, 'routing');
    assert.equal(layerOf('framework', { path: 'router_concurrent.py', findings: [], imports: [] }).layer, 'core');
    assert.equal(layerOf('framework', { path: 'mux_group.go', findings: [], imports: [] }).layer, 'routing');
  });

  it("gives a service's Go file that imports the MongoDB driver, and nothing else states a layer, the infrastructure", () => {
    const driver = { module: 'go.mongodb.org/mongo-driver/mongo', level: 0, names: [], line: 3 };
    const bson = { module: 'go.mongodb.org/mongo-driver/bson', level: 0, names: [], line: 4 };
    assert.deepEqual(layerOf('service', { path: 'mongodb/client.go', findings: [], imports: [driver] }), { layer: 'infrastructure', reasons: ['imports go.mongodb.org/mongo-driver/mongo'], confidence: 'inferred' });
    assert.equal(layerOf('service', { path: 'mongodb/ids.go', findings: [], imports: [bson] }).layer, 'application');
  });

  it("gives a Go file that imports the testing package the tests' role, wherever it sits", () => {
    const testing = { module: 'testing', level: 0, names: [], line: 3 };
    const http = { module: 'net/http', level: 0, names: [], line: 4 };
    assert.deepEqual(layerOf('framework', { path: 'routertest/context.go', findings: [], imports: [testing, http] }), { layer: 'test', reasons: ['imports testing'], confidence: 'stated' });
    assert.equal(layerOf('framework', { path: 'context.go', findings: [], imports: [http] }).layer, 'http');
  });

  it("keeps a service's ORM entities and schemas below an infrastructure folder there, whatever their names or inner folders say", () => {
    assert.deepEqual(layerOf('service', { path: 'src/users/infrastructure/persistence/relational/entities/user.entity.ts', findings: [], imports: [] }), {
      layer: 'infrastructure',
      reasons: ["'infrastructure' in the path → infrastructure, which keeps '.entity' in the file name → domain"],
      confidence: 'stated',
    });
    assert.equal(layerOf('service', { path: 'src/users/infrastructure/persistence/document/entities/user.schema.ts', findings: [], imports: [] }).layer, 'infrastructure');
    // The domain's own entities stay the domain; an inner folder naming another layer keeps its own.
    assert.equal(layerOf('service', { path: 'src/users/domain/user.entity.ts', findings: [], imports: [] }).layer, 'domain');
    assert.equal(layerOf('service', { path: 'src/infrastructure/http/controllers/users.ts', findings: [], imports: [] }).layer, 'api');
  });

  it('lets an inner folder state the layer an enclosing folder would keep when the workspace states that layer nowhere else', () => {
    const record = 'shop-db/src/main/java/com/acme/shop/db/domain/Order.java';
    const mapper = 'shop-db/src/main/java/com/acme/shop/db/dao/OrderMapper.java';
    const only = builtinKnowledge().layerRoles.forWorkspace([record, mapper, 'shop-api/src/main/java/com/acme/shop/api/web/OrderController.java', 'shop-db/src/test/java/com/acme/shop/db/domain/OrderTest.java']);
    assert.deepEqual(only.layerOf('service', { path: record, findings: [], imports: [] }), { layer: 'domain', reasons: ["'domain' in the path → domain"], confidence: 'stated' });
    assert.equal(only.layerOf('service', { path: mapper, findings: [], imports: [] }).layer, 'infrastructure');
    // With a domain model of its own elsewhere, the records below the persistence folder are the infrastructure's.
    const apart = builtinKnowledge().layerRoles.forWorkspace([record, mapper, 'shop-core/src/main/java/com/acme/shop/domain/Order.java']);
    assert.equal(apart.layerOf('service', { path: record, findings: [], imports: [] }).layer, 'infrastructure');
    assert.equal(apart.layerOf('service', { path: 'shop-core/src/main/java/com/acme/shop/domain/Order.java', findings: [], imports: [] }).layer, 'domain');
  });

  it("gives what a package's manifest names its entry the public API in a library, wherever it sits", () => {
    const roles = builtinKnowledge().layerRoles;
    assert.equal(roles.layerOf('library', { path: 'lib/mailer.js', findings: [], imports: [] }, { packageEntry: true }).layer, 'public-api');
    assert.equal(roles.layerOf('library', { path: 'lib/mailer.js', findings: [], imports: [] }).layer, 'core');
    assert.equal(roles.layerOf('library', { path: 'src/backends/redis/index.ts', findings: [], imports: [] }, { packageEntry: true }).layer, 'adapter');
    // An entry declaring the interfaces users code against is the API; a package that is one backend of a kind-named interface stays that backend.
    const declaring = { path: 'src/mailer.ts', findings: [{ category: 'interface' as const, symbol: 'src/mailer.ts:Mailer', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, layer: '', details: { rule: 'interface' } }], imports: [] };
    assert.equal(roles.layerOf('library', declaring, { packageEntry: true }).layer, 'public-api');
    assert.equal(roles.layerOf('library', declaring).layer, 'core');
    assert.equal(roles.layerOf('library', { path: 'gzip/src/index.ts', findings: [], imports: [] }, { packageEntry: true, implements: ['CompressionAdapter'] }).layer, 'adapter');
  });

  it("gives a file of ORM models the domain's layer over an app folder named for the API, never over a persistence folder", () => {
    const model = { category: 'model', symbol: 'hc/api/models.py:Check', range: { start: { line: 3, character: 0 }, end: { line: 9, character: 0 } }, layer: '', details: { rule: 'django-model' } } as const;
    // Django's `startapp api` keeps the api app's models in api/models.py: they are the data model, not the API.
    assert.deepEqual(layerOf('service', { path: 'hc/api/models.py', findings: [model], imports: [] }), {
      layer: 'domain',
      reasons: ["holds a model (hc/api/models.py:Check), which outweighs 'api' in the path → api"],
      confidence: 'stated',
    });
    assert.equal(layerOf('service', { path: 'shop/services/models.py', findings: [{ ...model, symbol: 'shop/services/models.py:Order' }], imports: [] }).layer, 'domain');
    // The same app's views stay the API; models in a persistence folder stay the infrastructure.
    assert.equal(layerOf('service', { path: 'hc/api/views.py', findings: [], imports: [] }).layer, 'api');
    assert.equal(layerOf('service', { path: 'app/infrastructure/persistence/models.py', findings: [{ ...model, symbol: 'app/infrastructure/persistence/models.py:OrderRow' }], imports: [] }).layer, 'infrastructure');
  });
});

describe('layer roles in the py-scheduler fixture', () => {
  it("gives the data stores' and event brokers' modules the adapter role, and an example's scripts the example role", async () => {
    const { result } = await analyzeFolder(join(ROOT, 'test', 'fixtures', 'py-scheduler'), { threads: 1 });
    const layer = (path: string) => result.files.find((file) => file.path === path)?.layer;
    for (const path of ['src/tasker/datastores/__init__.py', 'src/tasker/datastores/memory.py', 'src/tasker/eventbrokers/base.py', 'src/tasker/eventbrokers/remote.py']) assert.equal(layer(path), 'adapter', path);
    assert.equal(layer('src/tasker/abc.py'), 'core');
    assert.equal(layer('examples/scripts/run_worker.py'), 'example');
  });
});

describe('layer roles in the js-dialects fixture', () => {
  it("gives a library's package entry the public API, and the implementations of an interface named for a kind of backend its role", async () => {
    const { result } = await analyzeFolder(join(ROOT, 'test', 'fixtures', 'js-dialects'), { threads: 1 });
    // package.json's `main`, a root file that is no index.js; `ResultStore` is implemented by one store each, the
    // interface itself is core; `Logger` is named for no kind of backend.
    const expected = { 'sqlkit.js': 'public-api', 'lib/cache/memory.js': 'adapter', 'lib/cache/redis.js': 'adapter', 'lib/cache/base.js': 'core', 'lib/loggers/console.js': 'core' };
    assert.deepEqual(Object.fromEntries(Object.keys(expected).map((path) => [path, result.files.find((file) => file.path === path)?.layer])), expected);
  });
});

describe("layer roles of a library's subpath exports", () => {
  it('gives each file a subpath of `exports` names the public API, as the entry of the package itself', async () => {
    // A key-value store written for the test: `kvlite` and `kvlite/node` are what users import; the
    // store is not an entry, though a subpath names it, since a pattern exposes it with every other file.
    const result = await analyseFiles({
      'package.json': JSON.stringify({ name: 'kvlite', version: '1.0.0', type: 'module', exports: { '.': './lib/index.js', './node': './lib/node.js', './internal/*': './lib/*.js', './internal/core/kv.js': './lib/core/kv.js' } }),
      'src/index.ts': "export { Store } from './core/kv.js'\n",
      'src/node.ts': "export { FileBackend } from './backends/file.js'\nexport { Store } from './core/kv.js'\n",
      'src/core/kv.ts': 'export class Store {\n  constructor(private backend: { read(): string }) {}\n  get(): string { return this.backend.read() }\n}\n',
      'src/backends/file.ts': "import { readFileSync } from 'node:fs'\nexport class FileBackend {\n  constructor(private path: string) {}\n  read(): string { return readFileSync(this.path, 'utf8') }\n}\n",
    });
    const layer = (path: string) => result.files.find((file) => file.path === path)?.layer;
    assert.equal(result.kind.kind, 'library');
    assert.deepEqual(['src/index.ts', 'src/node.ts', 'src/core/kv.ts'].map(layer), ['public-api', 'public-api', 'core']);
  });
});

describe('layer violations', () => {
  it('flags the domain importing a web framework or the infrastructure (not for type checkers only), and the API reaching a repository directly', async () => {
    const files = await scanPython({
      // An import under `if TYPE_CHECKING:` never runs: no dependency, no violation.
      'app/domain/order.py': 'from typing import TYPE_CHECKING\nfrom fastapi import HTTPException\nfrom app.infrastructure.db import engine\nif TYPE_CHECKING:\n    from app.infrastructure.repo import OrderRepository\n',
      'app/domain/line.py': 'import typing\nif typing.TYPE_CHECKING:\n    from app.infrastructure.db import engine\n',
      // A module is inside a listed one at a dot: `flasky` is not `flask`.
      'app/domain/money.py': 'from flasky import Blueprint\nfrom django.http import JsonResponse\n',
      'app/infrastructure/db.py': 'engine = create_engine("sqlite://")\n',
      'app/infrastructure/repo.py': 'class OrderRepository: ...\n',
      'app/api/orders.py': 'from app.infrastructure.repo import OrderRepository\nfrom app.infrastructure.db import engine\n',
    });
    const index = new SymbolIndex(files);
    const layer = (path: string) => ({ layer: path.split('/')[1] ?? '', confidence: 'stated' });
    const repository = { category: 'repository' as const, symbol: 'app/infrastructure/repo.py:OrderRepository', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, layer: '', details: { rule: 'data-access-class' } };
    const found = (await findViolations(index, files, layer, [repository], builtinKnowledge().layerRules)).violations.map((violation) => `${violation.rule} ${violation.path} ${violation.imported}`);
    assert.deepEqual(found.sort(), [
      'api-bypasses-application app/api/orders.py OrderRepository',
      'domain-imports-infrastructure app/domain/order.py engine',
      'domain-imports-web-framework app/domain/money.py JsonResponse',
      'domain-imports-web-framework app/domain/order.py HTTPException',
    ]);
    const guessed = (path: string) => ({ layer: path.split('/')[1] ?? '', confidence: path.includes('domain') ? 'default' : 'stated' });
    assert.deepEqual((await findViolations(index, files, guessed, [repository], builtinKnowledge().layerRules)).violations.map((violation) => violation.rule), ['api-bypasses-application']);
  });
});
