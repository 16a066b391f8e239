import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';
import { readWorkspaceText } from '../discover/discover';
import type { ReadLimits, WorkspaceFs } from '../host';
import type { Skipped } from '../result';

/**
 * What one package manifest says about who uses the code, whatever its format: `package.json`,
 * `pyproject.toml` (`[project]`, `[tool.poetry]`), `setup.cfg`, `setup.py`, and the Java and Go
 * build files (resolve/buildFiles.ts). The kind rules read these (`package:` in kind-rules.yml);
 * what each field means is the packaging standard's.
 */
export interface PackageManifest {
  /** The manifest's path from the root: `package.json`, `packages/polka/package.json`, `pyproject.toml`. */
  path: string;
  name: string;
  /**
   * Declared for others to install, as the manifest's standard says: a package.json not `private`,
   * with a name and something it ships (`main`, `exports`, `module`, `types`, `bin`, `files`…); a
   * Python distribution with a name that is built (a `[build-system]`, or a setup.py calling
   * `setup()`), not in Poetry's `package-mode = false` and without the `Private :: Do Not Upload`
   * classifier (a pyproject.toml without a build system is an application's: uv, Poetry).
   */
  published: boolean;
  /**
   * Its build makes an application to run: Spring Boot's build plugin, a Go `main` package that
   * imports a server package. package.json and Python metadata do not say so themselves: the rules
   * judge them by their dependencies and scripts.
   */
  application: boolean;
  /** A container build or process file (Dockerfile, Procfile) sits beside it: the package is deployed from its folder. */
  deployed: boolean;
  description: string;
  /** Trove classifiers (`Framework :: Django`, `Topic :: Software Development :: Libraries`). */
  classifiers: string[];
  keywords: string[];
  /** Run-time dependencies by name: npm `dependencies`; Python requirements, names normalised as PEP 503 does (`Flask_SQLAlchemy` → `flask-sqlalchemy`). */
  dependencies: string[];
  /**
   * Python: nearly every run-time requirement is pinned to one version (`fastapi==0.116.1`, Poetry's
   * `fastapi = "0.116.1"`): how an application fixes what it runs with, where a library states the
   * ranges it works with (packaging.python.org, "install_requires vs requirements files").
   */
  pinsDependencies?: boolean;
  /** npm `devDependencies`: where applications built by their framework (SvelteKit, Nuxt) declare it. */
  developmentDependencies?: string[];
  /** package.json: its top-level fields (`peerDependencies`, `bin`); pyproject.toml: its tables and `[project]`'s keys (`project.scripts`). */
  declares: string[];
  /** npm scripts by name (`start`, `build`). */
  scripts: string[];
}

/** The manifests of a workspace, and those that could not be read (shown as skipped). */
export interface Distribution {
  packages: PackageManifest[];
  /**
   * The package.json files of folders no workspace declares (a `frontend/` beside a Python backend),
   * at most MAX_WORKSPACE_PACKAGES: read for the frameworks their files are built on, never for the kind.
   */
  undeclared: PackageManifest[];
  problems: { path: string; reason: string }[];
}

/** A monorepo's packages are read up to this many: enough to tell what it publishes. */
export const MAX_WORKSPACE_PACKAGES = 200;

/** What a package.json ships to those who install it (one of these makes a named, non-private package a published one). */
const NPM_SHIPS = ['main', 'exports', 'module', 'types', 'typings', 'bin', 'files', 'browser'];
const DO_NOT_UPLOAD = 'Private :: Do Not Upload';

/**
 * The root's manifests (its package.json, its Python distribution), those of the workspace
 * packages it declares (package.json `workspaces`, pnpm-workspace.yaml, lerna.json, and the
 * `workspaces` of a package.json below the root) and those of
 * its example projects (`examples/<name>/package.json`), found among
 * the files the discovery kept (the root's own looked for wherever they are). A file that is not
 * there says nothing; one refused by the read checks is skipped; a broken one is a problem
 * and says nothing either.
 */
