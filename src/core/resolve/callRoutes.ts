import { listIn } from '../lists';
import { Turns } from '../nextTurn';
import type { CallSite, FileFacts, Local, SymbolDefinition } from '../parse/facts';
import type { Frameworks, RouterFramework } from '../frameworks/frameworks';
import { type Finding, type InterfaceImplementations, type MiddlewareDetails, type Route, SymbolId } from '../result';
import { constantText, statedText } from './constants';
import { joinRoutePaths, MAX_PREFIXES_PER_ROUTER, MAX_ROUTER_DEPTH, normalizeRoutePath, servedPath } from './routePaths';
import type { SymbolIndex } from './symbolIndex';

/** A router value: made by a maker, a parameter or local of a router type, a group of another, a closure's router, a package's default router. */
interface RouterNode {
  id: string;
  /** The framework, when the node says it (a maker, a parameter's type); else its parent's. */
  framework?: string;
}

/** A router under another, with the prefix between them. */
interface RouterEdge {
  child: string;
  parent: string;
  prefix: string;
}

interface Registration {
  router: string;
  methods: string[];
  path: string;
  handler: string;
  site: { path: string; line: number };
}

/**
 * Middleware installed by a call: on a router or group (`r.Use(auth)`, `r.Group("/v1", auth)`,
 * Spark's `before(...)`), or before one route's handler (`r.GET("/x", auth, h)`). `middleware` is
 * the workspace function that is it or makes it (`middleware.Recovery(...)` → `Recovery`), or else
 * the outside name it goes by (`reference`).
 */
interface Installed {
  router: string;
  middleware?: string;
  reference?: string;
  /** Its place among the middleware the same function installs on the same router, from 1. */
  order: number;
  site: { path: string; line: number };
  /** The route it runs before, when it is installed for one route only. */
  route?: string;
}

/** What one file's functions do with routers. */
interface FileRouters {
  nodes: RouterNode[];
  edges: RouterEdge[];
  registrations: Registration[];
  /** `r.Mount("/x", NewUserRouter())`: the router a function makes, under a prefix of another. */
  mounts: { parent: string; prefix: string; maker: string }[];
  installed: Installed[];
  /** `createHandler(apiRouter)`: a router handed to a function this function was given (`param:F:1`), at an argument's position. */
  invocations: { parameter: string; position: number; router: string }[];
  /** `run(func(r chi.Router) {...})`: a function (or a parameter passing one on) given where a function is expected. */
  functionArguments: { parameter: string; given: string }[];
}

/**
 * Routes and middleware registered by calls on router values, as the framework files describe
 * their methods: Go's routers (gin, echo, chi, gorilla/mux, fiber, net/http) and Java's (Spark's
 * static `get("/x", (req, res) -> ...)` and services). Routers are followed through local
 * variables and their stated types, groups (`v1 := r.Group("/v1")`, chained in place:
 * `r.Group("/v1").GET(...)`), sub-routers in place (`r.Route("/x", func(r chi.Router) {...})`,
 * Spark's `path("/x", () -> {...})`), routers handed to functions and methods
 * (`registerOrders(v1.Group("/orders"))`), and routers a function makes and another mounts
 * (`r.Mount("/orders", h.Routes())`). Handlers are functions, methods of a handler value (`h.get`,
 * through the receiver's or a variable's type, `Books::create`), closures and lambdas. Middleware is
 * what `Use(...)` and its kin install, in order, what a group is made with, and what comes between
 * a route's path and its handler.
 */
export async function callRoutes(index: SymbolIndex, frameworks: Frameworks, interfaces: readonly InterfaceImplementations[] = [], turns = new Turns()): Promise<{ routes: Route[]; findings: Finding[] }> {
  const routes: Route[] = [];
  const findings: Finding[] = [];
  if (!frameworks.routerTypes.size && !frameworks.packageVerbs.size) return { routes, findings };
  const nodes = new Map<string, RouterNode>();
  const parents = new Map<string, RouterEdge[]>();
  const registrations: Registration[] = [];
  const mounts: FileRouters['mounts'] = [];
  const installed: Installed[] = [];
  const invocations: FileRouters['invocations'] = [];
  const functionArguments = new Map<string, string[]>();
  const routersOf = (file: FileFacts) => (file.language === 'go' || file.language === 'java' ? routersIn(index, frameworks, file.path) : NO_ROUTERS);
  await index.eachPart('call-routers', turns, routersOf, (part) => {
    for (const node of part.nodes) if (!nodes.get(node.id)?.framework) nodes.set(node.id, node);
    for (const edge of part.edges) listIn(parents, edge.child).push(edge);
    registrations.push(...part.registrations);
    mounts.push(...part.mounts);
    installed.push(...part.installed);
    invocations.push(...part.invocations);
    for (const { parameter, given } of part.functionArguments) listIn(functionArguments, parameter).push(given);
  }, '', undefined, (part) => part === NO_ROUTERS);
  // A function handed on and called with a router: its parameter at that position is that router.
  for (const { parameter, position, router } of invocations) {
    for (const given of functionsGiven(parameter, functionArguments)) {
      const offset = index.definition(given)?.kind === 'method' ? 1 : 0;
      listIn(parents, `param:${given}:${position + offset}`).push({ child: `param:${given}:${position + offset}`, parent: router, prefix: '' });
    }
  }
  // A function that makes one router returns it: mounted, that router is under the mount's prefix.
  for (const mount of mounts) {
    const made = [...nodes.keys()].filter((id) => id.startsWith(`root:${mount.maker}:`));
    if (made.length === 1 && made[0]) listIn(parents, made[0]).push({ child: made[0], parent: mount.parent, prefix: mount.prefix });
  }
  const frameworkOf = (id: string, seen = new Set<string>()): string | undefined => {
    const own = nodes.get(id)?.framework;
    if (own || seen.has(id)) return own;
    seen.add(id);
    for (const edge of parents.get(id) ?? []) {
      const inherited = frameworkOf(edge.parent, seen);
      if (inherited) return inherited;
    }
    return undefined;
  };
  const prefixes = new Map<string, string[]>();
  const implementations = new Map(interfaces.map(({ base, implementations: found }) => [base, found]));
  for (const registered of registrations) {
    const registration = { ...registered, handler: delegatedTo(index, implementations, registered.handler) ?? registered.handler };
    let known = prefixes.get(registration.router);
    if (!known) prefixes.set(registration.router, (known = prefixesOf(registration.router, parents)));
    const framework = frameworkOf(registration.router) ?? '';
    const drops = frameworks.routerFrameworks.get(framework)?.dropsTrailingSlash ?? false;
    for (const prefix of known) {
      const joined = normalizeRoutePath(joinRoutePaths(prefix, registration.path));
      const path = servedPath(joined, drops);
      for (const method of registration.methods) routes.push({ method, path, handler: registration.handler, framework, source: registration.site });
    }
    const definition = index.definition(registration.handler);
    findings.push({ category: 'route', symbol: registration.handler, range: definition?.range ?? lineRange(registration.site.line), layer: '', details: { rule: 'call-route', framework, method: registration.methods.join(','), path: registration.path } });
  }
  for (const install of installed) {
    const definition = install.middleware ? index.definition(install.middleware) : undefined;
    const symbol = install.middleware ?? SymbolId.anonymous(install.site.path, install.site.line);
    const details: MiddlewareDetails = { rule: 'call-middleware', framework: frameworkOf(install.router) ?? '', order: install.order, registeredAt: [`${install.site.path}:${install.site.line + 1}`] };
    if (install.reference) details.reference = install.reference;
    if (install.route) details.route = install.route;
    findings.push({ category: 'middleware', symbol, range: definition?.range ?? lineRange(install.site.line), layer: '', details });
  }
  return { routes, findings };
}

