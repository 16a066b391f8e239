import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyKind, foldersOf } from '../../src/core/classify/classify';
import { type KindInputs, parseKindRules } from '../../src/core/classify/kindRules';
import type { PackageManifest } from '../../src/core/classify/packages';
import type { FindingCategory, InterfaceImplementations } from '../../src/core/result';
import { builtinKnowledge } from '../../src/node/knowledge';
import { analyseFiles } from '../helpers';

async function firedFor(files: string[], findings: Partial<Record<FindingCategory, number>> = {}, interfaces: InterfaceImplementations[] = [], routes = 0): Promise<string[]> {
  const made = Object.entries(findings).flatMap(([category, count]) =>
    Array.from({ length: count }, (_, index) => ({ category: category as FindingCategory, symbol: `app/x.py:S${index}`, details: { rule: 'test' } })),
  );
  const verdict = await classifyKind(builtinKnowledge(), {
    folders: foldersOf(files),
    files,
    findings: made,
    routes: Array.from({ length: routes }, (_, index) => ({ handler: `app/api.py:h${index}` })),
    interfaces,
  });
  return verdict.evidence.map((evidence) => evidence.signal);
}

/** The verdict on these inputs, the rest empty. */
function verdictOn(inputs: Partial<KindInputs>) {
  return classifyKind(builtinKnowledge(), { folders: foldersOf(inputs.files ?? []), files: [], findings: [], routes: [], interfaces: [], ...inputs });
}

/** A package manifest as packages.ts reads it, saying only what the case states. */
function manifest(fields: Partial<PackageManifest>): PackageManifest {
  return { path: 'package.json', name: 'x', published: false, application: false, deployed: false, description: '', classifiers: [], keywords: [], dependencies: [], declares: [], scripts: [], ...fields };
}

/** Must-match and must-not-match cases for the built-in rules, in the manner of linguist's heuristics tests. */
const CASES: { rule: string; match: string[][]; noMatch: string[][] }[] = [
  { rule: 'benchmarks-folder', match: [['benchmarks/run.py'], ['falcon/bench/b.py']], noMatch: [['src/benchmarking.py'], ['app/graphql/tests/benchmark/test_b.py']] },
  { rule: 'request-pipeline-files', match: [['lib/request.js', 'lib/reply.js', 'lib/route.js'], ['falcon/request.py', 'falcon/response.py', 'falcon/routing/compiled.py']], noMatch: [['app/api/routes/orders.py', 'app/api/deps.py', 'app/schemas/requests.py']] },
  {
    rule: 'implementation-folders',
    match: [
      ['lib/dialects/pg/index.js', 'lib/dialects/mysql/index.js', 'lib/dialects/sqlite3/index.js'],
      ['lib/log/transports/console.js', 'lib/log/transports/file.js', 'lib/log/transports/http.js'],
      ['src/appenders/console.js', 'src/appenders/rollingFile.js', 'src/appenders/syslog.js'],
    ],
    noMatch: [
      ['lib/dialects/pg/index.js'],
      ['test/transports/console.test.js', 'test/transports/file.test.js', 'test/transports/http.test.js'],
      ['lib/transporter/a.js', 'lib/transporter/b.js', 'lib/transporter/c.js'],
      ['src/appenders/console.js', 'src/appenders/index.js'],
      ['examples/appenders/console.js', 'examples/appenders/file.js', 'examples/appenders/syslog.js'],
    ],
  },
  {
    rule: 'implementation-folder-family',
    match: [['lib/smtp-transport/index.js', 'lib/ses-transport/index.js', 'lib/json-transport/index.js'], ['src/cache/redis_backend/a.py', 'src/cache/memory_backend/a.py', 'src/cache/file_backend/a.py']],
    noMatch: [
      ['lib/smtp-transport/index.js', 'lib/ses-transport/index.js'],
      ['lib/smtp-transport/index.js', 'src/ses-transport/index.js', 'pkg/json-transport/index.js'],
      ['test/smtp-transport/a.test.js', 'test/ses-transport/a.test.js', 'test/json-transport/a.test.js'],
      ['src/providers/auth-provider/a.tsx', 'src/providers/theme-provider/a.tsx', 'src/providers/query-provider/a.tsx'],
    ],
  },
  { rule: 'service-domain-folders', match: [['src/domain/models/order.py']], noMatch: [['src/domains.py'], ['docs/domain.md']] },
  { rule: 'migrations-folder', match: [['app/migrations/0001_initial.py']], noMatch: [['app/migrations/0001.py', 'lib/dialects/x.py']] },
  { rule: 'deployment-files', match: [['Dockerfile'], ['deploy/helm/values.yaml'], ['Procfile']], noMatch: [['docs/docker.md'], ['.devcontainer/Dockerfile'], ['docker-compose.yml']] },
  { rule: 'compose-file', match: [['docker-compose.yml'], ['docker-compose.dev.yml'], ['compose.yaml']], noMatch: [['tests/docker-compose.yml'], ['scripts/docker-compose.yml']] },
  {
    rule: 'django-project',
    match: [['shop/settings.py', 'shop/urls.py', 'shop/wsgi.py'], ['saleor/settings.py', 'saleor/urls.py', 'saleor/asgi/__init__.py']],
    noMatch: [['rest_framework/settings.py', 'rest_framework/urls.py', 'rest_framework/views.py'], ['tests/settings.py', 'tests/urls.py', 'tests/wsgi.py']],
  },
  { rule: 'wsgi-entry-module', match: [['wsgi.py'], ['asgi.py']], noMatch: [['examples/blog/wsgi.py'], ['board/wsgi.py'], ['tests/asgi.py']] },
  { rule: 'full-stack-application-config', match: [['next.config.ts'], ['nuxt.config.ts'], ['astro.config.mjs']], noMatch: [['examples/with-nextjs/next.config.js'], ['docs/nuxt.config.ts'], ['next.config.d.ts'], ['svelte.config.js']] },
  { rule: 'alembic-environment', match: [['alembic.ini'], ['src/dispatch/alembic.ini']], noMatch: [['alembic/templates/generic/alembic.ini.mako', 'alembic/templates/generic/script.py.mako'], ['tests/alembic.ini']] },
  {
    rule: 'framework-core-folders',
    match: [['src/router/main.ts'], ['lib/middleware/auth.js'], ['web/routing/rules.py']],
    noMatch: [['src/routers.ts'], ['tests/router/router.spec.ts'], ['app/api/v1/router/users.py']],
  },
  { rule: 'examples-folder', match: [['examples/app.py'], ['docs_src/tutorial/a.py'], ['demos/chat/app.py']], noMatch: [['src/example_data.py'], ['app/demo_data/seed.py']] },
];

