import { Turns } from '../nextTurn';
import type { DecoratorRoutes } from '../frameworks/frameworks';
import { isEmpty, NONE } from '../lists';
import type { CallShape, FileFacts, Hint, SymbolDefinition, ValueShape } from '../parse/facts';
import { type Finding, type FindingOf, type Range, type Route, type Skipped, SymbolId } from '../result';
import { type Compiled, compileRegex, type LinearPattern, quoteForRegex } from '../workspacePatterns';
import { trimEnd, trimStart } from '../text';
import { constantString, constantStringIn, statedString } from './routePaths';
import type { FindingEdits } from './findingEdits';
import type { SymbolIndex } from './symbolIndex';

/**
 * NestJS routes: a class decorated `@Controller('orders')` (or `@Controller({ path: 'orders' })`),
 * its methods decorated `@Get(':id')`, `@Post()`..., under the global prefix the bootstrap sets
 * (`app.setGlobalPrefix('api')`, or the default of the configuration key it reads) and, with URI versioning, the version (`@Version('2')` on the
 * method, `version` on the controller, else the default; `VERSION_NEUTRAL` has none).
 * The decorators are a framework file's `decoratorRoutes` (nestjs.yml). They count when they
 * resolve to the framework package's (`@nestjs/common`'s), or, in the repository of a framework
 * that offers such decorators (routing-controllers' samples import `../../src/decorator/Get`), to
 * the workspace's own decorator definitions of those names. Route methods a controller inherits
 * are its routes too (both frameworks read the prototype chain), handled by the base's method.
 */
