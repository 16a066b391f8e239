import type { PackageManifest } from '../classify/packages';
import { Turns } from '../nextTurn';
import type { FileRoutes } from '../frameworks/frameworks';
import type { FileFacts, SymbolDefinition } from '../parse/facts';
import type { Finding, Route } from '../result';
import { normalizeRoutePath } from './routePaths';
import type { SymbolIndex } from './symbolIndex';

/**
 * Routes that are files, as the framework files describe them (Medusa's and Next.js's
 * `**\/route.ts`, Next.js's `pages/api/**`): a route file under the routes folder, of a framework's
 * package (it imports one, or the package it is in depends on one), is a route at its path below
 * the routes folder — `[id]` a parameter, `[...rest]` the rest of the path, a folder named in
 * parentheses left out where the framework groups routes so, a folder or file named with a leading
 * `_` left out of the routes. Its handlers are the functions it defines named after HTTP methods, or
 * its default export (see `handler` in the schema).
 */
export async function fileRoutes(index: SymbolIndex, frameworks: readonly FileRoutes[], packages: readonly PackageManifest[], turns = new Turns()): Promise<{ routes: Route[]; findings: Finding[] }> {
  const routes: Route[] = [];
  const findings: Finding[] = [];
  if (!frameworks.length) return { routes, findings };
  await turns.each(index.files(), (file) => {
    if ((file.language !== 'typescript' && file.language !== 'javascript') || file.skipped) return;
    for (const framework of frameworks) {
      const routePath = routePathOf(file, framework, packages);
      if (routePath === undefined) continue;
      for (const { method, symbol, definition } of handlersOf(index, file, framework)) {
        routes.push({ method, path: routePath, handler: symbol, framework: framework.framework, source: { path: file.path, line: definition.range.start.line } });
        findings.push({ category: 'route', symbol, range: definition.range, layer: '', details: { rule: 'file-route', framework: framework.framework, method: method.toLowerCase(), path: routePath } });
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

/** The route file's handlers, each with the method it answers. */
function handlersOf(index: SymbolIndex, file: FileFacts, framework: FileRoutes): FileHandler[] {
  const definitions = [...index.definitionsIn(file.path)];
  const answers = (definition: SymbolDefinition) => definition.kind === 'function' || (definition.kind === 'variable' && definition.value !== undefined);
  if (framework.handler !== 'default-export') {
    return definitions.filter(({ definition }) => framework.methods.includes(definition.name) && answers(definition)).map(({ symbol, definition }) => ({ method: definition.name, symbol, definition }));
  }
  const exported = definitions.find(({ definition }) => definition.defaultExport && answers(definition));
  if (!exported) return [];
  // `export default withAuth(handler)`: the function the wrapper is given, when the file defines it, is what reads the request.
  const wrapped = exported.definition.value?.args[0];
  const inner = wrapped === undefined ? undefined : definitions.find(({ definition }) => definition.name === wrapped && definition.kind === 'function');
  const handler = inner ?? exported;
  const tested = (handler.definition.methodTests ?? []).filter((method) => framework.methods.includes(method));
  return (tested.length ? tested : ['ANY']).map((method) => ({ method, ...handler }));
}

/** The path a route file serves, or undefined when the file is no route file of the framework. */
function routePathOf(file: FileFacts, framework: FileRoutes, packages: readonly PackageManifest[]): string | undefined {
  const segments = file.path.split('/');
  const stem = (segments.pop() ?? '').replace(/\.[cm]?[jt]sx?$/, '');
  // Without named route files, `users.test.ts` and `[id].d.ts` are no routes: a dot outside brackets names another kind of file.
  if (framework.files ? !framework.files.includes(stem) : dotOutsideBrackets(stem)) return undefined;
  const folder = framework.folder.split('/');
  // The last place the routes folder appears in the path: `packages/medusa/src/api/admin/...`.
  let start = -1;
  for (let at = segments.length - folder.length; at >= 0 && start < 0; at--) if (folder.every((part, offset) => segments[at + offset] === part)) start = at + folder.length;
  if (start < 0) return undefined;
  const below = segments.slice(start).filter((segment) => !(framework.groups && /^\(.*\)$/.test(segment)));
  if (!framework.files && stem !== 'index') below.push(stem);
  if (below.some((segment) => segment.startsWith('_'))) return undefined;
  if (!ofFrameworkPackage(file, framework, packages)) return undefined;
  const mount = framework.mount && framework.mount !== '/' ? framework.mount : '';
  return normalizeRoutePath(`${mount}/${below.map(pathSegment).join('/')}`);
}

/** The file imports one of the framework's packages, or the nearest package manifest above it depends on one. */
function ofFrameworkPackage(file: FileFacts, framework: FileRoutes, packages: readonly PackageManifest[]): boolean {
  const isFramework = (name: string) => framework.packages.some((wanted) => name === wanted || name.startsWith(`${wanted}/`));
  if (file.imports.some((statement) => isFramework(statement.module))) return true;
  let nearest: PackageManifest | undefined;
  for (const manifest of packages) {
    if (!manifest.path.endsWith('package.json')) continue;
    const folder = manifest.path.slice(0, -'package.json'.length);
    if (file.path.startsWith(folder) && (!nearest || folder.length > nearest.path.length - 'package.json'.length)) nearest = manifest;
  }
  return nearest?.dependencies.some(isFramework) ?? false;
}

function dotOutsideBrackets(name: string): boolean {
  let depth = 0;
  for (const character of name) {
    if (character === '[') depth++;
    else if (character === ']') depth = Math.max(0, depth - 1);
    else if (character === '.' && depth === 0) return true;
  }
  return false;
}

/** `[id]` → `{id}`, `[...rest]` and `[[...rest]]` → `*`, `[[lang]]` → `{lang}`, a folder name as itself. */
function pathSegment(segment: string): string {
  if (/^\[\[?\.\.\./.test(segment)) return '*';
  const parameter = /^\[\[?(\w+)\]?\]$/.exec(segment);
  return parameter ? `{${parameter[1] ?? ''}}` : segment;
}
