import { atLength } from '../lists';
import type { FileFacts, ImportStatement } from '../parse/facts';
import { packageCandidates, type WorkspacePackage } from './npmPackages';
import type { GoModule, PackageTable } from './packages';
import type { ServiceDefinition } from './serviceFiles';
import { joinPath, type ModulePaths } from './tsconfig';

/** Whether a dotted name is `module` itself or inside it (`a.b.c` is inside `a.b`; `a.bc` is not); nothing is made to compare. */
export function isWithinModule(name: string, module: string): boolean {
  return name.startsWith(module) && (name.length === module.length || name[module.length] === '.');
}

/** The workspace's Python modules: each file's module names under the import roots, and the file each name is. */
export interface PythonModules {
  /** The import roots the names come from, as one key. */
  rootsKey: string;
  /** The file each module name is (the first file to claim it). */
  moduleFiles: Map<string, string>;
  moduleNamesByFile: Map<string, readonly string[]>;
}

/**
 * The Python modules of these files, worked out a file at a time (it yields after each): those of
 * `earlier` when the import roots are the same — which they are when `rootsMayHaveChanged` is
 * false (no file's absolute imports changed).
 */
export function* pythonModules(python: readonly FileFacts[], earlier: PythonModules | undefined, rootsMayHaveChanged: boolean): Generator<void, PythonModules> {
  if (earlier && !rootsMayHaveChanged) return earlier;
  const roots = yield* pythonImportRoots(python);
  const rootsKey = [...roots].sort().join('\n');
  if (earlier?.rootsKey === rootsKey) return earlier;
  return { rootsKey, ...(yield* moduleNamesOf(python, roots)) };
}

/** Whether an edit of a Python file can change the import roots: its absolute imports changed. */
export function importRootsMayChange(before: FileFacts, after: FileFacts): boolean {
  return before.language === 'python' && importsOf(before) !== importsOf(after);
}

function importsOf(facts: FileFacts): string {
  return JSON.stringify(facts.imports.map((statement) => [statement.module, statement.level]));
}

/** Whether an `exports` pattern (`./unsafe/*`) matches a subpath. */
function coveredBy(pattern: string, subpath: string): boolean {
  const star = pattern.indexOf('*');
  return subpath.length >= pattern.length - 1 && subpath.startsWith(pattern.slice(0, star)) && subpath.endsWith(pattern.slice(star + 1));
}

const ECMA_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/**
 * Which workspace file a module name or an import specifier names: Python modules under the
 * import roots (and beside an importing script), ES module specifiers relative to the importer,
 * through the path aliases and `baseUrl` of `tsconfig.json` and the workspace's own npm packages
 * (a monorepo's members imported by name), Java's classes and Go's packages.
 */
export class ModuleResolution {
  /** Each workspace package's entry file, by the package's name. */
  private readonly packageEntries = new Map<string, string>();
  /** The files a package's `exports` names for its other subpaths (`lowdb/node`): entries too, though no import by the bare name reaches them. */
  private readonly subpathEntries = new Set<string>();
  /** The source files below a folder that auto-imports read, by folder. */
  private readonly filesUnder = new Map<string, readonly string[]>();
  /** The container definitions of the workspace, by service id, made when first asked for. */
  private services: Map<string, ServiceDefinition[]> | undefined;
  /** The workspace packages holding the files of a folder, innermost first, by folder. */
  private readonly packagesByFolder = new Map<string, readonly WorkspacePackage[]>();

  constructor(
    readonly python: PythonModules,
    /** Java's classes and Go's packages, by the names code reaches them by. */
    readonly packages: PackageTable,
    /** TypeScript path aliases (`@app/*`), for imports that name workspace files through them. */
    private readonly modulePaths: ModulePaths,
    /** The workspace's files, by path. */
    private readonly files: ReadonlyMap<string, unknown>,
  ) {
    for (const pkg of modulePaths.packages ?? []) {
      const entry = packageCandidates([pkg], pkg.name)
        .map((candidate) => this.ecmaFileAt(candidate))
        .find((file) => file !== undefined);
      if (entry !== undefined) this.packageEntries.set(pkg.name, entry);
      const patterns = Object.keys(pkg.entries).filter((subpath) => subpath.includes('*'));
      for (const subpath of Object.keys(pkg.entries)) {
        // A subpath a pattern covers too (axios's `./unsafe/core/settle.js` beside `./unsafe/*`) is one of the files exposed wholesale, not an entry.
        if (subpath === '.' || !subpath.startsWith('./') || subpath.includes('*') || patterns.some((pattern) => coveredBy(pattern, subpath))) continue;
        const file = packageCandidates([pkg], `${pkg.name}/${subpath.slice(2)}`)
          .map((candidate) => this.ecmaFileAt(candidate))
          .find((found) => found !== undefined);
        if (file !== undefined) this.subpathEntries.add(file);
      }
    }
  }

