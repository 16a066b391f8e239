import { listIn } from '../lists';
import type { Hint } from '../parse/facts';
import { type Route, SymbolId } from '../result';
import { joinRoutePaths, normalizeRoutePath, textOf } from './routePaths';
import type { SymbolIndex } from './symbolIndex';

/** `request_method='POST'`, or a tuple or list of methods, among a view registration's arguments. */
const REQUEST_METHOD = /\brequest_method\s*=\s*(?:'(\w+)'|"(\w+)"|[([]([^)\]]*)[)\]])/;
/** `attr='edit'`: the method of a class-based view that answers. */
const ATTR = /\battr\s*=\s*['"](\w+)['"]/;

/**
 * Routes declared by name with their views attached to the name elsewhere (Pyramid's URL dispatch:
 * `config.add_route('home', '/')` and `@view_config(route_name='home')` or `config.add_view(view,
 * route_name='home')`). A route name belongs to one application, which Pyramid's `scan()` and
 * `include()` gather from its package: a view is joined to the routes of its name declared nearest
 * to it — in its own folder and below, else its parent package's, up to its top-level package (for
 * a script outside any package, its folder), so that several example applications in one
 * repository keep their own names. A name with no view serves nothing and is not listed.
 */
export function namedRoutes(index: SymbolIndex, hints: readonly Hint[]): Route[] {
  const declared = new Map<string, { folder: string; pattern: string }[]>();
  for (const hint of hints) {
    const { name, pattern } = hint.details;
    if (hint.hint === 'named-route' && typeof name === 'string' && typeof pattern === 'string') listIn(declared, name).push({ folder: folderOf(SymbolId.parse(hint.symbol).path), pattern });
  }
  if (!declared.size) return [];
  const packages = new Set(index.files().flatMap(({ path }) => (path === '__init__.py' || path.endsWith('/__init__.py') ? [folderOf(path)] : [])));
  const views = hints.filter((hint) => hint.hint === 'route-view');
  // A method's own route_name wins over its class's `@view_defaults`.
  const own = new Set(views.filter((hint) => hint.details['defaults'] === undefined).map((hint) => hint.symbol));
  const routes: Route[] = [];
  for (const hint of views) {
    if (hint.details['defaults'] !== undefined && own.has(hint.symbol)) continue;
    const { path } = SymbolId.parse(hint.symbol);
    const handler = handlerOf(index, path, hint);
    const candidates = declared.get(textOf(hint.details['routeName']));
    if (!handler || !candidates) continue;
    for (const pattern of nearest(candidates, folderOf(path), packages)) {
      for (const method of methodsOf(textOf(hint.details['arguments']))) {
        routes.push({ method, path: normalizeRoutePath(joinRoutePaths('/', pattern)), handler, framework: textOf(hint.details['framework']), source: { path, line: hint.line } });
      }
    }
  }
  return routes;
}

/** The patterns declared in the nearest folder around `folder` that declares any, climbing no higher than its top-level package. */
function nearest(candidates: readonly { folder: string; pattern: string }[], folder: string, packages: ReadonlySet<string>): string[] {
  for (let scope = folder; ; scope = folderOf(scope)) {
    const found = candidates.filter((candidate) => candidate.folder === scope || scope === '' || candidate.folder.startsWith(`${scope}/`));
    if (found.length) return found.map(({ pattern }) => pattern);
    if (scope === '' || !packages.has(scope) || !packages.has(folderOf(scope))) return [];
  }
}

/** The view a registration names (`add_view(views.home, ...)`, with `attr` its method), or the decorated definition itself. */
function handlerOf(index: SymbolIndex, path: string, hint: Hint): string | undefined {
  const written = hint.details['view'];
  const view = typeof written === 'string' ? index.resolve(path, written) : hint.symbol;
  const attr = ATTR.exec(textOf(hint.details['arguments']))?.[1];
  return view && attr && index.definition(`${view}.${attr}`) ? `${view}.${attr}` : view;
}

function methodsOf(argumentsWritten: string): string[] {
  const stated = REQUEST_METHOD.exec(argumentsWritten);
  const written = stated ? (stated[1] ?? stated[2] ?? stated[3] ?? '') : '';
  const methods = [...written.matchAll(/[A-Za-z]+/g)].map(([name]) => name.toUpperCase());
  return methods.length ? methods : ['ANY'];
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}