/**
 * The method a handler hands the request to when it only adapts it: a method that calls the method
 * of the same name on a field of its receiver whose type is an interface the workspace implements
 * once, and which takes what the handler takes (oapi-codegen's `ServerInterfaceWrapper.FindPets`
 * parses the parameters and calls `siw.Handler.FindPets(w, r, params)`, the `ServerInterface` the
 * user's server implements). A handler that asks its store for the same name
 * (`a.DB.GetUsers()`) does the work itself and hands the store no request.
 */
function delegatedTo(index: SymbolIndex, implementations: ReadonlyMap<string, readonly string[]>, handler: string): string | undefined {
  const definition = index.definition(handler);
  const receiver = definition?.kind === 'method' ? definition.parameters?.[0]?.name : undefined;
  if (!definition || !receiver || !implementations.size) return undefined;
  const { path, name } = SymbolId.parse(handler);
  const dot = name.lastIndexOf('.');
  const method = name.slice(dot + 1);
  const owner = index.definition(SymbolId.of(path, name.slice(0, dot)));
  const forwarding = new RegExp(`^${receiver}\\.(\\w+)\\.${method}$`);
  for (const call of definition.calls ?? []) {
    const field = forwarding.exec(call.callee)?.[1];
    const type = field ? owner?.attributes?.find((attribute) => attribute.name === field)?.type : undefined;
    const base = type ? index.resolve(path, type.replace(/^\*/, '')) : undefined;
    const declared = base ? index.method(base, method) : undefined;
    const parameters = declared ? parameterTypes(declared, index) : undefined;
    if (!base || parameters === undefined) continue;
    const handed = parameters.split(',');
    if (!(parameterTypes(handler, index) ?? '').split(',').every((type) => type === '' || handed.includes(type))) continue;
    // Its implementations whose method takes what the interface's does (a generated client has methods of the same names).
    const answering = (implementations.get(base) ?? []).flatMap((implementation) => {
      const found = implementation === SymbolId.of(path, name.slice(0, dot)) ? undefined : index.method(implementation, method);
      return found && parameterTypes(found, index) === parameters ? [found] : [];
    });
    if (answering.length === 1) return answering[0];
  }
  return undefined;
}

/** A method's parameter types after its receiver, without their packages (`ResponseWriter,Request,Params`): the same written in either package. */
function parameterTypes(method: string, index: SymbolIndex): string | undefined {
  const parameters = index.definition(method)?.parameters;
  return parameters?.slice(1).map((parameter) => (parameter.annotation ?? '').slice((parameter.annotation ?? '').lastIndexOf('.') + 1)).join(',');
}

function lineRange(line: number): Finding['range'] {
  return { start: { line, character: 0 }, end: { line, character: 0 } };
}

/** The functions a parameter of a function type is given, through the parameters that hand it on; bounded and cycle-safe. */
function functionsGiven(parameter: string, functionArguments: ReadonlyMap<string, readonly string[]>): string[] {
  const found: string[] = [];
  const seen = new Set([parameter]);
  const pending = [parameter];
  for (let current = pending.pop(); current !== undefined && seen.size <= MAX_ROUTER_DEPTH * 4; current = pending.pop()) {
    for (const given of functionArguments.get(current) ?? []) {
      if (seen.has(given)) continue;
      seen.add(given);
      if (given.startsWith('param:')) pending.push(given);
      else found.push(given);
    }
  }
  return found;
}

/**
 * Every full prefix a router is reachable under, from each root down; bounded and cycle-safe. A way
 * up that ends at a parameter no call gives a router (`HandlerFromMuxWithBaseURL(si, r, url)`, never
 * called) says nothing of a prefix when another way reaches a router the code makes.
 */
function prefixesOf(router: string, parents: ReadonlyMap<string, readonly RouterEdge[]>): string[] {
  const results: { prefix: string; unbound: boolean }[] = [];
  const pending = [{ id: router, suffix: '', depth: 0, seen: new Set([router]) }];
  for (let item = pending.pop(); item && results.length < MAX_PREFIXES_PER_ROUTER; item = pending.pop()) {
    const edges = (parents.get(item.id) ?? []).filter((edge) => !item.seen.has(edge.parent));
    if (!edges.length || item.depth >= MAX_ROUTER_DEPTH) {
      results.push({ prefix: item.suffix, unbound: !edges.length && item.id !== router && item.id.startsWith('param:') });
      continue;
    }
    for (const edge of edges) pending.push({ id: edge.parent, suffix: joinRoutePaths(edge.prefix, item.suffix), depth: item.depth + 1, seen: new Set([...item.seen, edge.parent]) });
  }
  const bound = results.filter((result) => !result.unbound);
  return [...new Set((bound.length ? bound : results).map((result) => result.prefix))];
}