  /** The value the workspace's environment files give a key, if any. */
  environmentValue(key: string): string | undefined {
    const environment = this.modulePaths.environment;
    return environment && Object.hasOwn(environment, key) ? environment[key] : undefined;
  }

  /** The ids of the services the container definitions declare, each once. */
  serviceIds(): string[] {
    return [...this.servicesById().keys()];
  }

  /** The workspace files of the modules that the container definitions declaring a service's id name as its class. */
  serviceClassFiles(id: string): string[] {
    const files = (this.servicesById().get(id) ?? []).map((service) => this.ecmaModuleFile(service.file, service.module.startsWith('.') ? service.module : `./${service.module}`));
    return [...new Set(files.filter((file): file is string => file !== undefined))];
  }

  private servicesById(): ReadonlyMap<string, readonly ServiceDefinition[]> {
    if (!this.services) {
      this.services = new Map();
      for (const service of this.modulePaths.services ?? []) this.services.set(service.id, [...(this.services.get(service.id) ?? []), service]);
    }
    return this.services;
  }

  /** The file a workspace package's entry is (what `import ... from '<name>'` names). */
  workspacePackageEntry(name: string): string | undefined {
    return this.packageEntries.get(name);
  }

  /**
   * The files the workspace's packages name their entries, for the package and for its subpaths,
   * and the files of the root package of each outermost Go module that state what it offers: what
   * `import "<module path>"` gives the library's users. A module nested in another is one of its
   * parts (a backend kept apart for its dependencies), not the library users import.
   */
  packageEntryFiles(): ReadonlySet<string> {
    const modules = this.modulePaths.goModules ?? [];
    const nested = (module: GoModule) => modules.some((outer) => outer !== module && (outer.folder === '' ? module.folder !== '' : module.folder.startsWith(`${outer.folder}/`)));
    const goRoots = modules.filter((module) => !nested(module) && this.packages.goPackageName(module.folder) !== 'main');
    return new Set([...this.packageEntries.values(), ...this.subpathEntries, ...goRoots.flatMap((module) => this.packages.goApiFiles(module.folder))]);
  }

  /** The workspace packages whose folder holds a file, innermost first. */
  workspacePackagesHolding(path: string): readonly WorkspacePackage[] {
    const packages = this.modulePaths.packages ?? [];
    if (packages.length === 0) return packages;
    const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    let holding = this.packagesByFolder.get(folder);
    if (!holding) {
      holding = packages.filter((pkg) => pkg.folder === '' || folder === pkg.folder || folder.startsWith(`${pkg.folder}/`)).sort((a, b) => b.folder.length - a.folder.length);
      this.packagesByFolder.set(folder, holding);
    }
    return holding;
  }

  /** The file a Python module name is. */
  moduleFile(module: string): string | undefined {
    return this.python.moduleFiles.get(module);
  }

  /** The module names a Python file goes by, one per import root above it. */
  moduleNamesOf(path: string): readonly string[] | undefined {
    return this.python.moduleNamesByFile.get(path);
  }

  /** The workspace file an import statement's module (or its submodule `name`) is, if it is one. */
  importedModuleFile(path: string, statement: ImportStatement, name?: string): string | undefined {
    const module = absoluteModule(path, statement);
    const { moduleFiles } = this.python;
    return (name ? moduleFiles.get(module ? `${module}.${name}` : name) : undefined) ?? (statement.names.length ? moduleFiles.get(module) : moduleFiles.get(statement.module));
  }