export async function readDistribution(fs: WorkspaceFs, limits: ReadLimits & { root: string }, skipped: Skipped[], files: readonly string[]): Promise<Distribution> {
  const present = new Set(files);
  const distribution: Distribution = { packages: [], undeclared: [], problems: [] };
  // Through the same checks as every file (a regular file, inside the workspace, within the size
  // limit). The root's own manifests are looked for as tsconfig.json is, so that one the discovery
  // could not list (a FIFO) is reported as skipped; the workspace's and the examples' are those it found.
  const readRoot = (path: string): Promise<string | undefined> => readWorkspaceText(fs, limits, path, skipped);
  const read = async (path: string): Promise<string | undefined> => (present.has(path) ? readWorkspaceText(fs, limits, path, skipped) : undefined);
  const parsed = <T>(path: string, text: string, parse: (text: string) => T): T | undefined => {
    try {
      return parse(text);
    } catch (error) {
      distribution.problems.push({ path, reason: `not read for its packaging metadata: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}` });
      return undefined;
    }
  };
  const [packageJson, pyproject, setupCfg, setupPy, pnpmWorkspace, lerna] = await Promise.all(
    ['package.json', 'pyproject.toml', 'setup.cfg', 'setup.py', 'pnpm-workspace.yaml', 'lerna.json'].map(readRoot),
  );
  // smol-toml is an ES module: imported where it is needed (the core is compiled to CommonJS).
  const { parse: parseToml } = pyproject === undefined ? { parse: undefined } : await import('smol-toml');
  const rootPackage = packageJson === undefined ? undefined : parsed('package.json', packageJson, (text) => objectOf(JSON.parse(text)));
  if (rootPackage) distribution.packages.push(npmManifest('package.json', rootPackage, present));
  const python = pythonDistribution([
    pyproject === undefined || !parseToml ? undefined : parsed('pyproject.toml', pyproject, (text) => pyprojectDeclaration('pyproject.toml', parseToml(text))),
    setupCfg === undefined ? undefined : setupCfgDeclaration('setup.cfg', setupCfg),
    setupPy === undefined ? undefined : setupPyDeclaration('setup.py', setupPy),
  ]);
  if (python) distribution.packages.push(python);

  const memberGlobs = [
    ...workspacesOf(rootPackage),
    ...(pnpmWorkspace === undefined ? [] : stringsOf(objectOf(parsed('pnpm-workspace.yaml', pnpmWorkspace, parseYaml))['packages'])),
    ...(lerna === undefined ? [] : lernaPackages(parsed('lerna.json', lerna, (text) => objectOf(JSON.parse(text))))),
  ];
  // A package.json below the root that declares workspaces is the root of a project of its own (a
  // template, a system of services kept in a subfolder): its members are read as the root's are.
  const nestedRoots = files.filter((file) => NESTED_WORKSPACE_ROOT(file)).sort().slice(0, MAX_WORKSPACE_PACKAGES);
  const nestedTexts = await Promise.all(nestedRoots.map(read));
  nestedRoots.forEach((path, index) => {
    const text = nestedTexts[index];
    const folder = path.slice(0, -'/package.json'.length);
    const nested = text === undefined ? undefined : parsed(path, text, (json) => objectOf(JSON.parse(json)));
    for (const glob of workspacesOf(nested)) memberGlobs.push(glob.startsWith('!') ? `!${folder}/${glob.slice(1).replace(/^\.\//, '')}` : `${folder}/${glob.replace(/^\.\//, '')}`);
  });
  // The examples' own manifests too: what an example that is a project of its own is built on.
  const members = [...workspaceManifests(memberGlobs, files), ...exampleManifests(files)].filter((path, index, all) => all.indexOf(path) === index);
  const texts = await Promise.all(members.map(read));
  members.forEach((path, index) => {
    const text = texts[index];
    const manifest = text === undefined ? undefined : parsed(path, text, (json) => objectOf(JSON.parse(json)));
    if (manifest) distribution.packages.push(npmManifest(path, manifest, present));
  });
  const declared = new Set(distribution.packages.map((manifest) => manifest.path));
  const undeclared = files.filter((file) => file.endsWith('/package.json') && !declared.has(file) && !file.split('/').includes('node_modules')).sort().slice(0, MAX_WORKSPACE_PACKAGES);
  const undeclaredTexts = await Promise.all(undeclared.map(read));
  undeclared.forEach((path, index) => {
    const text = undeclaredTexts[index];
    // A broken one says nothing here (one near the root is reported once, by the nested roots' reading above).
    let manifest: Record<string, unknown> | undefined;
    try {
      manifest = text === undefined ? undefined : objectOf(JSON.parse(text));
    } catch {
      manifest = undefined;
    }
    if (manifest) distribution.undeclared.push(npmManifest(path, manifest, present));
  });
  return distribution;
}

