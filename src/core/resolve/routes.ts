import { isEmpty, listIn, NONE } from '../lists';
import { nextTurn, Turns } from '../nextTurn';
import type { Hint } from '../parse/facts';
import { type Finding, type MiddlewareFinding, type Route, type RouteFinding, type Skipped, SymbolId } from '../result';
import { normalizeCallee, withoutComments } from '../parse/syntax';
import { DEFAULT_PREFIX_KEYWORDS, type Frameworks, NO_ROUTER_CALLS, type RouterFramework } from '../frameworks/frameworks';
import type { ControllerPathDocument, RuleRole } from '../knowledge/documents';
import type { Knowledge } from '../knowledge/knowledge';
import { djangoRoutes, mountedRouters, readUrlconfs } from './djangoRoutes';
import { actionRoutes } from './actionRoutes';
import { groupedRoutes } from './groupedRoutes';
import { namedRoutes } from './namedRoutes';
import { objectRoutes } from './objectRoutes';
import { forwarded, handedOnCalls, rulesOf, urlRuleRoutes } from './urlRules';
import { classHandlers, constantString, constantStringIn, contains, type FrameworkCopy, HTTP_METHODS, joinRoutePaths, MAX_PREFIXES_PER_ROUTER, MAX_ROUTER_DEPTH, normalizeRoutePath, pathsOf, regexAsTemplate, type Router, servedPath, sourceOf, statedString } from './routePaths';
import { compileRegex } from '../workspacePatterns';
import type { FindingEdits } from './findingEdits';
import type { SymbolIndex } from './symbolIndex';

/** The decorator methods the route detectors read on an application or router (`@app.route(...)`, `@router.get(...)`). */
const ROUTE_DECORATOR_METHODS = new Set(['route', 'api_route', ...HTTP_METHODS, 'websocket']);

interface Include {
  parent: string;
  child: string;
  prefix: string;
}

/** What route resolution reads of the knowledge: the frameworks, and how each detector's findings are read. */
export type RouteKnowledge = Pick<Knowledge, 'frameworks' | 'ruleRoles' | 'dataAccess'>;

/**
 * Routes as the result lists them: method, full path with `{param}` placeholders, handler symbol.
 * Router prefixes are joined across files (FastAPI `include_router`, Flask blueprints, Starlette
 * `mount`), Django urlconfs are followed through `include()`, and DRF routers expand their ViewSets.
 */