/** What one file's functions do with routers (a part: it reads its own file and what its names stand for). */
function routersIn(index: SymbolIndex, frameworks: Frameworks, path: string): FileRouters {
  const part: FileRouters = { nodes: [], edges: [], registrations: [], mounts: [], installed: [], invocations: [], functionArguments: [] };
  const goTest = path.endsWith('_test.go');
  for (const { symbol, definition } of index.definitionsIn(path)) {
    if (definition.kind !== 'function' && definition.kind !== 'method') continue;
    // Go's test files are built for `go test` only; their testable examples (`func ExampleRouter()`) are documentation.
    if (goTest && !isGoExample(path, symbol, definition, index)) continue;
    new FunctionRouters(index, frameworks, path, symbol, definition, part).read();
  }
  const found = part.nodes.length || part.registrations.length || part.edges.length || part.mounts.length || part.installed.length || part.invocations.length || part.functionArguments.length;
  return found ? part : NO_ROUTERS;
}

const NO_ROUTERS: FileRouters = Object.freeze({ nodes: [], edges: [], registrations: [], mounts: [], installed: [], invocations: [], functionArguments: [] });

/** A Go testable example (`func ExampleX()`), or a closure inside one. */
function isGoExample(path: string, symbol: string, definition: SymbolDefinition, index: SymbolIndex): boolean {
  const { name } = SymbolId.parse(symbol);
  if (name.startsWith('Example')) return true;
  if (!SymbolId.isAnonymousName(name)) return false;
  const { start } = definition.range;
  for (const { symbol: other, definition: around } of index.definitionsIn(path)) {
    const otherName = SymbolId.parse(other).name;
    if (otherName.startsWith('Example') && around.range.start.line <= start.line && around.range.end.line >= start.line) return true;
  }
  return false;
}

/** The routers of one function: its router parameters and variables, and what its calls do with them. */
class FunctionRouters {
  private readonly variables = new Map<string, string>();
  /** How many middleware this function has installed on each router (and before each route) so far. */
  private readonly installedOn = new Map<string, number>();

  constructor(
    private readonly index: SymbolIndex,
    private readonly frameworks: Frameworks,
    private readonly path: string,
    private readonly symbol: string,
    private readonly definition: SymbolDefinition,
    private readonly part: FileRouters,
  ) {}

  read(): void {
    (this.definition.parameters ?? []).forEach((parameter, position) => {
      const framework = parameter.annotation ? this.routerTypeOf(parameter.annotation) ?? this.routerInterfaceOf(parameter.annotation) : undefined;
      // A closure given to `r.Route(...)` gets its router from the call; its parameter is a router whatever its type says.
      const closure = SymbolId.isAnonymousName(SymbolId.parse(this.symbol).name) && position === 0 && parameter.annotation !== undefined && framework !== undefined;
      if (!framework && !closure) return;
      const id = `param:${this.symbol}:${position}`;
      this.part.nodes.push({ id, ...(framework ? { framework: framework.name } : {}) });
      this.variables.set(parameter.name, id);
    });
    const calls = this.definition.calls ?? [];
    // A local stands for what it was last given before a call: Go blocks may each declare `g := e.Group(...)` anew.
    const locals = [...(this.definition.locals ?? [])].sort((a, b) => (a.line ?? -1) - (b.line ?? -1));
    let bound = 0;
    const bindUpTo = (line: number) => {
      for (; bound < locals.length && (locals[bound]?.line ?? -1) <= line; bound++) this.bind(locals[bound] as Local, calls);
    };
    for (const call of calls) {
      bindUpTo(call.line);
      this.readCall(call, calls);
    }
    bindUpTo(Infinity);
  }

  /** A local made a router: by its value (`g := e.Group("/v1")`), or its stated type (`Service http = ignite();`, `var r chi.Router`). */
  private bind(local: Local, calls: readonly CallSite[]): void {
    const router = local.value ? this.evaluate(local.value, local.name, callWriting(local.value, calls)) : undefined;
    if (router) {
      this.variables.set(local.name, router);
      return;
    }
    const framework = local.type ? this.routerTypeOf(local.type) : undefined;
    if (!framework) {
      // A name declared again as something else no longer stands for the router it stood for.
      this.variables.delete(local.name);
      return;
    }
    const id = `local:${this.symbol}:${local.name}`;
    this.part.nodes.push({ id, framework: framework.name });
    this.variables.set(local.name, id);
  }

  /** The router a type names (`*gin.RouterGroup`, `chi.Router`, `spark.Service`), if it is one. */
  private routerTypeOf(written: string, where = this.path): RouterFramework | undefined {
    for (const name of this.index.qualifiedNames(where, written)) {
      const framework = this.frameworks.routerTypes.get(name);
      if (framework) return framework;
    }
    return undefined;
  }

  /**
   * The framework of a workspace interface a router satisfies: Go code that takes only the part of a
   * router it uses (`interface { GET(path string, h echo.HandlerFunc, m ...echo.MiddlewareFunc) echo.RouteInfo }`,
   * Go's "accept interfaces") declares a verb of the framework with the framework's own types.
   */
  private routerInterfaceOf(written: string): RouterFramework | undefined {
    const target = this.index.resolve(this.path, written.replace(/^\*/, ''));
    if (!target || this.index.definition(target)?.keywords?.['interface'] !== 'true') return undefined;
    const where = SymbolId.parse(target).path;
    for (const [type, framework] of this.frameworks.routerTypes) {
      const framePackage = type.slice(0, type.lastIndexOf('.') + 1);
      for (const verb of framework.calls.verbs.keys()) {
        const declared = this.index.definition(`${target}.${verb}`)?.parameters ?? [];
        const typed = declared.some(({ annotation }) => annotation && this.index.qualifiedNames(where, annotation.replace(/^[.*]+/, '')).some((name) => name.startsWith(framePackage)));
        if (typed) return framework;
      }
    }
    return undefined;
  }

