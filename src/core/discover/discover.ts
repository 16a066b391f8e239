import type { DirEntry, ReadLimits, WorkspaceFs } from '../host';
import type { Language, Skipped } from '../result';
import { GitignoreRules, GlobSet } from '../workspacePatterns';
import { languageOf } from './languages';

export const DEFAULT_MAX_FILE_SIZE_BYTES = 1024 * 1024;

/**
 * Folder names that are a Python virtual environment's only when the folder is one (`pyvenv.cfg`,
 * PEP 405; `bin/activate` or `Scripts/activate` of older virtualenvs): `src/lib/env/` is code.
 */
const VIRTUAL_ENVIRONMENT_NAMES: ReadonlySet<string> = new Set(['env']);
const VIRTUAL_ENVIRONMENT_MARKERS = ['pyvenv.cfg', 'bin/activate', 'Scripts/activate'];

/** Folders that hold installed, generated or version-control files, never the repository's own code (outside a Java source set). */
export const DEFAULT_EXCLUDED_DIRECTORIES: readonly string[] = [
  '.git', '.hg', '.svn', 'node_modules', 'bower_components', '.venv', 'venv', '.env', '.tox', '.nox',
  'site-packages', '__pycache__', '.mypy_cache', '.pytest_cache', '.ruff_cache', 'dist', 'build', 'out',
  'coverage', '.next', '.nuxt', '.cache', '.idea', '.vscode-test', '.eggs',
];

const JAVA_SOURCE_LANGUAGES: ReadonlySet<string> = new Set(['java', 'kotlin']);

/**
 * Below a Java source set (`src/main/java`, `src/test/kotlin`: Maven's Standard Directory Layout,
 * which Gradle's source sets follow) every folder is a package, and builds write elsewhere: a
 * hexagonal `adapter/out` package is code, not build output. Only the names builds write to are
 * let in there: `node_modules`, `.git` or a virtual environment stay out wherever they are.
 */
const BUILD_OUTPUT_NAMES = new Set(['out', 'build', 'dist']);

function isPackageNamedLikeBuildOutput(name: string, relative: string): boolean {
  return BUILD_OUTPUT_NAMES.has(name) && isInJavaSourceSet(relative);
}

function isInJavaSourceSet(relative: string): boolean {
  const segments = relative.split('/');
  for (let index = 0; index + 3 < segments.length; index++) {
    if (segments[index] === 'src' && JAVA_SOURCE_LANGUAGES.has(segments[index + 2] ?? '')) return true;
  }
  return false;
}

export interface DiscoverOptions {
  /** Globs relative to the root (the editor's `files.exclude`, the user's own excludes). */
  excludeGlobs?: readonly string[];
  /** Only these languages are analysed (all when absent); other source files count as plain files. */
  languages?: readonly Language[];
  /** A larger `.gitignore` is not read (the analyzer applies the same limit to source files). */
  maxFileSizeBytes?: number;
  signal?: AbortSignal;
}

export interface SourceFile {
  /** Relative to the root, with `/`. */
  path: string;
  absolutePath: string;
  language: Language;
}

export interface Discovery {
  sources: SourceFile[];
  /** Every other file kept after the excludes: the classification reads folder and file names. */
  otherFiles: string[];
  skipped: Skipped[];
}

interface PendingDirectory {
  relative: string;
  ignores: readonly ScopedIgnore[];
}

interface ScopedIgnore {
  /** The folder (relative, '' for the root) whose .gitignore this is. */
  base: string;
  rules: GitignoreRules;
}

/**
 * Lists the files to analyse under `root`, breadth first and without recursion, honouring every
 * `.gitignore` on the way, the default excludes and the given globs. Sizes and contents are checked by the
 * file analyzer, which reads each file anyway. Links are followed only
 * when they stay inside the root and reach a folder not seen yet, so link loops end.
 */
