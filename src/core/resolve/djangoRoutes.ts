import type { Hint, SymbolDefinition } from '../parse/facts';
import { type Finding, type Route, type RouteFinding, type Skipped, SymbolId } from '../result';
import { compileRegex } from '../workspacePatterns';
import { trimEnd } from '../text';
import type { Frameworks } from '../frameworks/frameworks';
import type { ViewSetsDocument } from '../knowledge/documents';
import { asFrameworkName, classHandlers, contains, HTTP_METHODS, joinRoutePaths, MAX_PREFIXES_PER_ROUTER, normalizeRoutePath, pathsOf, regexAsTemplate, type Router, sourceOf, statedString } from './routePaths';
import type { SymbolIndex } from './symbolIndex';


/** Django's URL patterns as read, each with the prefixes the `include()`s that lead to it put before it. */
export interface Urlconfs {
  patterns: readonly RouteFinding[];
  /** The prefixes before a pattern's own path: those of the includes that lead to its module, then of the inline lists around it. */
  prefixesOf(pattern: RouteFinding): string[];
}

/**
 * Django urlconfs: each `path()` / `re_path()` gets the prefixes of the `include()`s that lead to
 * its module (or of the `include([...])` list it sits in). A pattern whose regex is none a
 * linear-time engine honours is skipped, and told.
 */
export function readUrlconfs(index: SymbolIndex, written: readonly RouteFinding[], skipped: Skipped[]): Urlconfs {
  const patterns = written.filter((finding) => {
    if (!isRegexPattern(finding)) return true;
    // The regex is read, never run: it must still be one a linear-time engine honours, or what it matches is unknown.
    const regex = pathsOf(finding)[0] ?? ''; // a URL pattern has one path
    const compiled = compileRegex(regex);
    if ('unsupported' in compiled) skipped.push({ path: sourceOf(finding).path, reason: `URL pattern \`${regex}\` (line ${finding.range.start.line + 1}) not read: ${compiled.unsupported}` });
    return 'pattern' in compiled;
  });
  // Where each `include()` leads: a urlconf module, or a list of patterns kept in a variable.
  const targets = new Map<RouteFinding, string>();
  for (const pattern of patterns) {
    const target = includedUrlconf(index, SymbolId.parse(pattern.symbol).path, pattern.details.view ?? '');
    if (target) targets.set(pattern, target);
  }
  const includedLists = new Set([...targets.values()].filter((target) => target.includes(':')));
  // A pattern belongs to the list it is written in when an `include()` names that list; else to its module's `urlpatterns`.
  const urlconfOf = (pattern: Finding): string => {
    const file = SymbolId.parse(pattern.symbol).path;
    if (!includedLists.size) return file;
    const list = [...index.definitionsIn(file)].find(({ symbol, definition }) => definition.kind === 'variable' && includedLists.has(symbol) && contains(definition, pattern));
    return list?.symbol ?? file;
  };
  const includes: { from: string; to: string; prefix: string }[] = [];
  for (const [pattern, to] of targets) includes.push({ from: urlconfOf(pattern), to, prefix: joinRoutePaths(enclosingListPrefix(index, patterns, pattern), patternPrefix(index, pattern)) });
  const urlconfPrefixes = (urlconf: string): string[] => {
    const results: string[] = [];
    const pending = [{ urlconf, suffix: '', seen: new Set([urlconf]) }];
    for (let item = pending.pop(); item && results.length < MAX_PREFIXES_PER_ROUTER; item = pending.pop()) {
      const parents = includes.filter((include) => include.to === item.urlconf && !item.seen.has(include.from));
      if (!parents.length) results.push(item.suffix);
      for (const include of parents) {
        pending.push({ urlconf: include.from, suffix: joinRoutePaths(include.prefix, item.suffix), seen: new Set([...item.seen, include.from]) });
      }
    }
    return results;
  };
  return { patterns, prefixesOf: (pattern) => urlconfPrefixes(urlconfOf(pattern)).map((prefix) => joinRoutePaths(prefix, enclosingListPrefix(index, patterns, pattern))) };
}

/**
 * The routers of another framework a urlconf mounts by their `urls` (django-ninja's
 * `path("api/", api.urls)`), each under every path that leads to it: their routes serve there.
 */
export function mountedRouters(index: SymbolIndex, urlconfs: Urlconfs, routers: ReadonlyMap<string, Router>): { child: string; prefix: string }[] {
  return urlconfs.patterns.flatMap((pattern) => {
    const child = mountedRouter(index, pattern, routers);
    return child ? urlconfs.prefixesOf(pattern).map((prefix) => ({ child, prefix: joinRoutePaths(prefix, patternPrefix(index, pattern)) })) : [];
  });
}

