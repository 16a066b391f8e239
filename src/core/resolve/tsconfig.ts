import { type ParseError, parse, printParseErrorCode } from 'jsonc-parser';
import { readWorkspaceText } from '../discover/discover';
import type { ReadLimits, WorkspaceFs } from '../host';
import type { Skipped } from '../result';
import type { PackageManifest } from '../classify/packages';
import type { FrameworkAutoImports, FrameworkModuleAliases } from '../frameworks/frameworks';
import { packageRootsOn } from './frameworkPackages';
import type { WorkspacePackage } from './npmPackages';
import type { GoModule } from './packages';
import type { ServiceDefinition } from './serviceFiles';

/** `compilerOptions.paths` with targets made relative to the workspace root: `@app/*` → `apps/api/src/*`. */
export interface ModulePaths {
  /** `scope`: the folder (ending in `/`) whose files the alias is for, a package's; every file's when absent. */
  aliases: { pattern: string; targets: string[]; scope?: string }[];
  /** `compilerOptions.baseUrl`, relative to the root ('' for the root itself). */
  baseUrl?: string;
  /** The workspace's own packages (a monorepo's members, by their `package.json`), which its files import by name. */
  packages?: WorkspacePackage[];
  /** Go: the modules `go.mod` files declare, by folder: import paths under them name the workspace's packages. */
  goModules?: GoModule[];
  /** Folders whose files see, without importing them, the names the files of other folders define (Nuxt's server code, `server/utils`). */
  autoImports?: { scope: string; from: string[] }[];
  /** The values the root's environment files give (`.env.example`: `APP_ROUTE_PREFIX=/api`), for constants the code reads from the environment. */
  environment?: Record<string, string>;
  /** The services a dependency-injection container's definition files declare, for the ids code asks the container for. */
  services?: ServiceDefinition[];
}

const CONFIG_FILES = ['tsconfig.json', 'tsconfig.base.json'];
const MAX_EXTENDS = 8;

/**
 * The path aliases of the root TypeScript configuration (`tsconfig.json`, else `tsconfig.base.json`,
 * following relative `extends`), read as JSON with comments. No configuration means no aliases; a
 * broken or refused one is listed in `skipped` and ignored, never fatal.
 */
export async function readModulePaths(fs: WorkspaceFs, limits: ReadLimits & { root: string }, skipped: Skipped[]): Promise<{ paths?: ModulePaths }> {
  for (const name of CONFIG_FILES) {
    const text = await readWorkspaceText(fs, limits, name, skipped);
    if (text === undefined) continue;
    const paths = await configuredPaths(fs, limits, name, text, skipped);
    return paths ? { paths } : {};
  }
  return {};
}

/**
 * The path aliases each package of a monorepo states in its own `tsconfig.json`
 * (`apps/server/tsconfig.json`: `"@docmost/db/*": ["./src/database/*"]`), for that package's files
 * only, as the TypeScript compiler run in the package reads them. `configFiles` are the
 * configuration files the workspace holds, so that only those there are read.
 */
export async function readPackageModulePaths(fs: WorkspaceFs, limits: ReadLimits & { root: string }, packageFolders: readonly string[], configFiles: ReadonlySet<string>, skipped: Skipped[]): Promise<ModulePaths['aliases']> {
  const aliases: ModulePaths['aliases'] = [];
  for (const folder of packageFolders) {
    const file = `${folder}/tsconfig.json`;
    if (!folder || !configFiles.has(file)) continue;
    const text = await readWorkspaceText(fs, limits, file, skipped);
    const paths = text === undefined ? undefined : await configuredPaths(fs, limits, file, text, skipped);
    for (const alias of paths?.aliases ?? []) aliases.push({ ...alias, scope: `${folder}/` });
  }
  return aliases;
}

/** A configuration's aliases and base URL, its relative `extends` followed; none when it is broken. */
async function configuredPaths(fs: WorkspaceFs, limits: ReadLimits & { root: string }, name: string, first: string, skipped: Skipped[]): Promise<ModulePaths | undefined> {
  const paths: ModulePaths = { aliases: [] };
  let file = name;
  let text: string | undefined = first;
  for (let depth = 0; depth < MAX_EXTENDS && text !== undefined; depth++) {
    const errors: ParseError[] = [];
    const config = parse(text, errors, { allowTrailingComma: true }) as { extends?: unknown; compilerOptions?: { paths?: Record<string, unknown>; baseUrl?: unknown } } | undefined;
    if (errors.length || typeof config !== 'object' || config === null) {
      skipped.push({ path: file, reason: `not read for its path aliases: ${printParseErrorCode(errors[0]?.error ?? 1)} at offset ${errors[0]?.offset ?? 0}` });
      return undefined;
    }
    const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
    const options = config.compilerOptions ?? {};
    // The nearest configuration's settings win over those it extends.
    if (paths.baseUrl === undefined && typeof options.baseUrl === 'string') paths.baseUrl = joinPath(folder, options.baseUrl);
    if (!paths.aliases.length && options.paths && typeof options.paths === 'object') {
      const from = typeof options.baseUrl === 'string' ? joinPath(folder, options.baseUrl) : folder;
      for (const [pattern, targets] of Object.entries(options.paths)) {
        if (Array.isArray(targets)) paths.aliases.push({ pattern, targets: targets.filter((target): target is string => typeof target === 'string').map((target) => joinPath(from, target)) });
      }
    }
    if (typeof config.extends !== 'string' || !config.extends.startsWith('.')) break;
    file = joinPath(folder, config.extends.endsWith('.json') ? config.extends : `${config.extends}.json`);
    text = await readWorkspaceText(fs, limits, file, skipped);
  }
  return paths;
}

/**
 * The aliases frameworks define for the packages built on them (SvelteKit's `$lib` is the package's
 * `src/lib`, in a configuration it generates and the repository does not hold): `$lib` and
 * `$lib/*` for the files of each package whose manifest depends on the framework, to its own folder.
 */
export function moduleAliasesOf(frameworks: readonly FrameworkModuleAliases[], manifests: readonly PackageManifest[]): ModulePaths['aliases'] {
  const aliases: ModulePaths['aliases'] = [];
  for (const framework of frameworks) {
    for (const root of packageRootsOn(framework.packages, manifests)) {
      for (const [alias, folder] of Object.entries(framework.aliases)) {
        const target = joinPath(root, folder);
        aliases.push({ pattern: alias, targets: [target], scope: root }, { pattern: `${alias}/*`, targets: [`${target}/*`], scope: root });
      }
    }
  }
  return aliases;
}

/** Nuxt's server code sees what `server/utils` defines without importing it: for each package built on such a framework, its folders. */
export function autoImportsOf(frameworks: readonly FrameworkAutoImports[], manifests: readonly PackageManifest[]): NonNullable<ModulePaths['autoImports']> {
  return frameworks.flatMap((framework) => packageRootsOn(framework.packages, manifests).map((root) => ({ scope: `${joinPath(root, framework.scope)}/`, from: framework.from.map((folder) => `${joinPath(root, folder)}/`) })));
}

/** A relative path joined and normalised, `/`-separated, without a leading `./`: `a/b` + `../c` → `a/c`. */
export function joinPath(folder: string, relative: string): string {
  const parts = folder.split('/').filter((part) => part !== ''); // a folder written with its trailing `/` (`apps/web/`)
  for (const part of relative.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}