/** A package.json a few folders below the root, outside installed dependencies: one that declares workspaces is a nested project's root. */
const NESTED_WORKSPACE_ROOT = picomatch('*/{,*/}{,*/}package.json', { ignore: '**/node_modules/**' });

/** What deploys a package from its folder: a container build or a process file. */
const DEPLOYMENT_FILES = ['Dockerfile', 'Procfile'];

/** The package.json files of the folders the workspace globs name (`packages/*`, `!**\/test/**`), sorted, at most MAX_WORKSPACE_PACKAGES. */
function workspaceManifests(globs: readonly string[], files: readonly string[]): string[] {
  const normalised = (glob: string) => glob.replace(/^\.\//, '').replace(/\/$/, '');
  const included = globs.filter((glob) => !glob.startsWith('!')).map(normalised);
  if (!included.length) return [];
  const isMember = picomatch(included, { ignore: globs.filter((glob) => glob.startsWith('!')).map((glob) => normalised(glob.slice(1))) });
  return files
    .filter((file) => file.endsWith('/package.json') && isMember(file.slice(0, -'/package.json'.length)))
    .sort()
    .slice(0, MAX_WORKSPACE_PACKAGES);
}

/** Example folders that hold projects of their own: `examples/<name>/package.json`. */
const EXAMPLE_MANIFEST = picomatch('{examples,example,samples,sample}/{,*/}package.json');

/** The package.json files of the example projects (`examples/*`), sorted, at most MAX_WORKSPACE_PACKAGES. */
function exampleManifests(files: readonly string[]): string[] {
  return files.filter((file) => EXAMPLE_MANIFEST(file)).sort().slice(0, MAX_WORKSPACE_PACKAGES);
}

function workspacesOf(manifest: Record<string, unknown> | undefined): string[] {
  const workspaces = manifest?.['workspaces'];
  return Array.isArray(workspaces) ? stringsOf(workspaces) : stringsOf(objectOf(workspaces)['packages']);
}

/** Lerna's packages, `packages/*` when lerna.json does not list them. */
function lernaPackages(lerna: Record<string, unknown> | undefined): string[] {
  if (!lerna) return [];
  return lerna['packages'] === undefined ? ['packages/*'] : stringsOf(lerna['packages']);
}

function npmManifest(path: string, manifest: Record<string, unknown>, present: ReadonlySet<string>): PackageManifest {
  const folder = path.slice(0, -'package.json'.length);
  return {
    path,
    name: stringOf(manifest['name']),
    published: manifest['private'] !== true && typeof manifest['name'] === 'string' && NPM_SHIPS.some((field) => manifest[field] !== undefined),
    application: false,
    deployed: DEPLOYMENT_FILES.some((file) => present.has(`${folder}${file}`)),
    description: stringOf(manifest['description']),
    classifiers: [],
    keywords: stringsOf(manifest['keywords']),
    dependencies: Object.keys(objectOf(manifest['dependencies'])),
    developmentDependencies: Object.keys(objectOf(manifest['devDependencies'])),
    declares: Object.keys(manifest),
    scripts: Object.keys(objectOf(manifest['scripts'])),
  };
}

/** What one of a Python distribution's files declares; a field it does not state is left out. */
type PythonDeclaration = Partial<Omit<PackageManifest, 'published' | 'application' | 'deployed' | 'scripts' | 'pinsDependencies'>> & {
  /** The run-time requirements as written (`fastapi==0.116.1`; Poetry's `fastapi = "0.116.1"` as `fastapi==0.116.1`). */
  requirements?: string[];
  path: string;
  /** It declares a distribution: a name in `[project]`, `[tool.poetry]` or `[metadata]`, or a `setup()` call (whose name may be a variable). */
  distribution: boolean;
  /** It declares how the distribution is built: a `[build-system]`, a `setup()` call. */
  built: boolean;
  /** Poetry's `package-mode = false`: dependencies managed, nothing built. */
  notAPackage?: boolean;
};

/**
 * The root's Python distribution from the files that may declare it (pyproject.toml, setup.cfg,
 * setup.py: often two of them at once), each field from the first that states it; none when no file
 * declares one (a pyproject.toml or setup.cfg of tool settings only).
 */
function pythonDistribution(declarations: readonly (PythonDeclaration | undefined)[]): PackageManifest | undefined {
  const stated = declarations.filter((declaration): declaration is PythonDeclaration => declaration !== undefined);
  const declaring = stated.find((declaration) => declaration.distribution);
  if (!declaring) return undefined;
  const first = <K extends 'description' | 'classifiers' | 'keywords' | 'dependencies' | 'requirements'>(key: K) => stated.find((declaration) => declaration[key]?.length)?.[key];
  const classifiers = first('classifiers') ?? [];
  return {
    path: declaring.path,
    name: stated.find((declaration) => declaration.name)?.name ?? '',
    published: stated.some((declaration) => declaration.built) && !stated.some((declaration) => declaration.notAPackage) && !classifiers.includes(DO_NOT_UPLOAD),
    application: false,
    deployed: false,
    description: first('description') ?? '',
    classifiers,
    keywords: first('keywords') ?? [],
    dependencies: first('dependencies') ?? [],
    pinsDependencies: pinsDependencies(first('requirements') ?? []),
    declares: stated.flatMap((declaration) => declaration.declares ?? []),
    scripts: [],
  };
}

/** A distribution pins its dependencies when it has at least this many and this share of them is pinned (an application may leave a few open). */
const MIN_PINNED_REQUIREMENTS = 10;
const MIN_PINNED_SHARE = 0.8;

/** PEP 508's name, extras, then one `==` (or `===`) clause on a version without a wildcard, and a marker; read without its spaces. */
const PINNED_REQUIREMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*(?:\[[^\]]*\])?\(?===?[0-9][0-9A-Za-z.+!-]*\)?(?:;.*)?$/;