/** Must-match and must-not-match package manifests for the rules that read them. */
const PACKAGE_CASES: { rule: string; match: Partial<PackageManifest>[]; noMatch: Partial<PackageManifest>[] }[] = [
  { rule: 'published-package', match: [{ published: true }, { path: 'packages/polka/package.json', published: true }], noMatch: [{ published: false }, { path: 'examples/app/package.json', published: true }] },
  {
    rule: 'server-application',
    match: [{ dependencies: ['express'] }, { dependencies: ['@nestjs/core', 'rxjs'] }],
    noMatch: [
      { published: true, dependencies: ['express'] },
      { dependencies: ['lodash'] },
      { path: 'tests/app/package.json', dependencies: ['express'] },
      { dependencies: ['koa'], declares: ['name', 'private', 'main', 'types', 'dependencies'] },
      { dependencies: ['express'], declares: ['name', 'private', 'exports'] },
    ],
  },
  { rule: 'application-build', match: [{ path: 'pom.xml', application: true }], noMatch: [{ path: 'pom.xml', published: true }] },
  { rule: 'installed-into-other-projects', match: [{ declares: ['name', 'peerDependencies'] }], noMatch: [{ declares: ['name', 'dependencies'] }] },
  { rule: 'not-for-upload', match: [{ classifiers: ['Private :: Do Not Upload'] }], noMatch: [{ classifiers: ['Development Status :: 5 - Production/Stable'] }] },
  { rule: 'application-framework-classifier', match: [{ classifiers: ['Topic :: Software Development :: Libraries :: Application Frameworks'] }], noMatch: [{ classifiers: ['Topic :: Software Development :: Libraries'] }] },
  { rule: 'described-as-framework', match: [{ description: 'A small web framework for building APIs.' }, { description: 'Framework: routing and middleware' }], noMatch: [{ description: 'A logger that works with any of the frameworks' }, { description: 'Framework-agnostic validation' }] },
  { rule: 'framework-keyword', match: [{ keywords: ['web', 'Framework'] }], noMatch: [{ keywords: ['framework-agnostic'] }] },
  { rule: 'project-scaffolder', match: [{ published: true, name: 'create-shop-app' }, { published: true, name: '@acme/create' }, { published: true, name: '@acme/create-store' }], noMatch: [{ published: true, name: 'creator' }, { published: false, name: 'create-app' }] },
  { rule: 'described-as-client-or-adapters', match: [{ description: 'An HTTP client for Python.' }, { description: 'Database drivers and adapters' }], noMatch: [{ description: 'A small library for web servers.' }, { description: 'Client-side rendering' }] },
  {
    rule: 'published-application',
    match: [
      { path: 'pyproject.toml', published: true, classifiers: ['Environment :: Web Environment', 'Intended Audience :: Other Audience'] },
      { path: 'setup.py', published: true, classifiers: ['Intended Audience :: End Users/Desktop'] },
    ],
    noMatch: [
      { path: 'pyproject.toml', published: true, classifiers: ['Intended Audience :: Developers', 'Intended Audience :: End Users/Desktop'] },
      { path: 'pyproject.toml', published: true, classifiers: ['Intended Audience :: Developers', 'Intended Audience :: System Administrators'] },
      { path: 'pyproject.toml', published: false, classifiers: ['Intended Audience :: Other Audience'] },
    ],
  },
  {
    rule: 'pinned-application',
    match: [{ path: 'pyproject.toml', published: true, pinsDependencies: true }],
    noMatch: [
      { path: 'pyproject.toml', published: true, pinsDependencies: false },
      { path: 'pyproject.toml', published: true },
      { path: 'pyproject.toml', published: false, pinsDependencies: true },
    ],
  },
  {
    rule: 'plugs-into-a-framework',
    match: [{ published: true, keywords: ['express', 'authentication'] }, { published: true, keywords: ['Koa', 'session'] }],
    noMatch: [
      { published: true, keywords: ['express', 'api'], dependencies: ['express'] },
      { published: true, keywords: ['http', 'server', 'connect'] },
      { published: false, keywords: ['express'] },
      { published: true, name: 'koa', keywords: ['koa', 'web'] },
    ],
  },
  {
    rule: 'middleware-for-its-own-pipeline',
    match: [{ path: 'packages/body/package.json', published: true, description: 'Body parser middleware for Quill' }],
    noMatch: [
      { path: 'package.json', published: true, description: 'A CORS middleware' },
      { path: 'packages/cors/package.json', published: true, description: 'CORS middleware', dependencies: ['express'] },
      { path: 'packages/cors/package.json', published: true, description: 'CORS middleware', keywords: ['express', 'cors'] },
      { path: 'packages/cors/package.json', published: false, description: 'CORS middleware' },
      { path: 'packages/common/package.json', published: true, description: 'Common middlewares for apps' },
    ],
  },
  {
    rule: 'started-server',
    match: [{ published: true, scripts: ['start'], dependencies: ['koa'] }, { scripts: ['start'], dependencies: ['express'], declares: ['name', 'main', 'scripts'] }],
    noMatch: [{ scripts: ['start'], dependencies: ['react'] }, { published: true, scripts: ['build'], dependencies: ['express'] }, { scripts: ['start'], dependencies: ['koa'], declares: ['name', 'private', 'types', 'bin'] }],
  },
];

