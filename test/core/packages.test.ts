import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type PackageManifest, readDistribution } from '../../src/core/classify/packages';
import type { WorkspaceFs } from '../../src/core/host';
import type { Skipped } from '../../src/core/result';

/** The files of a workspace at /w, in memory: the reader asks only for texts. */
function memoryFs(files: Record<string, string>): WorkspaceFs {
  return {
    readDirectory: () => Promise.reject(new Error('not walked')),
    stat: () => Promise.reject(new Error('not asked')),
    realPath: (path) => Promise.resolve(path),
    readText: (path, limits) => {
      const text = files[path.slice('/w/'.length)];
      if (text === undefined) return Promise.reject(Object.assign(new Error(`ENOENT ${path}`), { code: 'ENOENT' }));
      return text.length > limits.maxBytes ? Promise.reject(Object.assign(new Error(`larger than ${limits.maxBytes} bytes`), { code: 'EFBIG' })) : Promise.resolve(text);
    },
  };
}

const LIMITS = { root: '/w', maxBytes: 1024 * 1024 };

async function distributionOf(files: Record<string, string>, skipped: Skipped[] = []) {
  return readDistribution(memoryFs(files), LIMITS, skipped, Object.keys(files));
}

async function manifestsOf(files: Record<string, string>): Promise<PackageManifest[]> {
  return (await distributionOf(files)).packages;
}

