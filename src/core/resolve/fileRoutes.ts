import type { PackageManifest } from '../classify/packages';
import { Turns } from '../nextTurn';
import type { FileRoutes } from '../frameworks/frameworks';
import type { FileFacts, SymbolDefinition } from '../parse/facts';
import type { Finding, Route } from '../result';
import { builtOn, packageOf } from './frameworkPackages';
import { normalizeRoutePath } from './routePaths';
import type { SymbolIndex } from './symbolIndex';

/**
 * Routes that are files, as the framework files describe them (`route.ts` of Medusa and Next.js,
 * Next.js's `pages/api/**`, SvelteKit's `+server.ts`, Nitro's `server/api/**`, Astro's endpoints):
 * a route file under the routes folder of a package built on the framework (it imports the
 * framework, or the package's manifest depends on it) is a route at its path below the routes
 * folder — `[id]` a parameter, `[...rest]` the rest of the path, an optional segment served with
 * and without it, a folder in parentheses left out where the framework groups routes so, a folder
 * or file named with a leading `_` no route where the framework keeps those private; a test beside
 * the routes is no route. Its handlers are the functions it defines named after HTTP methods, or
 * its default export (`handler` in the schema).
 */
export async function fileRoutes(index: SymbolIndex, frameworks: readonly FileRoutes[], packages: readonly PackageManifest[], isTestFile: (path: string) => boolean, turns = new Turns()): Promise<{ routes: Route[]; findings: Finding[] }> {
  const routes: Route[] = [];
  const findings: Finding[] = [];
  if (!frameworks.length) return { routes, findings };
  await turns.each(index.files(), (file) => {
    if ((file.language !== 'typescript' && file.language !== 'tsx' && file.language !== 'javascript') || file.skipped || isTestFile(file.path)) return;
    for (const framework of frameworks) {
      const route = routeOf(file, framework, packages);
      if (!route) continue;
      for (const { method, symbol, definition } of handlersOf(index, file, framework, route.method)) {
        for (const path of route.paths) {
          routes.push({ method, path, handler: symbol, framework: framework.framework, source: { path: file.path, line: definition.range.start.line } });
          findings.push({ category: 'route', symbol, range: definition.range, layer: '', details: { rule: 'file-route', framework: framework.framework, method: method.toLowerCase(), path } });
        }
      }
    }
  });
  return { routes, findings };
}

interface FileHandler {
  method: string;
  symbol: string;
  definition: SymbolDefinition;
}

/** The route file's handlers, each with the method it answers (the one its name gives, when it does). */
function handlersOf(index: SymbolIndex, file: FileFacts, framework: FileRoutes, named: string | undefined): FileHandler[] {
  const definitions = [...index.definitionsIn(file.path)];
  const answers = (definition: SymbolDefinition) => definition.kind === 'function' || (definition.kind === 'variable' && definition.value !== undefined);
  if (framework.handler !== 'default-export') {
    // Exports named otherwise than a method: Astro's `ALL` and SvelteKit's `fallback` (ANY), Remix's `loader` and `action`.
    const methodOf = (name: string) => (framework.methods.includes(name) ? name : framework.exportMethods && Object.hasOwn(framework.exportMethods, name) ? framework.exportMethods[name] : undefined);
    // `export { handler as GET, handler as POST }` (NextAuth's route handler): each name it is exported under.
    return definitions.flatMap(({ symbol, definition }) => {
      if (!answers(definition)) return [];
      const methods = [definition.name, ...(definition.exportedAs ?? [])].map(methodOf).filter((method): method is string => method !== undefined);
      return methods.map((method) => ({ method, symbol, definition }));
    });
  }
  const exported = definitions.find(({ definition }) => definition.defaultExport && answers(definition));
  if (!exported) return [];
  // `export default withAuth(handler)`: the function the wrapper is given, when the file defines it, is what reads the request.
  const wrapped = exported.definition.value?.args[0];
  const inner = wrapped === undefined ? undefined : definitions.find(({ definition }) => definition.name === wrapped && definition.kind === 'function');
  const handler = inner ?? exported;
  if (named) return [{ method: named, ...handler }];
  const tested = (handler.definition.methodTests ?? []).filter((method) => framework.methods.includes(method));
  return (tested.length ? tested : ['ANY']).map((method) => ({ method, ...handler }));
}

/** At most this many paths for one route file: each optional segment doubles them. */
const MAX_OPTIONAL_PATHS = 8;

/**
 * The paths a route file serves (an optional segment, `[[lang]]` or `[[...slug]]`, with and
 * without it), and the method its name gives (Nitro's `users.post.ts`); undefined when the file is
 * no route file of the framework.
 */