describe('repository-kind rules', () => {
  for (const { rule, match, noMatch } of CASES) {
    it(`${rule} fires where it should and nowhere else`, async () => {
      for (const files of match) assert.ok((await firedFor(files)).includes(rule), `${rule} should fire for ${files.join(', ')}`);
      for (const files of noMatch) assert.ok(!(await firedFor(files)).includes(rule), `${rule} must not fire for ${files.join(', ')}`);
    });
  }

  for (const { rule, match, noMatch } of PACKAGE_CASES) {
    it(`${rule} fires for the manifests it should and no other`, async () => {
      const fires = async (fields: Partial<PackageManifest>) => (await verdictOn({ packages: [manifest(fields)] })).evidence.some((evidence) => evidence.signal === rule);
      for (const fields of match) assert.ok(await fires(fields), `${rule} should fire for ${JSON.stringify(fields)}`);
      for (const fields of noMatch) assert.ok(!(await fires(fields)), `${rule} must not fire for ${JSON.stringify(fields)}`);
    });
  }

  it('reads an example project started on a package the repository publishes, and on no other server framework, as built on a framework', async () => {
    const own = manifest({ path: 'packages/web/package.json', name: 'web', published: true });
    const example = (fields: Partial<PackageManifest>) => manifest({ path: 'examples/hello/package.json', name: '', scripts: ['start'], dependencies: ['web'], ...fields });
    const fires = async (...packages: PackageManifest[]) => (await verdictOn({ packages })).evidence.some((evidence) => evidence.signal === 'examples-built-on-it');
    assert.ok(await fires(own, example({})));
    assert.ok(await fires(own, example({ path: 'example/package.json', dependencies: ['web', 'morgan'] })));
    // Not started, started on another server framework, not on the repository's package, or not an example.
    assert.ok(!(await fires(own, example({ scripts: ['build'] }))));
    assert.ok(!(await fires(own, example({ dependencies: ['web', 'koa'] }))));
    assert.ok(!(await fires(own, example({ dependencies: ['other'] }))));
    assert.ok(!(await fires(manifest({ ...own, published: false }), example({}))));
    assert.ok(!(await fires(own, example({ path: 'apps/hello/package.json' }))));
  });

  it('reads an example project that runs on another server framework and depends on a package the repository publishes as using a library', async () => {
    const own = manifest({ path: 'package.json', name: 'rowmapper', published: true });
    const example = (fields: Partial<PackageManifest>) => manifest({ path: 'examples/with-koa/package.json', name: '', scripts: ['start'], dependencies: ['rowmapper', 'koa'], ...fields });
    const fires = async (...packages: PackageManifest[]) => (await verdictOn({ packages })).evidence.some((evidence) => evidence.signal === 'examples-inside-another-framework');
    assert.ok(await fires(own, example({})));
    assert.ok(await fires(own, example({ path: 'example/package.json', scripts: [], dependencies: ['rowmapper', 'express'] })));
    // Started on the repository's package alone, on another framework without it, the repository's own server package, not published, or not an example.
    assert.ok(!(await fires(own, example({ dependencies: ['rowmapper'] }))));
    assert.ok(!(await fires(own, example({ dependencies: ['other', 'koa'] }))));
    assert.ok(!(await fires(manifest({ ...own, name: 'koa' }), example({ dependencies: ['koa'] }))));
    assert.ok(!(await fires(manifest({ ...own, published: false }), example({}))));
    assert.ok(!(await fires(own, example({ path: 'apps/web/package.json' }))));
  });

  it('reads a published package whose examples use it inside applications on another server framework as a library, though one example is a script started on it alone', async () => {
    const own = manifest({ path: 'package.json', name: 'rowmapper', published: true });
    const script = manifest({ path: 'examples/basic/package.json', name: '', scripts: ['start'], dependencies: ['rowmapper', 'sqlite3'] });
    const onKoa = manifest({ path: 'examples/koa/package.json', name: '', scripts: ['start'], dependencies: ['rowmapper', 'koa', 'sqlite3'] });
    const files = ['src/model.js', 'examples/basic/app.js', 'examples/koa/app.js'];
    assert.equal((await verdictOn({ files, packages: [own, script] })).kind, 'framework');
    assert.equal((await verdictOn({ files, packages: [own, script, onKoa] })).kind, 'library');
  });

  it('reads routes that examples or tests declare on the framework the repository publishes as built on a framework', async () => {
    const own = manifest({ path: 'setup.py', name: 'webkit', published: true });
    const routes = (framework: string, declaredIn = 'demos/chat/app.py') => Array.from({ length: 3 }, (_, index) => ({ handler: `${declaredIn}:Handler${index}.get`, source: { path: declaredIn }, framework }));
    const fires = async (packages: PackageManifest[], declared: ReturnType<typeof routes>) => (await verdictOn({ packages, routes: declared })).evidence.some((evidence) => evidence.signal === 'examples-served-by-it');
    assert.ok(await fires([own], routes('webkit')));
    assert.ok(await fires([own], routes('webkit', 'tests/test_web.py')));
    // Another framework's routes (a library's examples for several frameworks), too few, or a package not published.
    assert.ok(!(await fires([own], routes('flask'))));
    assert.ok(!(await fires([own], routes('webkit').slice(0, 2))));
    assert.ok(!(await fires([manifest({ ...own, published: false })], routes('webkit'))));
  });

  it('asks who uses the repository first: a published package is a framework or a library, whatever routes and models its code holds', async () => {
    const verdict = await verdictOn({
      files: ['web/request.py', 'web/response.py', 'web/routing.py'],
      packages: [manifest({ path: 'pyproject.toml', published: true })],
      routes: Array.from({ length: 30 }, (_, index) => ({ handler: `web/auth/views.py:view${index}` })),
      findings: Array.from({ length: 20 }, (_, index) => ({ category: 'model' as const, symbol: `web/auth/models.py:M${index}`, details: { rule: 'test' } })),
    });
    assert.equal(verdict.kind, 'framework');
    assert.deepEqual(verdict.scores, { framework: 1, service: 0, library: 0 });
    // The evidence in the order the questions are asked: who uses it, whatever its weight, first.
    assert.deepEqual(
      verdict.evidence.map(({ signal, question }) => `${question} ${signal}`),
      ['who-uses-it published-package', 'what-it-offers request-pipeline-files', 'what-it-offers many-routes', 'what-it-offers lots-of-routes', 'what-it-offers data-model', 'what-it-offers rich-data-model'],
    );
  });

  it('reads a published repository that is deployed too as a service when its deployment weighs more', async () => {
    const published = manifest({ path: 'pyproject.toml', published: true });
    const verdict = await verdictOn({ files: ['Dockerfile', 'src/lib/backends/redis.py'], packages: [published, manifest({ path: 'pom.xml', application: true })] });
    assert.equal(verdict.kind, 'service');
    assert.deepEqual(verdict.scores, { framework: 0.188, service: 0.625, library: 0.188 });
    assert.equal((await verdictOn({ files: ['Dockerfile', 'src/lib/backends/redis.py'], packages: [published] })).kind, 'library');
  });

  it('reads a monorepo of published packages with a private server package that declares its types for importers as published', async () => {
    const packages = [
      manifest({ path: 'packages/scheduler/package.json', name: 'scheduler', published: true, declares: ['name', 'main', 'types', 'files'] }),
      manifest({ path: 'packages/scheduler-redis/package.json', name: '@scheduler/redis', published: true, declares: ['name', 'main', 'types', 'peerDependencies'] }),
      manifest({ path: 'packages/rest/package.json', name: 'scheduler-rest', dependencies: ['koa', 'scheduler'], scripts: ['start'], declares: ['name', 'private', 'main', 'types', 'exports', 'bin'] }),
    ];
    const verdict = await verdictOn({ files: ['packages/scheduler-redis/src/index.ts', 'packages/rest/src/server.ts'], packages });
    assert.deepEqual(verdict.evidence.filter(({ question }) => question === 'who-uses-it').map(({ signal }) => signal), ['published-package', 'installed-into-other-projects']);
    assert.equal(verdict.kind, 'library');
    // The same server package declaring nothing for importers is an application, and the repository is deployed.
    const application = manifest({ path: 'packages/rest/package.json', name: 'scheduler-rest', dependencies: ['koa', 'scheduler'], scripts: ['start'], declares: ['name', 'private', 'main', 'scripts'] });
    assert.equal((await verdictOn({ files: ['packages/rest/src/server.ts'], packages: [packages[0]!, application] })).kind, 'service');
  });

  it('lets what the code is full of decide among the three kinds when who uses it is not told', async () => {
    assert.equal((await verdictOn({ routes: Array.from({ length: 30 }, (_, index) => ({ handler: `app/api.py:view${index}` })) })).kind, 'service');
    // Published and built as an application: as much for either side, and the code decides.
    const both = await verdictOn({ files: ['web/request.py', 'web/response.py', 'web/routing.py'], packages: [manifest({ published: true }), manifest({ path: 'pom.xml', application: true })] });
    assert.equal(both.kind, 'framework');
    assert.deepEqual(both.scores, { framework: 1, service: 0, library: 0 });
  });

  it('reads a published package made to plug into a server framework as a library, though it keeps middleware and request helpers of its own', async () => {
    const files = ['lib/middleware/authenticate.js', 'lib/http/request.js', 'lib/index.js'];
    const plugin = await verdictOn({ files, packages: [manifest({ name: 'gatekeeper', published: true, keywords: ['express', 'auth'] })] });
    assert.equal(plugin.kind, 'library');
    assert.deepEqual(
      plugin.evidence.map(({ signal }) => signal),
      ['published-package', 'framework-core-folders', 'plugs-into-a-framework'],
    );
    assert.equal((await verdictOn({ files, packages: [manifest({ name: 'gatekeeper', published: true, keywords: ['auth'] })] })).kind, 'framework');
  });

  it('reads a distribution published for people who run it, not for developers, as a service: what it uploads is an application', async () => {
    const application = (classifiers: string[]) => verdictOn({ files: ['fitness/settings.py', 'fitness/workouts/models.py'], packages: [manifest({ path: 'pyproject.toml', name: 'fitness', published: true, classifiers })] });
    const verdict = await application(['Environment :: Web Environment', 'Intended Audience :: Other Audience']);
    assert.equal(verdict.kind, 'service');
    assert.deepEqual(verdict.evidence.filter(({ question }) => question === 'who-uses-it').map(({ signal }) => signal), ['published-package', 'published-application']);
    assert.notEqual((await application(['Intended Audience :: Developers', 'Intended Audience :: Other Audience'])).kind, 'service');
  });

  it('reads a distribution that pins its dependencies and is deployed as a service, though it is uploaded to PyPI; pinned alone, still a published package', async () => {
    const files = ['wallet/app.py', 'wallet/wallets/base.py', 'Dockerfile'];
    const interfaces = [{ base: 'wallet/wallets/base.py:Wallet', implementations: ['wallet/wallets/a.py:A', 'wallet/wallets/b.py:B', 'wallet/wallets/c.py:C'] }];
    const uploaded = (pinsDependencies: boolean) => manifest({ path: 'pyproject.toml', name: 'wallet', published: true, pinsDependencies });
    const deployed = await verdictOn({ files, interfaces, packages: [uploaded(true)] });
    assert.equal(deployed.kind, 'service');
    assert.deepEqual(deployed.evidence.filter(({ question }) => question === 'who-uses-it').map(({ signal }) => signal), ['published-package', 'pinned-application', 'deployment-files']);
    assert.notEqual((await verdictOn({ files, interfaces, packages: [uploaded(false)] })).kind, 'service', 'ranges: a library deployed as a demo');
    assert.notEqual((await verdictOn({ files: files.slice(0, 2), interfaces, packages: [uploaded(true)] })).kind, 'service', 'pinned, not deployed');
  });

  it('reads a distribution uploaded to PyPI that is deployed from a root WSGI module as a service, whatever hooks it offers its plugins', async () => {
    const files = ['wsgi.py', 'board/app.py', 'board/plugins/spec.py', 'board/forum/views.py', 'board/migrations/0001_init.py'];
    const findings = Array.from({ length: 5 }, (_, index) => ({ category: 'middleware' as const, symbol: `board/app.py:hook${index}`, details: { rule: 'test' } }));
    const models = Array.from({ length: 4 }, (_, index) => ({ category: 'model' as const, symbol: `board/forum/models.py:M${index}`, details: { rule: 'test' } }));
    const packages = [manifest({ path: 'pyproject.toml', name: 'board', published: true, dependencies: ['flask'], classifiers: ['Intended Audience :: Developers'] })];
    const deployed = await verdictOn({ files, findings: [...findings, ...models], packages });
    assert.equal(deployed.kind, 'service');
    assert.deepEqual(deployed.evidence.filter(({ question }) => question === 'who-uses-it').map(({ signal }) => signal), ['published-package', 'wsgi-entry-module']);
    assert.equal((await verdictOn({ files: files.slice(1), findings: [...findings, ...models], packages })).kind, 'framework');
  });

  it('reads a Go module with a package at its root as published, its server commands shipped with it; one without as an application', async () => {
    const exporter = 'package main\n\nimport (\n\t"net/http"\n\n\t"example.com/jobs"\n)\n\nfunc main() {\n\t_ = jobs.NewClient()\n\thttp.ListenAndServe(":9876", nil)\n}\n';
    const who = async (files: Record<string, string>) =>
      (await analyseFiles({ 'go.mod': 'module example.com/jobs\n\ngo 1.22\n', ...files })).kind.evidence.filter(({ question }) => question === 'who-uses-it').map(({ signal, path }) => `${signal} ${path}`);
    const client = 'package jobs\n\ntype Client struct{}\n\nfunc NewClient() *Client { return &Client{} }\n';
    assert.deepEqual(await who({ 'client.go': client, 'tools/exporter/main.go': exporter }), ['published-package go.mod']);
    assert.deepEqual(await who({ 'internal/jobs/client.go': client, 'cmd/server/main.go': exporter.replace('"example.com/jobs"', '"example.com/jobs/internal/jobs"') }), ['application-build cmd/server/main.go']);
  });

  it('reads a workspace whose started server package is built into a container from its folder as a service, though its other packages are published', async () => {
    const packages = [
      manifest({ path: 'package.json', name: 'create-shop', published: true, declares: ['name', 'bin'] }),
      manifest({ path: 'templates/libs/errors/package.json', name: '@shop/errors', published: true, declares: ['name', 'main', 'peerDependencies'] }),
      manifest({ path: 'templates/services/orders/package.json', name: 'orders', published: true, scripts: ['start'], dependencies: ['fastify', 'pg'], declares: ['name', 'main', 'scripts'], deployed: true }),
    ];
    const files = ['templates/services/orders/Dockerfile', 'templates/services/orders/domain/order.ts', 'templates/services/orders/migrations/0001.js'];
    const verdict = await verdictOn({ files, packages });
    assert.equal(verdict.kind, 'service');
    assert.deepEqual(verdict.evidence.filter(({ question }) => question === 'who-uses-it').map(({ signal }) => signal), ['published-package', 'installed-into-other-projects', 'started-server', 'deployed-workspace-application']);
    // Not deployed from its folder, the started package weighs less than what the workspace publishes.
    assert.notEqual((await verdictOn({ files: files.slice(1), packages: packages.map((each) => ({ ...each, deployed: false })) })).kind, 'service');
    // The root's own Dockerfile is the deployment-files rule's, not this one's.
    assert.ok(!(await verdictOn({ packages: [manifest({ scripts: ['start'], dependencies: ['fastify'], deployed: true })] })).evidence.some(({ signal }) => signal === 'deployed-workspace-application'));
  });

  it('reads a monorepo that publishes middleware for its own packages and starts a private application on them as a framework, though one of its packages has transports', async () => {
    const own = (name: string, description = '') => manifest({ path: `packages/${name}/package.json`, name: `@quill/${name}`, published: true, description, declares: ['name', 'main', 'peerDependencies'] });
    const demo = manifest({ path: 'packages/demo/package.json', name: '@quill/demo', scripts: ['start:http', 'test'], dependencies: ['@quill/core', '@quill/http', 'rxjs'] });
    const transports = { base: 'packages/bus/src/transport/transport.ts:Transport', implementations: ['packages/bus/src/transport/amqp.ts:Amqp', 'packages/bus/src/transport/redis.ts:Redis', 'packages/bus/src/transport/local.ts:Local'] };
    const files = ['packages/http/src/server.ts', ...transports.implementations.map((symbol) => symbol.slice(0, symbol.indexOf(':')))];
    const kindOf = async (packages: PackageManifest[]) => (await verdictOn({ files, packages, interfaces: [transports] })).kind;
    const core = [own('core'), own('http'), own('bus')];
    assert.equal(await kindOf([...core, own('body', 'Body parser middleware for Quill'), demo]), 'framework');
    assert.equal(await kindOf([...core, own('body', 'Body parser for Quill'), demo]), 'library');
    assert.equal(await kindOf([...core, own('body', 'Body parser middleware for Quill'), manifest({ ...demo, dependencies: [...demo.dependencies, 'express'] })]), 'library');
  });

  it('takes a published package that offers no more of a framework than of a library for a library, its scores even', async () => {
    const verdict = await verdictOn({ packages: [manifest({ published: true })] });
    assert.equal(verdict.kind, 'library');
    assert.deepEqual(verdict.scores, { framework: 0.5, service: 0, library: 0.5 });
  });

  it('takes the code of a published package for published, so that its routes do not make it a service part', async () => {
    const files = ['pkg/request.py', 'pkg/response.py', 'pkg/routing.py', ...Array.from({ length: 8 }, (_, index) => `pkg/contrib/m${index}.py`), 'pkg/contrib/migrations/0001_initial.py'];
    const routes = Array.from({ length: 30 }, (_, index) => ({ handler: `pkg/contrib/m${index % 8}.py:view` }));
    const verdict = await verdictOn({ files, routes, packages: [manifest({ path: 'pyproject.toml', published: true })] });
    assert.equal(verdict.kind, 'framework');
    assert.deepEqual(verdict.parts, []);
  });

  it('judges a workspace package by its own manifest', async () => {
    const files = ['packages/web/src/request.ts', 'packages/web/src/response.ts', 'packages/web/src/router.ts', ...Array.from({ length: 9 }, (_, index) => `packages/store/src/backends/b${index}.ts`)];
    const findings = (['middleware', 'decorator', 'signal'] as const).flatMap((category) => Array.from({ length: 5 }, (_, index) => ({ category, symbol: `packages/web/src/hooks.ts:${category}${index}`, details: { rule: 'test' } })));
    const backends = { base: 'packages/store/src/store.ts:Store', implementations: ['packages/store/src/backends/b1.ts:A', 'packages/store/src/backends/b2.ts:B'] };
    const packages = [manifest({ path: 'packages/store/package.json', published: true }), manifest({ path: 'packages/web/package.json', published: true })];
    const verdict = await verdictOn({ files, findings, packages, interfaces: [backends] });
    assert.equal(verdict.kind, 'framework');
    assert.deepEqual(verdict.parts, [{ path: 'packages/store/', kind: 'library' }]);
  });

  it('asks each question with its own answers', () => {
    const rule = (fields: string) => () => parseKindRules({ name: 'kind-rules.yml', text: `rules:\n  - { id: x, weight: 1, why: y, folder: a, ${fields} }\n` });
    assert.throws(rule('question: who-uses-it, favours: framework'), /rules\[0\] \(x\)\.favours: must be one of published, service/);
    assert.throws(rule('favours: published'), /rules\[0\] \(x\)\.favours: must be one of framework, service, library/);
    assert.throws(rule('question: how, favours: service'), /rules\[0\] \(x\)\.question: must be one of who-uses-it, what-it-offers/);
    assert.equal(rule('favours: library')()[0]?.question, 'what-it-offers');
  });

  it('takes only the conditions a manifest can meet in a package rule', () => {
    const rule = (condition: string) => () => parseKindRules({ name: 'kind-rules.yml', text: `rules:\n  - id: x\n    favours: service\n    weight: 1\n    why: y\n    package: ${condition}\n` });
    assert.throws(rule('{ private: true }'), /rules\[0\] \(x\)\.package: has an unknown key 'private'/);
    assert.throws(rule('{ published: yes please }'), /rules\[0\] \(x\)\.package\.published: must be/);
    assert.throws(rule('{}'), /rules\[0\] \(x\)\.package: /);
    assert.deepEqual(parseKindRules({ name: 'kind-rules.yml', text: 'rules:\n  - { id: x, favours: service, weight: 1, why: y, package: { application: true } }\n' })[0]?.matcher, { type: 'package', conditions: { application: true } });
  });

  it('gives the same kind, evidence included, whatever order the findings come in', async () => {
    const findings = ['app/b/models.py:B', 'app/a/models.py:A', 'app/c/models.py:C'].map((symbol) => ({ category: 'model' as const, symbol, details: { rule: 'test' } }));
    const kindOf = (ordered: typeof findings) => classifyKind(builtinKnowledge(), { folders: foldersOf(['app/a/views.py']), files: ['app/a/views.py'], findings: ordered, routes: [], interfaces: [] });
    assert.deepEqual(await kindOf([...findings].reverse()), await kindOf(findings));
    assert.ok((await kindOf(findings)).evidence.some((evidence) => evidence.path === 'app/a/models.py'));
  });

  it('counts routes, findings and interfaces outside tests and examples only', async () => {
    assert.ok((await firedFor([], {}, [], 3)).includes('many-routes'));
    assert.ok(!(await firedFor([], {}, [], 2)).includes('many-routes'));
    assert.ok((await firedFor([], { model: 3 })).includes('data-model'));
    const base = { base: 'lib/base.py:Base', implementations: ['lib/a.py:A', 'lib/b.py:B', 'lib/c.py:C'] };
    assert.ok((await firedFor([], {}, [base])).includes('interface-with-implementations'));
    assert.ok(!(await firedFor([], {}, [{ ...base, implementations: ['tests/a.py:A', 'tests/b.py:B', 'lib/c.py:C'] }])).includes('interface-with-implementations'));
  });

  it('reads no library in an exception hierarchy: the errors a package raises are not implementations of an interface', async () => {
    const errors = { base: 'lib/exceptions.py:AppError', implementations: ['lib/exceptions.py:A', 'lib/exceptions.py:B', 'lib/exceptions.py:C'] };
    assert.ok(!(await firedFor([], {}, [errors])).includes('interface-with-implementations'));
    assert.ok(!(await firedFor([], {}, [{ ...errors, base: 'src/errors.ts:HttpError' }])).includes('interface-with-implementations'));
    assert.ok((await firedFor([], {}, [errors, { base: 'lib/backends/base.py:BaseBackend', implementations: ['lib/backends/a.py:A', 'lib/backends/b.py:B', 'lib/backends/c.py:C'] }])).includes('interface-with-implementations'), 'another interface beside it still counts');
  });

  it('reads a library where most source files implement one interface, not where its implementations are a small part of the code', async () => {
    const plugins = Array.from({ length: 12 }, (_, index) => `notify/plugins/service${index}.py`);
    const core = ['notify/core.py', 'notify/config.py', 'notify/cli.py', 'notify/plugins/base.py'];
    const base = { base: 'notify/plugins/base.py:NotifyBase', implementations: plugins.map((file, index) => `${file}:Service${index}`) };
    // Tests, the README and other languages' files are not the code the share is of.
    const beside = ['tests/test_a.py', 'tests/test_b.py', 'README.md', 'docs/a.md', 'web/app.js', 'web/b.js'];
    assert.ok((await firedFor([...plugins, ...core, ...beside], {}, [base])).includes('implementations-are-most-of-the-code'));
    const largeService = Array.from({ length: 40 }, (_, index) => `app/module${index}.py`);
    assert.ok(!(await firedFor([...plugins, ...core, ...largeService], {}, [base])).includes('implementations-are-most-of-the-code'));
    assert.ok(!(await firedFor([...plugins.slice(0, 9), ...core], {}, [{ ...base, implementations: base.implementations.slice(0, 9) }])).includes('implementations-are-most-of-the-code'));
  });

  it('counts the routes the code declares, not the routes of tests that the package\'s own views serve', async () => {
    const verdictOn = (declaredIn: string) =>
      classifyKind(builtinKnowledge(), {
        folders: [],
        files: [],
        findings: [],
        routes: Array.from({ length: 3 }, (_, index) => ({ handler: `rest_framework/mixins.py:Mixin${index}.list`, source: { path: declaredIn } })),
        interfaces: [],
      });
    assert.ok(!(await verdictOn('tests/urls.py')).evidence.some((evidence) => evidence.signal === 'many-routes'));
    assert.deepEqual(
      (await verdictOn('app/urls.py')).evidence.filter((evidence) => evidence.signal === 'many-routes').map((evidence) => evidence.path),
      ['app/urls.py'],
    );
  });

  it('sees one interface implemented several times in a backends folder, not merely a folder of that name', async () => {
    const backends = { base: 'cache/base.py:BaseCache', implementations: ['cache/backends/memory.py:Memory', 'cache/backends/redis.py:Redis'] };
    assert.ok((await firedFor(['cache/backends/memory.py'], {}, [backends])).includes('implementations-in-backends'));
    assert.ok(!(await firedFor(['app/data/transport/views.py'], {}, [])).includes('implementations-in-backends'));
  });

  it('reads a published service broker whose built-in middleware are objects of broker hooks as a framework', async () => {
    // A message broker written for the test, in the shape Moleculer documents: each built-in middleware is a
    // factory the broker calls with itself, returning hooks around local actions and events. Found, they are
    // the extension points that outweigh its benchmark folder; without them the two kinds tie.
    const middleware = (name: string, hook: string) => `module.exports = function ${name}Middleware(broker) {\n  function wrap(next) {\n    return (ctx) => next(ctx);\n  }\n  return { name: "${name}", ${hook}: wrap };\n};\n`;
    const result = await analyseFiles({
      'package.json': JSON.stringify({ name: 'minibus', version: '1.0.0', main: 'index.js', description: 'A message broker for Node services' }),
      'index.js': "module.exports = require('./src/broker');\n",
      'src/broker.js': 'class Broker {\n  constructor(options) { this.middlewares = options.middlewares || []; }\n  call(action, params) { return this.run(action, params); }\n}\nmodule.exports = Broker;\n',
      'src/middlewares/retry.js': middleware('Retry', 'localAction'),
      'src/middlewares/timeout.js': middleware('Timeout', 'localAction'),
      'src/middlewares/metrics.js': middleware('Metrics', 'remoteAction'),
      'src/middlewares/throttle.js': middleware('Throttle', 'localEvent'),
      'src/middlewares/debounce.js': middleware('Debounce', 'localEvent'),
      'benchmark/suite.js': "const Broker = require('..');\nnew Broker({}).call('math.add', { a: 1 });\n",
    });
    assert.equal(result.findings.filter((finding) => finding.category === 'middleware').length, 5);
    assert.equal(result.kind.kind, 'framework');
    assert.ok(result.kind.evidence.some((evidence) => evidence.signal === 'middleware-definitions'));
  });

  it('lists a subtree whose kind differs clearly from the whole as a mixed part', async () => {
    const files = [
      ...Array.from({ length: 10 }, (_, index) => `web/api/routes/r${index}.py`),
      ...Array.from({ length: 9 }, (_, index) => `web/orm/backends/b${index}.py`),
      'Dockerfile',
      'web/migrations/0001.py',
    ];
    const backends = { base: 'web/orm/base.py:Engine', implementations: ['web/orm/backends/b1.py:A', 'web/orm/backends/b2.py:B', 'web/orm/backends/b3.py:C'] };
    const verdict = await classifyKind(builtinKnowledge(), { folders: foldersOf(files), files, findings: [], routes: Array.from({ length: 30 }, (_, index) => ({ handler: `web/api/routes/r${index % 10}.py:h` })), interfaces: [backends] });
    assert.equal(verdict.kind, 'service');
    assert.deepEqual(verdict.parts, [{ path: 'web/orm/', kind: 'library' }]);
  });

  it('reads what the README talks about, in whole words', async () => {
    const verdict = async (text: string) =>
      (await classifyKind(builtinKnowledge(), { folders: [], files: ['README.md'], findings: [], routes: [], interfaces: [], readme: { path: 'README.md', text } })).evidence.map((evidence) => evidence.signal);
    assert.ok((await verdict('benchmarks: throughput 1M ops/sec, p99 latency 2 ms')).includes('readme-performance'));
    assert.ok(!(await verdict('throughputs and latencyish benchmarking')).includes('readme-performance'));
    assert.ok((await verdict('## architecture\nsee the sequence diagram; deployment with docker compose')).includes('readme-architecture'));
    assert.ok((await verdict('## quickstart\nthe tutorial builds your application from hello world')).includes('readme-usage'));
    // Links to the documentation are in every package's README, a library's as much as a framework's.
    assert.ok(!(await verdict('[documentation](#documentation)\n## documentation\nthe full documentation is online')).includes('readme-usage'));
  });

  it('reads a published package whose README only links its documentation, and whose code offers nothing of a framework, as a library', async () => {
    const readme = { path: 'README.md', text: '<a href="#documentation">documentation</a>\n## documentation\nsee the full documentation and the reference.' };
    const verdict = await classifyKind(builtinKnowledge(), { folders: ['lib'], files: ['README.md', 'lib/queue.js', 'lib/job.js'], findings: [], routes: [], interfaces: [], readme, packages: [manifest({ published: true })] });
    assert.equal(verdict.kind, 'library');
  });

  it('reads a published logger whose appenders sit in one folder as a library, though its README teaches how to use it', async () => {
    const files = ['README.md', 'lib/logger.js', 'lib/appenders/console.js', 'lib/appenders/file.js', 'lib/appenders/tcp.js', 'examples/hello.js'];
    const readme = { path: 'README.md', text: '## getting started\nadd it to your app; the tutorial and the quickstart show how.' };
    const verdict = await classifyKind(builtinKnowledge(), { folders: foldersOf(files), files, findings: [], routes: [], interfaces: [], readme, packages: [manifest({ published: true })] });
    assert.ok(verdict.evidence.some((evidence) => evidence.signal === 'readme-usage'));
    assert.equal(verdict.kind, 'library');
  });
});
