import { listIn } from '../lists';
import { Turns } from '../nextTurn';
import type { CallSite, SymbolDefinition } from '../parse/facts';
import type { Frameworks, RouterFramework } from '../frameworks/frameworks';
import { type Finding, type Route, SymbolId } from '../result';
import { trimEnd } from '../text';
import { constantText } from './constants';
import { joinRoutePaths, normalizeRoutePath } from './routePaths';
import type { SymbolIndex } from './symbolIndex';

const MAX_PREFIXES_PER_ROUTER = 16;
const MAX_ROUTER_DEPTH = 12;

/** A router value in Go code: made by a maker, a parameter of a router type, a group of another, a closure's router. */
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

/** What one file's functions do with routers. */
interface FileRouters {
  nodes: RouterNode[];
  edges: RouterEdge[];
  registrations: Registration[];
  /** `r.Mount("/x", NewUserRouter())`: the router a function makes, under a prefix of another. */
  mounts: { parent: string; prefix: string; maker: string }[];
}

/**
 * Go's routes, registered by calls on router values (gin, echo, chi, gorilla/mux, fiber, net/http,
 * as the framework files describe their methods), followed through local variables, groups
 * (`v1 := r.Group("/v1")`), sub-routers in place (`r.Route("/x", func(r chi.Router) {...})`),
 * routers handed to functions and methods (`registerOrders(v1.Group("/orders"))`), and routers a
 * function makes and another mounts (`r.Mount("/orders", h.Routes())`). Handlers are functions,
 * methods of a handler value (`h.get`, through the receiver's or a variable's type) or closures.
 */
export async function goRoutes(index: SymbolIndex, frameworks: Frameworks, turns = new Turns()): Promise<{ routes: Route[]; findings: Finding[] }> {
  const routes: Route[] = [];
  const findings: Finding[] = [];
  if (!frameworks.routerTypes.size && !frameworks.packageVerbs.size) return { routes, findings };
  const nodes = new Map<string, RouterNode>();
  const parents = new Map<string, RouterEdge[]>();
  const registrations: Registration[] = [];
  const mounts: FileRouters['mounts'] = [];
  await turns.each(index.files(), (file) => {
    if (file.language !== 'go') return;
    const part = index.part('go-routers', file.path, () => routersIn(index, frameworks, file.path));
    for (const node of part.nodes) if (!nodes.get(node.id)?.framework) nodes.set(node.id, node);
    for (const edge of part.edges) listIn(parents, edge.child).push(edge);
    registrations.push(...part.registrations);
    mounts.push(...part.mounts);
  });
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
  for (const registration of registrations) {
    let known = prefixes.get(registration.router);
    if (!known) prefixes.set(registration.router, (known = prefixesOf(registration.router, parents)));
    const framework = frameworkOf(registration.router) ?? '';
    const drops = frameworks.routerFrameworks.get(framework)?.dropsTrailingSlash ?? false;
    for (const prefix of known) {
      const joined = normalizeRoutePath(joinRoutePaths(prefix, registration.path));
      const path = drops && joined.length > 1 ? trimEnd(joined, '/') : joined;
      for (const method of registration.methods) routes.push({ method, path, handler: registration.handler, framework, source: registration.site });
    }
    const definition = index.definition(registration.handler);
    const line = registration.site.line;
    findings.push({ category: 'route', symbol: registration.handler, range: definition?.range ?? { start: { line, character: 0 }, end: { line, character: 0 } }, layer: '', details: { rule: 'go-route', framework, method: registration.methods.join(','), path: registration.path } });
  }
  return { routes, findings };
}

/** Every full prefix a router is reachable under, from each root down; bounded and cycle-safe. */
function prefixesOf(router: string, parents: ReadonlyMap<string, readonly RouterEdge[]>): string[] {
  const results: string[] = [];
  const pending = [{ id: router, suffix: '', depth: 0, seen: new Set([router]) }];
  for (let item = pending.pop(); item && results.length < MAX_PREFIXES_PER_ROUTER; item = pending.pop()) {
    const edges = (parents.get(item.id) ?? []).filter((edge) => !item.seen.has(edge.parent));
    if (!edges.length || item.depth >= MAX_ROUTER_DEPTH) {
      results.push(item.suffix);
      continue;
    }
    for (const edge of edges) pending.push({ id: edge.parent, suffix: joinRoutePaths(edge.prefix, item.suffix), depth: item.depth + 1, seen: new Set([...item.seen, edge.parent]) });
  }
  return [...new Set(results)];
}