function routeOf(file: FileFacts, framework: FileRoutes, packages: readonly PackageManifest[]): { paths: string[]; method?: string } | undefined {
  const segments = file.path.split('/');
  let stem = withoutSourceExtension(segments.pop() ?? '');
  for (const suffix of framework.ignoredSuffixes ?? []) if (stem.endsWith(`.${suffix}`)) stem = stem.slice(0, -suffix.length - 1);
  const suffix = framework.methodSuffix ? stem.slice(stem.lastIndexOf('.') + 1).toUpperCase() : '';
  const method = stem.includes('.') && framework.methods.includes(suffix) ? suffix : undefined;
  if (method) stem = stem.slice(0, stem.lastIndexOf('.'));
  if (framework.files && !framework.files.includes(stem)) return undefined;
  const { root, manifest } = packageOf(file.path, packages);
  const flat = framework.naming === 'flat';
  const folder = framework.folder.split('/');
  // The first place the routes folder appears in the package (`src/app/api/app/route.ts` is `/api/app`).
  let start = -1;
  for (let at = root ? root.split('/').length - 1 : 0; at + folder.length <= segments.length && start < 0; at++) if (folder.every((part, offset) => segments[at + offset] === part)) start = at + folder.length;
  if (start < 0) return undefined;
  let parts: PathPart[] | undefined;
  if (flat) parts = flatRouteParts(segments.slice(start), stem);
  else {
    const below = segments.slice(start).filter((segment) => !(framework.groups && /^\(.*\)$/.test(segment)));
    if (!framework.files && stem !== 'index') below.push(stem);
    if (framework.private && below.some((segment) => segment.startsWith('_'))) return undefined;
    parts = below.map((segment) => ({ written: pathSegment(segment), optional: segment.startsWith('[[') }));
  }
  if (!parts || !builtOn(file, manifest, framework.packages)) return undefined;
  const mount = framework.mount && framework.mount !== '/' ? framework.mount : '';
  let paths = [mount];
  for (const { written, optional } of parts) {
    const both = optional && paths.length * 2 <= MAX_OPTIONAL_PATHS;
    paths = [...(both ? paths : []), ...paths.map((path) => `${path}/${written}`)];
  }
  return { paths: paths.map((path) => normalizeRoutePath(path || '/')), ...(method ? { method } : {}) };
}

/** A segment of a route's path as written in the result (`{id}`, `*`), and whether the route is also served without it. */
interface PathPart {
  written: string;
  optional: boolean;
}

/**
 * A flat route's path (remix.run/docs, "Route File Naming"; React Router's `flatRoutes()`): the
 * file's name below the routes folder, or the folder's of a `route` or `index` file in it (the
 * folder's other files are its modules, no routes), split at the dots that no `[...]` escapes.
 * Remix 1's nested folders (`routes/notes/$id.tsx`) are not read. `_index` is its
 * parent's index, `_auth` a pathless layout (no segment; a file that is one alone is no route of
 * its own), a trailing `_` leaves the parent's layout without changing the path, `$id` a
 * parameter, `$` the rest of the path, `($lang)` an optional segment.
 */
function flatRouteParts(folders: readonly string[], stem: string): PathPart[] | undefined {
  const name = folders.length === 0 ? stem : folders.length === 1 && (stem === 'route' || stem === 'index') ? folders[0] : undefined;
  if (!name) return undefined;
  const segments = dottedSegments(name);
  const last = segments[segments.length - 1] ?? '';
  if (last.startsWith('_') && last !== '_index') return undefined;
  return segments.flatMap((segment) => {
    // `_index` (and, as Remix 1 named it, a top-level `index`) is its parent's index.
    if (segment.startsWith('_') || (segment === 'index' && segments.length === 1 && folders.length === 0)) return [];
    const optional = /^\(.*\)$/.test(segment);
    const bare = (optional ? segment.slice(1, -1) : segment).replace(/_$/, '');
    const written = bare === '$' ? '*' : bare.startsWith('$') ? `{${bare.slice(1)}}` : bare.replaceAll('[', '').replaceAll(']', '');
    return [{ written, optional }];
  });
}

/** `concerts.$city` → `concerts`, `$city`; `sitemap[.]xml` one segment: split at the dots no brackets hold. */
function dottedSegments(name: string): string[] {
  const segments: string[] = [];
  let current = '';
  let escaped = false;
  for (const character of name) {
    if (character === '[') escaped = true;
    else if (character === ']') escaped = false;
    if (character === '.' && !escaped) {
      if (current) segments.push(current);
      current = '';
    } else current += character;
  }
  if (current) segments.push(current);
  return segments;
}

/** `orders.get.ts` → `orders.get`: a source file's name without its extension. */
export function withoutSourceExtension(name: string): string {
  return name.replace(/\.[cm]?[jt]sx?$/, '');
}

/** `[id]` and `[user-id]` → `{id}`, `{user-id}`; `[...rest]` and `[[...rest]]` → `*`; `[[lang]]` and `[id=integer]` (SvelteKit's optional and matched parameters) → `{lang}`, `{id}`; a folder name as itself. */
function pathSegment(segment: string): string {
  if (/^\[\[?\.\.\./.test(segment)) return '*';
  if (!segment.startsWith('[') || !segment.endsWith(']')) return segment;
  const name = segment.replace(/^\[\[?/, '').replace(/\]?\]$/, '');
  const matcher = name.indexOf('=');
  return `{${matcher < 0 ? name : name.slice(0, matcher)}}`;
}