  /**
   * The router an expression stands for: a variable, a maker's call (`chi.NewRouter()`), a field of
   * a router type, then groups and pass-throughs chained on it (`r.Group("/v1")`, `r.With(auth)`),
   * the middleware a group is made with installed on it. `site` is the call that writes it, if any.
   */
  private evaluate(written: string, name?: string, site?: CallSite): string | undefined {
    const segments = chainOf(written);
    let router: string | undefined;
    let framework: RouterFramework | undefined;
    let start = 1;
    const head = segments[0]?.name ?? '';
    if (this.variables.has(head) && segments[0]?.args === undefined) router = this.variables.get(head);
    // The longest prefix that calls a maker: `chi.NewRouter()`, `gin.Default()`.
    for (let end = segments.length; !router && end > 0; end--) {
      const segment = segments[end - 1];
      if (segment?.args === undefined) continue;
      const callee = segments.slice(0, end).map((part) => part.name).join('.');
      const maker = this.index.qualifiedNames(this.path, callee).map((qualified) => this.frameworks.routerMakers.get(qualified)).find((found) => found?.calls.verbs.size);
      if (maker) {
        framework = maker;
        router = `root:${this.symbol}:${name ?? written}`;
        this.part.nodes.push({ id: router, framework: maker.name });
        start = end;
      }
    }
    // `s.router`, `this.http`, where the receiver's field is of a router type.
    if (!router && segments.length >= 2 && segments[0]?.args === undefined && segments[1]?.args === undefined) {
      const fieldType = this.fieldType(head, segments[1]?.name ?? '');
      const fieldFramework = fieldType ? this.routerTypeOf(fieldType.type, SymbolId.parse(fieldType.owner).path) : undefined;
      if (fieldType && fieldFramework) {
        router = `field:${fieldType.owner}.${segments[1]?.name ?? ''}`;
        this.part.nodes.push({ id: router, framework: fieldFramework.name });
        start = 2;
      }
    }
    if (!router) return undefined;
    let current: string = router;
    for (const segment of segments.slice(start)) {
      const calls = this.callsOf(current, framework);
      if (segment.args === undefined) return undefined;
      const passes = calls.some((known) => known.passThrough.has(segment.name));
      if (!passes && !calls.some((known) => known.groups.has(segment.name))) return undefined;
      const args = segment.args;
      const prefix = passes || !args[0] ? '' : statedText(this.index, this.path, args[0]);
      const child = passes ? current : `${current}/${segment.name}(${prefix})`;
      if (!passes) {
        this.part.nodes.push({ id: child });
        this.part.edges.push({ child, parent: current, prefix });
      }
      // `r.Group("/v1", auth)`, `r.With(auth)`: what the router is made with runs before its routes.
      if (site) for (const argument of passes ? args : args.slice(1)) this.install(passes ? current : child, argument, site);
      current = child;
    }
    return current;
  }

  /** What may be called on a router: its framework's calls, or every framework's when it is not known here. */
  private callsOf(router: string, framework: RouterFramework | undefined): RouterFramework['calls'][] {
    const known = framework ?? this.frameworkHere(router);
    return known ? [known.calls] : [...this.frameworks.routerFrameworks.values()].map((candidate) => candidate.calls);
  }

  /** A router's framework as this file tells it: its own node's, or the router it is a group of. */
  private frameworkHere(router: string): RouterFramework | undefined {
    for (let id: string | undefined = router, depth = 0; id && depth < MAX_ROUTER_DEPTH; depth++) {
      const named = this.part.nodes.find((node) => node.id === id)?.framework;
      if (named) return this.frameworks.routerFrameworks.get(named);
      const current: string = id;
      id = this.part.edges.find((edge) => edge.child === current)?.parent;
    }
    return undefined;
  }

  private readCall(call: CallSite, siblings: readonly CallSite[]): void {
    const written = withArguments(call, siblings);
    const dot = written.callee.lastIndexOf('.');
    const method = written.callee.slice(dot + 1);
    const args = call.arguments ?? [];
    const site = { path: this.path, line: call.line };
    const packageCall = this.packageCall(call.callee);
    if (packageCall) {
      const router = this.defaultRouter(packageCall.framework);
      if (packageCall.kind === 'verb') this.register(router, packageCall.method, args, call, site, siblings, packageCall.framework);
      else if (packageCall.kind === 'middleware') args.forEach((argument) => this.install(router, argument, call));
      else {
        // Spark's `path("/api", () -> {...})`: the routes the function registers on the default router are under the prefix.
        const closure = args[args.length - 1] ?? '';
        if (SymbolId.isAnonymousName(closure)) this.part.edges.push({ child: `default:${packageCall.framework.name}:${SymbolId.of(this.path, closure)}`, parent: router, prefix: statedText(this.index, this.path, args[0] ?? '') });
      }
      return;
    }
    const router = dot > 0 ? this.evaluate(written.callee.slice(0, dot), undefined, call) : undefined;
    if (router) {
      const calls = this.callsOf(router, undefined);
      const verb = calls.map((known) => known.verbs.get(method)).find(Boolean);
      if (verb) {
        this.register(router, verb, args, call, site, siblings, this.frameworkHere(router));
        return;
      }
      if (calls.some((known) => known.middleware.has(method))) {
        for (const argument of args) this.install(router, argument, call);
        return;
      }
      if (calls.some((known) => known.scopes.has(method))) {
        const prefix = args.length > 1 && args[0] ? statedText(this.index, this.path, args[0]) : '';
        const closure = args[args.length - 1] ?? '';
        if (SymbolId.isAnonymousName(closure)) this.part.edges.push({ child: `param:${SymbolId.of(this.path, closure)}:0`, parent: router, prefix });
        return;
      }
      if (calls.some((known) => known.mounts.has(method)) && args.length >= 2) {
        const prefix = constantText(this.index, this.path, args[0] ?? '') ?? '';
        // `r.Mount("/api", createHandler(apiRouter))`: a router handed to the call whose handler is mounted is what the call adds routes to and hands back.
        const mounted = this.evaluate(args[1] ?? '') ?? this.routerHandedTo(args[1] ?? '');
        if (mounted) this.part.edges.push({ child: mounted, parent: router, prefix });
        else {
          const maker = this.makerOf(args[1] ?? '');
          if (maker) this.part.mounts.push({ parent: router, prefix, maker });
        }
        return;
      }
    }
    // A router handed to a function or method: its parameter is that router; a router a struct is made
    // with (`ChiServerOptions{BaseRouter: r}`) is the field's wherever the struct is read.
    const callee = this.functionOf(call.callee);
    const given = this.givenFunction(call.callee);
    args.forEach((argument, position) => {
      const handed = argument ? this.evaluate(argument) : undefined;
      if (handed && given) this.part.invocations.push({ parameter: given, position, router: handed });
      if (!callee) return;
      const offset = this.index.definition(callee)?.kind === 'method' ? 1 : 0;
      if (handed) this.part.edges.push({ child: `param:${callee}:${position + offset}`, parent: handed, prefix: '' });
      else this.readFunctionArgument(callee, position + offset, argument);
      for (const { field, owner, router } of this.routersInStruct(argument)) this.part.edges.push({ child: `field:${owner}.${field}`, parent: router, prefix: '' });
    });
  }