function pinsDependencies(requirements: readonly string[]): boolean {
  const pinned = requirements.filter((requirement) => requirement.length <= MAX_REQUIREMENT_LENGTH && PINNED_REQUIREMENT.test(requirement.replace(/\s/g, ''))).length;
  return pinned >= MIN_PINNED_REQUIREMENTS && pinned >= MIN_PINNED_SHARE * requirements.length;
}

/** A requirement longer than this is not read for its pin. */
const MAX_REQUIREMENT_LENGTH = 200;

/** Poetry's dependency table as requirements: a bare version is exact (`"1.2.3"`), `^`/`~`/`*` are ranges. */
function poetryRequirements(dependencies: Record<string, unknown>): string[] {
  return Object.entries(dependencies)
    .filter(([name]) => name !== 'python')
    .map(([name, value]) => {
      const version = typeof value === 'string' ? value : stringOf(objectOf(value)['version']);
      return /^\d/.test(version.trim()) ? `${name}==${version.trim()}` : `${name}${version}`;
    });
}

/** pyproject.toml: `[project]` (PEP 621), `[tool.poetry]`, `[build-system]` (PEP 518). */
function pyprojectDeclaration(path: string, document: Record<string, unknown>): PythonDeclaration {
  const project = objectOf(document['project']);
  const poetry = objectOf(objectOf(document['tool'])['poetry']);
  const poetryDependencies = Object.keys(objectOf(poetry['dependencies'])).filter((dependency) => dependency !== 'python');
  const name = stringOf(project['name']) || stringOf(poetry['name']);
  return {
    path,
    distribution: name !== '',
    name,
    built: document['build-system'] !== undefined,
    notAPackage: poetry['package-mode'] === false,
    description: stringOf(project['description']) || stringOf(poetry['description']),
    classifiers: stringsOf(project['classifiers'] ?? poetry['classifiers']),
    keywords: stringsOf(project['keywords'] ?? poetry['keywords']),
    dependencies: [...stringsOf(project['dependencies']).map(requirementName), ...poetryDependencies.map(normalisedName)],
    requirements: [...stringsOf(project['dependencies']), ...poetryRequirements(objectOf(poetry['dependencies']))],
    declares: [...Object.keys(document), ...Object.keys(project).map((key) => `project.${key}`)],
  };
}