  /**
   * The workspace file a specifier names, trying what Node and TypeScript try: relative to the
   * importer, through the path aliases of `tsconfig.json`, as a package of the workspace, or under
   * its `baseUrl`.
   */
  ecmaModuleFile(importer: string, specifier: string): string | undefined {
    if (specifier.startsWith('.')) return this.ecmaFileAt(joinPath(importer.split('/').slice(0, -1).join('/'), specifier));
    for (const { pattern, targets, scope } of this.modulePaths.aliases) {
      if (scope !== undefined && !importer.startsWith(scope)) continue;
      const star = pattern.indexOf('*');
      const matched = star < 0 ? (specifier === pattern ? '' : undefined) : specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1)) ? specifier.slice(star, specifier.length - (pattern.length - star - 1)) : undefined;
      if (matched === undefined) continue;
      for (const target of targets) {
        const file = this.ecmaFileAt(target.replace('*', matched));
        if (file) return file;
      }
    }
    // A package of the workspace, imported by name from another (`import { Adapter } from 'keyv'`).
    for (const candidate of packageCandidates(this.modulePaths.packages ?? [], specifier)) {
      const file = this.ecmaFileAt(candidate);
      if (file) return file;
    }
    return this.modulePaths.baseUrl !== undefined ? this.ecmaFileAt(joinPath(this.modulePaths.baseUrl, specifier)) : undefined;
  }

  /** The files whose top-level names `importer` sees without importing them (Nuxt's `server/utils` in its server code), in path order. */
  autoImportedFiles(importer: string): readonly string[] {
    const files: string[] = [];
    for (const { scope, from } of this.modulePaths.autoImports ?? []) {
      if (!importer.startsWith(scope)) continue;
      for (const folder of from) {
        let listed = this.filesUnder.get(folder);
        if (!listed) {
          listed = [...this.files.keys()].filter((path) => path.startsWith(folder) && ECMA_EXTENSIONS.some((extension) => path.endsWith(extension))).sort();
          this.filesUnder.set(folder, listed);
        }
        files.push(...listed);
      }
    }
    return files;
  }

  private ecmaFileAt(base: string): string | undefined {
    const stem = base.replace(/\.(m|c)?js$/, ''); // `./x.js` written for the compiled output of `./x.ts`
    const candidates = [base, ...ECMA_EXTENSIONS.map((extension) => `${stem}${extension}`), ...ECMA_EXTENSIONS.map((extension) => `${base}/index${extension}`)];
    return candidates.find((candidate) => this.files.has(candidate));
  }
}

/** The importing file's folder as a module name (`examples/x/tasks.py` → `examples.x`): a script's own folder is on its import path. */
export function scriptFolderModule(importer: string): string {
  return importer.includes('/') ? importer.slice(0, importer.lastIndexOf('/')).replace(/\//g, '.') : '';
}

/** Each Python file's module names under the import roots, and the file each module name is (the first file to claim it). */
function* moduleNamesOf(python: readonly FileFacts[], roots: ReadonlySet<string>): Generator<void, Omit<PythonModules, 'rootsKey'>> {
  const moduleFiles = new Map<string, string>();
  const moduleNamesByFile = new Map<string, readonly string[]>();
  for (const facts of python) {
    yield;
    const names = pythonModuleNames(facts.path, roots);
    moduleNamesByFile.set(facts.path, atLength(names));
    for (const module of names) if (!moduleFiles.has(module)) moduleFiles.set(module, facts.path);
  }
  return { moduleFiles, moduleNamesByFile };
}

/**
 * The folders Python imports start from: the workspace root, `src/`, and the parent of every folder
 * that some absolute import names at its top (`import dispatch.x` makes `src/` a root when
 * `src/dispatch/` exists). This covers `src/` layouts, nested projects and namespace packages
 * (folders without `__init__.py`) without guessing from every suffix of every path.
 */
function* pythonImportRoots(files: readonly FileFacts[]): Generator<void, Set<string>> {
  const topLevel = new Set<string>();
  for (const facts of files) {
    yield;
    for (const statement of facts.imports) if (statement.level === 0) topLevel.add(statement.module.split('.')[0] ?? '');
  }
  const roots = new Set<string>(['', 'src']);
  for (const facts of files) {
    yield;
    const parts = facts.path.split('/');
    for (let index = 0; index < parts.length - 1; index++) {
      if (topLevel.has(parts[index] ?? '')) roots.add(parts.slice(0, index).join('/'));
    }
  }
  return roots;
}

/** The names a Python file can be imported by, one for each import root above it: `a/b/c.py` → `a.b.c`; `a/b/__init__.py` → `a.b`. */
function pythonModuleNames(path: string, roots: ReadonlySet<string>): string[] {
  const parts = path.replace(/\.pyi?$/, '').split('/');
  if (parts[parts.length - 1] === '__init__') parts.pop();
  const names: string[] = [];
  for (let start = 0; start < parts.length; start++) {
    if (roots.has(parts.slice(0, start).join('/'))) names.push(parts.slice(start).join('.'));
  }
  return names;
}

/** Each import statement belongs to one file, so its absolute module is computed once: lookups ask for it again and again. */
const absoluteModules = new WeakMap<ImportStatement, string>();

/** The module a Python import statement names, relative imports made absolute (`from . import x` in a/b/c.py is `a.b`). */
export function absoluteModule(path: string, statement: ImportStatement): string {
  if (statement.level === 0) return statement.module;
  const known = absoluteModules.get(statement);
  if (known !== undefined) return known;
  const computed = relativeModule(path, statement);
  absoluteModules.set(statement, computed);
  return computed;
}

function relativeModule(path: string, statement: ImportStatement): string {
  const packageParts = path.split('/').slice(0, -1);
  // `from . import x` in a/b/c.py is package a.b: level 1 drops the file only.
  const kept = packageParts.slice(0, Math.max(0, packageParts.length - (statement.level - 1)));
  return [...kept, ...(statement.module ? statement.module.split('.') : [])].join('.');
}