  /** `createHandler(apiRouter)` → `apiRouter`: the router among a call's arguments. */
  private routerHandedTo(written: string): string | undefined {
    const segments = chainOf(written);
    const args = segments.length === 1 ? segments[0]?.args : undefined;
    for (const argument of args ?? []) {
      const router = this.evaluate(argument);
      if (router) return router;
    }
    return undefined;
  }

  /** The parameter a call calls when it calls a function this function was given (`createHandler(r)`), as `param:F:N`. */
  private givenFunction(callee: string): string | undefined {
    const position = (this.definition.parameters ?? []).findIndex((parameter) => parameter.name === callee && parameter.annotation?.startsWith('func('));
    return position >= 0 ? `param:${this.symbol}:${position}` : undefined;
  }

  /** A function written in place, a named function or a parameter handing one on, given where the callee expects a function. */
  private readFunctionArgument(callee: string, position: number, argument: string): void {
    if (!this.index.definition(callee)?.parameters?.[position]?.annotation?.startsWith('func(')) return;
    const parameter = `param:${callee}:${position}`;
    const handedOn = this.givenFunction(argument);
    const inPlace = SymbolId.isAnonymousName(argument) ? SymbolId.of(this.path, argument) : undefined;
    const given = handedOn ?? (inPlace && this.index.definition(inPlace) ? inPlace : this.functionOf(argument));
    if (given) this.part.functionArguments.push({ parameter, given });
  }

  /** `ChiServerOptions{BaseRouter: r}`: the routers a struct made in place is given, by field. */
  private routersInStruct(argument: string): { field: string; owner: string; router: string }[] {
    const made = /^&?([\w.]+)\{(.+)\}$/s.exec(argument);
    if (!made?.[1] || !made[2]) return [];
    const owner = this.index.resolve(this.path, made[1]);
    if (!owner) return [];
    return splitArguments(made[2]).flatMap((element) => {
      const keyed = /^(\w+)\s*:\s*([\w.]+)$/.exec(element);
      const router = keyed?.[2] ? this.evaluate(keyed[2]) : undefined;
      return keyed?.[1] && router ? [{ field: keyed[1], owner, router }] : [];
    });
  }

  /** A package function that registers on the package's default router (`http.HandleFunc`, Spark's static `get`), installs middleware on it (`before`), or scopes it (`path`). */
  private packageCall(callee: string): { kind: 'verb'; method: string; framework: RouterFramework } | { kind: 'middleware' | 'scope'; framework: RouterFramework } | undefined {
    const { packageVerbs, packageMiddleware, packageScopes } = this.frameworks;
    if (!packageVerbs.size && !packageMiddleware.size) return undefined;
    for (const name of this.index.qualifiedNames(this.path, callee)) {
      const verb = packageVerbs.get(name);
      if (verb) return { kind: 'verb', ...verb };
      const middleware = packageMiddleware.get(name);
      if (middleware) return { kind: 'middleware', framework: middleware };
      const scope = packageScopes.get(name);
      if (scope) return { kind: 'scope', framework: scope };
    }
    return undefined;
  }

  /**
   * The package's default router as this function sees it: a function written in place may be a
   * scope's (Spark's `path`), whose call puts it under a prefix; else it is a root like the package's.
   */
  private defaultRouter(framework: RouterFramework): string {
    const inPlace = SymbolId.isAnonymousName(SymbolId.parse(this.symbol).name);
    const id = inPlace ? `default:${framework.name}:${this.symbol}` : `default:${framework.name}`;
    this.part.nodes.push({ id, framework: framework.name });
    return id;
  }

