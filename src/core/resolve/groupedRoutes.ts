import type { Frameworks } from '../frameworks/frameworks';
import { listIn } from '../lists';
import type { Hint } from '../parse/facts';
import { type Route, SymbolId } from '../result';
import { joinRoutePaths, listEntries, MAX_PREFIXES_PER_ROUTER, MAX_ROUTER_DEPTH, normalizeRoutePath, servedPath, textOf } from './routePaths';
import type { SymbolIndex } from './symbolIndex';

/** A group a route or group is listed in: the group's own symbol and its path. */
interface Membership {
  group: string;
  prefix: string;
}

/**
 * Routes that are named values (hint `route-object`: Marble.js's `const getUser$ = r.pipe(r.matchPath(...),
 * r.matchType(...), r.useEffect(...))`), under the paths of the groups that list them by name (hint
 * `route-group`: `combineRoutes('/user', [getUser$])`), and of the groups that list those groups, in any
 * file. A route in no group answers at its own path, as one given to the listener directly does.
 */
export function groupedRoutes(index: SymbolIndex, frameworks: Frameworks, hints: readonly Hint[]): Route[] {
  const routeObjects = hints.filter((hint) => hint.hint === 'route-object');
  if (!routeObjects.length) return [];
  const memberships = new Map<string, Membership[]>();
  for (const hint of hints) {
    if (hint.hint !== 'route-group') continue;
    const { path } = SymbolId.parse(hint.symbol);
    const group = index.resolve(path, textOf(hint.details['name']));
    if (!group) continue;
    for (const member of memberNames(textOf(hint.details['members']))) {
      const symbol = index.resolve(path, member);
      if (symbol) listIn(memberships, symbol).push({ group, prefix: textOf(hint.details['prefix']) });
    }
  }
  const routes: Route[] = [];
  for (const hint of routeObjects) {
    const { path } = SymbolId.parse(hint.symbol);
    const route = index.resolve(path, textOf(hint.details['name']));
    const written = textOf(hint.details['method']).toUpperCase();
    const method = written === '*' ? 'ANY' : written;
    if (!route || !method) continue;
    const source = { path, line: hint.line };
    // An effect written in place is the hint's own symbol; one named may be imported from another file.
    const { name: effect } = SymbolId.parse(hint.symbol);
    const handler = SymbolId.isAnonymousName(effect) ? hint.symbol : (index.resolve(path, effect) ?? hint.symbol);
    const framework = textOf(hint.details.framework);
    const dropsTrailingSlash = frameworks.routerFrameworks.get(framework)?.dropsTrailingSlash ?? false;
    for (const prefix of prefixesOf(route, memberships, new Set(), 0)) {
      const joined = normalizeRoutePath(joinRoutePaths(prefix, textOf(hint.details.path)));
      routes.push({ method, path: servedPath(joined, dropsTrailingSlash), handler, framework, source });
    }
  }
  return routes;
}

/** The paths the groups around a route or group put before it, outermost first; the empty path for one in no group. */
function prefixesOf(symbol: string, memberships: ReadonlyMap<string, readonly Membership[]>, under: Set<string>, depth: number): string[] {
  const groups = (memberships.get(symbol) ?? []).filter((membership) => !under.has(membership.group));
  if (!groups.length || depth >= MAX_ROUTER_DEPTH) return [''];
  under.add(symbol);
  const prefixes = new Set<string>();
  for (const { group, prefix } of groups) {
    for (const outer of prefixesOf(group, memberships, under, depth + 1)) {
      if (prefixes.size >= MAX_PREFIXES_PER_ROUTER) break;
      prefixes.add(joinRoutePaths(outer, prefix));
    }
  }
  under.delete(symbol);
  return [...prefixes];
}

/** The plain names an array written in place lists (`[getUser$, user$]`); entries made by a call or spread are not followed. */
function memberNames(written: string): string[] {
  return listEntries(written).filter((entry) => /^[\w$]+$/.test(entry));
}
