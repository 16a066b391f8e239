import { Turns } from '../nextTurn';
import type { FileRoutes } from '../frameworks/frameworks';
import type { FileFacts } from '../parse/facts';
import type { Finding, Route } from '../result';
import { normalizeRoutePath } from './routePaths';
import type { SymbolIndex } from './symbolIndex';

/**
 * Routes that are files, as the framework files describe them (Medusa's `src/api/**\/route.ts`):
 * a route file under the routes folder, importing one of the framework's packages, is a route at
 * its folder's path below the routes folder — `[id]` a parameter, `[...]` the rest of the path, a
 * folder named with a leading `_` left out of the routes — answering each HTTP method it defines a
 * function (or a value made by a call) for at its top level, named after the method.
 */
export async function fileRoutes(index: SymbolIndex, frameworks: readonly FileRoutes[], turns = new Turns()): Promise<{ routes: Route[]; findings: Finding[] }> {
  const routes: Route[] = [];
  const findings: Finding[] = [];
  if (!frameworks.length) return { routes, findings };
  await turns.each(index.files(), (file) => {
    if ((file.language !== 'typescript' && file.language !== 'javascript') || file.skipped) return;
    for (const framework of frameworks) {
      const routePath = routePathOf(file, framework);
      if (routePath === undefined) continue;
      for (const { symbol, definition } of index.definitionsIn(file.path)) {
        if (!framework.methods.includes(definition.name)) continue;
        if (definition.kind !== 'function' && !(definition.kind === 'variable' && definition.value)) continue;
        routes.push({ method: definition.name, path: routePath, handler: symbol, framework: framework.framework, source: { path: file.path, line: definition.range.start.line } });
        findings.push({ category: 'route', symbol, range: definition.range, layer: '', details: { rule: 'file-route', framework: framework.framework, method: definition.name.toLowerCase(), path: routePath } });
      }
    }
  });
  return { routes, findings };
}

/** The path a route file serves, or undefined when the file is no route file of the framework. */
function routePathOf(file: FileFacts, framework: FileRoutes): string | undefined {
  const segments = file.path.split('/');
  const name = segments.pop() ?? '';
  const dot = name.indexOf('.');
  if (!framework.files.includes(dot > 0 ? name.slice(0, dot) : name)) return undefined;
  const folder = framework.folder.split('/');
  // The last place the routes folder appears in the path: `packages/medusa/src/api/admin/...`.
  let start = -1;
  for (let at = segments.length - folder.length; at >= 0 && start < 0; at--) if (folder.every((part, offset) => segments[at + offset] === part)) start = at + folder.length;
  if (start < 0) return undefined;
  const below = segments.slice(start);
  if (below.some((segment) => segment.startsWith('_'))) return undefined;
  if (!file.imports.some((statement) => framework.packages.some((name) => statement.module === name || statement.module.startsWith(`${name}/`)))) return undefined;
  return normalizeRoutePath(`/${below.map(pathSegment).join('/')}`);
}

/** `[id]` → `{id}`, `[...]` → `*`, a folder name as itself. */
function pathSegment(segment: string): string {
  if (segment.startsWith('[...')) return '*';
  const parameter = /^\[(\w+)\]$/.exec(segment);
  return parameter ? `{${parameter[1] ?? ''}}` : segment;
}