  /**
   * A route: its method (from the verb, the arguments, the pattern or a `.Methods(...)` chained on
   * it), its path and handler, and the middleware given with it (before the handler, or after it
   * where the framework takes the handler first).
   */
  private register(router: string, verb: string, args: readonly string[], call: CallSite, site: Registration['site'], calls: readonly CallSite[], framework: RouterFramework | undefined): void {
    let methods = verb === '*' ? [] : [verb];
    let pathPosition = 0;
    const first = this.routeText(args[0] ?? '');
    let pathText: string | undefined = first;
    // gin's `Match([]string{"GET", "HEAD"}, "/health", h)`: the methods listed first, the path after them.
    const listed = verb === '*' && first === undefined ? methodsListed(this.index, this.path, args[0] ?? '') : [];
    if (listed.length) {
      methods = listed;
      pathPosition = 1;
      pathText = this.routeText(args[1] ?? '');
    }
    if (verb === '*' && first !== undefined) {
      const pattern = /^([A-Z]+)\s+(\S+)$/.exec(first);
      if (/^[A-Z]+$/.test(first)) {
        methods = [first];
        pathPosition = 1;
        pathText = this.routeText(args[1] ?? '');
      } else if (pattern?.[1] && pattern[2]) {
        methods = [pattern[1]];
        pathText = pattern[2];
      }
    }
    if (pathText === undefined) return;
    const filter = calls.find((other) => other.line === call.line && other.callee.startsWith(`${call.callee}().`) && this.isMethodFilter(other.callee.slice(other.callee.lastIndexOf('.') + 1)));
    if (filter) methods = (filter.arguments ?? []).flatMap((argument) => httpMethodOf(this.index, this.path, argument));
    if (!methods.length) methods = ['ANY'];
    const given = args.slice(pathPosition + 1);
    // Echo takes the handler first and its middleware after it; Spark the handler first (after an accept type) and a transformer after it.
    const order = framework?.routeArguments ?? 'middleware-then-handler';
    const handlerPosition = order === 'middleware-then-handler' ? given.length - 1 : given.findIndex((argument) => constantText(this.index, this.path, argument) === undefined);
    const handler = this.handlerOf(given[handlerPosition] ?? '') ?? this.localHandler(given[handlerPosition] ?? '');
    if (!handler) return;
    // A host in a pattern (`example.com/items`, `localhost:8080/items`) is no part of the path; a path
    // relative to its group (gin's `api.GET("current/user", h)`) is all path.
    const host = pathText.startsWith('/') ? '' : pathText.slice(0, Math.max(0, pathText.indexOf('/')));
    const routePath = /[.:]|^localhost$/.test(host) ? pathText.slice(host.length) : pathText;
    this.part.registrations.push({ router, methods, path: routePath, handler, site });
    const middleware = order === 'middleware-then-handler' ? given.slice(0, handlerPosition) : order === 'handler-then-middleware' ? given.slice(handlerPosition + 1) : [];
    for (const argument of middleware) this.install(router, argument, call, `${methods.join(',')} ${routePath}`);
  }

  /**
   * A route's path as the code states it: a constant, or a concatenation of a base set at run time
   * and what the code writes (`options.BaseURL+"/pets"`, as oapi-codegen registers its operations) →
   * `/pets`, the base left out as a prefix's is.
   */
  private routeText(written: string): string | undefined {
    const constant = constantText(this.index, this.path, written);
    if (constant !== undefined) return constant;
    const joined = this.joinedPath(written);
    if (joined !== undefined || !written.includes('+')) return joined;
    const stated = statedText(this.index, this.path, written);
    return stated ? stated : undefined;
  }

  /** Go's `path.Join(base, "/login")` of constants, joined and cleaned as the standard library's path package does. */
  private joinedPath(written: string): string | undefined {
    const call = /^([\w.]+)\((.*)\)$/s.exec(written);
    if (!call?.[1] || call[2] === undefined || !this.index.qualifiedNames(this.path, call[1]).includes('path.Join')) return undefined;
    const parts = splitArguments(call[2]).map((argument) => constantText(this.index, this.path, argument));
    if (parts.some((part) => part === undefined)) return undefined;
    const segments: string[] = [];
    for (const segment of parts.filter(Boolean).join('/').split('/')) {
      if (segment === '..') segments.pop();
      else if (segment && segment !== '.') segments.push(segment);
    }
    return `${parts.find(Boolean)?.startsWith('/') ? '/' : ''}${segments.join('/')}`;
  }

  /** Middleware installed on a router (or before one route): a workspace function or one that makes it, or an outside name; strings and objects are not middleware. */
  private install(router: string, written: string, call: CallSite, route?: string): void {
    if (!written || constantText(this.index, this.path, written) !== undefined) return;
    const factory = /^([\w.]+)\(.*\)$/s.exec(written)?.[1];
    const named = factory ?? (/^[\w.]+$/.test(written) || SymbolId.isAnonymousName(written) ? written : undefined);
    if (!named) return;
    const middleware = this.handlerOf(named);
    const outside = middleware ? undefined : this.index.qualify(this.path, named);
    if (!middleware && !(outside && 'external' in outside && !this.isLocalValue(named))) return;
    const reference = outside && 'external' in outside ? outside.external : undefined;
    const site = { path: this.path, line: call.line };
    if (this.part.installed.some((other) => other.router === router && other.site.line === site.line && other.middleware === middleware && other.reference === reference && other.route === route)) return;
    // Counted per router, and per route for the middleware of one route.
    const counter = route ? `${router} ${route}` : router;
    const order = (this.installedOn.get(counter) ?? 0) + 1;
    this.installedOn.set(counter, order);
    this.part.installed.push({ router, order, site, ...(middleware ? { middleware } : { reference: reference ?? named }), ...(route ? { route } : {}) });
  }