export async function resolveRoutes(index: SymbolIndex, findings: Finding[], hints: readonly Hint[], knowledge: RouteKnowledge, edits: FindingEdits, turns = new Turns()): Promise<{ routes: Route[]; notRoutes: Set<Finding>; skipped: Skipped[] }> {
  const { frameworks } = knowledge;
  const roleOf = (finding: Finding) => knowledge.ruleRoles.get(finding.details.rule);
  chainRoutes(findings, (finding): finding is RouteFinding => finding.category === 'route' && roleOf(finding) === 'router-call-chain', hints, edits);
  // The findings this stage reads (routes, and middleware installed on routers) are few of the workspace's: found in one pass.
  const routeFindings: RouteFinding[] = [];
  const middlewareFindings: MiddlewareFinding[] = [];
  const routesByRole = new Map<RuleRole | undefined, RouteFinding[]>();
  for (const finding of findings) {
    if (finding.category === 'route') {
      routeFindings.push(finding);
      listIn(routesByRole, roleOf(finding)).push(finding);
    } else if (finding.category === 'middleware') middlewareFindings.push(finding);
  }
  const routesOf = (role: RuleRole): readonly RouteFinding[] => routesByRole.get(role) ?? NONE;
  // Routers and applications are variables made by a framework's router or app class; in a
  // framework's own repository, by a class of the workspace that offers route decorators.
  const ownRouters = ownRouterClasses(findings);
  const given = [...ownRouters].sort().join(' ');
  const routers = new Map<string, Router>();
  await index.eachPart(
    'routers',
    turns,
    (file) => routersIn(index, frameworks, file.path, ownRouters),
    (inFile) => {
      for (const router of inFile) routers.set(router.symbol, router);
    },
    given,
    undefined,
    isEmpty,
  );
  // Plugins: a function registered on an app (Fastify's `fastify.register(routes, { prefix })`) is a router of its own.
  for (const hint of hints) {
    const { plugin } = hint.details;
    if (hint.hint !== 'include' || plugin === undefined) continue;
    const child = hint.details.childInPlace !== undefined ? hint.symbol : index.resolve(SymbolId.parse(hint.symbol).path, hint.details.child ?? '');
    if (child && index.definition(child)?.kind === 'function' && !routers.has(child)) routers.set(child, { symbol: child, framework: routerFramework(frameworks, plugin), ownPrefix: '' });
  }
  // A function that makes a router and returns it stands for the router (`app.use('/api', routes())`).
  // One that returns its router first: a function that also mounts a router it makes stands for the one it returns.
  const factories = hints.filter((hint) => hint.hint === 'router-factory').sort((a, b) => Number(a.details.mountedOn !== undefined) - Number(b.details.mountedOn !== undefined));
  for (const hint of factories) {
    const definition = index.definition(hint.symbol);
    if (routers.has(hint.symbol) || definition?.kind !== 'function') continue;
    // Mounted on the application the function is given (`defineRoutes(app)`), not on one it makes.
    if (hint.details.mountedOn !== undefined && definition.parameters?.[0]?.name !== hint.details.mountedOn) continue;
    const framework = frameworkOf(index, frameworks, SymbolId.parse(hint.symbol).path, String(hint.details['maker'] ?? ''));
    if (framework) routers.set(hint.symbol, { symbol: hint.symbol, framework, ownPrefix: '', local: String(hint.details['router'] ?? '') });
  }
  const includes: Include[] = [];
  for (const router of routers.values()) {
    if (router.madeOn && routers.has(router.madeOn)) includes.push({ parent: router.madeOn, child: router.symbol, prefix: '' });
    // A default-exported factory's locals are the module's own names: the router it makes is one too.
    const local = router.local ? SymbolId.of(index.pathOf(router.symbol), router.local) : undefined;
    if (local && routers.has(local)) includes.push({ parent: router.symbol, child: local, prefix: '' });
  }
  // A router handed to a function (`auth(app)`): what the function registers on its parameter is registered on the router.
  for (const hint of hints) {
    if (hint.hint !== 'router-pass') continue;
    const parent = routerNamed(index, frameworks, routers, hint.symbol, String(hint.details['router'] ?? ''));
    const child = parent ? index.resolve(SymbolId.parse(hint.symbol).path, String(hint.details['callee'] ?? '')) : undefined;
    if (!parent || !child || child === parent.symbol || index.definition(child)?.kind !== 'function') continue;
    if (!routers.has(child)) routers.set(child, { symbol: child, framework: parent.framework, ownPrefix: '' });
    includes.push({ parent: parent.symbol, child, prefix: '' });
  }
  // Where an application is mounted through a wrapper (koa-mount's `app.use(mount('/api', api))`), or a function's own router on the application it is given: a mount, not middleware.
  const mountSites = new Set<string>();
  for (const hint of hints.filter((candidate) => candidate.hint === 'include')) {
    const { path } = SymbolId.parse(hint.symbol);
    const written = hint.details.parent ?? '';
    // Mounted on an application made in place (`module.exports = polka().use('items', items)`): the
    // variable or export the chain makes. An application made inside a factory function
    // (`def create_app(): app = Flask(...)`) is no workspace symbol; the call site stands for it, a root of its own.
    const named = index.resolve(path, written);
    const madeHere = named === undefined ? madeInPlace(index, frameworks, routers, path, hint.range.start.line, chainRoot(written)) : undefined;
    const parent = named ?? (madeHere && routers.has(madeHere.symbol) ? madeHere.symbol : undefined) ?? hint.symbol;
    // A module required in place (`app.use('api', require('./api'))`) mounts what it exports; a Koa
    // router's `routes()` (`router.use('/forums', forums.routes())`) is its middleware, standing for the router.
    const { childModule, childPath } = hint.details;
    for (const mount of childModule !== undefined || childPath !== undefined ? [{ child: '', writtenIn: path, prefix: mountPrefix(index, hint) }] : mountsOf(index, hint)) {
      const child =
        childModule !== undefined ? index.requiredExport(path, childModule)
        : childPath !== undefined ? index.definitionAtImportPath(childPath)
        : hint.details.childInPlace !== undefined ? hint.symbol
        : mountedRouter(index, routers, mount.writtenIn, mount.child);
      // The router a function makes, mounted on the application it is given (`app.use('/order', router)` in `defineRoutes(app)`): the prefix is its own.
      const own = child === undefined ? routers.get(hint.symbol) : undefined;
      if (own?.local !== undefined && own.local === mount.child && index.definition(hint.symbol)?.parameters?.[0]?.name === written) {
        routers.set(own.symbol, { ...own, ownPrefix: joinRoutePaths(own.ownPrefix, mount.prefix ?? '') });
        mountSites.add(`${path}:${hint.range.start.line}`);
        continue;
      }
      if (!child || !routers.has(child)) continue;
      includes.push({ parent, child, prefix: mount.prefix ?? '' });
      if (hint.details.wrapper !== undefined) mountSites.add(`${path}:${hint.range.start.line}`);
    }
  }
  // A router a Django urlconf mounts by its `urls` (django-ninja's `path("api/", api.urls)`) serves under the urlconf's paths.
  const skipped: Skipped[] = [];
  const urlconfs = readUrlconfs(index, routesOf('django-urlpatterns'), skipped);
  for (const { child, prefix } of mountedRouters(index, urlconfs, routers)) includes.push({ parent: `urlconf:${prefix}`, child, prefix });
  // Asked for by every route on a router: worked out once per router, from the includes by child.
  const includesOf = new Map<string, Include[]>();
  for (const include of includes) listIn(includesOf, include.child).push(include);
  const prefixesOf = new Map<string, string[]>();
  const prefixes = (router: string) => {
    let known = prefixesOf.get(router);
    if (!known) prefixesOf.set(router, (known = routerPrefixes(router, routers, includesOf)));
    return known;
  };

  const routes: Route[] = [];
  const notRoutes = new Set<Finding>();
  const routerFiles = new Set([...routers.keys()].map((symbol) => SymbolId.parse(symbol).path));
  // A resource registered in a helper of what it is given stands for the helper's calls, not for itself.
  const handedOn = handedOnCalls(index, hints);
  // One no call hands anything (`def init_routes(api): api.add_resource(Movies, "/movies")`) is read as written.
  const registrations = routeFindings.flatMap((finding) => {
    const bound = roleOf(finding) === 'router-resource' ? forwarded(index, finding, handedOn.get(finding.symbol) ?? []) : undefined;
    if (!bound?.length) return [finding];
    notRoutes.add(finding);
    return bound;
  });
  // The router is named where the route is registered, which may not be where the handler is defined.
  const routerOf = (finding: RouteFinding) => {
    const { path, line } = sourceOf(finding);
    const written = chainRoot(finding.details.router ?? '');
    const routerTarget = index.qualify(path, written);
    const router = (routerTarget && 'symbol' in routerTarget ? routers.get(routerTarget.symbol) : undefined) ?? pluginOf(index, routers, routerFiles, sourceOf(finding), written) ?? madeInPlace(index, frameworks, routers, path, line, written) ?? heldRouter(index, frameworks, routers, path, line, written, ownRouters) ?? typedParameter(index, frameworks, routers, path, line, written) ?? localRouter(index, frameworks, path, line, written, ownRouters);
    return { written, routerTarget, router };
  };
  const prefixesOfRouter = (router: Router | undefined) => (router === undefined ? [''] : routers.has(router.symbol) ? prefixes(router.symbol) : [router.ownPrefix]);
  await turns.each(registrations, (finding) => {
    const role = roleOf(finding);
    if (role === 'django-urlpatterns' || role === 'starlette-routes' || role === 'handler-classes' || role === 'object-dispatch' || role === 'request-listener' || role === 'url-rule') return; // resolved below, as lists of patterns and by the listener around them
    if (role === 'decorator-function') {
      routes.push(...decoratorFunctionRoutes(index, frameworks, finding, notRoutes));
      return;
    }
    const { path, line } = sourceOf(finding);
    const { written, routerTarget, router } = routerOf(finding);
    // `@mock.patch("x.y")` has the shape of a route; a known non-router (imported, or a workspace
    // object that is not a router) rules it out. An unbound name (a factory's local `app`) stays.
    if (!router && routerTarget && ('symbol' in routerTarget || routerTarget.external !== written)) {
      notRoutes.add(finding);
      return;
    }
    // `redis.get('key', (error, value) => ...)` has the shape of a route: an object of unknown make counts only under a router's name.
    if ((role === 'router-call' || role === 'router-call-chain' || role === 'router-resource') && !router && !frameworks.conventionalRouterNames.has(written)) {
      notRoutes.add(finding);
      return;
    }
    const madeAround = router ? undefined : frameworkMadeAround(index, frameworks, path, line);
    const framework = router?.framework.name ?? madeAround?.name ?? finding.details.framework ?? '';
    const described = router?.framework ?? madeAround ?? frameworks.routerFrameworks.get(framework);
    // A request-handler class given where a function goes (aiohttp's `add_route('*', '/x', View)`) is a class-based view, read as one by its own rule.
    if (described?.handlerClasses && index.derivesFromAny(finding.symbol, described.handlerClasses.bases)) {
      notRoutes.add(finding);
      return;
    }
    const answers =
      role === 'resource-responders'
        ? responders(index, finding, described?.responderPrefix)
        : role === 'router-resource'
          ? resourceHandlers(index, path, finding.details.resource)
          : methodsOf(finding, described).map((method) => ({ method, handler: finding.symbol }));
    // A method only some frameworks route by (restify's `del`) is no route on another's object (`cache.del('key', done)`).
    if (answers.length === 0 && role === 'router-call') {
      notRoutes.add(finding);
      return;
    }
    const dropsTrailingSlash = described?.dropsTrailingSlash ?? false;
    // URLs handed to a helper (`*urls`) are bound as a list; the others are written in place.
    const paths = typeof finding.details['pathsFrom'] === 'string' ? rulesOf(index, finding) : pathsOf(finding).map((written) => statedString(index, path, written));
    for (const prefix of prefixesOfRouter(router)) {
      for (const { method, handler } of answers) for (const stated of paths) {
        const joined = normalizeRoutePath(joinRoutePaths(prefix, stated));
        routes.push({
          method,
          // Express and its peers answer a mounted router's '/' at the mount path itself.
          path: servedPath(joined, dropsTrailingSlash),
          handler,
          framework,
          source: sourceOf(finding),
        });
      }
    }
  });
  for (const finding of middlewareFindings) {
    const role = roleOf(finding);
    if (role !== 'router-middleware' && role !== 'route-middleware') continue;
    const { path, line } = sourceOf(finding);
    const app = chainRoot(throughInstanceAccessors(finding.details.app ?? '', frameworks.instanceAccessors));
    const appTarget = index.qualify(path, app);
    // Installed on an application made in place (`polka().use(isUser).get(...)`) as on a named one.
    const router = (appTarget && 'symbol' in appTarget ? routers.get(appTarget.symbol) : undefined) ?? madeInPlace(index, frameworks, routers, path, line, app) ?? typedParameter(index, frameworks, routers, path, line, app);
    const onRouter = router !== undefined || frameworks.conventionalRouterNames.has(app);
    const made = finding.details.middleware ?? '';
    const madeRouter = made ? index.resolve(path, made) : undefined;
    // `app.use(apiRouter)`, `app.use('/api', routes())` and Koa's `app.use(router.routes())` mount routes; `i18n.use(plugin)` is no web middleware at all.
    const mounts = routers.has(finding.symbol) || (madeRouter !== undefined && routers.has(madeRouter)) || /\.routes$/.test(made) || mountSites.has(`${path}:${line}`);
    // Before a route's handler: Fastify's route options (`fastify.get('/', opts, handler)`), or a value that is no function (an HTTP client's `api.post(url, payload, headers)`), is no middleware.
    const notMiddleware = role === 'route-middleware' && (router?.framework.optionsBeforeHandler === true || !isFunctionValue(index, finding) || !namesAFunction(index, path, finding.details.handler));
    // Installed by a method besides `use` (restify's `pre`): only on a router whose framework installs middleware with it.
    const installer = finding.details.method;
    const notInstalled = installer !== undefined && installer !== 'use' && (router?.framework ?? frameworkMadeAround(index, frameworks, path, line))?.calls.middleware.has(installer) !== true;
    if (!onRouter || mounts || notMiddleware || notInstalled) notRoutes.add(finding);
  }
  await nextTurn();
  routes.push(...djangoRoutes(index, urlconfs, hints, routers, frameworks));
  routes.push(...starletteRoutes(index, routesOf('starlette-routes'), hints.filter((hint) => hint.hint === 'mount')));
  routes.push(...handlerClassRoutes(index, frameworks, routesOf('handler-classes'), (finding) => prefixesOfRouter(routerOf(finding).router), notRoutes, skipped));
  routes.push(...objectRoutes(index, frameworks, routesOf('object-dispatch'), hints, notRoutes));
  routes.push(...namedRoutes(index, hints));
  routes.push(...groupedRoutes(index, frameworks, hints));
  routes.push(...actionRoutes(index, hints));
  routes.push(...listenerRoutes(routesOf('request-listener'), hints, notRoutes));
  routes.push(...urlRuleRoutes(index, routesOf('url-rule'), hints, handedOn, { routers, prefixes }, notRoutes));
  await nextTurn();
  return { routes: dedupe(routes).sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method) || a.handler.localeCompare(b.handler)), notRoutes, skipped };
}