/** setup.cfg's `[metadata]` and `[options]`, read by setuptools. */
function setupCfgDeclaration(path: string, text: string): PythonDeclaration {
  const sections = iniSections(text);
  const metadata = sections.get('metadata');
  const lines = (value: string | undefined) => (value ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
  const name = metadata?.get('name') ?? '';
  return {
    path,
    distribution: name !== '',
    name,
    built: false,
    description: metadata?.get('description') ?? metadata?.get('summary') ?? '',
    classifiers: lines(metadata?.get('classifiers')),
    keywords: (metadata?.get('keywords') ?? '').split(/[,\s]+/).filter(Boolean),
    dependencies: lines(sections.get('options')?.get('install_requires')).map(requirementName),
    requirements: lines(sections.get('options')?.get('install_requires')),
    declares: [...sections.keys()],
  };
}

/**
 * setup.py is a program: what its `setup()` call states in literals is read (name, description,
 * keywords and `install_requires` written in place), and the trove classifiers wherever they are
 * written in the file (a `CLASSIFIERS = [...]` list passed by name). Without a `setup(` call it
 * declares nothing.
 */
function setupPyDeclaration(path: string, text: string): PythonDeclaration | undefined {
  const call = /\bsetup\s*\(/.exec(text);
  if (!call) return undefined;
  const setup = text.slice(call.index);
  const literal = (keyword: string) => stringLiteral(setup, keyword);
  const keywords = listLiteral(setup, 'keywords');
  return {
    path,
    distribution: true,
    name: literal('name') ?? '',
    built: true,
    description: literal('description') ?? '',
    classifiers: [...text.matchAll(TROVE_CLASSIFIER)].map((match) => match[2] ?? ''),
    keywords: keywords.length ? keywords : (literal('keywords') ?? '').split(/[,\s]+/).filter(Boolean),
    dependencies: listLiteral(setup, 'install_requires').map(requirementName),
    requirements: listLiteral(setup, 'install_requires'),
  };
}

/** How many occurrences of a keyword a setup.py's string is looked for at: a real one names it once or twice. */
const MAX_KEYWORD_TRIES = 8;

/**
 * A keyword argument's string written in place: one literal, or adjacent literals in parentheses,
 * which Python joins into one (`description=("A web framework" " and library")`, how long
 * descriptions are wrapped). The first occurrence of the keyword that is given a string counts.
 */
function stringLiteral(source: string, keyword: string): string | undefined {
  const piece = /\s*(?:#[^\n]*\n\s*)*[rRuU]?("""|'''|"|')([\s\S]*?)\1/y;
  let tried = 0;
  for (const start of source.matchAll(new RegExp(`\\b${keyword}\\s*=\\s*(\\()?`, 'g'))) {
    // A failed try can read to the end of the file (an unclosed literal or comment): only the first few are tried.
    if (++tried > MAX_KEYWORD_TRIES) break;
    piece.lastIndex = start.index + start[0].length;
    const first = piece.exec(source);
    if (!first) continue;
    let text = first[2] ?? '';
    // Only a parenthesised value goes on: `name="a", "b"` is two arguments.
    for (let next = start[1] ? piece.exec(source) : null; next; next = piece.exec(source)) text += next[2] ?? '';
    return text;
  }
  return undefined;
}

/** The string literals of a list or tuple written in place as a keyword argument: `install_requires=["httpx>=0.23", "django[bcrypt]"]`. */
function listLiteral(source: string, keyword: string): string[] {
  const start = new RegExp(`\\b${keyword}\\s*=\\s*[[(]`).exec(source);
  if (!start) return [];
  // Comments between the items end at their line's end: linear whatever the text (no two parts can take the same characters).
  const item = /\s*(?:#[^\n]*\n\s*)*(["'])((?:\\.|(?!\1)[^\\\n])*)\1\s*,?/y;
  item.lastIndex = start.index + start[0].length;
  const items: string[] = [];
  for (let match = item.exec(source); match; match = item.exec(source)) items.push(match[2] ?? '');
  return items;
}

/** A trove classifier in a string literal: `"Topic :: Software Development :: Libraries"`. */
const TROVE_CLASSIFIER = /(["'])([A-Z][A-Za-z0-9 ./+()-]* :: [^"'\n]+)\1/g;

/** An INI file's sections and keys (setup.cfg): `key = value` or `key: value`, indented lines continuing the value. */
function iniSections(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let section: Map<string, string> | undefined;
  let key: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*([#;]|$)/.test(line)) continue;
    const header = /^\[([^\]]+)\]/.exec(line);
    if (header?.[1]) {
      sections.set(header[1].trim(), (section = new Map<string, string>()));
      key = undefined;
    } else if (/^\s/.test(line) && section && key !== undefined) {
      section.set(key, `${section.get(key) ?? ''}\n${line.trim()}`);
    } else {
      const entry = /^([^=:]+)[=:](.*)$/.exec(line);
      if (entry?.[1] && section) section.set((key = entry[1].trim()), (entry[2] ?? '').trim());
    }
  }
  return sections;
}

/** A PEP 508 requirement's project name, normalised: `Django[bcrypt]~=5.2` → `django`. */
function requirementName(requirement: string): string {
  return normalisedName(/^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(requirement)?.[1] ?? requirement.trim());
}

function normalisedName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

function objectOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
