/** What the route resolvers share: route paths in one syntax, where a route is declared, routers. */
import type { RouterFramework } from '../frameworks/frameworks';
import { type Finding, type Route, SymbolId } from '../result';
import { trimEnd, trimStart } from '../text';

/** How many full prefixes one router's (or urlconf's) routes are listed under, at most. */
export const MAX_PREFIXES_PER_ROUTER = 16;

/** An application or router object, its framework, and the prefix it gives its own routes. */
export interface Router {
  symbol: string;
  framework: RouterFramework;
  ownPrefix: string;
}

/** Where a route is declared: its decorator, or the registration (`router.get(...)`) of a handler defined elsewhere. */
export function sourceOf(finding: Finding): NonNullable<Route['source']> {
  const registered = finding.details.registeredAt?.[0];
  const site = registered === undefined ? null : /^(.*):(\d+)$/.exec(registered);
  if (site?.[1] && site[2]) return { path: site[1], line: Number(site[2]) - 1 };
  return { path: SymbolId.parse(finding.symbol).path, line: finding.range.start.line };
}

/** Whether `outer`'s range holds `inner`'s (an entry of a list, a route under a `Mount`). */
export function contains(outer: { range: Finding['range'] }, inner: { range: Finding['range'] }): boolean {
  const { start: os, end: oe } = outer.range;
  const { start: is, end: ie } = inner.range;
  const before = os.line < is.line || (os.line === is.line && os.character <= is.character);
  const after = oe.line > ie.line || (oe.line === ie.line && oe.character >= ie.character);
  return before && after && !(os.line === is.line && os.character === is.character);
}

const PLACEHOLDER_OR_SPACE = /[\s<{:]/;

/**
 * One placeholder syntax whatever the framework writes: `<int:pk>` and `<pk>` (Django, Flask),
 * `:id` (Express), `{id:int}` and `{id:path}` (Starlette) all become `{pk}` / `{id}`.
 */
export function normalizeRoutePath(path: string): string {
  // Most paths have nothing to rewrite (no white space, `<`, `{` or `:`): they skip the four rewrites, which every update runs on every route.
  const normalized = !PLACEHOLDER_OR_SPACE.test(path) ? path : path
    .replace(/\s+/g, '') // a URL path has no white space; broken code can put some in a literal
    .replace(/<(?:[^<>:]+:)?([A-Za-z_][A-Za-z0-9_]*)>/g, '{$1}')
    .replace(/\{([A-Za-z_][A-Za-z0-9_]*)(?::[^}]*)?\}/g, '{$1}')
    .replace(/(^|\/):([A-Za-z_][A-Za-z0-9_]*)\??/g, '$1{$2}');
  if (normalized === '') return '/';
  return normalized.startsWith('/') ? normalized : `/${normalized}`;
}

/** Joins two route path pieces with exactly one slash between them. */
export function joinRoutePaths(prefix: string, path: string): string {
  if (!prefix) return path;
  if (!path) return prefix;
  return `${trimEnd(prefix, '/')}/${trimStart(path, '/')}`;
}