/**
 * The paths request listeners of Node's own servers compare the request's URL with, each a route of
 * every method handled by the innermost listener around it; a comparison in no listener is none.
 */
function listenerRoutes(compared: readonly RouteFinding[], hints: readonly Hint[], notRoutes: Set<Finding>): Route[] {
  const listeners = new Map<string, Hint[]>();
  for (const hint of hints) if (hint.hint === 'request-listener') listIn(listeners, SymbolId.parse(hint.symbol).path).push(hint);
  const routes: Route[] = [];
  for (const finding of compared) {
    const source = sourceOf(finding);
    const around = (listeners.get(source.path) ?? []).filter((listener) => contains(listener, finding));
    const listener = around.sort((a, b) => b.range.start.line - a.range.start.line)[0];
    if (!listener) {
      notRoutes.add(finding);
      continue;
    }
    for (const written of pathsOf(finding)) if (written !== undefined) routes.push({ method: 'ANY', path: normalizeRoutePath(written), handler: listener.symbol, framework: 'node-http', source });
  }
  return routes;
}

/**
 * The object a fluent chain of registrations starts from: in `fastify.addHook('onRequest', a).get('/', b)`
 * the second call is made on what the first returns, the instance itself (Express, Fastify, Koa
 * routers and Polka return it from `use`, their verbs and hooks). A chain whose first call takes no
 * string or `use` argument (`express.Router()`, `db.collection(users)`) is left as written.
 */
/** `app.getHttpAdapter().getInstance().addHook(...)`: what is registered on the instance an application hands out is registered on the application. */
function throughInstanceAccessors(written: string, accessors: readonly string[]): string {
  if (!accessors.length) return written;
  const compact = withoutComments(written).replace(/\s+/g, '');
  const accessor = accessors.find((candidate) => compact.includes(`.${candidate}`));
  return accessor ? compact.replace(`.${accessor}`, '') : written;
}