describe('package manifests', () => {
  it('reads a package.json as published when it is not private, is named and ships something', async () => {
    const published = async (manifest: object) => (await manifestsOf({ 'package.json': JSON.stringify(manifest) }))[0]?.published;
    assert.equal(await published({ name: 'kysely', exports: { '.': './dist/index.js' }, types: './dist/index.d.ts' }), true);
    assert.equal(await published({ name: 'polka', files: ['*.js'] }), true);
    assert.equal(await published({ name: 'shop', private: true, main: 'index.js' }), false);
    assert.equal(await published({ name: 'ghostfolio', scripts: { start: 'node dist/main' } }), false);
    assert.equal(await published({ main: 'index.js' }), false);
  });

  it('keeps what the rules and file routes read of a package.json: keywords, description, dependencies (to build with too), fields and scripts', async () => {
    const [manifest] = await manifestsOf({
      'package.json': JSON.stringify({ name: 'app', description: 'An API', keywords: ['api'], dependencies: { express: '^4' }, devDependencies: { jest: '^29' }, peerDependencies: { koa: '^2' }, scripts: { start: 'node .' } }),
    });
    assert.deepEqual(manifest, {
      path: 'package.json',
      name: 'app',
      published: false,
      application: false,
      deployed: false,
      description: 'An API',
      classifiers: [],
      keywords: ['api'],
      dependencies: ['express'],
      developmentDependencies: ['jest'],
      declares: ['name', 'description', 'keywords', 'dependencies', 'devDependencies', 'peerDependencies', 'scripts'],
      scripts: ['start'],
    });
  });

  it('reads the packages of a workspace, from package.json workspaces, pnpm-workspace.yaml and lerna.json', async () => {
    const member = (name: string) => JSON.stringify({ name, main: 'index.js' });
    const paths = async (files: Record<string, string>) => (await manifestsOf(files)).map((manifest) => manifest.path);
    assert.deepEqual(
      await paths({ 'package.json': JSON.stringify({ private: true, workspaces: ['packages/*', '!packages/internal'] }), 'packages/b/package.json': member('b'), 'packages/a/package.json': member('a'), 'packages/internal/package.json': member('i'), 'other/package.json': member('o') }),
      ['package.json', 'packages/a/package.json', 'packages/b/package.json'],
    );
    assert.deepEqual(await paths({ 'package.json': JSON.stringify({ private: true, workspaces: { packages: ['./libs/**'] } }), 'libs/x/y/package.json': member('y') }), ['package.json', 'libs/x/y/package.json']);
    assert.deepEqual(await paths({ 'pnpm-workspace.yaml': "packages:\n  - 'core/*'\n  - 'storage/*'\n", 'core/keyv/package.json': member('keyv'), 'storage/redis/package.json': member('@keyv/redis') }), [
      'core/keyv/package.json',
      'storage/redis/package.json',
    ]);
    // Lerna's default is packages/*.
    assert.deepEqual(await paths({ 'lerna.json': '{ "version": "1.0.0" }', 'packages/polka/package.json': member('polka') }), ['packages/polka/package.json']);
  });

  it('reads the members of a workspace declared below the root, and which of them are deployed from their folder', async () => {
    const member = (name: string) => JSON.stringify({ name, main: 'index.js' });
    const manifests = await manifestsOf({
      'package.json': JSON.stringify({ name: 'create-shop', bin: { 'create-shop': 'bin/cli.js' } }),
      'templates/package.json': JSON.stringify({ name: 'shop-template', workspaces: ['services/*', './libs/*', '!libs/scratch'] }),
      'templates/services/orders/package.json': member('orders'),
      'templates/services/orders/Dockerfile': 'FROM node:20\n',
      'templates/libs/logger/package.json': member('@shop/logger'),
      'templates/libs/scratch/package.json': member('scratch'),
      'templates/node_modules/x/package.json': JSON.stringify({ name: 'x', workspaces: ['*'] }),
    });
    assert.deepEqual(
      manifests.map(({ path, deployed }) => `${path} ${deployed}`),
      ['package.json false', 'templates/libs/logger/package.json false', 'templates/services/orders/package.json true'],
    );
  });

  it('reads the manifests of the example projects, whether or not a workspace lists them', async () => {
    const example = JSON.stringify({ scripts: { start: 'node index' }, dependencies: { web: 'latest' } });
    const manifests = await manifestsOf({ 'package.json': JSON.stringify({ name: 'web', main: 'index.js' }), 'examples/hello/package.json': example, 'example/package.json': example, 'examples/a/b/package.json': example, 'tests/app/package.json': example });
    assert.deepEqual(
      manifests.map((manifest) => manifest.path),
      ['package.json', 'example/package.json', 'examples/hello/package.json'],
    );
    assert.deepEqual(manifests[2]?.dependencies, ['web']);
    assert.deepEqual(manifests[2]?.scripts, ['start']);
  });

  it('reads pyproject.toml: [project], or [tool.poetry], published when a build system is declared', async () => {
    const pyproject = `
[build-system]
requires = ["hatchling"]
[project]
name = "djangorestframework"
description = "Web APIs for Django, made easy."
keywords = ["api"]
classifiers = ["Framework :: Django", "Topic :: Internet :: WWW/HTTP"]
dependencies = ["Django>=4.2", "asgiref[tz] ~= 3.7"]
[project.scripts]
drf = "rest_framework.cli:main"
`;
    const [project] = await manifestsOf({ 'pyproject.toml': pyproject });
    assert.deepEqual(project, {
      path: 'pyproject.toml',
      name: 'djangorestframework',
      published: true,
      application: false,
      deployed: false,
      description: 'Web APIs for Django, made easy.',
      classifiers: ['Framework :: Django', 'Topic :: Internet :: WWW/HTTP'],
      keywords: ['api'],
      dependencies: ['django', 'asgiref'],
      pinsDependencies: false,
      declares: ['build-system', 'project', 'project.name', 'project.description', 'project.keywords', 'project.classifiers', 'project.dependencies', 'project.scripts'],
      scripts: [],
    });
    const published = async (text: string) => (await manifestsOf({ 'pyproject.toml': text }))[0]?.published;
    // An application's: uv and Poetry manage its dependencies, nothing is built.
    assert.equal(await published('[project]\nname = "app"\n'), false);
    assert.equal(await published('[build-system]\nrequires = ["poetry-core"]\n[tool.poetry]\nname = "app"\npackage-mode = false\n'), false);
    assert.equal(await published('[build-system]\nrequires = ["poetry-core"]\n[tool.poetry]\nname = "lib"\n[tool.poetry.dependencies]\npython = "^3.10"\nFlask_SQLAlchemy = "^3"\n'), true);
    assert.equal(await published('[build-system]\nrequires = ["hatchling"]\n[project]\nname = "app"\nclassifiers = ["Private :: Do Not Upload"]\n'), false);
    assert.deepEqual((await manifestsOf({ 'pyproject.toml': '[build-system]\nrequires = ["poetry-core"]\n[tool.poetry]\nname = "lib"\n[tool.poetry.dependencies]\npython = "^3.10"\nFlask_SQLAlchemy = "^3"\n' }))[0]?.dependencies, ['flask-sqlalchemy']);
  });

  it('reads a Python distribution as pinning its dependencies when nearly all of ten or more are pinned to one version, as written in [project], Poetry or setup.py', async () => {
    const names = ['fastapi', 'starlette', 'httpx', 'jinja2', 'pydantic', 'uvicorn', 'sqlalchemy', 'asyncpg', 'loguru', 'bcrypt', 'pyjwt'];
    const pins = async (files: Record<string, string>) => (await manifestsOf(files))[0]?.pinsDependencies;
    const project = (requirements: string[]) => `[build-system]\nrequires = ["hatchling"]\n[project]\nname = "wallet"\ndependencies = [${requirements.map((requirement) => JSON.stringify(requirement)).join(', ')}]\n`;
    const pinned = names.map((name) => `${name}==1.2.${name.length}`);
    assert.equal(await pins({ 'pyproject.toml': project([...pinned, 'pillow>=12.1.0', 'greenlet (>=3.3.0,<4.0.0)']) }), true, 'an application leaves a few open');
    assert.equal(await pins({ 'pyproject.toml': project(['uvloop==0.22.1; sys_platform != "win32"', 'requests[socks] == 2.32.3', ...pinned.slice(1)]) }), true, 'extras and markers');
    assert.equal(await pins({ 'pyproject.toml': project(names.map((name) => `${name}>=1.2`)) }), false, 'ranges, as a library states them');
    assert.equal(await pins({ 'pyproject.toml': project([...pinned.slice(0, 6), ...names.slice(6).map((name) => `${name}~=1.2`)]) }), false);
    assert.equal(await pins({ 'pyproject.toml': project(pinned.slice(0, 5)) }), false, 'too few to say');
    assert.equal(await pins({ 'pyproject.toml': project([...pinned.slice(0, 10), 'rich>=13', 'click>=8', 'attrs>=23']) }), false, 'ten pinned, but fewer than four in five');
    assert.equal(await pins({ 'pyproject.toml': project(['django==4.*', ...pinned.slice(0, 9)]) }), false, 'a wildcard is a range');
    const poetry = `[build-system]\nrequires = ["poetry-core"]\n[tool.poetry]\nname = "wallet"\n[tool.poetry.dependencies]\npython = "^3.10"\n${names.map((name) => `${name} = "1.2.3"`).join('\n')}\nredis = { version = "5.0.1", extras = ["hiredis"] }\n`;
    assert.equal(await pins({ 'pyproject.toml': poetry }), true, "Poetry's bare version is exact");
    assert.equal(await pins({ 'pyproject.toml': poetry.replace(/= "1\.2\.3"/g, '= "^1.2.3"') }), false, "Poetry's caret is a range");
    assert.equal(await pins({ 'setup.py': `from setuptools import setup\nsetup(name="wallet", install_requires=[${pinned.map((requirement) => JSON.stringify(requirement)).join(', ')}])\n` }), true);
  });

  it('reads a setup.py for what its setup() call states in literals, and its classifiers wherever they are written', async () => {
    const setupPy = `from setuptools import setup
CLASSIFIERS = [
    "Framework :: AsyncIO",
    'Topic :: Software Development :: Libraries :: Application Frameworks',
]
setup(
    name=NAME,
    description="multi backend asyncio cache",
    long_description=open("README.rst").read(),
    keywords="cache asyncio",
    install_requires=["redis>=4", "msgpack[fast]>=1",  # fast path
        "aiomcache"],
    classifiers=CLASSIFIERS,
)
`;
    const [manifest] = await manifestsOf({ 'setup.py': setupPy });
    assert.equal(manifest?.published, true);
    assert.equal(manifest?.name, '');
    assert.equal(manifest?.description, 'multi backend asyncio cache');
    assert.deepEqual(manifest?.keywords, ['cache', 'asyncio']);
    assert.deepEqual(manifest?.dependencies, ['redis', 'msgpack', 'aiomcache']);
    assert.deepEqual(manifest?.classifiers, ['Framework :: AsyncIO', 'Topic :: Software Development :: Libraries :: Application Frameworks']);
    assert.deepEqual(await manifestsOf({ 'setup.py': 'print("no distribution here")\n' }), []);
  });

  it("reads a setup.py description wrapped as adjacent literals in parentheses, which Python joins", async () => {
    const setupPy = `import setuptools
setuptools.setup(
    name="webkit",
    description=(
        "A small web framework"  # wrapped
        ' and networking library.'
    ),
    keywords="web", license="MIT",
)
`;
    const [manifest] = await manifestsOf({ 'setup.py': setupPy });
    assert.equal(manifest?.description, 'A small web framework and networking library.');
    assert.deepEqual(manifest?.keywords, ['web']);
  });

  // setup.py is workspace text: a try can read to the end of the file (an unclosed comment or literal), so it is not repeated at every occurrence.
  it("looks for a setup.py keyword's string at its first few occurrences only", async () => {
    const late = `setup(\n${'    description=get_description(),  # no literal\n'.repeat(8)}    description="written late",\n)\n`;
    assert.equal((await manifestsOf({ 'setup.py': late }))[0]?.description, '');
    const early = `setup(\n${'    description=get_description(),  # no literal\n'.repeat(7)}    description="written in time",\n)\n`;
    assert.equal((await manifestsOf({ 'setup.py': early }))[0]?.description, 'written in time');
  });

  it('makes one Python distribution of pyproject.toml, setup.cfg and setup.py, each field from the first that states it', async () => {
    const manifests = await manifestsOf({
      'pyproject.toml': '[tool.black]\nline-length = 100\n',
      'setup.cfg': '[metadata]\nname = fsspec\ndescription = File-system specification\nclassifiers =\n    Development Status :: 4 - Beta\n    Intended Audience :: Developers\n[options]\ninstall_requires =\n    aiohttp >= 3\n[flake8]\nmax-line-length = 100\n',
      'setup.py': 'import setuptools\nsetuptools.setup(description="not the first to say it")\n',
    });
    assert.deepEqual(manifests, [
      {
        path: 'setup.cfg',
        name: 'fsspec',
        published: true,
        application: false,
        deployed: false,
        description: 'File-system specification',
        classifiers: ['Development Status :: 4 - Beta', 'Intended Audience :: Developers'],
        keywords: [],
        dependencies: ['aiohttp'],
        pinsDependencies: false,
        declares: ['tool', 'metadata', 'options', 'flake8'],
        scripts: [],
      },
    ]);
    // Tool settings only: no distribution.
    assert.deepEqual(await manifestsOf({ 'pyproject.toml': '[tool.ruff]\nline-length = 100\n', 'setup.cfg': '[flake8]\nmax-line-length = 100\n' }), []);
  });

  it('reports a manifest it cannot read as a problem and reads the others', async () => {
    const distribution = await distributionOf({ 'pyproject.toml': '[project\nname = "x"', 'package.json': '{ "name": "ok", "main": "index.js" }' });
    assert.deepEqual(distribution.packages.map((manifest) => manifest.path), ['package.json']);
    assert.equal(distribution.problems.length, 1);
    assert.equal(distribution.problems[0]?.path, 'pyproject.toml');
    assert.match(distribution.problems[0]?.reason ?? '', /^not read for its packaging metadata: /);
  });

  it('reads the manifests of the root wherever they are, those of the workspace only among the files the discovery kept', async () => {
    // The root's are looked for as tsconfig.json is (a FIFO the discovery could not list is reported); a member the discovery did not keep says nothing.
    const files = { 'package.json': JSON.stringify({ private: true, workspaces: ['packages/*'] }), 'packages/a/package.json': '{ "name": "a", "main": "index.js" }' };
    assert.deepEqual((await readDistribution(memoryFs(files), LIMITS, [], ['src/app.py'])).packages.map((manifest) => manifest.path), ['package.json']);
  });

  it('reads each manifest through the workspace read checks: one refused is listed as skipped and says nothing', async () => {
    const skipped: Skipped[] = [];
    const huge = JSON.stringify({ name: 'x', main: 'index.js', description: 'x'.repeat(LIMITS.maxBytes) });
    assert.deepEqual((await distributionOf({ 'package.json': huge, 'pyproject.toml': '[project]\nname = "y"\n[build-system]\nrequires = []\n' }, skipped)).packages.map((manifest) => manifest.path), ['pyproject.toml']);
    assert.deepEqual(skipped.map((entry) => entry.path), ['package.json']);
  });
});
