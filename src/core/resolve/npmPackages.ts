import { readWorkspaceText } from '../discover/discover';
import type { ReadLimits, WorkspaceFs } from '../host';
import type { Skipped } from '../result';
import { joinPath } from './tsconfig';

/**
 * A package of the workspace (an npm, pnpm or yarn workspace's member, or the root itself): what
 * `import ... from '<name>'` and `'<name>/sub'` name in it. Entries are relative to the workspace
 * root, by subpath (`.`, `./utils`), in the order Node and TypeScript try them.
 */
export interface WorkspacePackage {
  name: string;
  folder: string;
  entries: Record<string, string[]>;
}

/** More manifests than this are not read: a workspace of that many packages is vendored code, not its own. */
const MAX_MANIFESTS = 2000;

/** The fields a manifest names its entry point with, for `.`; `exports` comes first. */
const ENTRY_FIELDS = ['source', 'types', 'typings', 'module', 'main'];

/**
 * Every `package.json` of the workspace with a name, outside `node_modules` (which discovery never
 * lists): the packages a monorepo's members import one another by. A manifest that cannot be read
 * is listed in `skipped`; a broken one names no package.
 */
export async function readWorkspacePackages(fs: Pick<WorkspaceFs, 'readText'>, limits: ReadLimits & { root: string }, otherFiles: readonly string[], skipped: Skipped[]): Promise<WorkspacePackage[]> {
  const manifests = otherFiles.filter((path) => path === 'package.json' || path.endsWith('/package.json')).slice(0, MAX_MANIFESTS);
  const packages = await Promise.all(
    manifests.map(async (path): Promise<WorkspacePackage | undefined> => {
      const text = await readWorkspaceText(fs, limits, path, skipped);
      try {
        return text === undefined ? undefined : packageOf(path, JSON.parse(text) as unknown);
      } catch {
        return undefined;
      }
    }),
  );
  return packages.filter((found): found is WorkspacePackage => found !== undefined).sort((a, b) => a.folder.localeCompare(b.folder));
}

function packageOf(path: string, manifest: unknown): WorkspacePackage | undefined {
  if (typeof manifest !== 'object' || manifest === null) return undefined;
  const fields = manifest as Record<string, unknown>;
  const name = fields['name'];
  if (typeof name !== 'string' || !name) return undefined;
  const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  const entries: Record<string, string[]> = {};
  const add = (subpath: string, target: string) => {
    const list = (entries[subpath] ??= []);
    const joined = joinPath(folder, target);
    if (!list.includes(joined)) list.push(joined);
  };
  const exported = fields['exports'];
  if (typeof exported === 'string' || Array.isArray(exported) || (typeof exported === 'object' && exported !== null && !Object.keys(exported).some((key) => key.startsWith('.')))) {
    for (const target of targetsOf(exported)) add('.', target); // conditions only: the package's one entry
  } else if (typeof exported === 'object' && exported !== null) {
    for (const [subpath, value] of Object.entries(exported)) for (const target of targetsOf(value)) add(subpath, target);
  }
  for (const field of ENTRY_FIELDS) {
    const value = fields[field];
    if (typeof value === 'string') add('.', value);
  }
  return { name, folder, entries };
}

/** The paths an `exports` value leads to, under any condition (`import`, `require`, `types`, `default`), nested or not. */
function targetsOf(value: unknown, depth = 0): string[] {
  if (typeof value === 'string') return [value];
  if (depth > 4 || typeof value !== 'object' || value === null) return [];
  return (Array.isArray(value) ? value : Object.values(value)).flatMap((item: unknown) => targetsOf(item, depth + 1));
}

/** The folders build output goes to, where a workspace holds the sources that build it under `src/`. */
const OUTPUT_FOLDER = /^(dist|lib|build|out|esm|cjs|es|types)\//;
/** An output folder's own subfolders, one per module format (`dist/esm/`), or the sources' folder kept (`dist/src/`). */
const FORMAT_FOLDER = /^(dist|lib|build|out)\/(esm|cjs|es|mjs|types|src)\//;

/**
 * The workspace paths a package specifier (`keyv`, `@scope/pkg/utils`) may name, most likely first:
 * its entry as the manifest gives it, then the source that builds it (`dist/utils/index.js` →
 * `src/utils/index`), then `src/` and the package's folder. Extensions are left to the caller.
 */
export function packageCandidates(packages: readonly WorkspacePackage[], specifier: string): string[] {
  const found = packages.find((pkg) => specifier === pkg.name || specifier.startsWith(`${pkg.name}/`));
  if (!found) return [];
  const rest = specifier.slice(found.name.length + 1);
  const subpath = rest ? `./${rest}` : '.';
  const targets = (found.entries[subpath] ?? patternTargets(found, subpath)).map((target) => (found.folder ? target.slice(found.folder.length + 1) : target));
  const code = targets.filter((target) => !DECLARATION.test(target));
  const declarations = targets.filter((target) => DECLARATION.test(target)).map((target) => target.replace(DECLARATION, ''));
  const sources = (list: readonly string[], folders: readonly RegExp[]) => folders.flatMap((folder) => list.filter((target) => folder.test(target)).map((target) => target.replace(folder, 'src/')));
  // The code itself (a JavaScript package), then the source each output file is built from: `dist/types/index.js` is
  // `src/types/index` (a subpath named types) before `src/index`; a declaration in `dist/types/` is more likely `src/`'s.
  const candidates = [...code, ...sources(code, [OUTPUT_FOLDER, FORMAT_FOLDER]), ...sources(declarations, [FORMAT_FOLDER, OUTPUT_FOLDER]), rest ? `src/${rest}` : 'src/index', rest || 'index'];
  return [...new Set(candidates.map((candidate) => joinPath(found.folder, candidate)))];
}

const DECLARATION = /\.d\.(m|c)?ts$/;

/** `"./*": "./dist/*.js"`: the targets of the pattern a subpath matches, its `*` filled in. */
function patternTargets(pkg: WorkspacePackage, subpath: string): string[] {
  for (const [pattern, targets] of Object.entries(pkg.entries)) {
    const star = pattern.indexOf('*');
    if (star < 0 || !subpath.startsWith(pattern.slice(0, star)) || !subpath.endsWith(pattern.slice(star + 1)) || subpath.length < pattern.length - 1) continue;
    const matched = subpath.slice(star, subpath.length - (pattern.length - star - 1));
    return targets.map((target) => target.replace('*', matched));
  }
  return [];
}