function mountedRouter(index: SymbolIndex, pattern: RouteFinding, routers: ReadonlyMap<string, Router>): string | undefined {
  const routerName = /^([\w.]+)\.urls$/.exec(pattern.details.view ?? '')?.[1];
  const symbol = routerName ? index.resolve(SymbolId.parse(pattern.symbol).path, routerName) : undefined;
  return symbol && routers.has(symbol) && !routers.get(symbol)?.framework.viewSets ? symbol : undefined;
}

/**
 * The routes of Django's urlconfs: each pattern points to a function view, a class-based view's
 * HTTP methods, or a DRF router's ViewSets; one that mounts another framework's router is left to
 * that router's routes (`mountedRouters`).
 */
export function djangoRoutes(index: SymbolIndex, urlconfs: Urlconfs, hints: readonly Hint[], routers: ReadonlyMap<string, Router>, frameworks: Frameworks): Route[] {
  const { patterns } = urlconfs;
  const routes: Route[] = [];
  for (const pattern of patterns) {
    const file = SymbolId.parse(pattern.symbol).path;
    const view = pattern.details.view ?? '';
    if (/^include\(/.test(view) && !INLINE_INCLUDE.test(view)) {
      const routerName = /^include\(\s*([\w.]+)\.urls\s*\)/.exec(view)?.[1];
      const symbol = routerName ? index.resolve(file, routerName) : undefined;
      const router = symbol ? routers.get(symbol) : undefined;
      if (router?.framework.viewSets) {
        for (const prefix of urlconfs.prefixesOf(pattern)) {
          routes.push(...viewSetRoutes(index, hints, router, router.framework.viewSets, joinRoutePaths(prefix, patternPrefix(index, pattern))));
        }
      }
      continue;
    }
    if (/^include\(/.test(view)) continue; // an inline list: its own path() entries are patterns too
    if (mountedRouter(index, pattern, routers)) continue; // its routes are the router's, under this pattern's paths
    for (const prefix of urlconfs.prefixesOf(pattern)) {
      const full = normalizeRoutePath(joinRoutePaths(prefix, patternPrefix(index, pattern)));
      const framework = pattern.details.framework ?? '';
      for (const { method, handler } of djangoViewHandlers(index, frameworks, file, view, pattern)) routes.push({ method, path: full, handler, framework, source: sourceOf(pattern) });
    }
  }
  // Routers registered but never included through a urlconf still answer under their prefixes.
  const includedRouters = new Set(routes.filter((route) => frameworks.routerFrameworks.get(route.framework)?.viewSets).map((route) => route.handler));
  for (const router of routers.values()) {
    if (!router.framework.viewSets) continue;
    for (const route of viewSetRoutes(index, hints, router, router.framework.viewSets, '')) if (!includedRouters.has(route.handler)) routes.push(route);
  }
  return routes;
}

/** `include([...])`, or `include(([...], "app_name"))`: patterns written in place. */
const INLINE_INCLUDE = /^include\(\s*(?:\(\s*)?\[/;

/**
 * The urlconf an `include()` leads to: a module's file (`include("shop.urls")`, `include(urls)` of an
 * imported module, `include(urls.urlpatterns)`, each also as a `(patterns, app_name)` tuple), or a
 * list of patterns kept in a variable (`include(api_urls)`), as its symbol. None for an inline list,
 * a router's `.urls` and anything outside the workspace (`admin.site.urls`).
 */
function includedUrlconf(index: SymbolIndex, file: string, view: string): string | undefined {
  const included = /^include\(\s*(?:\(\s*)?(?:(['"])([\w.]+)\1|([A-Za-z_][\w.]*))\s*[,)]/.exec(view.replace(/\s+/g, ' '));
  if (!included) return undefined;
  if (included[2]) return index.moduleFile(included[2]);
  const name = included[3] ?? '';
  const target = index.qualify(file, name);
  if (!target) return undefined;
  if ('external' in target) return index.moduleFile(target.external);
  const definition = index.definition(target.symbol);
  if (definition?.kind !== 'variable' || definition.value) return undefined; // `router.urls`, a call: not a list of patterns
  const { path, name: variable } = SymbolId.parse(target.symbol);
  return variable === 'urlpatterns' ? path : target.symbol;
}

/** `path("api/", ...)` → `api/`; `re_path(r"^articles/(?P<year>[0-9]{4})/$")` → `articles/{year}/`. */
function patternPrefix(index: SymbolIndex, pattern: RouteFinding): string {
  const written = statedString(index, SymbolId.parse(pattern.symbol).path, pathsOf(pattern)[0]);
  return isRegexPattern(pattern) ? regexAsTemplate(written) : written;
}

/** `re_path(...)` and the older `url(...)` take a regex; `path(...)` a template. */
function isRegexPattern(pattern: RouteFinding): boolean {
  return /re_path|url$/.test(pattern.details.callee ?? '');
}

/** The prefix of the `path("x/", include([...]))` whose inline list lexically holds this entry. */
function enclosingListPrefix(index: SymbolIndex, patterns: readonly RouteFinding[], inner: RouteFinding): string {
  const file = SymbolId.parse(inner.symbol).path;
  const outers = patterns.filter(
    (outer) =>
      outer !== inner &&
      SymbolId.parse(outer.symbol).path === file &&
      INLINE_INCLUDE.test(outer.details.view ?? '') &&
      contains(outer, inner),
  );
  outers.sort((a, b) => (contains(a, b) ? -1 : 1));
  return outers.reduce((prefix, outer) => joinRoutePaths(prefix, patternPrefix(index, outer)), '');
}


/** The text before the first comma that no `)` closes after it (`f(a, b), c` → `f(a, b)`): scanned once from the end, where `/,(?![^(]*\))/` looked ahead from every comma. */
function firstArgument(text: string): string {
  let cut = text.length;
  let nextParenthesis = '';
  for (let at = text.length - 1; at >= 0; at--) {
    const character = text[at];
    if (character === '(' || character === ')') nextParenthesis = character;
    else if (character === ',' && nextParenthesis !== ')') cut = at;
  }
  return text.slice(0, cut);
}

function djangoViewHandlers(index: SymbolIndex, frameworks: Frameworks, file: string, written: string, pattern: RouteFinding): { method: string; handler: string }[] {
  // `csrf_exempt(GraphQLView.as_view(...))`: a decorator applied by a call wraps the view.
  let view = written.replace(/\s+/g, '');
  for (let wrapped = /^[\w.]+\((.+)\)$/.exec(view); wrapped?.[1] && !/\.as_view$/.test(view.slice(0, view.indexOf('('))); wrapped = /^[\w.]+\((.+)\)$/.exec(view)) {
    view = firstArgument(wrapped[1]);
  }
  const asView = /^([\w.]+)\.as_view\(/.exec(view);
  const name = asView?.[1] ?? (/^[\w.]+$/.test(view) ? view : undefined);
  const target = name ? index.resolve(file, name) : undefined;
  const anonymous = SymbolId.anonymous(file, pattern.range.start.line);
  if (!target) return [{ method: 'ANY', handler: anonymous }];
  const definition = index.definition(target);
  if (definition?.kind === 'class') {
    const defined = [...classHandlers(index, target), ...inheritedViewMethods(index, frameworks, target)];
    if (defined.length) return defined;
    // A Django view that only overrides `View.dispatch` runs it for every method.
    const dispatcher = [target, ...index.ancestry(target).classes].find((symbol) => index.definition(`${symbol}.dispatch`));
    return [{ method: 'ANY', handler: dispatcher ? `${dispatcher}.dispatch` : target }];
  }
  return httpMethodsFromDecorators(index, frameworks, target, definition).map((method) => ({ method, handler: target }));
}

/**
 * The HTTP methods a view inherits from the framework's generic views (`TemplateView`'s get,
 * `RetrieveUpdateAPIView`'s get, put and patch), answered by the view class itself, except those the
 * workspace defines a method for.
 */
function inheritedViewMethods(index: SymbolIndex, frameworks: Frameworks, view: string): { method: string; handler: string }[] {
  const classes = [view, ...index.ancestry(view).classes];
  const inherited = new Set(index.ancestry(view).names.flatMap((name) => frameworks.viewClassMethods.get(name) ?? []));
  return [...inherited].filter((method) => !classes.some((symbol) => index.definition(`${symbol}.${method.toLowerCase()}`))).map((method) => ({ method, handler: view }));
}

/**
 * The methods a decorator narrows a function view to, by the first that does, in the order the
 * view wears them: one (Django's `@require_POST`), or those its argument lists
 * (`@require_http_methods(["GET", "POST"])`, DRF's `@api_view(["POST"])`); else ANY.
 */
function httpMethodsFromDecorators(index: SymbolIndex, frameworks: Frameworks, view: string, definition: SymbolDefinition | undefined): string[] {
  for (const decorator of definition?.decorators ?? []) {
    for (const name of index.qualifiedNames(SymbolId.parse(view).path, decorator)) {
      const method = frameworks.viewMethodDecorators.get(name);
      if (method) return [method];
      const allowed = frameworks.viewMethodListDecorators.get(name);
      if (!allowed) continue;
      const call = definition?.decoratorCalls?.[decorator];
      const listed = [...(call?.args.slice(0, 1) ?? []), ...Object.values(call?.keywords ?? {})].flatMap(listedMethods);
      const methods = listed.length ? listed : allowed;
      if (methods.length) return [...new Set(methods)];
    }
  }
  return ['ANY'];
}

/** The HTTP methods a list or tuple literal names (`["get", "POST"]`), upper case; none when it is anything else. */
function listedMethods(written: string): string[] {
  if (!/^[[(]/.test(written.trim())) return [];
  const names = [...written.matchAll(/["']([A-Za-z]+)["']/g)].map((match) => (match[1] ?? '').toLowerCase());
  return names.filter((name) => HTTP_METHODS.includes(name)).map((name) => name.toUpperCase());
}

/** The routes a router (Django REST framework's) makes for each ViewSet registered on it. */
function viewSetRoutes(index: SymbolIndex, hints: readonly Hint[], router: Router, viewSets: ViewSetsDocument, base: string): Route[] {
  const routes: Route[] = [];
  const framework = router.framework.name;
  const mixinPrefix = `${viewSets.mixinModule}.`;
  for (const hint of hints.filter((candidate) => candidate.hint === 'viewset')) {
    const { path } = SymbolId.parse(hint.symbol);
    if (index.resolve(path, hint.details.router ?? '') !== router.symbol) continue;
    const viewSet = index.resolve(path, hint.details.viewset ?? '');
    if (!viewSet) continue;
    const prefix = joinRoutePaths(base, hint.details.prefix ?? '');
    const lookup = index.definition(viewSet)?.attributes?.find((attribute) => attribute.name === 'lookup_field')?.literal ?? 'pk';
    const ancestry = index.ancestry(viewSet);
    const mixins = new Set<string>();
    for (const name of [...ancestry.names].map((written) => asFrameworkName(written, router.copy))) {
      for (const mixin of viewSets.classes[name] ?? []) mixins.add(mixin);
      const mixin = name.startsWith(mixinPrefix) ? name.slice(mixinPrefix.length) : '';
      if (/^\w+$/.test(mixin)) mixins.add(mixin);
    }
    const classes = [viewSet, ...ancestry.classes];
    const source = { path, line: hint.line };
    routes.push(...extraActions(index, viewSets, router, classes, prefix, lookup).map((route) => ({ ...route, source })));
    for (const { action, method, detail, mixin } of viewSets.actions) {
      const owner = classes.find((symbol) => index.definition(`${symbol}.${action}`));
      if (!owner && !mixins.has(mixin)) continue;
      routes.push({
        method,
        path: routerPath(router, joinRoutePaths(prefix, detail ? `{${lookup}}/` : '/')),
        handler: owner ? `${owner}.${action}` : viewSet,
        framework,
        source,
      });
    }
  }
  return routes;
}

/** A path the router makes, with its trailing slash or, when the router is made without, none. */
function routerPath(router: Router, path: string): string {
  const normalized = normalizeRoutePath(path);
  return router.withoutTrailingSlash && normalized.length > 1 ? trimEnd(normalized, '/') : normalized;
}

/** A ViewSet's `@action(detail=..., methods=[...], url_path=...)` methods: routes beside the standard ones. */
function extraActions(index: SymbolIndex, viewSets: ViewSetsDocument, router: Router, classes: readonly string[], prefix: string, lookup: string): Route[] {
  const routes: Route[] = [];
  const framework = router.framework.name;
  for (const owner of classes) {
    const { path } = SymbolId.parse(owner);
    for (const { symbol, name, definition } of index.methodsOf(owner)) {
      for (const decorator of definition.decorators) {
        const names = index.qualifiedNames(path, decorator).map((qualified) => asFrameworkName(qualified, router.copy));
        const action = viewSets.actionDecorators.find((known) => names.includes(known.decorator));
        if (!action) continue;
        const call = definition.decoratorCalls?.[decorator];
        const urlPath = /^[rRbBuU]?(['"])(.*)\1$/.exec(call?.keywords['url_path'] ?? '')?.[2] ?? name;
        const detail = action.detail ?? call?.keywords['detail'] === 'True';
        const methods = (call?.keywords['methods']?.match(/['"](\w+)['"]/g) ?? ['"get"']).map((quoted) => quoted.slice(1, -1).toUpperCase());
        const full = joinRoutePaths(joinRoutePaths(prefix, detail ? `{${lookup}}` : ''), `${urlPath}/`);
        for (const method of methods) routes.push({ method, path: routerPath(router, full), handler: symbol, framework });
        break;
      }
    }
  }
  return routes;
}