export async function nestRoutes(index: SymbolIndex, hints: readonly Hint[], findings: readonly Finding[], frameworks: readonly DecoratorRoutes[], turns = new Turns()): Promise<{ routes: Route[]; findings: Finding[]; skipped: Skipped[] }> {
  const ownDecorators = ownRouteDecorators(findings, frameworks);
  const given = [...ownDecorators].map(([symbol, role]) => `${symbol}=${role}`).sort().join(' ');
  const skipped: Skipped[] = [];
  const prefixes = new Map<Hint | undefined, GlobalPrefix>();
  const prefixOfHint = (hint: Hint | undefined): GlobalPrefix => {
    let known = prefixes.get(hint);
    if (known) return known;
    const hintPath = hint ? SymbolId.parse(hint.symbol).path : '';
    const written = hint?.details.prefix ?? (hint?.details.prefixName !== undefined ? constantStringIn(index, hint.symbol, hint.details.prefixName) : undefined);
    const excluded = exclusions(hint?.details.options ?? '');
    known = { prefix: written || configuredValue(hints, hint?.details.configKey), excluded: excluded.entries };
    prefixes.set(hint, known);
    for (const { path, reason } of excluded.unsupported) skipped.push({ path: hintPath, reason: `global prefix exclusion \`${path}\` not applied: ${reason}` });
    return known;
  };
  // Each framework's application sets its own controllers' prefix (a framework's own decorators, 'workspace', take any);
  // several applications' prefixes: each controller takes that of the application whose modules reach it.
  const prefixHintsOf = (framework: string) => hints.filter((hint) => hint.hint === 'global-prefix' && (framework === 'workspace' || hint.details.framework === framework));
  const applicationPrefixes = applicationGlobalPrefixes(index, hints, frameworks);
  // A controller several applications import is served by each, under each one's prefix.
  const prefixesOf = (framework: string, controller: string): GlobalPrefix[] => {
    const written = prefixHintsOf(framework);
    const own = written.length > 1 ? (applicationPrefixes.get(controller)?.filter((hint) => written.includes(hint)) ?? []) : written;
    return own.length ? own.map(prefixOfHint) : [prefixOfHint(undefined)];
  };
  // Several applications with their own versioning: none is everyone's.
  const versioningHints = hints.filter((hint) => hint.hint === 'versioning');
  const versioning = (versioningHints.length === 1 ? versioningHints[0]?.details.options : undefined) ?? '';
  // URI is Nest's default versioning type; a default version applies to routes that state none.
  const uriVersioning = versioning !== '' && (!/\btype\s*:/.test(versioning) || /VersioningType\.URI\b/.test(versioning));
  const defaultVersion = uriVersioning ? (/defaultVersion\s*:\s*['"`]([^'"`]+)['"`]/.exec(versioning)?.[1] ?? '') : '';
  const routes: Route[] = [];
  const routeFindings: Finding[] = [];
  const modulePaths = registeredModulePaths(index, findings, frameworks, skipped);
  // NestJS is TypeScript's, and JavaScript's.
  const handlersIn = (file: FileFacts) => (file.language === 'python' ? NONE : nestHandlers(index, file.path, ownDecorators, frameworks));
  await index.eachPart('nest-handlers', turns, handlersIn, (inFile) => {
    for (const handler of inFile) {
      const { verb, prefix, own, symbol, range, framework } = handler;
      const version = uriVersioning ? (handler.version ?? defaultVersion) : '';
      const modulePath = modulePaths.get(handler.controller) ?? '';
      const paths = new Set<string>();
      for (const { prefix: globalPrefix, excluded } of prefixesOf(framework, handler.controller)) {
        const underPrefix = !excluded.some((exclusion) => (exclusion.method === 'ANY' || exclusion.method === verb) && exclusion.pattern.matches(normalizeNestPath([modulePath, prefix, own]).slice(1)));
        paths.add(handler.webSocket ? normalizeNestPath([own]) : normalizeNestPath([underPrefix ? globalPrefix : '', version ? `v${version}` : '', modulePath, prefix, own]));
      }
      for (const routePath of paths) {
        routes.push({ method: verb, path: routePath, handler: symbol, framework, source: { path: handler.declaredIn, line: range.start.line } });
        routeFindings.push({ category: 'route', symbol, range, layer: '', details: { rule: 'nest-route', framework, method: verb.toLowerCase(), path: routePath } });
      }
    }
  }, given, undefined, isEmpty);
  return { routes, findings: routeFindings, skipped };
}

/**
 * The value a `configService.get('app.apiPrefix')` reads when the environment sets none: the
 * default the `registerAs('app', ...)` namespace gives its key. Empty when no namespace, or more
 * than one value, answers.
 */
function configuredValue(hints: readonly Hint[], key: string | undefined): string {
  if (!key) return '';
  const dot = key.indexOf('.');
  const values = new Set(
    hints
      .filter((hint) => hint.hint === 'config-value' && hint.details.namespace === key.slice(0, dot) && hint.details.key === key.slice(dot + 1))
      .map((hint) => hint.details.value),
  );
  const [value] = values;
  return dot > 0 && values.size === 1 && typeof value === 'string' ? value : '';
}

/** The prefix an application gives every controller's routes, and the routes its options keep out of it. */
interface GlobalPrefix {
  prefix: string;
  excluded: { method: string; pattern: LinearPattern }[];
}

/** A controller method decorated with an HTTP verb, as its file writes it (the bootstrap's prefix and versioning are applied after). */
interface NestHandler {
  symbol: string;
  /** The controller class. */
  controller: string;
  /** The controller's file. */
  path: string;
  /** The method's file: the controller's, or a base class's for an inherited route. */
  declaredIn: string;
  range: Range;
  framework: string;
  verb: string;
  prefix: string;
  own: string;
  /** `@Version(...)` on the method, else the controller's `version`. */
  version: string | undefined;
  /** A gateway's connection method: its path is the gateway's own, under no prefix. */
  webSocket?: boolean;
}

/** A decorator's name in its framework, and the framework: `workspace`, without its file, for a framework's own decorators. */
interface DecoratorRole {
  role: string;
  framework: string;
  routes: DecoratorRoutes | undefined;
}

function nestHandlers(index: SymbolIndex, path: string, own: ReadonlyMap<string, string>, frameworks: readonly DecoratorRoutes[]): NestHandler[] {
  const handlers: NestHandler[] = [];
  // Undefined when the decorator is neither a framework package's nor the workspace's own.
  const roleOf = (file: string, decorator: string): DecoratorRole | undefined => {
    const names = index.qualifiedNames(file, decorator);
    for (const routes of frameworks) {
      const name = names.find((candidate) => candidate.startsWith(`${routes.package}.`));
      if (name) return { role: name.slice(routes.package.length + 1), framework: routes.framework, routes };
    }
    const resolved = index.resolve(file, decorator);
    const role = resolved ? own.get(resolved) : undefined;
    return role ? { role, framework: 'workspace', routes: undefined } : undefined;
  };
  // A workspace's own decorator stands for any framework's of its name.
  const filesOf = (role: DecoratorRole) => (role.routes ? [role.routes] : frameworks);
  const isController = (role: DecoratorRole | undefined) => role !== undefined && filesOf(role).some((routes) => routes.controllers.includes(role.role));
  const verbOf = (role: DecoratorRole) => filesOf(role).map((routes) => (Object.hasOwn(routes.handlers, role.role) ? routes.handlers[role.role] : undefined)).find((verb) => verb !== undefined);
  for (const { symbol, definition } of index.definitionsIn(path)) {
    if (definition.kind !== 'class') continue;
    const gateway = gatewayHandler(index, path, symbol, definition, frameworks);
    if (gateway) handlers.push(gateway);
    const controller = definition.decorators.find((decorator) => isController(roleOf(path, decorator)));
    if (!controller) continue;
    const prefix = pathArgument(index, path, definition.decoratorCalls?.[controller]);
    const controllerVersion = versionOf(definition.decoratorCalls?.[controller]?.keywords['version']);
    const seen = new Set<string>();
    for (const owner of [symbol, ...index.ancestry(symbol).classes]) {
      for (const method of index.methodsOf(owner)) {
        if (seen.has(method.name)) continue; // overridden in a subclass
        seen.add(method.name);
        const declaredIn = SymbolId.parse(method.symbol).path;
        for (const decorator of method.definition.decorators) {
          const role = roleOf(declaredIn, decorator);
          const verb = role ? verbOf(role) : undefined;
          if (!role || !verb) continue;
          const versionDecorator = method.definition.decorators.find((name) => {
            const named = roleOf(declaredIn, name);
            return named?.routes?.versionDecorator !== undefined && named.role === named.routes.versionDecorator;
          });
          const version = versionDecorator ? versionOf(method.definition.decoratorCalls?.[versionDecorator]?.args[0]) : controllerVersion;
          handlers.push({ symbol: method.symbol, controller: symbol, path, declaredIn, range: method.definition.range, framework: role.framework, verb, prefix, own: pathArgument(index, declaredIn, method.definition.decoratorCalls?.[decorator]), version });
        }
      }
    }
  }
  return handlers;
}

/** A gateway class given a path (`@WebSocketGateway({ path: '/realtime' })`): its connection method answers WebSocket connections there. */
function gatewayHandler(index: SymbolIndex, path: string, symbol: string, definition: SymbolDefinition, frameworks: readonly DecoratorRoutes[]): NestHandler | undefined {
  for (const routes of frameworks) {
    const gateways = routes.webSocketGateways;
    const decorator = gateways ? definition.decorators.find((name) => index.qualifiedNames(path, name).includes(gateways.decorator)) : undefined;
    const call = decorator ? definition.decoratorCalls?.[decorator] : undefined;
    const connection = gateways && call?.keywords['path'] !== undefined ? index.methodOrInherited(symbol, gateways.connectionMethod) : undefined;
    if (!connection) continue;
    const range = index.definition(connection)?.range ?? definition.range;
    return { symbol: connection, controller: symbol, path, declaredIn: SymbolId.parse(connection).path, range, framework: routes.framework, verb: 'WS', prefix: '', own: pathArgument(index, path, call), version: undefined, webSocket: true };
  }
  return undefined;
}

/** The workspace's own decorator definitions named as a framework's controller and route decorators (routing-controllers' own repository): symbol → name. */
function ownRouteDecorators(findings: readonly Finding[], frameworks: readonly DecoratorRoutes[]): Map<string, string> {
  const names = new Set(frameworks.flatMap((routes) => [...routes.controllers, ...Object.keys(routes.handlers)]));
  const own = new Map<string, string>();
  for (const finding of findings) {
    if (finding.category !== 'decorator') continue;
    const { name } = SymbolId.parse(finding.symbol);
    if (names.has(name)) own.set(finding.symbol, name);
  }
  return own;
}

/**
 * The routes `setGlobalPrefix`'s options keep out of the prefix: `exclude: ['health', 'docs/(.*)',
 * { path: 'sitemap.xml', method: RequestMethod.GET }]`. Entries built at run time (template
 * literals with substitutions, spreads, calls) are not read; an entry no linear-time engine can
 * match is listed as unsupported.
 */
function exclusions(options: string): { entries: { method: string; pattern: LinearPattern }[]; unsupported: { path: string; reason: string }[] } {
  const entries: { method: string; pattern: LinearPattern }[] = [];
  const unsupported: { path: string; reason: string }[] = [];
  const start = /\bexclude\s*:\s*\[/.exec(options);
  if (!start) return { entries, unsupported };
  const from = start.index + start[0].length;
  let depth = 1;
  let end = from;
  for (; end < options.length && depth > 0; end++) depth += options[end] === '[' ? 1 : options[end] === ']' ? -1 : 0;
  const list = options.slice(from, end - 1).replace(/`[^`]*\$\{[^`]*`/g, '');
  for (const [entry, , quoted] of list.matchAll(/\{[^{}]*\}|(['"`])([^'"`]*)\1/g)) {
    const path = quoted ?? /\bpath\s*:\s*(['"`])([^'"`$]*)\1/.exec(entry)?.[2];
    if (path === undefined) continue;
    const method = quoted === undefined ? (/\bmethod\s*:\s*RequestMethod\.(\w+)/.exec(entry)?.[1] ?? 'ALL') : 'ALL';
    const compiled = exclusionPattern(path);
    if ('unsupported' in compiled) unsupported.push({ path, reason: compiled.unsupported });
    else entries.push({ method: method === 'ALL' ? 'ANY' : method, pattern: compiled.pattern });
  }
  return { entries, unsupported };
}

/** A path as Nest's exclusions write it (path-to-regexp): `:id`, `(.*)` (Nest 10), `{/*rest}` and `*rest` (Nest 11), for RE2. */
function exclusionPattern(path: string): Compiled {
  const body = normalizeNestPath([path]).slice(1);
  const source = (body.match(/\{\/\*\w*\}|\(\.\*\)|\*\w*|\{\w+\}|[^*({]+|./g) ?? [])
    .map((token) => {
      if (token.startsWith('{/*')) return '(?:/.*)?';
      if (token === '(.*)' || token.startsWith('*')) return '.*';
      if (/^\{\w+\}$/.test(token)) return '[^/]+';
      return quoteForRegex(token);
    })
    .join('');
  return compileRegex(`${source}/?`);
}

/**
 * `'orders'`, `['a', 'b']` (the first), `{ path: 'orders' }`, or a constant the workspace states
 * (`routesV1.user.root` of an exported object, `` `/${root}/:id` ``); none, or one not read, is ''.
 */
function pathArgument(index: SymbolIndex, path: string, call: CallShape | undefined): string {
  const written = call?.keywords['path'] ?? call?.args[0] ?? '';
  const quoted = /^\[?\s*(['"])([^'"]*)\1/.exec(written);
  if (quoted) return quoted[2] ?? '';
  // A template literal with a value not read keeps its literal parts.
  return written.startsWith('`') ? statedString(index, path, written) : (constantString(index, path, written) ?? '');
}

/** `'2'` → `2`; `VERSION_NEUTRAL` → none (''); anything else unread → undefined (the default applies). */
function versionOf(written: string | undefined): string | undefined {
  if (!written) return undefined;
  if (/VERSION_NEUTRAL/.test(written)) return '';
  return /^\[?\s*['"`]([^'"`]+)['"`]/.exec(written)?.[1];
}

function normalizeNestPath(parts: readonly string[]): string {
  const joined = parts.map((part) => trimStart(trimEnd(part, '/'), '/')).filter(Boolean).join('/');
  return `/${joined}`.replace(/:([A-Za-z_][A-Za-z0-9_]*)\??/g, '{$1}');
}

const MODULE_LISTS = ['imports', 'controllers', 'providers', 'exports'] as const;

/** The names each list of a `@Module` holds, the lists that name none left out. */
type ModuleLists = Partial<Record<(typeof MODULE_LISTS)[number], string[]>>;

/**
 * NestJS modules as the DI graph reads them: each `@Module({ imports, controllers, providers,
 * exports })` finding lists the classes (and tokens) named in each, `{ provide: TOKEN, useClass: X }`
 * included, so the Extension Points view shows what a module wires together.
 */
export async function describeNestModules(index: SymbolIndex, findings: Finding[], frameworks: readonly DecoratorRoutes[], edits: FindingEdits, turns = new Turns()): Promise<void> {
  const moduleDecorators = moduleDecoratorsOf(frameworks);
  if (!moduleDecorators.length) return;
  const modules: number[] = [];
  findings.forEach((finding, at) => {
    if (finding.category === 'decorator' && moduleDecorators.includes(finding.details.decorator ?? '')) modules.push(at);
  });
  await turns.each(modules, (at) => {
    const { symbol } = findings[at] as Finding;
    const { path } = SymbolId.parse(symbol);
    const lists = index.part('nest-modules', path, () => moduleListsIn(index, path, moduleDecorators)).get(symbol);
    if (!lists || !MODULE_LISTS.some((list) => lists[list])) return;
    const { details } = edits.own<FindingOf<'decorator'>>(findings, at);
    for (const list of MODULE_LISTS) {
      const names = lists[list];
      if (names) details[list] = [...names];
    }
  });
}

/** Each `@Module` class of a file, with the names each of its lists holds. */
function moduleListsIn(index: SymbolIndex, path: string, moduleDecorators: readonly string[]): Map<string, ModuleLists> {
  const modules = new Map<string, ModuleLists>();
  for (const [symbol, call] of moduleCallsIn(index, path, moduleDecorators)) {
    const lists: ModuleLists = {};
    for (const list of MODULE_LISTS) {
      const written = call.keywords[list];
      const names = written ? [...new Set(topLevelItems(written).flatMap(namesOfItem))] : [];
      if (names.length) lists[list] = names;
    }
    modules.set(symbol, lists);
  }
  return modules;
}

/** Each `@Module(...)` class of a file, with the decorator's call. */
function moduleCallsIn(index: SymbolIndex, path: string, moduleDecorators: readonly string[]): Map<string, CallShape> {
  const calls = new Map<string, CallShape>();
  for (const { symbol, definition } of index.definitionsIn(path)) {
    const decorator = definition.decorators.find((name) => index.qualifiedNames(path, name).some((qualified) => moduleDecorators.includes(qualified)));
    const call = decorator ? definition.decoratorCalls?.[decorator] : undefined;
    if (call) calls.set(symbol, call);
  }
  return calls;
}

/** The `@Module` decorators of the frameworks that have modules, qualified (`@nestjs/common.Module`). */
function moduleDecoratorsOf(frameworks: readonly DecoratorRoutes[]): string[] {
  return frameworks.flatMap((routes) => (routes.moduleDecorator ? [`${routes.package}.${routes.moduleDecorator}`] : []));
}

/** An application's modules are read this many imports deep from its root: real trees are a few levels. */
const MAX_MODULE_IMPORT_DEPTH = 32;

/**
 * The global prefixes that apply to each controller, when the workspace starts several applications:
 * a `setGlobalPrefix` belongs to the application made in the same bootstrap function
 * (`NestFactory.create(RootModule)`), and that application's controllers are those of the modules its
 * root module's `imports` reach. A controller no bootstrap's modules reach has none.
 */
function applicationGlobalPrefixes(index: SymbolIndex, hints: readonly Hint[], frameworks: readonly DecoratorRoutes[]): Map<string, Hint[]> {
  const byController = new Map<string, Hint[]>();
  const moduleDecorators = moduleDecoratorsOf(frameworks);
  const prefixHints = hints.filter((hint) => hint.hint === 'global-prefix');
  if (prefixHints.length < 2 || !moduleDecorators.length) return byController;
  const listsOf = (module: string) => {
    const { path } = SymbolId.parse(module);
    return index.part('nest-modules', path, () => moduleListsIn(index, path, moduleDecorators)).get(module);
  };
  for (const prefixHint of prefixHints) {
    const applications = hints.filter((hint) => hint.hint === 'nest-application' && hint.symbol === prefixHint.symbol);
    const application = applications.length === 1 ? applications[0] : undefined;
    const rootModule = application?.details.rootModule;
    const root = rootModule ? index.resolve(SymbolId.parse(application.symbol).path, rootModule) : undefined;
    if (!root) continue;
    const reached = new Set([root]);
    let frontier = [root];
    for (let depth = 0; frontier.length && depth < MAX_MODULE_IMPORT_DEPTH; depth++) {
      frontier = frontier.flatMap((module) => {
        const { path } = SymbolId.parse(module);
        return (listsOf(module)?.imports ?? []).flatMap((name) => {
          const imported = index.resolve(path, name);
          if (!imported || reached.has(imported)) return [];
          reached.add(imported);
          return [imported];
        });
      });
    }
    for (const module of reached) {
      const { path } = SymbolId.parse(module);
      for (const name of listsOf(module)?.controllers ?? []) {
        const controller = index.resolve(path, name);
        if (controller) byController.set(controller, [...(byController.get(controller) ?? []), prefixHint]);
      }
    }
  }
  return byController;
}

/** An entry of a module router's tree as written (`{ path: 'admin', module: AdminModule, children: [...] }`, or a module alone among children), and the file it is written in. */
interface ModuleRoute {
  path: string | undefined;
  module: string | undefined;
  children: ModuleRoute[];
  file: string;
}

/** A module router's tree is read this deep: the documentation's trees have two or three levels. */
const MAX_MODULE_ROUTE_DEPTH = 8;

/**
 * The path each controller is put under by a module router (NestJS's `RouterModule.register(routes)`
 * in a module's `imports`): the paths of its module's entry and of the entries above it, joined.
 * The tree is read from the call's argument, written in place or as a constant the workspace
 * declares (in another file too: names are read where the tree is written). An entry whose path is
 * written but not read leaves its subtree out, said in `skipped`: a wrong prefix is worse than none.
 */
function registeredModulePaths(index: SymbolIndex, findings: readonly Finding[], frameworks: readonly DecoratorRoutes[], skipped: Skipped[]): Map<string, string> {
  const moduleDecorators = moduleDecoratorsOf(frameworks);
  const routers = frameworks.flatMap((routes) => routes.moduleRouter ?? []);
  const controllerPaths = new Map<string, string>();
  if (!moduleDecorators.length || !routers.length) return controllerPaths;
  const modulePaths = new Map<string, string>();
  const place = (entries: readonly ModuleRoute[], parent: string) => {
    for (const entry of entries) {
      const own = entry.path === undefined ? '' : constantString(index, entry.file, entry.path);
      if (own === undefined) {
        skipped.push({ path: entry.file, reason: `module router path \`${entry.path ?? ''}\` not read: the routes of its modules are left without it` });
        continue;
      }
      const joined = normalizeNestPath([parent, own]);
      const module = entry.module ? index.resolve(entry.file, entry.module) : undefined;
      if (module) modulePaths.set(module, joined);
      place(entry.children, joined);
    }
  };
  const modules = new Set(findings.flatMap((finding) => (finding.category === 'decorator' && moduleDecorators.includes(finding.details.decorator ?? '') ? [SymbolId.parse(finding.symbol).path] : [])));
  for (const path of modules) {
    for (const call of moduleCallsIn(index, path, moduleDecorators).values()) {
      for (const item of topLevelItems(call.keywords['imports'] ?? '')) {
        const [, callee = '', argument = ''] = /^([\w$.]+)\s*\(([\s\S]*)\)$/.exec(item) ?? [];
        if (!callee || !index.qualifiedNames(path, callee).some((name) => routers.includes(name))) continue;
        place(moduleRoutes(index, path, argument.trim(), 0), '');
      }
    }
  }
  for (const [module, modulePath] of modulePaths) {
    const { path } = SymbolId.parse(module);
    const controllers = index.part('nest-modules', path, () => moduleListsIn(index, path, moduleDecorators)).get(module)?.controllers ?? [];
    for (const name of controllers) {
      const controller = index.resolve(path, name);
      if (controller) controllerPaths.set(controller, modulePath);
    }
  }
  return controllerPaths;
}

/** A module router's entries: an array written in place in `file`, or the constant array a name refers to, read where it is declared. */
function moduleRoutes(index: SymbolIndex, file: string, written: string, depth: number): ModuleRoute[] {
  if (depth > MAX_MODULE_ROUTE_DEPTH) return [];
  if (written.startsWith('[')) {
    return topLevelItems(written).flatMap((item): ModuleRoute[] => {
      if (/^[\w$.]+$/.test(item)) return [{ path: undefined, module: item, children: [], file }];
      if (!/^\{[\s\S]*\}$/.test(item)) return [];
      const properties = new Map(topLevelItems(item.slice(1, -1)).map((pair) => [/^(\w+)\s*:/.exec(pair)?.[1] ?? '', pair.slice(pair.indexOf(':') + 1).trim()]));
      return [{ path: properties.get('path'), module: properties.get('module'), children: moduleRoutes(index, file, properties.get('children') ?? '', depth + 1), file }];
    });
  }
  const constant = /^[\w$.]+$/.test(written) ? index.resolve(file, written) : undefined;
  const value = constant ? index.definition(constant)?.shape : undefined;
  return constant && value ? moduleRoutesOf(value, SymbolId.parse(constant).path, depth) : [];
}

function moduleRoutesOf(value: ValueShape, file: string, depth: number): ModuleRoute[] {
  if (value.kind !== 'list' || depth > MAX_MODULE_ROUTE_DEPTH) return [];
  const written = (shape: ValueShape | undefined) => (shape?.kind === 'string' ? `'${shape.value}'` : shape?.kind === 'name' ? shape.value : shape?.kind === 'other' ? shape.text : shape?.kind === 'call' ? `${shape.callee}()` : undefined);
  return value.items.flatMap((item): ModuleRoute[] => {
    if (item.kind === 'name') return [{ path: undefined, module: item.value, children: [], file }];
    if (item.kind !== 'object') return [];
    const children = item.properties['children'];
    return [{ path: written(item.properties['path']), module: written(item.properties['module']), children: children ? moduleRoutesOf(children, file, depth + 1) : [], file }];
  });
}

/** The items of an array literal's text, split at its top-level commas: `[A, B.forRoot({ x: [1, 2] })]` → `A`, `B.forRoot(...)`. */
function topLevelItems(written: string): string[] {
  const body = written.trim().replace(/^\[/, '').replace(/\]$/, '');
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const character of body) {
    if ('([{'.includes(character)) depth++;
    else if (')]}'.includes(character)) depth--;
    if (character === ',' && depth === 0) {
      items.push(current.trim());
      current = '';
    } else current += character;
  }
  if (current.trim()) items.push(current.trim());
  return items;
}

/** `OrdersService` → itself; `BullModule.forRoot(...)` → `BullModule`; `{ provide: TOKEN, useClass: Impl }` → `TOKEN`, `Impl`; anything else → none. */
function namesOfItem(item: string): string[] {
  const provider = /^\{[\s\S]*\}$/.test(item);
  if (provider) return ['provide', 'useClass', 'useExisting'].flatMap((key) => new RegExp(`\\b${key}\\s*:\\s*([A-Za-z_$][\\w$]*)`).exec(item)?.[1] ?? []);
  return /^([A-Za-z_$][\w$]*)(?:\s*\.\s*\w+\s*\([\s\S]*\))?$/.exec(item)?.slice(1, 2) ?? [];
}
