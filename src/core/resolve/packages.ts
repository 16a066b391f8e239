import type { FileFacts } from '../parse/facts';

/** A Go module of the workspace: the folder of its `go.mod` and the module path it declares. */
export interface GoModule {
  folder: string;
  path: string;
}

/** A Go package of the workspace: the files of one folder, the name they declare, and where each package-level name is defined. */
interface GoPackage {
  name: string;
  files: string[];
  /** `Order`, `NewOrder`, `Order.Total` (a method, wherever in the package it is declared) → the file. */
  definedIn: Map<string, string>;
  /** The files that state what the package offers: an interface, or exported functions and no methods. */
  apiFiles: string[];
}

/**
 * What Java and Go code sees without naming a file: Java's classes by their fully qualified names
 * (a file's package and its classes), Go's packages by folder and by import path (the module path
 * of the nearest `go.mod` and the folder under it). Made from every file's package and names;
 * `key` says what it was made from, so that answers worked out with it are shared only while it holds.
 */
export class PackageTable {
  private constructor(
    private readonly javaClasses: ReadonlyMap<string, string>,
    private readonly goPackages: ReadonlyMap<string, GoPackage>,
    private readonly goImportPaths: ReadonlyMap<string, string>,
    private readonly goImportPathsByFolder: ReadonlyMap<string, string>,
    readonly key: string,
  ) {}

  static of(files: readonly FileFacts[], goModules: readonly GoModule[]): PackageTable {
    const javaClasses = new Map<string, string>();
    const goPackages = new Map<string, GoPackage>();
    for (const facts of files) {
      if (facts.language === 'java') {
        const prefix = facts.packageName ? `${facts.packageName}.` : '';
        for (const symbol of facts.symbols) if (symbol.kind === 'class' && !javaClasses.has(`${prefix}${symbol.name}`)) javaClasses.set(`${prefix}${symbol.name}`, facts.path);
      } else if (facts.language === 'go' && facts.packageName && !isGoTest(facts.path)) {
        const folder = folderOf(facts.path);
        let found = goPackages.get(folder);
        // `package x_test` beside `package x` is another package; the folder's is the first non-test one.
        if (found && found.name !== facts.packageName) continue;
        if (!found) goPackages.set(folder, (found = { name: facts.packageName, files: [], definedIn: new Map(), apiFiles: [] }));
        found.files.push(facts.path);
        if (statesApi(facts)) found.apiFiles.push(facts.path);
        for (const symbol of facts.symbols) if (!found.definedIn.has(symbol.name)) found.definedIn.set(symbol.name, facts.path);
      }
    }
    const goImportPaths = new Map<string, string>();
    const modules = [...goModules].sort((a, b) => b.folder.length - a.folder.length);
    for (const folder of goPackages.keys()) {
      const module = modules.find((candidate) => candidate.folder === '' || folder === candidate.folder || folder.startsWith(`${candidate.folder}/`));
      if (!module) continue;
      const below = module.folder ? folder.slice(module.folder.length).replace(/^\//, '') : folder;
      goImportPaths.set(below ? `${module.path}/${below}` : module.path, folder);
    }
    const key = JSON.stringify([[...javaClasses].sort(), [...goPackages].map(([folder, found]) => [folder, found.name, [...found.definedIn].sort(), found.apiFiles]).sort(), [...goImportPaths].sort()]);
    return new PackageTable(javaClasses, goPackages, goImportPaths, new Map([...goImportPaths].map(([importPath, folder]) => [folder, importPath])), key);
  }

  /** The file declaring a Java class, by its qualified name (`com.acme.Order`, `com.acme.Order.Line`). */
  javaClassFile(qualified: string): string | undefined {
    return this.javaClasses.get(qualified);
  }

  /** The folder of the Go package with this import path, when it is the workspace's. */
  goFolder(importPath: string): string | undefined {
    return this.goImportPaths.get(importPath);
  }

  /** The import path of a Go package of the workspace, by its folder. */
  goImportPath(folder: string): string | undefined {
    return this.goImportPathsByFolder.get(folder);
  }

  /** The name a Go package of the workspace declares. */
  goPackageName(folder: string): string | undefined {
    return this.goPackages.get(folder)?.name;
  }

  /** The file of a Go package that defines a package-level name (`Order`, `Order.Total`). */
  goDefinition(folder: string, name: string): string | undefined {
    return this.goPackages.get(folder)?.definedIn.get(name);
  }

  /** The files of a Go package. */
  goFiles(folder: string): readonly string[] {
    return this.goPackages.get(folder)?.files ?? [];
  }

  /** The files of a Go package that state what it offers its importers (see `statesApi`). */
  goApiFiles(folder: string): readonly string[] {
    return this.goPackages.get(folder)?.apiFiles ?? [];
  }
}

/**
 * Whether a Go file states what its package offers: it declares an interface (what importers code
 * against), or exported functions and no methods (`Dial`, `Walk` over the package's interfaces,
 * with the function types they take). A file of a type and its methods is an implementation,
 * whatever package it is in.
 */
function statesApi(facts: FileFacts): boolean {
  if (facts.symbols.some((symbol) => symbol.kind === 'class' && symbol.keywords?.['interface'] === 'true')) return true;
  return !facts.symbols.some((symbol) => symbol.kind === 'method') && facts.symbols.some((symbol) => symbol.kind === 'function' && /^[A-Z]/.test(symbol.name));
}

export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** Go's test files hold a package of their own when they say `package x_test`, and are never imported. */
function isGoTest(path: string): boolean {
  return path.endsWith('_test.go');
}

/**
 * The name an import path binds in Go when the importer gives none: the package's own name for a
 * package of the workspace, else the last element that is not a major version
 * (`github.com/labstack/echo/v4` → `echo`, `gopkg.in/yaml.v3` → `yaml`).
 */
export function goImportName(importPath: string, table: PackageTable): string {
  const folder = table.goFolder(importPath);
  const declared = folder === undefined ? undefined : table.goPackageName(folder);
  if (declared) return declared;
  const parts = importPath.split('/');
  let last = parts.pop() ?? '';
  if (/^v\d+$/.test(last) && parts.length) last = parts.pop() ?? last;
  return last.replace(/\.v\d+$/, '').replace(/^go-/, '').replace(/[.-]go$/, '').replace(/-/g, '_');
}

/**
 * An outside Go package's qualified names drop the major version, wherever it is in the path: what
 * the framework files list holds for every version (`github.com/labstack/echo.New`,
 * `github.com/labstack/echo/middleware.Logger` for `.../echo/v4/middleware`).
 */
export function goExternalPath(importPath: string): string {
  return importPath.replace(/\/v\d+(?=\/|$)/g, '');
}