function chainRoot(written: string): string {
  return /^([A-Za-z_$][\w$]*)\s*\.\s*(?:use\s*\(|[A-Za-z_$][\w$]*\s*\(\s*['"`])/.exec(withoutComments(written))?.[1] ?? written;
}

/** The calls of an application or router that return it (Express, Koa routers, Polka, h3): `use`, the verbs and h3's `on(method, path, handler)`. */
const FLUENT_CALLS = new Set(['use', 'all', 'on', ...HTTP_METHODS]);

/**
 * The maker of an application whose calls are chained on the call that makes it: `polka` in
 * `polka().use(a).get('/', b)` (`H3` in `new H3().get('/', b)`) as a route's object is written, and in the callee a variable or
 * export made by such a chain records (`polka().use().get`).
 */
function chainMaker(writtenWithComments: string): string | undefined {
  const written = withoutComments(writtenWithComments);
  const chain = /^(?:new\s+)?([A-Za-z_$][\w$.]*?)\s*\(/.exec(written);
  if (!chain?.[1]) return undefined;
  const calls = normalizeCallee(written.slice(chain[0].length - 1)).split('.').slice(1);
  return calls.every((call) => FLUENT_CALLS.has(call.replace(/\(\)$/, ''))) ? chain[1] : undefined;
}

/**
 * The application a route is registered on when the chain it is in starts by making one
 * (`polka().get('/', home)`): the router variable or export the chain is the value of
 * (`module.exports = polka().get(...)`), or else one of its own, mounted nowhere.
 */
function madeInPlace(index: SymbolIndex, frameworks: Frameworks, routers: ReadonlyMap<string, Router>, path: string, line: number, written: string): Router | undefined {
  const maker = chainMaker(written);
  const framework = maker ? frameworkOf(index, frameworks, path, maker) : undefined;
  if (!framework) return undefined;
  const holder = [...index.definitionsIn(path)].find(({ symbol, definition }) => definition.kind === 'variable' && definition.range.start.line <= line && line <= definition.range.end.line && routers.has(symbol));
  return (holder && routers.get(holder.symbol)) ?? { symbol: `${path}:${maker}()@${line + 1}`, framework, ownPrefix: '' };
}

/**
 * A parameter of a function around the line whose type is a framework's application or router
 * (`function defineErrorHandling(expressApp: express.Application)`): the function's router when it
 * is one (a plugin, a function handed a router), else one of its own, mounted nowhere.
 */
function typedParameter(index: SymbolIndex, frameworks: Frameworks, routers: ReadonlyMap<string, Router>, path: string, line: number, written: string): Router | undefined {
  if (!frameworks.routerTypes.size || !/^[A-Za-z_$][\w$]*$/.test(written)) return undefined;
  for (const symbol of index.file(path)?.symbols ?? []) {
    if ((symbol.kind !== 'function' && symbol.kind !== 'method') || line < symbol.range.start.line || line > symbol.range.end.line) continue;
    const annotation = symbol.parameters?.find((parameter) => parameter.name === written)?.annotation;
    const target = annotation ? index.qualify(path, annotation.split('<')[0] ?? annotation) : undefined;
    const framework = target ? index.namesOf(target).map((name) => frameworks.routerTypes.get(name)).find((found) => found !== undefined) : undefined;
    if (framework) return routers.get(SymbolId.of(path, symbol.name)) ?? { symbol: SymbolId.of(path, symbol.name), framework, ownPrefix: '' };
  }
  return undefined;
}

/**
 * A router a function makes in a local (koa-router's docs: `const router = new Router({ prefix: '/users' })`
 * inside `createServer()`), which is no workspace symbol: one of its own, mounted nowhere, under the
 * prefix its maker is given.
 */
function localRouter(index: SymbolIndex, frameworks: Frameworks, path: string, line: number, written: string, ownRouters: ReadonlySet<string>): Router | undefined {
  if (!/^[A-Za-z_$][\w$]*$/.test(written)) return undefined;
  // Innermost first: a handler written in place is a function around the line too.
  for (const symbol of index.functionsAround(path, line)) {
    const local = symbol.locals?.find((candidate) => candidate.name === written);
    if (!local) continue;
    const framework = local.type ? (frameworkOf(index, frameworks, path, local.type) ?? ownFrameworkOf(index, frameworks, path, local.type, ownRouters)) : undefined;
    if (!framework) return undefined;
    const keyword = framework.prefixKeywords.find((key) => local.keywords?.[key] !== undefined);
    const ownPrefix = keyword ? constantString(index, path, local.keywords?.[keyword]) : undefined;
    return { symbol: SymbolId.of(path, `${symbol.name}.${written}`), framework, ownPrefix: ownPrefix ?? '' };
  }
  return undefined;
}

/**
 * The application whose router `written` is, as an attribute its framework names (BlackSheep's and
 * aiohttp's `app.router`): an application of the workspace, or one made in the function around the line.
 */
function heldRouter(index: SymbolIndex, frameworks: Frameworks, routers: ReadonlyMap<string, Router>, path: string, line: number, written: string, ownRouters: ReadonlySet<string>): Router | undefined {
  const dot = written.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const ownerWritten = written.slice(0, dot);
  const owner = index.resolve(path, ownerWritten);
  const application = (owner === undefined ? undefined : routers.get(owner)) ?? localRouter(index, frameworks, path, line, ownerWritten, ownRouters);
  return application?.framework.routerAttributes.has(written.slice(dot + 1)) ? application : undefined;
}

/**
 * `router.route('/x').get(a).post(b)`: every call of the chain starts where the chain does, so a
 * verb call takes its path and router from the `route(...)` hint that starts on the same line of
 * its file. A route whose chain start is not found keeps no path.
 */
function chainRoutes(findings: Finding[], chained: (finding: Finding) => finding is RouteFinding, hints: readonly Hint[], edits: FindingEdits): void {
  const starts = new Map<string, Hint>();
  for (const hint of hints) {
    if (hint.hint === 'route-chain') starts.set(`${SymbolId.parse(hint.symbol).path}:${hint.range.start.line + 1}`, hint);
  }
  if (!starts.size) return;
  for (let at = 0; at < findings.length; at++) {
    const finding = findings[at] as Finding;
    if (!chained(finding)) continue;
    const site = finding.details.registeredAt?.[0] ?? `${SymbolId.parse(finding.symbol).path}:${finding.range.start.line + 1}`;
    const { path, router } = starts.get(site)?.details ?? {};
    if (path === undefined && router === undefined) continue;
    const { details } = edits.own<RouteFinding>(findings, at);
    if (path !== undefined) details.path = path;
    if (router !== undefined) details.router = router;
  }
}

/** The HTTP methods a resource's responders may answer, and WebSocket. */
const RESPONDER_METHODS = [...HTTP_METHODS, 'trace', 'connect', 'websocket'];

/**
 * A route added with a resource object (Falcon's `app.add_route('/x', Things(), suffix='item')`):
 * the resource's class is found from a constructor call, a variable made by one, or a local of the
 * function that adds the route; each responder it defines or inherits (`on_get`, `on_get_item`)
 * answers its method.
 */
function responders(index: SymbolIndex, finding: RouteFinding, prefix: string | undefined): { method: string; handler: string }[] {
  if (!prefix) return [];
  const { path } = sourceOf(finding);
  const written = finding.details.resource ?? '';
  const local = index.functionsAround(path, finding.range.start.line)[0]?.locals?.find((candidate) => candidate.name === written)?.type;
  let resource = index.resolve(path, local ?? written);
  const made = resource ? index.definition(resource) : undefined;
  if (made?.kind === 'variable' && made.value) resource = index.resolve(SymbolId.parse(resource ?? '').path, made.value.callee);
  if (!resource || index.definition(resource)?.kind !== 'class') return [];
  const classes = [resource, ...index.ancestry(resource).classes];
  const suffix = finding.details.suffix ? `_${finding.details.suffix}` : '';
  return RESPONDER_METHODS.flatMap((method) => {
    const owner = classes.find((candidate) => index.definition(`${candidate}.${prefix}${method}${suffix}`));
    return owner ? [{ method: method === 'websocket' ? 'WS' : method.toUpperCase(), handler: `${owner}.${prefix}${method}${suffix}` }] : [];
  });
}

/** The method names of a `methods=[...]` list; anything else in it (broken code, a variable) is not one. */
function httpMethods(listed: readonly string[] | undefined): string[] {
  return (listed ?? []).map((entry) => entry.toUpperCase()).filter((method) => /^[A-Z]+$/.test(method));
}

/** The methods a route answers; none when it is registered by a method that is no HTTP verb and that its framework does not map to one. */
function methodsOf(finding: RouteFinding, framework: RouterFramework | undefined): string[] {
  const method = finding.details.method ?? '';
  const mapped = framework?.calls.verbs.get(method); // restify's `del`: DELETE
  if (mapped) return [mapped];
  if (method === 'websocket') return ['WS'];
  if (method === 'all' || method === '*') return ['ANY']; // Express's `app.all`, aiohttp's `add_route('*', ...)`: every method
  if (method) return ROUTE_VERBS.has(method.toLowerCase()) ? [method.toUpperCase()] : [];
  const listed = httpMethods(finding.details.methods);
  return listed.length ? listed : [...(framework?.defaultMethods ?? ['GET'])]; // what the framework's `route` answers when no methods are given: GET for Flask's `route` and FastAPI's `api_route`
}

/** The HTTP methods a route's detector may name as they are. */
const ROUTE_VERBS = new Set([...HTTP_METHODS, 'trace', 'connect']);

/**
 * The workspace classes whose methods are route decorators (a decorator finding on `App.route`,
 * `Microdot.get`): a framework's own application and router classes, in its own repository.
 */
function ownRouterClasses(findings: readonly Finding[]): Set<string> {
  const classes = new Set<string>();
  for (const finding of findings) {
    if (finding.category !== 'decorator') continue;
    const { path, name } = SymbolId.parse(finding.symbol);
    const dot = name.lastIndexOf('.');
    if (dot > 0 && ROUTE_DECORATOR_METHODS.has(name.slice(dot + 1))) classes.add(SymbolId.of(path, name.slice(0, dot)));
  }
  return classes;
}

/** The routers and applications one file makes. */
function routersIn(index: SymbolIndex, frameworks: Frameworks, path: string, ownRouters: ReadonlySet<string>): Router[] {
  const routers: Router[] = [];
  for (const { symbol, definition } of index.definitionsIn(path)) {
    if (definition.kind !== 'variable' || !definition.value) continue;
    const { args, keywords } = definition.value;
    const callee = chainMaker(definition.value.callee) ?? definition.value.callee;
    const copied = frameworkOf(index, frameworks, path, callee) ?? ownFrameworkOf(index, frameworks, path, callee, ownRouters) ?? copiedFrameworkOf(index, frameworks, path, callee);
    if (!copied) continue;
    const { framework, copy } = 'copy' in copied ? copied : { framework: copied, copy: undefined };
    const keyword = framework.prefixKeywords.find((key) => keywords[key] !== undefined);
    const named = framework.prefixFromName && !keyword ? constantString(index, path, args[0]) : undefined;
    const positional = framework.prefixArgument !== undefined && !keyword ? constantString(index, path, args[framework.prefixArgument]) : undefined;
    const ownPrefix = keyword ? constantString(index, path, keywords[keyword]) : named !== undefined ? `/${named}` : positional;
    // Made on another router: given it first (`Api(blueprint)`), or made by one of its methods (`api.namespace(...)`).
    const on = framework.servesUnderFirstArgument ? (args[0] ?? keywords['app']) : callee.includes('.') ? callee.slice(0, callee.lastIndexOf('.')) : undefined;
    const madeOn = on && /^[\w.]+$/.test(on) ? index.resolve(path, on) : undefined;
    const slashKeyword = framework.viewSets?.trailingSlashKeyword;
    const withoutTrailingSlash = slashKeyword !== undefined && keywords[slashKeyword] === 'False';
    routers.push({ symbol, framework, ownPrefix: ownPrefix ?? '', ...(madeOn ? { madeOn } : {}), ...(copy ? { copy } : {}), ...(withoutTrailingSlash ? { withoutTrailingSlash } : {}) });
  }
  return routers;
}

/**
 * The framework of an application made inside the function a route is registered in, which is no
 * workspace symbol (`function createServer() { const server = restify.createServer(); server.del(...) }`):
 * that of the first router maker the function calls before the line.
 */
function frameworkMadeAround(index: SymbolIndex, frameworks: Frameworks, path: string, line: number): RouterFramework | undefined {
  // Innermost first: a handler written in place is a function around the line too.
  for (const symbol of index.functionsAround(path, line)) {
    for (const call of symbol.calls ?? []) {
      const framework = call.line <= line ? frameworkOf(index, frameworks, path, call.callee) : undefined;
      if (framework) return framework;
    }
  }
  return undefined;
}

function frameworkOf(index: SymbolIndex, frameworks: Frameworks, path: string, maker: string): RouterFramework | undefined {
  const target = index.qualify(path, maker);
  if (!target) return undefined;
  const names = 'symbol' in target ? [...index.namesOf(target), ...index.ancestry(target.symbol).names] : index.namesOf(target);
  // A router subclass (`class UserAPIRouter(APIRouter)`) is found through its ancestry.
  return names.map((name) => frameworks.routerMakers.get(name)).find((framework) => framework !== undefined);
}

/** The framework of a workspace router class (or of a subclass of one), named after the top package of its module (`microdot.microdot.Microdot` → `microdot`). */
function ownFrameworkOf(index: SymbolIndex, frameworks: Frameworks, path: string, maker: string, ownRouters: ReadonlySet<string>): RouterFramework | undefined {
  if (!ownRouters.size) return undefined;
  const made = index.resolve(path, maker);
  const owner = made ? [made, ...index.ancestry(made).classes].find((symbol) => ownRouters.has(symbol)) : undefined;
  if (!owner) return undefined;
  // The shortest module name is the one from the deepest import root (`src/microdot/app.py` is `microdot.app`).
  const module = index
    .namesOf({ symbol: owner })
    .filter((name) => !name.includes(':'))
    .sort((a, b) => a.length - b.length)[0];
  const name = module?.split('.')[0] ?? SymbolId.parse(owner).path.split('/')[0] ?? '';
  return routerFramework(frameworks, name);
}

/**
 * A router class the workspace keeps as a copy of its framework's (vendored and patched, as services
 * do with an old Django REST framework): a class, or a base of it, named as one of the framework's
 * router makers below its top package (`core/routers.py:DefaultRouter` for
 * `rest_framework.routers.DefaultRouter`) that takes registrations (`register`), for the frameworks
 * whose routers take ViewSets. The framework's other names are then read under the copy's package.
 */
function copiedFrameworkOf(index: SymbolIndex, frameworks: Frameworks, path: string, maker: string): { framework: RouterFramework; copy: FrameworkCopy } | undefined {
  const made = index.resolve(path, maker);
  if (!made || index.definition(made)?.kind !== 'class') return undefined;
  const classes = [made, ...index.ancestry(made).classes];
  if (!classes.some((symbol) => index.definition(`${symbol}.register`))) return undefined;
  for (const name of classes.flatMap((symbol) => index.namesOf({ symbol }))) {
    for (const [makerName, framework] of frameworks.routerMakers) {
      const top = makerName.indexOf('.');
      const below = makerName.slice(top + 1);
      if (!framework.viewSets || !below.includes('.') || !name.endsWith(`.${below}`) || name.includes(':')) continue;
      return { framework, copy: { root: name.slice(0, -below.length - 1), package: makerName.slice(0, top) } };
    }
  }
  return undefined;
}

/**
 * A route whose decorator is a function of the framework (Litestar's `@get("/")`, hug's
 * `@hug.post()`): the callee, by its qualified names, is one of the frameworks' package verbs, which
 * gives the method; a decorator given no path routes the framework's unstated path. A decorator of
 * another function by the same name (`@cache.get()`) is no route.
 */
function decoratorFunctionRoutes(index: SymbolIndex, frameworks: Frameworks, finding: RouteFinding, notRoutes: Set<Finding>): Route[] {
  const source = sourceOf(finding);
  const callee = String(finding.details['callee'] ?? '');
  const verb = index.qualifiedNames(source.path, callee).map((name) => frameworks.packageVerbs.get(name)).find((found) => found !== undefined);
  // `*`: the decorator is given its methods, comma-separated (Nameko's `@http("GET,PUT", "/items")`).
  const methods = verb?.method === '*' ? [finding.details.methods ?? []].flat().flatMap((written) => written.split(',')).map((method) => method.trim().toUpperCase()).filter((method) => ROUTE_VERBS.has(method.toLowerCase())) : verb ? [verb.method] : [];
  if (!verb || !methods.length) {
    notRoutes.add(finding);
    return [];
  }
  const stated = pathsOf(finding).filter((written): written is string => written !== undefined);
  const unstated = verb.framework.unstatedPath === 'function-name' ? `/${SymbolId.parse(finding.symbol).name.split('.').pop() ?? ''}` : '/';
  const paths = stated.length ? stated.map((written) => statedString(index, source.path, written)) : [unstated];
  const prefix = controllerPrefix(index, verb.framework.controllerPath, finding.symbol);
  return paths.flatMap((path) => {
    const joined = normalizeRoutePath(joinRoutePaths(prefix, path));
    return methods.map((method) => ({ method, path: servedPath(joined, verb.framework.dropsTrailingSlash), handler: finding.symbol, framework: verb.framework.name, source }));
  });
}

/** The path of the controller class a handler is a method of (Litestar's `class Users(Controller): path = "/users"`), its own or a workspace base's; '' for a function. */
function controllerPrefix(index: SymbolIndex, controllers: ControllerPathDocument | undefined, handler: string): string {
  const { path, name } = SymbolId.parse(handler);
  const owner = name.includes('.') ? SymbolId.of(path, name.slice(0, name.lastIndexOf('.'))) : undefined;
  if (!controllers || !owner || index.definition(owner)?.kind !== 'class') return '';
  const ancestry = index.ancestry(owner);
  if (!ancestry.names.some((base) => controllers.bases.includes(base))) return '';
  for (const symbol of [owner, ...ancestry.classes]) {
    const attribute = index.definition(symbol)?.attributes?.find((candidate) => candidate.name === controllers.attribute);
    if (attribute?.literal !== undefined) return attribute.literal;
  }
  return '';
}

/** A framework named by a detector (`plugin: fastify`); one the framework files do not describe routes like any other. */
function routerFramework(frameworks: Frameworks, name: string): RouterFramework {
  return frameworks.routerFrameworks.get(name) ?? bareFramework(name);
}

/** A framework no framework file describes: its routers route like any other. */
function bareFramework(name: string): RouterFramework {
  return {
    name,
    mountReplacesOwnPrefix: false,
    dropsTrailingSlash: false,
    defaultMethods: ['GET'],
    viewSets: undefined,
    servesUnderFirstArgument: false,
    prefixKeywords: DEFAULT_PREFIX_KEYWORDS,
    prefixFromName: false,
    unstatedPath: 'root',
    optionsBeforeHandler: false,
    routerAttributes: new Set(),
    routeArguments: 'middleware-then-handler',
    calls: NO_ROUTER_CALLS,
  };
}

/** Every full prefix a router's routes are reachable under, from each root down; bounded and cycle-safe. */
function routerPrefixes(router: string, routers: ReadonlyMap<string, Router>, includesOf: ReadonlyMap<string, readonly Include[]>): string[] {
  const results: string[] = [];
  const pending: { symbol: string; suffix: string; depth: number; seen: ReadonlySet<string> }[] = [{ symbol: router, suffix: '', depth: 0, seen: new Set([router]) }];
  for (let item = pending.pop(); item && results.length < MAX_PREFIXES_PER_ROUTER; item = pending.pop()) {
    const current = routers.get(item.symbol);
    const parents = (includesOf.get(item.symbol) ?? []).filter((include) => !item.seen.has(include.parent));
    if (!parents.length || item.depth >= MAX_ROUTER_DEPTH) {
      results.push(joinRoutePaths(current?.ownPrefix ?? '', item.suffix));
      continue;
    }
    for (const include of parents) {
      const own = include.prefix && current?.framework.mountReplacesOwnPrefix ? '' : (current?.ownPrefix ?? '');
      pending.push({
        symbol: include.parent,
        suffix: joinRoutePaths(joinRoutePaths(include.prefix, own), item.suffix),
        depth: item.depth + 1,
        seen: new Set([...item.seen, include.parent]),
      });
    }
  }
  return results;
}

/**
 * What a route-level middleware names is a function: a workspace function, a value made by a call
 * (`const authLimiter = rateLimit({...})`), or a name imported from a package (`celebrate`); not
 * a local, an object or a literal.
 */
function isFunctionValue(index: SymbolIndex, finding: MiddlewareFinding): boolean {
  const anonymous = SymbolId.isAnonymousName(SymbolId.parse(finding.symbol).name);
  // A function written in place: nothing made it (no `middleware` written).
  if (anonymous && finding.details.middleware === undefined) return true;
  // Named after its definition when the workspace has one; else left at the call site (an inline handler there has the same name).
  const definition = anonymous ? undefined : index.definition(finding.symbol);
  if (definition) return definition.kind === 'function' || definition.kind === 'method' || (definition.kind === 'variable' && definition.value !== undefined);
  const { reference } = finding.details;
  const written = finding.details.middleware ?? '';
  // Left at the call site: a name from outside the workspace, which an import qualifies (`celebrate.celebrate`), or an unbound local (`payload`).
  return reference !== undefined && reference !== written && reference !== written.split('.')[0];
}

/** A handler given by name (`authController.register`) names a function: a workspace function or method, a value made by a call, or an import from a package. */
function namesAFunction(index: SymbolIndex, path: string, written: string | undefined): boolean {
  if (typeof written !== 'string') return true; // written in place
  const target = index.qualify(path, written);
  if (!target) return false;
  if ('external' in target) return target.external !== written && target.external !== written.split('.')[0];
  const definition = index.definition(target.symbol);
  return definition?.kind === 'function' || definition?.kind === 'method' || (definition?.kind === 'variable' && definition.value !== undefined);
}

/** A resource registered on a router (`api.add_resource(Users, '/users')`, `@ns.route('/users')` on the class): its handlers. */
function resourceHandlers(index: SymbolIndex, path: string, written: string | undefined): { method: string; handler: string }[] {
  const resource = typeof written === 'string' ? index.resolve(path, written) : undefined;
  return resource && index.definition(resource)?.kind === 'class' ? classHandlers(index, resource) : [];
}

/** Starlette `Route("/path", endpoint, methods=[...])` objects, under the `Mount` prefixes written around them. */
function starletteRoutes(index: SymbolIndex, findings: readonly RouteFinding[], mounts: readonly Hint[]): Route[] {
  const routes: Route[] = [];
  for (const finding of findings) {
    const { path } = SymbolId.parse(finding.symbol);
    const prefix = mounts
      .filter((mount) => SymbolId.parse(mount.symbol).path === path && contains(mount, finding))
      .sort((a, b) => (contains(a, b) ? -1 : 1))
      .reduce((joined, mount) => joinRoutePaths(joined, mount.details.prefix ?? ''), '');
    const handler = index.resolve(path, finding.details.view ?? '') ?? SymbolId.anonymous(path, finding.range.start.line);
    const callee = finding.details.callee ?? '';
    const listed = httpMethods(finding.details.methods);
    const methods = /WebSocket/.test(callee) ? ['WS'] : listed.length ? listed : ['GET'];
    const framework = finding.details.framework ?? '';
    for (const method of methods) routes.push({ method, path: normalizeRoutePath(joinRoutePaths(prefix, statedString(index, path, pathsOf(finding)[0]))), handler, framework, source: sourceOf(finding) });
  }
  return routes;
}

/**
 * Paths given a request-handler class in a routing table (Tornado's `(r"/entry/([^/]+)", EntryHandler)`):
 * a class deriving from one of the framework's handler bases answers each HTTP method it, or a
 * workspace base of its own, defines; a WebSocket handler answers a WebSocket itself. The path is
 * a regex whose groups the framework passes to that method, each named after the parameter it
 * fills, or a template when the framework says so (aiohttp's `/users/{id}`). A pair of a string and
 * any other name has the same shape and is no route.
 */
function handlerClassRoutes(index: SymbolIndex, frameworks: Frameworks, findings: readonly RouteFinding[], prefixesOf: (finding: RouteFinding) => string[], notRoutes: Set<Finding>, skipped: Skipped[]): Route[] {
  const routes: Route[] = [];
  for (const finding of findings) {
    const framework = finding.details.framework ?? '';
    const described = frameworks.routerFrameworks.get(framework)?.handlerClasses;
    const { path } = sourceOf(finding);
    const handler = described ? index.resolve(path, finding.details.resource ?? '') : undefined;
    const frameworkBases = [...(described?.bases ?? []), ...(described?.webSocketBases ?? [])];
    if (!handler || !index.derivesFromAny(handler, frameworkBases)) {
      notRoutes.add(finding);
      continue;
    }
    const written = statedString(index, path, pathsOf(finding)[0]);
    const compiled = described?.templatePaths ? undefined : compileRegex(written);
    if (compiled && 'unsupported' in compiled) {
      skipped.push({ path, reason: `URL pattern \`${written}\` (line ${finding.range.start.line + 1}) not read: ${compiled.unsupported}` });
      continue;
    }
    const classes = index.applicationLineage(handler, frameworkBases);
    const webSocket = index.derivesFromAny(handler, described?.webSocketBases ?? []);
    const answers = webSocket
      ? [{ method: 'WS', handler, receiver: described?.webSocketOpen }]
      : HTTP_METHODS.flatMap((method) => {
          const owner = classes.find((symbol) => index.definition(`${symbol}.${method}`));
          return owner ? [{ method: method.toUpperCase(), handler: `${owner}.${method}`, receiver: method }] : [];
        });
    // A class registered on a router (aiohttp's `@routes.view`, `app.router.add_view`) serves under its prefixes.
    const routerPrefixes = finding.details.router === undefined ? [''] : prefixesOf(finding);
    for (const { method, handler: answeredBy, receiver } of answers) {
      const owner = receiver ? classes.find((symbol) => index.definition(`${symbol}.${receiver}`)) : undefined;
      const names = (owner ? index.definition(`${owner}.${receiver}`)?.parameters ?? [] : []).slice(1).filter((parameter) => !parameter.splat).map((parameter) => parameter.name);
      const stated = described?.templatePaths ? written : regexAsTemplate(written, names);
      for (const prefix of routerPrefixes) routes.push({ method, path: normalizeRoutePath(joinRoutePaths(prefix, stated)), handler: answeredBy, framework, source: sourceOf(finding) });
    }
  }
  return routes;
}

/** The prefix a mount hint states: written in place, or kept in a constant (`prefixName`). */
function mountPrefix(index: SymbolIndex, hint: Hint): string | undefined {
  const { path } = SymbolId.parse(hint.symbol);
  return hint.details.prefix !== undefined ? statedString(index, path, hint.details.prefix) : constantStringIn(index, hint.symbol, hint.details.prefixName);
}

/** The router a mount names: a router, one a factory makes (`routes()`), or a Koa router by its middleware (`forums.routes()`). */
function mountedRouter(index: SymbolIndex, routers: ReadonlyMap<string, Router>, writtenIn: string, written: string): string | undefined {
  // A factory's call stands for the router it makes, whatever it is given (`routes()`, `construct_blueprint(datastore)`).
  const named = index.resolve(writtenIn, /^[\w$.]+\([^()]*\)$/.test(written) ? written.slice(0, written.indexOf('(')) : written);
  if (named && routers.has(named)) return named;
  const routesOf = /^(.+)\.routes\(\)$/.exec(written)?.[1];
  return (routesOf !== undefined ? index.resolve(writtenIn, routesOf) : undefined) ?? named;
}

/**
 * What one mount hint mounts: its router and prefix, or, for a mount made for each entry of a list
 * (`routes.forEach((r) => router.use(r.path, r.route))`), each entry's.
 */
function mountsOf(index: SymbolIndex, hint: Hint): { child: string; writtenIn: string; prefix: string | undefined }[] {
  const { path } = SymbolId.parse(hint.symbol);
  const { list } = hint.details;
  if (list === undefined) {
    const prefix = mountPrefix(index, hint);
    const { each } = hint.details;
    // `for blueprint in blueprints: app.register_blueprint(blueprint, ...)`: each entry of the list.
    if (each !== undefined) return listEntries(index, path, hint.symbol, each).map((entry) => ({ ...entry, prefix }));
    // A list written in place (Sanic's `app.blueprint([users, orders])`) mounts each of its names.
    const child: unknown = hint.details.child;
    const children = Array.isArray(child) ? child.filter((entry): entry is string => typeof entry === 'string') : [typeof child === 'string' ? child : ''];
    return children.map((entry) => ({ child: entry, writtenIn: path, prefix }));
  }
  const listSymbol = index.resolve(path, list);
  if (!listSymbol) return [];
  const writtenIn = SymbolId.parse(listSymbol).path;
  const { prefixKey = '', childKey = '' } = hint.details;
  const entries = index.definition(listSymbol)?.shape;
  return (entries?.kind === 'list' ? entries.items : []).flatMap((entry) => {
    const child = entry.kind === 'object' ? entry.properties[childKey] : undefined;
    const prefix = entry.kind === 'object' ? entry.properties[prefixKey] : undefined;
    if (child?.kind !== 'name') return [];
    return [{ child: child.value, writtenIn, prefix: prefix?.kind === 'string' ? prefix.value : prefix?.kind === 'name' ? constantString(index, writtenIn, prefix.value) : undefined }];
  });
}

/**
 * The names a list of routers holds, with the file they are written in: a module's list or tuple
 * (`BLUEPRINTS = (users_bp, ...)`), or, for a parameter of the function the loop is in, the lists
 * its callers give it (`configure_blueprints(app, blueprints)` in `create_app(blueprints=BLUEPRINTS)`),
 * followed through a few calls.
 */
function listEntries(index: SymbolIndex, path: string, scope: string, name: string, depth = 0): { child: string; writtenIn: string }[] {
  if (depth > MAX_HANDED_ON_DEPTH) return [];
  const symbol = index.resolve(path, name);
  const shape = symbol ? index.definition(symbol)?.shape : undefined;
  if (symbol && shape?.kind === 'list') {
    const writtenIn = index.pathOf(symbol);
    return shape.items.flatMap((item) => (item.kind === 'name' ? [{ child: item.value, writtenIn }] : []));
  }
  const definition = index.definition(scope);
  const position = definition?.kind === 'function' ? (definition.parameters ?? []).findIndex((parameter) => parameter.name === name) : -1;
  if (position < 0) return [];
  const called = SymbolId.parse(scope).name;
  const entries: { child: string; writtenIn: string }[] = [];
  for (const file of index.files()) {
    if (file.language !== 'python') continue;
    for (const caller of file.symbols) {
      for (const call of caller.calls ?? []) {
        if (!call.arguments || !(call.callee === called || call.callee.endsWith(`.${called}`)) || index.resolve(file.path, call.callee) !== scope) continue;
        const positional = call.arguments[position];
        const given = call.arguments.find((argument) => argument.startsWith(`${name}=`))?.slice(name.length + 1) ?? (positional && !positional.includes('=') ? positional : undefined);
        if (given) entries.push(...listEntries(index, file.path, SymbolId.of(file.path, caller.name), given, depth + 1));
      }
    }
  }
  return entries;
}

/** Calls a list of routers is handed on through before the loop that registers them. */
const MAX_HANDED_ON_DEPTH = 4;

/**
 * The router a name written in a function stands for: a router variable, the router the function
 * makes (its local), or, in a function given a router, its parameter.
 */
function routerNamed(index: SymbolIndex, frameworks: Frameworks, routers: ReadonlyMap<string, Router>, scope: string, name: string): Router | undefined {
  const { path } = SymbolId.parse(scope);
  const variable = index.resolve(path, name);
  if (variable && routers.has(variable)) return routers.get(variable);
  const own = routers.get(scope);
  if (own?.local === name) return own;
  const definition = index.definition(scope);
  return definition?.kind === 'function' && definition.parameters?.[0]?.name === name ? (own ?? { symbol: scope, framework: routerFramework(frameworks, ''), ownPrefix: '' }) : undefined;
}

/**
 * The plugin a route is registered in: the innermost function around the registration that is a
 * registered plugin and whose first parameter is the object the route is registered on
 * (`async function routes(fastify) { fastify.get(...) }`), or that makes the router it returns.
 */
function pluginOf(index: SymbolIndex, routers: ReadonlyMap<string, Router>, routerFiles: ReadonlySet<string>, site: { path: string; line: number }, written: string): Router | undefined {
  // Most route-shaped calls (`@mock.patch(...)` in tests) are in files that define no router: their functions need no look.
  if (!routerFiles.has(site.path)) return undefined;
  let found: { router: Router; size: number } | undefined;
  for (const symbol of index.file(site.path)?.symbols ?? []) {
    const { start, end } = symbol.range;
    if (symbol.kind !== 'function' || site.line < start.line || site.line > end.line) continue;
    const router = routers.get(SymbolId.of(site.path, symbol.name));
    if (symbol.parameters?.[0]?.name !== written && router?.local !== written) continue;
    if (router && (!found || end.line - start.line < found.size)) found = { router, size: end.line - start.line };
  }
  return found?.router;
}

function dedupe(routes: readonly Route[]): Route[] {
  const seen = new Set<string>();
  return routes.filter((route) => {
    const key = `${route.method} ${route.path} ${route.handler}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