export async function discoverFiles(fs: WorkspaceFs, root: string, options: DiscoverOptions = {}): Promise<Discovery> {
  const excludes = new GlobSet(options.excludeGlobs ?? []);
  const isExcludedByGlob = (relative: string) => excludes.matches(relative);
  const excludedNames = new Set(DEFAULT_EXCLUDED_DIRECTORIES);
  const result: Discovery = { sources: [], otherFiles: [], skipped: excludes.unsupported.map(({ glob, reason }) => ({ path: '.', reason: `exclude glob \`${glob}\` not applied: ${reason}` })) };
  const realRoot = await fs.realPath(root);
  const seenDirectories = new Set<string>([(await fs.stat(root)).identity]);
  const queue: PendingDirectory[] = [{ relative: '', ignores: [] }];

  for (let next = queue.shift(); next; next = queue.shift()) {
    options.signal?.throwIfAborted();
    const directory = next;
    const absoluteDirectory = join(root, directory.relative);
    let entries: DirEntry[];
    try {
      entries = await fs.readDirectory(absoluteDirectory);
    } catch (error) {
      result.skipped.push({ path: directory.relative || '.', reason: `folder not readable: ${describe(error)}` });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const ignores = await withGitignore(fs, { root, maxBytes: options.maxFileSizeBytes ?? DEFAULT_MAX_FILE_SIZE_BYTES }, absoluteDirectory, directory, entries, result.skipped);

    for (const entry of entries) {
      const relative = directory.relative ? `${directory.relative}/${entry.name}` : entry.name;
      const absolute = join(root, relative);
      let type = entry.type;
      let identity = '';
      if (type === 'symlink') {
        try {
          const real = await fs.realPath(absolute);
          if (real !== realRoot && !real.startsWith(`${realRoot}/`)) {
            if (!excludedNames.has(entry.name)) result.skipped.push({ path: relative, reason: 'link points outside the workspace' });
            continue;
          }
          const stat = await fs.stat(absolute);
          type = stat.type;
          identity = stat.identity;
        } catch {
          result.skipped.push({ path: relative, reason: 'broken link' });
          continue;
        }
      }
      if (type === 'directory') {
        if ((excludedNames.has(entry.name) && !isPackageNamedLikeBuildOutput(entry.name, relative)) || isIgnored(ignores, relative, true) || isExcludedByGlob(relative)) continue;
        if (VIRTUAL_ENVIRONMENT_NAMES.has(entry.name) && (await isVirtualEnvironment(fs, absolute))) continue;
        if (!identity) {
          try {
            identity = (await fs.stat(absolute)).identity;
          } catch (error) {
            result.skipped.push({ path: relative, reason: `folder not readable: ${describe(error)}` });
            continue;
          }
        }
        if (seenDirectories.has(identity)) {
          result.skipped.push({ path: relative, reason: 'link to a folder already analysed (link loop or duplicate)' });
          continue;
        }
        seenDirectories.add(identity);
        queue.push({ relative, ignores });
        continue;
      }
      if (type !== 'file' || isIgnored(ignores, relative, false) || isExcludedByGlob(relative)) continue;
      const found = languageOf(entry.name);
      const language = found && (!options.languages || options.languages.includes(found)) ? found : undefined;
      if (!language) {
        result.otherFiles.push(relative);
        continue;
      }
      result.sources.push({ path: relative, absolutePath: absolute, language });
    }
  }
  return result;
}

async function withGitignore(
  fs: WorkspaceFs,
  limits: ReadLimits,
  absoluteDirectory: string,
  directory: PendingDirectory,
  entries: readonly DirEntry[],
  skipped: Skipped[],
): Promise<readonly ScopedIgnore[]> {
  if (!entries.some((entry) => entry.name === '.gitignore' && entry.type === 'file')) return directory.ignores;
  const path = directory.relative ? `${directory.relative}/.gitignore` : '.gitignore';
  try {
    const rules = new GitignoreRules(await fs.readText(join(absoluteDirectory, '.gitignore'), limits));
    for (const { line, reason } of rules.unsupported) skipped.push({ path, reason: `${line ? `line ${line}` : 'the rules'} not applied: ${reason}` });
    return [...directory.ignores, { base: directory.relative, rules }];
  } catch (error) {
    skipped.push({ path, reason: `.gitignore not usable, its rules are not applied: ${describe(error)}` });
    return directory.ignores;
  }
}

function isIgnored(ignores: readonly ScopedIgnore[], relative: string, isDirectory: boolean): boolean {
  for (const { base, rules } of ignores) {
    const inner = base ? relative.slice(base.length + 1) : relative;
    if (rules.ignores(inner, isDirectory)) return true;
  }
  return false;
}

/**
 * A configuration file's text (`package.json`, `tsconfig.json`, the README), read through the same
 * checks as every other file; undefined when there is none. One that is there but refused (a
 * FIFO, a device, a link out of the workspace, too large) or unreadable is listed in `skipped`.
 */
async function isVirtualEnvironment(fs: Pick<WorkspaceFs, 'stat'>, folder: string): Promise<boolean> {
  for (const marker of VIRTUAL_ENVIRONMENT_MARKERS) {
    try {
      if ((await fs.stat(join(folder, marker))).type === 'file') return true;
    } catch {
      // not this marker
    }
  }
  return false;
}

export async function readWorkspaceText(fs: Pick<WorkspaceFs, 'readText'>, limits: ReadLimits & { root: string }, relative: string, skipped: Skipped[]): Promise<string | undefined> {
  try {
    return await fs.readText(join(limits.root, relative), limits);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') skipped.push({ path: relative, reason: `not read: ${describe(error)}` });
    return undefined;
  }
}

/**
 * A path with forward slashes only, to compare paths: on Windows the editor reports
 * `C:\proj\app\x.py` for what the discovery, joining with `/`, holds as `C:\proj/app/x.py`.
 */
export function sameSeparators(path: string): string {
  return path.replace(/\\/g, '/');
}

function join(root: string, relative: string): string {
  if (!relative) return root;
  return root.endsWith('/') ? `${root}${relative}` : `${root}/${relative}`;
}

function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}
