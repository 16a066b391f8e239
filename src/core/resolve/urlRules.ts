import { listIn } from '../lists';
import type { Hint } from '../parse/facts';
import { type Finding, type Route, type RouteFinding, SymbolId } from '../result';
import { classHandlers, constantString, joinRoutePaths, listEntries, normalizeRoutePath, type Router, sourceOf, splitTopLevel, statedString, textOf } from './routePaths';
import type { SymbolIndex } from './symbolIndex';

/** Longer argument lists are not read: a registration's arguments are a few names and literals. */
const MAX_ARGUMENTS_TEXT = 4000;

/** `methods=["GET", "POST"]` (or a tuple) among a registration's arguments. */
const METHODS = /\bmethods\s*=\s*[([]([^)\]]*)[)\]]/;

/** `Login.as_view("login", ...)`: the class a view is made from. */
const AS_VIEW = /^([\w.]+)\.as_view\(/;

/** `app.config["API_PREFIX"]`: a key of the application's configuration. */
const CONFIG_READ = /^[\w.]+\.config\[\s*(['"])([A-Za-z_]\w*)\1\s*\]$/;

/** A call's arguments as written: positional ones in order (up to a `*args`), keywords by name. */
interface Arguments {
  positional: string[];
  keywords: Map<string, string>;
}

/** What the route resolver lends: the routers, and the prefixes each is served under. */
export interface UrlRuleRouters {
  routers: ReadonlyMap<string, Router>;
  prefixes: (router: string) => string[];
}

/**
 * Routes registered by calls with the view given (Flask's `add_url_rule`, rule `flask-url-rule`):
 * the rule's paths under its router's prefixes, answered by a function view or, for a class made a
 * view with `as_view`, by the class's method of each HTTP method. A registration written in a
 * helper that takes the rule, the view or the router as parameters
 * (`def register_view(bp, routes, view_func): for route in routes: bp.add_url_rule(route, view_func=view_func)`)
 * stands for each call of the helper (hint `view-handed-on`), its parameters bound to that call's arguments.
 */
export function urlRuleRoutes(index: SymbolIndex, findings: readonly RouteFinding[], hints: readonly Hint[], handedOn: ReadonlyMap<string, readonly Hint[]>, known: UrlRuleRouters, notRoutes: Set<Finding>): Route[] {
  const includes: Hint[] = [];
  const configObjects: Hint[] = [];
  for (const hint of hints) {
    if (hint.hint === 'include') includes.push(hint);
    else if (hint.hint === 'config-object') configObjects.push(hint);
  }
  const config = (key: string) => configValue(index, configObjects, key);
  const routes: Route[] = [];
  for (const finding of findings) {
    const registrations = forwarded(index, finding, handedOn.get(finding.symbol) ?? []) ?? [finding];
    let any = false;
    for (const registration of registrations) {
      const found = registeredRoutes(index, registration, includes, known, config);
      any ||= found.length > 0;
      routes.push(...found);
    }
    if (!any) notRoutes.add(finding);
  }
  return routes;
}

/** The routes one registration (as written, or bound at a call of its helper) makes. */
function registeredRoutes(index: SymbolIndex, finding: RouteFinding, includes: readonly Hint[], known: UrlRuleRouters, config: (key: string) => string | undefined): Route[] {
  const source = sourceOf(finding);
  const { path } = source;
  const paths = rulesOf(index, finding);
  const answers = viewAnswers(index, path, finding);
  if (!paths.length || !answers.length) return [];
  const routes: Route[] = [];
  for (const prefix of routerPrefixes(index, finding, includes, known, config)) {
    for (const rule of paths) for (const { method, handler } of answers) routes.push({ method, path: normalizeRoutePath(joinRoutePaths(prefix, rule)), handler, framework: finding.details.framework ?? 'flask', source });
  }
  return routes;
}

/** The rules a registration is for: a literal, a constant, or each entry of a list looped over. */
export function rulesOf(index: SymbolIndex, finding: RouteFinding): string[] {
  const { path } = sourceOf(finding);
  const { details } = finding;
  const listed = details['paths'];
  if (Array.isArray(listed)) return listed.filter((entry): entry is string => typeof entry === 'string');
  const from = details['pathsFrom'];
  if (typeof from === 'string') return listEntries(from).flatMap((entry) => constantString(index, path, entry) ?? []);
  if (typeof details.path === 'string') return [statedString(index, path, details.path)];
  const named = details['pathName'];
  const stated = typeof named === 'string' ? constantString(index, path, named) : undefined;
  return stated === undefined ? [] : [stated];
}

/** The HTTP methods and handlers a registration's view answers with. */
function viewAnswers(index: SymbolIndex, path: string, finding: RouteFinding): { method: string; handler: string }[] {
  const stated = statedMethods(textOf(finding.details['arguments']));
  const viewClass = finding.details['viewClass'];
  if (typeof viewClass === 'string') {
    const view = index.resolve(path, viewClass);
    if (!view || index.definition(view)?.kind !== 'class') return [];
    const own = classHandlers(index, view);
    // Given no methods, a MethodView answers each it defines; a View's `dispatch_request` answers GET.
    if (!stated.length) return own.length ? own : [{ method: 'GET', handler: dispatcherOf(index, view) }];
    return stated.map((method) => ({ method, handler: own.find((answer) => answer.method === method)?.handler ?? dispatcherOf(index, view) }));
  }
  const view = index.resolve(path, String(finding.details.view ?? ''));
  if (!view) return [];
  return (stated.length ? stated : ['GET']).map((method) => ({ method, handler: view }));
}

function dispatcherOf(index: SymbolIndex, view: string): string {
  return index.method(view, 'dispatch_request') ?? view;
}

function statedMethods(argumentsWritten: string): string[] {
  const listed = METHODS.exec(argumentsWritten.slice(0, MAX_ARGUMENTS_TEXT))?.[1] ?? '';
  return [...new Set([...listed.matchAll(/[A-Za-z]+/g)].map(([name]) => name.toUpperCase()).filter((name) => name !== 'OPTIONS' && name !== 'HEAD'))];
}

/**
 * The prefixes a registration's router is served under: a module's router's own and its mounts', or,
 * for a blueprint made inside the function that registers it (`bp = Blueprint(...)` then
 * `app.register_blueprint(bp, url_prefix=...)`), the prefix of that registration.
 */
function routerPrefixes(index: SymbolIndex, finding: RouteFinding, includes: readonly Hint[], known: UrlRuleRouters, config: (key: string) => string | undefined): string[] {
  const { path } = sourceOf(finding);
  const written = finding.details.router ?? '';
  const target = index.resolve(path, written);
  if (target && known.routers.has(target)) return known.prefixes(target);
  const local = includes.find((hint) => hint.symbol === finding.symbol && hint.details.child === written);
  if (!local) return [''];
  const { prefix, prefixName } = local.details;
  if (prefix !== undefined) return [prefix];
  const read = prefixName === undefined ? undefined : (constantString(index, path, prefixName) ?? configRead(prefixName, config));
  return [read ?? ''];
}

/** `app.config["KEY"]`: the value the application's configuration objects give the key. */
export function configRead(written: string, config: (key: string) => string | undefined): string | undefined {
  const key = CONFIG_READ.exec(written)?.[2];
  return key === undefined ? undefined : config(key);
}

/** The value of a configuration key: the attribute of that name of a class loaded with `config.from_object(...)` (hint `config-object`). */
export function configValue(index: SymbolIndex, configObjects: readonly Hint[], key: string): string | undefined {
  for (const hint of configObjects) {
    const { path } = SymbolId.parse(hint.symbol);
    // A name the module binds (`Config`), else an import path as a string gives it (`"shop.settings.Config"`, its quotes already gone).
    const written = textOf(hint.details['object']);
    const holder = index.resolve(path, written) ?? index.definitionAtImportPath(written);
    if (!holder || index.definition(holder)?.kind !== 'class') continue;
    for (const symbol of [holder, ...index.ancestry(holder).classes]) {
      const literal = index.definition(symbol)?.attributes?.find((attribute) => attribute.name === key)?.literal;
      if (literal !== undefined) return literal;
    }
  }
  return undefined;
}

/** The calls that hand a view or resource on (hint `view-handed-on`), by the workspace helper they call. */
export function handedOnCalls(index: SymbolIndex, hints: readonly Hint[]): Map<string, Hint[]> {
  const handedOn = new Map<string, Hint[]>();
  for (const hint of hints) {
    if (hint.hint !== 'view-handed-on') continue;
    const path = SymbolId.parse(hint.symbol).path;
    const written = textOf(hint.details['callee']);
    const callee = index.resolve(path, written) ?? methodOfInstance(index, path, written);
    if (callee) listIn(handedOn, callee).push(hint);
  }
  return handedOn;
}

/** `api.add_org_resource` where a module keeps `api = ApiExt()`: the method the instance's class (or an ancestor) defines. */
function methodOfInstance(index: SymbolIndex, path: string, callee: string): string | undefined {
  const dot = callee.lastIndexOf('.');
  const holder = dot > 0 ? index.resolve(path, callee.slice(0, dot)) : undefined;
  const made = holder ? index.instanceOf(holder) : undefined;
  if (!made || !('symbol' in made)) return undefined;
  return index.methodOrInherited(made.symbol, callee.slice(dot + 1));
}

/**
 * A registration in a helper whose rule, view, resource or router is one of the helper's parameters
 * (or, in a method, the object it is called on): the same registration at each call of the helper
 * that hands on a view, with the parameters given there; undefined when the registration takes none
 * of its parameters.
 */
export function forwarded(index: SymbolIndex, finding: RouteFinding, calls: readonly Hint[]): RouteFinding[] | undefined {
  const helper = index.definition(finding.symbol);
  if (!helper || (helper.kind !== 'function' && helper.kind !== 'method')) return undefined;
  const parameters = helper.parameters ?? [];
  const selfName = helper.kind === 'method' && (parameters[0]?.name === 'self' || parameters[0]?.name === 'cls') ? parameters[0].name : undefined;
  const own = selfName === undefined ? parameters : parameters.slice(1);
  const names = own.map((parameter) => parameter.name.replace(/^\*+/, ''));
  const { details } = finding;
  const takes = (name: unknown): name is string => typeof name === 'string' && names.includes(name);
  const onSelf = selfName !== undefined && details.router === selfName;
  if (!onSelf && ![details.router, details['pathsFrom'], details['pathName'], details.view, details.resource].some(takes)) return undefined;
  return calls.flatMap((call) => {
    const written = textOf(call.details['arguments']);
    if (written.length > MAX_ARGUMENTS_TEXT) return [];
    const given = argumentsOf(written);
    const bound = (name: string) => {
      const at = names.indexOf(name);
      // `*urls` takes the positional arguments from its place on.
      if (own[at]?.splat === 'positional') return `[${given.positional.slice(at).join(', ')}]`;
      return given.keywords.get(name) ?? given.positional[at];
    };
    const bind = (name: unknown) => (takes(name) ? bound(name) : name);
    const router = onSelf ? receiverOf(textOf(call.details['callee'])) : bind(details.router);
    const view = bind(details.view ?? details['viewClass'] ?? details.resource);
    const viewClass = typeof view === 'string' && takes(details.view) ? AS_VIEW.exec(view)?.[1] : undefined;
    const rules = takes(details['pathsFrom']) ? bound(details['pathsFrom']) : takes(details['pathName']) ? bound(details['pathName']) : undefined;
    if (typeof router !== 'string' || typeof view !== 'string') return [];
    const boundDetails: RouteFinding['details'] = { ...details, router, arguments: `${textOf(details['arguments'])} ${written}` };
    // Registered where the helper is called: that call's file is where its names are read.
    delete boundDetails.registeredAt;
    delete boundDetails.view;
    delete boundDetails['viewClass'];
    if (details.resource !== undefined) boundDetails.resource = view;
    else if (viewClass) boundDetails['viewClass'] = viewClass;
    else if (takes(details.view)) boundDetails.view = view;
    else if (typeof details['viewClass'] === 'string') boundDetails['viewClass'] = details['viewClass'];
    else boundDetails.view = view;
    if (rules !== undefined) {
      boundDetails['pathsFrom'] = rules.startsWith('[') || rules.startsWith('(') ? rules : `[${rules}]`;
      delete boundDetails['pathName'];
      delete boundDetails['paths'];
    }
    return [{ ...finding, symbol: call.symbol, range: call.range, details: boundDetails }];
  });
}

/** `api.add_org_resource` → `api`: the object a method is called on; undefined for a plain function. */
function receiverOf(callee: string): string | undefined {
  const dot = callee.lastIndexOf('.');
  return dot > 0 ? callee.slice(0, dot) : undefined;
}

/** A call's argument list as written (`(bp, routes=["/a"], view_func=V.as_view("v"))`), split into its arguments. */
function argumentsOf(written: string): Arguments {
  const trimmed = written.trim();
  const inner = trimmed.startsWith('(') && trimmed.endsWith(')') ? trimmed.slice(1, -1) : trimmed;
  const positional: string[] = [];
  const keywords = new Map<string, string>();
  let splat = false;
  for (const argument of splitTopLevel(inner)) {
    const keyword = /^([A-Za-z_]\w*)\s*=(?!=)\s*/.exec(argument);
    if (keyword?.[1]) keywords.set(keyword[1], argument.slice(keyword[0].length));
    else if (argument.startsWith('*')) splat = true; // the positions after a `*args` are not known
    else if (!splat) positional.push(argument);
  }
  return { positional, keywords };
}