  /**
   * The function a mounted router comes from: `NewUserRouter()`, `h.Routes()`, or a method called on
   * a value made in place (`usersResource{}.Routes()`, `NewHandler(db).Routes()`).
   */
  private makerOf(written: string): string | undefined {
    const made = /^[\w.]+[({]/.exec(written)?.[0];
    if (made) {
      const open = made.length - 1;
      const end = closingBracket(written, open);
      const method = end > 0 ? /^\.(\w+)\(.*\)$/s.exec(written.slice(end + 1))?.[1] : undefined;
      const type = method ? (written[open] === '{' ? this.index.resolve(this.path, made.slice(0, open)) : this.typeOf(made.slice(0, open))) : undefined;
      if (type && method) return this.index.methodOrInherited(type, method);
    }
    return this.functionOf(withoutCallArguments(written));
  }

  /** A parameter or local of the function: a value, not a function the code names. */
  private isLocalValue(written: string): boolean {
    const head = written.split('.')[0] ?? '';
    return this.variableType(head) !== undefined || (this.definition.locals ?? []).some((local) => local.name === head) || (this.definition.parameters ?? []).some((parameter) => parameter.name === head);
  }

  private isMethodFilter(name: string): boolean {
    return [...this.frameworks.routerFrameworks.values()].some((framework) => framework.calls.methodFilters.has(name));
  }

  /**
   * The handler an argument names: a function written in place (`<anonymous>@12`), a function, a
   * method of a handler value, a method reference (`Books::create`, `this::get`), a class
   * (`EchoWebSocket.class`); wrappers (`auth(h.get)`) unwrapped.
   */
  private handlerOf(written: string): string | undefined {
    if (SymbolId.isAnonymousName(written)) {
      const inPlace = SymbolId.of(this.path, written);
      return this.index.definition(inPlace) ? inPlace : undefined;
    }
    const reference = /^([\w.]+)::(\w+)$/.exec(written);
    if (reference) return this.functionOf(`${reference[1]}.${reference[2]}`);
    const classLiteral = /^([\w.]+)\.class$/.exec(written)?.[1];
    if (classLiteral) {
      const target = this.index.resolve(this.path, classLiteral);
      return target && this.index.definition(target)?.kind === 'class' ? target : undefined;
    }
    const wrapped = wrapperArguments(written);
    if (!wrapped) return this.functionOf(written);
    // The handler a wrapper is given among its options (`perm(h.list, "lists:read")`): the last argument that names one,
    // before those a workspace wrapper takes as the rest (`Use(handler, mid ...func(http.Handler) http.HandlerFunc)`: middleware).
    for (const argument of this.beforeTheRest(written, wrapped).reverse()) {
      const handler = argument && constantText(this.index, this.path, argument) === undefined ? this.handlerOf(argument) : undefined;
      if (handler) return handler;
    }
    // Given no handler, a workspace function called in place makes the one the route runs (`page("about")`).
    return this.functionOf(withoutCallArguments(written));
  }

  /** A call's arguments before those its workspace function takes as the rest (Go's variadic, Python's `*args`); all when it takes none. */
  private beforeTheRest(written: string, args: string[]): string[] {
    const wrapper = this.functionOf(/^[\w.]+/.exec(written)?.[0] ?? '');
    const definition = wrapper ? this.index.definition(wrapper) : undefined;
    const parameters = (definition?.parameters ?? []).slice(definition?.kind === 'method' ? 1 : 0);
    const rest = parameters.findIndex((parameter) => parameter.splat === 'positional');
    return rest > 0 ? args.slice(0, rest) : args;
  }

  /**
   * A route's handler kept in a local made by a call (`probe := newReadinessProbe(store)`): that
   * call's handler. Only the handler itself is followed: a local among a call's arguments
   * (`listUsers(db)`) is a value the handler is made with.
   */
  private localHandler(written: string): string | undefined {
    if (!/^\w+$/.test(written)) return undefined;
    for (const definition of this.functionsAround()) {
      const local = definition.locals?.find((candidate) => candidate.name === written);
      if (local) return local.value?.endsWith(')') ? this.handlerOf(local.value) : undefined;
    }
    return undefined;
  }

  /** The function or method a name or selector stands for: `createOrder`, `handler.Create`, `h.get`, `h.orders.Create`, `this.get`. */
  private functionOf(written: string): string | undefined {
    const parts = written.split('.');
    const [head = '', ...rest] = parts;
    const variable = this.variableType(head);
    if (variable && rest.length) {
      let owner = this.typeOf(variable);
      for (const [position, name] of rest.entries()) {
        if (!owner) return undefined;
        if (position === rest.length - 1) return this.index.methodOrInherited(owner, name);
        const attribute = this.index.definition(owner)?.attributes?.find((candidate) => candidate.name === name);
        owner = attribute?.type ? this.index.resolve(SymbolId.parse(owner).path, attribute.type) : undefined;
      }
      return undefined;
    }
    const target = this.index.resolve(this.path, written);
    const kind = target ? this.index.definition(target)?.kind : undefined;
    return kind === 'function' || kind === 'method' ? target : undefined;
  }

  /**
   * The type a parameter or local states, here or (for a function written in place) in the
   * functions around it; in Java, a field of the class written without `this.`.
   */
  private variableType(name: string): string | undefined {
    const written = (definition: SymbolDefinition) => definition.parameters?.find((parameter) => parameter.name === name)?.annotation ?? definition.locals?.find((local) => local.name === name)?.type;
    const around = this.functionsAround();
    for (const definition of around) {
      const found = written(definition);
      if (found) return found;
    }
    const owner = around.map((definition) => definition.parameters?.[0]).find((parameter) => parameter?.name === 'this')?.annotation;
    if (!owner || name === 'this') return undefined;
    const ownerSymbol = this.index.resolve(this.path, owner);
    return ownerSymbol ? this.index.definition(ownerSymbol)?.attributes?.find((attribute) => attribute.name === name)?.type : undefined;
  }

  /** This function, then (for a function written in place) the functions around it, innermost first. */
  private functionsAround(): SymbolDefinition[] {
    if (!SymbolId.isAnonymousName(SymbolId.parse(this.symbol).name)) return [this.definition];
    const { start, end } = this.definition.range;
    const around: SymbolDefinition[] = [];
    for (const { definition } of this.index.definitionsIn(this.path)) {
      const range = definition.range;
      if ((definition.kind === 'function' || definition.kind === 'method') && definition !== this.definition && range.start.line <= start.line && range.end.line >= end.line) around.push(definition);
    }
    return [this.definition, ...around.sort((a, b) => b.range.start.line - a.range.start.line)];
  }

  /** The type a written type or constructor names: a type, or what a function returns (`handler.NewOrderHandler` → `OrderHandler`). */
  private typeOf(written: string): string | undefined {
    const target = this.index.resolve(this.path, written);
    const definition = target ? this.index.definition(target) : undefined;
    if (target && definition?.kind === 'function' && definition.returns) return this.index.resolve(SymbolId.parse(target).path, definition.returns);
    return target;
  }

  /**
   * A field of the receiver (`s.router`, `this.http`) or of a parameter or local whose type the
   * code states (`options.BaseRouter`): its type and the type it is a field of.
   */
  private fieldType(head: string, field: string): { owner: string; type: string } | undefined {
    const receiver = this.definition.kind === 'method' ? this.definition.parameters?.[0] : undefined;
    const written = receiver?.annotation && receiver.name === head ? receiver.annotation : this.variableType(head);
    if (!written) return undefined;
    const owner = this.index.resolve(this.path, written.replace(/^\*/, ''));
    const type = owner ? this.index.definition(owner)?.attributes?.find((attribute) => attribute.name === field)?.type : undefined;
    return owner && type ? { owner, type } : undefined;
  }
}

/**
 * A call's callee with the arguments of the calls chained in it, which the scan keeps as calls of
 * their own on the same line: `r.Group().GET` → `r.Group("/v1").GET`.
 */
function withArguments(call: CallSite, siblings: readonly CallSite[]): { callee: string } {
  if (!call.callee.includes('()')) return call;
  let rebuilt = '';
  let normalized = '';
  let rest = call.callee;
  for (let at = rest.indexOf('()'); at >= 0; at = rest.indexOf('()')) {
    const head = rest.slice(0, at);
    normalized += head;
    const inner = siblings.find((other) => other !== call && other.line === call.line && other.callee === normalized);
    rebuilt += `${head}(${(inner?.arguments ?? []).join(', ')})`;
    normalized += '()';
    rest = rest.slice(at + 2);
  }
  return { callee: rebuilt + rest };
}

/** The call that writes a value (`r.Group("/v1", auth)`): the last call of its chain, with the same arguments. */
function callWriting(value: string, calls: readonly CallSite[]): CallSite | undefined {
  const segments = chainOf(value);
  const last = segments[segments.length - 1];
  if (!last?.args) return undefined;
  const callee = segments.map((segment, position) => (position < segments.length - 1 && segment.args ? `${segment.name}()` : segment.name)).join('.');
  return calls.find((call) => call.callee === callee && (call.arguments ?? []).join(',') === last.args?.join(','));
}

/** `http.MethodGet`, `"GET"`: an HTTP method as Go code writes one. */
/** The methods a Go slice literal lists (`[]string{"GET", http.MethodHead}`), when every item is one. */
function methodsListed(index: SymbolIndex, path: string, written: string): string[] {
  const items = /^\[\]string\s*\{([^{}]*)\}$/.exec(written.trim())?.[1]?.split(',').map((item) => item.trim()).filter((item) => item !== '') ?? [];
  const methods = items.flatMap((item) => httpMethodOf(index, path, item));
  return methods.length === items.length ? methods : [];
}

function httpMethodOf(index: SymbolIndex, path: string, written: string): string[] {
  const constant = /\bMethod([A-Z][a-z]+)$/.exec(written)?.[1];
  if (constant) return [constant.toUpperCase()];
  const text = constantText(index, path, written);
  return text && /^[A-Z]+$/.test(text) ? [text] : [];
}

/** `r.Group("/v1", auth).With(x)` → `r`, `Group` with its arguments, `With` with its. */
function chainOf(written: string): { name: string; args?: string[] }[] {
  const segments: { name: string; args?: string[] }[] = [];
  let at = 0;
  while (at < written.length) {
    const name = /^[A-Za-z_]\w*/.exec(written.slice(at))?.[0];
    if (!name) return [];
    at += name.length;
    let args: string[] | undefined;
    if (written[at] === '(') {
      const end = closingBracket(written, at);
      if (end < 0) return [];
      args = splitArguments(written.slice(at + 1, end));
      at = end + 1;
    }
    segments.push({ name, ...(args ? { args } : {}) });
    if (at < written.length && written[at] !== '.') return [];
    at++;
  }
  return segments;
}

/** Where the parenthesis, brace or bracket opened at `open` closes (strings skipped), or -1. */
function closingBracket(text: string, open: number): number {
  const opening = text[open] ?? '';
  const closing = BRACKET_PAIRS[opening];
  if (!closing) return -1;
  let depth = 0;
  let quote = '';
  for (let at = open; at < text.length; at++) {
    const character = text[at];
    if (quote) {
      if (character === '\\') at++;
      else if (character === quote) quote = '';
    } else if (character === '"' || character === '`') quote = character;
    else if (character === opening) depth++;
    else if (character === closing && --depth === 0) return at;
  }
  return -1;
}

const BRACKET_PAIRS: Readonly<Record<string, string>> = { '(': ')', '{': '}', '[': ']' };

function splitArguments(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let quote = '';
  let current = '';
  for (let at = 0; at < text.length; at++) {
    const character = text[at] as string;
    if (quote) {
      if (character === '\\') {
        current += character + (text[at + 1] ?? '');
        at++;
        continue;
      }
      if (character === quote) quote = '';
    } else if (character === '"' || character === '`') quote = character;
    else if ('([{'.includes(character)) depth++;
    else if (')]}'.includes(character)) depth--;
    else if (character === ',' && depth === 0) {
      items.push(current.trim());
      current = '';
      continue;
    }
    current += character;
  }
  if (current.trim()) items.push(current.trim());
  return items;
}

/**
 * The arguments a wrapper call is given: `auth(h.get)` → `h.get`; of a wrapper a factory makes, the
 * last call's (`middleware.Gzip(conf)(h.export)` → `h.export`); undefined for what is no call.
 */
function wrapperArguments(written: string): string[] | undefined {
  const name = /^[\w.]+/.exec(written)?.[0];
  if (!name || written[name.length] !== '(') return undefined;
  let open = name.length;
  for (let groups = 0; groups < MAX_ROUTER_DEPTH; groups++) {
    const close = closingBracket(written, open);
    if (close < 0) return undefined;
    if (close === written.length - 1) return splitArguments(written.slice(open + 1, close));
    if (written[close + 1] !== '(') return undefined;
    open = close + 1;
  }
  return undefined;
}

/** `NewRouter(a, b)` → `NewRouter`: the text before its first `(` when it ends with `)`, as `/\(.*\)$/s` cut it, in one pass. */
function withoutCallArguments(text: string): string {
  const open = text.indexOf('(');
  return open >= 0 && text.endsWith(')') ? text.slice(0, open) : text;
}