/** What one file's functions do with routers (a part: it reads its own file and what its names stand for). */
function routersIn(index: SymbolIndex, frameworks: Frameworks, path: string): FileRouters {
  const part: FileRouters = { nodes: [], edges: [], registrations: [], mounts: [] };
  for (const { symbol, definition } of index.definitionsIn(path)) {
    if (definition.kind === 'function' || definition.kind === 'method') new FunctionRouters(index, frameworks, path, symbol, definition, part).read();
  }
  return part.nodes.length || part.registrations.length || part.edges.length || part.mounts.length ? part : NO_ROUTERS;
}

const NO_ROUTERS: FileRouters = Object.freeze({ nodes: [], edges: [], registrations: [], mounts: [] });

/** The routers of one function: its router parameters and variables, and what its calls do with them. */
class FunctionRouters {
  private readonly variables = new Map<string, string>();

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
      const framework = parameter.annotation ? this.routerTypeOf(parameter.annotation) : undefined;
      // A closure given to `r.Route(...)` gets its router from the call; its parameter is a router whatever its type says.
      const closure = SymbolId.isAnonymousName(SymbolId.parse(this.symbol).name) && position === 0 && parameter.annotation !== undefined && framework !== undefined;
      if (!framework && !closure) return;
      const id = `param:${this.symbol}:${position}`;
      this.part.nodes.push({ id, ...(framework ? { framework: framework.name } : {}) });
      this.variables.set(parameter.name, id);
    });
    for (const local of this.definition.locals ?? []) {
      if (!local.value) continue;
      const router = this.evaluate(local.value, local.name);
      if (router) this.variables.set(local.name, router);
    }
    const calls = this.definition.calls ?? [];
    for (const call of calls) this.readCall(call, calls);
  }

  /** The router a type names (`*gin.RouterGroup`, `chi.Router`), if it is one. */
  private routerTypeOf(written: string): RouterFramework | undefined {
    for (const name of this.index.qualifiedNames(this.path, written)) {
      const framework = this.frameworks.routerTypes.get(name);
      if (framework) return framework;
    }
    return undefined;
  }

  /**
   * The router an expression stands for: a variable, a maker's call (`chi.NewRouter()`), a field of
   * a router type, then groups and pass-throughs chained on it (`r.Group("/v1")`, `r.With(auth)`).
   */
  private evaluate(written: string, name?: string): string | undefined {
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
    // `s.router` where the receiver's field is of a router type.
    if (!router && segments.length >= 2 && segments[0]?.args === undefined && segments[1]?.args === undefined) {
      const fieldType = this.fieldType(head, segments[1]?.name ?? '');
      const fieldFramework = fieldType ? this.routerTypeOf(fieldType.type) : undefined;
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
      if (calls.some((known) => known.passThrough.has(segment.name))) continue;
      if (!calls.some((known) => known.groups.has(segment.name))) return undefined;
      const prefix = segment.args[0] ? (constantText(this.index, this.path, segment.args[0]) ?? '') : '';
      const child = `${current}/${segment.name}(${prefix})`;
      this.part.nodes.push({ id: child });
      this.part.edges.push({ child, parent: current, prefix });
      current = child;
    }
    return current;
  }

  /** What may be called on a router: its framework's calls, or every framework's when it is not known here. */
  private callsOf(router: string, framework: RouterFramework | undefined): RouterFramework['calls'][] {
    const known = framework ?? this.frameworks.routerFrameworks.get(this.part.nodes.find((node) => node.id === router)?.framework ?? '');
    return known ? [known.calls] : [...this.frameworks.routerFrameworks.values()].map((candidate) => candidate.calls);
  }

  private readCall(call: CallSite, siblings: readonly CallSite[]): void {
    const dot = call.callee.lastIndexOf('.');
    const method = call.callee.slice(dot + 1);
    const args = call.arguments ?? [];
    const site = { path: this.path, line: call.line };
    const packageVerb = dot > 0 ? this.index.qualifiedNames(this.path, call.callee).map((name) => this.frameworks.packageVerbs.get(name)).find(Boolean) : undefined;
    if (packageVerb) {
      const router = `default:${packageVerb.framework.name}`;
      this.part.nodes.push({ id: router, framework: packageVerb.framework.name });
      this.register(router, packageVerb.method, args, call, site, siblings);
      return;
    }
    const router = dot > 0 ? this.evaluate(call.callee.slice(0, dot)) : undefined;
    if (router) {
      const calls = this.callsOf(router, undefined);
      const verb = calls.map((known) => known.verbs.get(method)).find(Boolean);
      if (verb) {
        this.register(router, verb, args, call, site, siblings);
        return;
      }
      if (calls.some((known) => known.scopes.has(method))) {
        const prefix = args.length > 1 && args[0] ? (constantText(this.index, this.path, args[0]) ?? '') : '';
        const closure = SymbolId.of(this.path, SymbolId.anonymousName(call.line));
        this.part.edges.push({ child: `param:${closure}:0`, parent: router, prefix });
        return;
      }
      if (calls.some((known) => known.mounts.has(method)) && args.length >= 2) {
        const prefix = constantText(this.index, this.path, args[0] ?? '') ?? '';
        const mounted = this.evaluate(args[1] ?? '');
        if (mounted) this.part.edges.push({ child: mounted, parent: router, prefix });
        else {
          const maker = this.functionOf(withoutCallArguments(args[1] ?? ''));
          if (maker) this.part.mounts.push({ parent: router, prefix, maker });
        }
        return;
      }
    }
    // A router handed to a function or method: its parameter is that router.
    args.forEach((argument, position) => {
      const handed = argument ? this.evaluate(argument) : undefined;
      const callee = handed ? this.functionOf(call.callee) : undefined;
      if (!handed || !callee) return;
      const offset = this.index.definition(callee)?.kind === 'method' ? 1 : 0;
      this.part.edges.push({ child: `param:${callee}:${position + offset}`, parent: handed, prefix: '' });
    });
  }

  /** A route: its method (from the verb, the arguments, the pattern or a `.Methods(...)` chained on it), its path and handler. */
  private register(router: string, verb: string, args: readonly string[], call: CallSite, site: Registration['site'], calls: readonly CallSite[]): void {
    let methods = verb === '*' ? [] : [verb];
    let pathArgument = args[0] ?? '';
    const first = constantText(this.index, this.path, pathArgument);
    if (verb === '*' && first !== undefined) {
      const pattern = /^([A-Z]+)\s+(\S+)$/.exec(first);
      if (/^[A-Z]+$/.test(first)) {
        methods = [first];
        pathArgument = args[1] ?? '';
      } else if (pattern?.[1] && pattern[2]) {
        methods = [pattern[1]];
        pathArgument = JSON.stringify(pattern[2]);
      }
    }
    const path = constantText(this.index, this.path, pathArgument);
    if (path === undefined) return;
    const filter = calls.find((other) => other.line === call.line && other.callee.startsWith(`${call.callee}().`) && this.isMethodFilter(other.callee.slice(other.callee.lastIndexOf('.') + 1)));
    if (filter) methods = (filter.arguments ?? []).flatMap((argument) => httpMethodOf(this.index, this.path, argument));
    if (!methods.length) methods = ['ANY'];
    const handler = this.handlerOf(args[args.length - 1] ?? '', call);
    if (!handler) return;
    // A host in a pattern (`example.com/items`) is no part of the path.
    const routePath = path.startsWith('/') || !path.includes('/') ? path : path.slice(path.indexOf('/'));
    this.part.registrations.push({ router, methods, path: routePath, handler, site });
  }

  private isMethodFilter(name: string): boolean {
    return [...this.frameworks.routerFrameworks.values()].some((framework) => framework.calls.methodFilters.has(name));
  }

  /** The handler a registration's last argument names: a closure, a function, a method of a handler value; wrappers (`auth(h.get)`) unwrapped. */
  private handlerOf(written: string, call: CallSite): string | undefined {
    if (written === '') {
      const closure = SymbolId.of(this.path, SymbolId.anonymousName(call.line));
      return this.index.definition(closure) ? closure : undefined;
    }
    const unwrapped = /^[\w.]+\((.*)\)$/s.exec(written)?.[1]?.split(',').pop()?.trim() ?? written;
    return this.functionOf(unwrapped);
  }

  /** The function or method a name or selector stands for: `createOrder`, `handler.Create`, `h.get`, `h.orders.Create`. */
  private functionOf(written: string): string | undefined {
    const parts = written.split('.');
    const [head = '', ...rest] = parts;
    const variable = this.variableType(head);
    if (variable && rest.length) {
      let owner = this.typeOf(variable);
      for (const [position, name] of rest.entries()) {
        if (!owner) return undefined;
        if (position === rest.length - 1) return this.index.method(owner, name) ?? this.inheritedMethod(owner, name);
        const attribute = this.index.definition(owner)?.attributes?.find((candidate) => candidate.name === name);
        owner = attribute?.type ? this.index.resolve(SymbolId.parse(owner).path, attribute.type) : undefined;
      }
      return undefined;
    }
    const target = this.index.resolve(this.path, written);
    const kind = target ? this.index.definition(target)?.kind : undefined;
    return kind === 'function' || kind === 'method' ? target : undefined;
  }

  /** The type a parameter or local states, here or (for a closure) in the functions around it. */
  private variableType(name: string): string | undefined {
    const written = (definition: SymbolDefinition) => definition.parameters?.find((parameter) => parameter.name === name)?.annotation ?? definition.locals?.find((local) => local.name === name)?.type;
    const own = written(this.definition);
    if (own || !SymbolId.isAnonymousName(SymbolId.parse(this.symbol).name)) return own;
    const { start, end } = this.definition.range;
    for (const { definition } of this.index.definitionsIn(this.path)) {
      const around = definition.range;
      if ((definition.kind === 'function' || definition.kind === 'method') && definition !== this.definition && around.start.line <= start.line && around.end.line >= end.line) {
        const found = written(definition);
        if (found) return found;
      }
    }
    return undefined;
  }

  /** The type a written type or constructor names: a type, or what a function returns (`handler.NewOrderHandler` → `OrderHandler`). */
  private typeOf(written: string): string | undefined {
    const target = this.index.resolve(this.path, written);
    const definition = target ? this.index.definition(target) : undefined;
    if (target && definition?.kind === 'function' && definition.returns) return this.index.resolve(SymbolId.parse(target).path, definition.returns);
    return target;
  }

  private inheritedMethod(owner: string, name: string): string | undefined {
    for (const ancestor of this.index.ancestry(owner).classes) {
      const found = this.index.method(ancestor, name);
      if (found) return found;
    }
    return undefined;
  }

  /** A field of the receiver (`s.router`): its type and the type it is a field of. */
  private fieldType(head: string, field: string): { owner: string; type: string } | undefined {
    const receiver = this.definition.kind === 'method' ? this.definition.parameters?.[0] : undefined;
    if (!receiver?.annotation || receiver.name !== head) return undefined;
    const owner = this.index.resolve(this.path, receiver.annotation);
    const type = owner ? this.index.definition(owner)?.attributes?.find((attribute) => attribute.name === field)?.type : undefined;
    return owner && type ? { owner, type } : undefined;
  }
}

/** `http.MethodGet`, `"GET"`: an HTTP method as Go code writes one. */
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
      const end = closingParenthesis(written, at);
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

function closingParenthesis(text: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let at = open; at < text.length; at++) {
    const character = text[at];
    if (quote) {
      if (character === '\\') at++;
      else if (character === quote) quote = '';
    } else if (character === '"' || character === '`') quote = character;
    else if (character === '(') depth++;
    else if (character === ')' && --depth === 0) return at;
  }
  return -1;
}

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

/** `NewRouter(a, b)` → `NewRouter`: the text before its first `(` when it ends with `)`, as `/\(.*\)$/s` cut it, in one pass. */
function withoutCallArguments(text: string): string {
  const open = text.indexOf('(');
  return open >= 0 && text.endsWith(')') ? text.slice(0, open) : text;
}
